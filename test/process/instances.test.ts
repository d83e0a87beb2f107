import { afterAll, beforeAll, expect, it } from 'vitest';
import { processTestOptions, startAppAndWait, type RunningApp } from '../support/process.js';
import { createTestDatabase, describeOnServer, type TestDatabase } from '../support/databases.js';
import { fakeSmtp } from '../support/fake-smtp.js';
import { WORLD_PASSWORD, world } from '../support/world.js';
import { inTransaction, systemActor } from '../../src/platform/audit/actor.js';
import { queueMail } from '../../src/platform/mail/outbox.js';

/*
 * Two app processes on one PostgreSQL database behind a proxy (TRUST_PROXY=1: each request names
 * its client in X-Forwarded-For, so each test is a client of its own): what one process does, the
 * other sees, and what must happen once happens once.
 */
describeOnServer('two app instances on one PostgreSQL database', processTestOptions, () => {
  let t: TestDatabase;
  let a: RunningApp;
  let b: RunningApp;
  const smtp = fakeSmtp();

  beforeAll(async () => {
    const [database, smtpPort] = await Promise.all([createTestDatabase('postgres', { world: true }), smtp.listen()]);
    t = database;
    const env = {
      DATABASE_URL: t.url!,
      DEMO_DATA: 'false',
      TRUST_PROXY: '1',
      LOGIN_RATE_LIMIT_PER_MINUTE: '4',
      SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
      // The jobs' first tick soon after start (an hour's period): the test sees which instance ran it.
      JOB_FIRST_RUN_SECONDS: '3',
      LOG_LEVEL: 'info',
    };
    [a, b] = await Promise.all([startAppAndWait(env), startAppAndWait(env)]);
  });
  afterAll(async () => {
    await Promise.all([a?.stop('SIGKILL'), b?.stop('SIGKILL')]);
    await smtp.close();
    await t?.drop();
  });

  const request = (app: RunningApp, client: string, path: string, init: RequestInit = {}) =>
    fetch(`${app.url}${path}`, { ...init, headers: { 'x-forwarded-for': client, ...(init.headers as Record<string, string>) } });
  const json = (body: unknown) => ({ 'content-type': 'application/json', body: JSON.stringify(body) });
  const post = (app: RunningApp, client: string, path: string, body: unknown, headers: Record<string, string> = {}) => {
    const { body: text, ...type } = json(body);
    return request(app, client, path, { method: 'POST', body: text, headers: { ...type, ...headers } });
  };
  /** Signs in on `app`; the session's cookie and CSRF token. */
  async function signIn(app: RunningApp, client: string, login: string) {
    const response = await post(app, client, '/api/v1/session', { login, password: WORLD_PASSWORD });
    expect(response.status).toBe(200);
    const cookie = response.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    return { cookie, csrf: ((await response.json()) as { csrfToken: string }).csrfToken };
  }

  it('takes a session signed in on one instance, with its CSRF token, on the other', async () => {
    const client = '198.51.100.41';
    const session = await signIn(a, client, world.accounts.nationalAdmin.login);
    const me = await request(b, client, '/api/v1/session', { headers: { cookie: session.cookie } });
    expect(me.status).toBe(200);
    expect(((await me.json()) as { account: { login: string } }).account.login).toBe(world.accounts.nationalAdmin.login);
    // A write on the other instance: refused without the token, done with the one the first instance gave.
    const account = await t.database.db
      .selectFrom('accounts')
      .select('id')
      .where('login', '=', world.accounts.supervisorC.login)
      .executeTakeFirstOrThrow();
    const rename = (headers: Record<string, string>) => {
      const { body, ...type } = json({ displayName: 'Zmieniona Nazwa' });
      return request(b, client, `/api/v1/accounts/${account.id}`, { method: 'PATCH', body, headers: { ...type, ...headers } });
    };
    expect((await rename({ cookie: session.cookie })).status).toBe(403);
    expect((await rename({ cookie: session.cookie, 'x-csrf-token': session.csrf })).status).toBe(200);
  });

  it('counts a client’s sign-in attempts once across instances', async () => {
    const client = '198.51.100.42';
    const attempt = (app: RunningApp) => post(app, client, '/api/v1/session', { login: 'nikt.taki', password: 'zgadywane' });
    const statuses = [];
    for (const app of [a, b, a, b]) statuses.push((await attempt(app)).status);
    expect(statuses).toEqual([401, 401, 401, 401]);
    const over = await attempt(a);
    expect(over.status).toBe(429);
    expect(((await over.json()) as { error: { code: string } }).error.code).toBe('too_many_requests');
    // Another client is not held back.
    expect((await post(b, '198.51.100.43', '/api/v1/session', { login: 'nikt.taki', password: 'x' })).status).toBe(401);
  });

  it('sends each queued e-mail once, whichever instance claims it', async () => {
    const count = 40;
    await inTransaction(t.database.db, systemActor('test'), async (trx) => {
      for (let i = 0; i < count; i++) await queueMail(trx, { to: `odbiorca${i}@example.com`, subject: `Jednorazowa ${i}`, text: 'x' });
    });
    const ours = () => smtp.received.filter((m) => /^Subject: Jednorazowa /m.test(m.data));
    await expect.poll(() => ours().length, { timeout: 30_000 }).toBeGreaterThanOrEqual(count);
    await expect
      .poll(async () => (await t.database.db.selectFrom('outbox').select('id').where('sent_at', 'is', null).execute()).length)
      .toBe(0);
    const subjects = ours().map((m) => /^Subject: (.*)$/m.exec(m.data)![1]);
    expect(subjects).toHaveLength(count);
    expect(new Set(subjects).size).toBe(count);
  });

  it('runs a scheduled job on one instance in a period', async () => {
    const ran = (app: RunningApp) => app.output().includes('retention run finished');
    const leftToOther = (app: RunningApp) => /"job":"retention".*left to another instance/.test(app.output());
    await expect.poll(() => [a, b].filter((app) => ran(app) || leftToOther(app)).length, { timeout: 60_000 }).toBe(2);
    const runs = await t.database.db.selectFrom('audit_log').select('at').where('action', '=', 'retention.erase').execute();
    // One run per period (the clock's hour). Both instances tick seconds apart, so when an hour
    // begins between their ticks each runs in its own period; otherwise one leaves it to the other.
    const periods = new Set(runs.map((run) => Math.floor(new Date(run.at).getTime() / 3_600_000)));
    expect(periods.size).toBe(runs.length);
    expect([a, b].filter(ran)).toHaveLength(runs.length);
    if (runs.length === 1) expect([a, b].filter(leftToOther)).toHaveLength(1);
    else expect(runs).toHaveLength(2);
  });

  it('shows a change made through one instance on the other’s public answers within seconds', async () => {
    const client = '198.51.100.44';
    const { id: planId } = await t.database.db
      .selectFrom('plans')
      .select('id')
      .where('district_id', '=', world.districts.a1.id)
      .where('status', '=', 'in_progress')
      .executeTakeFirstOrThrow();
    const status = async () => /Stan: <strong[^>]*>([^<]+)</.exec(await (await request(b, client, `/plany/${planId}`)).text())?.[1];
    // The page is in the other instance's cache (kept 30 s) before the change.
    expect(await status()).toBe('w realizacji');
    const supervisor = await signIn(a, client, world.supervisorOf.a.login);
    const evaluated = await post(
      a,
      client,
      `/api/v1/plans/${planId}/transitions`,
      { transition: 'evaluate', evaluation: { baseline: 10, period: 7 } },
      {
        cookie: supervisor.cookie,
        'x-csrf-token': supervisor.csrf,
      },
    );
    expect(evaluated.status).toBe(200);
    await expect.poll(status, { timeout: 10_000 }).toBe('oceniony');

    // The register: the district's officer renamed through one, found by the other's locator.
    const { point } = world.districts.a1;
    const officer = await t.database.db
      .selectFrom('officers')
      .select('id')
      .where('last_name', '=', world.districts.a1.officer.lastName)
      .executeTakeFirstOrThrow();
    const admin = await signIn(a, client, world.accounts.nationalAdmin.login);
    const { body, ...type } = json({ lastName: 'Przemianowana' });
    const renamed = await request(a, client, `/api/v1/officers/${officer.id}`, {
      method: 'PATCH',
      body,
      headers: { ...type, cookie: admin.cookie, 'x-csrf-token': admin.csrf },
    });
    expect(renamed.status).toBe(200);
    await expect
      .poll(async () => (await request(b, client, `/api/v1/locate?lat=${point.lat}&lon=${point.lon}`)).text(), { timeout: 10_000 })
      .toContain('Przemianowana');
  });
});
