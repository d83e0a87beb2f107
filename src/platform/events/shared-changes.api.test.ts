import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, describeOnServer, type TestDatabase } from '../../../test/support/databases.js';
import { openDatabase, type Database } from '../db/database.js';
import { recordEvent } from '../audit/record.js';
import { systemActor } from '../audit/actor.js';
import { createChangeBus, type ChangeTopic } from './changes.js';
import { shareChanges, type SharedChanges } from './shared-changes.js';

/*
 * Two instances on one PostgreSQL database, each with its own connection pool and change bus (as
 * two processes have): what one emits the other hears through NOTIFY, and while the other's
 * listening connection is gone it learns of changes from the audit log, and listens again.
 */
describeOnServer('change buses shared through the database', () => {
  let t: TestDatabase;
  let second: Database;
  const instances: { shared: SharedChanges; heard: ChangeTopic[] }[] = [];
  const start = (database: Database, name: string) => {
    const local = createChangeBus((error) => {
      throw error;
    });
    const heard: ChangeTopic[] = [];
    for (const topic of ['plans', 'reports', 'register'] as const) local.on(topic, () => heard.push(topic));
    const shared = shareChanges(local, database, { instance: name, pollMs: 100, retryMs: 300 });
    instances.push({ shared, heard });
    return { shared, heard };
  };

  beforeAll(async () => {
    t = await createTestDatabase('postgres');
    second = await openDatabase({ kind: 'postgres', url: t.url! });
  });
  afterAll(async () => {
    for (const { shared } of instances) await shared.stop();
    await second?.close();
    await t?.drop();
  });

  it('tells the other instance of a change, and its own listeners once', async () => {
    const a = start(t.database, 'a');
    const b = start(second, 'b');
    await Promise.all([a.shared.ready, b.shared.ready]);
    expect([a.shared.listening, b.shared.listening]).toEqual([true, true]);
    a.shared.bus.emit('plans');
    await expect.poll(() => b.heard).toEqual(['plans']);
    b.shared.bus.emit('register');
    await expect.poll(() => a.heard).toEqual(['plans', 'register']);
    // Its own notice came back to each: passed over (b heard only a's 'plans' and its own emit).
    expect(b.heard).toEqual(['plans', 'register']);
  });

  it('learns of changes from the audit log while its listening connection is lost, then listens again', async () => {
    const a = start(t.database, 'c');
    const b = start(second, 'd');
    await Promise.all([a.shared.ready, b.shared.ready]);
    const listeners = async () =>
      (
        await sql<{ pid: number }>`select pid from pg_stat_activity
          where datname = current_database() and query like 'LISTEN%' and pid <> pg_backend_pid()`.execute(t.database.db)
      ).rows.map((r) => r.pid);
    // Cut every listening connection (the server restarting, a proxy dropping idle connections).
    for (const pid of await listeners()) await sql`select pg_terminate_backend(${pid})`.execute(t.database.db);
    await expect.poll(() => b.shared.listening).toBe(false);
    b.heard.length = 0;
    // A change made while no notice can arrive: an audited write of another process.
    await recordEvent(t.database.db, systemActor('test'), { action: 'test.change', entityType: 'test', entityId: null, unitId: null });
    await expect.poll(() => b.heard, { timeout: 15_000 }).toEqual(expect.arrayContaining(['plans', 'reports', 'register']));
    await expect.poll(() => b.shared.listening, { timeout: 15_000 }).toBe(true);
    b.heard.length = 0;
    a.shared.bus.emit('reports');
    await expect.poll(() => b.heard).toContain('reports');
  });
});
