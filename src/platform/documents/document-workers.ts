import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { MessageChannel } from 'node:worker_threads';
import { Piscina } from 'piscina';
import { AppError } from '../http/errors.js';
import { documentTooComplex, documentTooLarge, documentsBusy, documentsClosed } from './document-errors.js';
import type { DocumentJob, JobMessage, JobOutcome } from './worker-job.js';

export interface DocumentWorkerOptions {
  /** Workers reading at once (each one a thread with its own heap). */
  threads: number;
  /** Documents waiting for a worker; one more is answered 503 with Retry-After. */
  queue: number;
  /** The V8 heap of one worker; a worker that needs more is stopped (413). */
  memoryMb: number;
  /** The time one job may take once started; a worker that takes longer is stopped (422). */
  timeLimitMs: number;
  /** Where a worker error that belongs to no job is reported. */
  onError?: (error: Error) => void;
}

/**
 * Reading uploaded documents off the request thread: a small pool (piscina) of worker threads
 * with a heap cap (resourceLimits) and a time limit per job. A worker that runs out of memory or
 * time is terminated and replaced; its job answers 413 or 422 and the next one runs on a fresh
 * worker. The queue is bounded, so a flood of uploads gets 503s instead of growing memory.
 *
 * Worker modules are TypeScript: built to .js for `npm start`, run from .ts by vitest. Node 20
 * cannot strip types, so when this file itself runs from .ts (tests), the workers load tsx (a dev
 * dependency) with `--import`; from dist/ they run plain .js with no loader.
 */
export class DocumentWorkers {
  private readonly pool: Piscina<JobMessage<unknown>, JobOutcome<unknown>>;
  private closed = false;
  /** Jobs running or waiting: counted here because piscina's maxQueue also counts starting workers. */
  private pending = 0;

  constructor(private readonly options: DocumentWorkerOptions) {
    const fromSources = import.meta.url.endsWith('.ts');
    this.pool = new Piscina({
      // All workers stay up. With fewer (piscina 5.3), a worker terminated at its time limit was not
      // replaced until the next upload arrived, and the jobs queued behind it waited until then.
      minThreads: options.threads,
      maxThreads: options.threads,
      resourceLimits: { maxOldGenerationSizeMb: options.memoryMb },
      execArgv: fromSources ? ['--import', pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href] : [],
    });
    this.pool.on('error', (error: Error) => options.onError?.(error));
  }

  /** Runs the job in a worker; its AppErrors (and the limits' 413/422/503) reject as AppErrors. */
  async run<In, Out>(job: DocumentJob<In, Out>, input: In, transferList: ArrayBuffer[] = []): Promise<Out> {
    if (this.closed) throw documentsClosed();
    if (this.pending >= this.options.threads + this.options.queue)
      throw documentsBusy(Math.max(1, Math.ceil(this.options.timeLimitMs / 1000)));
    this.pending++;
    const { port1, port2 } = new MessageChannel();
    const controller = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    port1.once('message', () => {
      timer = setTimeout(() => controller.abort('time'), this.options.timeLimitMs);
    });
    port1.unref();
    try {
      const outcome = await this.pool.run(
        { input, started: port2 },
        { filename: job.filename, signal: controller.signal, transferList: [port2, ...transferList] },
      );
      if (outcome.ok) return outcome.value as Out;
      const { status, code, text, details, headers } = outcome.error;
      throw new AppError(status, code, text, details, headers);
    } catch (error) {
      throw this.problemOf(error, controller.signal);
    } finally {
      this.pending--;
      clearTimeout(timer);
      port1.close();
    }
  }

  private problemOf(error: unknown, signal: AbortSignal): unknown {
    if (error instanceof AppError) return error;
    if (signal.aborted) return documentTooComplex(this.options.timeLimitMs);
    if ((error as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY')
      return documentTooLarge('memory', this.options.memoryMb * 1024 * 1024);
    if (this.closed) return documentsClosed();
    return error;
  }

  /** Stops every worker; jobs still queued or running answer 503. Called from the app's onClose. */
  async close(): Promise<void> {
    this.closed = true;
    await this.pool.destroy();
  }
}
