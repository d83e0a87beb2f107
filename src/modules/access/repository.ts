/**
 * Where a person stands, as the policy reads it: the unit tree ("my unit and below") and the
 * districts an account serves through its officer record. Every module scopes by these, so they
 * live here, below the modules that use them (units, districts, accounts, plans, reports).
 */
import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.js';
import type { Trx } from '../../platform/audit/actor.js';

type Queryable = Db | Trx;

/** Ids of a unit and every unit below it, as a subquery. */
export function subtreeOf(unitId: string) {
  return sql<string>`(
    with recursive subtree(id) as (
      select ${unitId}::text
      union all
      select u.id from units u join subtree s on u.parent_id = s.id
    ) select id from subtree)`;
}

/** The unit's ancestry from the top (KGP) down to the unit itself; empty when it does not exist. */
export async function unitAncestry(db: Queryable, id: string): Promise<string[]> {
  const result = await sql<{ id: string; depth: number }>`
    with recursive chain(id, parent_id, depth) as (
      select id, parent_id, 0 from units where id = ${id}
      union all
      select u.id, u.parent_id, c.depth + 1 from units u join chain c on u.id = c.parent_id where c.depth < 20
    ) select id, depth from chain order by depth desc`.execute(db);
  return result.rows.map((row) => row.id);
}

/** The officer record linked to an account, if any (one at most). */
export async function officerLinkedTo(db: Queryable, accountId: string): Promise<{ id: string; unitId: string } | undefined> {
  const row = await db.selectFrom('officers').select(['id', 'unit_id']).where('account_id', '=', accountId).executeTakeFirst();
  return row && { id: row.id, unitId: row.unit_id };
}

/**
 * Districts a person serves on `day` as their officer or substitute (through the officer record
 * linked to their account). Only districts of the person's unit or below count: a link, however it
 * came about, never reaches outside the account's own unit.
 */
export async function districtsServedBy(db: Queryable, person: { accountId: string; unitId: string }, day: string): Promise<string[]> {
  const rows = await db
    .selectFrom('assignments as a')
    .innerJoin('officers as o', 'o.id', 'a.officer_id')
    .select('a.district_id')
    .where('o.account_id', '=', person.accountId)
    .where('o.retired_at', 'is', null)
    .where('a.unit_id', 'in', subtreeOf(person.unitId))
    .where('a.starts_on', '<=', day)
    .where((eb) => eb.or([eb('a.ends_on', 'is', null), eb('a.ends_on', '>=', day)]))
    .execute();
  return [...new Set(rows.map((r) => r.district_id))];
}
