import { createHash } from 'node:crypto';
import { setTimeout as pause } from 'node:timers/promises';
import { AwsV4Signer } from 'aws4fetch';
import type { FileStore } from './store.js';
import type { S3Options } from './s3-options.js';

/** How hard the store tries; the defaults suit an upload of a few megabytes over a LAN or to AWS. */
export interface S3Transport {
  /** Per attempt, reading the answer included. */
  timeoutMs?: number;
  /** Attempts in all for one operation (1: no retry). Only network errors, timeouts, 5xx and 429 are retried. */
  attempts?: number;
  /** The pause before the first retry; it doubles for each next one, with jitter, up to 5 s. */
  retryDelayMs?: number;
  /** Another fetch (tests reach virtual-host names on loopback with it). */
  fetch?: typeof fetch;
}

/**
 * A request to the bucket that failed. `status` is null when no answer came (network, timeout);
 * `code` is S3's error code from the answer's XML (SignatureDoesNotMatch, NoSuchBucket…).
 * The message, in Polish and English, is for the operator's log: it names the bucket and key and
 * never the secret.
 */
export class S3Error extends Error {
  constructor(
    message: string,
    readonly status: number | null,
    readonly code: string | null,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'S3Error';
  }

  /** Worth another try: no answer, the server's own trouble, or it asked us to slow down. */
  get retryable(): boolean {
    return this.status === null || this.status >= 500 || this.status === 429;
  }
}

// Keys are the caller's opaque ids. Segments of safe characters only: nothing to encode in a URL,
// no "." or ".." to be read as a path by a gateway, no leading slash to merge with the prefix.
const keyPattern = /^[A-Za-z0-9_-][A-Za-z0-9._-]*(?:\/[A-Za-z0-9_-][A-Za-z0-9._-]*)*$/;
const maxKeyLength = 512;

/** Why a key cannot be used, or null when it can. */
export function fileKeyProblem(key: string): string | null {
  if (key.length === 0 || key.length > maxKeyLength) return `the key must have 1 to ${maxKeyLength} characters`;
  if (!keyPattern.test(key)) {
    return 'the key may hold only letters, digits, ".", "_", "-" and "/" between segments not starting with "."';
  }
  return null;
}

/** fetch takes views of an ArrayBuffer only; a view of a SharedArrayBuffer is copied. */
function overArrayBuffer(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  return bytes.buffer instanceof ArrayBuffer ? new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) : new Uint8Array(bytes);
}

const maxRetryDelayMs = 5_000;
const readinessTimeoutMs = 5_000;

/** Report attachments' bytes in any S3-compatible bucket (AWS S3, MinIO, Ceph, Garage, OVH, Scaleway). */
export class S3FileStore implements FileStore {
  readonly kind = 's3' as const;
  private readonly timeoutMs: number;
  private readonly attempts: number;
  private readonly retryDelayMs: number;
  private readonly fetch: typeof fetch;
  // Signing keys per day, kept between requests (aws4fetch's cache; keyed by the secret and the date).
  private readonly signingKeys = new Map<string, ArrayBuffer>();

  constructor(
    private readonly options: S3Options,
    transport: S3Transport = {},
  ) {
    this.timeoutMs = transport.timeoutMs ?? 30_000;
    this.attempts = Math.max(1, transport.attempts ?? 3);
    this.retryDelayMs = transport.retryDelayMs ?? 200;
    this.fetch = transport.fetch ?? fetch;
  }

  async put(key: string, bytes: Uint8Array, contentType: string): Promise<void> {
    // The type goes out as a header: a line break in it would write another header.
    if (!/^[\x20-\x7e]{1,200}$/.test(contentType)) throw new TypeError(`S3FileStore.put: invalid content type for "${key}"`);
    const headers: Record<string, string> = { 'content-type': contentType };
    if (this.options.serverSideEncryption) headers['x-amz-server-side-encryption'] = this.options.serverSideEncryption;
    await this.send('PUT', this.objectUrl(key), { body: bytes, headers });
  }

  async get(key: string): Promise<Uint8Array | null> {
    const answer = await this.send('GET', this.objectUrl(key), { missingIsFine: true });
    return answer.status === 404 ? null : answer.bytes;
  }

  async delete(key: string): Promise<void> {
    // S3 answers 204 for a missing key; some compatible stores answer 404: both mean "gone".
    await this.send('DELETE', this.objectUrl(key), { missingIsFine: true });
  }

  /** HEAD on the bucket, once, with a short timeout: does it exist and do our keys open it? */
  async headBucket(): Promise<void> {
    await this.send('HEAD', this.bucketUrl(''), { attempts: 1, timeoutMs: Math.min(this.timeoutMs, readinessTimeoutMs) });
  }

  private objectUrl(key: string): string {
    const problem = fileKeyProblem(key);
    if (problem) throw new TypeError(`S3FileStore: ${problem} (got ${JSON.stringify(key.slice(0, 80))})`);
    return this.bucketUrl(`${this.options.prefix}${key}`);
  }

  /** Path style: endpoint/bucket/key; virtual host: bucket.host/key (AWS's default). */
  private bucketUrl(objectKey: string): string {
    const { endpoint, bucket, forcePathStyle } = this.options;
    if (forcePathStyle) return `${endpoint}/${bucket}/${objectKey}`;
    const url = new URL(endpoint);
    return `${url.protocol}//${bucket}.${url.host}${url.pathname.replace(/\/$/, '')}/${objectKey}`;
  }

