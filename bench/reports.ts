/**
 * Benchmarks of threat reports: 1,000,000 reports over the national register, the public map's
 * viewport query at every zoom, the statistics page, and sustained submissions over HTTP on the
 * server back end (counted in the database afterwards).
 */
import { sql } from 'kysely';
import autocannon from 'autocannon';
import type { DatabaseTarget } from '../src/platform/config/config.js';
import { openDatabase } from '../src/platform/db/database.js';
import { migrate } from '../src/platform/db/migrate.js';
import { ensureCategories } from '../src/modules/reports/manage-categories.js';
import { kmzbCategories } from '../src/modules/reports/rules/index.js';
import { snapToGrid } from '../src/modules/reports/rules/geo.js';
import { random, randomPointsInside } from '../test/support/synthetic-districts.js';
import { generateNationalRegister, type NationalRegister } from './national-register.js';
import { writeRegister } from './load-register.js';
import {
  connections,
  durationSeconds,
  fmt,
  load,
  loadOf,
  mainScript,
  percentile,
  reportIndexReady,
  start,
  onEmbeddedDatabase,
  onServerDatabase,
  type Backend,
  type Load,
} from './harness.js';

const reportCount = Number(process.env.BENCH_REPORTS ?? 1_000_000);
const statuses = ['new', 'verifying', 'confirmed', 'not_confirmed', 'eliminated', 'joke'];

/** Writes `count` reports at random points inside the register's districts, over the last two years. */
export async function writeReports(target: DatabaseTarget, register: NationalRegister, count: number): Promise<void> {
  const database = await openDatabase(target);
  const rand = random(31);
  const polygons = register.districts.map((d) => ({ id: d.id, geometry: d.polygon }));
  const unitOf = new Map(register.districts.map((d) => [d.id, d.unitId]));
  const now = Date.now();
  try {
    await migrate(database.db);
    await ensureCategories(database.db);
    // A bulk load of synthetic data, not changes people made: the audit trigger sits this one out.
    await sql`alter table reports disable trigger reports_audit`.execute(database.db);
    const batch = 10_000;
    for (let done = 0; done < count; done += batch) {
      const points = randomPointsInside(polygons, Math.min(batch, count - done), 1000 + done);
      const cols = {
        c: [] as string[],
        u: [] as string[],
        d: [] as string[],
        s: [] as string[],
        x: [] as number[],
        y: [] as number[],
        px: [] as number[],
        py: [] as number[],
        t: [] as string[],
      };
      for (const { id, point } of points) {
        const snapped = snapToGrid(point[0], point[1]);
        cols.c.push(kmzbCategories[Math.floor(rand() * kmzbCategories.length)]!.code);
        cols.u.push(unitOf.get(id)!);
        cols.d.push(id);
        cols.s.push(statuses[Math.floor(rand() * statuses.length)]!);
        cols.x.push(point[0]);
        cols.y.push(point[1]);
        cols.px.push(snapped.lon);
        cols.py.push(snapped.lat);
        cols.t.push(new Date(now - rand() * 730 * 86_400_000).toISOString());
      }
      await sql`insert into reports (category_id, unit_id, district_id, status, position, public_position, created_at, status_changed_at)
        select c, u, d, s, point(x, y), point(px, py), t, t
        from unnest(${cols.c}::text[], ${cols.u}::text[], ${cols.d}::text[], ${cols.s}::text[], ${cols.x}::float8[], ${cols.y}::float8[], ${cols.px}::float8[], ${cols.py}::float8[], ${cols.t}::timestamptz[])
          as r(c, u, d, s, x, y, px, py, t)`.execute(database.db);
    }
    await sql`alter table reports enable trigger reports_audit`.execute(database.db);
    // As after any bulk load: the visibility map and statistics made now, not by an autovacuum of a
    // million rows in the middle of the measurements.
    await sql`vacuum analyze`.execute(database.db);
  } finally {
    await database.close();
  }
}

