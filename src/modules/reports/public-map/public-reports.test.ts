import { allowReportsPerIp } from '../../../../test/support/settings.js';
import { inspect } from 'node:util';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../../../../test/support/databases.js';
import { TestClient, type TestApp, createTestApp } from '../../../../test/support/app.js';
import { world } from '../../../../test/support/world.js';
import type { Db } from '../../../platform/db/database.js';
import { reportStatuses, type BoundingBox } from '../rules/index.js';
import {
  comparePrecomputedCells,
  compareAnswers,
  edgeDays,
  pick,
  sqlAnswers,
  type ReportWorld,
} from '../../../../test/support/public-reports.js';
import { PublicReports } from './public-reports.js';
import { precomputedZoom } from './report-store.js';
import { countPublic, mapCells } from './repository.js';
import { seededRandom } from '../../../../test/support/random.js';

/** Instants at the edges of Polish days (and of the DST changes), as timestamptz text with microseconds. */
const edgeInstants = [
  '2025-03-29T23:00:00.000000Z', // 2025-03-30 00:00 CET
  '2025-03-29T22:59:59.999999Z',
  '2025-03-30T21:59:59.999999Z', // 23:59:59.999999 CEST
  '2025-03-30T22:00:00.000000Z',
  '2025-10-25T22:00:00.000000Z', // 2025-10-26 00:00 CEST
  '2025-10-26T22:59:59.999999Z', // 23:59:59.999999 CET
  '2025-10-26T23:00:00.000000Z',
  '2025-12-31T23:00:00.000000Z', // 2026-01-01 00:00 CET: a new month and year
  '2025-12-31T22:59:59.999999Z',
];

const PRIVATE_MARKER = 'PRYWATNY-ZNACZNIK-7731';
const PRIVATE_EMAIL = 'znacznik7731@tajny.example';
const PRIVATE_ADDRESS = 'ul. Tajemnicza 7731, Borowo';
const PRIVATE_IP = '203.0.113.231';
const EXACT = { lon: 22.6543219, lat: 51.4567891 };

