import { randomBytes } from 'node:crypto';
import net from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeS3, signatureV4 } from '../../../test/support/fake-s3.js';
import { checkS3, type S3Options } from './s3-options.js';
import { S3Error, S3FileStore, fileKeyProblem, type S3Transport } from './s3-store.js';

const credentials = { accessKeyId: 'dzielnicowy-test', secretAccessKey: randomBytes(24).toString('base64') };
const region = 'eu-central-1';
const bucket = 'zalaczniki';
const server = fakeS3({ ...credentials, region, buckets: [bucket] });
let endpoint = '';

beforeAll(async () => {
  endpoint = `http://127.0.0.1:${await server.listen()}`;
});
afterAll(() => server.close());
beforeEach(() => server.reset());

function options(overrides: Partial<S3Options> = {}): S3Options {
  return { endpoint, region, bucket, ...credentials, forcePathStyle: true, prefix: '', serverSideEncryption: null, ...overrides };
}

function store(overrides: Partial<S3Options> = {}, transport: S3Transport = {}): S3FileStore {
  return new S3FileStore(options(overrides), { retryDelayMs: 1, ...transport });
}

/** Resolves to what the promise rejected with; fails the test when it resolved. */
async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => expect.fail('expected a rejection'),
    (error: unknown) => error,
  );
}

describe('S3FileStore against a fake S3 that checks signatures', () => {
  it('stores and returns every byte value, under the prefix, with its content type', async () => {
    const files = store({ prefix: 'jednostka-7/' });
    const bytes = new Uint8Array([...Array.from({ length: 256 }, (_, i) => i), ...randomBytes(1000)]);
    await files.put('report-1/photo-a', bytes, 'image/jpeg');
    expect(await files.get('report-1/photo-a')).toEqual(bytes);
    const stored = server.objects.get(`${bucket}/jednostka-7/report-1/photo-a`);
    expect(stored?.contentType).toBe('image/jpeg');
    expect(stored?.encryption).toBeNull();
    expect(server.requests.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
      `PUT /${bucket}/jednostka-7/report-1/photo-a 200`,
      `GET /${bucket}/jednostka-7/report-1/photo-a 200`,
    ]);
  });

  it('round-trips 5 MB (the attachment limit) unchanged', async () => {
    const files = store();
    const bytes = new Uint8Array(randomBytes(5 * 1024 * 1024));
    await files.put('big', bytes, 'video/mp4');
    const back = await files.get('big');
    expect(back?.length).toBe(bytes.length);
    expect(Buffer.from(back ?? []).equals(Buffer.from(bytes))).toBe(true);
  });

  it('answers null for a missing key and deletes idempotently', async () => {
    const files = store();
    expect(await files.get('never-stored')).toBeNull();
    await files.put('gone-soon', new Uint8Array([1, 2, 3]), 'text/plain');
    await files.delete('gone-soon');
    await files.delete('gone-soon');
    expect(await files.get('gone-soon')).toBeNull();
    expect(server.objects.size).toBe(0);
  });

  it('takes 404 NoSuchKey on delete (some compatible stores) as already gone, but not a missing bucket', async () => {
    const strict = fakeS3({ ...credentials, region, buckets: [bucket], deleteMissingStatus: 404 });
    const files = store({ endpoint: `http://127.0.0.1:${await strict.listen()}` });
    try {
      await files.delete('never-stored');
      expect(strict.requests.map((r) => r.status)).toEqual([404]);
    } finally {
      await strict.close();
    }
    for (const operation of [(s: S3FileStore) => s.delete('x'), (s: S3FileStore) => s.get('x')]) {
      const error = await rejection(operation(store({ bucket: 'no-such-bucket' })));
      expect((error as S3Error).code).toBe('NoSuchBucket');
      expect((error as S3Error).message).toMatch(/kubełek „no-such-bucket” nie istnieje \/ bucket "no-such-bucket" does not exist/);
    }
  });

  it('sends the server-side encryption header when asked, signed with the rest', async () => {
    await store({ serverSideEncryption: 'AES256' }).put('secret-photo', new Uint8Array([7]), 'image/png');
    expect(server.objects.get(`${bucket}/secret-photo`)?.encryption).toBe('AES256');
  });

  it('addresses the bucket in the host name (virtual host) or in the path', async () => {
    const port = new URL(endpoint).port;
    const virtual = store({ endpoint: `http://localhost:${port}`, forcePathStyle: false }, { fetch: server.fetch });
    await virtual.put('a/b', new Uint8Array([1]), 'text/plain');
    expect(await virtual.get('a/b')).toEqual(new Uint8Array([1]));
    const pathStyle = store({ endpoint: `http://localhost:${port}` }, { fetch: server.fetch });
    await pathStyle.put('c', new Uint8Array([2]), 'text/plain');
    expect(server.requests.map((r) => [r.host, r.path, r.bucket, r.key])).toEqual([
      [`${bucket}.localhost:${port}`, '/a/b', bucket, 'a/b'],
      [`${bucket}.localhost:${port}`, '/a/b', bucket, 'a/b'],
      [`localhost:${port}`, `/${bucket}/c`, bucket, 'c'],
    ]);
    expect([...server.objects.keys()].sort()).toEqual([`${bucket}/a/b`, `${bucket}/c`]);
  });

  it('refuses a wrong secret with a clear error, without retrying or storing anything', async () => {
    const error = await rejection(store({ secretAccessKey: 'not-the-secret' }).put('x', new Uint8Array([1]), 'text/plain'));
    expect(error).toBeInstanceOf(S3Error);
    const { status, code, message } = error as S3Error;
    expect({ status, code }).toEqual({ status: 403, code: 'SignatureDoesNotMatch' });
    expect(message).toMatch(/odmowa dostępu do kubełka „zalaczniki”.*S3_SECRET_ACCESS_KEY/);
    expect(message).toMatch(/access to bucket "zalaczniki" denied/);
    expect(message).not.toContain('not-the-secret');
    expect(server.requests).toHaveLength(1);
    expect(server.objects.size).toBe(0);
  });

  it('refuses an unknown access key id and a wrong region', async () => {
    const unknown = await rejection(store({ accessKeyId: 'someone-else' }).get('x'));
    expect((unknown as S3Error).code).toBe('InvalidAccessKeyId');
    const wrongRegion = await rejection(store({ region: 'us-east-1' }).get('x'));
    expect((wrongRegion as S3Error).status).toBe(400);
  });

  it('retries a transient 503 or 500 and succeeds', async () => {
    const files = store({}, { attempts: 3 });
    server.failNext(1, 500);
    server.failNext(1, 503);
    await files.put('after-retries', new Uint8Array([9, 8, 7]), 'text/plain');
    expect(server.requests.map((r) => r.status)).toEqual([500, 503, 200]);
    expect(await files.get('after-retries')).toEqual(new Uint8Array([9, 8, 7]));
  });

  it('gives up after the bound of attempts and says how many', async () => {
    server.failNext(10, 503);
    const error = await rejection(store({}, { attempts: 4 }).get('x'));
    expect(error).toBeInstanceOf(S3Error);
    expect((error as S3Error).status).toBe(503);
    expect((error as S3Error).message).toMatch(/prób: 4 \/ attempts: 4/);
    // Six injected failures were left unused: the bound stopped it, not a success.
    expect(server.requests.map((r) => r.status)).toEqual([503, 503, 503, 503]);
  });

  it('retries a request that times out', async () => {
    server.stallNext(1);
    const files = store({}, { timeoutMs: 300, attempts: 2 });
    await files.put('slow', new Uint8Array([5]), 'text/plain');
    expect(server.requests.map((r) => r.status)).toEqual([0, 200]);
    server.stallNext(1);
    const error = await rejection(store({}, { timeoutMs: 300, attempts: 1 }).get('slow'));
    expect((error as S3Error).status).toBeNull();
    expect((error as S3Error).message).toMatch(/timed out/);
  });

  it('reports an endpoint that does not answer, after retrying', async () => {
    const closed = await unusedPort();
    const error = await rejection(store({ endpoint: `http://127.0.0.1:${closed}` }, { attempts: 2 }).get('x'));
    expect(error).toBeInstanceOf(S3Error);
    expect((error as S3Error).status).toBeNull();
    expect((error as S3Error).message).toMatch(/ECONNREFUSED.*attempts: 2/);
  });

  it('refuses unsafe keys before any request', async () => {
    const files = store();
    for (const key of ['', '../etc/passwd', '/absolute', 'a//b', 'a/./b', '.hidden', 'spacja w nazwie', 'zażółć', 'a?b', 'x'.repeat(513)]) {
      expect(fileKeyProblem(key), key).not.toBeNull();
      await expect(files.put(key, new Uint8Array([1]), 'text/plain'), key).rejects.toThrow(TypeError);
      await expect(files.get(key), key).rejects.toThrow(TypeError);
      await expect(files.delete(key), key).rejects.toThrow(TypeError);
    }
    await expect(files.put('ok', new Uint8Array([1]), 'text/plain\r\nx-evil: 1')).rejects.toThrow(TypeError);
    expect(server.requests).toHaveLength(0);
    for (const key of ['a', 'reports/2026/3f2a-1.jpg', 'A_b-c.d', 'x'.repeat(512)]) expect(fileKeyProblem(key), key).toBeNull();
  });
});

