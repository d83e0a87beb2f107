/** Where report attachments' bytes live: a directory, a database table or an S3-compatible bucket. */
export interface FileStore {
  readonly kind: 'directory' | 'database' | 's3';
  put(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
  get(key: string): Promise<Uint8Array | null>;
  delete(key: string): Promise<void>; // idempotent: deleting a missing file is fine
}
