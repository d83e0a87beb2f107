import { readdirSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, createTestDatabase, type TestDatabase } from '../../test/support/databases.js';
import { TestClient, type TestApp } from '../../test/support/app.js';
import { createDemoTestApp } from '../../test/support/demo-app.js';
import { projectRoot } from '../platform/config/config.js';
import type { Db } from '../platform/db/database.js';
import { dayInPoland } from '../platform/i18n/calendar.js';
import { demoAccounts, loadDemoDataOnce } from './demo-data.js';
import { demoMeetings } from './meetings-data.js';
import { readEvaluationCounts, readFrozenMeasure, type CountMeasure } from '../modules/plans/index.js';
import { demoRegisterDistricts, demoRegisterUnits } from './register-data.js';

/** Rows in every table of the schema, by table. */
async function rowCounts(db: Db): Promise<Record<string, number>> {
  const tables = await sql<{ name: string }>`select table_name as name from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`.execute(db);
  const counts: Record<string, number> = {};
  for (const { name } of tables.rows)
    counts[name] = (await sql<{ n: number }>`select count(*)::int as n from ${sql.table(name)}`.execute(db)).rows[0]!.n;
  return counts;
}

/*
 * The demo data (npm start on an empty embedded database) loads through the modules' own use cases
 * and repositories: what it writes is what its sources describe, and it loads once only.
 */
describe('demo data', () => {
  let t: TestDatabase;
  let counts: Record<string, number>;
  beforeAll(async () => {
    t = await createTestDatabase('pglite');
    expect(await loadDemoDataOnce(t.database.db)).toBe(true);
    counts = await rowCounts(t.database.db);
  });
  afterAll(() => t.drop());

  it('writes the register, the accounts and the plans its sources describe', async () => {
    const seeds = readdirSync(path.join(projectRoot, 'resources', 'seeds')).filter((file) => /^00[0-3]_.*\.txt$/.test(file));
    const staffed = demoRegisterDistricts.filter((d) => d.officer).length;
    expect(counts).toMatchObject({
      units: demoRegisterUnits.length,
      districts: demoRegisterDistricts.length,
      officers: staffed,
      assignments: staffed,
      accounts: demoAccounts.length,
      plans: seeds.length,
      plan_versions: seeds.length,
      plan_events: seeds.length,
      reports: 0,
      meetings: demoMeetings.length,
    });
    const db = t.database.db;
    const linked = await sql<{ login: string; district: string }>`select a.login, s.district_id as district
      from officers o join accounts a on a.id = o.account_id join assignments s on s.officer_id = o.id order by 1`.execute(db);
    expect(linked.rows).toEqual(
      demoAccounts
        .filter((a) => a.district)
        .map((a) => ({ login: a.login, district: a.district }))
        .sort((a, b) => a.login.localeCompare(b.login)),
    );
    const areas = await sql<{ id: string }>`select id from units where area_polygon is not null order by id`.execute(db);
    expect(areas.rows.map((r) => r.id)).toEqual([
      'kpp-krasnystaw',
      'kpp-leczna',
      'kpp-lubartow',
      'kpp-sejny',
      'kwp-bialystok',
      'kwp-lublin',
    ]);
  });

  it('freezes each demo plan’s measure and gives a count goal imported data to evaluate', async () => {
    expect(counts.plan_measures).toBe(counts.plans);
    const plan = await t.database.db
      .selectFrom('plans')
      .select('id')
      .where('district_id', '=', 'kpp-krasnystaw/2')
      .executeTakeFirstOrThrow();
    const measure = await readFrozenMeasure(t.database.db, plan.id);
    expect(measure?.kind).toBe('count');
    const counted = await readEvaluationCounts(t.database.db, measure as CountMeasure);
    expect(counted.baseline).toBeGreaterThan(counted.period);
    expect(counted.comparison?.baseline).toBeGreaterThan(0);
    expect(counted.series.length).toBeGreaterThanOrEqual(12);
  });

  it('gives the demo districts events to come, one cancelled with its reason and one held with its outcome', async () => {
    const today = dayInPoland(new Date());
    const rows = await sql<{ on_day: string; cancel_reason: string | null; participants: number | null }>`
      select on_day, cancel_reason, participants from meetings order by on_day`.execute(t.database.db);
    expect(rows.rows.filter((r) => r.on_day >= today && r.cancel_reason === null).length).toBe(
      demoMeetings.filter((m) => m.inDays >= 0 && !m.cancelReason).length,
    );
    expect(rows.rows.filter((r) => r.cancel_reason !== null).map((r) => r.cancel_reason)).toEqual(
      demoMeetings.filter((m) => m.cancelReason).map((m) => m.cancelReason),
    );
    const held = rows.rows.filter((r) => r.on_day < today);
    expect(held.map((r) => r.participants)).toEqual(demoMeetings.filter((m) => m.inDays < 0).map((m) => m.outcome?.participants));
  });

  it('loads once: a second start changes nothing', async () => {
    expect(await loadDemoDataOnce(t.database.db)).toBe(false);
    expect(await rowCounts(t.database.db)).toEqual(counts);
  });
});

/* The demo's published plans (resources/seeds 000–003), as the public API finds them (moved from plans.api.test.ts). */
describe.each(backends)('the demo plans on %s', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createDemoTestApp(backend);
  });
  afterAll(() => t.close());

  it('publishes the four seed plans with their real periods, searchable in Polish word forms', async () => {
    const all = (await new TestClient(t.app).get('/api/v1/plans?pageSize=100')).json();
    const seeds = all.plans.filter((p: { periodFrom: string }) => p.periodFrom < '2030-01-01');
    expect(seeds.map((p: { districtId: string; periodFrom: string }) => `${p.districtId} ${p.periodFrom}`).sort()).toEqual([
      'kpp-krasnystaw/2 2026-07-01',
      'kpp-leczna/3 2025-07-01',
      'kpp-lubartow/3 2024-01-01',
      'kpp-lubartow/7 2024-07-01',
    ]);
    for (const q of ['oszustwa', 'oszustw', 'OSZUSTWAMI seniorów']) {
      const found = (await new TestClient(t.app).get(`/api/v1/plans?q=${encodeURIComponent(q)}`)).json();
      expect(
        found.plans.map((p: { districtId: string }) => p.districtId),
        q,
      ).toEqual(expect.arrayContaining(['kpp-krasnystaw/2', 'kpp-lubartow/7']));
      expect(
        found.plans.map((p: { districtId: string }) => p.districtId),
        q,
      ).not.toContain('kpp-leczna/3');
    }
    const cameras = (await new TestClient(t.app).get(`/api/v1/plans?q=${encodeURIComponent('kamer monitoringu')}`)).json();
    expect(cameras.plans.map((p: { districtId: string }) => p.districtId)).toEqual(['kpp-leczna/3']);
    // One past plan is evaluated, with its report and chart.
    const evaluated = seeds.find((p: { districtId: string }) => p.districtId === 'kpp-lubartow/3');
    const report = await new TestClient(t.app).get(`/plany/${evaluated.id}/sprawozdanie`);
    expect(report.statusCode).toBe(200);
    expect(report.body).toContain('Cel osiągnięty');
    expect(report.body).toContain('<rect class="bar"');
    const byCategory = (await new TestClient(t.app).get('/api/v1/plans?category=fraud&year=2024')).json();
    expect(byCategory.plans.map((p: { districtId: string }) => p.districtId)).toEqual(['kpp-lubartow/7']);
  });
});