describe('checkS3 (readiness)', () => {
  it('tells a reachable bucket from a missing one, refused keys and no answer', async () => {
    expect(await checkS3(store())).toBe('ok');
    expect(server.requests.map((r) => `${r.method} ${r.path}`)).toEqual([`HEAD /${bucket}/`]);
    expect(await checkS3(store({ bucket: 'no-such-bucket' }))).toBe('missing-bucket');
    expect(await checkS3(store({ secretAccessKey: 'wrong' }))).toBe('denied');
    server.failNext(1, 500);
    expect(await checkS3(store())).toBe('failing');
    const warnings: string[] = [];
    const closed = await unusedPort();
    expect(await checkS3(store({ endpoint: `http://127.0.0.1:${closed}` }), { warn: (_details, message) => warnings.push(message) })).toBe(
      'unreachable',
    );
    expect(warnings).toHaveLength(1);
  });
});

describe('the fake S3 signature check', () => {
  it("computes AWS's published Signature V4 example (get-vanilla)", () => {
    // From AWS's Signature Version 4 test suite: the same inputs give this signature in every
    // correct implementation, so the fake's check does not merely agree with the store's library.
    const signature = signatureV4({
      method: 'GET',
      path: '/',
      query: new URLSearchParams(),
      headers: { host: 'example.amazonaws.com', 'x-amz-date': '20150830T123600Z' },
      signedHeaders: ['host', 'x-amz-date'],
      payloadHash: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
      amzDate: '20150830T123600Z',
      region: 'us-east-1',
      service: 'service',
      secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
    });
    expect(signature).toBe('5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31');
  });

  it('refuses an unsigned request', async () => {
    const response = await fetch(`${endpoint}/${bucket}/x`);
    expect(response.status).toBe(403);
    expect(await response.text()).toContain('<Code>AccessDenied</Code>');
  });
});

function unusedPort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}
