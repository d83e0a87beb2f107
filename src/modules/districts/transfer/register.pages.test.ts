import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserFor, createTestApp, type TestApp, type TestClient } from '../../../../test/support/app.js';
import { multipartBody } from '../../../../test/support/multipart.js';
import { world } from '../../../../test/support/world.js';

/** The unit whose page is imported, by its region's administrator. */
const unit = world.units.b;

/** The contacts-page import as a browser without JavaScript uses it: paste or upload → preview → confirm (embedded back end). */
describe('admin page importing a unit’s contacts page', () => {
  let t: TestApp;
  let browser: TestClient;
  let token: string;
  beforeAll(async () => {
    t = await createTestApp('pglite');
    ({ client: browser, token } = await browserFor(t, world.accounts.voivodeshipAdmin));
  });
  afterAll(() => t.close());

  const text = [
    'Rejon nr 81 – st. post. Ola <b>Stronowa</b>, kom. 600 800 081, e-mail: rejon81@example.policja.gov.pl, obejmuje ulice: Grabową, Olchową (numery parzyste), Park nad Stawem.',
    'Rejon nr 82 – sierż. Jan Stronowy, kom. 600 800 082, e-mail: rejon82@example.policja.gov.pl, obejmuje ulice: Olchową (numery nieparzyste), Wierzbową.',
  ].join('\n');

  it('shows the form, linked from the import page', async () => {
    expect((await browser.get('/admin/import')).body).toContain('href="/admin/import/register"');
    const page = await browser.get('/admin/import/register');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Import rejonów ze strony z kontaktami');
    expect(page.body).toContain('name="file"');
  });

  it('previews an uploaded page district by district, escaped, with the fragments to draw, and saves it on confirmation', async () => {
    const upload = await multipartBody({
      _csrf: token,
      unit: unit.id,
      locality: 'Stronowo',
      intent: 'preview',
      file: { filename: 'kontakty.txt', data: new TextEncoder().encode(text), type: 'text/plain' },
    });
    const preview = await browser.request({
      method: 'POST',
      url: '/admin/import/register',
      payload: upload.payload,
      headers: { 'content-type': upload.contentType, accept: 'text/html' },
      csrf: false,
    });
    expect(preview.statusCode).toBe(200);
    for (const shown of [
      'Rejony: 2 (nowe: 2, zmienione: 0).',
      'Stronowo, Olchowa od 2 parzyste',
      '600 800 082',
      'Park nad Stawem',
      'narysujesz na mapie',
    ]) {
      expect(preview.body).toContain(shown);
    }
    expect(preview.body).not.toContain('<b>Stronowa'); // the page text is escaped
    expect((await browser.get(`/api/v1/districts/${unit.id}/81`)).statusCode).toBe(404);

    const saved = await browser.postForm('/admin/import/register', { unit: unit.id, locality: 'Stronowo', text, intent: 'save' }, token);
    expect(saved.statusCode).toBe(200);
    expect(saved.body).toContain('Zapisano rejony: 81, 82.');
    expect(saved.body).toContain(`href="/admin/districts/${unit.id}/81#field-polygon"`);
    const located = await browser.get(`/api/v1/locate?address=${encodeURIComponent('Stronowo, Olchowa 3')}`);
    expect(located.json().matches[0].district.id).toBe(`${unit.id}/82`);
  });

  it('shows why nothing can be saved and keeps what was sent', async () => {
    const twice = `${text}\n${text.split('\n')[0]!.replace('Grabową', 'Lipową')}`;
    const page = await browser.postForm(
      '/admin/import/register',
      { unit: unit.id, locality: 'Stronowo', text: twice, intent: 'save' },
      token,
    );
    expect(page.statusCode).toBe(422);
    expect(page.body).toContain('Nic nie zapisano');
    expect(page.body).toContain('Lipową');
    const empty = await browser.postForm('/admin/import/register', { unit: unit.id, text: ' ', intent: 'preview' }, token);
    expect(empty.statusCode).toBe(422);
  });

  it('is not for a supervisor', async () => {
    const { client } = await browserFor(t, world.supervisorOf.b);
    expect((await client.get('/admin/import/register')).statusCode).toBe(403);
  });
});
