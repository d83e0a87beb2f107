import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.js';
import { inTransaction, type Actor } from '../../platform/audit/actor.js';
import { recordEvent } from '../../platform/audit/record.js';
import { verifyPassword } from '../../platform/auth/passwords.js';
import { createSession, deleteSession, type SessionPolicy } from '../../platform/auth/sessions.js';
import { AppError } from '../../platform/http/errors.js';
import { formatDuration } from '../../platform/i18n/i18n.js';
import { defaultThrottle, secondsUntilNextAttempt } from './login-throttle.js';
import { accountErrors } from './messages.js';
import { findCredentials, loginKey } from './repository.js';

export interface SignInRequest {
  login: string;
  password: string;
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
}

/** Failed sign-ins for a login since its last success, within the throttle window (from the audit log). */
async function recentFailures(db: Db, key: string, now: Date): Promise<{ count: number; last: Date | null }> {
  const since = new Date(now.getTime() - defaultThrottle.windowMinutes * 60_000);
  const row = await sql<{ n: number; last: Date | null }>`
    select count(*)::int as n, max(at) as last from audit_log
    where action = 'auth.login_failed' and entity_id = ${key} and at > ${since}
      and at > coalesce((select max(at) from audit_log where action = 'auth.login' and entity_id = ${key}), '-infinity')`.execute(db);
  return { count: row.rows[0]?.n ?? 0, last: row.rows[0]?.last ?? null };
}

/**
 * Checks a login and password and opens a session. Every success and failure is in the audit log;
 * repeated failures for one login make further attempts wait (429 with Retry-After).
 */
export async function signIn(
  db: Db,
  request: SignInRequest,
  policy: SessionPolicy,
  now = new Date(),
): Promise<{ token: string; accountId: string }> {
  const key = loginKey(request.login);
  const failures = await recentFailures(db, key, now);
  const wait = secondsUntilNextAttempt(failures.count, failures.last, now);
  if (wait > 0) {
    throw new AppError(
      429,
      'too_many_attempts',
      accountErrors.throttled({ pl: formatDuration(wait, 'pl'), en: formatDuration(wait, 'en') }),
      { retryAfterSeconds: wait },
      { 'retry-after': String(wait) },
    );
  }
  const account = await findCredentials(db, key);
  const passwordOk = await verifyPassword(account?.password_hash ?? null, request.password);
  const anonymous: Actor = { accountId: null, label: 'anonymous', ip: request.ip, requestId: request.requestId };
  if (!account || !passwordOk || !account.active) {
    const reason = !account ? 'unknown_login' : !passwordOk ? 'wrong_password' : 'account_disabled';
    await recordEvent(db, anonymous, {
      action: 'auth.login_failed',
      entityType: 'login',
      entityId: key,
      unitId: account?.unit_id ?? null,
      details: { reason, failuresInWindow: failures.count + 1 },
    });
    // Only someone who knows the password learns that the account is disabled.
    const text = account && passwordOk ? accountErrors.disabled() : accountErrors.invalidCredentials();
    throw new AppError(401, reason === 'account_disabled' ? 'account_disabled' : 'invalid_credentials', text);
  }
  const actor: Actor = { accountId: account.id, label: account.login, ip: request.ip, requestId: request.requestId };
  const token = await inTransaction(db, actor, async (trx) => {
    const created = await createSession(trx, account.id, { ip: request.ip, userAgent: request.userAgent }, policy, now);
    await recordEvent(trx, actor, { action: 'auth.login', entityType: 'login', entityId: key, unitId: account.unit_id });
    return created;
  });
  return { token, accountId: account.id };
}

export async function signOut(db: Db, actor: Actor, tokenHash: string, unitId: string | null): Promise<void> {
  await inTransaction(db, actor, async (trx) => {
    await deleteSession(trx, tokenHash);
    await recordEvent(trx, actor, { action: 'auth.logout', entityType: 'login', entityId: actor.label.toLowerCase(), unitId });
  });
}
