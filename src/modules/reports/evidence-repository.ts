import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.js';
import { addDays } from '../../platform/i18n/calendar.js';
import { evidenceStatuses, type ReportStatus } from './rules/index.js';

/** One report as a plan's evidence sees it: where, what and how it ended; never its description or the reporter's contact. */
export interface EvidenceReport {
  id: number;
  categoryId: string;
  status: ReportStatus;
  /** The exact point (staff only), when the report was placed on the map. */
  position: { lon: number; lat: number } | null;
  address: string | null;
  createdAt: Date;
}

/**
 * A district's counted reports (`evidenceStatuses`, not held for review) made from `from` to `to`
 * (calendar days in Poland, both inclusive). The SQL reads a day more on each side, whatever the
 * server's time zone; the caller keeps those made on the days in Poland (plans/drafting/evidence.ts).
 */
export async function districtEvidenceReports(db: Db, districtId: string, from: string, to: string): Promise<EvidenceReport[]> {
  const { rows } = await sql<{
    id: number;
    category_id: string;
    status: string;
    lon: number | null;
    lat: number | null;
    address: string | null;
    created_at: Date;
  }>`select id, category_id, status, position[0] as lon, position[1] as lat, address, created_at
    from reports r
    where district_id = ${districtId} and hold is null and status in (${sql.join([...evidenceStatuses])})
      and created_at >= ${addDays(from, -1)}::date and created_at < ${addDays(to, 2)}::date
    order by created_at, id`.execute(db);
  return rows.map((row) => ({
    id: Number(row.id),
    categoryId: row.category_id,
    status: row.status as ReportStatus,
    position: row.lon === null || row.lat === null ? null : { lon: Number(row.lon), lat: Number(row.lat) },
    address: row.address,
    createdAt: row.created_at,
  }));
}
