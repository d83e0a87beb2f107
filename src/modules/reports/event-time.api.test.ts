import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../../../test/support/databases.js';
import { TestClient, createTestApp, csrfFromHtml, type TestApp } from '../../../test/support/app.js';
import { allowReportBursts } from '../../../test/support/reports.js';
import { world } from '../../../test/support/world.js';
import { addDays, warsawToday } from '../../platform/i18n/calendar.js';
import { formatCalendarDay } from '../../platform/i18n/i18n.js';
import { readSetting } from '../settings/index.js';
import { mapMessages } from './public-map/messages.js';

const district = world.districts.a1;
const point = district.point;
/** "2026-12-04" → "4.12.2026", as people type a day where the browser offers no date picker. */
const typed = (day: string) => day.split('-').reverse().map(Number).join('.');

describe.each(backends)('the date and time of the event on %s', (backend) => {
  let t: TestApp;
  let ip = 0;
  const resident = () => new TestClient(t.app, { headers: { 'x-forwarded-for': `198.51.100.${++ip}` } });
  let officer: TestClient;
  let parking: string;
  // Yesterday and earlier: a time of day on them is never in the future, whenever the test runs.
  const today = () => warsawToday();
  const yesterday = () => addDays(today(), -1);
  const report = (body: object, lang = 'pl') =>
    resident().send('POST', '/api/v1/reports', { category: parking, lat: point.lat, lon: point.lon, ...body }, { 'accept-language': lang });
  const stored = async (id: number) =>
    t.testDb.database.db
      .selectFrom('reports')
      .select((eb) => [eb.ref('event_date').as('date'), eb.ref('event_time').as('time')])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
  const count = async () => (await sql<{ n: number }>`select count(*)::int as n from reports`.execute(t.testDb.database.db)).rows[0]!.n;
  const refusal = async (body: object, lang = 'pl') => {
    const before = await count();
    const response = await report(body, lang);
    expect(await count()).toBe(before);
    expect(response.statusCode).toBe(400);
    return response.json().error.details as { field: string; message: string }[];
  };

  beforeAll(async () => {
    t = await createTestApp(backend, { TRUST_PROXY: '1' });
    await allowReportBursts(t.testDb.database.db);
    officer = new TestClient(t.app, { headers: { 'x-forwarded-for': '203.0.113.1' } });
    await officer.signIn(world.officerOf.a1!);
    const categories = (await resident().get('/api/v1/report-categories')).json().categories as { code: string; names: { pl: string } }[];
    parking = categories.find((c) => c.names.pl === 'Nieprawidłowe parkowanie')!.code;
  });
  afterAll(() => t.close());

  it('stores a day and a time as given, and shows both to the police', async () => {
    const sent = await report({ eventDate: yesterday(), eventTime: '21:30' });
    expect(sent.statusCode).toBe(201);
    const id = sent.json().id as number;
    expect(await stored(id)).toMatchObject({ date: yesterday() });
    const internal = (await officer.get(`/api/v1/reports/${id}`)).json().internal;
    expect(internal).toMatchObject({ eventDate: yesterday(), eventTime: '21:30' });
    const page = await officer.get(`/admin/reports/${id}`, { accept: 'text/html' });
    expect(page.body).toContain(`${formatCalendarDay(yesterday(), 'pl')}, 21:30`);
    const english = await officer.get(`/admin/reports/${id}`, { accept: 'text/html', 'accept-language': 'en' });
    expect(english.body).toContain(`${formatCalendarDay(yesterday(), 'en')}, 21:30`);
    // The public never see the minutes.
    expect(JSON.stringify((await resident().get(`/api/v1/reports/${id}`)).json())).not.toMatch(/eventTime|internal/);
  });

  it('keeps a day without a time apart from midnight', async () => {
    const dayOnly = (await report({ eventDate: typed(yesterday()) })).json().id as number;
    const midnight = (await report({ eventDate: yesterday(), eventTime: '00:00' })).json().id as number;
    expect(await stored(dayOnly)).toMatchObject({ date: yesterday(), time: null });
    expect((await officer.get(`/api/v1/reports/${dayOnly}`)).json().internal).toMatchObject({ eventDate: yesterday(), eventTime: null });
    expect((await officer.get(`/api/v1/reports/${midnight}`)).json().internal).toMatchObject({
      eventDate: yesterday(),
      eventTime: '00:00',
    });
    const page = await officer.get(`/admin/reports/${dayOnly}`, { accept: 'text/html' });
    expect(page.body).toContain(formatCalendarDay(yesterday(), 'pl'));
    expect(page.body).not.toContain(`${formatCalendarDay(yesterday(), 'pl')}, `);
  });

  it('still takes the older eventAt instant, at its day and minute in Poland', async () => {
    const at = new Date(`${yesterday()}T12:00:00Z`);
    const id = (await report({ eventAt: at.toISOString() })).json().id as number;
    const internal = (await officer.get(`/api/v1/reports/${id}`)).json().internal;
    expect(internal.eventDate).toBe(yesterday());
    expect(internal.eventTime).toMatch(/^1[34]:00$/); // 13:00 in winter, 14:00 in summer
    const both = await refusal({ eventAt: at.toISOString(), eventDate: yesterday() });
    expect(both.map((d) => d.field)).toEqual(['eventAt']);
  });

  it('refuses a day in the future with the field named, in Polish and English', async () => {
    const pl = await refusal({ eventDate: addDays(today(), 1) });
    expect(pl).toEqual([{ field: 'eventDate', code: 'invalid', message: 'Data zdarzenia nie może być w przyszłości.' }]);
    const en = await refusal({ eventDate: addDays(today(), 1), eventTime: '00:01' }, 'en');
    expect(en.map((d) => [d.field, d.message])).toEqual([['eventDate', 'The date of the event cannot be in the future.']]);
  });

  it('refuses what is not a day or a time, and a time without a day', async () => {
    expect((await refusal({ eventDate: '31.11.2026' })).map((d) => d.field)).toEqual(['eventDate']);
    expect((await refusal({ eventDate: yesterday(), eventTime: '25:00' })).map((d) => d.field)).toEqual(['eventTime']);
    expect((await refusal({ eventTime: '12:00' })).map((d) => d.field)).toEqual(['eventDate']);
  });

  it('refuses an event older than the setting for the report’s unit (30 days by default)', async () => {
    const maxAge = await readSetting(t.testDb.database.db, 'reports.eventMaxAgeDays', { unitId: district.unitId });
    expect((await report({ eventDate: addDays(today(), -maxAge) })).statusCode).toBe(201);
    const old = await refusal({ eventDate: addDays(today(), -maxAge - 1), eventTime: '12:00' });
    expect(old.map((d) => d.field)).toEqual(['eventDate']);
    expect(old[0]!.message).toContain(`najwyżej ${maxAge} dni wstecz`);
    expect(old[0]!.message).toContain(formatCalendarDay(addDays(today(), -maxAge), 'pl'));
  });

  it('takes a typed day and time from the form without JavaScript, and shows a bad one next to its field', async () => {
    const browser = new TestClient(t.app, { headers: { 'x-forwarded-for': `192.0.2.${++ip}`, accept: 'text/html' } });
    const form = await browser.get('/zglos');
    expect(form.body).toMatch(/<input[^>]*type="date"[^>]*name="eventDate"/);
    // The picker offers only the days that can be sent: today in Poland back to the setting's limit.
    const dateInput = /<input[^>]*name="eventDate"[^>]*>/.exec(form.body)![0];
    const maxAge = await readSetting(t.testDb.database.db, 'reports.eventMaxAgeDays');
    expect([/min="([^"]+)"/.exec(dateInput)?.[1], /max="([^"]+)"/.exec(dateInput)?.[1]]).toEqual([
      addDays(warsawToday(), -maxAge),
      warsawToday(),
    ]);
    expect(form.body).toMatch(/<input[^>]*type="time"[^>]*name="eventTime"/);
    browser.csrfToken = csrfFromHtml(form.body);
    const fields = { category: parking, lat: String(point.lat), lon: String(point.lon), force: '1' };
    const bad = await browser.postForm('/zglos', { ...fields, eventDate: typed(yesterday()), eventTime: 'wieczorem' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Podaj godzinę jako GG:MM');
    expect(bad.body).toContain('value="wieczorem"');
    const sent = await browser.postForm('/zglos', { ...fields, eventDate: typed(yesterday()), eventTime: '21.30' });
    expect(sent.statusCode).toBe(303);
    const id = Number(/\/zgloszenia\/(\d+)/.exec(sent.headers.location as string)![1]);
    expect(await stored(id)).toMatchObject({ date: yesterday() });
    expect((await officer.get(`/api/v1/reports/${id}`)).json().internal.eventTime).toBe('21:30');
  });

  it('counts public statistics by the hour and day of the week of the event, and those without a time', async () => {
    const dogs = { category: 'stray-dogs' };
    for (const body of [
      { eventDate: yesterday(), eventTime: '21:05' },
      { eventDate: yesterday(), eventTime: '21:55' },
      { eventDate: yesterday(), eventTime: '00:00' },
      { eventDate: yesterday() },
      {},
    ]) {
      expect((await report({ ...dogs, ...body })).statusCode).toBe(201);
    }
    const page = async (lang: string) =>
      (await resident().get('/zgloszenia/statystyki?category=stray-dogs', { accept: 'text/html', 'accept-language': lang })).body;
    const row = (label: string, n: number) => `<th scope="row">${label}</th><td>${n}</td>`;
    const weekday = (new Date(`${yesterday()}T12:00:00Z`).getUTCDay() + 6) % 7; // Monday 0
    const pl = await page('pl');
    expect(pl).toContain(row('21:00–21:59', 2));
    expect(pl).toContain(row('0:00–0:59', 1));
    expect(pl).toContain(row('20:00–20:59', 0));
    expect(pl).toContain(row(mapMessages.pl.weekdays[weekday]!, 4));
    expect(pl).toContain(row(mapMessages.pl.weekdays[(weekday + 1) % 7]!, 0));
    expect(pl).toContain('Bez podanej godziny zdarzenia: 2 zgłoszenia.');
    expect(pl).toContain('Bez podanej daty zdarzenia: 1 zgłoszenie.');
    // Monday first.
    expect(pl.indexOf('>poniedziałek<')).toBeLessThan(pl.indexOf('>niedziela<'));
    const en = await page('en');
    expect(en).toContain(row('21:00–21:59', 2));
    expect(en).toContain('No time of the event given: 2 reports.');
    // The downloads carry the day and the hour, never the minutes.
    const csv = (await resident().get('/zgloszenia.csv?category=stray-dogs')).body;
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toMatch(/,event_date,event_hour$/);
    expect(
      lines
        .slice(1)
        .map((line) => line.split(',').slice(-2).join(','))
        .sort(),
    ).toEqual([`${yesterday()},0`, `${yesterday()},21`, `${yesterday()},21`, `${yesterday()},`, ','].sort());
    expect(csv).not.toMatch(/21:05|21:55/);
    const geojson = JSON.parse((await resident().get('/zgloszenia.geojson?category=stray-dogs')).body) as {
      features: { properties: { eventDate: string | null; eventHour: number | null } }[];
    };
    expect(geojson.features.filter((f) => f.properties.eventHour === 21 && f.properties.eventDate === yesterday())).toHaveLength(2);
  });
});
