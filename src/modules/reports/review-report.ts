import type { Db } from '../../platform/db/database.js';
import type { ChangeBus } from '../../platform/events/changes.js';
import type { Actor, Trx } from '../../platform/audit/actor.js';
import type { Principal } from '../../platform/auth/principal.js';
import { AppError, httpErrors } from '../../platform/http/errors.js';
import type { Report } from './model.js';
import { findReport, insertReportEvent, updateHold } from './repository.js';
import { isClosed, reviewMove, reviewProblem, type ReviewAction } from './rules/index.js';
import { changeReports, eachReport, loadForChange } from './verify-report.js';

async function applyReview(
  trx: Trx,
  principal: Principal,
  actor: Actor,
  id: number,
  action: ReviewAction,
  note: string | null | undefined,
): Promise<Report> {
  const { report, standing } = await loadForChange(trx, principal, id);
  const problem = reviewProblem(report.hold, action, standing);
  if (problem)
    throw problem.forbidden
      ? httpErrors.forbidden(problem.message)
      : new AppError(409, 'review_not_allowed', problem.message, { hold: report.hold, action });
  const move = reviewMove(action);
  await updateHold(trx, report.id, { hold: move.to, status: move.status, closed: move.status !== null && isClosed(move.status) });
  await insertReportEvent(trx, {
    reportId: report.id,
    actorId: actor.accountId,
    actorLabel: actor.label,
    kind: move.event,
    from: move.status ? report.status : null,
    to: move.status,
    note: note?.trim() || null,
  });
  return (await findReport(trx, report.id))!;
}

/**
 * Staff review of reports held by a flood limit (rules/floods.ts): release (an ordinary, public
 * report from now on) or reject (closed as a prank, never public), one or many at once, all or
 * nothing; the error names the first report that cannot take it.
 */
export async function reviewReports(
  db: Db,
  changes: ChangeBus,
  principal: Principal,
  actor: Actor,
  ids: number[],
  action: ReviewAction,
  note?: string | null,
): Promise<Report[]> {
  return changeReports(db, changes, actor, (trx) => eachReport(ids, (id) => applyReview(trx, principal, actor, id, action, note)));
}
