import type { FastifyBaseLogger } from 'fastify';
import type { Database } from '../../platform/db/database.js';
import type { ChangeBus } from '../../platform/events/changes.js';
import { runPeriodically, type Schedule } from '../../platform/events/periodic.js';
import { runRetention } from './erase.js';

export type RetentionSchedule = Schedule;

/** Hourly: the times are counted in days, so nothing stays more than an hour past its time. */
export const defaultRetentionSchedule: RetentionSchedule = { firstAfterMs: 5 * 60_000, everyMs: 3_600_000 };

/**
 * Runs the retention job in the app process, periodically. Every instance runs it; instances on
 * one database share the work without waiting for each other (FOR UPDATE SKIP LOCKED). Returns a
 * stop function that ends a run under way after its current batch and waits for it.
 */
export function scheduleRetention(
  database: Database,
  changes: ChangeBus,
  log?: FastifyBaseLogger,
  schedule = defaultRetentionSchedule,
): () => Promise<void> {
  const stopping = new AbortController();
  return runPeriodically(
    () =>
      runRetention(database, { signal: stopping.signal, changes })
        .then((done) => log?.info({ counts: done.counts, batches: done.batches, ms: done.ms }, 'retention run finished'))
        .catch((error: unknown) => log?.warn({ err: error }, 'retention run failed')),
    schedule,
    // A first run over a large backlog takes minutes: stop after its current batch.
    () => stopping.abort(),
  );
}
