import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../../../test/support/databases.js';
import { TestClient, csrfFromHtml, type TestApp, createTestApp } from '../../../test/support/app.js';
import { world } from '../../../test/support/world.js';
import { projectRoot } from '../config/config.js';

/** A multipart body as `curl -F file=@plan.txt` sends it. */
function fileUpload(name: string, content: string) {
  const boundary = '------------------------dzielnicowy0123456789';
  const body = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: text/plain\r\n\r\n${content}\r\n--${boundary}--\r\n`;
  return { payload: Buffer.from(body), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
const plan = readFileSync(path.join(projectRoot, 'resources', 'seeds', '001_d1ba7e184d5e79e5.txt'), 'utf8');

describe.each(backends)('CSRF tokens on %s', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(backend);
  });
  afterAll(() => t.close());

  /** A request with exactly these cookies and token, as a forger would assemble it. */
  const forged = (cookies: Map<string, string>, token: string | null, method: 'DELETE' | 'POST' = 'DELETE', url = '/api/v1/session') =>
    t.app.inject({
      method,
      url,
      headers: { cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; '), ...(token ? { 'x-csrf-token': token } : {}) },
    });

  it('does not accept a token from an anonymous page with a session', async () => {
    const attacker = new TestClient(t.app);
    const anonymousToken = csrfFromHtml((await attacker.get('/login')).body);
    const victim = new TestClient(t.app);
    await victim.signIn(world.accounts.supervisorA.login);
    // The victim's session cookie with the attacker's CSRF cookie and token (planted cookie).
    const cookies = new Map([
      ['dz_session', victim.cookies.get('dz_session')!],
      ['dz_csrf', attacker.cookies.get('dz_csrf')!],
    ]);
    const response = await forged(cookies, anonymousToken);
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('csrf_invalid');
    expect((await victim.get('/api/v1/session')).statusCode).toBe(200);
  });

  it("does not accept one person's token with another person's session", async () => {
    const mallory = new TestClient(t.app);
    await mallory.signIn(world.accounts.officerB1.login);
    const victim = new TestClient(t.app);
    await victim.signIn(world.accounts.officerA1.login);
    const cookies = new Map([
      ['dz_session', victim.cookies.get('dz_session')!],
      ['dz_csrf', mallory.cookies.get('dz_csrf')!],
    ]);
    expect((await forged(cookies, mallory.csrfToken)).statusCode).toBe(403);
    // The same token with its own session works.
    const own = new Map([
      ['dz_session', mallory.cookies.get('dz_session')!],
      ['dz_csrf', mallory.cookies.get('dz_csrf')!],
    ]);
    expect((await forged(own, mallory.csrfToken)).statusCode).toBe(204);
  });

  it('gives the forms after sign-in a fresh token; the one from before no longer works', async () => {
    const browser = new TestClient(t.app);
    const before = csrfFromHtml((await browser.get('/login')).body);
    const signedIn = await browser.postForm(
      '/login',
      { login: world.accounts.supervisorB.login, password: world.password, next: '/account' },
      before,
    );
    expect(signedIn.statusCode).toBe(303);
    const stale = await browser.postForm('/logout', {}, before);
    expect(stale.statusCode).toBe(403);
    expect(stale.body).toContain('Formularz wygasł');
    const fresh = csrfFromHtml((await browser.get('/account')).body);
    expect(fresh).not.toBe(before);
    const { csrfToken } = (await browser.get('/api/v1/session')).json();
    expect(
      (
        await browser.send(
          'POST',
          '/api/v1/session/password',
          { currentPassword: 'wrong one', newPassword: 'nowe długie hasło 2027' },
          { 'x-csrf-token': csrfToken },
        )
      ).statusCode,
    ).toBe(400);
    expect((await browser.postForm('/logout', {}, fresh)).statusCode).toBe(303);
  });

  it('takes an API upload without a session cookie with no token, as in the README (curl -F file=@plan.txt)', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/v1/plans/parse', ...fileUpload('plan.txt', plan) });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ period: { from: expect.any(String), to: expect.any(String) } });
  });

  it('asks for the token on an API upload that carries the session cookie', async () => {
    const officer = new TestClient(t.app);
    await officer.signIn(world.accounts.officerA1.login);
    const upload = fileUpload('plan.txt', plan);
    const without = await officer.request({
      method: 'POST',
      url: '/api/v1/plans/parse',
      payload: upload.payload,
      headers: upload.headers,
      csrf: false,
    });
    expect(without.statusCode).toBe(403);
    expect(without.json().error.code).toBe('csrf_invalid');
    const withToken = await officer.request({
      method: 'POST',
      url: '/api/v1/plans/parse',
      payload: upload.payload,
      headers: upload.headers,
    });
    expect(withToken.statusCode).toBe(200);
  });

  it('signs in through the API only with JSON, which another site cannot send (login CSRF)', async () => {
    const fields = new URLSearchParams({ login: world.accounts.nationalAdmin.login, password: world.password }).toString();
    for (const type of ['application/x-www-form-urlencoded', 'text/plain']) {
      const response = await t.app.inject({ method: 'POST', url: '/api/v1/session', headers: { 'content-type': type }, payload: fields });
      expect(response.statusCode).toBe(415);
      expect(response.json().error.code).toBe('unsupported_media_type');
      expect(response.cookies.find((c) => c.name === 'dz_session')).toBeUndefined();
    }
    const multipart = await t.app.inject({ method: 'POST', url: '/api/v1/session', ...fileUpload('login.txt', 'admin') });
    expect(multipart.statusCode).toBe(415);
  });

  it('still asks for the token on the forms of public pages, without a session', async () => {
    const resident = new TestClient(t.app);
    const response = await resident.postForm('/zglos', { category: 'other', description: 'x' }, null);
    expect(response.statusCode).toBe(403);
    const urlencodedApi = await t.app.inject({
      method: 'POST',
      url: '/api/v1/plans/parse',
      headers: { 'content-type': 'text/plain' },
      payload: plan,
    });
    expect(urlencodedApi.statusCode).toBe(200);
  });
});
