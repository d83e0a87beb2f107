import { createHash } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import { fileKeyPattern } from '../../files/store.js';

/**
 * The backup file (kopia zapasowa): one header line naming it, one line of JSON describing it,
 * then the payload: the embedded database's data directory as a gzipped tarball (PGlite's own
 * dump, which it loads back exactly) and, since format 2, the files of DATA_DIR/files. The header
 * and the checksum over the whole payload let a restore refuse any other file, or a damaged one,
 * before touching a data directory. Format 1 (the database only) is still read.
 */
const magic = (format: 1 | 2) => Buffer.from(`DZIELNICOWY-BACKUP ${format}\n`);
const maxMetadataBytes = 64 * 1024;
/** Each stored file in the payload: its key (32 ASCII hex digits), its length (4 bytes, big-endian), its bytes. */
const keyBytes = 32;
const fileHeaderBytes = keyBytes + 4;

export interface BackupMetadata {
  createdAt: string;
  appVersion: string;
  /** The highest migration applied in the copy: a restore refuses a copy newer than its code. */
  schemaVersion: number;
  /** Always true: the installation's own secrets (cookie and CSRF keys) are left out. */
  instanceSecretsRemoved: true;
  payloadBytes: number;
  sha256: string;
  /** Format 2: how much of the payload is the gzipped database; the stored files follow it. */
  databaseBytes?: number;
  /** Format 2: how many stored files (attachments) the payload holds. */
  fileCount?: number;
}

/** A file of the file store (DATA_DIR/files) by its key. */
export interface StoredFile {
  key: string;
  bytes: Uint8Array;
}

/** A file that cannot be restored, or a data directory it cannot be restored into: said in Polish and English. */
export class BackupError extends Error {
  constructor(
    readonly pl: string,
    readonly en: string,
  ) {
    super(`${pl}\n${en}`);
  }
}

const notOurs = () =>
  new BackupError(
    'To nie jest kopia zapasowa Dzielnicowego (albo plik jest uszkodzony lub niepełny).',
    'This is not a Dzielnicowy backup (or the file is damaged or incomplete).',
  );

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/**
 * Stored files are not gzipped: they are photos, videos and documents, compressed already, and
 * gzip would spend the CPU for nothing.
 */
function encodeFiles(files: StoredFile[]): Buffer {
  const parts: Uint8Array[] = [];
  for (const file of files) {
    if (!fileKeyPattern.test(file.key)) throw new Error(`Not a file key: ${JSON.stringify(file.key.slice(0, 40))}`);
    const header = Buffer.alloc(fileHeaderBytes);
    header.write(file.key, 0, 'ascii');
    header.writeUInt32BE(file.bytes.length, keyBytes);
    parts.push(header, file.bytes);
  }
  return Buffer.concat(parts);
}

/** The files of a payload that checked out by its hash; still refused when not made by encodeFiles. */
function decodeFiles(bytes: Buffer, count: number): StoredFile[] {
  const files: StoredFile[] = [];
  let at = 0;
  while (at < bytes.length) {
    if (at + fileHeaderBytes > bytes.length) throw notOurs();
    const key = bytes.subarray(at, at + keyBytes).toString('ascii');
    const length = bytes.readUInt32BE(at + keyBytes);
    const start = at + fileHeaderBytes;
    if (!fileKeyPattern.test(key) || start + length > bytes.length) throw notOurs();
    files.push({ key, bytes: bytes.subarray(start, start + length) });
    at = start + length;
  }
  if (files.length !== count) throw notOurs();
  return files;
}

export function encodeBackup(
  tarball: Uint8Array<ArrayBuffer>,
  files: StoredFile[],
  about: Omit<BackupMetadata, 'payloadBytes' | 'sha256' | 'instanceSecretsRemoved' | 'databaseBytes' | 'fileCount'>,
): Buffer {
  const database = gzipSync(tarball);
  const payload = Buffer.concat([database, encodeFiles(files)]);
  const metadata: BackupMetadata = {
    ...about,
    instanceSecretsRemoved: true,
    payloadBytes: payload.length,
    sha256: sha256(payload),
    databaseBytes: database.length,
    fileCount: files.length,
  };
  return Buffer.concat([magic(2), Buffer.from(`${JSON.stringify(metadata)}\n`), payload]);
}

/**
 * The metadata, the database's tarball and the stored files of a backup file (format 1 has no
 * files); BackupError for anything else, before any use of it.
 */
export function decodeBackup(file: Buffer): { metadata: BackupMetadata; tarball: Uint8Array<ArrayBuffer>; files: StoredFile[] } {
  const format = ([1, 2] as const).find((f) => file.subarray(0, magic(f).length).equals(magic(f)));
  if (format === undefined) throw notOurs();
  const start = magic(format).length;
  const end = file.indexOf(0x0a, start);
  if (end < 0 || end - start > maxMetadataBytes) throw notOurs();
  let metadata: BackupMetadata;
  try {
    metadata = JSON.parse(file.subarray(start, end).toString('utf8')) as BackupMetadata;
  } catch {
    throw notOurs();
  }
  const payload = file.subarray(end + 1);
  if (
    typeof metadata !== 'object' ||
    metadata === null ||
    !Number.isInteger(metadata.schemaVersion) ||
    metadata.payloadBytes !== payload.length ||
    metadata.sha256 !== sha256(payload)
  ) {
    throw notOurs();
  }
  if (format === 1) return { metadata, tarball: gunzipDatabase(payload), files: [] };
  const { databaseBytes, fileCount } = metadata;
  if (!Number.isInteger(databaseBytes) || !Number.isInteger(fileCount) || databaseBytes! > payload.length) throw notOurs();
  return {
    metadata,
    tarball: gunzipDatabase(payload.subarray(0, databaseBytes)),
    files: decodeFiles(payload.subarray(databaseBytes), fileCount!),
  };
}

function gunzipDatabase(gzipped: Buffer): Uint8Array<ArrayBuffer> {
  try {
    return gunzipSync(gzipped);
  } catch {
    throw notOurs();
  }
}
