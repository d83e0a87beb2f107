import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../db/database.js';
import type { Trx } from '../audit/actor.js';
import { isRole, type Principal } from './principal.js';

export const SESSION_COOKIE = 'dz_session';

export interface SessionPolicy {
  idleMinutes: number;
  maxHours: number;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** A session ends after `idleMinutes` without a request, and `maxHours` after sign-in at the latest. */
export function sessionExpiry(createdAt: Date, lastSeenAt: Date, policy: SessionPolicy): Date {
  return new Date(
    Math.min(createdAt.getTime() + policy.maxHours * 3_600_000, lastSeenAt.getTime() + policy.idleMinutes * 60_000),
  );
}

/** Starts a session; the returned token goes into the cookie and is never stored. */
export async function createSession(
  trx: Trx,
  accountId: string,
  client: { ip: string | null; userAgent: string | null },
  policy: SessionPolicy,
  now = new Date(),
): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await trx.deleteFrom('sessions').where('expires_at', '<', now).execute();
  await trx
    .insertInto('sessions')
    .values({
      token_hash: hashToken(token),
      account_id: accountId,
      created_at: now,
      last_seen_at: now,
      expires_at: sessionExpiry(now, now, policy),
      ip: client.ip,
      user_agent: client.userAgent?.slice(0, 300) ?? null,
    })
    .execute();
  return token;
}

// Refreshing last_seen_at on every request would write on every page view.
const TOUCH_AFTER_MS = 60_000;

/** The account behind a session cookie, or null when the session is unknown, expired or disabled. */
export async function resolveSession(
  db: Db,
  token: string,
  policy: SessionPolicy,
  now = new Date(),
): Promise<{ principal: Principal; tokenHash: string } | null> {
  const tokenHash = hashToken(token);
  const row = await db
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
  if (!row || !row.active || !isRole(row.role) || row.expires_at <= now) {
    if (row) await db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
    return null;
  }
  if (now.getTime() - row.last_seen_at.getTime() > TOUCH_AFTER_MS) {
    await db
      .updateTable('sessions')
      .set({ last_seen_at: now, expires_at: sessionExpiry(row.created_at, now, policy) })
      .where('token_hash', '=', tokenHash)
      .execute();
  }
  return {
    tokenHash,
    principal: {
      accountId: row.id,
      login: row.login,
      displayName: row.display_name,
      role: row.role,
      unitId: row.unit_id,
      unitName: row.unit_name,
    },
  };
}

export async function deleteSession(db: Db | Trx, tokenHash: string): Promise<void> {
  await db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
}

/** Ends every session of an account (disabled, password changed), except optionally the current one. */
export async function deleteAccountSessions(trx: Trx, accountId: string, keepTokenHash?: string): Promise<void> {
  let query = trx.deleteFrom('sessions').where('account_id', '=', accountId);
  if (keepTokenHash) query = query.where('token_hash', '<>', keepTokenHash);
  await query.execute();
}
