import { sql, type KyselyPlugin } from 'kysely';
import { describe, expect, it } from 'vitest';
import { backends, createTestDatabase, type TestDatabase } from '../../../../test/support/databases.js';
import { makeCategory, makeReport } from '../../../../test/support/factories.js';
import { world } from '../../../../test/support/world.js';
import { createChangeBus } from '../../../platform/events/changes.js';
import type { Db } from '../../../platform/db/database.js';
import { PublicReports } from './public-reports.js';

/** The queries made through the handle it is plugged into, and the answers they got. */
function queryCounter() {
  const counts = { asked: 0, answered: 0 };
  const plugin: KyselyPlugin = {
    transformQuery: (args) => {
      counts.asked++;
      return args.node;
    },
    transformResult: (args) => {
      counts.answered++;
      return Promise.resolve(args.result);
    },
  };
  return { counts, plugin };
}

/**
 * Holds the reports and the audit log locked (and, on PGlite, its only connection) until `release()`:
 * the index's load then waits for its first answer, deterministically.
 */
async function holdDatabase(db: Db): Promise<{ release(): Promise<void> }> {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let locked!: () => void;
  const isLocked = new Promise<void>((resolve) => (locked = resolve));
  const holder = db.transaction().execute(async (trx) => {
    await sql`lock table audit_log, reports in access exclusive mode`.execute(trx);
    locked();
    await released;
  });
  await isLocked;
  return {
    async release() {
      release();
      await holder;
    },
  };
}

describe.each(backends)('stopping the report index while it loads, on %s', (backend) => {
  interface Waiting {
    testDb: TestDatabase;
    hold: Awaited<ReturnType<typeof holdDatabase>>;
    reports: PublicReports;
  }

  /** An index started on a database with two reports, held (holdDatabase): its load waits for its first answer. */
  async function whileTheLoadWaits(work: (waiting: Waiting) => Promise<void>, handle = (db: Db): Db => db): Promise<void> {
    const testDb = await createTestDatabase(backend, { world: true });
    let hold: Waiting['hold'] | undefined;
    try {
      await makeCategory(testDb.database.db, 'feed-test');
      await makeReport(testDb.database.db, world.units.a.id, world.districts.a1.id);
      await makeReport(testDb.database.db, world.units.b.id, world.districts.b1.id);
      hold = await holdDatabase(testDb.database.db);
      const reports = new PublicReports(handle(testDb.database.db), createChangeBus(), { pollMs: 0, batchSize: 1 });
      reports.start();
      await work({ testDb, hold, reports });
    } finally {
      await hold?.release();
      await testDb.drop();
    }
  }

  it('stops waiting for the load at once, and reads nothing after its answer', async () => {
    const { counts, plugin } = queryCounter();
    await whileTheLoadWaits(
      async ({ testDb, hold, reports }) => {
        // The database answers nothing until released: stop() must not wait for it.
        await reports.stop();
        expect(reports.ready).toBe(false);
        const askedAtStop = counts.asked;
        expect(askedAtStop).toBeGreaterThan(counts.answered);
        await hold.release();
        // The query under way gets its answer; nothing is loaded from it and nothing more is asked.
        await expect.poll(() => counts.answered).toBe(askedAtStop);
        await sql`select 1`.execute(testDb.database.db);
        await reports.refresh();
        expect(counts.asked).toBe(askedAtStop);
        expect(reports.ready).toBe(false);
        expect(reports.store.columns.n).toBe(0);
        // A stopped index still answers, from SQL.
        expect(await reports.count({})).toBe(2);
      },
      (db) => db.withPlugin(plugin),
    );
  });

  it('settles a load whose database was closed under it (the app can then close)', async () => {
    await whileTheLoadWaits(async ({ testDb, hold, reports }) => {
      // Closing waits for the holder's transaction; the load's query then never gets the database.
      const closing = testDb.database.close();
      await hold.release();
      await closing;
      await expect(reports.stop()).resolves.toBeUndefined();
      expect(reports.ready).toBe(false);
    });
  });

  it('loads again when started after a stop', async () => {
    await whileTheLoadWaits(async ({ hold, reports }) => {
      await reports.stop();
      await hold.release();
      reports.start();
      await reports.refresh();
      expect(reports.ready).toBe(true);
      expect(reports.store.columns.n).toBe(2);
      await reports.stop();
    });
  });
});
