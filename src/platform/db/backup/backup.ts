import path from 'node:path';
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { appVersion, type DatabaseTarget } from '../../config/config.js';
import { openDatabase, type Database } from '../database.js';
import { lockDataDir } from '../lock.js';
import { migrate, readMigrations, type Migration } from '../migrate.js';
import { DirectoryFileStore, filesDirOf } from '../../files/directory-store.js';
import { BackupError, decodeBackup, encodeBackup, type BackupMetadata, type StoredFile } from './backup-file.js';
import { requestBackup } from './backup-socket.js';
import { snapshotDataDir, withoutInstanceSecrets } from './snapshot.js';

type EmbeddedTarget = Extract<DatabaseTarget, { kind: 'embedded' }>;

/**
 * A backup of an open embedded database, the installation's secrets left out, with the files of
 * `dataDir`'s file store when given (an in-memory database has none).
 */
export async function backupOf(database: Database, dataDir?: string): Promise<Buffer> {
  const raw = await snapshotDataDir(database);
  return await backupOfSnapshot(raw, dataDir === undefined ? [] : await storedFilesOf(dataDir));
}

/**
 * The files of DATA_DIR/files, read AFTER the database's snapshot was taken, never before: a file
 * is put before its attachment's row commits, so every row in the snapshot finds its file here.
 * A file put after the snapshot may be copied too, with no row naming it: harmless (an orphan, as a
 * failed upload leaves one), unlike a row without its file. A file deleted meanwhile is
 * skipped; its row was deleted too, after the snapshot, so the copy names a file it lacks and its
 * download answers 404, as it would have had the deletion come a moment later.
 */
async function storedFilesOf(dataDir: string): Promise<StoredFile[]> {
  const store = new DirectoryFileStore(filesDirOf(dataDir));
  const files: StoredFile[] = [];
  for (const key of await store.keys()) {
    const bytes = await store.get(key);
    if (bytes) files.push({ key, bytes });
  }
  return files;
}

async function backupOfSnapshot(raw: Uint8Array<ArrayBuffer>, files: StoredFile[]): Promise<Buffer> {
  const { tarball, schemaVersion } = await withoutInstanceSecrets(raw);
  return encodeBackup(tarball, files, { createdAt: new Date().toISOString(), appVersion, schemaVersion });
}

/**
 * Writes a backup of DATA_DIR's database and files to `file`: the database's snapshot taken by the app when one runs on that
 * directory (backup-socket.ts), else by opening the directory ourselves under its lock. The file
 * appears whole or not at all (written beside it, then renamed) and only its owner may read it:
 * it holds personal data and password hashes.
 */
export async function writeBackupFile(
  target: EmbeddedTarget,
  file: string,
): Promise<{ bytes: number; byRunningApp: boolean; files: number }> {
  if (existsSync(file)) throw new BackupError(`Plik ${file} już istnieje: podaj nową nazwę.`, `${file} exists already: give a new name.`);
  let raw = await requestBackup(target.dataDir);
  const byRunningApp = raw !== null;
  if (raw === null) {
    if (!existsSync(path.join(target.dataDir, 'pgdata'))) {
      throw new BackupError(`W katalogu ${target.dataDir} nie ma bazy danych.`, `There is no database in ${target.dataDir}.`);
    }
    const lock = lockDataDir(target.dataDir);
    try {
      const database = await openDatabase(target);
      try {
        raw = await snapshotDataDir(database);
      } finally {
        await database.close();
      }
    } finally {
      lock.release();
    }
  }
  const files = await storedFilesOf(target.dataDir);
  const backup = await backupOfSnapshot(raw, files);
  const partial = `${file}.partial-${process.pid}`;
  const fd = openSync(partial, 'wx', 0o600);
  try {
    writeSync(fd, backup);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(partial, file);
  return { bytes: backup.length, byRunningApp, files: files.length };
}

function isEmptyOrMissing(dir: string): boolean {
  try {
    return readdirSync(dir).length === 0;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return true;
    throw error;
  }
}

/**
 * Fills an empty (or missing) DATA_DIR from a backup: the database is loaded and migrated, and the
 * stored files written, in a folder beside it, then renamed into place, so a failure at any step leaves DATA_DIR as it was.
 * A newer backup than this code is refused by the migrations' check.
 */
export async function restoreBackup(
  backup: Buffer,
  target: EmbeddedTarget,
  migrations: Migration[] = readMigrations(),
): Promise<BackupMetadata> {
  const dataDir = path.resolve(target.dataDir);
  if (!isEmptyOrMissing(dataDir)) {
    throw new BackupError(
      `Katalog danych ${dataDir} nie jest pusty: kopię odtwarza się tylko do pustego katalogu (ustaw inny DATA_DIR).`,
      `The data directory ${dataDir} is not empty: a backup is restored only into an empty one (set another DATA_DIR).`,
    );
  }
  const { metadata, tarball, files } = decodeBackup(backup);
  mkdirSync(path.dirname(dataDir), { recursive: true });
  const staging = path.join(path.dirname(dataDir), `.${path.basename(dataDir)}.restoring-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  try {
    const database = await openDatabase({ ...target, dataDir: staging }, { loadDataDir: new Blob([tarball]) });
    try {
      await migrate(database.db, migrations);
    } finally {
      await database.close();
    }
    const store = new DirectoryFileStore(filesDirOf(staging));
    for (const file of files) await store.put(file.key, file.bytes, 'application/octet-stream');
    // rename(2) replaces an empty directory, and fails on one that filled up meanwhile.
    renameSync(staging, dataDir);
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
  return metadata;
}

/** restoreBackup from a file, for the command line. */
export async function restoreBackupFile(file: string, target: EmbeddedTarget): Promise<BackupMetadata> {
  let backup: Buffer;
  try {
    backup = readFileSync(file);
  } catch (error) {
    throw new BackupError(`Nie można odczytać pliku ${file}.`, `Cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? ''}`);
  }
  return await restoreBackup(backup, target);
}
