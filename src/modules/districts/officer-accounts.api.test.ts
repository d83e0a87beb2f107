import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../../../test/support/databases.js';
import { TestClient, type TestApp } from '../../../test/support/app.js';
import { createDemoTestApp } from '../../../test/support/demo-app.js';
import { warsawToday } from '../../platform/i18n/calendar.js';

/**
 * An officer record links a staff account to the districts the officer serves. The link must not
 * carry an account outside its own unit: a KPP Sejny account linked to a KPP Lubartów officer and
 * made a substitute there read Lubartów reports and edited a Lubartów draft plan.
 */
describe.each(backends)('linking accounts to officers on %s', (backend) => {
  let t: TestApp;
  const as: Record<string, TestClient> = {};
  const accountId = async (login: string) =>
    (await t.testDb.database.db.selectFrom('accounts').select('id').where('login', '=', login).executeTakeFirstOrThrow()).id;
  const officersLinkedTo = async (id: string) =>
    (await t.testDb.database.db.selectFrom('officers').select('id').where('account_id', '=', id).execute()).length;
  let sejny: string;

  beforeAll(async () => {
    t = await createDemoTestApp(backend);
    for (const login of ['admin', 'admin.lublin', 'komendant.lubartow', 'kierownik.sejny', 'dzielnicowy.lubartow']) {
      as[login] = new TestClient(t.app);
      await as[login].signIn(login);
    }
    sejny = await accountId('kierownik.sejny');
  });
  afterAll(() => t.close());

  const officer = (extra: object = {}) => ({ unitId: 'kpp-lubartow', rank: 'sierż.', firstName: 'Jan', lastName: 'Obcy', ...extra });

  it('refuses to link an account of a unit outside the linker’s scope, on create and on edit', async () => {
    // Another test links Sejny's account the way old data held it: count what the refusals add.
    const linkedBefore = await officersLinkedTo(sejny);
    for (const login of ['admin.lublin', 'komendant.lubartow']) {
      const created = await as[login]!.send('POST', '/api/v1/officers', officer({ accountId: sejny }));
      expect(created.statusCode, login).toBe(403);
      expect(created.json().error.code).toBe('account_out_of_scope');
      expect(created.json().error.message).toBe('To konto należy do jednostki spoza Twojego zakresu.');
    }
    const plain = await as['komendant.lubartow']!.send('POST', '/api/v1/officers', officer());
    expect(plain.statusCode).toBe(201);
    const edited = await as['admin.lublin']!.send('PATCH', `/api/v1/officers/${plain.json().id}`, { accountId: sejny });
    expect(edited.statusCode).toBe(403);
    expect(await officersLinkedTo(sejny)).toBe(linkedBefore);
  });

  it('refuses, even for the national administrator, an account whose unit is not the officer’s unit or above it', async () => {
    const linkedBefore = await officersLinkedTo(sejny);
    const created = await as.admin!.send('POST', '/api/v1/officers', officer({ accountId: sejny }), { 'accept-language': 'en' });
    expect(created.statusCode).toBe(422);
    expect(created.json().error).toMatchObject({
      code: 'account_outside_unit',
      message: "The account belongs to another unit: it can be linked only to an officer of the account's unit or of a unit below it.",
    });
    // Moving an officer out from under the linked account's unit is the same link.
    const regional = await accountId('admin.lublin');
    const linked = await as.admin!.send('POST', '/api/v1/officers', officer({ accountId: regional }));
    expect(linked.statusCode).toBe(201);
    const moved = await as.admin!.send('PATCH', `/api/v1/officers/${linked.json().id}`, { unitId: 'kpp-sejny' });
    expect(moved.statusCode).toBe(422);
    expect(moved.json().error.code).toBe('account_outside_unit');
    expect(await officersLinkedTo(sejny)).toBe(linkedBefore);
  });

  it('refuses to assign a linked officer to a district outside the account’s unit', async () => {
    const leczna = await accountId('dzielnicowy.leczna');
    await t.testDb.database.db.updateTable('officers').set({ account_id: null }).where('account_id', '=', leczna).execute();
    const lecznaOfficer = await as.admin!.send('POST', '/api/v1/officers', {
      unitId: 'kpp-leczna',
      rank: 'st. sierż.',
      firstName: 'Karolina',
      lastName: 'Mazur',
      accountId: leczna,
    });
    expect(lecznaOfficer.statusCode).toBe(201);
    const today = warsawToday();
    const assigned = await as['admin.lublin']!.send('POST', '/api/v1/districts/kpp-lubartow/3/assignments', {
      officerId: lecznaOfficer.json().id,
      kind: 'substitute',
      startsOn: today,
      endsOn: today,
    });
    expect(assigned.statusCode).toBe(422);
    expect(assigned.json().error.code).toBe('account_outside_unit');
  });

  it('refuses to move a linked account to a unit that is not its officer’s unit or above it', async () => {
    const linked = await accountId('dzielnicowy.lubartow');
    const linkedOfficer = await t.testDb.database.db
      .selectFrom('officers')
      .select(['id', 'unit_id'])
      .where('account_id', '=', linked)
      .executeTakeFirstOrThrow();
    expect(linkedOfficer.unit_id).toBe('kpp-lubartow');
    const moved = await as['admin.lublin']!.send('PATCH', `/api/v1/accounts/${linked}`, { unitId: 'kpp-leczna' });
    expect(moved.statusCode, moved.body).toBe(422);
    expect(moved.json().error.code).toBe('account_linked_outside_unit');
    expect(moved.json().error.message).toContain('powiązane z policjantem innej jednostki');
    const stored = await t.testDb.database.db.selectFrom('accounts').select('unit_id').where('id', '=', linked).executeTakeFirstOrThrow();
    expect(stored.unit_id).toBe('kpp-lubartow');
    // Up the tree it still serves below: allowed.
    const up = await as['admin.lublin']!.send('PATCH', `/api/v1/accounts/${linked}`, { unitId: 'kwp-lublin' });
    expect(up.statusCode, up.body).toBe(200);
    expect((await as['admin.lublin']!.send('PATCH', `/api/v1/accounts/${linked}`, { unitId: 'kpp-lubartow' })).statusCode).toBe(200);
  });

  it('gives a link made before these rules no reach outside the account’s unit', async () => {
    // A Lubartów report and a Lubartów draft plan, as residents and officers make them.
    const resident = new TestClient(t.app);
    const categories = (await resident.get('/api/v1/report-categories')).json().categories as { code: string; names: { pl: string } }[];
    const parking = categories.find((c) => c.names.pl === 'Nieprawidłowe parkowanie')!.code;
    const report = await resident.send('POST', '/api/v1/reports', {
      category: parking,
      address: 'Lubartów, ul. Powstańców Warszawy 17',
      description: 'Tylko dla Policji: auta na chodniku.',
    });
    expect(report.statusCode).toBe(201);
    const { id: reportId, districtId } = report.json();
    const plan = await as['dzielnicowy.lubartow']!.send('POST', '/api/v1/plans', {
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
          unit_id: 'kpp-lubartow',
          rank: 'asp.',
          first_name: 'Monika',
          last_name: 'Jankowska',
          position: 'district_officer',
          account_id: sejny,
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

    const outsider = as['kierownik.sejny']!;
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
