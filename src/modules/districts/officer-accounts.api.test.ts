import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../../../test/support/databases.js';
import { TestClient, type TestApp, createTestApp } from '../../../test/support/app.js';
import { world } from '../../../test/support/world.js';
import { warsawToday } from '../../platform/i18n/calendar.js';

/**
 * An officer record links a staff account to the districts the officer serves. The link must not
 * carry an account outside its own unit: an account of another voivodeship's unit (C) linked to an
 * officer of unit A and made a substitute there read A's reports and edited A's draft plan.
 */
const { nationalAdmin, voivodeshipAdmin, commanderA, supervisorC, officerA1, officerB1 } = world.accounts;
const { a, b, c, voivodeship } = world.units;

describe.each(backends)('linking accounts to officers on %s', (backend) => {
  let t: TestApp;
  const as: Record<string, TestClient> = {};
  const accountId = async (login: string) =>
    (await t.testDb.database.db.selectFrom('accounts').select('id').where('login', '=', login).executeTakeFirstOrThrow()).id;
  const officersLinkedTo = async (id: string) =>
    (await t.testDb.database.db.selectFrom('officers').select('id').where('account_id', '=', id).execute()).length;
  let accountC: string;

  beforeAll(async () => {
    t = await createTestApp(backend);
    for (const { login } of [nationalAdmin, voivodeshipAdmin, commanderA, supervisorC, officerA1]) {
      as[login] = new TestClient(t.app);
      await as[login].signIn(login);
    }
    accountC = await accountId(supervisorC.login);
  });
  afterAll(() => t.close());

  const officer = (extra: object = {}) => ({ unitId: a.id, rank: 'sierż.', firstName: 'Jan', lastName: 'Obcy', ...extra });

  it('refuses to link an account of a unit outside the linker’s scope, on create and on edit', async () => {
    // Another test links C's account the way old data held it: count what the refusals add.
    const linkedBefore = await officersLinkedTo(accountC);
    for (const { login } of [voivodeshipAdmin, commanderA]) {
      const created = await as[login]!.send('POST', '/api/v1/officers', officer({ accountId: accountC }));
      expect(created.statusCode, login).toBe(403);
      expect(created.json().error.code).toBe('account_out_of_scope');
      expect(created.json().error.message).toBe('To konto należy do jednostki spoza Twojego zakresu.');
    }
    const plain = await as[commanderA.login]!.send('POST', '/api/v1/officers', officer());
    expect(plain.statusCode).toBe(201);
    const edited = await as[voivodeshipAdmin.login]!.send('PATCH', `/api/v1/officers/${plain.json().id}`, { accountId: accountC });
    expect(edited.statusCode).toBe(403);
    expect(await officersLinkedTo(accountC)).toBe(linkedBefore);
  });

  it('refuses, even for the national administrator, an account whose unit is not the officer’s unit or above it', async () => {
    const linkedBefore = await officersLinkedTo(accountC);
    const created = await as[nationalAdmin.login]!.send('POST', '/api/v1/officers', officer({ accountId: accountC }), {
      'accept-language': 'en',
    });
    expect(created.statusCode).toBe(422);
    expect(created.json().error).toMatchObject({
      code: 'account_outside_unit',
      message: "The account belongs to another unit: it can be linked only to an officer of the account's unit or of a unit below it.",
    });
    // Moving an officer out from under the linked account's unit is the same link.
    const regional = await accountId(voivodeshipAdmin.login);
    const linked = await as[nationalAdmin.login]!.send('POST', '/api/v1/officers', officer({ accountId: regional }));
    expect(linked.statusCode).toBe(201);
    const moved = await as[nationalAdmin.login]!.send('PATCH', `/api/v1/officers/${linked.json().id}`, { unitId: c.id });
    expect(moved.statusCode).toBe(422);
    expect(moved.json().error.code).toBe('account_outside_unit');
    expect(await officersLinkedTo(accountC)).toBe(linkedBefore);
  });

  it('refuses to assign a linked officer to a district outside the account’s unit', async () => {
    const accountB1 = await accountId(officerB1.login);
    await t.testDb.database.db.updateTable('officers').set({ account_id: null }).where('account_id', '=', accountB1).execute();
    const officerOfB = await as[nationalAdmin.login]!.send('POST', '/api/v1/officers', {
      unitId: b.id,
      rank: world.districts.b1.officer.rank,
      firstName: world.districts.b1.officer.firstName,
      lastName: world.districts.b1.officer.lastName,
      accountId: accountB1,
    });
    expect(officerOfB.statusCode).toBe(201);
    const today = warsawToday();
    const assigned = await as[voivodeshipAdmin.login]!.send('POST', `/api/v1/districts/${world.districts.a1.id}/assignments`, {
      officerId: officerOfB.json().id,
      kind: 'substitute',
      startsOn: today,
      endsOn: today,
    });
    expect(assigned.statusCode).toBe(422);
    expect(assigned.json().error.code).toBe('account_outside_unit');
  });

  it('refuses to move a linked account to a unit that is not its officer’s unit or above it', async () => {
    const linked = await accountId(officerA1.login);
    const linkedOfficer = await t.testDb.database.db
      .selectFrom('officers')
      .select(['id', 'unit_id'])
      .where('account_id', '=', linked)
      .executeTakeFirstOrThrow();
    expect(linkedOfficer.unit_id).toBe(a.id);
    const moved = await as[voivodeshipAdmin.login]!.send('PATCH', `/api/v1/accounts/${linked}`, { unitId: b.id });
    expect(moved.statusCode, moved.body).toBe(422);
    expect(moved.json().error.code).toBe('account_linked_outside_unit');
    expect(moved.json().error.message).toContain('powiązane z policjantem innej jednostki');
    const stored = await t.testDb.database.db.selectFrom('accounts').select('unit_id').where('id', '=', linked).executeTakeFirstOrThrow();
    expect(stored.unit_id).toBe(a.id);
    // Up the tree it still serves below: allowed.
    const up = await as[voivodeshipAdmin.login]!.send('PATCH', `/api/v1/accounts/${linked}`, { unitId: voivodeship.id });
    expect(up.statusCode, up.body).toBe(200);
    expect((await as[voivodeshipAdmin.login]!.send('PATCH', `/api/v1/accounts/${linked}`, { unitId: a.id })).statusCode).toBe(200);
  });

  it('gives a link made before these rules no reach outside the account’s unit', async () => {
    // A report and a draft plan of unit A, as residents and officers make them.
    const resident = new TestClient(t.app);
    const categories = (await resident.get('/api/v1/report-categories')).json().categories as { code: string; names: { pl: string } }[];
    const parking = categories.find((c) => c.names.pl === 'Nieprawidłowe parkowanie')!.code;
    const report = await resident.send('POST', '/api/v1/reports', {
      category: parking,
      address: world.districts.a1.address,
      description: 'Tylko dla Policji: auta na chodniku.',
    });
    expect(report.statusCode).toBe(201);
    const { id: reportId, districtId } = report.json();
    const plan = await as[officerA1.login]!.send('POST', '/api/v1/plans', {
      districtId,
      periodFrom: '2045-01-01',
      periodTo: '2045-06-30',
    });
    expect(plan.statusCode).toBe(201);

    // The link and the substitution, written as old data would hold them.
    const db = t.testDb.database.db;
    const officerId = (
      await db
        .insertInto('officers')
        .values({
          unit_id: a.id,
          rank: 'asp.',
          first_name: 'Monika',
          last_name: 'Jankowska',
          position: 'district_officer',
          account_id: accountC,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    const district = await db.selectFrom('districts').select(['id', 'unit_id']).where('id', '=', districtId).executeTakeFirstOrThrow();
    await db
      .insertInto('assignments')
      .values({
        district_id: district.id,
        unit_id: district.unit_id,
        officer_id: officerId,
        kind: 'substitute',
        starts_on: warsawToday(),
        ends_on: null,
      })
      .execute();

    const outsider = as[supervisorC.login]!;
    const read = (await outsider.get(`/api/v1/reports/${reportId}`)).json();
    expect(read.description).toBeUndefined();
    expect(JSON.stringify(read)).not.toContain('Tylko dla Policji');
    const status = await outsider.send('POST', `/api/v1/reports/${reportId}/status`, { status: 'verifying' });
    // Not theirs to read, so not found to change either (units/scope.ts: one rule for GET and POST).
    expect(status.statusCode).toBe(404);
    const edit = await outsider.send('PATCH', `/api/v1/plans/${plan.json().id}`, { periodTo: '2045-06-29' });
    expect(edit.statusCode).toBe(404);
    const stored = await db.selectFrom('plans').select('period_to').where('id', '=', plan.json().id).executeTakeFirstOrThrow();
    expect(String(stored.period_to)).toContain('2045-06-30');
    const queue = await outsider.get('/admin/reports', { accept: 'text/html' });
    expect(queue.body).not.toContain('Tylko dla Policji');
  });
});
