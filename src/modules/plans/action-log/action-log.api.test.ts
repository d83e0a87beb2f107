import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { backends } from '../../../../test/support/databases.js';
import { TestClient, createTestApp, type TestApp } from '../../../../test/support/app.js';
import { world } from '../../../../test/support/world.js';
import { addDays, warsawToday } from '../../../platform/i18n/calendar.js';
import { formatCalendarDay } from '../../../platform/i18n/i18n.js';

/** The action log API on the world's running plan of a1 (in progress, one action over the whole period). */
describe.each(backends)('the action log of a plan on %s', (backend) => {
  let t: TestApp;
  let planId = '';
  let draftId = '';
  const clients: Record<string, TestClient> = {};
  const log = () => `/api/v1/plans/${planId}/action-log`;
  const entryCount = async () =>
    Number(
      (
        await t.testDb.database.db
          .selectFrom('plan_action_log')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    t = await createTestApp(backend);
    const people = {
      officer: world.accounts.officerA1,
      otherOfficer: world.accounts.officerA2,
      supervisor: world.accounts.supervisorA,
      commander: world.accounts.commanderA,
      otherSupervisor: world.accounts.supervisorB,
      admin: world.accounts.voivodeshipAdmin,
    };
    for (const [name, account] of Object.entries(people)) {
      clients[name] = new TestClient(t.app);
      expect((await clients[name].signIn(account)).statusCode).toBe(200);
    }
    const published = (await new TestClient(t.app).get(`/api/v1/plans?districtId=${world.districts.a1.id}`)).json();
    planId = published.plans[0].id;
    const drafts = await clients.otherOfficer!.send('POST', '/api/v1/plans', {
      districtId: world.districts.a2.id,
      periodFrom: addDays(warsawToday(), 400),
      periodTo: addDays(warsawToday(), 580),
    });
    draftId = drafts.json().id;
  });
  afterAll(() => t.close());

  let recorded = 0;
  beforeEach(() => {
    recorded = 0;
  });
  const record = async (body: Record<string, unknown>, who = 'officer') => {
    const response = await clients[who]!.send('POST', log(), body);
    if (response.statusCode === 201) recorded++;
    return response;
  };

  it('records an entry of today by default, shows it under its action and moves the action to "in progress"', async () => {
    const before = (await clients.officer!.get(log())).json();
    const created = await record({ actionIndex: 0, kind: 'patrol', place: 'Park przy ul. Lipowej', withWhom: 'PSP', note: 'Spokojnie.' });
    expect(created.statusCode).toBe(201);
    const entry = created.json();
    expect(entry).toMatchObject({
      day: warsawToday(),
      kind: 'patrol',
      kindName: 'Patrol miejsca',
      recordedBy: world.accounts.officerA1.login,
    });
    expect(entry.actionText).toBe('Spotkania z seniorami w świetlicy.');
    const after = (await clients.officer!.get(log())).json();
    expect(after.mayWrite).toBe(true);
    expect(after.actions[0].entries.map((e: { id: string }) => e.id)).toContain(entry.id);
    expect(after.actions[0].entries).toHaveLength(before.actions[0].entries.length + 1);
    expect(['in_progress', 'done']).toContain(after.actions[0].progress);
  });

  it('marks the action done when an entry finishes it', async () => {
    expect((await record({ actionIndex: 0, kind: 'meeting', completes: true })).statusCode).toBe(201);
    const action = (await clients.supervisor!.get(log())).json().actions[0];
    expect([action.progress, action.progressName]).toEqual(['done', 'Wykonane']);
  });

  it('audits an entry in the same transaction', async () => {
    const entry = (await record({ actionIndex: 0, kind: 'leaflets', note: 'Ulotki w świetlicy.' })).json();
    const rows = await t.testDb.database.db
      .selectFrom('audit_log')
      .select(['action', 'actor_label'])
      .where('entity_type', '=', 'plan_action_log')
      .where('entity_id', '=', entry.id)
      .execute();
    expect(rows).toEqual([{ action: 'insert', actor_label: world.accounts.officerA1.login }]);
  });

  it('lets supervisors and commanders of the unit read, and nobody else', async () => {
    expect((await clients.supervisor!.get(log())).statusCode).toBe(200);
    const commander = (await clients.commander!.get(log())).json();
    expect(commander.mayWrite).toBe(false);
    expect((await clients.otherOfficer!.get(log())).statusCode).toBe(404);
    expect((await clients.otherSupervisor!.get(log())).statusCode).toBe(404);
    expect((await clients.admin!.get(log())).statusCode).toBe(403);
    expect((await new TestClient(t.app).get(log())).statusCode).toBe(401);
  });

  it('refuses entries from anyone but those serving the district, storing nothing', async () => {
    const before = await entryCount();
    const body = { actionIndex: 0, kind: 'patrol' };
    expect((await record(body, 'supervisor')).statusCode).toBe(403);
    expect((await record(body, 'otherOfficer')).statusCode).toBe(404);
    expect((await record(body, 'admin')).statusCode).toBe(403);
    expect(await entryCount()).toBe(before);
  });

  it('takes entries only for a plan being carried out', async () => {
    const response = await clients.otherOfficer!.send('POST', `/api/v1/plans/${draftId}/action-log`, { actionIndex: 0, kind: 'patrol' });
    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe('plan_not_carried_out');
  });

  it.each([
    [{ actionIndex: 5, kind: 'patrol' }, 'actionIndex'],
    [{ actionIndex: 0, kind: 'picnic' }, 'kind'],
    [{ actionIndex: 0, kind: 'patrol', day: addDays(warsawToday(), 1) }, 'day'],
    [{ actionIndex: 0, kind: 'patrol', day: '2026-13-01' }, 'day'],
    [{ actionIndex: 0, kind: 'patrol', time: '25:00' }, 'time'],
    [{ actionIndex: 0, kind: 'patrol', note: 'x'.repeat(1500) }, 'note'],
    [{ actionIndex: 0, kind: 'patrol', place: 7 }, 'place'],
    [{ kind: 'patrol' }, 'actionIndex'],
  ])('answers %j with a 400 naming %s, storing nothing', async (body, field) => {
    const before = await entryCount();
    const response = await record(body);
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain(field);
    expect(await entryCount()).toBe(before);
  });

  it('names the field in Polish for a person reading Polish', async () => {
    const response = await record({ actionIndex: 0, kind: 'patrol', day: addDays(warsawToday(), 3) });
    expect(response.json().error.details).toEqual([{ field: 'day', code: 'future_day', message: 'Data nie może być z przyszłości.' }]);
  });

  it('lets the author correct and withdraw an entry; a withdrawn entry no longer shows', async () => {
    const entry = (await record({ actionIndex: 0, kind: 'talk', note: 'Pogadanka w szkole.' })).json();
    expect(entry.mayChange).toBe(true);
    const corrected = await clients.officer!.send('PUT', `${log()}/${entry.id}`, {
      kind: 'talk',
      day: warsawToday(),
      note: 'Pogadanka w szkole nr 2.',
    });
    expect(corrected.statusCode).toBe(200);
    expect(corrected.json().note).toBe('Pogadanka w szkole nr 2.');
    expect(corrected.json().correctedAt).not.toBeNull();
    const badCorrection = await clients.officer!.send('PUT', `${log()}/${entry.id}`, { kind: 'nope', day: warsawToday() });
    expect([badCorrection.statusCode, badCorrection.body.includes('kind')]).toEqual([400, true]);
    expect((await clients.officer!.send('DELETE', `${log()}/${entry.id}`)).statusCode).toBe(204);
    const ids = (await clients.officer!.get(log())).json().actions[0].entries.map((e: { id: string }) => e.id);
    expect(ids).not.toContain(entry.id);
    expect((await clients.officer!.send('DELETE', `${log()}/${entry.id}`)).statusCode).toBe(404);
  });

  it('does not let others correct or withdraw an entry', async () => {
    const entry = (await record({ actionIndex: 0, kind: 'check' })).json();
    expect((await clients.supervisor!.send('DELETE', `${log()}/${entry.id}`)).statusCode).toBe(403);
    expect((await clients.otherOfficer!.send('PUT', `${log()}/${entry.id}`, { kind: 'check', day: warsawToday() })).statusCode).toBe(404);
    const shown = (await clients.officer!.get(log())).json().actions[0].entries.find((e: { id: string }) => e.id === entry.id);
    expect(shown.kind).toBe('check');
    expect(recorded).toBe(1);
  });

  it('shows the page with the short form, refuses a bad entry with the error summary and stores a good one', async () => {
    const browser = new TestClient(t.app, { headers: { accept: 'text/html' } });
    await browser.signIn(world.accounts.officerA1);
    const page = `/admin/plans/${planId}/dziennik`;
    const shown = await browser.get(page);
    expect(shown.statusCode).toBe(200);
    expect(shown.body).toContain('name="kind" value="patrol"');
    expect(shown.body).toContain(`value="${warsawToday()}"`);
    const before = await entryCount();
    const bad = await browser.postForm(page, { actionIndex: '0', day: addDays(warsawToday(), 2) });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('error-summary');
    expect(bad.body).toContain('href="#field-kind"');
    expect(bad.body).toContain('Data nie może być z przyszłości.');
    expect(await entryCount()).toBe(before);
    const good = await browser.postForm(page, { actionIndex: '0', kind: 'debate', place: 'Świetlica w Borowie', day: '' });
    expect([good.statusCode, good.headers.location]).toEqual([303, `${page}?notice=saved`]);
    const after = (await browser.get(page)).body;
    expect(after).toContain('Świetlica w Borowie');
    // The entry names its author and its day the Polish way, never the login or an ISO date.
    expect(after).toContain(`(${world.accounts.officerA1.displayName})`);
    expect(after).not.toContain(`(${world.accounts.officerA1.login})`);
    expect(after).toContain(formatCalendarDay(warsawToday(), 'pl'));
    // The plan's period too: a Polish date, not an ISO one.
    expect(after).not.toMatch(/\d{4}-\d\d-\d\d – \d{4}-\d\d-\d\d/);
    const reader = new TestClient(t.app, { headers: { accept: 'text/html' } });
    await reader.signIn(world.accounts.supervisorA);
    const read = await reader.get(page);
    expect([read.statusCode, read.body.includes('name="kind"')]).toEqual([200, false]);
  });

  it("links the log from the plan's page only for those who may read it", async () => {
    const linkTo = `href="/admin/plans/${planId}/dziennik"`;
    const pageOf = async (account: (typeof world.accounts)[keyof typeof world.accounts]) => {
      const reader = new TestClient(t.app, { headers: { accept: 'text/html' } });
      await reader.signIn(account);
      const page = await reader.get(`/admin/plans/${planId}`);
      expect(page.statusCode).toBe(200);
      return page.body;
    };
    expect(await pageOf(world.accounts.supervisorA)).toContain(linkTo);
    expect(await pageOf(world.accounts.officerA1)).toContain(linkTo);
    // An administrator sees the plan but may not open its log: no link that would answer 403.
    expect(await pageOf(world.accounts.voivodeshipAdmin)).not.toContain(linkTo);
    expect((await clients.admin!.get(`/admin/plans/${planId}/dziennik`)).statusCode).toBe(403);
  });
});
