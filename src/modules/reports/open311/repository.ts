import { sql } from 'kysely';
import type { Db } from '../../../platform/db/database.js';
import type { Localized } from '../../../platform/i18n/i18n.js';
import type { LonLat } from '../rules/geo.js';
import { listedPublicly } from '../repository.js';
import { isListedPublicly, publicStatus, reportStatuses, type Hold, type ReportStatus } from '../rules/index.js';

/**
 * What Open311 shows of a report. Read by its own query that selects only public columns, so the
 * description, the e-mail, the exact point, the typed address and the IP address cannot leak
 * through this API even by mistake. A report held back by a flood limit is in no list, and alone
 * (by its number) it shows no place and no district, as on its public page.
 */
export interface Open311Report {
  id: number;
  categoryId: string;
  categoryName: Localized;
  status: ReportStatus;
  unitId: string;
  unitName: string;
  districtId: string | null;
  publicPosition: LonLat | null;
  createdAt: Date;
  updatedAt: Date;
  forwardedTo: string | null;
  duplicateOf: number | null;
  awaitingReview: boolean;
}

interface Row {
  id: number | string;
  category_id: string;
  name_pl: string;
  name_en: string;
  status: string;
  unit_id: string;
  unit_name: string;
  district_id: string | null;
  public_lon: number | null;
  public_lat: number | null;
  created_at: Date;
  updated_at: Date;
  forwarded_to: string | null;
  duplicate_of: number | string | null;
  hold: string | null;
}

const publicColumns = sql`r.id, r.category_id, c.name_pl, c.name_en, r.status, r.unit_id, u.name as unit_name, r.district_id,
  r.public_position[0] as public_lon, r.public_position[1] as public_lat, r.created_at, greatest(r.updated_at, r.status_changed_at) as updated_at,
  r.forwarded_to, r.duplicate_of, r.hold`;
const publicFrom = sql`reports r join report_categories c on c.id = r.category_id join units u on u.id = r.unit_id`;

function toOpen311(row: Row): Open311Report {
  const listed = isListedPublicly(row.hold as Hold | null);
  return {
    id: Number(row.id),
    categoryId: row.category_id,
    categoryName: { pl: row.name_pl, en: row.name_en },
    status: row.status as ReportStatus,
    unitId: row.unit_id,
    unitName: row.unit_name,
    districtId: listed ? row.district_id : null,
    publicPosition:
      !listed || row.public_lon === null || row.public_lat === null ? null : { lon: Number(row.public_lon), lat: Number(row.public_lat) },
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
    forwardedTo: row.forwarded_to,
    duplicateOf: row.duplicate_of === null ? null : Number(row.duplicate_of),
    awaitingReview: row.hold === 'held',
  };
}

export async function findOpen311Report(db: Db, id: number): Promise<Open311Report | undefined> {
  if (!Number.isSafeInteger(id) || id < 1) return undefined;
  const { rows } = await sql<Row>`select ${publicColumns} from ${publicFrom} where r.id = ${id}`.execute(db);
  return rows[0] && toOpen311(rows[0]);
}

export interface Open311Filter {
  /** When given, the other criteria do not apply (GeoReport v2: the ids override all other arguments). */
  ids: number[] | null;
  categoryIds: string[] | null;
  /** Inclusive. */
  from: Date | null;
  /** Inclusive. */
  to: Date | null;
  statuses: ('open' | 'closed')[] | null;
  page: number;
  pageSize: number;
}

/** One page, newest first, and whether another page follows. */
export async function listOpen311Reports(db: Db, filter: Open311Filter): Promise<{ reports: Open311Report[]; more: boolean }> {
  const where = [listedPublicly];
  if (filter.ids) {
    where.push(sql`r.id in (${sql.join(filter.ids)})`);
  } else {
    if (filter.categoryIds) where.push(sql`r.category_id in (${sql.join(filter.categoryIds)})`);
    if (filter.from) where.push(sql`r.created_at >= ${filter.from.toISOString()}::timestamptz`);
    if (filter.to) where.push(sql`r.created_at <= ${filter.to.toISOString()}::timestamptz`);
    if (filter.statuses && filter.statuses.length < 2) {
      const wanted = reportStatuses.filter((s) => filter.statuses!.includes(publicStatus(s)));
      where.push(sql`r.status in (${sql.join(wanted)})`);
    }
  }
  const { rows } = await sql<Row>`select ${publicColumns} from ${publicFrom} where ${sql.join(where, sql` and `)}
    order by r.created_at desc, r.id desc limit ${filter.pageSize + 1} offset ${(filter.page - 1) * filter.pageSize}`.execute(db);
  return { reports: rows.slice(0, filter.pageSize).map(toOpen311), more: rows.length > filter.pageSize };
}
