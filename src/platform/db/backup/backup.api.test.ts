import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/databases.js';
import { everyTableRows } from '../../../../test/support/table-rows.js';
import { instanceSecrets, loadOrCreateSecret } from '../../auth/secret.js';
import { openDatabase } from '../database.js';
import { readMigrations } from '../migrate.js';
import { BackupError, backupOf, listenForBackups, restoreBackup } from './index.js';
import { backupSocketPath, requestBackup } from './backup-socket.js';

const secretKeys: string[] = Object.values(instanceSecrets);

describe('backup of the embedded database', () => {
  let source: TestDatabase;
  let backup: Buffer;
  /** The source's tables when the backup was taken (a test below writes to it later). */
  let expected: Map<string, string[]>;
  const parent = mkdtempSync(path.join(os.tmpdir(), 'dz-backup-'));
  const restored = path.join(parent, 'restored');

  beforeAll(async () => {
    source = await createTestDatabase('pglite', { world: true });
    for (const key of [...secretKeys, 'subscriptions_unsubscribe_key']) await loadOrCreateSecret(source.database.db, key);
    expected = await everyTableRows(source.database.db);
    backup = await backupOf(source.database);
  });
  afterAll(async () => {
    await source?.drop();
    rmSync(parent, { recursive: true, force: true });
  });

  it("restores into an empty data directory with every table's rows equal, the installation's own secrets left out", async () => {
    const metadata = await restoreBackup(backup, { kind: 'embedded', dataDir: restored });
    expect(metadata.schemaVersion).toBe(Math.max(...readMigrations().map((m) => m.version)));
    const copy = await openDatabase({ kind: 'embedded', dataDir: restored });
    try {
      const settings = expected.get('app_settings')!;
      // The secrets were there, and only they are missing from the copy.
      expect(settings.filter((row) => secretKeys.some((key) => row.startsWith(`(${key},`)))).toHaveLength(2);
      const withoutSecrets = new Map(expected).set(
        'app_settings',
        settings.filter((row) => !secretKeys.some((key) => row.startsWith(`(${key},`))),
      );
      const actual = await everyTableRows(copy.db);
      expect([...actual.keys()]).toEqual([...withoutSecrets.keys()]);
      for (const [table, rows] of withoutSecrets) expect(actual.get(table), table).toEqual(rows);
      expect(expected.get('accounts')!.length).toBeGreaterThan(0);
      expect(actual.get('app_settings')!.some((row) => row.startsWith('(subscriptions_unsubscribe_key,'))).toBe(true);
    } finally {
      await copy.close();
    }
  });

  it('refuses a data directory that is not empty, and leaves it as it was', async () => {
    const full = path.join(parent, 'full');
    mkdirSync(full);
    writeFileSync(path.join(full, 'notes.txt'), 'x');
    const refused = await restoreBackup(backup, { kind: 'embedded', dataDir: full }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(BackupError);
    expect((refused as BackupError).pl).toContain('nie jest pusty');
    expect((refused as BackupError).en).toContain('not empty');
    expect(readdirSync(full)).toEqual(['notes.txt']);
  });

  it('refuses a file that is not a backup, or one cut short or changed, writing nothing', async () => {
    const changed = Buffer.from(backup);
    changed[changed.length - 10] = changed[changed.length - 10]! ^ 0xff;
    const files = [Buffer.from('PGDMP garbage'), Buffer.alloc(0), backup.subarray(0, backup.length - 100), changed];
    for (const [i, file] of files.entries()) {
      const dataDir = path.join(parent, `garbage-${i}`);
      const refused = await restoreBackup(file, { kind: 'embedded', dataDir }).catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(BackupError);
      expect((refused as BackupError).en).toContain('not a Dzielnicowy backup');
    }
    expect(readdirSync(parent).filter((name) => name.startsWith('garbage') || name.includes('restoring'))).toEqual([]);
  });

  it('refuses a backup newer than the code (a migration it does not know), leaving no directory behind', async () => {
    const dataDir = path.join(parent, 'older-code');
    const older = readMigrations().slice(0, -1);
    const refused = await restoreBackup(backup, { kind: 'embedded', dataDir, durability: 'relaxed' }, older).catch(
      (error: unknown) => error,
    );
    expect((refused as Error).message).toContain('does not know');
    expect(readdirSync(parent).filter((name) => name.includes('older-code'))).toEqual([]);
  });

  it('is a copy: writing to the source afterwards does not change the backup', async () => {
    await sql`insert into app_settings (key, value) values ('after_backup', '1')`.execute(source.database.db);
    const dataDir = path.join(parent, 'later');
    await restoreBackup(backup, { kind: 'embedded', dataDir, durability: 'relaxed' });
    const copy = await openDatabase({ kind: 'embedded', dataDir });
    try {
      const keys = await sql<{ key: string }>`select key from app_settings where key = 'after_backup'`.execute(copy.db);
      expect(keys.rows).toEqual([]);
    } finally {
      await copy.close();
    }
  });

  it('is answered on the owner-only socket of the app holding the data directory; with no app listening the CLI hears none', async () => {
    const dataDir = path.join(parent, 'socket');
    mkdirSync(dataDir);
    expect(await requestBackup(dataDir)).toBeNull();
    const listener = await listenForBackups(dataDir, source.database, (message) => {
      throw new Error(message);
    });
    try {
      expect(statSync(backupSocketPath(dataDir)).mode & 0o777).toBe(0o600);
      const tarball = await requestBackup(dataDir);
      // A tar archive of the data directory: "ustar" at byte 257 of its first header.
      expect(Buffer.from(tarball!.subarray(257, 262)).toString()).toBe('ustar');
      expect(tarball!.length).toBeGreaterThan(1_000_000);
    } finally {
      await listener.close();
    }
    expect(existsSync(backupSocketPath(dataDir))).toBe(false);
    expect(await requestBackup(dataDir)).toBeNull();
  });
});
