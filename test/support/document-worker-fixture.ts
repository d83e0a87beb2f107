/**
 * A worker module for the tests of DocumentWorkers: jobs that finish, fail, never end, or eat
 * memory without end, so the pool's limits can be tested without depending on how fast a machine is.
 */
import { AppError } from '../../src/platform/http/errors.js';
import { workerJob } from '../../src/platform/documents/worker-job.js';

export type FixtureInput =
  | { kind: 'echo'; text: string }
  | { kind: 'fail' }
  /** Sets flag[0] to 1, then loops for ever. */
  | { kind: 'spin'; flag: Int32Array }
  | { kind: 'hog' };

export default workerJob((input: FixtureInput): string => {
  switch (input.kind) {
    case 'echo':
      return `echo: ${input.text}`;
    case 'fail':
      throw new AppError(422, 'fixture_failed', { pl: 'Błąd zadania.', en: 'The job failed.' }, { why: 'asked to' });
    case 'spin':
      Atomics.store(input.flag, 0, 1);
      for (;;) {
        // never ends: only the time limit or closing the pool stops it
      }
    case 'hog': {
      const kept: string[][] = [];
      for (let i = 0; ; i++) kept.push(Array.from({ length: 10_000 }, (_, j) => `${i}-${j}`));
    }
  }
});
