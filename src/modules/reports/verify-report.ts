import type { Db } from '../../platform/db/database.js';
import { inTransaction, type Actor, type Trx } from '../../platform/audit/actor.js';
import type { Principal } from '../../platform/auth/principal.js';
import { AppError, httpErrors } from '../../platform/http/errors.js';
import type { Lang } from '../../platform/i18n/i18n.js';
import { queueMail } from '../../platform/mail/outbox.js';
import { limitKeyOf } from '../../platform/http/client-address.js';
import { can, servesDistrict } from '../../platform/auth/policy.js';
import { findDistrict } from '../districts/index.js';
import { factsOf, isAllowed, resourceOf } from '../access/index.js';
import { reportErrors } from './messages.js';
import type { ChangeBus } from '../../platform/events/changes.js';
import type { Report } from './model.js';
import { findReport, insertReportEvent, reporterEmail, updateStatus } from './repository.js';
import {
  availableStatuses,
  isClosed,
  isListedPublicly,
  isTransition,
  nextStatusProblem,
  statusChangeHoldProblem,
  statusLabels,
  type ReportStatus,
  type Standing,
} from './rules/index.js';
import { addConfirmation, moveReport } from './verification-repository.js';

/** Every change of reports goes through here, so in-memory indexes of the public map learn of it. */
export function changeReports<T>(db: Db, changes: ChangeBus, actor: Actor, work: (trx: Trx) => Promise<T>): Promise<T> {
  return inTransaction(db, actor, work).finally(() => changes.emit('reports'));
}

/**
 * How a person stands to a report (platform/auth/policy.ts): whether they may read it in full,
 * serve its district, and supervise it (a supervisor or commander of its unit; administrators read
 * reports but do not decide on them).
 */
export async function reportAccess(
  db: Db | Trx,
  principal: Principal | null,
  report: Pick<Report, 'districtId' | 'unitId'>,
): Promise<{ canRead: boolean; standing: Standing }> {
  const { subject, resource } = await factsOf(db, principal, report);
  return {
    canRead: can(subject, 'report.read_staff', resource),
    standing: {
      isDistrictOfficer: subject !== null && servesDistrict(subject, resource),
      isSupervisor: can(subject, 'report.supervise', resource),
    },
  };
}

/** Police who may read a report in full: its district's officer and staff of its unit (and above). */
export async function maySeeReport(
  db: Db | Trx,
  principal: Principal | null,
  report: Pick<Report, 'districtId' | 'unitId'>,
): Promise<boolean> {
  return isAllowed(db, principal, 'report.read_staff', report);
}

export interface StatusRequest {
  to: ReportStatus;
  note?: string | null;
  forwardedTo?: string | null;
  duplicateOf?: number | null;
}

/**
 * One rule for reading and changing, the one the staff report page (GET /admin/reports/:id)
 * already follows: a report you may not read in full is "not found" (404) for every change too,
 * so a refusal never confirms more than reading does. Police who may read it but not make this
 * change get 403 (see applyStatus).
 */
export async function loadForChange(trx: Trx, principal: Principal, id: number): Promise<{ report: Report; standing: Standing }> {
  const report = await findReport(trx, id);
  const access = report && (await reportAccess(trx, principal, report));
  if (!report || !access?.canRead) throw new AppError(404, 'report_not_found', reportErrors.notFound());
  return { report, standing: access.standing };
}

async function applyStatus(
  trx: Trx,
  principal: Principal,
  actor: Actor,
  id: number,
  request: StatusRequest,
  options: { publicUrl: string },
): Promise<Report> {
  const { report, standing } = await loadForChange(trx, principal, id);
  const held = statusChangeHoldProblem(report.hold);
  if (held) throw new AppError(409, 'report_held', held, { hold: report.hold });
  const target = request.duplicateOf ? await findReport(trx, request.duplicateOf) : null;
  if (request.to === 'duplicate' && request.duplicateOf && !target)
    throw new AppError(422, 'duplicate_target_not_found', reportErrors.notFound(), { field: 'duplicateOf' });
  const problem = nextStatusProblem(report.status, request.to, standing, {
    reportId: String(report.id),
    forwardedTo: request.forwardedTo ?? null,
    duplicateOf: target ? { id: String(target.id), status: target.status } : null,
  });
  if (problem) {
    // A move that exists but is not this person's to make is a 403; an impossible move is a 409.
    const notYours = isTransition(report.status, request.to) && !availableStatuses(report.status, standing).includes(request.to);
    if (notYours) throw httpErrors.forbidden(problem);
    throw new AppError(409, 'status_change_not_allowed', problem, { from: report.status, to: request.to });
  }
  const closed = isClosed(request.to);
  // Read before the update: closing a report erases the reporter's e-mail.
  const email = await reporterEmail(trx, report.id);
  await updateStatus(trx, report.id, {
    status: request.to,
    forwardedTo: request.to === 'forwarded' ? request.forwardedTo!.trim() : null,
    duplicateOf: request.to === 'duplicate' ? target!.id : null,
    closed,
  });
  await insertReportEvent(trx, {
    reportId: report.id,
    actorId: actor.accountId,
    actorLabel: actor.label,
    kind: 'status',
    from: report.status,
    to: request.to,
    note: request.note?.trim() || null,
  });
  if (email) {
    await queueMail(trx, {
      to: email,
      subject: `Zgłoszenie nr ${report.id}: ${statusLabels[request.to].pl} / Report ${report.id}: ${statusLabels[request.to].en}`,
      text: [
        `Status Twojego zgłoszenia nr ${report.id} zmienił się na: ${statusLabels[request.to].pl}.`,
        `Szczegóły: ${options.publicUrl}/zgloszenia/${report.id}`,
        closed ? 'Zgłoszenie jest zamknięte; Twój adres e-mail został usunięty z systemu.' : '',
        '',
        `The status of your report ${report.id} is now: ${statusLabels[request.to].en}.`,
        closed ? 'The report is closed; your e-mail address has been deleted from the system.' : '',
      ]
        .filter((line, i, all) => line !== '' || all[i - 1] !== '')
        .join('\n'),
    });
  }
  return (await findReport(trx, report.id))!;
}

