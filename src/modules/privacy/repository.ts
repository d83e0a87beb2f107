import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../platform/db/database.js';
import type { Trx } from '../../platform/audit/actor.js';
import { subtreeOf } from '../access/index.js';

/**
 * All SQL of the retention job. Each erasing function handles one batch: it picks at most `limit`
 * due rows with FOR UPDATE SKIP LOCKED (rows another instance or a person is changing right now
 * are left for that one, or for the next run: two runs never wait on each other or erase twice),
 * erases them and says how many it changed. The due predicates repeat the partial indexes of
 * migration 0011 word for word, so each batch reads only what is still to be erased.
 */

/**
 * Marks the transaction as the retention job's: the audit trigger lets its erasures of personal
 * columns through without a row per report, and audit_log accepts its erasing updates (0011).
 */
export async function beginErasure(trx: Trx): Promise<void> {
  await sql`select set_config('app.retention', 'erase', true)`.execute(trx);
}

/** The personal fields of a report the job erases, as the `erased` marker names them. */
export type ErasableReportField = 'description' | 'address' | 'position' | 'notes' | 'reporter_ip';

interface FieldErasure {
  /** Rows due: the partial index's predicate, then the clock. */
  due: RawBuilder<unknown>;
  clock: RawBuilder<unknown>;
  /** The column's erased value; null for notes, which live in report_events. */
  set: RawBuilder<unknown> | null;
  /** Keys of the same value in audit entries written before 0011 masked them. */
  auditKeys: string[];
}

const closedClock = sql.raw('closed_at');

const fieldErasures: Record<ErasableReportField, FieldErasure> = {
  description: {
    due: sql.raw(`closed_at IS NOT NULL AND description <> ''`),
    clock: closedClock,
    set: sql`description = ''`,
    auditKeys: ['description'],
  },
  address: {
    due: sql.raw('closed_at IS NOT NULL AND address IS NOT NULL'),
    clock: closedClock,
    set: sql`address = null`,
    auditKeys: ['address'],
  },
  position: {
    due: sql.raw('closed_at IS NOT NULL AND position IS NOT NULL'),
    clock: closedClock,
    set: sql`position = null`,
    auditKeys: ['position'],
  },
  notes: { due: sql.raw(`closed_at IS NOT NULL AND NOT (erased ? 'notes')`), clock: closedClock, set: null, auditKeys: [] },
  reporter_ip: { due: sql.raw('reporter_ip IS NOT NULL'), clock: sql.raw('created_at'), set: sql`reporter_ip = null`, auditKeys: [] },
};

export interface FieldBatch {
  /** Reports whose field was erased. */
  reports: number;
  /** Audit entries whose copies of the value were replaced by "erased". */
  auditEntries: number;
  /** Police notes erased (report_events rows). */
  notes: number;
  /**
   * Store keys of the attachments whose rows were deleted, now pending uploads (0026): the caller
   * deletes the files once this commits, then clears the pending rows.
   */
  fileKeys: string[];
}

/**
 * Erases one field of up to `limit` reports whose clock started before `cutoff`, with its copies:
 * the notes of their events, and the values in audit entries written before the trigger masked
 * them. The marker `erased` records the field and `days`, for the staff pages.
 */
export interface ReportFieldBatch {
  cutoff: Date;
  days: number;
  limit: number;
  /** Whether the caller deletes the files of the attachment rows this deletes (see `fileKeys`). */
  withFiles: boolean;
  /** Only reports of this unit and the units under it (a voivodeship's shorter period); null: all. */
  within: string | null;
}

export async function eraseReportField(
  trx: Trx,
  field: ErasableReportField,
  { cutoff, days, limit, withFiles, within }: ReportFieldBatch,
): Promise<FieldBatch> {
  const { clock, set, auditKeys } = fieldErasures[field];
  // The files attached to a report go with its description (they show what it describes), so a
  // report with files but no description is due too, when the caller can delete files.
  const files = field === 'description' && withFiles;
  const due = files
    ? sql`(${fieldErasures[field].due} OR (closed_at IS NOT NULL AND EXISTS (SELECT 1 FROM report_attachments f WHERE f.report_id = reports.id)))`
    : fieldErasures[field].due;
  const marker = sql`erased = r.erased || jsonb_build_object(${field}::text, ${days}::int)`;
  const { rows } = await sql<{ reports: number; audit_entries: number; notes: number; file_keys: string[] }>`
    with due as (
      select id from reports where ${due} and ${clock} < ${cutoff} ${within === null ? sql`` : sql`and unit_id in ${subtreeOf(within)}`}
        order by ${clock} limit ${limit} for update skip locked
    ),
    done as (
      update reports r set ${set ? sql`${set}, ${marker}` : marker} where r.id = any(array(select id from due)) returning r.id
    ),
    notes as (
      update report_events e set note = null
      where ${field === 'notes'} and e.report_id = any(array(select id from done)) and e.note is not null returning 1
    ),
    audit as (
      update audit_log a set before = audit_erase_values(a.before, ${auditKeys}::text[]), after = audit_erase_values(a.after, ${auditKeys}::text[])
      where cardinality(${auditKeys}::text[]) > 0 and a.entity_type = 'reports' and a.entity_id = any(array(select id::text from done))
        and (audit_erase_values(a.before, ${auditKeys}::text[]) is distinct from a.before or audit_erase_values(a.after, ${auditKeys}::text[]) is distinct from a.after)
      returning 1
    ),
    files as (
      delete from report_attachments f where ${files} and f.report_id = any(array(select id from done)) returning f.store_key
    ),
    pending as (
      -- The files go after the commit: until then their keys are pending, so a crash in between leaves them to the orphan sweep.
      insert into pending_uploads (store_key) select store_key from files on conflict do nothing returning 1
    )
    select (select count(*) from done)::int as reports, (select count(*) from audit)::int as audit_entries, (select count(*) from notes)::int as notes,
      array(select store_key from files) as file_keys`.execute(trx);
  const row = rows[0]!;
  return { reports: Number(row.reports), auditEntries: Number(row.audit_entries), notes: Number(row.notes), fileKeys: row.file_keys };
}

