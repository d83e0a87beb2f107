import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../db/database.js';
import { claimPeriod, finishPeriod } from './job-runs-repository.js';

export interface Schedule {
  /** The first run, this long after start-up (not during the start-up rush). */
  firstAfterMs: number;
  everyMs: number;
}

/**
 * Runs `run` after `firstAfterMs`, then every `everyMs`, never two at once (a tick while a run is
 * under way is skipped). Timers do not keep the process alive. Returns a stop function that stops
 * the timers, calls `onStop` (to end a long run early) and waits for a run under way.
 */
export function runPeriodically(run: () => Promise<void>, schedule: Schedule, onStop?: () => void): () => Promise<void> {
  let running: Promise<void> | null = null;
  const tick = () => {
    running ??= run().finally(() => {
      running = null;
    });
  };
  const first = setTimeout(tick, schedule.firstAfterMs);
  const every = setInterval(tick, schedule.everyMs);
  first.unref();
  every.unref();
  return async () => {
    clearTimeout(first);
    clearInterval(every);
    onStop?.();
    await running;
  };
}

/** A job every instance schedules and one of them runs each period. */
export interface SharedJob {
  db: Db;
  /** Its name in job_runs. */
  job: string;
  /** This instance's name (newInstanceId). */
  owner: string;
  log?: FastifyBaseLogger;
}

/**
 * Like runPeriodically, on every instance of a database, but a period (`everyMs` of the clock,
 * the hour for an hourly job) is run by the first instance whose tick claims it (job_runs); the
 * others' ticks in that period do nothing. A run that dies is taken over in its period after its
 * lease (at most 10 minutes); one that outlives it may meet a second run, so a job must stay safe
 * to run twice at once (retention and reminders are).
 */
export function runOncePerPeriod(
  shared: SharedJob,
  run: () => Promise<void>,
  schedule: Schedule,
  onStop?: () => void,
): () => Promise<void> {
  const { db, job, owner, log } = shared;
  const leaseMs = Math.min(schedule.everyMs, 10 * 60_000);
  const claimed = async () => {
    let period: number | null;
    try {
      period = await claimPeriod(db, job, owner, schedule.everyMs, leaseMs);
    } catch (error) {
      log?.warn({ err: error, job }, 'scheduled job not claimed');
      return;
    }
    if (period === null) {
      log?.info({ job }, 'scheduled job left to another instance this period');
      return;
    }
    try {
      await run();
    } finally {
      await finishPeriod(db, job, owner, period).catch((error: unknown) =>
        log?.warn({ err: error, job }, 'scheduled job not marked finished'),
      );
    }
  };
  return runPeriodically(claimed, schedule, onStop);
}
