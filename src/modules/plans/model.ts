import type { MonthCount } from './evaluation/chart.js';
import type { ReportMeasure } from './evaluation/report.js';
import type { Goal } from './evaluation/verdict.js';
import type { Localized } from '../../platform/i18n/i18n.js';
import type { GoalArea } from './measure/goal-area.js';

/**
 * Priority action plan (plan działania priorytetowego): one district, one period of about six
 * months, five sections. Plain data; the rules that act on it live beside it.
 */

export const planStatuses = ['draft', 'submitted', 'returned', 'approved', 'published', 'in_progress', 'evaluated', 'closed'] as const;
export type PlanStatus = (typeof planStatuses)[number];

/** Whether a value (a query parameter, a row of the audit log) names a plan status. */
export function isPlanStatus(value: unknown): value is PlanStatus {
  return (planStatuses as readonly unknown[]).includes(value);
}

/** Threat categories of plans: wider than the KMZB catalogue (fraud is the most common). */
export const threatCategories = [
  'fraud',
  'alcohol_in_public',
  'youth_demoralisation',
  'vandalism',
  'public_order',
  'road_safety',
  'parking',
  'theft_burglary',
  'drugs',
  'domestic_violence',
  'monitoring_infrastructure',
  'illegal_dumping',
  'animals',
  'other',
] as const;
export type ThreatCategory = (typeof threatCategories)[number];

/** Where the diagnosis came from (seeds 000 and 002 name these). */
export const diagnosisSources = [
  'residents',
  'patrols',
  'safety_analysis',
  'kmzb',
  'partners',
  'interventions',
  'survey',
  'debate',
] as const;
export type DiagnosisSource = (typeof diagnosisSources)[number];

export const actionStatuses = ['planned', 'in_progress', 'done', 'cancelled'] as const;
export type ActionStatus = (typeof actionStatuses)[number];

export interface PlanAction {
  description: string;
  /** Calendar days; a deadline has only `to`. */
  from: string | null;
  to: string | null;
  who: string;
  status: ActionStatus;
}

export interface PlanContent {
  threat: { category: ThreatCategory | null; places: string; description: string; sources: DiagnosisSource[] };
  goal: {
    description: string;
    /** What is counted, where and from which source, when the goal is measurable. */
    indicator: { what: string; where: string; source: string } | null;
    baseline: { period: string; value: number } | null;
    /** `kind`: a count of incidents (the default when absent) or the share of positive answers in a survey. */
    target: { direction: 'decrease' | 'increase'; percent: number; kind?: 'count' | 'survey' } | null;
    /**
     * What a count goal counts (issue 15): the unit's imported data or confirmed threat reports, of
     * these categories. Absent or null: the default of the threat category (measure/model.ts).
     */
    indicatorSpec?: { source: 'imported' | 'reports'; categories: string[] } | null;
    /** Where a count goal counts, when not in the whole district (measure/goal-area.ts); absent or null: the district. */
    area?: GoalArea | null;
  };
  actions: PlanAction[];
  /**
   * Each partner's name and tasks as the plan writes them; `partnerId` links the unit's registry
   * (modules/partners); `newPartner`, only in a request, says a name near the registry's is a new one.
   */
  partners: { partnerId?: string | undefined; name: string; tasks: string; newPartner?: boolean | undefined }[];
  communication: string[];
  signature: string | null;
}

/**
 * How a finished plan's goal was judged: the four verdicts of evaluation/verdict.ts for measurable
 * goals, the supervisor's decision (achieved, partly, not) for a goal with no indicator.
 */
export const evaluationOutcomes = ['achieved', 'not_achieved', 'insufficient_data', 'consistent_with_chance', 'partly_achieved'] as const;
export type EvaluationOutcome = (typeof evaluationOutcomes)[number];

export const evaluationOutcomeLabels: Record<EvaluationOutcome, Localized> = {
  achieved: { pl: 'cel osiągnięty', en: 'goal achieved' },
  not_achieved: { pl: 'cel nieosiągnięty', en: 'goal not achieved' },
  insufficient_data: { pl: 'brak danych do oceny', en: 'insufficient data' },
  consistent_with_chance: { pl: 'zmiana możliwa przypadkiem', en: 'change consistent with chance' },
  partly_achieved: { pl: 'cel częściowo osiągnięty', en: 'goal partly achieved' },
};

export interface Evaluation {
  outcome: EvaluationOutcome;
  /** The period's count, or the survey's share (0–1); null for a qualitative goal. */
  measuredValue: number | null;
  /** The supervisor's note. */
  note: string;
  /**
   * The numbers the verdict was computed from (absent in evaluations saved before issue 15, which
   * stay readable): the report recomputes the same verdict from them.
   */
  goal?: Goal;
  /** The one-sided p-value of a count goal. */
  p?: number | null;
  /** Counts from the measure frozen at approval, or typed in by the supervisor. */
  source?: 'frozen' | 'entered';
  /** The frozen measure and its monthly counts as they were at the evaluation, for the report. */
  measure?: ReportMeasure;
  series?: MonthCount[];
}

export interface Plan {
  id: string;
  districtId: string;
  unitId: string;
  periodFrom: string;
  periodTo: string;
  status: PlanStatus;
  version: number;
  /** The version residents see; it stays while a changed version waits for approval. */
  publishedVersion: number | null;
  content: PlanContent;
  previousPlanId: string | null;
  evaluation: Evaluation | null;
  createdAt: Date;
  updatedAt: Date;
  submittedAt: Date | null;
  approvedAt: Date | null;
  publishedAt: Date | null;
  evaluatedAt: Date | null;
}

export function emptyContent(): PlanContent {
  return {
    threat: { category: null, places: '', description: '', sources: [] },
    goal: { description: '', indicator: null, baseline: null, target: null },
    actions: [],
    partners: [],
    communication: [],
    signature: null,
  };
}

/** The district number from a district id ("kpp-lubartow/3" → 3). */
export function districtNumberOf(districtId: string): number {
  return Number(districtId.slice(districtId.lastIndexOf('/') + 1));
}

/** A reviewer's remark on a section (or one item of it). */
export interface ReviewComment {
  section: 'period' | 'threat' | 'goal' | 'actions' | 'partners' | 'communication' | 'general';
  item: number | null;
  text: string;
}