describe.each(backends)('the in-memory index of public report data on %s', (backend) => {
  let t: TestApp;
  let db: Db;
  let reports: PublicReports;
  const categories: string[] = [];
  const units: string[] = [];
  const districts: { id: string; unitId: string }[] = [];
  const publicPoints: { lon: number; lat: number }[] = [];
  const reportWorld: ReportWorld = { categories, units, districts, points: publicPoints };
  let checks = 0;

  /** Inserts `count` reports with varied public data, the way another instance (or an import) would. */
  async function insertReports(rand: () => number, count: number, createdAt?: () => string): Promise<void> {
    const cols = {
      c: [] as string[],
      u: [] as string[],
      d: [] as (string | null)[],
      s: [] as string[],
      x: [] as (number | null)[],
      y: [] as (number | null)[],
      px: [] as (number | null)[],
      py: [] as (number | null)[],
      a: [] as (string | null)[],
      t: [] as string[],
      f: [] as (string | null)[],
      n: [] as number[],
      ed: [] as (string | null)[],
      et: [] as (string | null)[],
    };
    for (let i = 0; i < count; i++) {
      const r = rand();
      let unit: string;
      let district: string | null = null;
      if (r < 0.65) {
        const d = pick(rand, districts);
        district = d.id;
        unit = d.unitId;
      } else if (r < 0.7) {
        // A district of another unit: the application never does it, the schema allows it.
        district = pick(rand, districts).id;
        unit = pick(rand, units);
      } else {
        unit = pick(rand, units);
      }
      const status = pick(
        rand,
        reportStatuses.filter((s) => s !== 'duplicate'),
      );
      const byAddress = rand() < 0.15;
      let lon: number | null = null;
      let lat: number | null = null;
      if (!byAddress) {
        if (publicPoints.length && rand() < 0.15) {
          // Several reports on the same grid point.
          ({ lon, lat } = pick(rand, publicPoints));
        } else {
          lon = Math.round((21.9 + rand() * 1.6) * 1e5) / 1e5;
          lat = Math.round((50.8 + rand() * 1.0) * 1e5) / 1e5;
          publicPoints.push({ lon, lat });
        }
      }
      cols.c.push(pick(rand, categories));
      cols.u.push(unit);
      cols.d.push(district);
      cols.s.push(status);
      cols.px.push(lon);
      cols.py.push(lat);
      cols.x.push(lon === null ? null : lon + 0.0001234);
      cols.y.push(lat === null ? null : lat - 0.0000987);
      cols.a.push(byAddress ? `ul. Testowa ${i}` : null);
      cols.f.push(status === 'forwarded' ? 'Straż Miejska' : null);
      cols.n.push(Math.floor(rand() * 4));
      // The event: none, a day alone, or a day and a time, some on the days clocks change.
      const eventDay =
        rand() < 0.3
          ? null
          : rand() < 0.3
            ? pick(rand, edgeDays)
            : `2025-${String(1 + Math.floor(rand() * 12)).padStart(2, '0')}-1${Math.floor(rand() * 10)}`;
      cols.ed.push(eventDay);
      cols.et.push(
        eventDay && rand() < 0.6
          ? `${String(Math.floor(rand() * 24)).padStart(2, '0')}:${String(Math.floor(rand() * 60)).padStart(2, '0')}`
          : null,
      );
      if (createdAt) {
        cols.t.push(createdAt());
      } else if (rand() < 0.1) {
        cols.t.push(pick(rand, edgeInstants));
      } else {
        const ms = Date.UTC(2024, 0, 1) + Math.floor(rand() * 1050 * 86_400_000);
        cols.t.push(`${new Date(ms).toISOString().slice(0, 19)}.${String(Math.floor(rand() * 1e6)).padStart(6, '0')}Z`);
      }
    }
    await sql`insert into reports (category_id, unit_id, district_id, status, position, public_position, address, description, email, reporter_ip,
        created_at, status_changed_at, updated_at, forwarded_to, confirmations, event_date, event_time)
      select c, u, d, s, point(x, y), point(px, py), a, 'opis testowy', 'ktos@test.example', '198.51.100.200', t, t, t, f, n, ed, et
      from unnest(${cols.c}::text[], ${cols.u}::text[], ${cols.d}::text[], ${cols.s}::text[], ${cols.x}::float8[], ${cols.y}::float8[],
        ${cols.px}::float8[], ${cols.py}::float8[], ${cols.a}::text[], ${cols.t}::timestamptz[], ${cols.f}::text[], ${cols.n}::int[],
        ${cols.ed}::date[], ${cols.et}::time[])
        as r(c, u, d, s, x, y, px, py, a, t, f, n, ed, et)`.execute(db);
  }

  /** Every answer of the facade against the SQL reference, for `rounds` random filters and boxes. */
  async function compareWithSql(seed: number, rounds: number): Promise<void> {
    checks += await compareAnswers(reports, sqlAnswers(db), reportWorld, seed, rounds);
  }

  /** The precomputed clusters against SQL; they must answer, not a scan. */
  async function comparePrecomputed(seed: number): Promise<void> {
    checks += await comparePrecomputedCells(reports, sqlAnswers(db), reports.store, reportWorld, seed);
  }

  /** Public ids of reports that nothing refers to (no events, "me too", duplicates): free to delete. */
  async function deletableIds(limit: number): Promise<number[]> {
    const { rows } = await sql<{ id: number }>`select id from reports where status <> 'duplicate'
      and id not in (select duplicate_of from reports where duplicate_of is not null)
      and id not in (select report_id from report_events) and id not in (select report_id from report_confirmations)
      order by id limit ${limit}`.execute(db);
    return rows.map((row) => Number(row.id));
  }

  beforeAll(async () => {
    t = await createTestApp(backend, { TRUST_PROXY: '1' });
    db = t.testDb.database.db;
    await allowReportsPerIp(db, 100_000, t.changes);
    categories.push(...(await db.selectFrom('report_categories').select('id').orderBy('id').execute()).map((r) => r.id));
    units.push(...(await db.selectFrom('units').select('id').orderBy('id').execute()).map((r) => r.id));
    districts.push(
      ...(await db.selectFrom('districts').select(['id', 'unit_id']).orderBy('id').execute()).map((r) => ({ id: r.id, unitId: r.unit_id })),
    );
    expect(categories.length).toBeGreaterThan(3);
    expect(districts.length).toBeGreaterThan(3);
    await insertReports(seededRandom(1), 300);
    // Reports made in the same microsecond: the newest-first order falls back to the id.
    await insertReports(seededRandom(2), 12, () => '2025-06-15T10:00:00.123456Z');
    // A few duplicates (they point at an earlier report).
    await sql`update reports set status = 'duplicate', duplicate_of = id - 1 where id in (select id from reports where status = 'new' order by id desc limit 6)`.execute(
      db,
    );
    reports = new PublicReports(db, t.changes, { pollMs: 0, batchSize: 97 });
    reports.start();
    await reports.refresh();
  });
  afterAll(async () => {
    await reports?.stop();
    await t?.close();
  });

  it('answers counts, extents, clusters, single reports and statistics exactly as the SQL queries do', async () => {
    expect(reports.ready).toBe(true);
    expect(reports.store.size).toBe(await countPublic(db, {}));
    // Some reports were given by address only: the comparison covers reports without a point.
    expect((await reports.unplaced({})).size).toBeGreaterThan(0);
    await compareWithSql(11, 120);
    await comparePrecomputed(21);
    expect(checks).toBeGreaterThanOrEqual(120 + (1 + reportStatuses.length + categories.length) * (precomputedZoom + 2));
  });

  it('shows a report, a status change and a "me too" made through this process right after the write', async () => {
    const { lon, lat } = world.districts.a1.point;
    const around: BoundingBox = { minLon: lon - 0.01, minLat: lat - 0.01, maxLon: lon + 0.01, maxLat: lat + 0.01 };
    const before = await reports.count({});
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/reports',
      payload: { category: 'vandalism', lat, lon, description: 'Nowe zgłoszenie z testu indeksu', email: 'indeks@test.example' },
      headers: { 'x-forwarded-for': '198.51.100.77' },
    });
    expect(created.statusCode, created.body).toBe(201);
    const id: number = created.json().id;
    // No refresh asked for: the change event of this process is enough.
    expect(await reports.count({})).toBe(before + 1);
    const shown = (await reports.mapPoints({}, around, 2001)).find((p) => p.id === id);
    expect(shown).toMatchObject({ id, categoryId: 'vandalism', status: 'new', confirmations: 0 });

    const staff = new TestClient(t.app);
    expect((await staff.signIn(world.accounts.supervisorA.login)).statusCode).toBe(200);
    const verifying = await staff.send('POST', `/api/v1/reports/${id}/status`, { status: 'verifying', note: 'notatka' });
    expect(verifying.statusCode, verifying.body).toBe(200);
    expect((await reports.mapPoints({ status: 'verifying' }, around, 2001)).map((p) => p.id)).toContain(id);
    expect(await reports.count({ status: 'verifying' })).toBe(await countPublic(db, { status: 'verifying' }));

    const meToo = await t.app.inject({
      method: 'POST',
      url: `/api/v1/reports/${id}/confirmations`,
      headers: { 'x-forwarded-for': '192.0.2.55' },
    });
    expect(meToo.statusCode, meToo.body).toBe(200);
    expect((await reports.mapPoints({}, around, 2001)).find((p) => p.id === id)?.confirmations).toBe(1);

    // The application's own index answers the map and the downloads' count the same way.
    const map = (
      await t.app.inject({
        method: 'GET',
        url: `/api/v1/reports/map?bbox=${lon - 0.004},${lat - 0.004},${lon + 0.004},${lat + 0.004}&zoom=16&status=verifying`,
      })
    ).json();
    expect(map.reports.map((r: { id: number }) => r.id)).toContain(id);
    const csv = await t.app.inject({ method: 'GET', url: '/zgloszenia.csv?status=verifying' });
    expect(Number(csv.headers['x-total-count'])).toBe(await countPublic(db, { status: 'verifying' }));
    await compareWithSql(12, 20);
    await comparePrecomputed(22);
  });

  it('sees changes made directly in the database (another instance) after refresh()', async () => {
    const target = await sql<{
      id: number;
      status: string;
    }>`select id, status from reports where status = 'new' and public_position is not null order by id limit 1`.execute(db);
    const changedId = Number(target.rows[0]!.id);
    await sql`update reports set status = 'eliminated', status_changed_at = now(), updated_at = now(), closed_at = now() where id = ${changedId}`.execute(
      db,
    );
    // A point moved (an edit by staff), a report deleted, and one committed after a higher id.
    const moving = await sql<{ id: number }>`select id from reports where public_position is not null and status <> 'duplicate'
      and id not in (select duplicate_of from reports where duplicate_of is not null)
      and id not in (select report_id from report_events) and id not in (select report_id from report_confirmations)
      order by id desc limit 2`.execute(db);
    const movedId = Number(moving.rows[0]!.id);
    const deletedId = Number(moving.rows[1]!.id);
    await sql`update reports set public_position = point(23.12345, 51.23456), position = point(23.1234, 51.2345), updated_at = now() where id = ${movedId}`.execute(
      db,
    );
    await sql`delete from reports where id = ${deletedId}`.execute(db);
    const max = Number((await sql<{ max: number }>`select max(id) as max from reports`.execute(db)).rows[0]!.max);
    await sql`insert into reports (id, category_id, unit_id, status, position, public_position, created_at, status_changed_at, updated_at)
      overriding system value values (${max + 50}, ${categories[0]!}, ${units[0]!}, 'new', point(22.5, 51.1), point(22.5, 51.1), now(), now(), now())`.execute(
      db,
    );
    await insertReports(seededRandom(3), 5);
    await reports.refresh();
    expect(reports.store.size).toBe(await countPublic(db, {}));
    expect(await reports.count({ status: 'eliminated' })).toBe(await countPublic(db, { status: 'eliminated' }));
    const near = (lon: number, lat: number): BoundingBox => ({
      minLon: lon - 0.001,
      minLat: lat - 0.001,
      maxLon: lon + 0.001,
      maxLat: lat + 0.001,
    });
    expect((await reports.mapPoints({}, near(23.12345, 51.23456), 10)).map((p) => p.id)).toContain(movedId);
    expect((await reports.mapPoints({}, near(22.5, 51.1), 10)).map((p) => p.id)).toContain(max + 50);
    await compareWithSql(13, 60);
    await comparePrecomputed(23);
  });

  it('keeps the precomputed clusters exact through inserts, status and category changes, moves and deletions', async () => {
    const rand = seededRandom(4);
    const ids = (await sql<{ id: number }>`select id from reports where status not in ('duplicate') order by id`.execute(db)).rows.map(
      (row) => Number(row.id),
    );
    const some = (count: number) => Array.from({ length: count }, () => pick(rand, ids));
    const statuses = reportStatuses.filter((s) => s !== 'duplicate' && s !== 'forwarded');
    for (const id of some(40)) {
      await sql`update reports set status = ${pick(rand, statuses)}, closed_at = null, status_changed_at = now(), updated_at = now() where id = ${id} and status <> 'forwarded'`.execute(
        db,
      );
    }
    for (const id of some(30))
      await sql`update reports set category_id = ${pick(rand, categories)}, updated_at = now() where id = ${id}`.execute(db);
    // Moves within a cell, to another cell, and from an address-only report to a point.
    for (const id of some(15)) {
      await sql`update reports set public_position = point(${21.9 + rand() * 1.6}, ${50.8 + rand()}), position = coalesce(position, point(22, 51)), updated_at = now() where id = ${id}`.execute(
        db,
      );
    }
    for (const id of (await deletableIds(25)).filter(() => rand() < 0.6)) await sql`delete from reports where id = ${id}`.execute(db);
    await insertReports(seededRandom(5), 40);
    await reports.refresh();
    expect(reports.store.size).toBe(await countPublic(db, {}));
    await comparePrecomputed(24);

    // Changed and changed back: what a row takes away is exactly what it added.
    const before = await sql<{ id: number; status: string; category_id: string }>`select id, status, category_id from reports
      where status not in ('forwarded', 'duplicate') and public_position is not null order by id desc limit 1`.execute(db);
    const { id: target, status, category_id: category } = before.rows[0]!;
    const rounds: [string, string][] = [
      [status === 'joke' ? 'new' : 'joke', categories.find((c) => c !== category)!],
      [status, category],
    ];
    for (const [nextStatus, nextCategory] of rounds) {
      await sql`update reports set status = ${nextStatus}, category_id = ${nextCategory}, updated_at = now() where id = ${target}`.execute(
        db,
      );
      await reports.refresh();
      await comparePrecomputed(25);
    }
  });

  it('shows a cell holding one report as that report, and a cluster once a second joins it', async () => {
    // Far from every other test report (they lie at 21.9–23.5°E, 50.8–51.8°N): alone in its cell from zoom 3 on.
    const point = { lon: 15.2345678912, lat: 54.5678912345 };
    const near: BoundingBox = {
      minLon: point.lon - 0.001,
      minLat: point.lat - 0.001,
      maxLon: point.lon + 0.001,
      maxLat: point.lat + 0.001,
    };
    const category = categories[1]!;
    const inserted = await sql<{ id: number }>`insert into reports (category_id, unit_id, status, position, public_position)
      values (${category}, ${units[0]!}, 'verifying', point(15.2, 54.5), point(${point.lon}, ${point.lat})) returning id`.execute(db);
    const id = Number(inserted.rows[0]!.id);
    // As the application's own writes do: its index (behind the route) refreshes before answering.
    t.changes.emit('reports');
    await reports.refresh();
    const single = { id, categoryId: category, status: 'verifying' };
    for (let zoom = 3; zoom <= precomputedZoom + 1; zoom++) {
      for (const filter of [{}, { status: 'verifying' as const }, { category }]) {
        const cells = await reports.mapCells(filter, near, zoom);
        expect(cells, `zoom ${zoom} ${JSON.stringify(filter)}`).toEqual([{ count: 1, lon: point.lon, lat: point.lat, single }]);
        expect(cells, `zoom ${zoom} ${JSON.stringify(filter)}`).toEqual(await mapCells(db, filter, near, zoom));
      }
      expect(await reports.mapCells({ status: 'new' }, near, zoom)).toEqual([]);
    }
    // The map shows it as a report, at its public point rounded to 6 decimals.
    const bbox = `${near.minLon},${near.minLat},${near.maxLon},${near.maxLat}`;
    const answer = (await t.app.inject({ method: 'GET', url: `/api/v1/reports/map?bbox=${bbox}&zoom=8` })).json();
    expect(answer.clusters).toEqual([]);
    expect(answer.reports).toMatchObject([{ id, category, status: 'verifying', lon: 15.234568, lat: 54.567891 }]);

    // A status change moves it between the status slices.
    await sql`update reports set status = 'confirmed', updated_at = now() where id = ${id}`.execute(db);
    await reports.refresh();
    expect(await reports.mapCells({ status: 'verifying' }, near, 8)).toEqual([]);
    expect(await reports.mapCells({ status: 'confirmed' }, near, 8)).toEqual([
      { count: 1, lon: point.lon, lat: point.lat, single: { ...single, status: 'confirmed' } },
    ]);

    // A second report in the cell (another category): a cluster of two at the mean position for all,
    // still the one report for each category.
    const other = { lon: 15.2349, lat: 54.5671 };
    const second = await sql<{ id: number }>`insert into reports (category_id, unit_id, status, position, public_position)
      values (${categories[2]!}, ${units[0]!}, 'confirmed', point(15.2, 54.5), point(${other.lon}, ${other.lat})) returning id`.execute(db);
    t.changes.emit('reports');
    await reports.refresh();
    const [cluster] = await reports.mapCells({}, near, 8);
    expect(cluster).toMatchObject({ count: 2, single: null });
    expect(cluster!.lon).toBeCloseTo((point.lon + other.lon) / 2, 12);
    expect(cluster!.lat).toBeCloseTo((point.lat + other.lat) / 2, 12);
    expect(await reports.mapCells({ category }, near, 8)).toEqual([
      { count: 1, lon: point.lon, lat: point.lat, single: { ...single, status: 'confirmed' } },
    ]);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/reports/map?bbox=${bbox}&zoom=8` })).json()).toMatchObject({
      clusters: [{ count: 2 }],
      reports: [],
    });

    // Deleted, they leave no cell behind.
    await sql`delete from reports where id in (${id}, ${Number(second.rows[0]!.id)})`.execute(db);
    await reports.refresh();
    for (let zoom = 0; zoom <= precomputedZoom; zoom++)
      expect(await reports.mapCells({}, near, zoom)).toEqual(await mapCells(db, {}, near, zoom));
    expect(await reports.mapCells({}, near, 8)).toEqual([]);
  });

  it('holds no description, e-mail, typed address, exact point or IP address', async () => {
    await sql`insert into reports (category_id, unit_id, district_id, status, position, public_position, address, description, email, reporter_ip)
      values (${categories[0]!}, ${districts[0]!.unitId}, ${districts[0]!.id}, 'new', point(${EXACT.lon}, ${EXACT.lat}), point(22.65432, 51.45679),
        ${PRIVATE_ADDRESS}, ${`Opis: ${PRIVATE_MARKER}`}, ${PRIVATE_EMAIL}, ${PRIVATE_IP})`.execute(db);
    await reports.refresh();
    expect(reports.store.size).toBe(await countPublic(db, {}));
    const box: BoundingBox = { minLon: 22.6, minLat: 51.4, maxLon: 22.7, maxLat: 51.5 };
    const answers = [
      await reports.mapPoints({}, box, 2001),
      await reports.mapCells({}, box, 10),
      await reports.stats({}, '2024-01-01'),
      await reports.extent({}),
    ];
    // Everything the store holds, typed arrays and maps included (the feed beside it holds only ids and counters).
    const store = reports.store;
    const held = Object.entries(store as unknown as Record<string, unknown>);
    const replacer = (_key: string, value: unknown) =>
      ArrayBuffer.isView(value)
        ? Array.from(value as Float64Array)
        : value instanceof Map
          ? [...value.entries()]
          : value instanceof Set
            ? [...value]
            : value;
    const text = [
      JSON.stringify(held, replacer),
      JSON.stringify(answers, replacer),
      inspect(held, { depth: 8, maxArrayLength: Infinity, maxStringLength: Infinity, showHidden: true }),
    ].join('\n');
    for (const secret of [
      PRIVATE_MARKER,
      PRIVATE_EMAIL,
      PRIVATE_ADDRESS,
      PRIVATE_IP,
      'ul. Testowa',
      'opis testowy',
      'ktos@test.example',
      '198.51.100',
      'indeks@test.example',
    ]) {
      expect(text).not.toContain(secret);
    }
    // The exact point is in no column (the public one is).
    const numbers = [...Object.values(store), ...Object.values(store.columns)].filter(
      (value) => value instanceof Float64Array || value instanceof Float32Array,
    );
    expect(numbers.length).toBeGreaterThan(0);
    for (const column of numbers) {
      expect(column.includes(EXACT.lon)).toBe(false);
      expect(column.includes(EXACT.lat)).toBe(false);
    }
    expect(numbers.some((column) => column.includes(22.65432))).toBe(true);
    expect(text).not.toContain(String(EXACT.lon));
    expect(text).not.toContain(String(EXACT.lat));
  });
});
