import type { Db } from '../../platform/db/database.js';
import { inTransaction, type Actor, type Trx } from '../../platform/audit/actor.js';
import type { Principal } from '../../platform/auth/principal.js';
import type { Action } from '../../platform/auth/policy.js';
import { AppError } from '../../platform/http/errors.js';
import { assertUnitInScope, unitAncestry, accountLinkProblem, officerLinkedTo } from '../access/index.js';
import { findAccount } from '../accounts/index.js';
import { dayBefore, isCalendarDay, periodsOverlap } from './assignments.js';
import { warsawToday } from '../../platform/i18n/calendar.js';
import { districtErrors } from './messages.js';
import { officerTextProblem } from './officer-text.js';
import { officerName, type Assignment, type AssignmentKind, type Officer, type OfficerPosition } from './model.js';
import {
  findAssignment,
  findDistrict,
  findOfficer,
  insertAssignment,
  insertOfficer,
  listAssignments,
  setAssignmentEnd,
  updateOfficerRow,
} from './repository.js';

export interface OfficerInput {
  unitId: string;
  rank: string;
  firstName: string;
  lastName: string;
  position?: OfficerPosition | undefined;
  accountId?: string | null | undefined;
}

/**
 * Throws unless `accountId` may be linked to an officer of `officerUnitId` by `principal`: the
 * account exists, is linked to no other officer, and the link keeps it within its unit
 * (see account-link.ts). `linking` is false when only the officer's unit changes.
 */
async function assertAccountLinkable(
  trx: Trx,
  principal: Principal,
  link: { accountId: string | null | undefined; officerUnitId: string; officerId?: string; linking: boolean },
): Promise<void> {
  if (!link.accountId) return;
  const account = await findAccount(trx, link.accountId);
  if (!account)
    throw new AppError(422, 'account_not_found', { pl: 'Nie ma takiego konta.', en: 'No such account.' }, { field: 'accountId' });
  const problem = accountLinkProblem({
    linkerUnitId: link.linking ? principal.unitId : null,
    accountUnitId: account.unitId,
    accountAncestry: await unitAncestry(trx, account.unitId),
    targetAncestry: await unitAncestry(trx, link.officerUnitId),
  });
  if (problem === 'account_out_of_scope') throw new AppError(403, problem, districtErrors.accountOutOfScope(), { field: 'accountId' });
  if (problem === 'account_outside_unit') throw new AppError(422, problem, districtErrors.accountOutsideUnit(), { field: 'accountId' });
  const taken = await officerLinkedTo(trx, link.accountId);
  if (taken && taken.id !== link.officerId)
    throw new AppError(409, 'account_linked', districtErrors.accountTaken(), { field: 'accountId' });
}

export async function createOfficer(db: Db, principal: Principal, actor: Actor, input: OfficerInput): Promise<Officer> {
  return inTransaction(db, actor, (trx) => createOfficerIn(trx, principal, input));
}

/** createOfficer inside a transaction the caller holds (the import of a unit's whole register). */
export async function createOfficerIn(trx: Trx, principal: Principal, input: OfficerInput): Promise<Officer> {
  assertOfficerText(input);
  await assertUnitInScope(trx, principal, input.unitId, 'register.edit');
  await assertAccountLinkable(trx, principal, { accountId: input.accountId, officerUnitId: input.unitId, linking: true });
  const id = await insertOfficer(trx, {
    unitId: input.unitId,
    rank: input.rank.trim(),
    firstName: input.firstName.trim(),
    lastName: input.lastName.trim(),
    position: input.position ?? 'district_officer',
    accountId: input.accountId ?? null,
  });
  return (await findOfficer(trx, id))!;
}

/** A 400 naming the field, before anything is read or written (the database would refuse it with a 500). */
function assertOfficerText(input: Partial<Pick<OfficerInput, 'rank' | 'firstName' | 'lastName'>>): void {
  const problem = officerTextProblem(input);
  if (problem) throw new AppError(400, 'invalid_officer_text', problem.text, { field: problem.field });
}

