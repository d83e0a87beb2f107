import type { Db } from '../../platform/db/database.js';
import { inTransaction, type Actor } from '../../platform/audit/actor.js';
import { recordEvent } from '../../platform/audit/record.js';
import { verifyPassword } from '../../platform/auth/passwords.js';
import { createSession, deleteSession, type SessionPolicy } from '../../platform/auth/sessions.js';
import { limitKeyOf } from '../../platform/http/client-address.js';
import { AppError } from '../../platform/http/errors.js';
import { formatDuration } from '../../platform/i18n/i18n.js';
import { queueMail } from '../../platform/mail/outbox.js';
import { admitAttempt, clearAttempts, countBurstFailure } from './login-attempts.js';
import { defaultThrottle, isNotifyingFailure, secondsUntilNextAttempt, type ThrottlePolicy } from './login-throttle.js';
import { accountErrors, failedSignInsMail } from './messages.js';
import { findCredentials, loginKey } from './repository.js';

export interface SignInRequest {
  login: string;
  password: string;
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
}

/**
 * Checks a login and password and opens a session. Attempts are admitted per login and source
 * (login-throttle.ts): a source that failed too often waits (429 with Retry-After) while the
 * owner elsewhere signs in. Every success, failure and throttled attempt is in the audit log; the
 * account holder hears of a burst of failures by e-mail. A login that does not exist goes the
 * same way (counted, throttled, a decoy password check) and only gets no e-mail.
 */
export async function signIn(
  db: Db,
  request: SignInRequest,
  policy: SessionPolicy,
  now = new Date(),
  throttle: ThrottlePolicy = defaultThrottle,
): Promise<{ token: string; accountId: string }> {
  const key = loginKey(request.login);
  const source = limitKeyOf(request.ip ?? 'unknown');
  const anonymous: Actor = { accountId: null, label: 'anonymous', ip: request.ip, requestId: request.requestId };
  const account = await findCredentials(db, key);
  const unitId = account?.unit_id ?? null;
  const admission = await admitAttempt(db, key, source, throttle);
  if (!admission.admitted) {
    const wait = Math.max(1, secondsUntilNextAttempt(admission.failures, admission.lastFailureAt, admission.now, throttle));
    await recordEvent(db, anonymous, {
      action: 'auth.login_throttled',
      entityType: 'login',
      entityId: key,
      unitId,
      details: { source, failuresFromSource: admission.failures, retryAfterSeconds: wait },
    });
    throw new AppError(
      429,
      'too_many_attempts',
      accountErrors.throttled({ pl: formatDuration(wait, 'pl'), en: formatDuration(wait, 'en') }),
      { retryAfterSeconds: wait },
      { 'retry-after': String(wait) },
    );
  }
  const passwordOk = await verifyPassword(account?.password_hash ?? null, request.password);
  if (!account || !passwordOk || !account.active) {
    const reason = !account ? 'unknown_login' : !passwordOk ? 'wrong_password' : 'account_disabled';
    await inTransaction(db, anonymous, async (trx) => {
      const burst = await countBurstFailure(trx, key, throttle);
      await recordEvent(trx, anonymous, {
        action: 'auth.login_failed',
        entityType: 'login',
        entityId: key,
        unitId,
        details: { reason, source, failuresFromSource: admission.failures, failuresInBurst: burst.failures },
      });
      if (account?.email && isNotifyingFailure(burst.failures, throttle)) {
        await queueMail(trx, failedSignInsMail(account.email, account.login, burst.failures, burst.startedAt));
      }
    });
    // Only someone who knows the password learns that the account is disabled.
    const text = account && passwordOk ? accountErrors.disabled() : accountErrors.invalidCredentials();
    throw new AppError(401, reason === 'account_disabled' ? 'account_disabled' : 'invalid_credentials', text);
  }
  const actor: Actor = { accountId: account.id, label: account.login, ip: request.ip, requestId: request.requestId };
  const token = await inTransaction(db, actor, async (trx) => {
    await clearAttempts(trx, key, source);
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
