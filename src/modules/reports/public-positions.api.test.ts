import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../../../test/support/databases.js';
import { TestClient, csrfFromHtml, type TestApp, createTestApp } from '../../../test/support/app.js';
import { world } from '../../../test/support/world.js';
import { fromEpsg2180, toEpsg2180 } from '../../platform/geo/epsg2180.js';
import { snapToGrid } from './rules/index.js';

/*
 * The hostile tester's probes of issue 11: the "similar reports" answers (`/api/v1/reports/nearby`
 * and the step of `/zglos`) must depend only on public data. Two reports whose exact points lie in
 * the same 50 m cell of the public grid must look the same to every probe (same presence, same
 * wording of how near they are): then no number of probes locates a report better than its cell.
 * Reports given by address must look the same to a probe with any house number of their street.
 */

const home = world.districts.a1.point;
// A cell of the public grid near the town centre, in EPSG:2180 metres; points at (dx, dy) from its centre.
const cell = snapToGrid(home.lon, home.lat);
const [cx, cy] = toEpsg2180([cell.lon, cell.lat]);
const at = (dx: number, dy: number) => {
  const [lon, lat] = fromEpsg2180([cx + dx, cy + dy]);
  return { lon, lat };
};

type Entry = Record<string, unknown> & { id: number };
/** What may differ between two reports of one cell: their numbers, links and dates. */
const publicShape = ({ id: _id, url: _url, createdAt: _c, statusChangedAt: _s, ...rest }: Entry) => rest;