async function loadOfficer(trx: Trx, principal: Principal, id: string, action: Action): Promise<Officer> {
  const officer = await findOfficer(trx, id);
  if (!officer) throw new AppError(404, 'officer_not_found', districtErrors.officerNotFound());
  await assertUnitInScope(trx, principal, officer.unitId, action);
  return officer;
}

export async function updateOfficer(
  db: Db,
  principal: Principal,
  actor: Actor,
  id: string,
  patch: Partial<OfficerInput>,
): Promise<Officer> {
  return inTransaction(db, actor, (trx) => updateOfficerIn(trx, principal, id, patch));
}

/** updateOfficer inside a transaction the caller holds (the import of a unit's whole register). */
export async function updateOfficerIn(trx: Trx, principal: Principal, id: string, patch: Partial<OfficerInput>): Promise<Officer> {
  assertOfficerText(patch);
  const officer = await loadOfficer(trx, principal, id, 'register.edit');
  if (patch.unitId) await assertUnitInScope(trx, principal, patch.unitId, 'register.edit');
  const linking = patch.accountId !== undefined && patch.accountId !== officer.accountId;
  await assertAccountLinkable(trx, principal, {
    accountId: patch.accountId === undefined ? officer.accountId : patch.accountId,
    officerUnitId: patch.unitId ?? officer.unitId,
    officerId: id,
    linking,
  });
  await updateOfficerRow(trx, id, {
    unitId: patch.unitId,
    rank: patch.rank?.trim(),
    firstName: patch.firstName?.trim(),
    lastName: patch.lastName?.trim(),
    position: patch.position,
    accountId: patch.accountId,
  });
  return (await findOfficer(trx, id))!;
}

/** An officer who leaves: retired from the register, their open assignments end today. */
export async function retireOfficer(db: Db, principal: Principal, actor: Actor, id: string): Promise<void> {
  await inTransaction(db, actor, async (trx) => {
    const officer = await loadOfficer(trx, principal, id, 'register.edit');
    if (officer.retiredAt) return;
    const today = warsawToday();
    for (const assignment of await listAssignments(trx, { officerId: id })) {
      if (assignment.endsOn === null || assignment.endsOn > today) {
        await setAssignmentEnd(trx, assignment.id, assignment.startsOn > today ? assignment.startsOn : today);
      }
    }
    await updateOfficerRow(trx, id, { retiredAt: new Date() });
  });
}

/** An officer with an account may serve only districts of the account's unit or below it. */
async function assertAccountServes(trx: Trx, officer: Officer, districtUnitId: string): Promise<void> {
  const account = officer.accountId ? await findAccount(trx, officer.accountId) : undefined;
  if (!account) return;
  const problem = accountLinkProblem({
    linkerUnitId: null,
    accountUnitId: account.unitId,
    accountAncestry: await unitAncestry(trx, account.unitId),
    targetAncestry: await unitAncestry(trx, districtUnitId),
  });
  if (problem) throw new AppError(422, problem, districtErrors.accountCannotServe(), { field: 'officerId' });
}

export interface AssignInput {
  officerId: string;
  kind: AssignmentKind;
  startsOn: string;
  endsOn?: string | null | undefined;
}

/**
 * Puts an officer in charge of a district from a day. A new regular officer takes over from the
 * current one: the current open-ended assignment ends the day before (history is kept).
 */
export async function assignOfficer(
  db: Db,
  principal: Principal,
  actor: Actor,
  districtIdValue: string,
  input: AssignInput,
): Promise<Assignment> {
  for (const day of [input.startsOn, input.endsOn].filter((d): d is string => typeof d === 'string')) {
    if (!isCalendarDay(day))
      throw new AppError(400, 'invalid_date', districtErrors.badDay(day), { field: day === input.startsOn ? 'startsOn' : 'endsOn' });
  }
  const endsOn = input.endsOn ?? null;
  if (endsOn !== null && endsOn < input.startsOn)
    throw new AppError(400, 'invalid_period', districtErrors.endBeforeStart(), { field: 'endsOn' });
  return inTransaction(db, actor, (trx) => assignOfficerIn(trx, principal, districtIdValue, { ...input, endsOn }));
}

