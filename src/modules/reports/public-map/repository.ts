import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../../platform/db/database.js';
import { subtreeOf } from '../../access/index.js';
import { listedPublicly } from '../repository.js';
import type { BoundingBox, ReportStatus } from '../rules/index.js';
import type { PublicFilter } from './filters.js';
import { cellRange, rangeBox } from './map-grid.js';

/*
 * Every query here reads only the public columns of a report: id, category, status, public_position
 * (the 50 m grid), unit, district, dates and confirmations. Never description, email, address,
 * position or reporter_ip: keep it that way. And only reports listed publicly (not held back by a
 * flood limit, rules/floods.ts): every query's conditions start with that.
 */

/** A report as the public list, map and downloads show it. */
export interface PublicRow {
  id: number;
  categoryId: string;
  status: ReportStatus;
  /** Approximate (snapped to the 50 m grid); null when the report was given by address only. */
  lon: number | null;
  lat: number | null;
  unitId: string;
  unitName: string;
  districtId: string | null;
  districtName: string | null;
  createdAt: Date;
  statusChangedAt: Date;
  confirmations: number;
  /** The day of the event ("YYYY-MM-DD", Poland) and its hour (0–23), when given: never the minutes. */
  eventDate: string | null;
  eventHour: number | null;
}

interface RawRow {
  id: number | string;
  category_id: string;
  status: string;
  lon: number | null;
  lat: number | null;
  unit_id: string;
  unit_name: string;
  district_id: string | null;
  district_name: string | null;
  created_at: Date;
  status_changed_at: Date;
  confirmations: number;
  event_date: string | null;
  event_hour: number | null;
}

const publicColumns = sql`r.id, r.category_id, r.status, r.public_position[0] as lon, r.public_position[1] as lat,
  r.unit_id, u.name as unit_name, r.district_id, d.name as district_name, r.created_at, r.status_changed_at, r.confirmations,
  r.event_date::text as event_date, extract(hour from r.event_time)::int as event_hour`;
const publicFrom = sql`reports r join units u on u.id = r.unit_id left join districts d on d.id = r.district_id`;

const toRow = (row: RawRow): PublicRow => ({
  id: Number(row.id),
  categoryId: row.category_id,
  status: row.status as ReportStatus,
  lon: row.lon,
  lat: row.lat,
  unitId: row.unit_id,
  unitName: row.unit_name,
  districtId: row.district_id,
  districtName: row.district_name,
  createdAt: row.created_at,
  statusChangedAt: row.status_changed_at,
  confirmations: row.confirmations,
  eventDate: row.event_date,
  eventHour: row.event_hour,
});

/** Periods are Polish calendar days: midnight in Warsaw, whatever the session's time zone. */
function conditions(filter: PublicFilter): RawBuilder<unknown> {
  const where = [listedPublicly];
  if (filter.category) where.push(sql`r.category_id = ${filter.category}`);
  if (filter.status) where.push(sql`r.status = ${filter.status}`);
  if (filter.unitId) where.push(sql`r.unit_id in (${subtreeOf(filter.unitId)})`);
  if (filter.districtId) where.push(sql`r.district_id = ${filter.districtId}`);
  if (filter.from) where.push(sql`r.created_at >= (${filter.from}::date)::timestamp at time zone 'Europe/Warsaw'`);
  if (filter.to) where.push(sql`r.created_at < (${filter.to}::date + 1)::timestamp at time zone 'Europe/Warsaw'`);
  return sql.join(where, sql` and `);
}

const inBox = (box: BoundingBox) => sql`r.public_position <@ box(point(${box.minLon}, ${box.minLat}), point(${box.maxLon}, ${box.maxLat}))`;

