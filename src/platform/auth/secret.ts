import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../db/database.js';

/**
 * A random secret kept in the database, so every instance on one database shares it and a
 * restart keeps signed cookies valid. Created on first use.
 */
export async function loadOrCreateSecret(db: Db, key: string): Promise<string> {
  const candidate = randomBytes(32).toString('base64url');
  await sql`insert into app_settings (key, value) values (${key}, ${JSON.stringify(candidate)}::jsonb)
            on conflict (key) do nothing`.execute(db);
  const row = await db.selectFrom('app_settings').select('value').where('key', '=', key).executeTakeFirstOrThrow();
  return row.value as string;
}
