import type { Selectable } from 'kysely';
import type { Db } from '../../../platform/db/database.js';
import type { PlanActionLogTable } from '../../../platform/db/schema.js';
import type { Trx } from '../../../platform/audit/actor.js';
import type { EntryKind, LogEntry } from './rules.js';
import { isUuid } from '../../../platform/db/ids.js';

// The action log's SQL (plan_action_log, migration 0013).
type Queryable = Db | Trx;

const columns = [
  'id',
  'plan_id',
  'plan_version',
  'action_index',
  'action_text',
  'kind',
  'day',
  'at_time',
  'place',
  'with_whom',
  'note',
  'completes',
  'recorded_by',
  'recorded_at',
  'corrected_at',
  'withdrawn_at',
] as const;

type Row = Omit<Selectable<PlanActionLogTable>, 'unit_id'>;

function toEntry(row: Row): LogEntry {
  return {
    id: row.id,
    planId: row.plan_id,
    planVersion: row.plan_version,
    actionIndex: row.action_index,
    actionText: row.action_text,
    kind: row.kind as EntryKind,
    day: row.day,
    time: row.at_time,
    place: row.place,
    withWhom: row.with_whom,
    note: row.note,
    completes: row.completes,
    recordedBy: row.recorded_by,
    recordedAt: row.recorded_at,
    correctedAt: row.corrected_at,
    withdrawnAt: row.withdrawn_at,
  };
}

/** A plan's live entries (withdrawn ones only with `withWithdrawn`), by action, newest day first. */
export async function listEntries(db: Queryable, planId: string, withWithdrawn = false): Promise<LogEntry[]> {
  let query = db
    .selectFrom('plan_action_log')
    .select(columns)
    .select((eb) =>
      eb.selectFrom('accounts').select('display_name').whereRef('accounts.login', '=', 'plan_action_log.recorded_by').as('author_name'),
    )
    .where('plan_id', '=', planId);
  if (!withWithdrawn) query = query.where('withdrawn_at', 'is', null);
  const rows = await query.orderBy('action_index').orderBy('day', 'desc').orderBy('recorded_at', 'desc').execute();
  return rows.map((row) => ({ ...toEntry(row), recordedByName: row.author_name ?? row.recorded_by }));
}

export async function findEntry(db: Queryable, planId: string, id: string): Promise<LogEntry | undefined> {
  if (!isUuid(id)) return undefined;
  const row = await db.selectFrom('plan_action_log').select(columns).where('plan_id', '=', planId).where('id', '=', id).executeTakeFirst();
  return row && toEntry(row);
}

export type EntryFields = Pick<LogEntry, 'kind' | 'day' | 'time' | 'place' | 'withWhom' | 'note' | 'completes'>;

export async function insertEntry(
  trx: Trx,
  entry: EntryFields & Pick<LogEntry, 'planId' | 'planVersion' | 'actionIndex' | 'actionText' | 'recordedBy'> & { unitId: string },
): Promise<string> {
  const row = await trx
    .insertInto('plan_action_log')
    .values({
      plan_id: entry.planId,
      unit_id: entry.unitId,
      plan_version: entry.planVersion,
      action_index: entry.actionIndex,
      action_text: entry.actionText,
      kind: entry.kind,
      day: entry.day,
      at_time: entry.time,
      place: entry.place,
      with_whom: entry.withWhom,
      note: entry.note,
      completes: entry.completes,
      recorded_by: entry.recordedBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function correctEntry(trx: Trx, id: string, fields: EntryFields): Promise<void> {
  await trx
    .updateTable('plan_action_log')
    .set({
      kind: fields.kind,
      day: fields.day,
      at_time: fields.time,
      place: fields.place,
      with_whom: fields.withWhom,
      note: fields.note,
      completes: fields.completes,
      corrected_at: new Date(),
    })
    .where('id', '=', id)
    .execute();
}

export async function withdrawEntry(trx: Trx, id: string): Promise<void> {
  await trx.updateTable('plan_action_log').set({ withdrawn_at: new Date() }).where('id', '=', id).execute();
}