/** Viewports over Poland at zooms 6–17: the map's own requests, timed one after another. */
async function viewportTimes(url: string, register: NationalRegister, rounds = 4): Promise<Map<number, number[]>> {
  const rand = random(77);
  const centres = randomPointsInside(
    register.districts.map((d) => ({ id: d.id, geometry: d.polygon })),
    40,
    9,
  );
  const times = new Map<number, number[]>();
  for (let round = 0; round < rounds; round++) {
    for (let zoom = 6; zoom <= 17; zoom++) {
      const list = times.get(zoom) ?? [];
      for (const { point } of centres.slice(0, 10)) {
        // A 1280 × 800 px window: 360° / 2^zoom per 256 px tile.
        const width = (1280 / 256) * (360 / 2 ** zoom);
        const height = (800 / 256) * (360 / 2 ** zoom) * 0.62;
        const [lon, lat] = [point[0] + (rand() - 0.5) * width * 0.2, point[1]];
        const bbox = [lon - width / 2, lat - height / 2, lon + width / 2, lat + height / 2].map((v) => v.toFixed(5)).join(',');
        const started = performance.now();
        // Many residents, not one: each request from its own address, under the per-IP limits.
        const response = await fetch(`${url}/api/v1/reports/map?bbox=${bbox}&zoom=${zoom}`, {
          headers: { 'x-forwarded-for': `172.16.${round}.${zoom * 10 + (list.length % 10)}` },
        });
        await response.arrayBuffer();
        if (response.status !== 200) throw new Error(`map query failed: ${response.status}`);
        list.push(performance.now() - started);
      }
      times.set(zoom, list);
    }
  }
  return times;
}

async function pageTimes(url: string, path: string, runs = 20): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < runs + 2; i++) {
    const started = performance.now();
    const response = await fetch(`${url}${path}`, { headers: { 'x-forwarded-for': `172.17.0.${i}` } });
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`${path}: ${response.status}`);
    if (i >= 2) times.push(performance.now() - started); // two warm-up requests
  }
  return times;
}

/** Sustained submissions: each request from its own address, every answer checked, rows counted after. */
async function submissions(url: string, register: NationalRegister): Promise<Load & { stored: number; created: number; held: number }> {
  const points = randomPointsInside(
    register.districts.map((d) => ({ id: d.id, geometry: d.polygon })),
    5000,
    4,
  );
  // Seasonal categories are refused out of season: submit only those offered all year.
  const offered = kmzbCategories.filter((c) => c.active && !c.season);
  let n = 0;
  let created = 0;
  const result = await autocannon({
    url: `${url}/api/v1/reports`,
    connections,
    duration: durationSeconds,
    requests: [
      {
        method: 'POST',
        setupRequest: (request) => {
          const [lon, lat] = points[n % points.length]!.point;
          const i = n++;
          return {
            ...request,
            headers: { 'content-type': 'application/json', 'x-forwarded-for': `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}` },
            body: JSON.stringify({ category: offered[i % offered.length]!.code, lat, lon, description: `Zgłoszenie testowe ${i}` }),
          };
        },
        onResponse: (status) => {
          if (status === 201) created++;
        },
      },
    ],
  });
  return { ...loadOf(result), stored: 0, created, held: 0 };
}

interface BackendRun {
  label: string;
  writeMs: number;
  zooms: Map<number, number[]>;
  stats: number[];
  submit?: Load & { stored: number; created: number; held: number };
  health?: Load;
}

async function runOn({ label, target, env }: Backend, register: NationalRegister, measureSubmissions: boolean): Promise<BackendRun> {
  const started = performance.now();
  await writeRegister(target, register);
  await writeReports(target, register, reportCount);
  const writeMs = performance.now() - started;
  const server = await start([mainScript], { ...env, DEMO_DATA: 'false', TRUST_PROXY: '1' });
  try {
    const waited = await reportIndexReady(server.url, 300_000);
    console.log(`${label}: report index ready ${(waited / 1000).toFixed(1)} s after start`);
    const zooms = await viewportTimes(server.url, register);
    const stats = await pageTimes(server.url, '/zgloszenia/statystyki');
    if (!measureSubmissions) return { label, writeMs, zooms, stats };
    const health = await load(`${server.url}/health`);
    const before = await countReports(target);
    const submit = await submissions(server.url, register);
    const after = await countReports(target);
    submit.stored = after.all - before.all;
    submit.held = after.held - before.held;
    return { label, writeMs, zooms, stats, submit, health };
  } finally {
    await server.stop();
  }
}

