import { Readable } from 'node:stream';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerErrorHandlers } from './error-handler.js';

/**
 * A download sets its content type and file name, then fails while its stream is read (the first
 * database query runs only then). On a real socket the error answer kept "text/csv", Fastify could
 * not send the envelope as CSV and answered its own 500 outside the envelope, as an attachment.
 */
describe('an error after a route set its own content headers', () => {
  let app: FastifyInstance;
  let base: string;
  beforeAll(async () => {
    app = Fastify();
    app.decorateRequest('lang', 'pl');
    registerErrorHandlers(app);
    app.get('/download.csv', async (_request, reply) => {
      const rows = new Readable({
        read() {
          setTimeout(() => this.destroy(new Error('the first query failed')), 20);
        },
      });
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="x.csv"')
        .send(rows);
    });
    base = await app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(() => app.close());

  it('answers in the envelope, not as the download', async () => {
    const response = await fetch(`${base}/download.csv`);
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({
      error: { code: 'internal_error', message: expect.stringContaining('nieoczekiwany'), details: { requestId: expect.any(String) } },
    });
    expect(response.headers.get('content-type')).toContain('application/json');
    expect(response.headers.get('content-disposition')).toBeNull();
  });
});
