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
