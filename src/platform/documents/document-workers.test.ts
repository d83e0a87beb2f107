import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import type { FixtureInput } from '../../../test/support/document-worker-fixture.js';
import { AppError } from '../http/errors.js';
import { DocumentWorkers, type DocumentWorkerOptions } from './document-workers.js';
import { documentJob } from './worker-job.js';

const fixture = documentJob<FixtureInput, string>(import.meta.url, '../../../test/support/document-worker-fixture');

let pools: DocumentWorkers[] = [];
function workers(options: Partial<DocumentWorkerOptions> = {}): DocumentWorkers {
  const pool = new DocumentWorkers({ threads: 1, queue: 4, memoryMb: 96, timeLimitMs: 60_000, ...options });
  pools.push(pool);
  return pool;
}
afterEach(async () => {
  await Promise.all(pools.map((p) => p.close()));
  pools = [];
});

/** A job that loops for ever once started, with a promise that resolves when it has started. */
function spin(pool: DocumentWorkers) {
  const flag = new Int32Array(new SharedArrayBuffer(4));
  const outcome = pool.run(fixture, { kind: 'spin', flag }).then(
    () => null,
    (error: unknown) => error,
  );
  const started = (async () => {
    while (Atomics.load(flag, 0) === 0) await sleep(5);
  })();
  return { outcome, started };
}

describe('document workers', () => {
  it('runs a job in a worker; its AppError comes back as an AppError', async () => {
    const pool = workers();
    expect(await pool.run(fixture, { kind: 'echo', text: 'zażółć' })).toBe('echo: zażółć');
    const failed = await pool.run(fixture, { kind: 'fail' }).catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(AppError);
    expect(failed).toMatchObject({ status: 422, code: 'fixture_failed', details: { why: 'asked to' } });
  });

  it('keeps the request thread free while a job runs, and closing stops the job with a 503', async () => {
    const pool = workers({ threads: 2 });
    const endless = spin(pool);
    await endless.started;
    // The job never ends, so everything below runs while it runs on another thread.
    let ticks = 0;
    for (let i = 0; i < 5; i++) {
      await sleep(1);
      ticks++;
    }
    expect(ticks).toBe(5);
    expect(await pool.run(fixture, { kind: 'echo', text: 'obok' })).toBe('echo: obok');
    await pool.close();
    expect(await endless.outcome).toMatchObject({ status: 503, code: 'shutting_down' });
    await expect(pool.run(fixture, { kind: 'echo', text: 'po' })).rejects.toMatchObject({ status: 503, code: 'shutting_down' });
  });

  it('stops a job at its time limit with a 422, and the next job runs on a fresh worker', async () => {
    const pool = workers({ timeLimitMs: 200 });
    const endless = spin(pool);
    const problem = await endless.outcome;
    expect(problem).toBeInstanceOf(AppError);
    expect(problem).toMatchObject({ status: 422, code: 'document_too_complex', details: { limit: 'time', max: 200 } });
    expect((problem as AppError).text.pl).toContain('limit czasu 1 s');
    expect(await pool.run(fixture, { kind: 'echo', text: 'dalej' })).toBe('echo: dalej');
  });

  it('runs the jobs that waited behind a job stopped at its time limit, without another upload to wake it', async () => {
    const pool = workers({ timeLimitMs: 200 });
    const endless = spin(pool);
    await endless.started;
    const waiting = [pool.run(fixture, { kind: 'echo', text: 'pierwszy' }), pool.run(fixture, { kind: 'echo', text: 'drugi' })];
    expect(await endless.outcome).toMatchObject({ status: 422, code: 'document_too_complex' });
    expect(await Promise.all(waiting)).toEqual(['echo: pierwszy', 'echo: drugi']);
  });

  it('stops a worker at its memory cap with a 413, and the next job runs on a fresh worker', async () => {
    const pool = workers({ memoryMb: 48 });
    const problem = await pool.run(fixture, { kind: 'hog' }).catch((e: unknown) => e);
    expect(problem).toBeInstanceOf(AppError);
    expect(problem).toMatchObject({ status: 413, code: 'document_too_large', details: { limit: 'memory', max: 48 * 1024 * 1024 } });
    expect((problem as AppError).text.en).toContain('memory limit of 48 MB');
    expect(await pool.run(fixture, { kind: 'echo', text: 'dalej' })).toBe('echo: dalej');
  });

  it('answers 503 with Retry-After when every worker is busy and the queue is full', async () => {
    const pool = workers({ threads: 1, queue: 1, timeLimitMs: 30_000 });
    const running = spin(pool);
    await running.started;
    const queued = pool.run(fixture, { kind: 'echo', text: 'w kolejce' }).catch((e: unknown) => e);
    const refused = await pool.run(fixture, { kind: 'echo', text: 'za dużo' }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect(refused).toMatchObject({
      status: 503,
      code: 'server_busy',
      details: { retryAfterSeconds: 30 },
      headers: { 'retry-after': '30' },
    });
    await pool.close();
    expect(await queued).toMatchObject({ status: 503, code: 'shutting_down' });
    expect(await running.outcome).toMatchObject({ status: 503, code: 'shutting_down' });
  });
});
