import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../../../test/support/databases.js';
import { TestClient, csrfFromHtml, type TestApp } from '../../../test/support/app.js';
import { createDemoTestApp } from '../../../test/support/demo-app.js';

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
    t = await createDemoTestApp(backend);
    national = new TestClient(t.app);
    regional = new TestClient(t.app);
    await national.signIn('admin');
    await regional.signIn('admin.lublin');
  });
  afterAll(() => t.close());

  it('a national administrator creates accounts anywhere', async () => {
    const response = await national.send('POST', '/api/v1/accounts', newAccount('nowy.sejny', 'kpp-sejny'));
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({
      login: 'nowy.sejny',
      unitId: 'kpp-sejny',
      unitName: 'Komenda Powiatowa Policji w Sejnach',
      active: true,
    });
    expect(response.json()).not.toHaveProperty('password_hash');
    expect(response.headers.location).toBe(`/api/v1/accounts/${response.json().id}`);
  });

  it('a regional administrator manages accounts of their region only', async () => {
    const inside = await regional.send('POST', '/api/v1/accounts', newAccount('nowy.lubartow', 'kpp-lubartow'));
    expect(inside.statusCode).toBe(201);
    const outside = await regional.send('POST', '/api/v1/accounts', newAccount('obcy.sejny', 'kpp-sejny'));
    expect(outside.statusCode).toBe(403);
    expect(outside.json().error.message).toBe('Ta jednostka nie podlega Twojej jednostce: nie możesz zarządzać jej kontami.');
    const above = await regional.send('POST', '/api/v1/accounts', newAccount('obcy.kgp', 'kgp', { role: 'admin' }));
    expect(above.statusCode).toBe(403);

    const list = await regional.get('/api/v1/accounts?pageSize=100');
    const units = new Set(list.json().accounts.map((a: { unitId: string }) => a.unitId));
    expect([...units].sort()).toEqual(['kpp-krasnystaw', 'kpp-leczna', 'kpp-lubartow', 'kwp-lublin']);

    const sejny = (await national.get('/api/v1/accounts?unitId=kpp-sejny')).json().accounts[0];
    expect((await regional.get(`/api/v1/accounts/${sejny.id}`)).statusCode).toBe(403);
    expect((await regional.send('PATCH', `/api/v1/accounts/${sejny.id}`, { active: false })).statusCode).toBe(403);
    expect((await regional.get('/api/v1/accounts?unitId=kpp-sejny')).statusCode).toBe(403);
    // Moving an account of the region out of it is refused too.
    const own = inside.json().id;
    expect((await regional.send('PATCH', `/api/v1/accounts/${own}`, { unitId: 'kpp-sejny' })).statusCode).toBe(403);
  });

  it('only administrators manage accounts; anonymous callers must sign in', async () => {
    for (const login of ['komendant.lubartow', 'kierownik.lubartow', 'dzielnicowy.lubartow']) {
      const client = new TestClient(t.app);
      await client.signIn(login);
      expect((await client.get('/api/v1/accounts')).statusCode).toBe(403);
      expect((await client.send('POST', '/api/v1/accounts', newAccount(`x.${login}`, 'kpp-lubartow'))).statusCode).toBe(403);
      const page = await client.get('/admin/accounts', { accept: 'text/html' });
      expect(page.statusCode).toBe(403);
      expect(page.body).toContain('Brak dostępu');
    }
    const anonymous = await new TestClient(t.app).get('/api/v1/accounts');
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json().error.code).toBe('unauthorized');
  });

  it('rejects duplicate logins regardless of case, and bad input with field messages', async () => {
    const duplicate = await national.send('POST', '/api/v1/accounts', newAccount('Admin.Lublin', 'kwp-lublin'));
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().error).toMatchObject({ code: 'login_taken', message: 'Login „Admin.Lublin” jest już zajęty.' });
    const bad = await national.send('POST', '/api/v1/accounts', {
      login: 'ż',
      displayName: '',
      role: 'boss',
      unitId: 'kgp',
      password: 'x',
      shoeSize: 44,
    });
    expect(bad.statusCode).toBe(400);
    const fields = bad.json().error.details.map((d: { field: string }) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['login', 'displayName', 'role', 'shoeSize']));
    const noUnit = await national.send('POST', '/api/v1/accounts', newAccount('bez.jednostki', 'kpp-atlantyda'));
    expect(noUnit.statusCode).toBe(422);
    expect(noUnit.json().error.code).toBe('unit_not_found');
    const weak = await national.send('POST', '/api/v1/accounts', newAccount('slabe.haslo', 'kgp', { password: 'slabe.haslo-123' }));
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
    await officer.signIn('dzielnicowy.krasnystaw');
    const id = (await officer.get('/api/v1/session')).json().account.id;
    const disabled = await regional.send('PATCH', `/api/v1/accounts/${id}`, { active: false });
    expect(disabled.statusCode).toBe(200);
    expect(disabled.json().active).toBe(false);
    expect((await officer.get('/api/v1/session')).statusCode).toBe(401);
    const again = await new TestClient(t.app).signIn('dzielnicowy.krasnystaw');
    expect(again.statusCode).toBe(401);
    expect(again.json().error.code).toBe('account_disabled');
    await regional.send('PATCH', `/api/v1/accounts/${id}`, { active: true });
    expect((await new TestClient(t.app).signIn('dzielnicowy.krasnystaw')).statusCode).toBe(200);
  });

  it('an administrator cannot lock themselves out', async () => {
    const me = (await regional.get('/api/v1/session')).json().account.id;
    for (const change of [{ active: false }, { role: 'officer' }, { unitId: 'kpp-lubartow' }]) {
      const response = await regional.send('PATCH', `/api/v1/accounts/${me}`, change);
      expect(response.statusCode).toBe(409);
      expect(response.json().error.code).toBe('self_lockout');
    }
    expect((await regional.send('PATCH', `/api/v1/accounts/${me}`, { email: 'ewa@lublin.example' })).statusCode).toBe(200);
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
    const browser = new TestClient(t.app);
    const login = await browser.get('/login');
    await browser.postForm('/login', { login: 'admin.lublin', password: 'demo-haslo-2026' }, csrfFromHtml(login.body));
    const form = await browser.get('/admin/accounts/new', { accept: 'text/html' });
    const token = csrfFromHtml(form.body);
    const invalid = await browser.postForm(
      '/admin/accounts',
      {
        login: 'formularz.test',
        displayName: 'Anna <b>Test</b>',
        email: 'nie-email',
        role: 'officer',
        unitId: 'kpp-leczna',
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
        unitId: 'kpp-leczna',
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
      { login: 'formularz.test', displayName: 'Anna Test', email: 'anna@example.pl', role: 'supervisor', unitId: 'kpp-leczna' },
      token,
    );
    expect(edited.statusCode).toBe(303);
    const account = (await regional.get(`/api/v1/accounts/${id}`)).json();
    expect(account).toMatchObject({ role: 'supervisor', email: 'anna@example.pl', active: false });
  });
});
