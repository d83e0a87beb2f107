import type { FastifyBaseLogger } from 'fastify';
import type { Database } from '../../platform/db/database.js';
import type { ChangeBus } from '../../platform/events/changes.js';
import { runOncePerPeriod, type Schedule } from '../../platform/events/periodic.js';
import { runRetention } from './erase.js';
import type { FileStore } from '../../platform/files/store.js';

export type RetentionSchedule = Schedule;

/** Hourly: the times are counted in days, so nothing stays more than an hour past its time. */
export const defaultRetentionSchedule: RetentionSchedule = { firstAfterMs: 5 * 60_000, everyMs: 3_600_000 };

/**
 * Runs the retention job in the app process, periodically. Every instance schedules it and one of
 * them runs it each hour (job_runs); were two runs to meet, they share the work without waiting
 * for each other (FOR UPDATE SKIP LOCKED). `owner` is this instance's name. Returns a stop function
 * that ends a run under way after its current batch and waits for it.
 */
export function scheduleRetention(
  database: Database,
  changes: ChangeBus,
  options: { owner: string; log?: FastifyBaseLogger; schedule?: RetentionSchedule },
  /** Where report attachments are kept (their files go with the report's description). */
  files?: FileStore,
): () => Promise<void> {
  const { log, schedule = defaultRetentionSchedule } = options;
  const stopping = new AbortController();
  return runOncePerPeriod(
    { db: database.db, job: 'retention', owner: options.owner, log },
    () =>
      runRetention(database, { signal: stopping.signal, changes, files })
        .then((done) => log?.info({ counts: done.counts, batches: done.batches, ms: done.ms }, 'retention run finished'))
        .catch((error: unknown) => log?.warn({ err: error }, 'retention run failed')),
    schedule,
    // A first run over a large backlog takes minutes: stop after its current batch.
    () => stopping.abort(),
  );
}
