import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../../../test/support/databases.js';
import { TestClient, csrfFromHtml, type TestApp, createTestApp } from '../../../test/support/app.js';
import { world } from '../../../test/support/world.js';
import { allowReportBursts } from '../../../test/support/reports.js';

const point = world.districts.a1.point;

describe.each(backends)('threat report pages on %s', (backend) => {
  let t: TestApp;
  let ip = 0;
  /** A resident's browser: its own IP address, cookies, and the CSRF token of the form it loaded. */
  const browser = async () => {
    const client = new TestClient(t.app, { headers: { 'x-forwarded-for': `192.0.2.${++ip}`, accept: 'text/html' } });
    const form = await client.get('/zglos');
    client.csrfToken = csrfFromHtml(form.body);
    return { client, form };
  };
  let parking: string;

  beforeAll(async () => {
    t = await createTestApp(backend, { TRUST_PROXY: '1' });
    // Many reports to a few districts within minutes, on purpose: not a flood to hold (floods.api.test.ts).
    await allowReportBursts(t.testDb.database.db);
    const categories = (await new TestClient(t.app).get('/api/v1/report-categories')).json().categories as {
      code: string;
      names: { pl: string };
    }[];
    parking = categories.find((c) => c.names.pl === 'Nieprawidłowe parkowanie')!.code;
  });
  afterAll(() => t.close());

  it('serves a form that works without JavaScript: address or coordinates, category, hidden honeypot', async () => {
    const { form } = await browser();
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('name="address"');
    expect(form.body).toContain('Nieprawidłowe parkowanie');
    expect(form.body).toMatch(/<div hidden=""><label[^>]*>[^<]+<\/label><input id="field-website"/);
    expect(form.body).toContain('112');
  });

  it('sends a report typed by address and shows its number and status, never its description', async () => {
    const { client } = await browser();
    const sent = await client.postForm('/zglos', {
      category: parking,
      address: world.districts.a1.address,
      description: 'Tajny opis dla policji',
    });
    expect(sent.statusCode).toBe(303);
    const location = sent.headers.location as string;
    expect(location).toMatch(/^\/zgloszenia\/\d+\?wyslano=1$/);
    const page = await client.get(location);
    expect(page.body).toContain('Dziękujemy za zgłoszenie');
    expect(page.body).toContain('Nowe');
    expect(page.body).not.toContain('Tajny opis');
    expect(page.body).not.toContain('Legionów 12');
  });

  it('shows the errors next to the fields, with the values kept', async () => {
    const { client } = await browser();
    const sent = await client.postForm('/zglos', { category: '', address: '', lat: 'abc', description: 'kept text' });
    expect(sent.statusCode).toBe(400);
    expect(sent.body).toContain('error-summary');
    expect(sent.body).toContain('Szerokość geograficzna musi być liczbą');
    expect(sent.body).toContain('kept text');
    const outside = await client.postForm('/zglos', { category: parking, lat: '50,06', lon: '19,94' });
    expect(outside.statusCode).toBe(422);
    expect(outside.body).toContain('poza obszarem');
    // Every mistake at once: no category and an address no district has, in one answer.
    const both = await client.postForm('/zglos', { category: '', address: 'Borowo, ul. Nieznana 5' });
    expect(both.statusCode).toBe(400);
    const summary = both.body.slice(both.body.indexOf('error-summary'), both.body.indexOf('</ul>', both.body.indexOf('error-summary')));
    expect(summary).toContain('Wybierz kategorię zagrożenia z listy.');
    expect(summary).toContain('Nie znaleźliśmy tego adresu');
    // a place that is found adds nothing
    const found = await client.postForm('/zglos', { category: '', address: 'Borowo, ul. Kwiatowa 5' });
    expect(found.statusCode).toBe(400);
    expect(found.body).not.toContain('Nie znaleźliśmy tego adresu');
  });

  it('offers "me too" for a similar report within 250 m, and still lets the resident send a new one', async () => {
    const first = await browser();
    const original = await first.client.postForm('/zglos', { category: parking, lat: String(point.lat), lon: String(point.lon) });
    const originalId = /\/zgloszenia\/(\d+)/.exec(original.headers.location as string)![1]!;
    const second = await browser();
    const similar = await second.client.postForm('/zglos', { category: parking, lat: String(point.lat + 0.0004), lon: String(point.lon) });
    expect(similar.statusCode).toBe(200);
    expect(similar.body).toContain('Podobne zgłoszenia w pobliżu');
    expect(similar.body).toContain(`/zgloszenia/${originalId}/potwierdz`);
    const confirmed = await second.client.postForm(`/zgloszenia/${originalId}/potwierdz`, {});
    expect(confirmed.headers.location).toBe(`/zgloszenia/${originalId}?potwierdzono=1`);
    expect((await second.client.get(`/zgloszenia/${originalId}`)).body).toContain('1 osoba potwierdziła');
    const third = await browser();
    const forced = await third.client.postForm('/zglos', {
      category: parking,
      lat: String(point.lat + 0.0004),
      lon: String(point.lon),
      force: '1',
    });
    expect(forced.statusCode).toBe(303);
  });

  it('says before "me too" that what the resident typed is not kept, and keeps none of it', async () => {
    const first = await browser();
    const here = { lat: point.lat + 0.004, lon: point.lon }; // about 450 m from the reports above
    const original = await first.client.postForm('/zglos', {
      category: parking,
      lat: String(here.lat),
      lon: String(here.lon),
      description: 'Pierwszy opis',
    });
    const originalId = /\/zgloszenia\/(\d+)/.exec(original.headers.location as string)![1]!;
    const second = await browser();
    const typed = 'Auta stoją na przejściu od 6 rano, widziałam numer WLU 12345';
    const similar = await second.client.postForm('/zglos', {
      category: parking,
      lat: String(here.lat + 0.0003),
      lon: String(here.lon),
      description: typed,
      email: 'ja@example.org',
    });
    expect(similar.statusCode).toBe(200);
    // Said before the button, with the time the IP address is kept, from the settings in force.
    const notice = similar.body.slice(
      similar.body.indexOf('id="me-too-keeps-nothing"'),
      similar.body.indexOf(`/zgloszenia/${originalId}/potwierdz`),
    );
    expect(notice).toContain('Opisu, adresu, daty ani e-maila wpisanych w formularzu nie zapiszemy i nie zobaczy ich Policja.');
    expect(notice).toContain('30 dni od zapisania');
    expect(similar.body).toContain('aria-describedby="me-too-keeps-nothing"');
    // The "me too" form sends nothing the resident typed: only the send-anyway form carries it.
    const meTooForm = similar.body.slice(
      similar.body.indexOf(`action="/zgloszenia/${originalId}/potwierdz"`),
      similar.body.indexOf('</form>', similar.body.indexOf(`action="/zgloszenia/${originalId}/potwierdz"`)),
    );
    expect(meTooForm).not.toContain(typed);
    expect((await second.client.postForm(`/zgloszenia/${originalId}/potwierdz`, {})).statusCode).toBe(303);
    const db = t.testDb.database.db;
    const stored = await db
      .selectFrom('reports')
      .select(['description', 'email'])
      .where('id', '=', Number(originalId))
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({ description: 'Pierwszy opis', email: null });
    const everywhere = await sql<{
      n: number;
    }>`select count(*)::int as n from audit_log where after::text like ${'%WLU 12345%'} or before::text like ${'%WLU 12345%'}`.execute(db);
    expect(everywhere.rows[0]!.n).toBe(0);
    const reportsWithIt = await db.selectFrom('reports').select('id').where('description', 'like', '%WLU 12345%').execute();
    expect(reportsWithIt).toEqual([]);
  });

  it('answers the second report of the day from one address with 429 and Retry-After on the form', async () => {
    const { client } = await browser();
    expect((await client.postForm('/zglos', { category: parking, address: 'Borowo, ul. Kwiatowa 2' })).statusCode).toBe(303);
    // Past the "similar reports" step (the same street), as a resident who sends anyway.
    const again = await client.postForm('/zglos', { category: parking, address: 'Borowo, ul. Kwiatowa 4', force: '1' });
    expect(again.statusCode).toBe(429);
    expect(Number(again.headers['retry-after'])).toBeGreaterThan(0);
    expect(again.body).toContain('Kolejne możesz wysłać za');
    // Without "send anyway" the limit is said at once, before the "similar reports" question.
    const asked = await client.postForm('/zglos', { category: parking, address: 'Borowo, ul. Kwiatowa 6' });
    expect(asked.statusCode).toBe(429);
    expect(asked.body).toContain('Kolejne możesz wysłać za');
    expect(asked.body).not.toContain('Podobne zgłoszenia w pobliżu');
  });

  it('gives the district officer a queue and a report page with the description; a status change lands in the history', async () => {
    const { client } = await browser();
    const sent = await client.postForm('/zglos', {
      category: parking,
      address: 'Borowo, ul. Szkolna 8',
      description: 'Auta blokują wyjazd',
    });
    const id = /\/zgloszenia\/(\d+)/.exec(sent.headers.location as string)![1]!;
    const officer = new TestClient(t.app, { headers: { accept: 'text/html' } });
    await officer.signIn(world.accounts.officerA1.login);
    const waitingBefore = Number(/Nowe, czekające na podjęcie: (\d+)/.exec((await officer.get('/admin')).body)![1]);
    expect(waitingBefore).toBeGreaterThan(0);
    const queue = await officer.get('/admin/reports');
    expect(queue.statusCode).toBe(200);
    expect(queue.body).toContain(`href="/admin/reports/${id}"`);
    const detail = await officer.get(`/admin/reports/${id}`);
    expect(detail.body).toContain('Auta blokują wyjazd');
    const changed = await officer.postForm(
      `/admin/reports/${id}/status`,
      { status: 'verifying', note: 'Obchód w czwartek' },
      csrfFromHtml(detail.body),
    );
    expect(changed.statusCode).toBe(303);
    const after = await officer.get(changed.headers.location as string);
    expect(after.body).toContain('Zmieniono status zgłoszenia.');
    expect(after.body).toContain('Obchód w czwartek');
    expect((await officer.get('/admin')).body).toContain(`Nowe, czekające na podjęcie: ${waitingBefore - 1}.`);
    // Another unit's officer does not even learn that the report exists.
    const stranger = new TestClient(t.app, { headers: { accept: 'text/html' } });
    await stranger.signIn(world.accounts.officerB1.login);
    expect((await stranger.get(`/admin/reports/${id}`)).statusCode).toBe(404);
    expect((await stranger.get('/admin/reports')).body).not.toContain(`href="/admin/reports/${id}"`);
  });

  it('lets a supervisor change many reports at once from the queue', async () => {
    const ids: string[] = [];
    for (const street of ['Ogrodowa 20', 'Ogrodowa 22']) {
      const { client } = await browser();
      const sent = await client.postForm('/zglos', { category: parking, address: `Borowo, ul. ${street}`, force: '1' });
      ids.push(/\/zgloszenia\/(\d+)/.exec(sent.headers.location as string)![1]!);
    }
    const supervisor = new TestClient(t.app, { headers: { accept: 'text/html' } });
    await supervisor.signIn(world.accounts.supervisorA.login);
    const queue = await supervisor.get('/admin/reports');
    const body = new URLSearchParams([
      ...ids.map((id) => ['ids', id]),
      ['status', 'verifying'],
      ['_csrf', csrfFromHtml(queue.body)],
    ]).toString();
    const done = await supervisor.request({
      method: 'POST',
      url: '/admin/reports/bulk',
      payload: body,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      csrf: false,
    });
    expect(done.statusCode).toBe(303);
    expect((await supervisor.get(done.headers.location as string)).body).toContain('Zmieniono status 2 zgłoszeń.');
  });

  it('lets an admin add a category and retire it from the catalogue pages', async () => {
    const admin = new TestClient(t.app, { headers: { accept: 'text/html' } });
    await admin.signIn(world.accounts.nationalAdmin.login);
    const list = await admin.get('/admin/report-categories');
    expect(list.body).toContain('Nieprawidłowe parkowanie');
    const bad = await admin.postForm('/admin/report-categories', { code: 'Zły Kod!', namePl: 'Ab', nameEn: 'Ab' }, csrfFromHtml(list.body));
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('error-summary');
    const added = await admin.postForm(
      '/admin/report-categories',
      { code: 'fajerwerki', namePl: 'Odpalanie fajerwerków', nameEn: 'Fireworks', seasonFrom: '', seasonTo: '' },
      csrfFromHtml(list.body),
    );
    expect(added.statusCode).toBe(303);
    expect((await browser()).form.body).toContain('Odpalanie fajerwerków');
    const edit = await admin.get('/admin/report-categories/fajerwerki');
    const retired = await admin.postForm(
      '/admin/report-categories/fajerwerki',
      { namePl: 'Odpalanie fajerwerków', nameEn: 'Fireworks' },
      csrfFromHtml(edit.body),
    );
    expect(retired.statusCode).toBe(303);
    expect((await admin.get('/admin/report-categories')).body).toMatch(/Odpalanie fajerwerków.*wycofana/s);
    expect((await browser()).form.body).not.toContain('Odpalanie fajerwerków');
    // Only admins keep the catalogue.
    const officer = new TestClient(t.app, { headers: { accept: 'text/html' } });
    await officer.signIn(world.accounts.supervisorA.login);
    expect((await officer.get('/admin/report-categories')).statusCode).toBe(403);
  });
});
