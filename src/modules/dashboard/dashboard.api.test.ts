import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, createTestDatabase, type TestDatabase } from '../../../test/support/databases.js';
import { TestClient, createTestApp, type TestApp } from '../../../test/support/app.js';
import { fillQueueUnit, type QueueUnit } from '../../../test/support/plan-queue.js';
import { inFactory, makeCategory, makeReport } from '../../../test/support/factories.js';
import { world } from '../../../test/support/world.js';
import { addDays, warsawToday } from '../../platform/i18n/calendar.js';
import { personDistricts } from '../districts/index.js';
import { emptyContent } from '../plans/model.js';
import { filterRows, readDashboard, type DashboardRow } from './read-dashboard.js';

const today = warsawToday();

describe.each(backends)('the dashboard read on %s', (backend) => {
  let testDb: TestDatabase;
  let unit: QueueUnit;
  let rows: DashboardRow[];
  const row = (n: number) => rows.find((r) => r.districtNumber === n)!;

  beforeAll(async () => {
    testDb = await createTestDatabase(backend);
    const db = testDb.database.db;
    unit = await fillQueueUnit(db, { districts: 12, plansPerDistrict: 4, prefix: 'tablica' });
    await makeCategory(db, 'tablica');
    // District 4: one report made today, one ten days ago (past the take-up limit of 3 days).
    await makeReport(db, unit.unitId, `${unit.unitId}/4`);
    const old = await makeReport(db, unit.unitId, `${unit.unitId}/4`);
    await inFactory(db, (trx) =>
      trx
        .updateTable('reports')
        .set({ created_at: new Date(Date.now() - 10 * 86_400_000) })
        .where('id', '=', old)
        .execute(),
    );
    // District 3's current plan (in progress): an action due in two days, one done late, one overdue.
    const actions = [
      { description: 'Patrole', from: null, to: addDays(today, 2), who: 'dzielnicowy', status: 'planned' },
      { description: 'Debata', from: null, to: addDays(today, -1), who: 'dzielnicowy', status: 'done' },
      { description: 'Ulotki', from: addDays(today, -20), to: addDays(today, -1), who: 'dzielnicowy', status: 'in_progress' },
      { description: 'Spotkanie', from: null, to: addDays(today, 30), who: 'dzielnicowy', status: 'planned' },
    ];
    await inFactory(db, (trx) =>
      trx
        .updateTable('plans')
        .set({ content: JSON.stringify({ ...emptyContent(), actions }) })
        .where('district_id', '=', `${unit.unitId}/3`)
        .where('period_from', '<=', today)
        .where('period_to', '>=', today)
        .execute(),
    );
    // District 3's goal, frozen at approval: 20 % fewer; its counts so far run at the baseline's rate.
    const district3 = `${unit.unitId}/3`;
    await inFactory(db, async (trx) => {
      const plan = await trx
        .selectFrom('plans')
        .select(['id', 'version'])
        .where('district_id', '=', district3)
        .where('period_from', '<=', today)
        .where('period_to', '>=', today)
        .executeTakeFirstOrThrow();
      const measure = {
        kind: 'count',
        spec: { source: 'imported', categories: ['tablica cel'] },
        label: '',
        area: { districtIds: [district3] },
        period: { from: addDays(today, -90), to: addDays(today, 90) },
        baselineWindows: [{ from: addDays(today, -455), to: addDays(today, -91) }],
        comparison: null,
        rule: { direction: 'decrease', targetPercent: 20, significance: 0.05, test: 'exact_conditional_binomial' },
      };
      await trx
        .insertInto('plan_measures')
        .values({
          plan_id: plan.id,
          version: plan.version,
          unit_id: unit.unitId,
          kind: 'count',
          measure: JSON.stringify(measure),
          frozen_by: 'test',
        })
        .execute();
      const { id: importId } = await trx
        .insertInto('indicator_imports')
        .values({ unit_id: unit.unitId, file_name: 'cel.csv', imported_by: 'test', accepted: 2, lines: 2, rejected: '[]' })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('indicator_counts')
        .values([
          {
            unit_id: unit.unitId,
            category: 'tablica cel',
            district_id: district3,
            on_day: addDays(today, -200),
            count: 40,
            import_id: importId,
          },
          {
            unit_id: unit.unitId,
            category: 'tablica cel',
            district_id: district3,
            on_day: addDays(today, -10),
            count: 10,
            import_id: importId,
          },
        ])
        .execute();
    });
    rows = await readDashboard(db, { subtreeOf: unit.unitId });
  });
  afterAll(() => testDb.drop());

  it("marks a carried-out plan's goal at risk when its rate so far misses the frozen target, and says nothing of plans without a measure", () => {
    expect(row(3).goal).toMatchObject({ state: 'at_risk', target: -0.2 });
    expect(row(3).goal!.change).toBeCloseTo(10 / 91 / (40 / 365) - 1, 12);
    expect(rows.filter((r) => r.districtNumber !== 3).every((r) => r.goal === null)).toBe(true);
  });

  it('lists every active district of the unit once, in number order, with its officer, substitute or vacancy', () => {
    expect(rows.map((r) => r.districtNumber)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]); // 12 is retired
    expect(row(1).officer).toBe('st. asp. tablica.officer Testowy');
    expect(row(2)).toMatchObject({ officer: null, substitute: 'st. asp. tablica.substitute Testowy' });
    expect(row(3)).toMatchObject({ officer: null, substitute: null });
    expect(rows.every((r) => r.unitName === 'KPP tablica')).toBe(true);
  });

  it("finds each district's current plan (never a closed one) and a missing one", () => {
    // Statuses cycle by district number; the current period's plan of district 5 is closed.
    expect(row(3).current?.status).toBe('in_progress');
    expect(row(3).current!.periodFrom <= today && row(3).current!.periodTo >= today).toBe(true);
    expect(row(5).current).toBeNull();
    expect(row(5).gap).toBe('no_current_plan');
  });

  it('shows plan actions due soon and late apart from the plan steps, not those done (in the plan or the action log) or far off', () => {
    expect(row(3).actions.map((d) => [d.action, d.state, d.description])).toEqual([
      [3, 'overdue', 'Ulotki'],
      [1, 'soon', 'Patrole'],
    ]);
    expect(row(3).actions.every((d) => d.planId === row(3).current!.id)).toBe(true);
    expect(row(3).deadlines.some((d) => d.kind === 'action')).toBe(false);
  });

  it('takes an action finished in the action log as done, and a withdrawn entry as nothing', async () => {
    const db = testDb.database.db;
    const plan = row(3).current!.id;
    const entry = (index: number, withdrawn: boolean) => ({
      plan_id: plan,
      unit_id: unit.unitId,
      plan_version: 1,
      action_index: index,
      action_text: 'x',
      kind: 'patrol',
      day: today,
      completes: true,
      recorded_by: 'tablica.officer',
      withdrawn_at: withdrawn ? new Date() : null,
    });
    const ids = await inFactory(db, (trx) =>
      trx
        .insertInto('plan_action_log')
        .values([entry(2, false), entry(0, true)])
        .returning('id')
        .execute(),
    );
    try {
      const after = (await readDashboard(db, { ids: [`${unit.unitId}/3`] }))[0]!;
      expect(after.actions.map((d) => d.action)).toEqual([1]);
    } finally {
      await inFactory(db, (trx) =>
        trx
          .deleteFrom('plan_action_log')
          .where(
            'id',
            'in',
            ids.map((i) => i.id),
          )
          .execute(),
      );
    }
  });

  it('counts reports waiting for verification and those past their limit', () => {
    expect(row(4)).toMatchObject({ unverifiedReports: 2, overdueReports: 1 });
    expect(rows.filter((r) => r.districtNumber !== 4).every((r) => r.unverifiedReports === 0)).toBe(true);
  });

  it("gives an officer the rows of the districts they serve today, a neighbour unit's supervisor none of these", async () => {
    const db = testDb.database.db;
    const own = await readDashboard(db, await personDistricts(db, unit.people.officer));
    expect(own.map((r) => r.districtId)).toEqual([`${unit.unitId}/1`]);
    const substitute = await readDashboard(db, await personDistricts(db, unit.people.substitute));
    expect(substitute.map((r) => r.districtId)).toEqual([`${unit.unitId}/2`]);
    const neighbour = await readDashboard(db, await personDistricts(db, unit.people.neighbourSupervisor));
    expect(neighbour.every((r) => r.districtId.startsWith(`${unit.neighbourId}/`))).toBe(true);
    expect(neighbour.length).toBeGreaterThan(0);
  });

  it('filters by staffing, plan status and problems', () => {
    expect(filterRows(rows, { staffing: 'substitute' }).map((r) => r.districtNumber)).toEqual([2]);
    expect(filterRows(rows, { staffing: 'vacant' }).every((r) => r.officer === null)).toBe(true);
    expect(filterRows(rows, { status: 'none' }).map((r) => r.districtNumber)).toEqual(
      rows.filter((r) => !r.current).map((r) => r.districtNumber),
    );
    expect(filterRows(rows, { status: 'in_progress' }).every((r) => r.current?.status === 'in_progress')).toBe(true);
    const problems = filterRows(rows, { problemsOnly: true });
    expect(problems.map((r) => r.districtNumber)).toContain(4);
    expect(problems.length).toBeLessThanOrEqual(rows.length);
  });
});