/**
 * Deletes up to `limit` rows of `table` whose `clock` column is before `cutoff`. Rows are found
 * again by their physical address (ctid), which cannot change while this transaction locks them.
 */
async function deleteDue(trx: Trx, table: string, clock: string, cutoff: Date, limit: number): Promise<number> {
  const { rows } = await sql<{ n: number }>`
    with due as (
      select ctid from ${sql.table(table)} where ${sql.ref(clock)} < ${cutoff} order by ${sql.ref(clock)} limit ${limit} for update skip locked
    ),
    gone as (
      delete from ${sql.table(table)} where ctid = any(array(select ctid from due)) returning 1
    )
    select count(*)::int as n from gone`.execute(trx);
  return Number(rows[0]!.n);
}

/** Deletes "me too" confirmations made before `cutoff` (their only content is the IP address; the count stays on the report). */
export function deleteConfirmations(trx: Trx, cutoff: Date, limit: number): Promise<number> {
  return deleteDue(trx, 'report_confirmations', 'created_at', cutoff, limit);
}

/**
 * Clears the IP address of audit entries made before `cutoff`: of people not signed in
 * (residents, failed sign-ins), or of signed-in staff. Who did what, and when, stays.
 */
export async function eraseAuditIps(trx: Trx, who: 'resident' | 'staff', cutoff: Date, limit: number): Promise<number> {
  const actor = who === 'resident' ? sql.raw('actor_id IS NULL') : sql.raw('actor_id IS NOT NULL');
  const { rows } = await sql<{ n: number }>`
    with due as (
      select id from audit_log where ip IS NOT NULL AND ${actor} and at < ${cutoff} order by at limit ${limit} for update skip locked
    ),
    done as (
      update audit_log set ip = null where id = any(array(select id from due)) returning 1
    )
    select count(*)::int as n from done`.execute(trx);
  return Number(rows[0]!.n);
}

/** Deletes sessions that ended before `cutoff`, with their IP address and browser. */
export function deleteEndedSessions(trx: Trx, cutoff: Date, limit: number): Promise<number> {
  return deleteDue(trx, 'sessions', 'expires_at', cutoff, limit);
}

/** Deletes e-mail queued before `cutoff`, sent or not (addresses and texts must not linger). */
export function deleteOldMail(trx: Trx, cutoff: Date, limit: number): Promise<number> {
  return deleteDue(trx, 'outbox', 'created_at', cutoff, limit);
}

/** Deletes the records of reminders sent before `cutoff` (none of them can be due again). */
export function deleteSentReminders(trx: Trx, cutoff: Date, limit: number): Promise<number> {
  return deleteDue(trx, 'reminders_sent', 'sent_at', cutoff, limit);
}

/** Deletes sign-in throttling counters (login and source) whose last failure was before `cutoff`. */
export async function deleteSignInAttempts(trx: Trx, cutoff: Date, limit: number): Promise<number> {
  return (
    (await deleteDue(trx, 'login_attempts', 'last_failure_at', cutoff, limit)) +
    (await deleteDue(trx, 'login_failure_bursts', 'last_failure_at', cutoff, limit))
  );
}

/**
 * Locks up to `limit` pending uploads recorded before `cutoff` (the oldest first), saying for each
 * whether a report's attachment uses its key. Such a row should not exist (the report's transaction
 * clears it), so only the row goes; the file of any other is an orphan. The lock makes a report's
 * transaction that is still to clear the row (after an hour) wait, find it gone and fail.
 */
export async function lockDuePendingUploads(trx: Trx, cutoff: Date, limit: number): Promise<{ key: string; used: boolean }[]> {
  const { rows } = await sql<{ store_key: string; used: boolean }>`
    select p.store_key, exists (select 1 from report_attachments a where a.store_key = p.store_key) as used
    from pending_uploads p where p.created_at < ${cutoff} order by p.created_at limit ${limit} for update skip locked`.execute(trx);
  return rows.map((row) => ({ key: row.store_key, used: row.used }));
}

/** Tables the job may change, for `reclaimSpace`. */
export const erasedTables = [
  'reports',
  'report_events',
  'report_confirmations',
  'audit_log',
  'sessions',
  'login_attempts',
  'login_failure_bursts',
  'outbox',
  'subscriptions',
  'reminders_sent',
  'pending_uploads',
] as const;

/**
 * VACUUM: the space of erased values is marked free for reuse. The embedded database has no
 * autovacuum, so the job calls this after a run that erased something; a server's autovacuum does it.
 */
export async function reclaimSpace(db: Db, tables: readonly (typeof erasedTables)[number][]): Promise<void> {
  if (tables.length) await sql`vacuum ${sql.raw(tables.join(', '))}`.execute(db);
}
