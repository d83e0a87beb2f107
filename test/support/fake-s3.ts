import http from 'node:http';
import type net from 'node:net';
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/**
 * An S3-compatible server on loopback, in memory (never our own code under test): objects in
 * buckets by PUT, GET, HEAD and DELETE, HEAD on a bucket, path-style and virtual-host addressing
 * (`bucket.localhost`, read from the Host header). Every request must carry a valid AWS
 * Signature V4, recomputed here with node:crypto from the specification, not with the library
 * the store signs with; so a wrong secret, a changed body or a wrong region gets 403 as on AWS.
 */
export function fakeS3(options: {
  buckets: string[];
  accessKeyId: string;
  secretAccessKey: string;
  region: string;
  /** AWS answers 204 to deleting a missing key; some compatible stores answer 404 NoSuchKey. */
  deleteMissingStatus?: 204 | 404;
}) {
  const objects = new Map<string, { bytes: Buffer; contentType: string; encryption: string | null }>();
  const requests: { method: string; host: string; path: string; bucket: string | null; key: string | null; status: number }[] = [];
  const failures: { status: number }[] = [];
  let stalls = 0;
  const sockets = new Set<net.Socket>();

  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks);
      const host = request.headers.host ?? '';
      const url = new URL(request.url ?? '/', 'http://fake');
      const { bucket, key } = address(host, url.pathname);
      const record = (status: number) => requests.push({ method: request.method ?? '', host, path: url.pathname, bucket, key, status });
      if (stalls > 0) {
        // Never answers: the client's timeout has to end the wait.
        stalls -= 1;
        record(0);
        return;
      }
      const failure = failures.shift();
      if (failure) {
        record(failure.status);
        return fail(response, failure.status, failure.status === 503 ? 'SlowDown' : 'InternalError', 'injected failure');
      }
      const refusal = signatureProblem(request, url, body, options);
      if (refusal) {
        record(refusal.status);
        return fail(response, refusal.status, refusal.code, refusal.message);
      }
      if (bucket === null || !options.buckets.includes(bucket)) {
        record(404);
        return fail(response, 404, 'NoSuchBucket', 'The specified bucket does not exist');
      }
      const status = answer(request.method ?? '', `${bucket}/${key ?? ''}`, key, request, body, response);
      record(status);
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  function answer(
    method: string,
    id: string,
    key: string | null,
    request: http.IncomingMessage,
    body: Buffer,
    response: http.ServerResponse,
  ): number {
    if (key === null) {
      if (method !== 'HEAD') return fail(response, 405, 'MethodNotAllowed', 'Only HEAD on a bucket here');
      response.writeHead(200).end();
      return 200;
    }
    const stored = objects.get(id);
    if (method === 'PUT') {
      const encryption = header(request, 'x-amz-server-side-encryption');
      objects.set(id, { bytes: body, contentType: header(request, 'content-type') ?? 'binary/octet-stream', encryption });
      response.writeHead(200, { etag: `"${createHash('md5').update(body).digest('hex')}"` }).end();
      return 200;
    }
    if (method === 'DELETE') {
      if (!stored && options.deleteMissingStatus === 404) return fail(response, 404, 'NoSuchKey', 'The specified key does not exist.');
      objects.delete(id);
      response.writeHead(204).end();
      return 204;
    }
    if (method !== 'GET' && method !== 'HEAD') return fail(response, 405, 'MethodNotAllowed', 'Not supported by the fake');
    if (!stored) return fail(response, 404, 'NoSuchKey', 'The specified key does not exist.', method === 'HEAD');
    response.writeHead(200, { 'content-type': stored.contentType, 'content-length': stored.bytes.length });
    response.end(method === 'HEAD' ? undefined : stored.bytes);
    return 200;
  }

  let port = 0;
  return {
    /** Stored objects by "bucket/key". */
    objects,
    /** Every request seen, in order, with the status answered (0: left unanswered). */
    requests,
    /** The next `count` requests get `status` (500 or 503) before anything else is checked. */
    failNext(count: number, status = 503) {
      for (let i = 0; i < count; i++) failures.push({ status });
    },
    /** The next `count` requests are never answered. */
    stallNext(count: number) {
      stalls += count;
    },
    /** Forgets objects, requests and failures still to inject. */
    reset() {
      objects.clear();
      requests.length = 0;
      failures.length = 0;
      stalls = 0;
    },
    listen: () =>
      new Promise<number>((resolve) =>
        server.listen(0, '127.0.0.1', () => {
          port = (server.address() as net.AddressInfo).port;
          resolve(port);
        }),
      ),
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
    /**
     * A fetch that sends every request to this server whatever host its URL names, keeping that
     * host in the Host header: virtual-host names (bucket.localhost) do not resolve here.
     */
    fetch: (async (input: string | URL | Request, init?: RequestInit) => {
      const request = new Request(input, init);
      const url = new URL(request.url);
      const body = Buffer.from(await request.arrayBuffer());
      return await new Promise<Response>((resolve, reject) => {
        const outgoing = http.request(
          {
            host: '127.0.0.1',
            port,
            method: request.method,
            path: `${url.pathname}${url.search}`,
            headers: { ...Object.fromEntries(request.headers), host: url.host, 'content-length': String(body.length) },
            signal: request.signal,
          },
          (incoming) => {
            const parts: Buffer[] = [];
            incoming.on('data', (chunk: Buffer) => parts.push(chunk));
            incoming.on('error', reject);
            incoming.on('end', () => {
              const status = incoming.statusCode ?? 500;
              const empty = status === 204 || request.method === 'HEAD';
              const headers = Object.entries(incoming.headers).flatMap(([name, value]) =>
                typeof value === 'string' ? [[name, value] as [string, string]] : [],
              );
              resolve(new Response(empty ? null : Buffer.concat(parts), { status, headers }));
            });
          },
        );
        outgoing.on('error', reject);
        outgoing.end(body);
      });
    }) as typeof fetch,
  };
}