/** All reports, and those held for review by the flood limits. */
async function countReports(target: DatabaseTarget): Promise<{ all: number; held: number }> {
  const database = await openDatabase(target);
  try {
    const { rows } = await sql<{
      total: number;
      held: number;
    }>`select count(*)::int as total, (count(*) filter (where hold = 'held'))::int as held from reports`.execute(database.db);
    return { all: rows[0]!.total, held: rows[0]!.held };
  } finally {
    await database.close();
  }
}

export async function reportsBenchmarks(row: (name: string, l: Load) => string): Promise<string> {
  const register = generateNationalRegister();
  const server = await onServerDatabase((backend) => runOn(backend, register, true));
  console.log(
    `reports on server: written in ${fmt(server.writeMs / 1000)} s; submissions ${server.submit!.requestsPerSecond.toFixed(0)}/s, stored ${server.submit!.stored}`,
  );
  // The embedded database is measured without the submission load: it is one process on one core.
  const embedded = await onEmbeddedDatabase((backend) => runOn(backend, register, false));
  const ms = (n: number) => `${n.toFixed(1)} ms`;
  const zoomRows = [...server.zooms.keys()]
    .map(
      (zoom) =>
        `| ${zoom} | ${ms(percentile(server.zooms.get(zoom)!, 50))} | ${ms(percentile(server.zooms.get(zoom)!, 95))} | ${ms(percentile(embedded.zooms.get(zoom)!, 50))} | ${ms(percentile(embedded.zooms.get(zoom)!, 95))} |`,
    )
    .join('\n');
  const all = (run: BackendRun) => [...run.zooms.values()].flat();
  const submit = server.submit!;
  return `## Threat reports

${fmt(reportCount)} reports at random points of the national register's 8,000 districts (27 categories, six
statuses, over two years), loaded into a new database and vacuumed (server: ${fmt(server.writeMs / 1000)} s, embedded:
${fmt(embedded.writeMs / 1000)} s, register included).

### The public map: \`GET /api/v1/reports/map\` for a 1280 × 800 px viewport

40 requests per zoom level (10 places × 4 rounds), one after another, over HTTP from the same machine.

| zoom | server p50 | server p95 | embedded p50 | embedded p95 |
|---|---|---|---|---|
${zoomRows}
| all zooms | ${ms(percentile(all(server), 50))} | ${ms(percentile(all(server), 95))} | ${ms(percentile(all(embedded), 50))} | ${ms(percentile(all(embedded), 95))} |

### The statistics page \`/zgloszenia/statystyki\` over all ${fmt(reportCount)} reports

| back end | median | p95 | max |
|---|---|---|---|
| PostgreSQL 15 server | ${ms(percentile(server.stats, 50))} | ${ms(percentile(server.stats, 95))} | ${ms(Math.max(...server.stats))} |
| embedded PGlite | ${ms(percentile(embedded.stats, 50))} | ${ms(percentile(embedded.stats, 95))} | ${ms(Math.max(...embedded.stats))} |

### Submissions on the server back end, sustained for ${durationSeconds} s

\`POST /api/v1/reports\` by ${connections} connections, each request from its own IP address (X-Forwarded-For,
TRUST_PROXY), so every one is validated, placed in its district, checked against the per-client limit
and its district's flood limits (two advisory locks, counts that stop at the limits) and stored with
its event, audit row and e-mail; then the rows are counted.

| target | requests/s | of baseline | p50 latency (ms) | p99 latency (ms) | errors |
|---|---|---|---|---|---|
${row('/health, PostgreSQL server, 1,000,000 reports', server.health!)}
${row('POST /api/v1/reports, PostgreSQL server', submit)}

Answered 201: ${fmt(submit.created)}; new rows in \`reports\` afterwards: ${fmt(submit.stored)}${
    submit.stored >= submit.created
      ? ` (none lost; ${fmt(submit.stored - submit.created)} more were still in flight when the load stopped)`
      : ' (LOST: fewer rows than acknowledged reports)'
  }. Held for review by the flood limits: ${fmt(submit.held)} (random points over 8,000 districts rarely make a burst).`;
}
