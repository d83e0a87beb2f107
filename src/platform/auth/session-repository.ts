import type { Db } from '../db/database.js';
import type { Trx } from '../audit/actor.js';

/** The sessions table; the rules (expiry, touching, what a token is) are in sessions.ts. */

export interface SessionRow {
  tokenHash: string;
  accountId: string;
  createdAt: Date;
  expiresAt: Date;
  ip: string | null;
  userAgent: string | null;
}

/** Stores a new session, first dropping those expired before `now` so the table does not grow. */
export async function insertSession(trx: Trx, row: SessionRow): Promise<void> {
  await trx.deleteFrom('sessions').where('expires_at', '<', row.createdAt).execute();
  await trx
    .insertInto('sessions')
    .values({
      token_hash: row.tokenHash,
      account_id: row.accountId,
      created_at: row.createdAt,
      last_seen_at: row.createdAt,
      expires_at: row.expiresAt,
      ip: row.ip,
      user_agent: row.userAgent,
    })
    .execute();
}

/** A session with its account and the account's unit, or undefined for an unknown token. */
export async function findSession(db: Db, tokenHash: string) {
  return db
    .selectFrom('sessions as s')
    .innerJoin('accounts as a', 'a.id', 's.account_id')
    .innerJoin('units as u', 'u.id', 'a.unit_id')
    .select([
      's.created_at',
      's.last_seen_at',
      's.expires_at',
      'a.id',
      'a.login',
      'a.display_name',
      'a.role',
      'a.unit_id',
      'a.active',
      'u.name as unit_name',
    ])
    .where('s.token_hash', '=', tokenHash)
    .executeTakeFirst();
}

export async function touchSession(db: Db, tokenHash: string, lastSeenAt: Date, expiresAt: Date): Promise<void> {
  await db.updateTable('sessions').set({ last_seen_at: lastSeenAt, expires_at: expiresAt }).where('token_hash', '=', tokenHash).execute();
}

export async function deleteSession(db: Db | Trx, tokenHash: string): Promise<void> {
  await db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
}

/** Every session of an account, except optionally the one with `keepTokenHash`. */
export async function deleteAccountSessions(trx: Trx, accountId: string, keepTokenHash?: string): Promise<void> {
  let query = trx.deleteFrom('sessions').where('account_id', '=', accountId);
  if (keepTokenHash) query = query.where('token_hash', '<>', keepTokenHash);
  await query.execute();
}
