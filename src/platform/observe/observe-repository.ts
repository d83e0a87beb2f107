import { sql } from 'kysely';
import type { Db } from '../db/database.js';

/** Mail not sent yet (sent_at is null, through the outbox_pending_idx partial index): how many, and the oldest one's age. */
export async function outboxBacklog(db: Db): Promise<{ unsent: number; oldestAgeSeconds: number }> {
  const row = await db
    .selectFrom('outbox')
    .select([
      (eb) => eb.fn.countAll<number>().as('unsent'),
      sql<number | null>`extract(epoch from now() - min(created_at))::float8`.as('oldest_age'),
    ])
    .where('sent_at', 'is', null)
    .executeTakeFirstOrThrow();
  return { unsent: Number(row.unsent), oldestAgeSeconds: row.oldest_age ?? 0 };
}

/** The newest migration applied to this database (0 before any). */
export async function newestAppliedMigration(db: Db): Promise<number> {
  const row = await db
    .selectFrom('schema_migrations')
    .select((eb) => eb.fn.max('version').as('version'))
    .executeTakeFirst();
  return Number(row?.version ?? 0);
}
