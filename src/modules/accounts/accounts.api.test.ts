import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../../../test/support/databases.js';
import { TestClient, browserFor, createTestApp, type TestApp } from '../../../test/support/app.js';
import { world } from '../../../test/support/world.js';

const { top, voivodeship, a: unitA, b: unitB, c: otherRegionUnit } = world.units;
const { nationalAdmin, voivodeshipAdmin } = world.accounts;

const newAccount = (login: string, unitId: string, extra: Record<string, unknown> = {}) => ({
  login,
  displayName: `Test ${login}`,
  role: 'officer',
  unitId,
  password: 'bezpieczne hasło testowe',
  ...extra,
});

describe.each(backends)('accounts and role scoping on %s', (backend) => {
  let t: TestApp;
  let national: TestClient;
  let regional: TestClient;
  beforeAll(async () => {
    t = await createTestApp(backend);
    national = new TestClient(t.app);
    regional = new TestClient(t.app);
    await national.signIn(nationalAdmin);
    await regional.signIn(voivodeshipAdmin);
  });
  afterAll(() => t.close());

  it('a national administrator creates accounts anywhere', async () => {
    const response = await national.send('POST', '/api/v1/accounts', newAccount('nowy.olszyny', otherRegionUnit.id));
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({
      login: 'nowy.olszyny',
      unitId: otherRegionUnit.id,
      unitName: otherRegionUnit.name,
      active: true,
    });
    expect(response.json()).not.toHaveProperty('password_hash');
    expect(response.headers.location).toBe(`/api/v1/accounts/${response.json().id}`);
  });

  it('a regional administrator manages accounts of their region only', async () => {
    const inside = await regional.send('POST', '/api/v1/accounts', newAccount('nowy.borowo', unitA.id));
    expect(inside.statusCode).toBe(201);
    const outside = await regional.send('POST', '/api/v1/accounts', newAccount('obcy.olszyny', otherRegionUnit.id));
    expect(outside.statusCode).toBe(403);
    expect(outside.json().error.message).toBe('Ta jednostka nie podlega Twojej jednostce: nie możesz zarządzać jej kontami.');
    const above = await regional.send('POST', '/api/v1/accounts', newAccount('obcy.kg', top.id, { role: 'admin' }));
    expect(above.statusCode).toBe(403);

    const list = await regional.get('/api/v1/accounts?pageSize=100');
    const units = new Set(list.json().accounts.map((a: { unitId: string }) => a.unitId));
    // The region: the voivodeship's own unit and the units under it that have accounts in the world.
    const region = Object.values(world.units).filter((u) => u.id === voivodeship.id || u.parentId === voivodeship.id);
    const regionWithAccounts = region.filter((u) => Object.values(world.accounts).some((account) => account.unitId === u.id));
    expect([...units].sort()).toEqual(regionWithAccounts.map((u) => u.id).sort());

    const outsider = (await national.get(`/api/v1/accounts?unitId=${otherRegionUnit.id}`)).json().accounts[0];
    expect((await regional.get(`/api/v1/accounts/${outsider.id}`)).statusCode).toBe(403);
    expect((await regional.send('PATCH', `/api/v1/accounts/${outsider.id}`, { active: false })).statusCode).toBe(403);
    expect((await regional.get(`/api/v1/accounts?unitId=${otherRegionUnit.id}`)).statusCode).toBe(403);
    // Moving an account of the region out of it is refused too.
    const own = inside.json().id;
    expect((await regional.send('PATCH', `/api/v1/accounts/${own}`, { unitId: otherRegionUnit.id })).statusCode).toBe(403);
  });

  it('only administrators manage accounts; anonymous callers must sign in', async () => {
    for (const person of [world.accounts.commanderA, world.accounts.supervisorA, world.accounts.officerA1]) {
      const client = new TestClient(t.app);
      await client.signIn(person);
      expect((await client.get('/api/v1/accounts')).statusCode).toBe(403);
      expect((await client.send('POST', '/api/v1/accounts', newAccount(`x.${person.login}`, unitA.id))).statusCode).toBe(403);
      const page = await client.get('/admin/accounts', { accept: 'text/html' });
      expect(page.statusCode).toBe(403);
      expect(page.body).toContain('Brak dostępu');
    }
    const anonymous = await new TestClient(t.app).get('/api/v1/accounts');
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json().error.code).toBe('unauthorized');
  });

  it('rejects duplicate logins regardless of case, and bad input with field messages', async () => {
    // An existing login with its first letter in upper case.
    const taken = voivodeshipAdmin.login.charAt(0).toUpperCase() + voivodeshipAdmin.login.slice(1);
    const duplicate = await national.send('POST', '/api/v1/accounts', newAccount(taken, voivodeship.id));
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().error).toMatchObject({ code: 'login_taken', message: `Login „${taken}” jest już zajęty.` });
    const bad = await national.send('POST', '/api/v1/accounts', {
      login: 'ż',
      displayName: '',
      role: 'boss',
      unitId: top.id,
      password: 'x',
      shoeSize: 44,
    });
    expect(bad.statusCode).toBe(400);
    const fields = bad.json().error.details.map((d: { field: string }) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['login', 'displayName', 'role', 'shoeSize']));
    const noUnit = await national.send('POST', '/api/v1/accounts', newAccount('bez.jednostki', 'kpp-atlantyda'));
    expect(noUnit.statusCode).toBe(422);
    expect(noUnit.json().error.code).toBe('unit_not_found');
    const weak = await national.send('POST', '/api/v1/accounts', newAccount('slabe.haslo', top.id, { password: 'slabe.haslo-123' }));
    expect(weak.json().error.code).toBe('password_contains_login');
    const count = await t.testDb.database.db
      .selectFrom('accounts')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('login', 'in', ['bez.jednostki', 'slabe.haslo'])
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);
  });

  it('disabling an account ends its sessions and blocks sign-in', async () => {
    const officer = new TestClient(t.app);
    await officer.signIn(world.accounts.officerB1);
    const id = (await officer.get('/api/v1/session')).json().account.id;
    const disabled = await regional.send('PATCH', `/api/v1/accounts/${id}`, { active: false });
    expect(disabled.statusCode).toBe(200);
    expect(disabled.json().active).toBe(false);
    expect((await officer.get('/api/v1/session')).statusCode).toBe(401);
    const again = await new TestClient(t.app).signIn(world.accounts.officerB1);
    expect(again.statusCode).toBe(401);
    expect(again.json().error.code).toBe('account_disabled');
    await regional.send('PATCH', `/api/v1/accounts/${id}`, { active: true });
    expect((await new TestClient(t.app).signIn(world.accounts.officerB1)).statusCode).toBe(200);
  });

  it('an administrator cannot lock themselves out', async () => {
    const me = (await regional.get('/api/v1/session')).json().account.id;
    for (const change of [{ active: false }, { role: 'officer' }, { unitId: unitA.id }]) {
      const response = await regional.send('PATCH', `/api/v1/accounts/${me}`, change);
      expect(response.statusCode).toBe(409);
      expect(response.json().error.code).toBe('self_lockout');
    }
    expect((await regional.send('PATCH', `/api/v1/accounts/${me}`, { email: 'halina@zalesie.example' })).statusCode).toBe(200);
  });

  it('unknown and malformed account ids are 404, never 500', async () => {
    expect((await national.get('/api/v1/accounts/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    expect((await national.get('/api/v1/accounts/not-a-uuid')).statusCode).toBe(404);
    expect((await national.get('/admin/accounts/not-a-uuid', { accept: 'text/html' })).statusCode).toBe(404);
  });

  it('a page number past the last page the database can count to is a 400, never 500', async () => {
    for (const page of ['9223372036854775808', '1e300', '100001']) {
      const response = await national.get(`/api/v1/accounts?page=${page}`);
      expect(response.statusCode, page).toBe(400);
      expect(response.json().error.details[0].field).toBe('page');
    }
    expect((await national.get('/api/v1/accounts?page=100000')).statusCode).toBe(200);
  });

  it('creates and edits accounts through the admin forms, keeping input on errors', async () => {
    const { client: browser, token } = await browserFor(t, voivodeshipAdmin);
    expect((await browser.get('/admin/accounts/new')).statusCode).toBe(200);
    const invalid = await browser.postForm(
      '/admin/accounts',
      {
        login: 'formularz.test',
        displayName: 'Anna <b>Test</b>',
        email: 'nie-email',
        role: 'officer',
        unitId: unitB.id,
        password: 'krótkie',
      },
      token,
    );
    expect(invalid.statusCode).toBe(400);
    expect(invalid.body).toContain('Wystąpił problem');
    expect(invalid.body).toContain('Pole „Adres e-mail” musi być adresem e-mail');
    expect(invalid.body).toContain('value="Anna &lt;b&gt;Test&lt;/b&gt;"'); // kept and escaped
    const created = await browser.postForm(
      '/admin/accounts',
      {
        login: 'formularz.test',
        displayName: 'Anna <b>Test</b>',
        email: '',
        role: 'officer',
        unitId: unitB.id,
        password: 'dobre długie hasło',
      },
      token,
    );
    expect(created.statusCode).toBe(303);
    const page = await browser.get(created.headers.location as string, { accept: 'text/html' });
    expect(page.body).toContain('Konto zostało utworzone.');
    expect(page.body).toContain('Anna &lt;b&gt;Test&lt;/b&gt;');
    expect(page.body).not.toContain('<b>Test</b>');
    const id = (created.headers.location as string).split('/')[3]!.split('?')[0]!;
    const edited = await browser.postForm(
      `/admin/accounts/${id}`,
      { login: 'formularz.test', displayName: 'Anna Test', email: 'anna@example.pl', role: 'supervisor', unitId: unitB.id },
      token,
    );
    expect(edited.statusCode).toBe(303);
    const account = (await regional.get(`/api/v1/accounts/${id}`)).json();
    expect(account).toMatchObject({ role: 'supervisor', email: 'anna@example.pl', active: false });
  });
});
