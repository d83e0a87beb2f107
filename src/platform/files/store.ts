import { randomBytes } from 'node:crypto';

/**
 * Where uploaded files live (report attachments today). One interface, several back ends:
 * a directory (the embedded back end, DATA_DIR/files), a table of the database, an S3-compatible
 * object store (s3-store.ts). Keys are random ids made by `newFileKey`, never names people gave:
 * a name can carry personal data and a path in it could escape the directory.
 */
export interface FileStore {
  readonly kind: 'directory' | 'database' | 's3';
  put(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
  get(key: string): Promise<Uint8Array | null>;
  /** Idempotent: deleting a missing file is fine. */
  delete(key: string): Promise<void>;
}

/** What a key looks like: 32 lowercase hex digits (128 random bits). */
export const fileKeyPattern = /^[0-9a-f]{32}$/;

export function newFileKey(): string {
  return randomBytes(16).toString('hex');
}

/** Refuses a key no store should accept (one made elsewhere, or a path): the stores trust only their own keys. */
export function checkedKey(key: string): string {
  if (!fileKeyPattern.test(key)) throw new Error(`Not a file key: ${JSON.stringify(key.slice(0, 40))}`);
  return key;
}
