import { sql } from 'kysely';
import type { Db } from '../db/database.js';

/** The SQL of the database file store (table `stored_files`); keys are checked by the store. */

export async function upsertStoredFile(db: Db, key: string, contentType: string, bytes: Uint8Array): Promise<void> {
  await sql`insert into stored_files (key, content_type, bytes) values (${key}, ${contentType}, ${Buffer.from(bytes)})
    on conflict (key) do update set content_type = excluded.content_type, bytes = excluded.bytes`.execute(db);
}

export async function storedFileBytes(db: Db, key: string): Promise<Uint8Array | null> {
  const { rows } = await sql<{ bytes: Buffer }>`select bytes from stored_files where key = ${key}`.execute(db);
  return rows[0]?.bytes ?? null;
}

export async function deleteStoredFile(db: Db, key: string): Promise<void> {
  await sql`delete from stored_files where key = ${key}`.execute(db);
}
