import { sql } from 'kysely';
import type { Db } from '../db/database.js';
import { checkedKey, type FileStore } from './store.js';

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
    await sql`insert into stored_files (key, content_type, bytes) values (${checkedKey(key)}, ${contentType}, ${Buffer.from(bytes)})
      on conflict (key) do update set content_type = excluded.content_type, bytes = excluded.bytes`.execute(this.db);
  }

  async get(key: string): Promise<Uint8Array | null> {
    const { rows } = await sql<{ bytes: Buffer }>`select bytes from stored_files where key = ${checkedKey(key)}`.execute(this.db);
    return rows[0]?.bytes ?? null;
  }

  async delete(key: string): Promise<void> {
    await sql`delete from stored_files where key = ${checkedKey(key)}`.execute(this.db);
  }
}
