import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Folders whose files take a minute or more each (processes, browsers, hostile input). Vitest
 * starts the files it has no timings for by size, largest first, and these small files came last:
 * on two workers one of them was then left running alone at the end. They start first instead.
 */
const longFileFolders = ['/test/hostile/', '/test/browser/', '/test/process/'];

class LongFilesFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const long = (file: TestSpecification) => longFileFolders.some((folder) => file.moduleId.includes(folder));
    return [...sorted.filter(long), ...sorted.filter((file) => !long(file))];
  }
}

export default defineConfig({
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'test/**/*.test.ts'],
    exclude: ['**/node_modules/**'],
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 2,
    // Each worker process runs its files one after another and keeps the modules they imported (the
    // app, Fastify, React, PGlite's compiled WebAssembly) instead of importing them again for every
    // file: about a quarter less CPU on API test files (issue 14). No test mocks modules or changes
    // globals; every file makes its own app and database, so nothing a file checks is shared.
    isolate: false,
    reporters: ['default'],
    // Tests run in a new order inside each file every run (issue 14: no test leans on another's
    // writes); files keep LongFilesFirst's order. The run prints its seed: `--sequence.seed=N`
    // repeats that order.
    sequence: { shuffle: { files: false, tests: true }, sequencer: LongFilesFirst },
  },
});
