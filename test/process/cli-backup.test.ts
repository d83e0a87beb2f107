import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/platform/db/database.js';
import { DirectoryFileStore, filesDirOf } from '../../src/platform/files/directory-store.js';
import { newFileKey } from '../../src/platform/files/store.js';
import { createDataDir } from '../support/databases.js';
import { runCli, startAppAndWait, type RunningApp } from '../support/process.js';
import { everyTableRows } from '../support/table-rows.js';

const appEnv = { DEMO_DATA: 'false', RETENTION_JOB: 'false', REMINDER_JOB: 'false', LOGIN_RATE_LIMIT_PER_MINUTE: '10000' };
const cli = (dataDir: string, ...args: string[]) => runCli({ PATH: process.env.PATH ?? '', DATA_DIR: dataDir }, args);

/** Failed sign-ins stored in the audit log under `prefix`: each is one committed write the app acknowledged. */
async function failedSignIns(dataDir: string, prefix: string): Promise<number> {
  const database = await openDatabase({ kind: 'embedded', dataDir });
  try {
    // The copy opens and every table reads whole.
    expect((await everyTableRows(database.db)).size).toBeGreaterThan(20);
    const rows = await sql<{ n: number }>`select count(*)::int as n from audit_log
      where action = 'auth.login_failed' and entity_id like ${`${prefix}%`}`.execute(database.db);
    return rows.rows[0]!.n;
  } finally {
    await database.close();
  }
}

describe('npm run cli -- backup / restore (embedded)', { timeout: 600_000 }, () => {
  const parent = mkdtempSync(path.join(os.tmpdir(), 'dz-cli-backup-'));
  let app: RunningApp | undefined;
  afterAll(async () => {
    await app?.stop();
    rmSync(parent, { recursive: true, force: true });
  });

  it('takes a consistent backup from the running app while it writes, restores it into an empty directory, which then starts', async () => {
    const dataDir = await createDataDir('dz-cli-backup-source-', 'world');
    app = await startAppAndWait({ DATA_DIR: dataDir, ...appEnv });
    // A file of the app's file store (an attachment's), put while it runs: the backup carries it.
    const key = newFileKey();
    const fileBytes = new Uint8Array([0, 1, 2, 3, 250, 255]);
    await new DirectoryFileStore(filesDirOf(dataDir)).put(key, fileBytes, 'image/png');
    const url = app.url;
    const signIn = async (login: string) => {
      const response = await fetch(`${url}/api/v1/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ login, password: 'wrong password' }),
      });
      expect(response.status).toBe(401);
    };
    for (let i = 0; i < 5; i++) await signIn(`before-${i}`);
    // Writes go on, one after another, all through the backup.
    let writing = true;
    let acknowledged = 0;
    const writer = (async () => {
      while (writing) {
        await signIn(`during-${acknowledged}`);
        acknowledged++;
      }
    })();
    const file = path.join(parent, 'running.backup');
    const backup = await cli(dataDir, 'backup', file);
    const acknowledgedByThen = acknowledged;
    writing = false;
    await writer;
    expect(acknowledgedByThen).toBeGreaterThan(0); // the app wrote while the CLI worked
    expect(backup.stderr).toBe('');
    expect(backup.code).toBe(0);
    expect(backup.stdout).toContain('taken by the running app');
    expect(backup.stdout).toContain('załączniki: 1 plik / attachments: 1 file');
    expect(backup.stdout).toContain('everyone signs in again');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    await app.stop();
    app = undefined;

    const restored = path.join(parent, 'restored');
    const restore = await cli(restored, 'restore', file);
    expect(restore.stderr).toBe('');
    expect(restore.code).toBe(0);
    expect(restore.stdout).toContain('restored the backup');
    expect(restore.stdout).toContain('attachments: 1 file');
    expect([...(await new DirectoryFileStore(filesDirOf(restored)).get(key))!]).toEqual([...fileBytes]);
    // Everything acknowledged before the backup began is in it; what came later may be, whole or not at all.
    expect(await failedSignIns(restored, 'before-')).toBe(5);
    const during = await failedSignIns(restored, 'during-');
    expect(during).toBeLessThanOrEqual(acknowledgedByThen + 1);
    expect(await failedSignIns(dataDir, 'during-')).toBe(acknowledged);

    // The restored copy serves, with new cookie and CSRF keys.
    app = await startAppAndWait({ DATA_DIR: restored, ...appEnv });
    expect((await fetch(`${app.url}/health`)).status).toBe(200);
    await app.stop();
    app = undefined;

    // With no app running the CLI opens the directory itself.
    const stopped = await cli(dataDir, 'backup', path.join(parent, 'stopped.backup'));
    expect(stopped.code).toBe(0);
    expect(stopped.stdout).not.toContain('taken by the running app');
    expect((await cli(dataDir, 'backup', path.join(parent, 'stopped.backup'))).stderr).toContain('exists already');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('refuses a data directory that is not empty and a file that is not a backup, writing nothing', async () => {
    const full = path.join(parent, 'full');
    mkdirSync(full);
    writeFileSync(path.join(full, 'keep.txt'), 'x');
    const garbage = path.join(parent, 'garbage.backup');
    writeFileSync(garbage, 'PGDMP\u0000not ours');
    const intoFull = await cli(full, 'restore', garbage);
    expect(intoFull.code).toBe(1);
    expect(intoFull.stderr).toContain('nie jest pusty');
    expect(intoFull.stderr).toContain('is not empty');
    const empty = path.join(parent, 'empty');
    const notOurs = await cli(empty, 'restore', garbage);
    expect(notOurs.code).toBe(1);
    expect(notOurs.stderr).toContain('To nie jest kopia zapasowa Dzielnicowego');
    expect(notOurs.stderr).toContain('This is not a Dzielnicowy backup');
    expect(existsSync(empty)).toBe(false);
    expect(readdirSync(full)).toEqual(['keep.txt']);
  });
});
