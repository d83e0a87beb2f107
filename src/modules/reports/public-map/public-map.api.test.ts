import { allowReportsPerIp } from '../../../../test/support/settings.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { backends } from '../../../../test/support/databases.js';
import { TestClient, createTestApp, type TestApp } from '../../../../test/support/app.js';
import { makeDistrictWith, squareAt } from '../../../../test/support/factories.js';
import { allowReportBursts } from '../../../../test/support/reports.js';
import { world } from '../../../../test/support/world.js';
import { dayInPoland, addDays } from '../../../platform/i18n/calendar.js';
import { snapToGrid } from '../rules/geo.js';
import { csvColumns } from './exports.js';
import { round6 } from './map-grid.js';
import { exportPublic, type PublicRow } from './repository.js';
import { mapMessages } from './messages.js';

interface Made {
  id: number;
  category: string;
  unitId: string;
  /** Null for the report given by address. */
  lat: number | null;
  lon: number | null;
  /** The public point as the API must give it. */
  publicLat: number | null;
  publicLon: number | null;
  description: string;
  email: string;
}

const reporterIps = '198.51.100.';
const { a: unitA, b: unitB } = world.units;
const { a1, b1 } = world.districts;

/**
 * A district of unit A with a comma in its name (quoted in CSV), south of a1, added to the world:
 * the report given by address lands in it and is shown at its middle.
 */
const estate = {
  unitId: unitA.id,
  number: 4,
  name: `Rejon 4 – ${a1.rules[0]!.locality}, osiedle Zielone`,
  phone: null,
  email: null,
  rules: [{ locality: a1.rules[0]!.locality, street: 'Zielona', numbers: null }],
  polygon: squareAt(a1.corner.lat - 0.05, a1.corner.lon, 0.02),
};
/** The street and number a resident types: only the police may see them. */
const typedStreet = `${estate.rules[0]!.street} 17`;
const typedAddress = `${a1.rules[0]!.locality}, ul. ${typedStreet}`;

/**
 * 21 reports of vandalism at exact points with 7 decimals inside a1's polygon, one more by address
 * (in the estate district), and 4 rubbish dumps in b1 (unit B). The world has no reports of its own.
 */
const places: { category: string; unitId: string; lat?: number; lon?: number; address?: string }[] = [
  ...Array.from({ length: 21 }, (_, i) => ({
    category: 'vandalism',
    unitId: unitA.id,
    lat: Number((a1.point.lat - 0.003 + (i % 5) * 0.0011 + 0.0000137).toFixed(7)),
    lon: Number((a1.point.lon - 0.003 + Math.floor(i / 5) * 0.0013 + 0.0000291).toFixed(7)),
  })),
  { category: 'vandalism', unitId: unitA.id, address: typedAddress },
  ...Array.from({ length: 4 }, (_, i) => ({
    category: 'illegal-dumping',
    unitId: unitB.id,
    lat: Number((b1.point.lat + i * 0.0009 + 0.0000173).toFixed(7)),
    lon: Number((b1.point.lon + i * 0.0007 + 0.0000219).toFixed(7)),
  })),
];
const count = (where: (place: (typeof places)[number]) => boolean) => places.filter(where).length;
/** Vandalism in unit A (all 22), the ones by point (in a1), and the dumps of unit B. */
const vandalismA = count((p) => p.category === 'vandalism' && p.unitId === unitA.id);
const inA1 = count((p) => p.unitId === unitA.id && p.lat !== undefined);
const dumpsB = count((p) => p.category === 'illegal-dumping' && p.unitId === unitB.id);

/** A map box (minLon,minLat,maxLon,maxLat) reaching `dLon` and `dLat` degrees around a point. */
const around = (p: { lat: number; lon: number }, dLon: number, dLat: number) =>
  [p.lon - dLon, p.lat - dLat, p.lon + dLon, p.lat + dLat].map((n) => Number(n.toFixed(4)));
/** Around a1's reports: clusters at zoom 11; all of them single at zoom 16. */
const townBox = around(a1.point, 0.05, 0.03).join(',');
const closeBounds = around(a1.point, 0.005, 0.004);
const closeBox = closeBounds.join(',');
/** Unit A's a1 and the estate district, with room around. */
const unitABox = around(a1.point, 0.1, 0.08).join(',');
/** Every report of the file: a1, the estate and b1. */
const allBox = [a1.corner.lon - 0.05, a1.corner.lat - 0.1, b1.corner.lon + 0.05, b1.corner.lat + 0.05].join(',');

