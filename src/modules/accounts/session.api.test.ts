import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../../../test/support/databases.js';
import { TestClient, createTestApp, csrfFromHtml, type TestApp } from '../../../test/support/app.js';
import { WORLD_PASSWORD, world } from '../../../test/support/world.js';

const { nationalAdmin, supervisorA, officerA1 } = world.accounts;

describe.each(backends)('signing in and out on %s', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(backend);
  });
  afterAll(() => t.close());

  const auditOf = (action: string, entityId: string) =>
    t.testDb.database.db.selectFrom('audit_log').selectAll().where('action', '=', action).where('entity_id', '=', entityId).execute();

  it('signs in with the right password: httpOnly SameSite session cookie, CSRF token, audit entry', async () => {
    const client = new TestClient(t.app);
    // Another test signs in with this login too: one more entry, not one in all.
    const signInsBefore = (await auditOf('auth.login', supervisorA.login)).length;
    const response = await client.signIn(supervisorA);
    expect(response.statusCode).toBe(200);
    const cookie = response.cookies.find((c) => c.name === 'dz_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    expect(response.json().account).toMatchObject({ login: supervisorA.login, role: 'supervisor', unitId: supervisorA.unitId });
    expect(response.json().csrfToken).toEqual(expect.any(String));
    const me = await client.get('/api/v1/session');
    expect(me.json().account.login).toBe(supervisorA.login);
    expect(await auditOf('auth.login', supervisorA.login)).toHaveLength(signInsBefore + 1);
    // The session row stores a hash, not the token from the cookie.
    const stored = await t.testDb.database.db.selectFrom('sessions').select('token_hash').execute();
    expect(stored.map((s) => s.token_hash)).not.toContain(cookie.value);
  });

  it('refuses a wrong password or an unknown login with the same message, and logs both', async () => {
    const client = new TestClient(t.app);
    const officer = world.accounts.officerB1;
    const wrong = await client.send('POST', '/api/v1/session', { login: officer.login, password: 'not the password' });
    const unknown = await client.send('POST', '/api/v1/session', { login: 'nobody.here', password: 'whatever it is' });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().error).toEqual({ code: 'invalid_credentials', message: 'Nieprawidłowy login lub hasło.' });
    expect(unknown.json().error.message).toBe(wrong.json().error.message);
    expect(wrong.cookies.find((c) => c.name === 'dz_session')).toBeUndefined();
    const [entry] = await auditOf('auth.login_failed', officer.login);
    expect(entry).toMatchObject({ unit_id: officer.unitId, after: { reason: 'wrong_password' } });
    expect(await auditOf('auth.login_failed', 'nobody.here')).toHaveLength(1);
  });

  it('slows down repeated failures for one login with 429 and Retry-After, even for the right password', async () => {
    const client = new TestClient(t.app, { headers: { 'accept-language': 'en' } });
    const guessed = world.accounts.supervisorC;
    for (let i = 0; i < 5; i++) {
      const response = await client.send('POST', '/api/v1/session', { login: guessed.login, password: `guess number ${i}` });
      expect(response.statusCode).toBe(401);
    }
    const blocked = await client.send('POST', '/api/v1/session', { login: guessed.login, password: WORLD_PASSWORD });
    expect(blocked.statusCode).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(25);
    expect(blocked.json().error.code).toBe('too_many_attempts');
    expect(blocked.json().error.message).toMatch(
      /Too many failed sign-in attempts for this account from this network\. Try again in \d+ seconds\./,
    );
    // Other logins are not affected.
    expect((await client.signIn(world.accounts.officerA2)).statusCode).toBe(200);
  });

  it('signs out: the session ends on the server and the cookie is cleared', async () => {
    const client = new TestClient(t.app);
    await client.signIn(officerA1);
    const cookie = client.cookies.get('dz_session')!;
    const out = await client.send('DELETE', '/api/v1/session');
    expect(out.statusCode).toBe(204);
    expect(client.cookies.has('dz_session')).toBe(false);
    // Replaying the old cookie does not work either.
    const replay = await t.app.inject({ method: 'GET', url: '/api/v1/session', headers: { cookie: `dz_session=${cookie}` } });
    expect(replay.statusCode).toBe(401);
    expect(await auditOf('auth.logout', officerA1.login)).toHaveLength(1);
  });

  it('requires the CSRF token for writes made with the session cookie', async () => {
    const client = new TestClient(t.app);
    await client.signIn(officerA1);
    const forged = await client.request({ method: 'DELETE', url: '/api/v1/session', csrf: false });
    expect(forged.statusCode).toBe(403);
    expect(forged.json().error.code).toBe('csrf_invalid');
    const wrongToken = await client.request({
      method: 'DELETE',
      url: '/api/v1/session',
      csrf: false,
      headers: { 'x-csrf-token': 'forged' },
    });
    expect(wrongToken.statusCode).toBe(403);
    expect((await client.get('/api/v1/session')).statusCode).toBe(200);
  });

  it('requires the CSRF token on the sign-in form and signs in through it', async () => {
    const client = new TestClient(t.app);
    const page = await client.get('/login', { accept: 'text/html' });
    expect(page.statusCode).toBe(200);
    const token = csrfFromHtml(page.body);
    const forged = await client.postForm('/login', { login: nationalAdmin.login, password: WORLD_PASSWORD }, null);
    expect(forged.statusCode).toBe(403);
    expect(forged.body).toContain('Formularz wygasł');
    const wrong = await client.postForm('/login', { login: nationalAdmin.login, password: 'wrong password' }, token);
    expect(wrong.statusCode).toBe(401);
    expect(wrong.body).toContain('Nieprawidłowy login lub hasło.');
    expect(wrong.body).toContain(`value="${nationalAdmin.login}"`); // the form keeps what was typed
    const ok = await client.postForm('/login', { login: nationalAdmin.login, password: WORLD_PASSWORD, next: '/admin' }, token);
    expect(ok.statusCode).toBe(303);
    expect(ok.headers.location).toBe('/admin');
    expect((await client.get('/admin', { accept: 'text/html' })).statusCode).toBe(200);
  });

  it('lands staff on their workspace after signing in, unless they came from a page', async () => {
    const client = new TestClient(t.app);
    const token = csrfFromHtml((await client.get('/login')).body);
    const plain = await client.postForm('/login', { login: supervisorA.login, password: WORLD_PASSWORD }, token);
    expect(plain.headers.location).toBe('/admin');
    const again = new TestClient(t.app);
    const back = await again.postForm(
      '/login',
      { login: supervisorA.login, password: WORLD_PASSWORD, next: '/plany?q=alkohol' },
      csrfFromHtml((await again.get('/login')).body),
    );
    expect(back.headers.location).toBe('/plany?q=alkohol');
  });

  it('does not follow a sign-in redirect to another site', async () => {
    const client = new TestClient(t.app);
    const token = csrfFromHtml((await client.get('/login')).body);
    const response = await client.postForm(
      '/login',
      { login: nationalAdmin.login, password: WORLD_PASSWORD, next: '//evil.example/x' },
      token,
    );
    expect(response.headers.location).toBe('/admin');
    // A browser drops the tab and reads "//evil.example".
    const signedIn = await client.get('/login?next=%2F%09%2Fevil.example', { accept: 'text/html' });
    expect(signedIn.statusCode).toBe(303);
    expect(signedIn.headers.location).toBe('/admin');
    const anonymous = new TestClient(t.app);
    const form = await anonymous.postForm(
      '/login',
      { login: nationalAdmin.login, password: WORLD_PASSWORD, next: '/\t/evil.example' },
      csrfFromHtml((await anonymous.get('/login')).body),
    );
    expect(form.headers.location).toBe('/admin');
  });

  it('lets a user change their password, which ends their other sessions', async () => {
    const phone = new TestClient(t.app);
    const laptop = new TestClient(t.app);
    // Nobody else in this file signs in as this supervisor: the password changes for good.
    const owner = world.accounts.supervisorB;
    await phone.signIn(owner);
    await laptop.signIn(owner);
    const weak = await laptop.send('POST', '/api/v1/session/password', { currentPassword: WORLD_PASSWORD, newPassword: 'short' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.code).toBe('password_too_short');
    const wrongCurrent = await laptop.send('POST', '/api/v1/session/password', {
      currentPassword: 'nope nope nope',
      newPassword: 'nowe długie hasło 2026',
    });
    expect(wrongCurrent.statusCode).toBe(400);
    expect(wrongCurrent.json().error.code).toBe('wrong_current_password');
    const changed = await laptop.send('POST', '/api/v1/session/password', {
      currentPassword: WORLD_PASSWORD,
      newPassword: 'nowe długie hasło 2026',
    });
    expect(changed.statusCode).toBe(204);
    expect((await laptop.get('/api/v1/session')).statusCode).toBe(200);
    expect((await phone.get('/api/v1/session')).statusCode).toBe(401);
    expect((await new TestClient(t.app).signIn(owner, 'nowe długie hasło 2026')).statusCode).toBe(200);
  });

  it('sends pages that need a session to the sign-in form', async () => {
    const response = await new TestClient(t.app).get('/admin/accounts', { accept: 'text/html' });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/login?next=%2Fadmin%2Faccounts');
  });
});
