import { sql, type Selectable } from 'kysely';
import type { Db } from '../../platform/db/database.js';
import { TtlCache } from '../../platform/cache/ttl-cache.js';
import type { ReportCategoriesTable } from '../../platform/db/schema.js';
import type { Actor, Trx } from '../../platform/audit/actor.js';
import { actorSettings } from '../../platform/audit/repository.js';
import { subtreeOf } from '../access/index.js';
import type { ErasedReportFields, Report, StoredCategory } from './model.js';
import type { BoundingBox, LonLat } from './rules/geo.js';
import type { EventTime } from './rules/event-time.js';
import { openStatuses, type FloodSettings, type Hold, type ReportStatus } from './rules/index.js';

type Queryable = Db | Trx;

// Points are read as plain numbers so both drivers return the same thing.
const reportColumns = sql`id, category_id, unit_id, district_id, status, position[0] as lon, position[1] as lat,
  public_position[0] as public_lon, public_position[1] as public_lat, address, description, email is not null as has_email,
  event_date::text as event_date, to_char(event_time, 'HH24:MI') as event_time, forwarded_to, duplicate_of, confirmations, created_at, status_changed_at, verifying_since, closed_at, hold, erased`;

/**
 * The SQL of `isListedPublicly` (rules/floods.ts) for queries that call the reports table `r`:
 * every public list, map, count, feed, export and "similar reports" answer includes only these.
 */
export const listedPublicly = sql`r.hold is null`;

interface ReportRow {
  id: number;
  category_id: string;
  unit_id: string;
  district_id: string | null;
  status: string;
  lon: number | null;
  lat: number | null;
  public_lon: number | null;
  public_lat: number | null;
  address: string | null;
  description: string;
  has_email: boolean;
  event_date: string | null;
  event_time: string | null;
  forwarded_to: string | null;
  duplicate_of: number | null;
  confirmations: number;
  created_at: Date;
  status_changed_at: Date;
  verifying_since: Date | null;
  closed_at: Date | null;
  hold: string | null;
  erased: ErasedReportFields;
}

function toReport(row: ReportRow): Report {
  return {
    id: Number(row.id),
    categoryId: row.category_id,
    unitId: row.unit_id,
    districtId: row.district_id,
    status: row.status as ReportStatus,
    position: row.lon === null || row.lat === null ? null : { lon: row.lon, lat: row.lat },
    publicPosition: row.public_lon === null || row.public_lat === null ? null : { lon: row.public_lon, lat: row.public_lat },
    address: row.address,
    description: row.description,
    hasEmail: row.has_email,
    event: row.event_date === null ? null : { date: row.event_date, time: row.event_time },
    forwardedTo: row.forwarded_to,
    duplicateOf: row.duplicate_of === null ? null : Number(row.duplicate_of),
    confirmations: row.confirmations,
    createdAt: row.created_at,
    statusChangedAt: row.status_changed_at,
    verifyingSince: row.verifying_since,
    closedAt: row.closed_at,
    hold: row.hold as Hold | null,
    erased: row.erased,
  };
}

export function toCategory(row: Selectable<ReportCategoriesTable>): StoredCategory {
  return {
    code: row.id,
    name: { pl: row.name_pl, en: row.name_en },
    active: row.active,
    descriptionRequired: row.description_required,
    roadCategory: row.road,
    ...(row.season_from !== null && row.season_to !== null ? { season: { fromMonth: row.season_from, toMonth: row.season_to } } : {}),
    position: row.position,
  };
}

export async function listCategories(db: Queryable): Promise<StoredCategory[]> {
  const rows = await db.selectFrom('report_categories').selectAll().orderBy('position').orderBy('id').execute();
  return rows.map(toCategory);
}

/** How long a process trusts its copy of the catalogue: how soon other instances' edits reach its submissions. */
const submissionDataMaxAgeMs = 5000;
const submissionCaches = new WeakMap<Db, { categories: TtlCache<StoredCategory[]> }>();

