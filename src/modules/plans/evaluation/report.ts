import { dayInPoland } from '../../../platform/i18n/calendar.js';
import type { LogEntry } from '../action-log/rules.js';
import type { Evaluation as StoredEvaluation, EvaluationOutcome, PlanContent } from '../model.js';
import type { DayWindow, MonthCount } from './chart.js';
import { processScore, type ProcessScore } from './process-score.js';
import { evaluateGoal, type Evaluation } from './verdict.js';

/**
 * The evaluation report (sprawozdanie z realizacji): plain data, built by a pure function from the
 * plan, its stored evaluation and its action log. The page, the PDF and the DOCX are made from it.
 */

/** The measure frozen at approval: what is counted, where, against which windows and area, by which rule. */
export interface ReportMeasure {
  what: string;
  where: string;
  source: string;
  baselineWindows: DayWindow[];
  comparisonArea: string | null;
  /** The decision rule in words, as frozen; null when none was. */
  rule: string | null;
}

export interface ReportCounts {
  baseline: number;
  period: number;
  baselineDays: number;
  periodDays: number;
  comparison: { baseline: number; period: number } | null;
}

export interface EvaluationReport {
  plan: {
    id: string;
    districtName: string;
    districtNumber: number;
    unitName: string;
    /** Who signed the plan (the district officer), as the plan names them. */
    officer: string | null;
    periodFrom: string;
    periodTo: string;
    category: PlanContent['threat']['category'];
    threat: string;
    goal: string;
    /** The day of the evaluation, in Poland. */
    evaluatedOn: string;
  };
  measure: ReportMeasure | null;
  counts: ReportCounts | null;
  series: MonthCount[];
  /** Recomputed from the stored numbers; null for an evaluation saved before issue 15 (only `outcome` is known). */
  evaluation: Evaluation | null;
  outcome: EvaluationOutcome;
  /** Counts from the frozen measure or typed in by the supervisor; null without counts. */
  source: 'frozen' | 'entered' | null;
  /** Beside the outcome, never part of it (process-score.ts). */
  process: ProcessScore;
  note: string;
}

export interface ReportInputs {
  plan: {
    id: string;
    periodFrom: string;
    periodTo: string;
    content: PlanContent;
    evaluation: StoredEvaluation;
    evaluatedAt: Date | null;
  };
  context: { districtName: string; districtNumber: number; unitName: string };
  entries: readonly Pick<LogEntry, 'actionIndex' | 'day' | 'completes' | 'withdrawnAt'>[];
  /** The day the report is read: the evaluation day when the plan has none recorded. */
  today: string;
}

export function buildEvaluationReport({ plan, context, entries, today }: ReportInputs): EvaluationReport {
  const stored = plan.evaluation;
  const evaluatedOn = plan.evaluatedAt ? dayInPoland(plan.evaluatedAt) : today;
  const evaluation = stored.goal ? evaluateGoal(stored.goal) : null;
  const goal = stored.goal?.kind === 'count' ? stored.goal : null;
  const indicator = plan.content.goal.indicator;
  return {
    plan: {
      id: plan.id,
      ...context,
      officer: plan.content.signature,
      periodFrom: plan.periodFrom,
      periodTo: plan.periodTo,
      category: plan.content.threat.category,
      threat: plan.content.threat.description,
      goal: plan.content.goal.description,
      evaluatedOn,
    },
    // Without a frozen measure the plan's own words about its indicator are all there is.
    measure: stored.measure ?? (indicator ? { ...indicator, baselineWindows: [], comparisonArea: null, rule: null } : null),
    counts: goal
      ? {
          baseline: goal.baseline,
          period: goal.period,
          baselineDays: goal.baselineLength,
          periodDays: goal.periodLength,
          comparison: goal.comparison ?? null,
        }
      : null,
    series: stored.series ?? [],
    evaluation,
    outcome: stored.outcome,
    source: goal ? (stored.source ?? 'entered') : null,
    process: processScore(plan.content.actions, entries, plan.periodTo, evaluatedOn),
    note: stored.note,
  };
}
