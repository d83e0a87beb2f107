import type { FastifyBaseLogger } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, createTestDatabase, type TestDatabase } from '../../../test/support/databases.js';
import { claimPeriod, finishPeriod } from './job-runs-repository.js';
import { runOncePerPeriod } from './periodic.js';

/** A scheduled job on several instances of one database: each period's run on one of them. */
describe.each(backends)('jobs run once per period across instances on %s', (backend) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(backend);
  });
  afterAll(() => t?.drop());
  const db = () => t.database.db;
  const HOUR = 3_600_000;

  it('lets the first claim of a period run and refuses the others, finished or not', async () => {
    const job = `claims-${backend}`;
    const first = await claimPeriod(db(), job, 'a', HOUR, 60_000);
    expect(first).toBe(Math.floor(Date.now() / HOUR));
    expect(await claimPeriod(db(), job, 'b', HOUR, 60_000)).toBeNull();
    await finishPeriod(db(), job, 'a', first!);
    expect(await claimPeriod(db(), job, 'b', HOUR, 60_000)).toBeNull();
  });

  it('takes over a period whose run died once its lease is over, and the next period after a finished run', async () => {
    const job = `leases-${backend}`;
    const period = (await claimPeriod(db(), job, 'a', HOUR, 60_000))!;
    // The instance of 'a' died mid-run: its lease runs out.
    await db()
      .updateTable('job_runs')
      .set({ lease_until: new Date(Date.now() - 1000) })
      .where('job', '=', job)
      .execute();
    expect(await claimPeriod(db(), job, 'b', HOUR, 60_000)).toBe(period);
    await finishPeriod(db(), job, 'b', period);
    // The row as an hour later would find it: the last run was of the period before.
    await db()
      .updateTable('job_runs')
      .set({ period: period - 1 })
      .where('job', '=', job)
      .execute();
    expect(await claimPeriod(db(), job, 'a', HOUR, 60_000)).toBe(period);
  });

  it('runs a job ticking on three instances once in the period', async () => {
    const job = `ticks-${backend}`;
    let runs = 0;
    let leftToOthers = 0;
    // The job's log says when a tick found the period taken.
    const log = { info: () => leftToOthers++, warn: (entry: unknown) => expect.fail(String(entry)) } as unknown as FastifyBaseLogger;
    const stops = ['a', 'b', 'c'].map((owner) =>
      runOncePerPeriod(
        { db: db(), job, owner, log },
        () => {
          runs++;
          return Promise.resolve();
        },
        { firstAfterMs: 1, everyMs: HOUR },
      ),
    );
    await expect.poll(() => runs + leftToOthers).toBe(3);
    await Promise.all(stops.map((stop) => stop()));
    expect(runs).toBe(1);
  });
});
