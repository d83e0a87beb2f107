import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { backends } from '../../../test/support/databases.js';
import { TestClient, type TestApp, createTestApp } from '../../../test/support/app.js';
import { world } from '../../../test/support/world.js';

interface Envelope {
  error: { code: string; message: string; details?: { field: string; code: string; message: string }[] };
}

/** A multipart body with text fields only, as a browser sends a form with enctype="multipart/form-data". */
function multipart(fields: Record<string, string>): { payload: Buffer; type: string } {
  const boundary = '----dz-test-boundary';
  const parts = Object.entries(fields).map(
    ([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
  );
  return { payload: Buffer.from(`${parts.join('')}--${boundary}--\r\n`), type: `multipart/form-data; boundary=${boundary}` };
}

describe.each(backends)('control characters in any input on %s', (backend) => {
  let t: TestApp;
  let admin: TestClient;
  let anonymous: TestClient;
  beforeAll(async () => {
    t = await createTestApp(backend);
    admin = new TestClient(t.app);
    await admin.signIn(world.accounts.nationalAdmin.login);
    anonymous = new TestClient(t.app);
  });
  afterAll(() => t.close());

  const expectRejected = (response: LightMyRequestResponse, field: string) => {
    expect(response.statusCode, response.body).toBe(400);
    const body = response.json<Envelope>();
    expect(Object.keys(body)).toEqual(['error']);
    expect(body.error.code).toBe('invalid_characters');
    expect(body.error.details?.[0]).toEqual({
      field,
      code: 'invalid_characters',
      message: expect.stringContaining(field ? `„${field}”` : 'Tekst w treści żądania'),
    });
    expect(body.error.message).toContain('U+');
    return body.error;
  };

  it('refuses NUL in JSON bodies, naming the field, in Polish or English', async () => {
    const error = expectRejected(await anonymous.send('POST', '/api/v1/session', { login: 'admin\u0000', password: 'x' }), 'login');
    expect(error.message).toBe('Pole „login” w treści żądania zawiera niedozwolony znak sterujący (U+0000). Usuń go i wyślij ponownie.');
    const english = await anonymous.send('POST', '/api/v1/session', { login: 'admin\u0000', password: 'x' }, { 'accept-language': 'en' });
    expect(english.json<Envelope>().error.message).toBe(
      'The field "login" in the request body contains a control character that is not allowed (U+0000). Remove it and send again.',
    );
  });

  it('looks deep into JSON: nested objects, arrays and keys', async () => {
    expectRejected(
      await admin.send('POST', '/api/v1/units', {
        id: 'kpp-test',
        name: 'Test',
        parentId: world.units.voivodeship.id,
        contact: { phone: '1', notes: ['ok', 'bad\u0001'] },
      }),
      'contact.notes.1',
    );
    expectRejected(await admin.send('POST', '/api/v1/units', { id: 'kpp-test', ['na\u0000me']: 'x' }), 'na\\u0000me');
  });

  it('refuses NUL in forms, query strings, paths and text bodies', async () => {
    const login = await anonymous.postForm('/login', { login: 'a\u0000', password: 'x' });
    expect(login.statusCode).toBe(400);
    expect(login.headers['content-type']).toContain('text/html');
    expect(login.body).toContain('zawiera niedozwolony znak sterujący (U+0000)');
    expectRejected(
      await anonymous.send('POST', '/login', 'login=a%00&password=x', { 'content-type': 'application/x-www-form-urlencoded' }),
      'login',
    );
    expectRejected(await anonymous.get('/jednostki/%00'), 'id');
    expectRejected(await anonymous.get('/plany?q=%00'), 'q');
    expectRejected(await anonymous.get('/api/v1/plans?q=a%00'), 'q');
    expectRejected(
      await anonymous.send('POST', '/api/v1/districts/parse-area', 'ulica Lubelska\u0000', { 'content-type': 'text/plain' }),
      '',
    );
  });

  it('refuses NUL in multipart text fields', async () => {
    const form = multipart({ _csrf: admin.csrfToken!, text: 'Plan\u0000', intent: 'preview' });
    expectRejected(await admin.send('POST', '/admin/plans/import', form.payload, { 'content-type': form.type }), 'text');
  });

  it('Open311 reports it in the specification’s error format', async () => {
    const response = await anonymous.send('POST', '/open311/v2/requests.json', {
      service_code: 'nielegalne-wysypiska',
      address_string: 'Lubartów\u0000',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual([{ code: 400, description: expect.stringContaining('address_string') }]);
  });

  it('the CSV download refuses it in the envelope, also once the report index is loaded', async () => {
    // The count comes from memory once the index is loaded, so the first query ran only after the 200 was sent.
    await t.app.inject({ method: 'GET', url: '/api/v1/reports/map?bbox=14,49,24,55&zoom=5' });
    expectRejected(await anonymous.get('/zgloszenia.csv?category=%00'), 'category');
    expectRejected(await anonymous.get('/zgloszenia.geojson?unitId=%00'), 'unitId');
  });

  it('refuses the other C0 controls, DEL, C1 and lone surrogates; keeps TAB, LF, CR and every other character', async () => {
    for (const [text, code] of [
      ['\u0007', 'U+0007'],
      ['\u001b[31m', 'U+001B'],
      ['\u007f', 'U+007F'],
      ['\u009b', 'U+009B'],
      ['a\ud800b', 'U+D800'],
      ['\udc00', 'U+DC00'],
    ] as const) {
      const error = expectRejected(await anonymous.send('POST', '/api/v1/session', { login: text, password: 'x' }), 'login');
      expect(error.message).toContain(code);
    }
    for (const text of ['tab\there', 'lines\r\nand\nmore', 'Łęczna – „cudzysłów” 🚓 שלום e\u0301', '\u00a0\u200f']) {
      const response = await anonymous.send('POST', '/api/v1/session', { login: text, password: 'x' });
      expect(response.statusCode, text).toBe(401);
    }
  });
});
