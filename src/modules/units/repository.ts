import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.js';
import type { Trx } from '../../platform/audit/actor.js';
import type { Unit, UnitKind } from './model.js';

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

function toUnit(row: { id: string; parent_id: string | null; kind: string; name: string; retired_at: Date | null }): Unit {
  return { id: row.id, parentId: row.parent_id, kind: row.kind as UnitKind, name: row.name, retiredAt: row.retired_at };
}

export async function listUnits(db: Queryable, options: { includeRetired?: boolean } = {}): Promise<Unit[]> {
  let query = db.selectFrom('units').select(['id', 'parent_id', 'kind', 'name', 'retired_at']);
  if (!options.includeRetired) query = query.where('retired_at', 'is', null);
  return (await query.orderBy('id').execute()).map(toUnit);
}

/** Units of one subtree (a unit and everything below it). */
export async function listSubtree(db: Queryable, unitId: string): Promise<Unit[]> {
  const rows = await db
    .selectFrom('units')
    .select(['id', 'parent_id', 'kind', 'name', 'retired_at'])
    .where('id', 'in', subtreeOf(unitId))
    .where('retired_at', 'is', null)
    .execute();
  return rows.map(toUnit);
}

export async function findUnit(db: Queryable, id: string): Promise<Unit | undefined> {
  const row = await db
    .selectFrom('units')
    .select(['id', 'parent_id', 'kind', 'name', 'retired_at'])
    .where('id', '=', id)
    .executeTakeFirst();
  return row && toUnit(row);
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

export async function insertUnit(
  trx: Trx,
  unit: { id: string; parentId: string | null; kind: UnitKind; name: string },
): Promise<void> {
  await trx
    .insertInto('units')
    .values({ id: unit.id, parent_id: unit.parentId, kind: unit.kind, name: unit.name })
    .execute();
}
