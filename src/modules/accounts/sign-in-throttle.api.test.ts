import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, describeOnServer } from '../../../test/support/databases.js';
import { TestClient, createTestApp, type TestApp } from '../../../test/support/app.js';
import { makePerson } from '../../../test/support/factories.js';
import { WORLD_PASSWORD, world } from '../../../test/support/world.js';

// The per-IP limit of the sign-in routes is another mechanism (tested in server.api.test.ts): out of the way here.
const env = { LOGIN_RATE_LIMIT_PER_MINUTE: '10000' };
const PASSWORD = WORLD_PASSWORD;
/** Each test guesses at an account of its own: a login's failures from one source are the test's alone. */
const { nationalAdmin, voivodeshipAdmin, supervisorB, officerA2, supervisorC, officerB1 } = world.accounts;

function helpers(t: () => TestApp) {
  const from = (remoteAddress: string) => new TestClient(t().app, { remoteAddress, headers: { 'accept-language': 'en' } });
  const attempt = (remoteAddress: string, login: string, password: string) =>
    from(remoteAddress).send('POST', '/api/v1/session', { login, password });
  const db = () => t().testDb.database.db;
  const audit = (action: string, login: string) =>
    db().selectFrom('audit_log').selectAll().where('action', '=', action).where('entity_id', '=', login).execute();
  const mailTo = (address: string) => db().selectFrom('outbox').selectAll().where('recipient', '=', address).execute();
  return { from, attempt, db, audit, mailTo };
}

