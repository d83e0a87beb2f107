import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../../../test/support/databases.js';
import { type TestApp, appOn, createTestApp } from '../../../test/support/app.js';
import { WORLD_PASSWORD } from '../../../test/support/world.js';
import { countHit, pruneHits } from './rate-limit-repository.js';

/**
 * Request limits count in the database (rate_limit_hits), so two app instances on one database
 * count a client once. Observed through the sign-in route's per-address limit (3 a minute here).
 */
describe.each(backends)('request limits shared by instances on %s', (backend) => {
  let a: TestApp;
  let b: TestApp;
  beforeAll(async () => {
    a = await createTestApp(backend, { LOGIN_RATE_LIMIT_PER_MINUTE: '3' });
    // A second app on the same database, as a second process behind the proxy would be.
    b = await appOn(a.testDb, { LOGIN_RATE_LIMIT_PER_MINUTE: '3' }, WORLD_PASSWORD);
  });
  afterAll(async () => {
    await b?.app.close();
    await a?.close();
  });
  const db = () => a.testDb.database.db;

  const signIn = (t: TestApp, remoteAddress: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/session',
      remoteAddress,
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ login: 'ktos.obcy', password: 'not the password' }),
    });

  it('refuses the request over the limit whichever instance it reaches, and only for that client', async () => {
    const statuses = [];
    for (const t of [a, b, a]) statuses.push((await signIn(t, '198.51.100.31')).statusCode);
    const over = await signIn(b, '198.51.100.31');
    expect(statuses).toEqual([401, 401, 401]);
    expect(over.statusCode).toBe(429);
    expect(over.json().error.code).toBe('too_many_requests');
    expect(Number(over.headers['retry-after'])).toBeGreaterThan(0);
    expect((await signIn(a, '198.51.100.32')).statusCode).toBe(401);
  });

  it('counts each route apart, and many requests at once exactly', async () => {
    const key = `test ${backend} concurrent`;
    const counts = await Promise.all(Array.from({ length: 40 }, () => countHit(db(), key, 60_000)));
    expect(counts.map((c) => c.count).sort((x, y) => x - y)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    expect(Math.max(...counts.map((c) => c.ttlMs))).toBeLessThanOrEqual(60_000);
    expect((await countHit(db(), `${key} other route`, 60_000)).count).toBe(1);
  });

  it('starts a new window after the last one ended, and prunes ended windows', async () => {
    const key = `test ${backend} ended`;
    await countHit(db(), key, 60_000);
    await countHit(db(), key, 60_000);
    await db()
      .updateTable('rate_limit_hits')
      .set({ window_end: new Date(Date.now() - 1000) })
      .where('key', '=', key)
      .execute();
    expect((await countHit(db(), key, 60_000)).count).toBe(1);
    await db()
      .updateTable('rate_limit_hits')
      .set({ window_end: new Date(Date.now() - 1000) })
      .where('key', '=', key)
      .execute();
    expect(await pruneHits(db())).toBeGreaterThanOrEqual(1);
    expect(await db().selectFrom('rate_limit_hits').select('key').where('key', '=', key).execute()).toEqual([]);
  });
});
