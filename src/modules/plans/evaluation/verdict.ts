import type { Localized } from '../../../platform/i18n/i18n.js';
import {
  conditionalTest,
  rateChange,
  relativeEffect,
  smallestPossibleP,
  wilsonInterval,
  type CountComparison,
  type RelativeEffect,
} from './statistics.js';

/**
 * A goal's verdict (werdykt oceny celu), the four of issue 15. A verdict is never "achieved" on the
 * numbers alone: the change must also be one that chance rarely produces.
 */
export const verdicts = ['achieved', 'consistent_with_chance', 'not_achieved', 'insufficient_data'] as const;
export type Verdict = (typeof verdicts)[number];

export const verdictLabels: Record<Verdict, Localized> = {
  achieved: { pl: 'Cel osiągnięty', en: 'Goal achieved' },
  consistent_with_chance: { pl: 'Zmiana możliwa przypadkiem', en: 'Change consistent with chance' },
  not_achieved: { pl: 'Cel nieosiągnięty', en: 'Goal not achieved' },
  insufficient_data: { pl: 'Za mało danych', en: 'Insufficient data' },
};

/** The significance level: p below it counts as "rarely by chance". */
export const significanceLevel = 0.05;

/** A goal measured by counted events: "fewer burglaries by 20 %" is `targetChange: -0.2`. */
export interface CountGoal extends CountComparison {
  kind: 'count';
  /**
   * The hoped-for change of the rate, as a fraction: −0.2 for "20 % fewer", 0.1 for "10 % more";
   * never 0. Null when the goal names no size ("fewer burglaries"): any change in `direction` meets it.
   */
  targetChange: number | null;
  /** Only read when `targetChange` is null; otherwise its sign is the direction. Default: decrease. */
  direction?: 'decrease' | 'increase';
  /** The same indicator in the comparison area (default: the rest of the unit), same windows. */
  comparison?: { baseline: number; period: number } | null;
}

/** A goal judged by a survey: "a positive opinion of 80 % of residents" is `targetShare: 0.8`. */
export interface SurveyGoal {
  kind: 'survey';
  asked: number;
  positive: number;
  targetShare: number;
}

/** A goal no count or survey measures: the supervisor decides and must say why. No statistics. */
export interface QualitativeGoal {
  kind: 'qualitative';
  decision: 'achieved' | 'partly_achieved' | 'not_achieved';
  justification: string;
}

export type Goal = CountGoal | SurveyGoal | QualitativeGoal;

export type CountReason = 'nothing_counted' | 'no_baseline' | 'too_few_to_show' | 'target_not_met' | 'not_significant' | 'significant';
export type SurveyReason = 'nobody_asked' | 'too_few_to_show' | 'target_not_met' | 'not_shown' | 'shown';

export interface CountEvaluation {
  kind: 'count';
  goal: CountGoal;
  verdict: Verdict;
  reason: CountReason;
  direction: 'decrease' | 'increase';
  /** The observed change of the rate (−0.75 for 8 → 2 in equal windows); null with no baseline. */
  change: number | null;
  /** The one-sided p-value of the conditional test. */
  p: number;
  /** Set only with a comparison area; null inside when the interval cannot be given. */
  relative?: RelativeEffect | null;
}

export interface SurveyEvaluation {
  kind: 'survey';
  goal: SurveyGoal;
  verdict: Verdict;
  reason: SurveyReason;
  share: number | null;
  interval: { low: number; high: number } | null;
}

export interface QualitativeEvaluation {
  kind: 'qualitative';
  goal: QualitativeGoal;
  /** The supervisor's own decision; it is not one of the four verdicts, which need numbers. */
  decision: QualitativeGoal['decision'];
}

export type Evaluation = CountEvaluation | SurveyEvaluation | QualitativeEvaluation;

/** Why the goal's numbers cannot be used, or null when they can. Checked by the CLI and (later) forms. */
export function countGoalProblem(goal: CountGoal): Localized | null {
  const counts: [string, number][] = [
    ['baseline', goal.baseline],
    ['period', goal.period],
    ...(goal.comparison
      ? ([
          ['comparison-baseline', goal.comparison.baseline],
          ['comparison-period', goal.comparison.period],
        ] as [string, number][])
      : []),
  ];
  for (const [name, n] of counts) {
    if (!Number.isInteger(n) || n < 0)
      return {
        pl: `${name}: liczba zdarzeń musi być całkowita i nieujemna.`,
        en: `${name}: the count must be a whole number, not negative.`,
      };
  }
  for (const [name, n] of [
    ['baseline-length', goal.baselineLength],
    ['period-length', goal.periodLength],
  ] as const) {
    if (!Number.isFinite(n) || n <= 0)
      return { pl: `${name}: długość okresu musi być dodatnia.`, en: `${name}: the length must be positive.` };
  }
  const target = goal.targetChange;
  if (target !== null && (!Number.isFinite(target) || target === 0 || target < -1))
    return {
      pl: 'target: cel to zmiana w procentach, różna od zera i nie mniejsza niż −100 (np. −20 to spadek o 20 %).',
      en: 'target: the goal is a change in percent, not zero and not below −100 (e.g. −20 means 20 % fewer).',
    };
  return null;
}

