import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDataDir, createTestDatabase, type TestDatabase } from '../../../../test/support/databases.js';
import { appOn, TestClient } from '../../../../test/support/app.js';
import { makeAttachment, makeReport } from '../../../../test/support/factories.js';
import { world } from '../../../../test/support/world.js';
import { everyTableRows } from '../../../../test/support/table-rows.js';
import { instanceSecrets, loadOrCreateSecret } from '../../auth/secret.js';
import { openDatabase } from '../database.js';
import { readMigrations } from '../migrate.js';
import { DirectoryFileStore, filesDirOf } from '../../files/directory-store.js';
import { BackupError, backupOf, listenForBackups, restoreBackup, restoreBackupFile, writeBackupFile } from './index.js';
import { decodeBackup } from './backup-file.js';
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

/** A backup file as the code before format 2 wrote it (the database only), made from a newer one's parts. */
function formatOneOf(backup: Buffer): Buffer {
  const { metadata, tarball } = decodeBackup(backup);
  const payload = gzipSync(tarball);
  const about = { createdAt: metadata.createdAt, appVersion: metadata.appVersion, schemaVersion: metadata.schemaVersion };
  const header = {
    ...about,
    instanceSecretsRemoved: true,
    payloadBytes: payload.length,
    sha256: createHash('sha256').update(payload).digest('hex'),
  };
  return Buffer.concat([Buffer.from('DZIELNICOWY-BACKUP 1\n'), Buffer.from(`${JSON.stringify(header)}\n`), payload]);
}

describe('backup of the embedded back end with its attachment files (DATA_DIR/files)', () => {
  const parent = mkdtempSync(path.join(os.tmpdir(), 'dz-backup-files-'));
  const unit = world.districts.a1.unitId;
  let dataDir: string;
  let reportId: number;
  let photo: Uint8Array;
  let whileRunning: string;
  let whileStopped: string;

  beforeAll(async () => {
    dataDir = await createDataDir('dz-backup-files-data-', 'world');
    const database = await openDatabase({ kind: 'embedded', dataDir, durability: 'relaxed' });
    // The app, started once, writes the report categories a report needs.
    const t = await appOn({ database, url: null, drop: () => database.close() }, { DATA_DIR: dataDir }, world.password);
    const store = new DirectoryFileStore(filesDirOf(dataDir));
    try {
      reportId = await makeReport(database.db, unit, world.districts.a1.id);
      await makeAttachment(database.db, store, reportId);
      const [key] = await store.keys();
      photo = (await store.get(key!))!;
      // A write cut by a crash leaves a temporary name: no file of ours, not in the backup.
      writeFileSync(path.join(filesDirOf(dataDir), key!.slice(0, 2), key!.slice(2, 4), `${key}.abc.tmp`), 'half');
      const listener = await listenForBackups(dataDir, database, (message) => {
        throw new Error(message);
      });
      try {
        whileRunning = path.join(parent, 'running.backup');
        expect(await writeBackupFile({ kind: 'embedded', dataDir }, whileRunning)).toMatchObject({ byRunningApp: true });
      } finally {
        await listener.close();
      }
    } finally {
      await t.close();
    }
    whileStopped = path.join(parent, 'stopped.backup');
    expect(await writeBackupFile({ kind: 'embedded', dataDir }, whileStopped)).toMatchObject({ byRunningApp: false });
  });
  afterAll(() => {
    rmSync(parent, { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** The attachment's bytes as the app on `dir` serves them to the unit's supervisor. */
  async function downloadFrom(dir: string): Promise<{ status: number; body: Buffer }> {
    const database = await openDatabase({ kind: 'embedded', dataDir: dir, durability: 'relaxed' });
    const t = await appOn({ database, url: null, drop: () => database.close() }, { DATA_DIR: dir }, world.password);
    try {
      const client = new TestClient(t.app);
      expect((await client.signIn(world.supervisorOf.a.login)).statusCode).toBe(200);
      const response = await client.get(`/admin/reports/${reportId}/attachments/1`);
      return { status: response.statusCode, body: response.rawPayload };
    } finally {
      await t.close();
    }
  }

  it('taken while the app runs: the data directory deleted and restored, the attachment downloads with the same bytes', async () => {
    rmSync(dataDir, { recursive: true, force: true });
    const metadata = await restoreBackupFile(whileRunning, { kind: 'embedded', dataDir });
    expect(metadata.fileCount).toBe(1);
    const downloaded = await downloadFrom(dataDir);
    expect(downloaded.status).toBe(200);
    expect(Buffer.compare(downloaded.body, Buffer.from(photo))).toBe(0);
    expect(readdirSync(filesDirOf(dataDir), { recursive: true }).filter((name) => String(name).endsWith('.tmp'))).toEqual([]);
  });

  it('taken while no app runs: the same files', async () => {
    const dir = path.join(parent, 'from-stopped');
    await restoreBackupFile(whileStopped, { kind: 'embedded', dataDir: dir });
    const downloaded = await downloadFrom(dir);
    expect(downloaded.status).toBe(200);
    expect(Buffer.compare(downloaded.body, Buffer.from(photo))).toBe(0);
  });

  it('restores a backup of the format before files (1): the database, and no files', async () => {
    const dir = path.join(parent, 'format-one');
    const old = formatOneOf(readFileSync(whileRunning));
    expect(old.subarray(0, 21).toString()).toBe('DZIELNICOWY-BACKUP 1\n');
    const metadata = await restoreBackup(old, { kind: 'embedded', dataDir: dir, durability: 'relaxed' });
    expect(metadata.fileCount).toBeUndefined();
    expect(existsSync(filesDirOf(dir))).toBe(false);
    // The report is there; its photo is not (format 1 never had it): the download answers 404, no 500.
    expect((await downloadFrom(dir)).status).toBe(404);
  });

  it('refuses a backup whose files are damaged, cut short or miscounted, and creates nothing', async () => {
    const backup = readFileSync(whileRunning);
    const inPhoto = Buffer.from(backup);
    inPhoto[backup.length - 5] = inPhoto[backup.length - 5]! ^ 0xff;
    const lineEnd = backup.indexOf(0x0a, 21);
    const header = JSON.parse(backup.subarray(21, lineEnd).toString()) as Record<string, unknown>;
    const relabel = (changes: Record<string, unknown>) =>
      Buffer.concat([backup.subarray(0, 21), Buffer.from(`${JSON.stringify({ ...header, ...changes })}\n`), backup.subarray(lineEnd + 1)]);
    const files = [inPhoto, backup.subarray(0, backup.length - 5), relabel({ fileCount: 2 }), relabel({ databaseBytes: 100 })];
    for (const [i, file] of files.entries()) {
      const dir = path.join(parent, `damaged-${i}`);
      const refused = await restoreBackup(file, { kind: 'embedded', dataDir: dir }).catch((error: unknown) => error);
      expect(refused, `file ${i}`).toBeInstanceOf(BackupError);
      expect((refused as BackupError).pl).toContain('nie jest kopia zapasowa');
      expect(existsSync(dir)).toBe(false);
    }
    expect(readdirSync(parent).filter((name) => name.startsWith('damaged') || name.includes('restoring'))).toEqual([]);
  });
});
