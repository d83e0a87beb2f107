import { inTransaction, type Actor, type Trx } from '../../platform/audit/actor.js';
import type { Principal } from '../../platform/auth/principal.js';
import type { Db } from '../../platform/db/database.js';
import { AppError, httpErrors } from '../../platform/http/errors.js';
import { warsawToday } from '../../platform/i18n/calendar.js';
import type { Localized } from '../../platform/i18n/i18n.js';
import { isAllowed } from '../access/index.js';
import { meetingOf, type Meeting } from './model.js';
import { activeDistricts, findMeeting, insertMeeting, updateMeeting } from './repository.js';
import {
  cancelReasonProblem,
  changeProblem,
  detailsProblem,
  outcomeProblem,
  type FieldProblem,
  type MeetingDetails,
  type MeetingOutcome,
} from './rules.js';

/**
 * Creating, changing, cancelling a meeting and recording what happened: each in one audited
 * transaction. A person may act on a meeting when the policy lets them manage it for every
 * district it concerns (the officer of each, or a supervisor or commander of the unit).
 */

export const meetingErrors = {
  notFound: (): AppError => new AppError(404, 'meeting_not_found', { pl: 'Nie ma takiego wydarzenia.', en: 'No such event.' }),
  forbidden: (): Localized => ({
    pl: 'Wydarzenie zmienia dzielnicowy każdego z jego rejonów albo przełożony w jednostce.',
    en: 'An event is changed by the officer of every district it names, or by a supervisor of the unit.',
  }),
};

const invalid = (problem: FieldProblem) => new AppError(400, 'invalid_meeting', problem.message, { field: problem.field });
const refused = (problem: Localized) => new AppError(409, 'meeting_change_refused', problem);

/** 403 unless the person may manage the event in every district it names. */
export async function assertMayManage(trx: Db | Trx, principal: Principal, unitId: string, districtIds: readonly string[]): Promise<void> {
  for (const districtId of districtIds) {
    if (!(await isAllowed(trx, principal, 'meeting.manage', { unitId, districtId }))) throw httpErrors.forbidden(meetingErrors.forbidden());
  }
}

/** Validates details for a unit: the rules, then that every district exists in it. */
async function checkedDetails(trx: Trx, details: MeetingDetails, unitId: string, today: string): Promise<MeetingDetails> {
  const clean = { ...details, place: details.place.trim(), topic: details.topic.trim() };
  const problem = detailsProblem(clean, unitId, today);
  if (problem) throw invalid(problem);
  const found = await activeDistricts(trx, clean.districtIds);
  if (found.length !== clean.districtIds.length)
    throw invalid({ field: 'districtIds', message: { pl: 'Nie ma takiego rejonu.', en: 'No such district.' } });
  return clean;
}

const columnsOf = (d: MeetingDetails) => ({
  district_ids: [...d.districtIds],
  kind: d.kind,
  on_day: d.day,
  starts_at: d.startsAt,
  ends_at: d.endsAt,
  place: d.place,
  topic: d.topic,
});

async function reload(db: Db | Trx, id: string): Promise<Meeting> {
  const row = await findMeeting(db, id);
  if (!row) throw meetingErrors.notFound();
  return meetingOf(row);
}

/** Creates an event; `principal` null: the system itself (the demo data), with no person to check. */
export async function createMeeting(
  db: Db,
  principal: Principal | null,
  actor: Actor,
  details: MeetingDetails,
  today = warsawToday(),
): Promise<Meeting> {
  // The organising unit is the districts' unit (all of one unit, detailsProblem checks).
  const first = details.districtIds[0] ?? '';
  const unitId = first.slice(0, first.lastIndexOf('/'));
  return inTransaction(db, actor, async (trx) => {
    const clean = await checkedDetails(trx, details, unitId, today);
    if (principal) await assertMayManage(trx, principal, unitId, clean.districtIds);
    const id = await insertMeeting(trx, { unit_id: unitId, ...columnsOf(clean) });
    return reload(trx, id);
  });
}

async function loadForChange(trx: Trx, principal: Principal | null, id: string): Promise<Meeting> {
  const meeting = await reload(trx, id);
  if (principal) await assertMayManage(trx, principal, meeting.unitId, meeting.districtIds);
  return meeting;
}

/** Changes the details (any of them); the SEQUENCE goes up. */
export async function changeMeeting(
  db: Db,
  principal: Principal,
  actor: Actor,
  id: string,
  change: Partial<MeetingDetails>,
  today = warsawToday(),
): Promise<Meeting> {
  return inTransaction(db, actor, async (trx) => {
    const meeting = await loadForChange(trx, principal, id);
    const problem = changeProblem(meeting, 'details', today);
    if (problem) throw refused(problem);
    const clean = await checkedDetails(trx, { ...meeting, ...change }, meeting.unitId, today);
    // Moving the event to other districts takes the right to manage it there as well.
    await assertMayManage(trx, principal, meeting.unitId, clean.districtIds);
    await updateMeeting(trx, id, columnsOf(clean), true);
    return reload(trx, id);
  });
}

/** Cancels an event with its reason; it stays listed, marked cancelled (STATUS:CANCELLED in the feeds). */
export async function cancelMeeting(
  db: Db,
  principal: Principal | null,
  actor: Actor,
  id: string,
  reason: string,
  today = warsawToday(),
): Promise<Meeting> {
  return inTransaction(db, actor, async (trx) => {
    const meeting = await loadForChange(trx, principal, id);
    const problem = changeProblem(meeting, 'cancel', today);
    if (problem) throw refused(problem);
    const reasonIssue = cancelReasonProblem(reason);
    if (reasonIssue) throw invalid(reasonIssue);
    await updateMeeting(trx, id, { cancelled_at: new Date(), cancel_reason: reason.trim() }, true);
    return reload(trx, id);
  });
}

/** Records, from the event's day on, how many came and the topics raised. */
export async function recordOutcome(
  db: Db,
  principal: Principal | null,
  actor: Actor,
  id: string,
  outcome: MeetingOutcome,
  today = warsawToday(),
): Promise<Meeting> {
  return inTransaction(db, actor, async (trx) => {
    const meeting = await loadForChange(trx, principal, id);
    const problem = changeProblem(meeting, 'outcome', today);
    if (problem) throw refused(problem);
    const outcomeIssue = outcomeProblem(outcome);
    if (outcomeIssue) throw invalid(outcomeIssue);
    const topics = outcome.topicsRaised.trim();
    await updateMeeting(trx, id, { participants: outcome.participants, topics_raised: topics === '' ? null : topics }, false);
    return reload(trx, id);
  });
}