  private async send(
    method: 'GET' | 'PUT' | 'DELETE' | 'HEAD',
    url: string,
    options: { body?: Uint8Array; headers?: Record<string, string>; missingIsFine?: boolean; attempts?: number; timeoutMs?: number },
  ): Promise<{ status: number; bytes: Uint8Array }> {
    const attempts = options.attempts ?? this.attempts;
    let failure: S3Error | undefined;
    for (let attempt = 1; attempt <= attempts; attempt++) {
      if (attempt > 1) await pause(this.retryDelay(attempt - 1));
      const result = await this.attempt(method, url, options);
      if (!(result instanceof S3Error)) return result;
      if (!result.retryable) throw result;
      failure = result;
    }
    throw new S3Error(
      `${failure?.message ?? 'S3'} (prób: ${attempts} / attempts: ${attempts})`,
      failure?.status ?? null,
      failure?.code ?? null,
      { cause: failure },
    );
  }

  private retryDelay(retry: number): number {
    const ceiling = Math.min(maxRetryDelayMs, this.retryDelayMs * 2 ** (retry - 1));
    return ceiling / 2 + (Math.random() * ceiling) / 2;
  }

  /** One signed request; its failure is returned, not thrown, so that `send` decides on retrying. */
  private async attempt(
    method: string,
    url: string,
    options: { body?: Uint8Array; headers?: Record<string, string>; missingIsFine?: boolean; timeoutMs?: number },
  ): Promise<{ status: number; bytes: Uint8Array } | S3Error> {
    const where = `S3 ${method} ${new URL(url).pathname}`;
    try {
      // Signed each time: a retry minutes later needs a fresh date. The payload's hash is signed
      // too, so the store refuses bytes changed on the way.
      const payloadHash = createHash('sha256')
        .update(options.body ?? new Uint8Array())
        .digest('hex');
      const signed = await new AwsV4Signer({
        method,
        url,
        headers: { ...options.headers, 'x-amz-content-sha256': payloadHash },
        accessKeyId: this.options.accessKeyId,
        secretAccessKey: this.options.secretAccessKey,
        service: 's3',
        region: this.options.region,
        cache: this.signingKeys,
      }).sign();
      const response = await this.fetch(signed.url, {
        method,
        headers: signed.headers,
        body: options.body ? overArrayBuffer(options.body) : null,
        // A redirect names another region or endpoint; following it would resend a signature made for this one.
        redirect: 'manual',
        signal: AbortSignal.timeout(options.timeoutMs ?? this.timeoutMs),
      });
      const bytes = new Uint8Array(await response.arrayBuffer());
      if (response.ok) return { status: response.status, bytes };
      const refusal = this.refusal(where, response, bytes);
      // A missing key is an answer; a missing bucket is a broken configuration.
      if (options.missingIsFine && response.status === 404 && refusal.code !== 'NoSuchBucket') return { status: 404, bytes };
      return refusal;
    } catch (error) {
      const timedOut = error instanceof Error && error.name === 'TimeoutError';
      const cause: unknown = error instanceof Error ? error.cause : undefined;
      const reason = timedOut
        ? 'przekroczony czas oczekiwania / timed out'
        : cause instanceof Error
          ? `${(cause as NodeJS.ErrnoException).code ?? cause.message}`
          : error instanceof Error
            ? error.message
            : String(error);
      return new S3Error(`${where}: brak odpowiedzi od ${this.options.endpoint} / no answer: ${reason}`, null, null, { cause: error });
    }
  }

  private refusal(where: string, response: Response, bytes: Uint8Array): S3Error {
    const text = new TextDecoder().decode(bytes.subarray(0, 4096));
    const code = /<Code>([^<]{1,100})<\/Code>/.exec(text)?.[1] ?? null;
    const serverMessage = /<Message>([^<]{1,300})<\/Message>/.exec(text)?.[1];
    const status = response.status;
    const said = `${status}${code ? ` ${code}` : ''}${serverMessage ? `: ${serverMessage}` : ''}`;
    const { bucket } = this.options;
    let advice: string;
    if (code === 'RequestTimeTooSkewed') {
      advice =
        "zegar tego serwera różni się od zegara S3: włącz synchronizację czasu (NTP) / this server's clock is off: enable time synchronisation (NTP)";
    } else if (status === 401 || status === 403) {
      advice =
        `odmowa dostępu do kubełka „${bucket}”: sprawdź S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY i uprawnienia klucza / ` +
        `access to bucket "${bucket}" denied: check S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY and the key's permissions`;
    } else if (status === 404 || code === 'NoSuchBucket') {
      advice = `kubełek „${bucket}” nie istnieje / bucket "${bucket}" does not exist`;
    } else if (status >= 300 && status < 400) {
      const region = response.headers.get('x-amz-bucket-region');
      advice =
        `S3 wskazuje inny adres${region ? ` (region ${region})` : ''}: sprawdź S3_REGION i S3_ENDPOINT / ` +
        `S3 points elsewhere${region ? ` (region ${region})` : ''}: check S3_REGION and S3_ENDPOINT`;
    } else {
      advice = 'błąd usługi S3 / the S3 service failed';
    }
    return new S3Error(`${where}: ${advice} (${said})`, status, code);
  }
}
