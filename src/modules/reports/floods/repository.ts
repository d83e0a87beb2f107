import { sql } from 'kysely';
import type { Trx } from '../../../platform/audit/actor.js';

/** A district's digest whose period is over, with what its e-mail needs. */
export interface DueDigest {
  id: number;
  districtId: string;
  districtName: string;
  recipient: string;
  openedAt: Date;
  closesAt: Date;
}

/** How many reports of a category a digest holds, and how many of them still wait for review. */
export interface DigestCount {
  digestId: number;
  categoryId: string;
  total: number;
  held: number;
}

/**
 * Digests whose period ended by `now` and that are not mailed yet, locked for this transaction.
 * Another instance skips them (SKIP LOCKED); FOR NO KEY UPDATE still lets a report being stored
 * point at the digest (its foreign key takes only a key-share lock), so the two never wait for
 * each other through the row.
 */
export async function takeDueDigests(trx: Trx, now: Date, limit = 100): Promise<DueDigest[]> {
  const { rows } = await sql<{
    id: number | string;
    district_id: string;
    district_name: string;
    recipient: string;
    opened_at: Date;
    closes_at: Date;
  }>`
    select d.id, d.district_id, x.name as district_name, d.recipient, d.opened_at, d.closes_at
    from report_digests d join districts x on x.id = d.district_id
    where d.queued_at is null and d.closes_at <= ${now}::timestamptz
    order by d.id limit ${limit}
    for no key update of d skip locked`.execute(trx);
  return rows.map((r) => ({
    id: Number(r.id),
    districtId: r.district_id,
    districtName: r.district_name,
    recipient: r.recipient,
    openedAt: r.opened_at,
    closesAt: r.closes_at,
  }));
}

/**
 * Waits for reports that are joining the districts' digests right now: a report is counted and
 * joins a digest under its district's lock (`report_intake`), so once this transaction holds the
 * locks, every report of the digests is committed and the counts that follow see it. Districts
 * are locked in one order, so two instances never wait for each other.
 */
export async function lockDistricts(trx: Trx, districtIds: string[]): Promise<void> {
  for (const id of [...new Set(districtIds)].sort()) await sql`select lock_report_scope(${id})`.execute(trx);
}

export async function digestCounts(trx: Trx, digestIds: number[]): Promise<DigestCount[]> {
  if (digestIds.length === 0) return [];
  const { rows } = await sql<{ digest_id: number | string; category_id: string; total: number; held: number }>`
    select r.digest_id, r.category_id, count(*)::int as total, (count(*) filter (where r.hold = 'held'))::int as held
    from reports r where r.digest_id = any(${digestIds}::bigint[])
    group by r.digest_id, r.category_id
    order by r.digest_id, total desc, r.category_id`.execute(trx);
  return rows.map((r) => ({ digestId: Number(r.digest_id), categoryId: r.category_id, total: r.total, held: r.held }));
}

/** From now on no report joins these digests: the next one of the district opens a new digest. */
export async function markDigestsQueued(trx: Trx, digestIds: number[]): Promise<void> {
  if (digestIds.length === 0) return;
  await trx
    .updateTable('report_digests')
    .set({ queued_at: sql`now()` })
    .where('id', 'in', digestIds)
    .execute();
}