/** assignOfficer inside a transaction the caller holds (dates already checked as calendar days). */
export async function assignOfficerIn(trx: Trx, principal: Principal, districtIdValue: string, input: AssignInput): Promise<Assignment> {
  const endsOn = input.endsOn ?? null;
  const district = await findDistrict(trx, districtIdValue);
  if (!district) throw new AppError(404, 'district_not_found', districtErrors.notFound());
  await assertUnitInScope(trx, principal, district.unitId, 'officer.assign');
  if (district.retiredAt) throw new AppError(409, 'district_retired', districtErrors.districtRetired());
  const officer = await findOfficer(trx, input.officerId);
  if (!officer) throw new AppError(422, 'officer_not_found', districtErrors.officerNotFound(), { field: 'officerId' });
  await assertUnitInScope(trx, principal, officer.unitId, 'officer.assign');
  if (officer.retiredAt) throw new AppError(409, 'officer_retired', districtErrors.officerRetired(), { field: 'officerId' });
  await assertAccountServes(trx, officer, district.unitId);

  const period = { startsOn: input.startsOn, endsOn };
  const sameKind = (await listAssignments(trx, { districtId: district.id })).filter((a) => a.kind === input.kind);
  for (const existing of sameKind) {
    if (!periodsOverlap(existing, period)) continue;
    // Handing over: the open-ended predecessor that started earlier ends the day before.
    if (input.kind === 'regular' && existing.endsOn === null && existing.startsOn < input.startsOn) {
      await setAssignmentEnd(trx, existing.id, dayBefore(input.startsOn));
      continue;
    }
    const holder = await findOfficer(trx, existing.officerId);
    throw new AppError(
      409,
      'assignment_overlap',
      districtErrors.assignmentOverlap(
        input.kind,
        holder ? `${holder.rank} ${officerName(holder)}` : '?',
        existing.startsOn,
        existing.endsOn,
      ),
      { field: 'startsOn' },
    );
  }
  const id = await insertAssignment(trx, district.unitId, {
    districtId: district.id,
    officerId: officer.id,
    kind: input.kind,
    startsOn: input.startsOn,
    endsOn,
  });
  return (await findAssignment(trx, id))!;
}

/** Ends an assignment on a day (or changes its end). */
export async function endAssignment(db: Db, principal: Principal, actor: Actor, id: string, endsOn: string): Promise<Assignment> {
  if (!isCalendarDay(endsOn)) throw new AppError(400, 'invalid_date', districtErrors.badDay(endsOn), { field: 'endsOn' });
  return inTransaction(db, actor, async (trx) => {
    const assignment = await findAssignment(trx, id);
    if (!assignment) throw new AppError(404, 'assignment_not_found', districtErrors.assignmentNotFound());
    const district = (await findDistrict(trx, assignment.districtId))!;
    await assertUnitInScope(trx, principal, district.unitId, 'officer.assign');
    if (endsOn < assignment.startsOn) throw new AppError(400, 'invalid_period', districtErrors.endBeforeStart(), { field: 'endsOn' });
    const others = (await listAssignments(trx, { districtId: district.id })).filter((a) => a.kind === assignment.kind && a.id !== id);
    const clash = others.find((other) => periodsOverlap(other, { startsOn: assignment.startsOn, endsOn }));
    if (clash) {
      const holder = await findOfficer(trx, clash.officerId);
      throw new AppError(
        409,
        'assignment_overlap',
        districtErrors.assignmentOverlap(
          assignment.kind,
          holder ? `${holder.rank} ${officerName(holder)}` : '?',
          clash.startsOn,
          clash.endsOn,
        ),
        { field: 'endsOn' },
      );
    }
    await setAssignmentEnd(trx, id, endsOn);
    return (await findAssignment(trx, id))!;
  });
}
