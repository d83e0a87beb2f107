import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MessagePort } from 'node:worker_threads';
import { AppError } from '../http/errors.js';
import type { Localized } from '../i18n/i18n.js';

/**
 * A job that runs in a document worker: the module file that default-exports it (made with
 * `workerJob`), with the types of its input and output. The file has the extension of the module
 * that names it: `.js` in dist/ (npm start), `.ts` under vitest, which runs the sources.
 */
export interface DocumentJob<In, Out> {
  readonly filename: string;
  /** Never set: carries the types. */
  readonly types?: (input: In) => Out;
}

export function documentJob<In, Out>(callerUrl: string, relativeModule: string): DocumentJob<In, Out> {
  const caller = fileURLToPath(callerUrl);
  return { filename: path.join(path.dirname(caller), `${relativeModule}${path.extname(caller)}`) };
}

/** What crosses back from the worker: AppErrors as plain data (a structured clone loses the class). */
export type JobOutcome<Out> =
  | { ok: true; value: Out }
  | { ok: false; error: { status: number; code: string; text: Localized; details: unknown; headers: Record<string, string> } };

/** What the pool sends: the input, and a port on which the worker says that the job has started. */
export interface JobMessage<In> {
  input: In;
  started: MessagePort;
}

/**
 * The default export of a worker module. It reports the start first, so the time limit counts
 * the job's own work, not the wait in the queue or the loading of the module.
 */
export function workerJob<In, Out>(run: (input: In) => Promise<Out> | Out): (message: JobMessage<In>) => Promise<JobOutcome<Out>> {
  return async ({ input, started }) => {
    started.postMessage('started');
    started.close();
    try {
      return { ok: true, value: await run(input) };
    } catch (error) {
      if (error instanceof AppError)
        return {
          ok: false,
          error: { status: error.status, code: error.code, text: error.text, details: error.details, headers: error.headers },
        };
      throw error;
    }
  };
}
