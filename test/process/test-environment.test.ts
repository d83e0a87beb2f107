import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { projectRoot } from '../../src/platform/config/config.js';
import { processTestOptions } from '../support/process.js';

/** A closed port (1 is tcpmux, never served here) and a file that is not there. */
const missing = {
  TEST_DATABASE_URL: 'postgres://postgres@127.0.0.1:1/test',
  CHROMIUM_PATH: path.join(projectRoot, 'no-such-chromium'),
};

/**
 * Runs vitest itself on one small database test file and one browser file, as a newcomer's
 * `npm test` would on a machine without the PostgreSQL server and Chromium.
 */
function childRun(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  // The child is a run of its own: without this run's VITEST_* variables, and with CI as given.
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(
      ([key]) =>
        !key.startsWith('VITEST') &&
        key !== 'CI' &&
        key !== 'TEST_DATABASE_URL' &&
        key !== 'CHROMIUM_PATH' &&
        key !== 'TEST_PGLITE_TEMPLATES',
    ),
  );
  const child = spawn(
    process.execPath,
    [
      path.join(projectRoot, 'node_modules', 'vitest', 'vitest.mjs'),
      'run',
      '--reporter=default',
      'src/platform/db/schema.api.test.ts',
      'test/browser/privacy.test.ts',
    ],
    {
      cwd: projectRoot,
      // This run's PGlite templates: the child need not prepare them again (test/support/global-setup.ts).
      env: { ...inherited, NO_COLOR: '1', TEST_PGLITE_TEMPLATES: JSON.stringify(inject('templates').pglite), ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, output })));
}

describe('a test run on a machine without the PostgreSQL server and Chromium', processTestOptions, () => {
  it('runs the rest on PGlite, says in one line what it skipped and how to run it, and passes', async () => {
    const { code, output } = await childRun(missing);
    expect(code, output).toBe(0);
    // Both missing pieces are named, and on the same single line.
    const notices = output.split('\n').filter((line) => line.includes('127.0.0.1:1') || line.includes(missing.CHROMIUM_PATH));
    expect(notices, output).toHaveLength(1);
    expect(notices[0]).toContain('PostgreSQL at 127.0.0.1:1 not reachable');
    expect(notices[0]).toContain('set TEST_DATABASE_URL');
    expect(notices[0]).toContain(`Chromium not found at ${missing.CHROMIUM_PATH}`);
    expect(notices[0]).toContain('set CHROMIUM_PATH');
    // The schema test ran on PGlite alone (2 tests); the browser file's tests were skipped, not run.
    expect(output).toMatch(/Tests\s+2 passed \| \d+ skipped/);
  });

  it('fails under CI=true, naming what is missing', async () => {
    const { code, output } = await childRun({ ...missing, CI: 'true' });
    expect(code).not.toBe(0);
    expect(output).toContain('CI=true requires every test: PostgreSQL at 127.0.0.1:1 not reachable');
    expect(output).toContain(`Chromium not found at ${missing.CHROMIUM_PATH}`);
  });
});
