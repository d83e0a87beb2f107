import type { Db } from '../db/database.js';
import { checkedKey, type FileStore } from './store.js';
import { deleteStoredFile, storedFileBytes, upsertStoredFile } from './stored-files-repository.js';

/**
 * Files in the table `stored_files` of the server's database: nothing to mount or back up apart
 * from the database (its backup holds them). Each call is its own statement on the pool, so
 * `put` must happen outside the caller's transaction (on the embedded back end, with a single
 * connection, it would wait for that transaction for ever: that back end uses the directory).
 */
export class DatabaseFileStore implements FileStore {
  readonly kind = 'database';

  constructor(private readonly db: Db) {}

  async put(key: string, bytes: Uint8Array, contentType: string): Promise<void> {
    await upsertStoredFile(this.db, checkedKey(key), contentType, bytes);
  }

  async get(key: string): Promise<Uint8Array | null> {
    return await storedFileBytes(this.db, checkedKey(key));
  }

  async delete(key: string): Promise<void> {
    await deleteStoredFile(this.db, checkedKey(key));
  }
}
