import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../../../test/support/databases.js';
import { type TestApp, createTestApp } from '../../../test/support/app.js';

/**
 * Which address the per-client limits count, behind a reverse proxy and without one. Observed
 * through the sign-in route (its per-address limit, 2 a minute here) and the audit log, which
 * records the address of every failed sign-in.
 */
describe.each(backends)('the client address for limits on %s', (backend) => {
  const apps: TestApp[] = [];
  const start = async (env: Record<string, string>) => {
    const t = await createTestApp(backend, { LOGIN_RATE_LIMIT_PER_MINUTE: '2', ...env });
    apps.push(t);
    return t;
  };
  afterAll(async () => {
    for (const t of apps) await t.close();
  });

  const signIn = (t: TestApp, remoteAddress: string, forwardedFor?: string, login = 'kto.to') =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/session',
      remoteAddress,
      headers: { 'content-type': 'application/json', ...(forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}) },
      payload: JSON.stringify({ login, password: 'not the password' }),
    });
  /** The address a failed sign-in from `remoteAddress` with this header is recorded (and limited) under. */
  const seenAs = async (t: TestApp, remoteAddress: string, forwardedFor: string, login: string) => {
    expect((await signIn(t, remoteAddress, forwardedFor, login)).statusCode).toBe(401);
    const rows = await t.testDb.database.db.selectFrom('audit_log').select('ip').where('entity_id', '=', login).execute();
    return rows.map((r) => r.ip);
  };

  describe('behind one proxy that appends to X-Forwarded-For (TRUST_PROXY=1)', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await start({ TRUST_PROXY: '1' });
    });

    it('takes the address the proxy saw, whatever the client wrote before it', async () => {
      expect(await seenAs(t, '10.0.0.1', '6.6.6.6, 198.51.100.7', 'jeden.hop')).toEqual(['198.51.100.7']);
    });

    it('refuses a forwarded client address that is not an IP address (the app reached around its proxy), storing nothing', async () => {
      for (const forged of ['garbage', '1.2.3.4, not-an-ip', '999.1.1.1']) {
        const response = await signIn(t, '10.0.0.1', forged, 'zly.adres');
        expect(response.statusCode, forged).toBe(400);
        expect(response.json().error.code).toBe('invalid_client_address');
        expect(response.json().error.message).toContain('X-Forwarded-For');
      }
      expect(await t.testDb.database.db.selectFrom('audit_log').select('ip').where('entity_id', '=', 'zly.adres').execute()).toEqual([]);
    });

    it('keeps a client inside its limit however it forges the header', async () => {
      expect((await signIn(t, '10.0.0.1', '1.1.1.1, 198.51.100.8')).statusCode).toBe(401);
      expect((await signIn(t, '10.0.0.1', '2.2.2.2, 198.51.100.8')).statusCode).toBe(401);
      const third = await signIn(t, '10.0.0.1', '3.3.3.3, 4.4.4.4, 198.51.100.8');
      expect(third.statusCode).toBe(429);
      expect(third.json().error.code).toBe('too_many_requests');
      expect((await signIn(t, '10.0.0.1', '198.51.100.9')).statusCode).toBe(401);
    });
  });

  describe('behind listed proxies (TRUST_PROXY=10.0.0.0/8)', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await start({ TRUST_PROXY: '10.0.0.0/8' });
    });

    it('walks back through the trusted proxies to the address the last of them saw', async () => {
      expect(await seenAs(t, '10.0.0.1', 'forged.example, 6.6.6.6, 198.51.100.7, 10.0.0.2', 'lista')).toEqual(['198.51.100.7']);
    });

    it('ignores the header of a client that reaches the app directly', async () => {
      expect(await seenAs(t, '203.0.113.5', '10.0.0.7', 'bezposrednio')).toEqual(['203.0.113.5']);
    });
  });

  describe('without a proxy (the default)', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await start({});
    });

    it('ignores X-Forwarded-For', async () => {
      expect(await seenAs(t, '203.0.113.6', '198.51.100.7', 'bez.proxy')).toEqual(['203.0.113.6']);
    });

    it('counts two addresses of one IPv6 /64 against one route limit, and another /64 apart', async () => {
      expect((await signIn(t, '2001:db8:5:6::1')).statusCode).toBe(401);
      expect((await signIn(t, '2001:db8:5:6:aaaa::2')).statusCode).toBe(401);
      expect((await signIn(t, '2001:db8:5:6::3')).statusCode).toBe(429);
      expect((await signIn(t, '2001:db8:5:7::1')).statusCode).toBe(401);
    });
  });
});
