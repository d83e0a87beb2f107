import { sql } from 'kysely';
import type { Trx } from '../../platform/audit/actor.js';
import type { Db } from '../../platform/db/database.js';
import type { DayWindow, MonthCount } from './model.js';
import type { PlacedCount } from './rules/place.js';

/** All SQL of indicator data (migration 0015) and of counting confirmed reports for indicators. */

export async function unitNamed(db: Db | Trx, unitId: string): Promise<{ id: string; name: string } | undefined> {
  return db.selectFrom('units').select(['id', 'name']).where('id', '=', unitId).executeTakeFirst();
}

export async function unitDistrictIds(db: Db | Trx, unitId: string): Promise<string[]> {
  const rows = await db.selectFrom('districts').select('id').where('unit_id', '=', unitId).orderBy('number').execute();
  return rows.map((r) => r.id);
}

export async function insertImport(
  trx: Trx,
  row: {
    unitId: string;
    fileName: string;
    importedBy: string;
    accepted: number;
    lines: number;
    rejected: { line: number; pl: string; en: string }[];
  },
): Promise<string> {
  const { id } = await trx
    .insertInto('indicator_imports')
    .values({
      unit_id: row.unitId,
      file_name: row.fileName,
      imported_by: row.importedBy,
      accepted: row.accepted,
      lines: row.lines,
      rejected: JSON.stringify(row.rejected),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** Writes the cells, each replacing the stored count of its (unit, category, district, day). */
export async function replaceCounts(trx: Trx, unitId: string, importId: string, cells: readonly PlacedCount[]): Promise<void> {
  for (let i = 0; i < cells.length; i += 1000) {
    await trx
      .insertInto('indicator_counts')
      .values(
        cells.slice(i, i + 1000).map((c) => ({
          unit_id: unitId,
          category: c.category,
          district_id: c.districtId,
          on_day: c.day,
          count: c.count,
          import_id: importId,
        })),
      )
      .onConflict((oc) =>
        oc.columns(['unit_id', 'category', 'district_id', 'on_day']).doUpdateSet({
          count: (eb) => eb.ref('excluded.count'),
          import_id: (eb) => eb.ref('excluded.import_id'),
        }),
      )
      .execute();
  }
}

export async function recentImports(db: Db, unitId: string, limit: number) {
  return db
    .selectFrom('indicator_imports')
    .select(['id', 'file_name', 'imported_by', 'imported_at', 'accepted', 'lines', 'rejected'])
    .where('unit_id', '=', unitId)
    .orderBy('imported_at', 'desc')
    .limit(limit)
    .execute();
}

/** The unit's imported categories with their counts per month, from `from` on. */
export async function unitMonthlyCounts(
  db: Db,
  unitId: string,
  from: string,
): Promise<{ category: string; month: string; count: number }[]> {
  const rows = await db
    .selectFrom('indicator_counts')
    .select(['category', sql<string>`to_char(on_day, 'YYYY-MM')`.as('month'), sql<number>`sum(count)::int`.as('count')])
    .where('unit_id', '=', unitId)
    .where('on_day', '>=', from)
    .groupBy(['category', sql`to_char(on_day, 'YYYY-MM')`])
    .orderBy('category')
    .orderBy('month')
    .execute();
  return rows.map((r) => ({ ...r, count: Number(r.count) }));
}

/** A district's imported counts by category over a window (both days inclusive), largest first. */
export async function districtCountsByCategory(
  db: Db,
  districtId: string,
  window: { from: string; to: string },
): Promise<{ category: string; count: number }[]> {
  const rows = await db
    .selectFrom('indicator_counts')
    .select(['category', sql<number>`sum(count)::int`.as('count')])
    .where('district_id', '=', districtId)
    .where('on_day', '>=', window.from)
    .where('on_day', '<=', window.to)
    .groupBy('category')
    .orderBy(sql`sum(count)`, 'desc')
    .orderBy('category')
    .execute();
  return rows.map((r) => ({ category: r.category, count: Number(r.count) }));
}

export async function unitCategories(db: Db, unitId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('indicator_counts')
    .select('category')
    .distinct()
    .where('unit_id', '=', unitId)
    .orderBy('category')
    .execute();
  return rows.map((r) => r.category);
}

const reportDay = sql`(r.created_at at time zone 'Europe/Warsaw')::date`;

/** The confirmed-report filter shared by both report counts: categories, statuses, districts and the window's days in Poland. */
function countedReports(categories: readonly string[], districtIds: readonly string[], window: DayWindow, statuses: readonly string[]) {
  return sql`r.district_id in (${sql.join(districtIds)}) and r.category_id in (${sql.join(categories)})
    and r.status in (${sql.join(statuses)}) and r.hold is distinct from 'rejected'
    and r.created_at >= (${window.from}::date)::timestamp at time zone 'Europe/Warsaw'
    and r.created_at < (${window.to}::date + 1)::timestamp at time zone 'Europe/Warsaw'`;
}

/** Counts by month in the window: imported counts, or confirmed reports (`statuses`) by the day they were made. */
export async function countsByMonth(
  db: Db | Trx,
  source: 'imported' | 'reports',
  categories: readonly string[],
  area: { districtIds: readonly string[] },
  window: DayWindow,
  statuses: readonly string[],
): Promise<MonthCount[]> {
  if (categories.length === 0 || area.districtIds.length === 0 || window.to < window.from) return [];
  const { rows } =
    source === 'imported'
      ? await sql<{ month: string; count: number }>`
          select to_char(on_day, 'YYYY-MM') as month, sum(count)::int as count
          from indicator_counts
          where district_id in (${sql.join(area.districtIds)}) and category in (${sql.join(categories)})
            and on_day between ${window.from}::date and ${window.to}::date
          group by 1 order by 1`.execute(db)
      : await sql<{ month: string; count: number }>`
          select to_char(${reportDay}, 'YYYY-MM') as month, count(*)::int as count
          from reports r
          where ${countedReports(categories, area.districtIds, window, statuses)}
          group by 1 order by 1`.execute(db);
  return rows.map((r) => ({ month: r.month, count: Number(r.count) }));
}

/**
 * The points and months of the confirmed reports (as counted by `countsByMonth`) whose point lies in
 * the box (edges included): the box prefilters in SQL, the caller keeps those inside its polygon.
 */
export async function reportPointsInBox(
  db: Db | Trx,
  categories: readonly string[],
  districtIds: readonly string[],
  box: { minX: number; minY: number; maxX: number; maxY: number },
  window: DayWindow,
  statuses: readonly string[],
): Promise<{ month: string; lon: number; lat: number }[]> {
  if (categories.length === 0 || districtIds.length === 0 || window.to < window.from) return [];
  const { rows } = await sql<{ month: string; lon: number; lat: number }>`
    select to_char(${reportDay}, 'YYYY-MM') as month, r.position[0] as lon, r.position[1] as lat
    from reports r
    where ${countedReports(categories, districtIds, window, statuses)}
      and r.position <@ box(point(${box.minX}, ${box.minY}), point(${box.maxX}, ${box.maxY}))`.execute(db);
  return rows.map((r) => ({ month: r.month, lon: Number(r.lon), lat: Number(r.lat) }));
}
