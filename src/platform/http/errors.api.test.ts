import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../../../test/support/databases.js';
import { TestClient, type TestApp, createTestApp } from '../../../test/support/app.js';
import { world } from '../../../test/support/world.js';

describe.each(backends)('the error envelope on %s', (backend) => {
  let t: TestApp;
  let admin: TestClient;
  beforeAll(async () => {
    t = await createTestApp(backend);
    admin = new TestClient(t.app);
    await admin.signIn(world.accounts.nationalAdmin.login);
  });
  afterAll(() => t.close());

  const post = (payload: string | Buffer, headers: Record<string, string> = {}) =>
    admin.request({ method: 'POST', url: '/api/v1/accounts', payload, headers: { 'content-type': 'application/json', ...headers } });

  const expectEnvelope = (response: { statusCode: number; json(): unknown }, status: number, code: string) => {
    expect(response.statusCode).toBe(status);
    const body = response.json() as { error: { code: string; message: string; details?: unknown } };
    expect(Object.keys(body)).toEqual(['error']);
    expect(body.error.code).toBe(code);
    expect(body.error.message.length).toBeGreaterThan(5);
    return body.error;
  };

  it('invalid JSON → 400 invalid_json, in Polish or English', async () => {
    expect(expectEnvelope(await post('{"login": '), 400, 'invalid_json').message).toBe('Treść żądania nie jest poprawnym JSON-em.');
    expect(expectEnvelope(await post('{"login": ', { 'accept-language': 'en-GB,en;q=0.9' }), 400, 'invalid_json').message).toBe(
      'The request body is not valid JSON.',
    );
  });

  it('empty JSON body → 400', async () => {
    expectEnvelope(await post(''), 400, 'empty_body');
  });

  it('wrong types and unknown fields → 400 validation_failed with details per field', async () => {
    const error = expectEnvelope(
      await post(JSON.stringify({ login: 12, displayName: 'X', role: 'officer', unitId: world.units.top.id, password: true, admin: true })),
      400,
      'validation_failed',
    ) as { details?: unknown };
    expect(error.details).toEqual(
      expect.arrayContaining([
        { field: 'login', code: 'type', message: 'Pole „login” musi być tekstem.' },
        { field: 'password', code: 'type', message: 'Pole „password” musi być tekstem.' },
        { field: 'admin', code: 'additionalProperties', message: 'Nieznane pole „admin”.' },
      ]),
    );
  });

  it('bad query parameters → 400, never coerced into something else', async () => {
    const error = expectEnvelope(await admin.get('/api/v1/accounts?page=zero&sort=name'), 400, 'validation_failed') as { message: string };
    expect(error.message).toBe('Błędne dane w parametrach zapytania.');
  });

  it('oversized bodies → 413', async () => {
    expectEnvelope(await post(JSON.stringify({ login: 'x'.repeat(300_000) })), 413, 'payload_too_large');
  });

  it('unsupported content types → 415', async () => {
    expectEnvelope(await post('<account/>', { 'content-type': 'application/xml' }), 415, 'unsupported_media_type');
  });

  it('unknown API paths → 404 in the envelope; unknown pages → an HTML page', async () => {
    expectEnvelope(await admin.get('/api/v1/nothing-here'), 404, 'not_found');
    const page = await admin.get('/nothing-here', { accept: 'text/html' });
    expect(page.statusCode).toBe(404);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('Nie znaleziono strony');
  });

  it('answers any garbage body with a 4xx envelope and stores nothing', async () => {
    const before = await t.testDb.database.db
      .selectFrom('accounts')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string(),
          fc.json(),
          fc.jsonValue().map((v) => JSON.stringify(v)),
        ),
        async (body) => {
          const response = await post(body);
          expect(response.statusCode).toBeGreaterThanOrEqual(400);
          expect(response.statusCode).toBeLessThan(500);
          expect(response.json<{ error: { code: string } }>().error.code).toEqual(expect.any(String));
        },
      ),
      { numRuns: 60 },
    );
    const after = await t.testDb.database.db
      .selectFrom('accounts')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('sends security headers and a request id with every answer', async () => {
    const response = await admin.get('/');
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(response.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('describes the API with OpenAPI 3, including the error envelope', async () => {
    const spec = (await admin.get('/api/openapi.json')).json();
    expect(spec.openapi).toMatch(/^3\./);
    expect(Object.keys(spec.paths)).toEqual(expect.arrayContaining(['/health', '/api/v1/session', '/api/v1/accounts', '/api/v1/audit']));
    expect(spec.components.schemas.Error).toBeDefined();
    const docs = await admin.get('/api/docs/');
    expect(docs.statusCode).toBe(200);
    expect(docs.body).toContain('swagger');
  });
});
