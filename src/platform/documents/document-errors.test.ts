import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { registerErrorHandlers } from '../http/error-handler.js';
import { documentTooComplex, documentTooLarge, documentsBusy } from './document-errors.js';

describe('document errors', () => {
  it('name the limit in Polish and English, in human units', () => {
    expect(documentTooLarge('totalBytes', 64 * 1024 * 1024).text).toEqual({
      pl: 'Dokument po rozpakowaniu przekracza limit 64 MB.',
      en: 'The document expands beyond the limit of 64 MB.',
    });
    expect(documentTooLarge('entries', 2000).text.en).toBe('The document exceeds the limit on files in a ZIP archive: 2,000.');
    expect(documentTooLarge('memory', 1.5 * 1024 ** 3).text.pl).toBe('Odczyt dokumentu przekroczył limit pamięci 1,5 GB.');
    expect(documentTooComplex(10_000)).toMatchObject({
      status: 422,
      code: 'document_too_complex',
      details: { limit: 'time', max: 10_000 },
    });
  });

  it('a full queue answers 503 with Retry-After, in the header and in the envelope beside the request id', async () => {
    const app = Fastify({ logger: false });
    registerErrorHandlers(app);
    app.post('/read', () => {
      throw documentsBusy(7);
    });
    const response = await app.inject({ method: 'POST', url: '/read' });
    await app.close();
    expect(response.statusCode).toBe(503);
    expect(response.headers['retry-after']).toBe('7');
    const error = response.json().error;
    expect(error).toMatchObject({
      code: 'server_busy',
      message: 'Serwer odczytuje teraz zbyt wiele dokumentów. Spróbuj ponownie za 7 s.',
      details: { retryAfterSeconds: 7 },
    });
    expect(typeof error.details.requestId).toBe('string');
  });
});
