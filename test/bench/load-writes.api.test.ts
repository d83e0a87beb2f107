import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../support/databases.js';
import { TestClient, createTestApp, type TestApp } from '../support/app.js';
import { world, worldPlanContent } from '../support/world.js';
import { checkWrites, type Acknowledged } from '../../bench/load/writes.js';

/** The mixed load's check afterwards (bench/load/writes.ts): real writes are found, made-up ones are lost. */
describe.each(backends)('counting the load’s acknowledged writes on %s', (backend) => {
  let t: TestApp;
  const real: Acknowledged[] = [];
  let reportId = '';
  let submittedPlanId = '';

  const requestIdOf = (response: { headers: Record<string, unknown> }) => String(response.headers['x-request-id']);
  const signedIn = async (account: { login: string }) => {
    const client = new TestClient(t.app);
    expect((await client.signIn(account)).statusCode).toBe(200);
    return client;
  };
  const planOf = async (districtId: string) =>
    t.testDb.database.db
      .selectFrom('plans')
      .select(['id', 'period_from', 'period_to'])
      .where('district_id', '=', districtId)
      .executeTakeFirstOrThrow();

  beforeAll(async () => {
    t = await createTestApp(backend, { TRUST_PROXY: '1' });
    const resident = new TestClient(t.app, { headers: { 'x-forwarded-for': '10.20.0.1' } });
    const { categories } = (await resident.get('/api/v1/report-categories')).json();
    const category = categories.find((c: { active: boolean; season: unknown }) => c.active && c.season === null).code;
    const report = await resident.send('POST', '/api/v1/reports', { category, ...world.districts.a1.point, description: 'Test liczenia' });
    expect(report.statusCode).toBe(201);
    reportId = String(report.json().id);
    real.push({ kind: 'report', id: reportId, requestId: requestIdOf(report) });

    const draft = await planOf(world.districts.a2.id);
    const [from, to] = [String(draft.period_from), String(draft.period_to)];
    const saved = await (
      await signedIn(world.accounts.officerA2)
    ).send('PATCH', `/api/v1/plans/${draft.id}`, {
      content: worldPlanContent('Kradzieże rowerów, zapis drugi.', from, to),
    });
    expect(saved.statusCode).toBe(200);
    real.push({ kind: 'plan-edit', id: draft.id, requestId: requestIdOf(saved) });

    submittedPlanId = (await planOf(world.districts.b1.id)).id;
    const approved = await (
      await signedIn(world.accounts.supervisorB)
    ).send('POST', `/api/v1/plans/${submittedPlanId}/transitions`, {
      transition: 'approve',
    });
    expect(approved.statusCode).toBe(200);
    real.push({
      kind: 'workflow',
      id: submittedPlanId,
      requestId: requestIdOf(approved),
      transition: 'approve',
      status: approved.json().status,
    });

    const running = await planOf(world.districts.a1.id);
    const entry = await (
      await signedIn(world.accounts.officerA1)
    ).send('POST', `/api/v1/plans/${running.id}/action-log`, {
      actionIndex: 0,
      kind: 'patrol',
    });
    expect(entry.statusCode).toBe(201);
    real.push({ kind: 'log-entry', id: entry.json().id, requestId: requestIdOf(entry) });
  });
  afterAll(() => t.close());

  it('finds every acknowledged write with its audit row', async () => {
    const check = await checkWrites(t.testDb.database.db, real);
    expect(check.counts).toEqual([
      { kind: 'report', acknowledged: 1, found: 1, lost: 0 },
      { kind: 'log-entry', acknowledged: 1, found: 1, lost: 0 },
      { kind: 'plan-edit', acknowledged: 1, found: 1, lost: 0 },
      { kind: 'workflow', acknowledged: 1, found: 1, lost: 0 },
    ]);
    expect(check).toMatchObject({ plansAsAnswered: 1, plans: 1, heldReports: 0 });
  });

  it('counts as lost a row that is not there, a write without its audit row, and a step beyond the plan’s events', async () => {
    const of = (kind: Acknowledged['kind']) => real.find((w) => w.kind === kind)!;
    const [report, logEntry, edit, step] = [of('report'), of('log-entry'), of('plan-edit'), of('workflow')];
    const check = await checkWrites(t.testDb.database.db, [
      ...real,
      { ...report, id: String(Number(reportId) + 1000) },
      { ...logEntry, id: '00000000-0000-4000-8000-000000000000' },
      { ...edit, requestId: '00000000-0000-4000-8000-000000000001' },
      // A second approval the plan has no event for, answered as "returned": the stored status differs.
      { ...step, status: 'returned' },
    ]);
    expect(check.counts).toEqual([
      { kind: 'report', acknowledged: 2, found: 1, lost: 1 },
      { kind: 'log-entry', acknowledged: 2, found: 1, lost: 1 },
      { kind: 'plan-edit', acknowledged: 2, found: 1, lost: 1 },
      { kind: 'workflow', acknowledged: 2, found: 1, lost: 1 },
    ]);
    expect(check).toMatchObject({ plansAsAnswered: 0, plans: 1 });
  });
});
