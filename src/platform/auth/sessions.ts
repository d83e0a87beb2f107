import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../db/database.js';
import type { Trx } from '../audit/actor.js';
import { isRole, type Principal } from './principal.js';
import { deleteSession, findSession, insertSession, touchSession } from './session-repository.js';

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
  return new Date(Math.min(createdAt.getTime() + policy.maxHours * 3_600_000, lastSeenAt.getTime() + policy.idleMinutes * 60_000));
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
  await insertSession(trx, {
    tokenHash: hashToken(token),
    accountId,
    createdAt: now,
    expiresAt: sessionExpiry(now, now, policy),
    ip: client.ip,
    userAgent: client.userAgent?.slice(0, 300) ?? null,
  });
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
  const row = await findSession(db, tokenHash);
  if (!row || !row.active || !isRole(row.role) || row.expires_at <= now) {
    if (row) await deleteSession(db, tokenHash);
    return null;
  }
  if (now.getTime() - row.last_seen_at.getTime() > TOUCH_AFTER_MS) {
    await touchSession(db, tokenHash, now, sessionExpiry(row.created_at, now, policy));
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

/** Sign-out ends one session; disabling an account or changing its password ends all but the current one. */
export { deleteAccountSessions, deleteSession } from './session-repository.js';
