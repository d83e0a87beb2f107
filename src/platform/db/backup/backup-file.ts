import { createHash } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';

/**
 * The backup file (kopia zapasowa): one header line naming it, one line of JSON describing it,
 * then the embedded database's data directory as a gzipped tarball (PGlite's own dump, which it
 * loads back exactly). The header and the checksum let a restore refuse any other file before
 * touching a data directory.
 */
const magic = 'DZIELNICOWY-BACKUP 1\n';
const maxMetadataBytes = 64 * 1024;

export interface BackupMetadata {
  createdAt: string;
  appVersion: string;
  /** The highest migration applied in the copy: a restore refuses a copy newer than its code. */
  schemaVersion: number;
  /** Always true: the installation's own secrets (cookie and CSRF keys) are left out. */
  instanceSecretsRemoved: true;
  payloadBytes: number;
  sha256: string;
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

export function encodeBackup(
  tarball: Uint8Array<ArrayBuffer>,
  about: Omit<BackupMetadata, 'payloadBytes' | 'sha256' | 'instanceSecretsRemoved'>,
): Buffer {
  const payload = gzipSync(tarball);
  const metadata: BackupMetadata = {
    ...about,
    instanceSecretsRemoved: true,
    payloadBytes: payload.length,
    sha256: createHash('sha256').update(payload).digest('hex'),
  };
  return Buffer.concat([Buffer.from(magic), Buffer.from(`${JSON.stringify(metadata)}\n`), payload]);
}

/** The metadata and the tarball of a backup file; BackupError for anything else, before any use of it. */
export function decodeBackup(file: Buffer): { metadata: BackupMetadata; tarball: Uint8Array<ArrayBuffer> } {
  if (!file.subarray(0, magic.length).equals(Buffer.from(magic))) throw notOurs();
  const end = file.indexOf(0x0a, magic.length);
  if (end < 0 || end - magic.length > maxMetadataBytes) throw notOurs();
  let metadata: BackupMetadata;
  try {
    metadata = JSON.parse(file.subarray(magic.length, end).toString('utf8')) as BackupMetadata;
  } catch {
    throw notOurs();
  }
  const payload = file.subarray(end + 1);
  if (
    typeof metadata !== 'object' ||
    metadata === null ||
    !Number.isInteger(metadata.schemaVersion) ||
    metadata.payloadBytes !== payload.length ||
    metadata.sha256 !== createHash('sha256').update(payload).digest('hex')
  ) {
    throw notOurs();
  }
  return { metadata, tarball: gunzipSync(payload) };
}