/** Virtual host when the Host header is `<bucket>.localhost[:port]`, else the bucket is the path's first segment. */
function address(host: string, pathname: string): { bucket: string | null; key: string | null } {
  const hostname = host.replace(/:\d+$/, '');
  const path = pathname.replace(/^\//, '');
  const virtual = /^(.+)\.localhost$/.exec(hostname);
  if (virtual) return { bucket: virtual[1] ?? null, key: path === '' ? null : decodeURIComponent(path) };
  const [bucket = '', ...rest] = path.split('/');
  const key = rest.join('/');
  return { bucket: bucket === '' ? null : bucket, key: key === '' ? null : decodeURIComponent(key) };
}

function header(request: http.IncomingMessage, name: string): string | null {
  const value = request.headers[name];
  return typeof value === 'string' ? value : null;
}

function fail(response: http.ServerResponse, status: number, code: string, message: string, headOnly = false): number {
  const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message></Error>`;
  response.writeHead(status, { 'content-type': 'application/xml' });
  response.end(headOnly ? undefined : xml);
  return status;
}

/** RFC 3986 percent-encoding as SigV4 wants it: everything but A-Z a-z 0-9 - . _ ~ (and "/" in paths). */
function uriEncode(text: string, keepSlash: boolean): string {
  return [...Buffer.from(text, 'utf8')]
    .map((byte) => {
      const char = String.fromCharCode(byte);
      if (/[A-Za-z0-9\-._~]/.test(char) || (keepSlash && char === '/')) return char;
      return `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
    })
    .join('');
}

/**
 * The Signature V4 of a request, by the specification: canonical request, string to sign, and
 * the signing key derived from the secret, the date, the region and the service. Exported so
 * that a test can check it against AWS's published example.
 */
