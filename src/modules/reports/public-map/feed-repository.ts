import { sql } from 'kysely';
import type { Db } from '../../../platform/db/database.js';
import { listedPublicly } from '../repository.js';
import type { PublicReportRow } from './report-columns.js';
import type { RegisterNames } from './report-store.js';

/*
 * The SQL that fills the in-memory report store (`report-feed.ts`) and keeps it current: the public
 * columns of reports listed publicly, the audit log's entries since a point, and the register's names.
 * Never the description, e-mail, typed address, exact position or IP address: not even read.
 */

/** The public columns; the Polish calendar day and the microseconds come from the database; of the event's time, the hour only. */
const storeColumns = sql`r.id, r.category_id as "categoryId", r.status, r.public_position[0] as lon, r.public_position[1] as lat,
  r.unit_id as "unitId", r.district_id as "districtId",
  (extract(epoch from r.created_at) * 1000000)::bigint as "createdMicros",
  ((r.created_at at time zone 'Europe/Warsaw')::date - date '1970-01-01') as day,
  r.confirmations, (r.event_date - date '1970-01-01') as "eventDay", extract(hour from r.event_time)::int as "eventHour"`;

/** Reports listed publicly with an id above `afterId`, by id, at most `limit`. */
export async function publicReportsAfter(db: Db, afterId: number, limit: number): Promise<PublicReportRow[]> {
  const { rows } =
    await sql<PublicReportRow>`select ${storeColumns} from reports r where r.id > ${afterId} and ${listedPublicly} order by r.id limit ${limit}`.execute(
      db,
    );
  return rows;
}

/** Those of the reports `ids` listed publicly (a missing one was deleted or is held back). */
export async function publicReportsIn(db: Db, ids: number[]): Promise<PublicReportRow[]> {
  const { rows } =
    await sql<PublicReportRow>`select ${storeColumns} from reports r where r.id = any(${ids}::bigint[]) and ${listedPublicly}`.execute(db);
  return rows;
}

/**
 * The audit id from which a load reads changes afterwards: from a minute back, so that a
 * transaction still open now (an audit id below the current maximum) is not missed.
 */
export async function auditFloor(db: Db): Promise<number> {
  const { rows } = await sql<{ floor: number | string | null }>`
    select coalesce((select min(id) - 1 from audit_log where at > clock_timestamp() - interval '60 seconds'), (select max(id) from audit_log), 0)::bigint as floor`.execute(
    db,
  );
  return Number(rows[0]?.floor ?? 0);
}

/** What an audit entry says changed. */
export interface AuditEntry {
  id: number | string;
  entity_type: string;
  entity_id: string | null;
}

/** Audit entries above `afterId` (the primary key: no scan of `reports`), by id, at most `limit`. */
export async function auditEntriesAfter(db: Db, afterId: number, limit: number): Promise<AuditEntry[]> {
  const { rows } =
    await sql<AuditEntry>`select id, entity_type, entity_id from audit_log where id > ${afterId} order by id limit ${limit}`.execute(db);
  return rows;
}

/** Those of the audit entries `ids` that exist now. */
export async function auditEntriesIn(db: Db, ids: number[]): Promise<AuditEntry[]> {
  const { rows } = await sql<AuditEntry>`select id, entity_type, entity_id from audit_log where id = any(${ids}::bigint[])`.execute(db);
  return rows;
}

/** Units, districts and categories, sorted by name as the database sorts them. */
export async function registerNames(db: Db): Promise<RegisterNames> {
  const [units, districts, categories] = await Promise.all([
    sql<{ id: string; parentId: string | null; name: string }>`select id, parent_id as "parentId", name from units order by name`.execute(
      db,
    ),
    sql<{ id: string; unitId: string; name: string }>`select id, unit_id as "unitId", name from districts order by name`.execute(db),
    sql<{ id: string }>`select id from report_categories order by id`.execute(db),
  ]);
  return { units: units.rows, districts: districts.rows, categories: categories.rows.map((row) => row.id) };
}
