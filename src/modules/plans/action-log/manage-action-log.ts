import type { Db } from '../../../platform/db/database.js';
import { inTransaction, type Actor, type Trx } from '../../../platform/audit/actor.js';
import type { Principal } from '../../../platform/auth/principal.js';
import { can } from '../../../platform/auth/policy.js';
import { AppError, httpErrors, ValidationError } from '../../../platform/http/errors.js';
import type { Lang } from '../../../platform/i18n/i18n.js';
import { dayInPoland, warsawToday } from '../../../platform/i18n/calendar.js';
import { factsOf } from '../../access/index.js';
import { planErrors } from '../messages.js';
import type { Plan, PlanAction } from '../model.js';
import { publishedView } from '../read-plans.js';
import { findPlan } from '../repository.js';
import { logErrors } from './messages.js';
import { correctEntry, findEntry, insertEntry, listEntries, withdrawEntry, type EntryFields } from './repository.js';
import {
  actionProgress,
  entryProblems,
  mayChangeEntry,
  takesEntries,
  type ActionProgress,
  type EntryInput,
  type LogEntry,
} from './rules.js';

/** The plan with what the person may do with its log; 404 when its working version is hidden from them. */
async function loadPlan(db: Db | Trx, principal: Principal, planId: string) {
  const plan = await findPlan(db, planId);
  if (!plan) throw new AppError(404, 'plan_not_found', planErrors.notFound());
  const { subject, resource } = await factsOf(db, principal, plan);
  if (!can(subject, 'plan.read_working', resource) && !can(subject, 'plan.read_log', resource)) {
    throw new AppError(404, 'plan_not_found', planErrors.notFound());
  }
  return { plan, mayRead: can(subject, 'plan.read_log', resource), mayWrite: can(subject, 'plan.log_action', resource) };
}

/** Whether the person may open the plan's action log (the plan's page links it only for them). */
export async function mayReadActionLog(db: Db, principal: Principal, plan: Plan): Promise<boolean> {
  const { subject, resource } = await factsOf(db, principal, plan);
  return can(subject, 'plan.read_log', resource);
}

/** The actions of the version being carried out (the published one), with its number. */
async function carriedOut(db: Db | Trx, plan: Plan): Promise<{ version: number; periodFrom: string; actions: PlanAction[] } | null> {
  const view = await publishedView(db, plan);
  return view && { version: view.version, periodFrom: view.periodFrom, actions: view.content.actions };
}

export interface ActionWithLog {
  index: number;
  description: string;
  from: string | null;
  to: string | null;
  progress: ActionProgress;
  entries: LogEntry[];
}

export interface PlanLog {
  plan: Plan;
  /** Whether the person may add entries now (serves the district, the plan is carried out). */
  mayWrite: boolean;
  actions: ActionWithLog[];
  /** Entries under a position the current version no longer has (a later version dropped the action). */
  orphans: LogEntry[];
  /** Whether the person may correct or withdraw this entry. */
  mayChange: (entry: LogEntry) => boolean;
}

/** Each action of the version carried out with its status and its entries (withdrawn ones, when listed, count for nothing). */
function actionsWithLog(actions: readonly PlanAction[], entries: readonly LogEntry[], today: string): ActionWithLog[] {
  return actions.map((action, index) => {
    const own = entries.filter((e) => e.actionIndex === index);
    return {
      index,
      description: action.description,
      from: action.from,
      to: action.to,
      progress: actionProgress(action, own, today),
      entries: own,
    };
  });
}

/**
 * A plan's actions with their statuses and entries, for those who may read the log. Live entries
 * only, unless `withWithdrawn` (the log page shows withdrawn ones, marked, so a correction shows).
 */
export async function readPlanLog(
  db: Db,
  principal: Principal,
  planId: string,
  today = warsawToday(),
  withWithdrawn = false,
): Promise<PlanLog> {
  const { plan, mayRead, mayWrite } = await loadPlan(db, principal, planId);
  if (!mayRead) throw httpErrors.forbidden(logErrors.notReader());
  const [version, entries] = await Promise.all([carriedOut(db, plan), listEntries(db, plan.id, withWithdrawn)]);
  const actions = actionsWithLog(version?.actions ?? [], entries, today);
  return {
    plan,
    mayWrite: mayWrite && takesEntries(plan.status) && version !== null,
    actions,
    orphans: entries.filter((e) => e.actionIndex >= actions.length),
    mayChange: (entry) => mayChange(entry, principal, plan, today),
  };
}

/** An action's status for everyone: entries may name people and places (docs/privacy.md), so only their number. */
export interface PublicActionProgress {
  index: number;
  description: string;
  progress: ActionProgress;
  entryCount: number;
}

