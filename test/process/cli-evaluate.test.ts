import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { processTestOptions, runCli } from '../support/process.js';

const parent = mkdtempSync(path.join(os.tmpdir(), 'dz-evaluate-'));
// A data directory that does not exist: opening a database would create it.
const dataDir = path.join(parent, 'data');

const cli = (...args: string[]) => runCli({ PATH: process.env.PATH ?? '', DATA_DIR: dataDir }, args);

describe('npm run cli -- evaluate', processTestOptions, () => {
  afterAll(() => rmSync(parent, { recursive: true, force: true }));

  it("prints the issue's verdict and p-value without opening a database; bad options exit with 2", async () => {
    const ok = await cli('evaluate', '--baseline', '8', '--period', '2', '--target', '-20');
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('(consistent_with_chance)');
    expect(ok.stdout).toContain('p = 0.0547');
    expect(ok.stdout).toContain('Taki spadek zdarza się przypadkiem w 5,5\u00a0% przypadków');
    const bad = await cli('evaluate', '--baseline', '8', '--period', 'dwa');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--period: "dwa" nie jest liczbą / is not a number');
    expect(existsSync(dataDir)).toBe(false);
  });
});
