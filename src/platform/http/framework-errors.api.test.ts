import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../../../test/support/databases.js';
import { type TestApp, createTestApp } from '../../../test/support/app.js';

/** Sends raw bytes to a listening server and reads the whole answer (the server closes the connection: errors, or Connection: close). */
function rawRequest(port: number, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => resolve(Buffer.concat(chunks).toString('utf8')));
    // Not end(): a half-closed connection may be dropped before a slow answer is written.
    socket.write(text);
  });
}

function split(raw: string): { status: number; headers: string; body: string } {
  const end = raw.indexOf('\r\n\r\n');
  return { status: Number(raw.slice(9, 12)), headers: raw.slice(0, end).toLowerCase(), body: raw.slice(end + 4) };
}

const marker = 'ECHO-MARKER';

/**
 * Answers Fastify and Node give before any route runs: a URL that cannot be decoded, a path
 * parameter over the length limit, headers over the size limit, a request Node cannot parse.
 * They come in the envelope (or an error page for browsers) and never repeat what was sent.
 */
describe.each(backends)('answers before routing on %s', (backend) => {
  let t: TestApp;
  let port: number;
  beforeAll(async () => {
    t = await createTestApp(backend);
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    port = (t.app.server.address() as net.AddressInfo).port;
  });
  afterAll(() => t.close());

  it('a URL that is not valid percent-encoding → 400 bad_url in the envelope, without the URL', async () => {
    const response = await t.app.inject({ method: 'GET', url: `/jednostki/${marker}%E0%A4%A`, headers: { 'accept-language': 'en' } });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/json');
    expect(response.json()).toEqual({
      error: { code: 'bad_url', message: 'The address of the request is not valid (wrong percent-encoding).' },
    });
    expect(response.body).not.toContain(marker);
  });

  it('…and an error page for a browser, without the URL', async () => {
    const response = await t.app.inject({ method: 'GET', url: `/jednostki/${marker}%C0`, headers: { accept: 'text/html' } });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('text/html');
    expect(response.body).toContain('Adres żądania jest nieprawidłowy');
    expect(response.body).not.toContain(marker);
  });

  it('a path parameter over the length limit → 414 uri_too_long, without the URL', async () => {
    const response = await t.app.inject({ method: 'GET', url: `/jednostki/${marker}${'a'.repeat(300)}` });
    expect(response.statusCode).toBe(414);
    expect(response.json()).toEqual({ error: { code: 'uri_too_long', message: expect.stringContaining('za długi') } });
    expect(response.body).not.toContain(marker);
  });

  it('headers over the size limit (a real socket) → 431 in the envelope', async () => {
    const answer = split(await rawRequest(port, `GET /?${marker} HTTP/1.1\r\nHost: x\r\nX-Big: ${'b'.repeat(20_000)}\r\n\r\n`));
    expect(answer.status).toBe(431);
    expect(answer.headers).toContain('content-type: application/json; charset=utf-8');
    expect(JSON.parse(answer.body)).toEqual({ error: { code: 'request_too_large', message: expect.stringContaining('Request headers') } });
    expect(answer.body).not.toContain(marker);
  });

  it('a URL longer than the header limit (a real socket) → 431 in the envelope', async () => {
    const answer = split(await rawRequest(port, `GET /szukaj?adres=${marker}${'a'.repeat(20_000)} HTTP/1.1\r\nHost: x\r\n\r\n`));
    expect(answer.status).toBe(431);
    expect(JSON.parse(answer.body).error.code).toBe('request_too_large');
  });

  it('a request Node cannot parse (a real socket) → 400 in the envelope', async () => {
    const answer = split(await rawRequest(port, `GET /${marker} HTTP/1.1\r\nHost: x\r\nBad Header: ${marker}\r\n\r\n`));
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.body)).toEqual({ error: { code: 'bad_request', message: expect.stringContaining('Bad request') } });
    expect(answer.body).not.toContain(marker);
  });

  it('an ordinary request on the same server still works', async () => {
    const answer = split(await rawRequest(port, 'GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n'));
    expect(answer.status).toBe(200);
  });
});