describe.each(backends)('public positions of threat reports on %s', (backend) => {
  let t: TestApp;
  let ip = 0;
  const resident = () => new TestClient(t.app, { headers: { 'x-forwarded-for': `198.51.100.${++ip}` } });
  let admin: TestClient;
  /** Two reports 40 m apart, both inside one 50 m cell (±25 m around its centre): every test probes them. */
  let a: Entry & { position: unknown };
  let b: Entry & { position: unknown };

  beforeAll(async () => {
    t = await createTestApp(backend, { TRUST_PROXY: '1' });
    admin = new TestClient(t.app, { headers: { 'x-forwarded-for': '203.0.113.9' } });
    await admin.signIn(world.accounts.nationalAdmin.login);
    // Categories of this file's own, so no other report answers its probes.
    for (const code of ['sonda-punkt', 'sonda-adres']) {
      expect(
        (await admin.send('POST', '/api/v1/report-categories', { code, name: { pl: `Próba ${code}`, en: `Probe ${code}` } })).statusCode,
      ).toBe(201);
    }
    a = (await resident().send('POST', '/api/v1/reports', { category: 'sonda-punkt', ...at(-20, -10) })).json();
    b = (await resident().send('POST', '/api/v1/reports', { category: 'sonda-punkt', ...at(20, 15) })).json();
  });
  afterAll(() => t.close());

  it('answers probes of "similar reports nearby" from the public grid only: two reports of one cell are indistinguishable', async () => {
    expect(a.position).toEqual(b.position);
    const probes = [
      // The tester's three probes, ~100 m around the report: with distances to the exact point they trilaterated it to 0.3 m.
      at(-100, 0),
      at(100, 0),
      at(0, 100),
      // Probes at the edge of the 250 m circle: a set chosen by exact distance takes one report and not the other.
      at(-20 - 240, -10),
      at(20 + 240, 15),
      at(0, -10 - 245),
      at(0, 15 + 245),
    ];
    let seen = 0;
    for (const probe of probes) {
      const answer = await resident().get(`/api/v1/reports/nearby?category=sonda-punkt&lat=${probe.lat}&lon=${probe.lon}`);
      expect(answer.statusCode).toBe(200);
      const reports = answer.json().reports as Entry[];
      const entryA = reports.find((r) => r.id === a.id);
      const entryB = reports.find((r) => r.id === b.id);
      expect(entryA === undefined).toBe(entryB === undefined);
      if (!entryA || !entryB) continue;
      seen++;
      expect(publicShape(entryA)).toEqual(publicShape(entryB));
      expect(entryA).not.toHaveProperty('distanceMeters');
    }
    expect(seen).toBeGreaterThanOrEqual(3);
  });

  it('gives away nothing else of the exact point either: every public answer about the two reports is the same but for numbers and times', async () => {
    const near = (await resident().get(`/api/v1/reports/nearby?category=sonda-punkt&lat=${at(0, 0).lat}&lon=${at(0, 0).lon}`)).json()
      .reports as Entry[];
    const [b, a] = near.map((r) => r.id);
    // Both numbers, wherever they stand alone, and every time of day: what may differ between the two.
    const masked = (text: string) =>
      text
        .replace(/\d{4}-\d{2}-\d{2}T[\d:.]+Z/g, 'T')
        .replace(/\d{1,2}:\d{2}(:\d{2})?/g, 'T')
        .replace(new RegExp(`(?<![\\d.])(${a}|${b})(?![\\d.])`, 'g'), 'N')
        .replace(/name="_csrf" value="[^"]+"/g, '');
    const views = ['/api/v1/reports/N', '/open311/v2/requests/N.json', '/open311/v2/requests.json?service_request_id=N', '/zgloszenia/N'];
    for (const view of views) {
      const [answerA, answerB] = await Promise.all(
        [a!, b!].map(async (id) => {
          const answer = await resident().get(view.replace('N', String(id)));
          expect(answer.statusCode, view).toBe(200);
          return masked(answer.body);
        }),
      );
      expect(answerA, view).toBe(answerB);
    }
    const geojson = (await resident().get('/zgloszenia.geojson?category=sonda-punkt')).json().features as {
      id: number;
      geometry: unknown;
      properties: Record<string, unknown>;
    }[];
    const shape = (f: (typeof geojson)[number]) => ({
      geometry: f.geometry,
      properties: { ...f.properties, id: 0, url: '', createdAt: '', statusChangedAt: '' },
    });
    expect(shape(geojson.find((f) => f.id === a)!)).toEqual(shape(geojson.find((f) => f.id === b)!));
  });

  it('shows the same on the form’s "similar reports" step: no distance in metres from the exact point', async () => {
    const browser = new TestClient(t.app, { headers: { 'x-forwarded-for': `198.51.100.${++ip}`, accept: 'text/html' } });
    browser.csrfToken = csrfFromHtml((await browser.get('/zglos')).body);
    const probe = at(-60, 0);
    const page = await browser.postForm('/zglos', { category: 'sonda-punkt', lat: String(probe.lat), lon: String(probe.lon) });
    expect(page.statusCode).toBe(200);
    const items = [...page.body.matchAll(/<li class="result-list__item">(.*?)<\/li>/gs)].map((m) =>
      m[1]!.replace(/(zgloszenia\/|nr )\d+/g, '$1N'),
    );
    expect(items).toHaveLength(2);
    expect(items[0]).toBe(items[1]);
    expect(items[0]).toContain('w promieniu ok. 100 m');
    expect(page.body).not.toMatch(/\d+ m stąd/);
  });

  it('answers a probe by address the same for every house number of the street: the house that reported is not revealed', async () => {
    // Lipowa is split between districts a1 and a2 by house numbers; the report is at number 7 (a1).
    const reported = (
      await resident().send('POST', '/api/v1/reports', { category: 'sonda-adres', address: 'Borowo, ul. Lipowa 7' })
    ).json();
    expect(reported.districtId).toBe(world.districts.a1.id);
    const other = (await resident().send('POST', '/api/v1/reports', { category: 'sonda-adres', address: 'Borowo, ul. Kwiatowa 3' })).json();
    const answers = new Set<string>();
    for (let number = 1; number <= 50; number++) {
      const answer = await resident().get(
        `/api/v1/reports/nearby?category=sonda-adres&address=${encodeURIComponent(`Borowo, ul. Lipowa ${number}`)}`,
      );
      expect(answer.statusCode).toBe(200);
      answers.add(JSON.stringify(answer.json()));
    }
    expect(answers.size).toBe(1);
    const [only] = [...answers].map((text) => JSON.parse(text).reports as Entry[]);
    expect(only!.map((r) => r.id)).toEqual([reported.id]);
    // Another street of the town answers with its own reports only.
    const kwiatowa = (
      await resident().get(`/api/v1/reports/nearby?category=sonda-adres&address=${encodeURIComponent('Borowo, ul. Kwiatowa 40')}`)
    ).json().reports as Entry[];
    expect(kwiatowa.map((r) => r.id)).toEqual([other.id]);
  });
});
