import type { Db } from '../../platform/db/database.js';
import type { Lang } from '../../platform/i18n/i18n.js';
import { AppError } from '../../platform/http/errors.js';
import { warsawToday } from '../../platform/i18n/calendar.js';
import { listEntries } from './action-log/repository.js';
import { buildEvaluationReport, type EvaluationReport } from './evaluation/report.js';
import { reportDocument } from './evaluation/report-document.js';
import type { Plan } from './model.js';
import type { PlanDocument } from './publication/document.js';
import { publishedPlan } from './read-library.js';

/**
 * The evaluation report of a published plan (sprawozdanie z realizacji), for its page, PDF and
 * DOCX. Before the plan is evaluated there is no report: a 404 that says when there will be one,
 * as for any address with nothing behind it yet.
 */
export async function evaluationReport(
  db: Db,
  id: string,
  lang: Lang,
): Promise<{ plan: Plan; report: EvaluationReport; document: PlanDocument }> {
  const { plan, published } = await publishedPlan(db, id, lang);
  if (!plan.evaluation)
    throw new AppError(404, 'report_not_found', {
      pl: 'Sprawozdanie z realizacji tego planu pojawi się po ocenie realizacji celu, po zakończeniu okresu planu.',
      en: 'The evaluation report of this plan will appear once its goal has been evaluated, after the plan’s period.',
    });
  const report = buildEvaluationReport({
    plan: {
      id: plan.id,
      periodFrom: published.periodFrom,
      periodTo: published.periodTo,
      content: published.content,
      evaluation: plan.evaluation,
      evaluatedAt: plan.evaluatedAt,
    },
    context: published.context,
    entries: await listEntries(db, plan.id),
    today: warsawToday(),
  });
  return { plan, report, document: reportDocument(report, lang) };
}