export async function countPublic(db: Db, filter: PublicFilter): Promise<number> {
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from reports r where ${conditions(filter)}`.execute(db);
  return Number(rows[0]?.n ?? 0);
}

/** The rows of one page, newest first. */
export async function listPublicRows(db: Db, filter: PublicFilter, page: number, pageSize: number): Promise<PublicRow[]> {
  const { rows } = await sql<RawRow>`select ${publicColumns} from ${publicFrom} where ${conditions(filter)}
    order by r.created_at desc, r.id desc limit ${pageSize} offset ${(page - 1) * pageSize}`.execute(db);
  return rows.map(toRow);
}

/** One page, newest first, with the number of all matching reports. */
export async function listPublic(
  db: Db,
  filter: PublicFilter,
  page: number,
  pageSize: number,
): Promise<{ rows: PublicRow[]; total: number }> {
  const [rows, total] = await Promise.all([listPublicRows(db, filter, page, pageSize), countPublic(db, filter)]);
  return { rows, total };
}

/** The downloads, newest first in batches (keyset on id), so a big export never sits in memory. */
export async function* exportPublic(db: Db, filter: PublicFilter, limit: number, batch = 2000): AsyncGenerator<PublicRow> {
  let last: number | null = null;
  let left = limit;
  while (left > 0) {
    const size = Math.min(batch, left);
    const after: RawBuilder<unknown> = last === null ? sql`true` : sql`r.id < ${last}`;
    const { rows }: { rows: RawRow[] } =
      await sql<RawRow>`select ${publicColumns} from ${publicFrom} where ${conditions(filter)} and ${after}
      order by r.id desc limit ${size}`.execute(db);
    for (const row of rows) yield toRow(row);
    if (rows.length < size) return;
    left -= rows.length;
    last = Number(rows[rows.length - 1]!.id);
  }
}

/** The smallest box around the filtered reports' public points, for the map's first view. */
export async function publicExtent(db: Db, filter: PublicFilter): Promise<BoundingBox | null> {
  const { rows } = await sql<{ min_lon: number | null; min_lat: number | null; max_lon: number | null; max_lat: number | null }>`
    select min(r.public_position[0]) as min_lon, min(r.public_position[1]) as min_lat,
      max(r.public_position[0]) as max_lon, max(r.public_position[1]) as max_lat
    from reports r where r.public_position is not null and ${conditions(filter)}`.execute(db);
  const row = rows[0];
  if (!row || row.min_lon === null || row.min_lat === null || row.max_lon === null || row.max_lat === null) return null;
  return { minLon: row.min_lon, minLat: row.min_lat, maxLon: row.max_lon, maxLat: row.max_lat };
}

/** One report as a map cell holding only it shows it. */
export interface CellReport {
  id: number;
  categoryId: string;
  status: ReportStatus;
}

export interface MapCell {
  count: number;
  /** The mean public position of the cell's reports (the report's own when count is 1). */
  lon: number;
  lat: number;
  /** The one report of a cell with count 1; null for a cluster. */
  single: CellReport | null;
}

/**
 * Clusters for the map: the reports in the grid cells the box touches at `zoom` (whole cells, see
 * `cellRange`), grouped by cell, with their count and mean position. The box of the cells narrows the
 * search through the GiST index on public_position; the cell numbers decide.
 */
export async function mapCells(db: Db, filter: PublicFilter, box: BoundingBox, zoom: number): Promise<MapCell[]> {
  const range = cellRange(box, zoom);
  const x = sql`floor(r.public_position[0] / ${range.lon})`;
  const y = sql`floor(r.public_position[1] / ${range.lat})`;
  const { rows } = await sql<{ n: number; lon: number; lat: number; id: number | string; category_id: string; status: string }>`
    select count(*)::int as n, avg(r.public_position[0]) as lon, avg(r.public_position[1]) as lat,
      min(r.id) as id, min(r.category_id) as category_id, min(r.status) as status
    from reports r
    where ${inBox(rangeBox(range))} and ${x} between ${range.x0} and ${range.x1} and ${y} between ${range.y0} and ${range.y1} and ${conditions(filter)}
    group by ${x}, ${y}`.execute(db);
  return rows.map((row) => ({
    count: row.n,
    lon: Number(row.lon),
    lat: Number(row.lat),
    single: row.n === 1 ? { id: Number(row.id), categoryId: row.category_id, status: row.status as ReportStatus } : null,
  }));
}

export interface MapPoint {
  id: number;
  categoryId: string;
  status: ReportStatus;
  lon: number;
  lat: number;
  confirmations: number;
  createdAt: Date;
}

/** Single reports in the box, newest first, at most `limit`. */
export async function mapPoints(db: Db, filter: PublicFilter, box: BoundingBox, limit: number): Promise<MapPoint[]> {
  const { rows } = await sql<{
    id: number | string;
    category_id: string;
    status: string;
    lon: number;
    lat: number;
    confirmations: number;
    created_at: Date;
  }>`
    select r.id, r.category_id, r.status, r.public_position[0] as lon, r.public_position[1] as lat, r.confirmations, r.created_at
    from reports r
    where ${inBox(box)} and ${conditions(filter)}
    order by r.created_at desc, r.id desc limit ${limit}`.execute(db);
  return rows.map((row) => ({
    id: Number(row.id),
    categoryId: row.category_id,
    status: row.status as ReportStatus,
    lon: row.lon,
    lat: row.lat,
    confirmations: row.confirmations,
    createdAt: row.created_at,
  }));
}

/** Public reports without a public point (a resident gave only an address), per district. */
export async function unplacedByDistrict(db: Db, filter: PublicFilter): Promise<Map<string, number>> {
  const { rows } = await sql<{ district_id: string; n: number }>`
    select r.district_id, count(*)::int as n from reports r
    where r.public_position is null and r.district_id is not null and ${conditions(filter)}
    group by r.district_id`.execute(db);
  return new Map(rows.map((row) => [row.district_id, row.n]));
}

export interface DistrictCount {
  districtId: string | null;
  districtName: string | null;
  unitId: string;
  unitName: string;
  count: number;
}

export interface ReportStats {
  total: number;
  byCategory: Map<string, number>;
  byStatus: Map<ReportStatus, number>;
  /** Most first. */
  byDistrict: DistrictCount[];
  /** "YYYY-MM" (Polish time) → count, only for months from `sinceMonth` on. */
  byMonth: Map<string, number>;
  /** By the hour (0–23, Polish time) of the event, for reports that give a time; index = hour. */
  byHour: number[];
  /** By the day of the week of the event's day, Monday first (index 0), for reports that give a day. */
  byWeekday: number[];
}

/** Counts for the statistics page; `sinceMonth` is the first day "YYYY-MM-01" of the monthly window. */
export async function publicStats(db: Db, filter: PublicFilter, sinceMonth: string): Promise<ReportStats> {
  const where = conditions(filter);
  const [categories, statuses, districts, months, hours, weekdays] = await Promise.all([
    sql<{ key: string; n: number }>`select r.category_id as key, count(*)::int as n from reports r where ${where} group by 1`.execute(db),
    sql<{ key: string; n: number }>`select r.status as key, count(*)::int as n from reports r where ${where} group by 1`.execute(db),
    sql<{ district_id: string | null; district_name: string | null; unit_id: string; unit_name: string; n: number }>`
      select r.district_id, d.name as district_name, r.unit_id, u.name as unit_name, count(*)::int as n
      from ${publicFrom} where ${where}
      group by r.district_id, d.name, r.unit_id, u.name
      order by n desc, u.name, d.name nulls last`.execute(db),
    sql<{ key: string; n: number }>`select to_char(r.created_at at time zone 'Europe/Warsaw', 'YYYY-MM') as key, count(*)::int as n
      from reports r where ${where} and r.created_at >= (${sinceMonth}::date)::timestamp at time zone 'Europe/Warsaw' group by 1`.execute(
      db,
    ),
    sql<{ key: number; n: number }>`select extract(hour from r.event_time)::int as key, count(*)::int as n
      from reports r where ${where} and r.event_time is not null group by 1`.execute(db),
    // isodow: Monday 1 … Sunday 7.
    sql<{ key: number; n: number }>`select extract(isodow from r.event_date)::int - 1 as key, count(*)::int as n
      from reports r where ${where} and r.event_date is not null group by 1`.execute(db),
  ]);
  const slots = (length: number, rows: { key: number; n: number }[]) => {
    const counts = new Array<number>(length).fill(0);
    for (const row of rows) counts[row.key] = row.n;
    return counts;
  };
  const byCategory = new Map(categories.rows.map((row) => [row.key, row.n]));
  return {
    total: [...byCategory.values()].reduce((sum, n) => sum + n, 0),
    byCategory,
    byStatus: new Map(statuses.rows.map((row) => [row.key as ReportStatus, row.n])),
    byDistrict: districts.rows.map((row) => ({
      districtId: row.district_id,
      districtName: row.district_name,
      unitId: row.unit_id,
      unitName: row.unit_name,
      count: row.n,
    })),
    byMonth: new Map(months.rows.map((row) => [row.key, row.n])),
    byHour: slots(24, hours.rows),
    byWeekday: slots(7, weekdays.rows),
  };
}
