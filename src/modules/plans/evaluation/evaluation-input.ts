import type { Localized } from '../../../platform/i18n/i18n.js';
import type { Evaluation, PlanContent } from '../model.js';
import type { MonthCount } from './chart.js';
import type { ReportMeasure } from './report.js';
import { countGoalProblem, evaluateGoal, surveyGoalProblem, type Goal } from './verdict.js';

/**
 * What a supervisor records at the evaluation (ocena realizacji), by the kind of the plan's goal,
 * and the verdict computed from it. The supervisor never picks "achieved" for a measurable goal:
 * for counts and surveys they give the numbers and the rule in verdict.ts decides.
 */

export type GoalKind = 'count' | 'survey' | 'qualitative';

/** A goal with no numeric target is judged by the supervisor; a survey target by the survey; else by counts. */
export function goalKindOf(goal: PlanContent['goal']): GoalKind {
  if (!goal.target || !(goal.target.percent > 0)) return 'qualitative';
  return goal.target.kind === 'survey' ? 'survey' : 'count';
}

/** As the form and the API send it: only the fields of the goal's kind are read. */
export interface EvaluationInput {
  /** Only "insufficient_data" is read, for a count goal with no counts at all (older API clients send it). */
  outcome?: string | undefined;
  measuredValue?: number | null | undefined;
  note?: string | undefined;
  baseline?: number | null | undefined;
  period?: number | null | undefined;
  baselineLength?: number | null | undefined;
  periodLength?: number | null | undefined;
  asked?: number | null | undefined;
  positive?: number | null | undefined;
  decision?: string | undefined;
  justification?: string | undefined;
}

/** The counts of the measure frozen at approval (indicators, issue 15), when the plan has one. */
export interface FrozenCounts {
  measure: ReportMeasure;
  baseline: number;
  period: number;
  baselineDays: number;
  periodDays: number;
  comparison: { baseline: number; period: number } | null;
  series: MonthCount[];
}

export interface InputProblem {
  code: string;
  field: string;
  message: Localized;
}

const decisions = ['achieved', 'partly_achieved', 'not_achieved'] as const;
const isDecision = (value: unknown): value is (typeof decisions)[number] => (decisions as readonly unknown[]).includes(value);

export const justificationLimit = 5000;

const problem = (code: string, field: string, pl: string, en: string): { problem: InputProblem } => ({
  problem: { code, field, message: { pl, en } },
});

/**
 * The evaluation to store, or what is wrong with the input. Counts come from the frozen measure
 * when there is one (what was typed is then ignored); otherwise (plans approved before measures were
 * frozen) from the form, for two windows of equal length unless the lengths are given.
 */
export function evaluationFromInput(
  goal: PlanContent['goal'],
  input: EvaluationInput,
  frozen: FrozenCounts | null,
): { evaluation: Evaluation } | { problem: InputProblem } {
  const note = input.note?.trim() ?? '';
  const kind = goalKindOf(goal);
  const target = goal.target;
  let stored: Goal;
  if (kind === 'qualitative') {
    if (!isDecision(input.decision))
      return problem(
        'decision_required',
        'decision',
        'Wybierz ocenę celu: osiągnięty, częściowo osiągnięty albo nieosiągnięty.',
        'Choose the judgement: achieved, partly achieved or not achieved.',
      );
    const justification = input.justification?.trim() ?? '';
    if (!justification)
      return problem(
        'justification_required',
        'justification',
        'Uzasadnij ocenę: cel bez miernika ocenia przełożony i musi napisać dlaczego.',
        'Justify the judgement: a goal with no indicator is judged by the supervisor, who must say why.',
      );
    if (justification.length > justificationLimit)
      return problem(
        'too_long',
        'justification',
        `Uzasadnienie może mieć najwyżej ${justificationLimit} znaków.`,
        `The justification may have at most ${justificationLimit} characters.`,
      );
    stored = { kind: 'qualitative', decision: input.decision, justification };
  } else if (kind === 'survey') {
    const [asked, positive] = [input.asked, input.positive];
    if (asked == null || positive == null)
      return problem(
        'survey_required',
        asked == null ? 'asked' : 'positive',
        'Podaj liczbę zapytanych mieszkańców i liczbę odpowiedzi pozytywnych.',
        'Give the number of residents asked and of positive answers.',
      );
    stored = { kind: 'survey', asked, positive, targetShare: target!.percent / 100 };
    const bad = surveyGoalProblem(stored);
    if (bad) return { problem: { code: 'invalid_number', field: bad.pl.startsWith('asked') ? 'asked' : 'positive', message: bad } };
  } else {
    const counts = frozen ?? typedCounts(input);
    if (counts === 'none')
      return input.outcome === 'insufficient_data'
        ? { evaluation: { outcome: 'insufficient_data', measuredValue: null, note } }
        : problem(
            'counts_required',
            'baseline',
            'Podaj liczbę zdarzeń w okresie bazowym i w okresie planu: ocenę celu liczbowego wylicza system.',
            'Give the number of events in the baseline and in the plan’s period: the system computes the verdict of a measurable goal.',
          );
    stored = {
      kind: 'count',
      baseline: counts.baseline,
      period: counts.period,
      baselineLength: counts.baselineDays,
      periodLength: counts.periodDays,
      // "Fewer by 150 %" cannot happen; read as "none left" rather than refused at the evaluation.
      targetChange: target!.direction === 'decrease' ? -Math.min(target!.percent / 100, 1) : target!.percent / 100,
      comparison: frozen?.comparison ?? null,
    };
    const bad = countGoalProblem(stored);
    if (bad) return { problem: { code: 'invalid_number', field: bad.pl.startsWith('period') ? 'period' : 'baseline', message: bad } };
  }
  const computed = evaluateGoal(stored);
  const evaluation: Evaluation = {
    outcome: computed.kind === 'qualitative' ? computed.decision : computed.verdict,
    measuredValue: computed.kind === 'count' ? computed.goal.period : computed.kind === 'survey' ? computed.share : null,
    note,
    goal: stored,
    p: computed.kind === 'count' ? computed.p : null,
    source: kind === 'count' ? (frozen ? 'frozen' : 'entered') : 'entered',
  };
  if (frozen) Object.assign(evaluation, { measure: frozen.measure, series: frozen.series });
  return { evaluation };
}

function typedCounts(input: EvaluationInput): Omit<FrozenCounts, 'measure' | 'series' | 'comparison'> | 'none' {
  if (input.baseline == null && input.period == null) return 'none';
  // One count missing is a mistake, not "nothing counted": NaN makes countGoalProblem name it.
  return {
    baseline: input.baseline ?? Number.NaN,
    period: input.period ?? Number.NaN,
    baselineDays: input.baselineLength ?? 1,
    periodDays: input.periodLength ?? 1,
  };
}
