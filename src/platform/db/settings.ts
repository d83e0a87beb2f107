import { sql } from 'kysely';
import type { Db } from './database.js';
import type { Trx } from '../audit/actor.js';

/** A settings object from app_settings over its defaults: a missing key or field keeps the default. */
export async function readSettings<T extends object>(db: Db | Trx, key: string, defaults: T): Promise<T> {
  const row = await db.selectFrom('app_settings').select('value').where('key', '=', key).executeTakeFirst();
  return { ...defaults, ...((row?.value as Partial<T> | undefined) ?? {}) };
}

/** Stores a settings object under `key` (in the caller's transaction, beside its audit event). */
export async function writeSettings(trx: Trx, key: string, value: object): Promise<void> {
  await trx
    .insertInto('app_settings')
    .values({ key, value: JSON.stringify(value), updated_at: new Date() })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(value), updated_at: new Date() }))
    .execute();
}

/** Stores `value` under `key` unless the key is taken; true when this call stored it (a marker claimed once). */
export async function claimSetting(trx: Db | Trx, key: string, value: unknown): Promise<boolean> {
  const claimed = await sql`insert into app_settings (key, value) values (${key}, ${JSON.stringify(value)}::jsonb)
    on conflict (key) do nothing returning key`.execute(trx);
  return claimed.rows.length > 0;
}

/**
 * Stores `value` under `key` unless a value is there already, and returns the stored one: when
 * two instances start at once, both read the value of the first.
 */
export async function keepFirstSetting(db: Db, key: string, value: unknown): Promise<unknown> {
  await sql`insert into app_settings (key, value) values (${key}, ${JSON.stringify(value)}::jsonb)
            on conflict (key) do nothing`.execute(db);
  const row = await db.selectFrom('app_settings').select('value').where('key', '=', key).executeTakeFirstOrThrow();
  return row.value;
}