describe.each(backends)('the dashboard pages on %s', (backend) => {
  let t: TestApp;
  const clients: Record<string, TestClient> = {};
  const as = (who: string) => clients[who]!;
  const a = world.districts;

  beforeAll(async () => {
    t = await createTestApp(backend);
    for (const [name, account] of [
      ['officer', world.officerOf.a1!],
      ['supervisor', world.supervisorOf.a],
      ['supervisorB', world.supervisorOf.b],
      ['admin', world.accounts.voivodeshipAdmin],
    ] as const) {
      clients[name] = new TestClient(t.app);
      await clients[name].signIn(account);
    }
  });
  afterAll(() => t.close());

  it('shows a supervisor every district of the unit, an officer only their own', async () => {
    const unitPage = await as('supervisor').get('/admin/dashboard');
    expect(unitPage.statusCode).toBe(200);
    for (const d of [a.a1, a.a2, a.a3]) expect(unitPage.body).toContain(d.name);
    expect(unitPage.body).not.toContain(a.b1.name);
    expect(unitPage.body).toContain('3 rejony');
    const own = await as('officer').get('/admin/dashboard');
    expect(own.statusCode).toBe(200);
    expect(own.body).toContain(a.a1.name);
    expect(own.body).not.toContain(a.a2.name);
    expect(own.body).toContain('Moje rejony');
  });

  it('refuses another unit (404) and those who do not review plans (403)', async () => {
    expect((await as('supervisor').get(`/admin/dashboard?unit=${a.b1.unitId}`)).statusCode).toBe(404);
    expect((await as('supervisorB').get(`/admin/dashboard.csv?unit=${a.a1.unitId}`)).statusCode).toBe(404);
    expect((await as('officer').get(`/admin/dashboard?unit=${a.b1.unitId}`)).statusCode).toBe(404);
    expect((await as('admin').get('/admin/dashboard')).statusCode).toBe(403);
    expect((await new TestClient(t.app).get('/admin/dashboard.csv')).statusCode).toBe(401);
  });

  it('answers an unknown filter with 400 naming the field', async () => {
    const response = await as('supervisor').get('/admin/dashboard.csv?status=nonsense', { accept: 'application/json' });
    expect(response.statusCode).toBe(400);
    expect(JSON.stringify(response.json())).toContain('status');
  });

  it('downloads the rows on screen as CSV with Polish headers and a byte order mark', async () => {
    const response = await as('supervisor').get('/admin/dashboard.csv');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    const lines = response.body.split('\r\n').filter((l) => l !== '');
    expect(lines[0]).toBe(
      '\uFEFFJednostka,Nr rejonu,Rejon,Dzielnicowy,Zastępstwo,Plan bieżący,Stan planu,Plan następny,Braki w planach,Terminy przekroczone,Terminy zbliżające się,Działania opóźnione,Działania z bliskim terminem,Zgłoszenia do weryfikacji,Zgłoszenia po terminie,Cel według dotychczasowych danych',
    );
    expect(lines).toHaveLength(4);
    expect(lines.find((l) => l.includes(a.a1.name))).toContain('sierż. Anna Kowalczyk');
    const substitute = (await as('supervisor').get('/admin/dashboard.csv?staffing=substitute')).body.split('\r\n').filter((l) => l);
    expect(substitute).toHaveLength(2);
    expect(substitute[1]).toContain(a.a2.name);
    expect(substitute[1]).toContain('Celina');
  });
});