/** Changes one report's status, with the history, the reporter's e-mail and its erasure on close. */
export async function changeReportStatus(
  db: Db,
  changes: ChangeBus,
  principal: Principal,
  actor: Actor,
  id: number,
  request: StatusRequest,
  options: { publicUrl: string },
): Promise<Report> {
  return changeReports(db, changes, actor, (trx) => applyStatus(trx, principal, actor, id, request, options));
}

/**
 * The same change on many reports (a supervisor's bulk action): all or nothing, and the error
 * names the first report that cannot take it.
 */
export async function changeManyStatuses(
  db: Db,
  changes: ChangeBus,
  principal: Principal,
  actor: Actor,
  ids: number[],
  request: StatusRequest,
  options: { publicUrl: string; lang: Lang },
): Promise<Report[]> {
  return changeReports(db, changes, actor, (trx) => eachReport(ids, (id) => applyStatus(trx, principal, actor, id, request, options)));
}

/** Does `work` for each report in turn (once per number); the first that cannot be done stops all, and its error names the report. */
export async function eachReport<T>(ids: number[], work: (id: number) => Promise<T>): Promise<T[]> {
  const done: T[] = [];
  for (const id of [...new Set(ids)]) {
    try {
      done.push(await work(id));
    } catch (error) {
      if (error instanceof AppError) {
        throw new AppError(
          error.status,
          error.code,
          { pl: `Zgłoszenie nr ${id}: ${error.text.pl}`, en: `Report ${id}: ${error.text.en}` },
          { reportId: id, ...(error.details as object) },
        );
      }
      throw error;
    }
  }
  return done;
}

/** A supervisor gives a report to a district of its unit (or takes it back to the unit). */
export async function assignReport(
  db: Db,
  changes: ChangeBus,
  principal: Principal,
  actor: Actor,
  id: number,
  districtId: string | null,
  note?: string | null,
): Promise<Report> {
  return changeReports(db, changes, actor, async (trx) => {
    const { report, standing } = await loadForChange(trx, principal, id);
    if (!standing.isSupervisor) throw httpErrors.forbidden(reportErrors.notYours());
    let unitId = report.unitId;
    if (districtId) {
      const district = await findDistrict(trx, districtId);
      if (!district || district.retiredAt)
        throw new AppError(422, 'district_not_found', { pl: 'Nie ma takiego rejonu.', en: 'No such district.' }, { field: 'districtId' });
      const { subject } = await factsOf(trx, principal, district);
      if (!can(subject, 'report.supervise', await resourceOf(trx, district))) throw httpErrors.forbidden(reportErrors.districtNotInUnit());
      unitId = district.unitId;
    }
    await moveReport(trx, report.id, { districtId, unitId });
    await insertReportEvent(trx, {
      reportId: report.id,
      actorId: actor.accountId,
      actorLabel: actor.label,
      kind: 'assigned',
      districtId,
      note: note?.trim() || null,
    });
    return (await findReport(trx, report.id))!;
  });
}

/** "Me too": a resident confirms an open report instead of sending a duplicate. Once per client. */
export async function confirmReport(db: Db, changes: ChangeBus, actor: Actor, id: number): Promise<Report> {
  return changeReports(db, changes, actor, async (trx) => {
    const report = await findReport(trx, id);
    // A held report is not public: nobody can have seen it to confirm it.
    if (!report || !isListedPublicly(report.hold)) throw new AppError(404, 'report_not_found', reportErrors.notFound());
    if (isClosed(report.status)) throw new AppError(409, 'report_closed', reportErrors.closedReport());
    // Once per client (an IPv6 client holds a whole /64), and only the client's key is stored.
    if (!(await addConfirmation(trx, report.id, actor.ip ? limitKeyOf(actor.ip) : 'unknown')))
      throw new AppError(409, 'already_confirmed', reportErrors.alreadyConfirmed());
    await insertReportEvent(trx, { reportId: report.id, actorId: null, actorLabel: actor.label, kind: 'confirmed_by_resident' });
    return (await findReport(trx, report.id))!;
  });
}
