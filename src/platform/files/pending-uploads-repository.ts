import { sql } from 'kysely';
import type { Db } from '../db/database.js';
import type { Trx } from '../audit/actor.js';

/**
 * The SQL of `pending_uploads` (migration 0026): keys of files put to a store before the
 * transaction that links them to a row commits. A row left behind is a file nobody can reach
 * (the process died in between); the retention job's orphan sweep deletes it.
 */

/** Records the keys in its own autocommit statement, BEFORE their files are put: a crash after it leaves a trace. */
export async function recordPendingUploads(db: Db, keys: readonly string[]): Promise<void> {
  if (keys.length === 0) return;
  await sql`insert into pending_uploads (store_key) values ${sql.join(keys.map((key) => sql`(${key})`))}`.execute(db);
}

/** Deletes the rows of these keys; says how many there were (a caller may insist that all were still there). */
export async function clearPendingUploads(db: Db | Trx, keys: readonly string[]): Promise<number> {
  if (keys.length === 0) return 0;
  const { rows } = await sql<{ n: number }>`
    with gone as (delete from pending_uploads where store_key = any(${[...keys]}::text[]) returning 1)
    select count(*)::int as n from gone`.execute(db);
  return Number(rows[0]!.n);
}