describe.each(backends)('sign-in throttling per login and source on %s', (backend) => {
  let t: TestApp;
  const { attempt, db, audit, mailTo } = helpers(() => t);
  const failFiveTimes = async (ip: string, login: string) => {
    for (let i = 0; i < 5; i++) expect((await attempt(ip, login, `wrong guess ${i}`)).statusCode).toBe(401);
  };

  beforeAll(async () => {
    // Two officers of their own: one with an e-mail to tell, one without.
    t = await createTestApp(backend, env, async (trx) => {
      for (const [login, email] of [
        ['z.mailem', 'z.mailem@policja.example'],
        ['bez.maila', null],
      ] as const) {
        await makePerson(trx, { login, displayName: login, role: 'officer', unitId: world.units.c.id, email });
      }
    });
  });
  afterAll(() => t.close());

  it('slows down the guessing source but lets the owner sign in from elsewhere', async () => {
    await failFiveTimes('203.0.113.10', nationalAdmin.login);
    const blocked = await attempt('203.0.113.10', nationalAdmin.login, PASSWORD);
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().error.code).toBe('too_many_attempts');
    const retryAfter = Number(blocked.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(25);
    expect(retryAfter).toBeLessThanOrEqual(30);
    expect((await attempt('198.51.100.20', nationalAdmin.login, PASSWORD)).statusCode).toBe(200);
    // The owner's success elsewhere does not free the guessing source.
    expect((await attempt('203.0.113.10', nationalAdmin.login, 'one more guess')).statusCode).toBe(429);
  });

  it('counts every address of one IPv6 /64 as one source, and keeps other /64s apart', async () => {
    await failFiveTimes('2001:db8:1:2::1', supervisorB.login);
    expect((await attempt('2001:db8:1:2:ffff::9', supervisorB.login, PASSWORD)).statusCode).toBe(429);
    expect((await attempt('2001:db8:1:3::1', supervisorB.login, PASSWORD)).statusCode).toBe(200);
  });

  it('doubles the wait after each failure past the free ones, counted from the last failure', async () => {
    await failFiveTimes('203.0.113.11', officerA2.login);
    const pastWait = (seconds: number) =>
      sql`update login_attempts set last_failure_at = last_failure_at - make_interval(secs => ${seconds})
          where login_key = ${officerA2.login} and source = '203.0.113.11'`.execute(db());
    await pastWait(31);
    expect((await attempt('203.0.113.11', officerA2.login, 'sixth guess')).statusCode).toBe(401);
    const next = await attempt('203.0.113.11', officerA2.login, 'seventh guess');
    expect(next.statusCode).toBe(429);
    expect(Number(next.headers['retry-after'])).toBeGreaterThan(55);
    await pastWait(61);
    expect((await attempt('203.0.113.11', officerA2.login, PASSWORD)).statusCode).toBe(200);
    // A success clears the source: five free attempts again.
    await failFiveTimes('203.0.113.11', officerA2.login);
  });

  it('keeps failed and throttled sign-ins in the audit log with their source', async () => {
    await failFiveTimes('203.0.113.12', supervisorC.login);
    expect((await attempt('203.0.113.12', supervisorC.login, 'too soon')).statusCode).toBe(429);
    const failed = await audit('auth.login_failed', supervisorC.login);
    expect(failed).toHaveLength(5);
    expect(failed[0]).toMatchObject({ ip: '203.0.113.12', after: { reason: 'wrong_password', source: '203.0.113.12' } });
    const throttled = await audit('auth.login_throttled', supervisorC.login);
    expect(throttled).toHaveLength(1);
    expect(throttled[0]).toMatchObject({ ip: '203.0.113.12', after: { source: '203.0.113.12', retryAfterSeconds: expect.any(Number) } });
  });

  it('tells the account holder once per burst, counting failures from every source', async () => {
    for (let i = 0; i < 4; i++) expect((await attempt(`203.0.113.${20 + i}`, 'z.mailem', `guess ${i}`)).statusCode).toBe(401);
    expect(await mailTo('z.mailem@policja.example')).toHaveLength(0);
    expect((await attempt('203.0.113.24', 'z.mailem', 'guess 4')).statusCode).toBe(401);
    const [mail, ...more] = await mailTo('z.mailem@policja.example');
    expect(more).toHaveLength(0);
    expect(mail!.subject).toContain('z.mailem');
    expect(mail!.body).toContain('5 nieudanych prób logowania');
    expect(mail!.body).toContain('5 failed sign-in attempts');
    for (let i = 0; i < 6; i++) await attempt(`203.0.113.${30 + i}`, 'z.mailem', `guess ${i}`);
    expect(await mailTo('z.mailem@policja.example')).toHaveLength(1);
    // The account still works for its owner.
    expect((await attempt('198.51.100.21', 'z.mailem', PASSWORD)).statusCode).toBe(200);
  });

  it('sends nothing for an account without an e-mail or a login that does not exist', async () => {
    const before = await db().selectFrom('outbox').select(db().fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    for (let i = 0; i < 6; i++) {
      await attempt(`203.0.113.${40 + i}`, 'bez.maila', `guess ${i}`);
      await attempt(`203.0.113.${40 + i}`, 'nie.ma.takiego', `guess ${i}`);
    }
    const after = await db().selectFrom('outbox').select(db().fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('treats a login that does not exist exactly like one that does', async () => {
    const answers = async (login: string) => {
      const responses = [];
      for (let i = 0; i < 6; i++) responses.push(await attempt('203.0.113.50', login, `guess ${i}`));
      return responses.map((r) => ({ status: r.statusCode, body: r.json(), retry: r.headers['retry-after'] !== undefined }));
    };
    const existing = await answers(officerB1.login);
    const missing = await answers('ktos.nieznany');
    const withoutWait = (a: { body: { error: { message: string; details?: unknown } } }) => ({
      ...a,
      body: {
        ...a.body,
        error: { ...a.body.error, details: undefined, message: a.body.error.message.replace(/\d+ seconds?/, 'N seconds') },
      },
    });
    expect(missing.map(withoutWait)).toEqual(existing.map(withoutWait));
    expect(existing.at(-1)!.status).toBe(429);
  });
});

describeOnServer('sign-in throttling under parallel attempts on the PostgreSQL server', () => {
  let t: TestApp;
  const { attempt, audit } = helpers(() => t);
  beforeAll(async () => {
    t = await createTestApp('postgres', env);
  });
  afterAll(() => t.close());

  it('lets exactly the free attempts reach the password check and counts each failure once', async () => {
    const responses = await Promise.all(
      Array.from({ length: 40 }, (_, i) => attempt('203.0.113.99', voivodeshipAdmin.login, `parallel guess ${i}`)),
    );
    const statuses = responses.map((r) => r.statusCode);
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(35);
    expect(await audit('auth.login_failed', voivodeshipAdmin.login)).toHaveLength(5);
    expect(await audit('auth.login_throttled', voivodeshipAdmin.login)).toHaveLength(35);
    const counter = await t.testDb.database.db
      .selectFrom('login_attempts')
      .select('failures')
      .where('login_key', '=', voivodeshipAdmin.login)
      .executeTakeFirstOrThrow();
    expect(counter.failures).toBe(5);
    // The owner, elsewhere, is not affected.
    expect((await attempt('198.51.100.30', voivodeshipAdmin.login, PASSWORD)).statusCode).toBe(200);
  });
});
