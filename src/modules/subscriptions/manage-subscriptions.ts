import { randomUUID } from 'node:crypto';
import { inTransaction, type Actor } from '../../platform/audit/actor.js';
import { loadOrCreateSecret } from '../../platform/auth/secret.js';
import type { Db } from '../../platform/db/database.js';
import { AppError } from '../../platform/http/errors.js';
import type { Lang } from '../../platform/i18n/i18n.js';
import { queueMail } from '../../platform/mail/outbox.js';
import { confirmationMail } from './mail.js';
import {
  deleteSubscription,
  followableDistrict,
  insertSubscription,
  markConfirmed,
  renewConfirmation,
  subscriptionByConfirmHash,
  subscriptionByUnsubscribeHash,
  subscriptionOf,
  type SubscriptionRow,
} from './repository.js';
import { confirmExpired, confirmExpiresAt, emailProblem, normalizeEmail, subscribeStep } from './rules.js';
import { hashToken, isTokenShape, newToken, unsubscribeToken } from './tokens.js';

/**
 * Following a district by e-mail: subscribe (always the same answer), confirm by the mailed link,
 * unsubscribe by the link in every mail. Each in one audited transaction, the mail queued in it.
 */

export const subscriptionErrors = {
  districtNotFound: () => new AppError(404, 'district_not_found', { pl: 'Nie ma takiego rejonu.', en: 'No such district.' }),
  invalidEmail: (message: { pl: string; en: string }) => new AppError(400, 'invalid_email', message, { field: 'email' }),
};

/** The secret the unsubscribe tokens are derived from, shared by every instance on the database. */
export const unsubscribeSecret = (db: Db): Promise<string> => loadOrCreateSecret(db, 'subscriptions_unsubscribe_key');

/** The address of a subscription's one-click unsubscribe, for every mail it gets. */
export const unsubscribeUrl = (siteUrl: string, secret: string, subscriptionId: string): string =>
  `${siteUrl}/obserwuj/wypisz/${unsubscribeToken(secret, subscriptionId)}`;

export async function districtToFollow(db: Db, unitId: string, number: string) {
  const n = /^\d{1,4}$/.test(number) ? Number(number) : NaN;
  const district = Number.isNaN(n) ? undefined : await followableDistrict(db, unitId, n);
  if (!district) throw subscriptionErrors.districtNotFound();
  return district;
}

/**
 * A resident asks to follow a district. Whether the address is new, waiting or already confirmed,
 * the caller shows the same page; only a new or waiting address is mailed a link (see subscribeStep).
 */
export async function subscribe(
  db: Db,
  actor: Actor,
  input: { unitId: string; number: string; email: string; lang: Lang },
  siteUrl: string,
  now = new Date(),
): Promise<void> {
  const email = normalizeEmail(input.email);
  const problem = emailProblem(email);
  if (problem) throw subscriptionErrors.invalidEmail(problem);
  const district = await districtToFollow(db, input.unitId, input.number);
  const secret = await unsubscribeSecret(db);
  await inTransaction(db, actor, async (trx) => {
    const known = await subscriptionOf(trx, district.id, email);
    const step = subscribeStep(known && { confirmedAt: known.confirmed_at, confirmSentAt: known.confirm_sent_at }, now);
    if (step === 'nothing') return;
    const token = newToken();
    const id = known?.id ?? randomUUID();
    if (step === 'create') {
      await insertSubscription(trx, {
        id,
        district_id: district.id,
        unit_id: district.unitId,
        email,
        lang: input.lang,
        confirm_hash: hashToken(token),
        unsubscribe_hash: hashToken(unsubscribeToken(secret, id)),
      });
    } else await renewConfirmation(trx, id, hashToken(token), input.lang);
    await queueMail(
      trx,
      confirmationMail({
        to: email,
        lang: input.lang,
        district: `${district.name} (${district.unitName})`,
        confirmUrl: `${siteUrl}/obserwuj/potwierdz/${token}`,
        unsubscribeUrl: unsubscribeUrl(siteUrl, secret, id),
        expiresAt: confirmExpiresAt(now),
      }),
    );
  });
}

/** What a link's page says: the district, or that the link does not work (used, expired or wrong). */
export type LinkState = { ok: true; subscription: SubscriptionRow; districtName: string } | { ok: false };

async function withDistrict(db: Db, row: SubscriptionRow | undefined): Promise<LinkState> {
  if (!row) return { ok: false };
  const [unitId, number] = [row.unit_id, row.district_id.slice(row.unit_id.length + 1)];
  const district = await followableDistrict(db, unitId, Number(number));
  return { ok: true, subscription: row, districtName: district ? `${district.name} (${district.unitName})` : row.district_id };
}

/** The subscription a confirmation link names, if the link still works. */
export async function confirmationLink(db: Db, token: string, now = new Date()): Promise<LinkState> {
  if (!isTokenShape(token)) return { ok: false };
  const row = await subscriptionByConfirmHash(db, hashToken(token));
  return withDistrict(db, row && !confirmExpired(row.confirm_sent_at, now) ? row : undefined);
}

/** Confirms the subscription; false when the link does not work (again: already confirmed). */
export async function confirm(db: Db, actor: Actor, token: string, now = new Date()): Promise<boolean> {
  if (!isTokenShape(token)) return false;
  return inTransaction(db, actor, async (trx) => {
    const row = await subscriptionByConfirmHash(trx, hashToken(token));
    if (!row || confirmExpired(row.confirm_sent_at, now)) return false;
    await markConfirmed(trx, row.id, now);
    return true;
  });
}

export async function unsubscribeLink(db: Db, token: string): Promise<LinkState> {
  if (!isTokenShape(token)) return { ok: false };
  return withDistrict(db, await subscriptionByUnsubscribeHash(db, hashToken(token)));
}

/** Deletes the subscription (nothing of it is kept); a link already used does nothing. */
export async function unsubscribe(db: Db, actor: Actor, token: string): Promise<void> {
  if (!isTokenShape(token)) return;
  await inTransaction(db, actor, async (trx) => {
    const row = await subscriptionByUnsubscribeHash(trx, hashToken(token));
    if (row) await deleteSubscription(trx, row.id);
  });
}
