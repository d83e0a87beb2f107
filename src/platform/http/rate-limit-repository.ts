import { sql } from 'kysely';
import type { Db } from '../db/database.js';

/**
 * Counts one request of `key`: in its window while that lasts, else as the first of a new window
 * of `windowMs` starting now (by the database's clock, which every instance shares). One
 * round-trip; the row lock of ON CONFLICT makes concurrent requests count one after another.
 * Returns the count in the window and the milliseconds left of it (at most the window: a request
 * that waited for the row lock has an older now() than the one that started the window).
 */
export async function countHit(db: Db, key: string, windowMs: number): Promise<{ count: number; ttlMs: number }> {
  const ended = sql`h.window_end <= now()`;
  const { rows } = await sql<{ count: number; ttl_ms: number }>`
    insert into rate_limit_hits as h (key, window_start, window_end, count)
    values (${key}, now(), now() + make_interval(secs => ${windowMs} / 1000.0), 1)
    on conflict (key) do update set
      count = case when ${ended} then 1 else h.count + 1 end,
      window_start = case when ${ended} then excluded.window_start else h.window_start end,
      window_end = case when ${ended} then excluded.window_end else h.window_end end
    returning h.count, least(${windowMs}, greatest(0, ceil(extract(epoch from h.window_end - now()) * 1000)))::int as ttl_ms`.execute(db);
  return { count: rows[0]!.count, ttlMs: rows[0]!.ttl_ms };
}

/** Deletes the counts of windows that have ended (they name clients' addresses). */
export async function pruneHits(db: Db): Promise<number> {
  const result = await db
    .deleteFrom('rate_limit_hits')
    .where('window_end', '<', sql<Date>`now()`)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