function cachesOf(db: Db) {
  let caches = submissionCaches.get(db);
  if (!caches) submissionCaches.set(db, (caches = { categories: new TtlCache(submissionDataMaxAgeMs, 1) }));
  return caches;
}

/**
 * The catalogue for validating submissions, kept a few seconds (it is read by every report and
 * changes a few times a year). This process's own edits call `forgetCategories` and count at once.
 */
export function cachedCategories(db: Db): Promise<StoredCategory[]> {
  return cachesOf(db).categories.get('all', () => listCategories(db));
}

export function forgetCategories(db: Db): void {
  submissionCaches.get(db)?.categories.clear();
}

/** Reports (and "me too"s) from one client since a moment: how many, and the oldest (reports_from_address, 0008). */
export async function reportsFromClient(db: Queryable, key: string, since: Date): Promise<{ count: number; oldest: Date | null }> {
  const { rows } = await sql<{ n: number; oldest: Date | null }>`select n, oldest from reports_from_address(${key}, ${since})`.execute(db);
  return { count: Number(rows[0]?.n ?? 0), oldest: rows[0]?.oldest ?? null };
}

export async function findReport(db: Queryable, id: number): Promise<Report | undefined> {
  if (!Number.isSafeInteger(id) || id < 1) return undefined;
  const { rows } = await sql<ReportRow>`select ${reportColumns} from reports where id = ${id}`.execute(db);
  return rows[0] && toReport(rows[0]);
}

export interface NewReport {
  categoryId: string;
  unitId: string;
  districtId: string | null;
  position: LonLat | null;
  publicPosition: LonLat | null;
  address: string | null;
  description: string;
  email: string | null;
  reporterIp: string | null;
  event: EventTime | null;
}

const point = (p: LonLat | null) => (p ? sql`point(${p.lon}, ${p.lat})` : null);

/** The per-client limit a new report is checked against: `key` is the client's (`limitKeyOf`). */
export interface ClientLimit {
  key: string;
  since: Date;
  max: number;
}

/** The limits of a flood (rules/floods.ts), counted from `since` in the report's district, else unit. */
export interface FloodLimit {
  since: Date;
  settings: FloodSettings;
}

/** The e-mail about a new report; `%1$s` in subject and text stands for the report's number. */
export interface NewReportMail {
  to: string;
  subject: string;
  text: string;
}

/**
 * Stores a resident's report with its "created" event, its audit row (by the trigger, with the
 * actor) and, when its district is mailed one by one, the e-mail: one statement, its own
 * transaction, one round trip (submissions are the busiest public write). `report_intake`
 * (migration 0010) takes the locks and counts first: with `client`, nothing is stored when the
 * client has `max` reports since `since` (then `report` is null and `recent` says how many there
 * are and when the oldest was made); beyond the flood limits the report is stored held for review
 * (with a "held" event) and joins its district's digest instead of being mailed.
 */
