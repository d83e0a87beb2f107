import type { Db } from '../../../platform/db/database.js';
import type { Localized } from '../../../platform/i18n/i18n.js';
import { warsawToday } from '../../../platform/i18n/calendar.js';
import { confirmedStatuses, districtReportEvidence, reportCategories } from '../../reports/index.js';
import type { EvaluationOutcome, Plan } from '../model.js';
import type { PlanSummary } from '../public/pages.js';
import { planSummaries } from '../read-library.js';
import { planSearchText, similarityQuery } from '../search/stems.js';
import { plansInOrder } from '../repository.js';
import { planCategoriesOf, summarise, type EvidenceSummary } from './evidence.js';
import { indicatorCounts, type IndicatorCount } from './indicator-counts.js';
import { draftingSimilarPlanIds } from './similar-repository.js';
import { evidenceWindow } from './window.js';

export interface SimilarPlan extends PlanSummary {
  /** The reviewer's judgement of its goal, when it has been evaluated. */
  outcome: EvaluationOutcome | null;
}

/** What the drafting panel of a plan shows (staff only: it is read only for those who may edit the plan). */
export interface Evidence {
  summary: EvidenceSummary;
  /** Report category code → its name (retired categories too: old reports keep them). */
  categoryNames: Map<string, Localized>;
  indicators: IndicatorCount[];
  similar: SimilarPlan[];
}

/** The district's reports of the last 12 whole months summarised, with the names of their categories. */
export async function readReportEvidence(db: Db, plan: Plan, today = warsawToday()): Promise<Pick<Evidence, 'summary' | 'categoryNames'>> {
  const window = evidenceWindow(today);
  const [reports, categories] = await Promise.all([
    districtReportEvidence(db, plan.districtId, window.from, window.to),
    reportCategories(db),
  ]);
  return {
    summary: summarise(
      reports.map((r) => ({ ...r, confirmed: confirmedStatuses.includes(r.status) })),
      window,
    ),
    categoryNames: new Map(categories.map((c) => [c.code, c.name])),
  };
}

/** The drafting panel's evidence: the reports, the district's indicator counts and similar published plans. */
export async function readEvidence(db: Db, plan: Plan, today = warsawToday()): Promise<Evidence> {
  const [{ summary, categoryNames }, indicators] = await Promise.all([
    readReportEvidence(db, plan, today),
    indicatorCounts(db, { id: plan.districtId, unitId: plan.unitId }, evidenceWindow(today)),
  ]);
  const planCategories = [
    ...new Set([
      ...(plan.content.threat.category ? [plan.content.threat.category] : []),
      ...planCategoriesOf(summary).map((c) => c.category),
    ]),
  ];
  const ids = await draftingSimilarPlanIds(db, {
    planId: plan.id,
    unitId: plan.unitId,
    // The plan's own category and the three the reports speak of most.
    categories: planCategories.slice(0, 4),
    words: similarityQuery(planSearchText(plan.content)),
  });
  const similarPlans = await plansInOrder(db, ids);
  const summaries = await planSummaries(db, similarPlans);
  return {
    summary,
    categoryNames,
    indicators,
    similar: summaries.map((s, i) => ({ ...s, outcome: similarPlans[i]!.evaluation?.outcome ?? null })),
  };
}