export function signatureV4(request: {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: Record<string, string>;
  signedHeaders: string[];
  payloadHash: string;
  amzDate: string;
  region: string;
  service: string;
  secretAccessKey: string;
}): string {
  // S3 encodes the path once; other services encode it twice. Our keys have nothing to encode.
  const canonicalPath = uriEncode(decodeURIComponent(request.path), true);
  const canonicalQuery = [...request.query]
    .map(([name, value]) => [uriEncode(name, false), uriEncode(value, false)] as const)
    .sort(([a, x], [b, y]) => (a === b ? (x < y ? -1 : 1) : a < b ? -1 : 1))
    .map(([name, value]) => `${name}=${value}`)
    .join('&');
  const canonicalHeaders = request.signedHeaders
    .map((name) => `${name}:${(request.headers[name] ?? '').trim().replace(/\s+/g, ' ')}\n`)
    .join('');
  const canonicalRequest = [
    request.method,
    canonicalPath,
    canonicalQuery,
    canonicalHeaders,
    request.signedHeaders.join(';'),
    request.payloadHash,
  ].join('\n');
  const day = request.amzDate.slice(0, 8);
  const scope = `${day}/${request.region}/${request.service}/aws4_request`;
  const stringToSign = ['AWS4-HMAC-SHA256', request.amzDate, scope, createHash('sha256').update(canonicalRequest).digest('hex')].join('\n');
  let key: Buffer = createHmac('sha256', `AWS4${request.secretAccessKey}`).update(day).digest();
  for (const part of [request.region, request.service, 'aws4_request']) key = createHmac('sha256', key).update(part).digest();
  return createHmac('sha256', key).update(stringToSign).digest('hex');
}

const authorizationPattern =
  /^AWS4-HMAC-SHA256 Credential=([^/,\s]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request, ?SignedHeaders=([a-z0-9;-]+), ?Signature=([0-9a-f]{64})$/;

function signatureProblem(
  request: http.IncomingMessage,
  url: URL,
  body: Buffer,
  options: { accessKeyId: string; secretAccessKey: string; region: string },
): { status: number; code: string; message: string } | null {
  const match = authorizationPattern.exec(header(request, 'authorization') ?? '');
  if (!match) return { status: 403, code: 'AccessDenied', message: 'Missing or malformed Authorization header' };
  const [, accessKeyId, day, region, service, signed = '', signature = ''] = match;
  if (accessKeyId !== options.accessKeyId) return { status: 403, code: 'InvalidAccessKeyId', message: 'The access key id does not exist' };
  const amzDate = header(request, 'x-amz-date') ?? '';
  const signedHeaders = signed.split(';');
  if (!['host', 'x-amz-date', 'x-amz-content-sha256'].every((name) => signedHeaders.includes(name))) {
    return { status: 403, code: 'AccessDenied', message: 'host, x-amz-date and x-amz-content-sha256 must be signed' };
  }
  const sent = Date.parse(amzDate.replace(/^(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)Z$/, '$1-$2-$3T$4:$5:$6Z'));
  if (Number.isNaN(sent) || Math.abs(Date.now() - sent) > 15 * 60_000 || amzDate.slice(0, 8) !== day) {
    return {
      status: 403,
      code: 'RequestTimeTooSkewed',
      message: 'The difference between the request time and the server time is too large',
    };
  }
  if (region !== options.region || service !== 's3')
    return { status: 400, code: 'AuthorizationHeaderMalformed', message: 'Wrong region or service' };
  const payloadHash = header(request, 'x-amz-content-sha256') ?? '';
  if (payloadHash !== 'UNSIGNED-PAYLOAD' && payloadHash !== createHash('sha256').update(body).digest('hex')) {
    return {
      status: 400,
      code: 'XAmzContentSHA256Mismatch',
      message: "The provided 'x-amz-content-sha256' header does not match what was computed",
    };
  }
  const headers = Object.fromEntries(signedHeaders.map((name) => [name, header(request, name) ?? '']));
  const expected = signatureV4({
    method: request.method ?? '',
    path: url.pathname,
    query: url.searchParams,
    headers,
    signedHeaders,
    payloadHash,
    amzDate,
    region,
    service,
    secretAccessKey: options.secretAccessKey,
  });
  if (!timingSafeEqual(Buffer.from(expected), Buffer.from(signature))) {
    return {
      status: 403,
      code: 'SignatureDoesNotMatch',
      message: 'The request signature we calculated does not match the signature you provided',
    };
  }
  return null;
}