/** The statuses of a published plan's actions for its public page (empty before it is carried out). */
export async function publicActionProgress(db: Db, plan: Plan, today = warsawToday()): Promise<PublicActionProgress[]> {
  const [version, entries] = await Promise.all([carriedOut(db, plan), listEntries(db, plan.id)]);
  return actionsWithLog(version?.actions ?? [], entries, today).map(({ index, description, progress, entries: own }) => ({
    index,
    description,
    progress,
    entryCount: own.length,
  }));
}

function mayChange(entry: LogEntry, principal: Principal, plan: Plan, today: string): boolean {
  return mayChangeEntry({ ...entry, recordedDay: dayInPoland(entry.recordedAt) }, principal.login, plan.status, today);
}

function fieldsOf(input: EntryInput): EntryFields {
  return {
    kind: input.kind as EntryFields['kind'],
    day: input.day,
    time: input.time ? input.time : null,
    place: (input.place ?? '').trim(),
    withWhom: (input.withWhom ?? '').trim(),
    note: (input.note ?? '').trim(),
    completes: input.completes ?? false,
  };
}

function check(input: EntryInput, context: Parameters<typeof entryProblems>[1], lang: Lang): void {
  const problems = entryProblems(input, context);
  if (problems.length) {
    throw new ValidationError(
      problems.map((p) => ({ field: p.field, code: p.code, message: p.message[lang] })),
      logErrors.invalid(),
    );
  }
}

/** A new entry: the day may be left out (today). */
export type NewEntry = Omit<EntryInput, 'day'> & { day?: string | undefined };

/** The district's officer (or the day's substitute) records what they did; audited. */
export async function recordEntry(
  db: Db,
  principal: Principal,
  actor: Actor,
  planId: string,
  input: NewEntry,
  lang: Lang,
): Promise<LogEntry> {
  return inTransaction(db, actor, async (trx) => {
    const { plan, mayWrite } = await loadPlan(trx, principal, planId);
    if (!mayWrite) throw httpErrors.forbidden(logErrors.notWriter());
    const version = takesEntries(plan.status) ? await carriedOut(trx, plan) : null;
    if (!version) throw new AppError(409, 'plan_not_carried_out', logErrors.notCarriedOut());
    // The day defaults to today: most entries are made on the spot.
    const today = warsawToday();
    const full = { ...input, day: input.day || today };
    check(full, { actionCount: version.actions.length, periodFrom: version.periodFrom, today }, lang);
    const id = await insertEntry(trx, {
      ...fieldsOf(full),
      planId: plan.id,
      unitId: plan.unitId,
      planVersion: version.version,
      actionIndex: input.actionIndex,
      actionText: version.actions[input.actionIndex]!.description,
      recordedBy: principal.login,
    });
    return (await findEntry(trx, plan.id, id))!;
  });
}

async function loadChangeable(trx: Db | Trx, principal: Principal, planId: string, entryId: string) {
  const { plan, mayWrite } = await loadPlan(trx, principal, planId);
  if (!mayWrite) throw httpErrors.forbidden(logErrors.notWriter());
  const entry = await findEntry(trx, plan.id, entryId);
  if (!entry || entry.withdrawnAt) throw new AppError(404, 'entry_not_found', logErrors.entryNotFound());
  if (!mayChange(entry, principal, plan, warsawToday())) throw httpErrors.forbidden(logErrors.notChangeable());
  return { plan, entry };
}

/** An entry for its correction form: 404 when there is none (or it is withdrawn), 403 unless its author may still change it. */
export async function entryForCorrection(db: Db, principal: Principal, planId: string, entryId: string): Promise<LogEntry> {
  return (await loadChangeable(db, principal, planId, entryId)).entry;
}

/** Its author corrects an entry (not the action it belongs to); audited. */
export async function correctLogEntry(
  db: Db,
  principal: Principal,
  actor: Actor,
  planId: string,
  entryId: string,
  input: Omit<EntryInput, 'actionIndex'>,
  lang: Lang,
): Promise<LogEntry> {
  return inTransaction(db, actor, async (trx) => {
    const { plan, entry } = await loadChangeable(trx, principal, planId, entryId);
    const version = await carriedOut(trx, plan);
    const full = { ...input, actionIndex: entry.actionIndex };
    // The action stays the one recorded: its position is checked against the version it was recorded in.
    check(full, { actionCount: entry.actionIndex + 1, periodFrom: version?.periodFrom ?? plan.periodFrom, today: warsawToday() }, lang);
    await correctEntry(trx, entry.id, fieldsOf(full));
    return (await findEntry(trx, plan.id, entry.id))!;
  });
}

/** Its author withdraws an entry: it stays, marked, and no longer counts; audited. */
export async function withdrawLogEntry(db: Db, principal: Principal, actor: Actor, planId: string, entryId: string): Promise<void> {
  await inTransaction(db, actor, async (trx) => {
    const { entry } = await loadChangeable(trx, principal, planId, entryId);
    await withdrawEntry(trx, entry.id);
  });
}