export async function storeNewReport(
  db: Queryable,
  report: NewReport,
  actor: Actor,
  client: ClientLimit | null,
  flood: FloodLimit,
  mail: NewReportMail | null,
): Promise<{ report: Report | null; recent: { count: number; oldest: Date | null } }> {
  const max = client?.max ?? 1;
  const f = flood.settings;
  const { rows } = await sql<Partial<ReportRow> & { recent_n: number; recent_oldest: Date | null }>`
    with actor as (select ${actorSettings(actor)}, ${client?.key ?? null}::text as client),
    intake as (
      -- Lateral on the actor's row: the settings are made before the function writes (a digest's audit row reads them).
      select i.* from actor cross join lateral report_intake(actor.client, ${client?.since ?? null}::timestamptz, ${max}::integer,
        -- The report's scope: its district, else its unit (coalesce(district_id, unit_id) in migration 0010).
        ${report.districtId ?? report.unitId}::text, ${report.categoryId}::text, ${flood.since}::timestamptz,
        ${f.categoryPerHour}::integer, ${f.districtPerHour}::integer,
        ${report.districtId}::text, ${report.unitId}::text, ${mail?.to ?? null}::text, ${f.mailedPerHour}::integer, ${f.digestMinutes}::integer) i
    ),
    added as (
      insert into reports (category_id, unit_id, district_id, position, public_position, address, description, email, reporter_ip, event_date, event_time, hold, digest_id)
      select ${report.categoryId}, ${report.unitId}, ${report.districtId}, ${point(report.position)}, ${point(report.publicPosition)},
        ${report.address}, ${report.description}, ${report.email}, ${report.reporterIp}, ${report.event?.date ?? null}::date, ${report.event?.time ?? null}::time,
        case when intake.held then 'held' end, intake.digest
      from intake
      where intake.client_n < ${max}
      returning ${reportColumns}
    ),
    event as (
      insert into report_events (report_id, actor_id, actor_label, kind, to_status, district_id)
      select id, null::uuid, ${actor.label}::text, 'created', 'new', district_id from added
      union all
      select id, null::uuid, ${actor.label}::text, 'held', null::text, district_id from added where hold = 'held'
    ),
    mail as (
      insert into outbox (recipient, subject, body)
      select ${mail?.to ?? null}::text, format(${mail?.subject ?? ''}::text, added.id), format(${mail?.text ?? ''}::text, added.id)
      from added cross join intake
      where intake.mailed
    )
    select intake.client_n as recent_n, intake.client_oldest as recent_oldest, added.* from intake left join added on true`.execute(db);
  const row = rows[0]!;
  return {
    report: row.id === null || row.id === undefined ? null : toReport(row as ReportRow),
    recent: { count: Number(row.recent_n), oldest: row.recent_oldest ?? null },
  };
}

/** Open, public reports of one category whose PUBLIC point lies in the box (the caller measures distance). */
export async function openReportsNearPublicPoint(db: Queryable, categoryId: string, box: BoundingBox): Promise<Report[]> {
  const { rows } = await sql<ReportRow>`select ${reportColumns} from reports r
    where r.category_id = ${categoryId}
      and r.status in (${sql.join(openStatuses)}) and ${listedPublicly}
      and r.public_position <@ box(point(${box.minLon}, ${box.minLat}), point(${box.maxLon}, ${box.maxLat}))
    order by r.created_at desc limit 50`.execute(db);
  return rows.map(toReport);
}

/**
 * Open, public reports of one category given by address (no point) in the units, newest first:
 * the candidates for "similar reports" at an address (the caller compares what the register reads
 * from their addresses with what it reads from the resident's).
 */
export async function openAddressReports(db: Queryable, categoryId: string, unitIds: string[], limit = 200): Promise<Report[]> {
  if (unitIds.length === 0) return [];
  const { rows } = await sql<ReportRow>`select ${reportColumns} from reports r
    where r.category_id = ${categoryId} and r.unit_id in (${sql.join(unitIds)})
      and r.status in (${sql.join(openStatuses)}) and ${listedPublicly}
      and r.position is null and r.address is not null
    order by r.created_at desc limit ${limit}`.execute(db);
  return rows.map(toReport);
}

export interface ReportFilter {
  /** Staff scope: the unit and the units below it. */
  subtreeOf?: string;
  districtIds?: string[];
  unassignedOnly?: boolean;
  /** Reports held by a flood limit: only them, or all but them. */
  held?: 'only' | 'exclude';
  statuses?: readonly ReportStatus[];
  categoryId?: string;
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}

