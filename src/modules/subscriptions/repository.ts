import { sql, type Selectable } from 'kysely';
import type { Trx } from '../../platform/audit/actor.js';
import type { Db } from '../../platform/db/database.js';
import type { SubscriptionsTable } from '../../platform/db/schema.js';
import type { Insertable } from 'kysely';

/** All SQL of district subscriptions (obserwowanie rejonu) and of the news they are told. */
export type SubscriptionRow = Selectable<SubscriptionsTable>;

/** A district residents may follow: not retired; looked up as its public address names it. */
export async function followableDistrict(
  db: Db,
  unitId: string,
  number: number,
): Promise<{ id: string; name: string; number: number; unitId: string; unitName: string } | undefined> {
  return db
    .selectFrom('districts as d')
    .innerJoin('units as u', 'u.id', 'd.unit_id')
    .select(['d.id', 'd.name', 'd.number', 'd.unit_id as unitId', 'u.name as unitName'])
    .where('d.unit_id', '=', unitId)
    .where('d.number', '=', number)
    .where('d.retired_at', 'is', null)
    .executeTakeFirst();
}

export async function subscriptionOf(trx: Trx, districtId: string, email: string): Promise<SubscriptionRow | undefined> {
  return trx.selectFrom('subscriptions').selectAll().where('district_id', '=', districtId).where('email', '=', email).executeTakeFirst();
}

export async function insertSubscription(trx: Trx, row: Insertable<SubscriptionsTable>): Promise<void> {
  await trx.insertInto('subscriptions').values(row).execute();
}

/** A new confirmation link: the old one stops working. */
export async function renewConfirmation(trx: Trx, id: string, confirmHash: string, lang: string): Promise<void> {
  await trx
    .updateTable('subscriptions')
    .set({ confirm_hash: confirmHash, confirm_sent_at: new Date(), lang })
    .where('id', '=', id)
    .execute();
}

export async function subscriptionByConfirmHash(db: Db | Trx, hash: string): Promise<SubscriptionRow | undefined> {
  return db.selectFrom('subscriptions').selectAll().where('confirm_hash', '=', hash).executeTakeFirst();
}

export async function subscriptionByUnsubscribeHash(db: Db | Trx, hash: string): Promise<SubscriptionRow | undefined> {
  return db.selectFrom('subscriptions').selectAll().where('unsubscribe_hash', '=', hash).executeTakeFirst();
}

export async function markConfirmed(trx: Trx, id: string, at: Date): Promise<void> {
  await trx.updateTable('subscriptions').set({ confirmed_at: at, confirm_hash: null }).where('id', '=', id).execute();
}

export async function deleteSubscription(trx: Trx, id: string): Promise<void> {
  await trx.deleteFrom('subscriptions').where('id', '=', id).execute();
}

/** Confirmed followers of any of `districtIds`, with what their mail needs. */
export async function followersOf(db: Db | Trx, districtIds: readonly string[]) {
  if (districtIds.length === 0) return [];
  return db
    .selectFrom('subscriptions as s')
    .innerJoin('districts as d', 'd.id', 's.district_id')
    .select(['s.id', 's.district_id', 's.email', 's.lang', 's.confirmed_at', 'd.name as district_name'])
    .where('s.district_id', 'in', districtIds)
    .where('s.confirmed_at', 'is not', null)
    .execute();
}

/** Records that a piece of news was told; false when another run already did (nothing to mail). */
export async function claimNotice(trx: Trx, key: string, districtIds: readonly string[], recipients: number): Promise<boolean> {
  const row = await trx
    .insertInto('subscription_notices')
    .values({ event_key: key, district_ids: [...districtIds], recipients })
    .onConflict((c) => c.column('event_key').doNothing())
    .returning('event_key')
    .executeTakeFirst();
  return row !== undefined;
}

export async function noticedKeys(db: Db, keys: readonly string[]): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const rows = await db.selectFrom('subscription_notices').select('event_key').where('event_key', 'in', keys).execute();
  return new Set(rows.map((r) => r.event_key));
}

/** Notices older than `before` are forgotten: their news is out of the notifier's window by then. */
export async function forgetNotices(db: Db, before: Date): Promise<void> {
  await db.deleteFrom('subscription_notices').where('noticed_at', '<', before).execute();
}

/** Erases subscriptions whose confirmation link was sent before `cutoff` and never used (retention). */
export async function deleteUnconfirmed(trx: Trx, cutoff: Date, limit: number): Promise<number> {
  const { rows } = await sql<{ n: number }>`
    with due as (
      select id from subscriptions where confirmed_at is null and confirm_sent_at < ${cutoff} order by confirm_sent_at limit ${limit}
      for update skip locked
    ),
    done as (delete from subscriptions where id = any(array(select id from due)) returning 1)
    select count(*)::int as n from done`.execute(trx);
  return Number(rows[0]!.n);
}

/** Plan publications (each version) and evaluations, newest first, of one district or (null) of all, since `since`. */
export async function planNews(db: Db | Trx, districtId: string | null, since: Date | null, limit: number) {
  let query = db
    .selectFrom('plan_events as e')
    .innerJoin('plans as p', 'p.id', 'e.plan_id')
    .innerJoin('districts as d', 'd.id', 'p.district_id')
    .innerJoin('units as u', 'u.id', 'p.unit_id')
    .select(['e.id', 'e.transition', 'e.at', 'e.version', 'p.id as plan_id', 'p.district_id', 'p.period_from', 'p.period_to'])
    .select(['d.name as district_name', 'u.name as unit_name'])
    .where('e.transition', 'in', ['publish', 'evaluate']);
  if (districtId !== null) query = query.where('p.district_id', '=', districtId);
  if (since !== null) query = query.where('e.at', '>', since);
  return query.orderBy('e.at', 'desc').orderBy('e.id', 'desc').limit(limit).execute();
}

/** Meetings about one district or (null) any, last changed first, changed since `since`. */
export async function meetingNews(db: Db | Trx, districtId: string | null, since: Date | null, limit: number) {
  let query = db
    .selectFrom('meetings as m')
    .innerJoin('units as u', 'u.id', 'm.unit_id')
    .select(['m.id', 'm.district_ids', 'm.kind', 'm.on_day', 'm.starts_at', 'm.ends_at', 'm.place', 'm.topic', 'm.sequence'])
    .select(['m.cancelled_at', 'm.cancel_reason', 'm.created_at', 'm.updated_at', 'u.name as unit_name']);
  if (districtId !== null) query = query.where(sql<boolean>`m.district_ids @> ARRAY[${districtId}]::text[]`);
  if (since !== null) query = query.where('m.updated_at', '>', since);
  return query.orderBy('m.updated_at', 'desc').limit(limit).execute();
}

export async function districtNames(db: Db | Trx, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db.selectFrom('districts').select(['id', 'name', 'number', 'unit_id']).where('id', 'in', ids).execute();
}