export function surveyGoalProblem(goal: SurveyGoal): Localized | null {
  if (!Number.isInteger(goal.asked) || goal.asked < 0)
    return {
      pl: 'asked: liczba badanych musi być całkowita i nieujemna.',
      en: 'asked: the number asked must be a whole number, not negative.',
    };
  if (!Number.isInteger(goal.positive) || goal.positive < 0 || goal.positive > goal.asked)
    return {
      pl: 'positive: liczba odpowiedzi pozytywnych musi być całkowita, od 0 do liczby badanych.',
      en: 'positive: the positive answers must be a whole number from 0 to the number asked.',
    };
  if (!(goal.targetShare > 0 && goal.targetShare < 1))
    return {
      pl: 'target-share: docelowy odsetek musi leżeć między 0 a 100 %.',
      en: 'target-share: the target share must lie between 0 and 100 %.',
    };
  return null;
}

/**
 * The verdict of a count goal, checked in this order:
 * 1. nothing counted in either window → insufficient data: there is no rate to compare;
 * 2. a baseline of 0 → insufficient data: a change in percent of nothing is not defined;
 * 3. too few events for the test ever to give p < 0.05, even if every one of them had fallen in the
 *    hoped-for window (with equal windows: a total of 4 or fewer) → insufficient data, whatever the
 *    counts say: calling 3 → 0 "consistent with chance" would blame the plan for the sample size;
 * 4. the observed change misses the target → not achieved;
 * 5. the target met but p ≥ 0.05 → consistent with chance: the same change happens without any plan
 *    one time in twenty or more, so it cannot be credited to the actions;
 * 6. otherwise achieved.
 * The comparison area's relative effect is reported beside the verdict and does not change it: the
 * issue defines the verdict by the conditional test, and the comparison only tells the reader
 * whether the rest of the unit changed the same way.
 */
export function evaluateCountGoal(goal: CountGoal): CountEvaluation {
  const target = goal.targetChange;
  const direction = target === null ? (goal.direction ?? 'decrease') : target < 0 ? 'decrease' : 'increase';
  const { p, p0, total } = conditionalTest(goal, direction);
  const change = rateChange(goal);
  const relative = goal.comparison ? { relative: relativeEffect(goal, goal.comparison) } : {};
  const result = (verdict: Verdict, reason: CountReason): CountEvaluation => ({
    kind: 'count',
    goal,
    verdict,
    reason,
    direction,
    change,
    p,
    ...relative,
  });
  if (total === 0) return result('insufficient_data', 'nothing_counted');
  if (change === null) return result('insufficient_data', 'no_baseline');
  if (smallestPossibleP(total, p0, direction) >= significanceLevel) return result('insufficient_data', 'too_few_to_show');
  // With no size named, any change the right way meets the goal; the test then says whether it counts.
  const met = direction === 'decrease' ? change <= (target ?? -Number.MIN_VALUE) : change >= (target ?? Number.MIN_VALUE);
  if (!met) return result('not_achieved', 'target_not_met');
  return p < significanceLevel ? result('achieved', 'significant') : result('consistent_with_chance', 'not_significant');
}

/**
 * The verdict of a survey goal, the same four words by the same logic, with the Wilson 95 % interval
 * in place of the test:
 * 1. nobody asked → insufficient data;
 * 2. too few asked for any answer to show the target: even if everyone said yes, the interval's lower
 *    bound would stay below the target (12 people cannot show 80 %: 12 of 12 gives 76 %) →
 *    insufficient data;
 * 3. the share below the target → not achieved;
 * 4. the share at or above the target, but the lower bound below it → consistent with chance: a
 *    different sample of residents could well have fallen short;
 * 5. the lower bound at or above the target → achieved.
 */
export function evaluateSurveyGoal(goal: SurveyGoal): SurveyEvaluation {
  const result = (verdict: Verdict, reason: SurveyReason, interval: ReturnType<typeof wilsonInterval> | null): SurveyEvaluation => ({
    kind: 'survey',
    goal,
    verdict,
    reason,
    share: interval?.share ?? null,
    interval: interval ? { low: interval.low, high: interval.high } : null,
  });
  if (goal.asked === 0) return result('insufficient_data', 'nobody_asked', null);
  const interval = wilsonInterval(goal.positive, goal.asked);
  if (wilsonInterval(goal.asked, goal.asked).low < goal.targetShare) return result('insufficient_data', 'too_few_to_show', interval);
  if (interval.share < goal.targetShare) return result('not_achieved', 'target_not_met', interval);
  return interval.low >= goal.targetShare ? result('achieved', 'shown', interval) : result('consistent_with_chance', 'not_shown', interval);
}

export function evaluateGoal(goal: Goal): Evaluation {
  if (goal.kind === 'count') return evaluateCountGoal(goal);
  if (goal.kind === 'survey') return evaluateSurveyGoal(goal);
  return { kind: 'qualitative', goal, decision: goal.decision };
}