/** A small RFC 4180 reader for the test: quoted fields, doubled quotes, CRLF lines. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted && c === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (!quoted && c === ',') {
      row.push(field);
      field = '';
    } else if (!quoted && c === '\r' && text[i + 1] === '\n') {
      rows.push([...row, field]);
      row = [];
      field = '';
      i++;
    } else {
      field += c;
    }
  }
  if (field || row.length) rows.push([...row, field]);
  return rows;
}

const listItems = (html: string) => (html.match(/class="plan-list__item"/g) ?? []).length;

describe.each(backends)('public list, map, statistics and downloads of reports on %s', (backend) => {
  let t: TestApp;
  let html: TestClient;
  const made: Made[] = [];
  /** Every body this file received from the public endpoints, checked for private data at the end. */
  const seen: string[] = [];
  const today = dayInPoland(new Date());

  const get = async (url: string, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> => {
    const response = await t.app.inject({ method: 'GET', url, headers });
    seen.push(response.body);
    return response;
  };
  const page = async (url: string) => {
    const response = await html.get(url);
    seen.push(response.body);
    expect(response.statusCode, response.body.slice(0, 500)).toBe(200);
    return response.body;
  };

  beforeAll(async () => {
    t = await createTestApp(backend, {}, (trx) => makeDistrictWith(trx, estate));
    await allowReportsPerIp(t.testDb.database.db, 1000, t.changes);
    // Many reports to a few districts within minutes, on purpose: not a flood to hold (floods.api.test.ts).
    await allowReportBursts(t.testDb.database.db);
    html = new TestClient(t.app, { headers: { accept: 'text/html' } });
    for (const [i, place] of places.entries()) {
      const description = `TAJNY-OPIS-${i}: hałas pod numerem 5, sąsiad Kowalski`;
      const email = `zglaszajacy${i}@tajny.example`;
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/v1/reports',
        payload: {
          category: place.category,
          ...(place.address ? { address: place.address } : { lat: place.lat, lon: place.lon }),
          description,
          email,
        },
        remoteAddress: `${reporterIps}${i + 1}`,
      });
      expect(response.statusCode, response.body).toBe(201);
      if (place.lat === undefined || place.lon === undefined) {
        made.push({
          id: response.json().id,
          category: place.category,
          unitId: place.unitId,
          lat: null,
          lon: null,
          publicLat: null,
          publicLon: null,
          description,
          email,
        });
        continue;
      }
      const lat = place.lat;
      const lon = place.lon;
      const snapped = snapToGrid(lon, lat);
      // The exact point must not be a prefix of the public one, or the privacy checks would prove nothing.
      for (const [exact, approx] of [
        [lat, snapped.lat],
        [lon, snapped.lon],
      ] as const) {
        expect(String(approx).includes(String(exact))).toBe(false);
        expect(round6(approx)).not.toBe(round6(exact));
      }
      made.push({
        id: response.json().id,
        category: place.category,
        unitId: place.unitId,
        lat,
        lon,
        publicLat: round6(snapped.lat),
        publicLon: round6(snapped.lon),
        description,
        email,
      });
    }
    const staff = new TestClient(t.app);
    expect((await staff.signIn(world.supervisorOf.a)).statusCode).toBe(200);
    const verifying = await staff.send('POST', `/api/v1/reports/${made[0]!.id}/status`, {
      status: 'verifying',
      note: 'NOTATKA-WEWNETRZNA',
    });
    expect(verifying.statusCode, verifying.body).toBe(200);
    const meToo = await t.app.inject({ method: 'POST', url: `/api/v1/reports/${made[1]!.id}/confirmations`, remoteAddress: '192.0.2.44' });
    expect(meToo.statusCode, meToo.body).toBe(200);
  });
  afterAll(() => t.close());

  it('lists reports 20 a page, newest first, each linked, with the status, the place and the "me too" count', async () => {
    const all = made.length;
    const first = await page('/zgloszenia');
    expect(first).toContain('<h1>Zgłoszenia zagrożeń</h1>');
    expect(first).toContain(mapMessages.pl.results(all));
    expect(first).toContain('Położenie przybliżone (do ok. 50 m).');
    expect(listItems(first)).toBe(20);
    const newest = made[made.length - 1]!;
    expect(first).toContain(`href="/zgloszenia/${newest.id}"`);
    expect(first.indexOf(`/zgloszenia/${newest.id}"`)).toBeLessThan(first.indexOf(`/zgloszenia/${made[made.length - 2]!.id}"`));
    expect(first).toContain(`Zgłoszenie nr ${newest.id}: Dzikie wysypiska śmieci`);
    expect(first).toContain(unitB.name);
    expect(first).toContain('class="pagination"');
    const second = await page('/zgloszenia?page=2');
    expect(listItems(second)).toBe(Math.min(20, all - 20));
    expect(second).toContain('Strona 2 z');
    const one = await page(`/zgloszenia?category=vandalism&unitId=${unitA.id}&page=2`);
    expect(one).toContain(mapMessages.pl.results(vandalismA));
    const withMeToo = await page(`/zgloszenia?category=vandalism&unitId=${unitA.id}&from=${today}&to=${today}&page=2`);
    expect(withMeToo).toContain('Potwierdzenia „ja też”: 1');
    const byAddress = await page(`/zgloszenia?category=vandalism&unitId=${unitA.id}&from=${today}&to=${today}`);
    expect(byAddress).toContain(`Miejsce: ${estate.name} (${unitA.name}) (miejsce podane adresem)`);
  });

  it('filters the list by status, category, unit and period, and ignores values it does not know', async () => {
    const verifying = await page(`/zgloszenia?status=verifying&unitId=${unitA.id}`);
    expect(verifying).toContain(`href="/zgloszenia/${made[0]!.id}"`);
    expect(verifying).toContain('<strong class="tag tag--yellow">Weryfikacja</strong>');
    expect(verifying).not.toContain(`href="/zgloszenia/${made[1]!.id}"`);
    const dumps = await page(`/zgloszenia?category=illegal-dumping&unitId=${unitB.id}`);
    expect(dumps).toContain(mapMessages.pl.results(dumpsB));
    expect(listItems(dumps)).toBe(dumpsB);
    const tomorrow = await page(`/zgloszenia?from=${addDays(today, 1)}`);
    expect(tomorrow).toContain('Brak zgłoszeń spełniających kryteria.');
    // Unknown values are dropped, not errors: a person gets the whole list.
    const odd = await page('/zgloszenia?category=nie-ma-takiej&status=zly&unitId=%3Cscript%3E&from=2026-02-30&page=-4');
    expect(odd).toContain(mapMessages.pl.results(made.length));
    expect(odd).not.toContain('<script>');
    // The filters are kept in the form, the pages and the downloads.
    expect(dumps).toContain(`href="/zgloszenia.csv?category=illegal-dumping&amp;unitId=${unitB.id}"`);
    expect(dumps).toContain(`href="/zgloszenia.geojson?category=illegal-dumping&amp;unitId=${unitB.id}"`);
    expect(dumps).toContain(`data-api="/api/v1/reports/map?category=illegal-dumping&amp;unitId=${unitB.id}"`);
  });

  it('speaks English when asked', async () => {
    const response = await get('/zgloszenia', { accept: 'text/html', 'accept-language': 'en' });
    expect(response.body).toContain('<h1>Threat reports</h1>');
    expect(response.body).toContain('Approximate position (within about 50 m).');
    const stats = await get('/zgloszenia/statystyki', { accept: 'text/html', 'accept-language': 'en' });
    expect(stats.body).toContain('Report statistics');
  });

  it('clusters the map below zoom 15 in SQL and shows single reports at their approximate points from zoom 15', async () => {
    const clustered = await get(`/api/v1/reports/map?bbox=${townBox}&zoom=11&category=vandalism`);
    expect(clustered.statusCode, clustered.body).toBe(200);
    const c = clustered.json();
    expect(c.mode).toBe('clusters');
    expect(c.approximate).toBe(true);
    expect(c.clusters.length).toBeGreaterThan(0);
    const counted = c.clusters.reduce((sum: number, cluster: { count: number }) => sum + cluster.count, 0) + c.reports.length;
    expect(counted).toBe(inA1);
    expect(c.clusters.length + c.reports.length).toBeLessThan(inA1);

    const close = await get(`/api/v1/reports/map?bbox=${closeBox}&zoom=16&category=vandalism`);
    expect(close.statusCode, close.body).toBe(200);
    const single = close.json();
    expect(single.mode).toBe('reports');
    expect(single.clusters).toEqual([]);
    const [minLon, minLat, maxLon, maxLat] = closeBounds as [number, number, number, number];
    const inBox = made.filter(
      (r) =>
        r.category === 'vandalism' &&
        r.publicLon !== null &&
        r.publicLat !== null &&
        r.publicLon >= minLon &&
        r.publicLon <= maxLon &&
        r.publicLat >= minLat &&
        r.publicLat <= maxLat,
    );
    expect(inBox.length).toBeGreaterThan(5);
    expect(single.reports.map((r: { id: number }) => r.id).sort()).toEqual(inBox.map((r) => r.id).sort());
    for (const report of inBox) {
      const shown = single.reports.find((r: { id: number }) => r.id === report.id);
      expect(shown, `report ${report.id}`).toBeDefined();
      expect(shown).toMatchObject({
        lat: report.publicLat,
        lon: report.publicLon,
        category: 'vandalism',
        categoryName: 'Akty wandalizmu',
        url: `http://localhost:80/zgloszenia/${report.id}`,
      });
      expect(Object.keys(shown).sort()).toEqual(['category', 'categoryName', 'id', 'lat', 'lon', 'status', 'statusName', 'url']);
    }
    const verifying = (await get(`/api/v1/reports/map?bbox=${closeBox}&zoom=16&status=verifying`)).json();
    expect(verifying.reports.map((r: { id: number }) => r.id)).toEqual([made[0]!.id]);
    expect(verifying.reports[0].statusName).toBe('Weryfikacja');
    // Nothing in the Baltic.
    const sea = (await get('/api/v1/reports/map?bbox=18.0,54.8,18.5,55.0&zoom=10')).json();
    expect(sea.clusters).toEqual([]);
    expect(sea.reports).toEqual([]);
  });

  it('shows reports given by address at the middle of their district, marked so, only when that middle is in view', async () => {
    const district = (await get(`/api/v1/locate?address=${encodeURIComponent(typedAddress)}`)).json().matches[0].district;
    const answer = (await get(`/api/v1/reports/map?bbox=${unitABox}&zoom=11&category=vandalism`)).json();
    const entry = answer.unplaced.find((u: { district: { id: string } }) => u.district.id === district.id);
    expect(entry).toMatchObject({ approximate: 'district', district: { id: district.id, name: district.name, url: district.url } });
    expect(entry.count).toBe(1);
    // The marker's point is inside that district (the locator answers it for the point), not the typed address.
    const located = (await get(`/api/v1/locate?lat=${entry.lat}&lon=${entry.lon}`)).json();
    expect(located.matches.map((m: { district: { id: string } }) => m.district.id)).toContain(district.id);
    // Filters apply: no vandalism by address elsewhere, no such report among rubbish dumps.
    const dumps = (await get(`/api/v1/reports/map?bbox=${unitABox}&zoom=11&category=illegal-dumping`)).json();
    expect(dumps.unplaced.find((u: { district: { id: string } }) => u.district.id === district.id)).toBeUndefined();
    const elsewhere = (await get('/api/v1/reports/map?bbox=18.0,54.8,18.5,55.0&zoom=10')).json();
    expect(elsewhere.unplaced).toEqual([]);
  });

  it('refuses a bad map request with 400 in the error envelope, in Polish or English', async () => {
    const cases: [string, string | null][] = [
      ['bbox=1,2,3&zoom=10', 'invalid_bbox'],
      ['bbox=a,b,c,d&zoom=10', 'invalid_bbox'],
      ['bbox=22.6,51.5,22.5,51.4&zoom=10', 'invalid_bbox'],
      ['bbox=22.6,51.4,22.6,51.5&zoom=10', 'invalid_bbox'],
      ['bbox=200,51,201,52&zoom=10', 'invalid_bbox'],
      ['bbox=Infinity,51,22,52&zoom=10', 'invalid_bbox'],
      ['bbox=14,49,24.2,55&zoom=16', 'bbox_too_large'],
      ['bbox=-180,-85,180,85&zoom=9', 'bbox_too_large'],
      [`bbox=${townBox}&zoom=21`, 'validation_failed'],
      [`bbox=${townBox}&zoom=1.5`, 'validation_failed'],
      [`bbox=${townBox}`, 'validation_failed'],
      ['zoom=10', 'validation_failed'],
      [`bbox=${townBox}&zoom=10&foo=1`, 'validation_failed'],
      [`bbox=${townBox}&zoom=10&status=zly`, 'validation_failed'],
      [`bbox=${townBox}&zoom=10&from=2026-02-30`, 'invalid_date'],
    ];
    for (const [query, code] of cases) {
      const response = await get(`/api/v1/reports/map?${query}`);
      expect(response.statusCode, query).toBe(400);
      const { error } = response.json();
      expect(error.code, query).toBe(code);
      expect(typeof error.message).toBe('string');
    }
    const pl = (await get('/api/v1/reports/map?bbox=1,2,3&zoom=10')).json();
    expect(pl.error.message).toContain('Parametr bbox musi mieć postać minLon,minLat,maxLon,maxLat');
    const en = (await get('/api/v1/reports/map?bbox=14,49,24.2,55&zoom=16', { 'accept-language': 'en' })).json();
    expect(en.error.message).toContain('The bbox area is too large for this zoom');
    // The whole of Poland at a national zoom is fine.
    expect((await get('/api/v1/reports/map?bbox=14,49,24.2,55&zoom=6')).statusCode).toBe(200);
  });

  it('counts by category, status, district and month as accessible SVG charts with tables', async () => {
    const body = await page('/zgloszenia/statystyki');
    expect(body).toContain(mapMessages.pl.total(made.length));
    expect(body.match(/<svg width="100%"[^>]*role="img"[^>]*aria-label="Wykres słupkowy: /g)).toHaveLength(4);
    expect(body).toContain('<title>Wykres słupkowy: Według kategorii.');
    for (const heading of [
      'Według kategorii',
      'Według statusu',
      'Według rejonu (20 największych)',
      'Według miesiąca (ostatnie 12 miesięcy)',
    ])
      expect(body).toContain(heading);
    const vandalism = await page(`/zgloszenia/statystyki?unitId=${unitA.id}&category=vandalism`);
    expect(vandalism).toContain(`<th scope="row">Akty wandalizmu</th><td>${vandalismA}</td>`);
    expect(vandalism).toContain('<th scope="row">Weryfikacja</th><td>1</td>');
    expect(vandalism).toContain(`<th scope="row">${estate.name} (${unitA.name})</th><td>1</td>`);
    expect(vandalism).toContain(`<th scope="row">${a1.name} (${unitA.name})</th><td>${inA1}</td>`);
    const month = new Intl.DateTimeFormat('pl-PL', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
      new Date(`${today.slice(0, 7)}-15T12:00:00Z`),
    );
    expect(vandalism).toContain(`<th scope="row">${month}</th><td>${vandalismA}</td>`);
    expect(vandalism).toContain(`href="/zgloszenia.csv?category=vandalism&amp;unitId=${unitA.id}"`);
    const empty = await page(`/zgloszenia/statystyki?from=${addDays(today, 1)}`);
    expect(empty).toContain(mapMessages.pl.total(0));
    expect(empty).not.toContain('role="img"');
  });

  it('downloads the same public fields as CSV (UTF-8 with BOM, quoted) and GeoJSON (approximate points)', async () => {
    const csv = await get(`/zgloszenia.csv?category=illegal-dumping&unitId=${unitB.id}`);
    expect(csv.statusCode, csv.body).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toMatch(/^attachment; filename="zgloszenia-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(csv.headers['x-truncated']).toBe('false');
    expect(csv.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const records = parseCsv(csv.body.replace(/^\uFEFF/, ''));
    expect(records[0]).toEqual([...csvColumns]);
    expect(records).toHaveLength(dumpsB + 1);
    const dump = made[made.length - 1]!;
    const row = records.find((r) => r[0] === String(dump.id))!;
    const record = Object.fromEntries(csvColumns.map((column, i) => [column, row[i]]));
    expect(record).toMatchObject({
      url: `http://localhost:80/zgloszenia/${dump.id}`,
      category: 'illegal-dumping',
      category_name: 'Dzikie wysypiska śmieci',
      status: 'new',
      status_name: 'Nowe',
      unit_id: unitB.id,
      unit_name: unitB.name,
      lat_approx: String(dump.publicLat),
      lon_approx: String(dump.publicLon),
      confirmations: '0',
    });
    expect(new Date(record.created_at!).getTime()).toBeGreaterThan(Date.now() - 3_600_000);
    // A district name with a comma is quoted (RFC 4180).
    const withComma = await get(`/zgloszenia.csv?category=vandalism&unitId=${unitA.id}`);
    expect(withComma.body).toContain(`,"${estate.name}",`);
    const english = await get(`/zgloszenia.csv?category=illegal-dumping&unitId=${unitB.id}`, { 'accept-language': 'en' });
    expect(english.body).toContain(',Illegal rubbish dumps,new,New,');

    const geo = await get(`/zgloszenia.geojson?category=vandalism&unitId=${unitA.id}`);
    expect(geo.statusCode, geo.body).toBe(200);
    expect(geo.headers['content-type']).toBe('application/geo+json; charset=utf-8');
    const collection = geo.json();
    expect(collection).toMatchObject({
      type: 'FeatureCollection',
      approximate: true,
      precisionMeters: 50,
      truncated: false,
      totalCount: vandalismA,
      limit: 50_000,
    });
    expect(collection.features).toHaveLength(vandalismA);
    for (const report of made.filter((r) => r.category === 'vandalism')) {
      const feature = collection.features.find((f: { id: number }) => f.id === report.id);
      expect(feature.geometry).toEqual(
        report.publicLat === null ? null : { type: 'Point', coordinates: [report.publicLon, report.publicLat] },
      );
      expect(Object.keys(feature.properties).sort()).toEqual(
        [
          'approximate',
          'category',
          'categoryName',
          'confirmations',
          'createdAt',
          'districtId',
          'districtName',
          'eventDate',
          'eventHour',
          'id',
          'precisionMeters',
          'status',
          'statusChangedAt',
          'statusName',
          'unitId',
          'unitName',
          'url',
        ].sort(),
      );
    }
    expect(collection.features.find((f: { id: number }) => f.id === made[1]!.id).properties.confirmations).toBe(1);
  });

  it('reads a download in batches, newest first, and stops at the limit', async () => {
    const db = t.testDb.database.db;
    const rows: PublicRow[] = [];
    for await (const row of exportPublic(db, { unitId: unitA.id }, 5, 2)) rows.push(row);
    expect(rows.map((r) => r.id)).toEqual([...rows.map((r) => r.id)].sort((a, b) => b - a));
    expect(rows).toHaveLength(5);
    expect(rows[0]!.id).toBe(made.filter((r) => r.unitId === unitA.id).at(-1)!.id);
    const all: number[] = [];
    for await (const row of exportPublic(db, { category: 'illegal-dumping', unitId: unitB.id }, 1000, 3)) all.push(row.id);
    expect(all).toHaveLength(dumpsB);
    expect(new Set(all).size).toBe(all.length);
  });

  it('rejects unknown fields and impossible dates in the downloads', async () => {
    const unknown = await get('/zgloszenia.csv?description=1');
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.code).toBe('validation_failed');
    const date = await get('/zgloszenia.geojson?to=2026-13-01');
    expect(date.statusCode).toBe(400);
    expect(date.json().error.code).toBe('invalid_date');
    // Empty values, as a GET form sends them, mean "no filter".
    expect((await get('/zgloszenia.csv?category=&status=&unitId=&from=&to=')).statusCode).toBe(200);
  });

  it('never shows the description, e-mail, exact position, note or reporter IP of a report', async () => {
    // One more look at each public answer with everything in it, and at each report's own page
    // and API answer: enough on its own, whether the other tests ran before this one or not.
    for (const report of made) {
      await get(`/api/v1/reports/${report.id}`);
      await page(`/zgloszenia/${report.id}`);
    }
    await get('/zgloszenia.csv');
    await get('/zgloszenia.geojson');
    await get(`/api/v1/reports/map?bbox=${allBox}&zoom=12`);
    await get(`/api/v1/reports/map?bbox=${closeBox}&zoom=18`);
    await page(`/zgloszenia?unitId=${unitA.id}`);
    await page('/zgloszenia/statystyki');
    expect(seen.length).toBeGreaterThan(20);
    const everything = seen.join('\n');
    expect(everything).not.toContain('TAJNY-OPIS');
    expect(everything).not.toContain('Kowalski');
    expect(everything).not.toContain('tajny.example');
    expect(everything).not.toContain('NOTATKA-WEWNETRZNA');
    expect(everything).not.toContain(reporterIps);
    expect(everything).not.toContain('192.0.2.44');
    expect(everything).not.toContain(typedAddress);
    expect(everything).not.toContain(typedStreet);
    for (const report of made.filter((r) => r.lat !== null)) {
      expect(everything).not.toContain(String(report.lat));
      expect(everything).not.toContain(String(report.lon));
    }
  });
});