export async function listReports(db: Queryable, filter: ReportFilter): Promise<{ reports: Report[]; total: number }> {
  const where = [sql`true`];
  if (filter.subtreeOf) where.push(sql`unit_id in (${subtreeOf(filter.subtreeOf)})`);
  if (filter.districtIds) where.push(filter.districtIds.length ? sql`district_id in (${sql.join(filter.districtIds)})` : sql`false`);
  if (filter.unassignedOnly) where.push(sql`district_id is null`);
  if (filter.held === 'only') where.push(sql`hold = 'held'`);
  if (filter.held === 'exclude') where.push(sql`hold is distinct from 'held'`);
  if (filter.statuses?.length) where.push(sql`status in (${sql.join(filter.statuses)})`);
  if (filter.categoryId) where.push(sql`category_id = ${filter.categoryId}`);
  if (filter.from) where.push(sql`created_at >= ${filter.from}::date`);
  if (filter.to) where.push(sql`created_at < ${filter.to}::date + 1`);
  const condition = sql.join(where, sql` and `);
  const [page, count] = await Promise.all([
    sql<ReportRow>`select ${reportColumns} from reports where ${condition}
      order by created_at desc, id desc limit ${filter.pageSize} offset ${(filter.page - 1) * filter.pageSize}`.execute(db),
    sql<{ n: number }>`select count(*)::int as n from reports where ${condition}`.execute(db),
  ]);
  return { reports: page.rows.map(toReport), total: Number(count.rows[0]?.n ?? 0) };
}

export interface StatusChange {
  status: ReportStatus;
  forwardedTo: string | null;
  duplicateOf: number | null;
  closed: boolean;
}

export async function updateStatus(trx: Trx, id: number, change: StatusChange): Promise<void> {
  await trx
    .updateTable('reports')
    .set({
      status: change.status,
      forwarded_to: change.forwardedTo,
      duplicate_of: change.duplicateOf,
      status_changed_at: sql`now()`,
      updated_at: sql`now()`,
      verifying_since: change.status === 'verifying' ? sql`now()` : sql`verifying_since`,
      closed_at: change.closed ? sql`now()` : null,
      // The reporter's e-mail serves only to tell them the outcome: gone once the report closes.
      ...(change.closed ? { email: null } : {}),
    })
    .where('id', '=', id)
    .execute();
}

/**
 * Records staff's review of a held report: its new hold and, when the review decides the outcome,
 * its closing status (the reporter's e-mail goes with it, as on every closing).
 */
export async function updateHold(
  trx: Trx,
  id: number,
  change: { hold: Hold | null; status: ReportStatus | null; closed: boolean },
): Promise<void> {
  await trx
    .updateTable('reports')
    .set({
      hold: change.hold,
      updated_at: sql`now()`,
      ...(change.status ? { status: change.status, status_changed_at: sql`now()` } : {}),
      ...(change.closed ? { closed_at: sql`now()`, email: null } : {}),
    })
    .where('id', '=', id)
    .execute();
}

export async function reporterEmail(trx: Trx, id: number): Promise<string | null> {
  const row = await trx.selectFrom('reports').select('email').where('id', '=', id).executeTakeFirst();
  return row?.email ?? null;
}

export async function insertReportEvent(
  trx: Trx,
  event: {
    reportId: number;
    actorId: string | null;
    actorLabel: string;
    kind: 'created' | 'status' | 'assigned' | 'confirmed_by_resident' | 'released' | 'rejected';
    from?: string | null;
    to?: string | null;
    districtId?: string | null;
    note?: string | null;
  },
): Promise<void> {
  await trx
    .insertInto('report_events')
    .values({
      report_id: event.reportId,
      actor_id: event.actorId,
      actor_label: event.actorLabel,
      kind: event.kind,
      from_status: event.from ?? null,
      to_status: event.to ?? null,
      district_id: event.districtId ?? null,
      note: event.note ?? null,
    })
    .execute();
}

export async function listReportEvents(db: Queryable, reportId: number) {
  return db.selectFrom('report_events').selectAll().where('report_id', '=', reportId).orderBy('at').orderBy('id').execute();
}

/** New reports waiting for this person: in the districts they serve, or (staff above officers) in their units. */
export async function newReportCount(db: Queryable, scope: { subtreeOf: string } | { districtIds: string[] }): Promise<number> {
  if ('districtIds' in scope && scope.districtIds.length === 0) return 0;
  let query = db
    .selectFrom('reports')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('status', '=', 'new');
  query =
    'subtreeOf' in scope ? query.where('unit_id', 'in', subtreeOf(scope.subtreeOf)) : query.where('district_id', 'in', scope.districtIds);
  return Number((await query.executeTakeFirstOrThrow()).n);
}
