import { describe, expect, it } from 'vitest';
import {
  countGoalProblem,
  evaluateCountGoal,
  evaluateGoal,
  evaluateSurveyGoal,
  surveyGoalProblem,
  type CountGoal,
  type CountReason,
  type SurveyReason,
  type Verdict,
} from './verdict.js';

const count = (baseline: number, period: number, targetChange: number | null, more: Partial<CountGoal> = {}): CountGoal => ({
  kind: 'count',
  baseline,
  period,
  baselineLength: 181,
  periodLength: 181,
  targetChange,
  ...more,
});

describe('the verdict of a count goal', () => {
  // Each rule of evaluateCountGoal, in its order, with the case that reaches it.
  const rules: [string, CountGoal, Verdict, CountReason][] = [
    ['nothing counted', count(0, 0, -0.2), 'insufficient_data', 'nothing_counted'],
    ['no baseline for a percent change', count(0, 5, 0.2), 'insufficient_data', 'no_baseline'],
    ['3 → 0: too few for any p below 0.05', count(3, 0, -0.2), 'insufficient_data', 'too_few_to_show'],
    ['5 → 0: just enough (p = 1/32)', count(5, 0, -0.2), 'achieved', 'significant'],
    ['8 → 2, the issue: target met, p ≈ 0.055', count(8, 2, -0.2), 'consistent_with_chance', 'not_significant'],
    ['8 → 1, the issue: p ≈ 0.020', count(8, 1, -0.2), 'achieved', 'significant'],
    ['10 → 9 misses a 20 % fall', count(10, 9, -0.2), 'not_achieved', 'target_not_met'],
    ['100 → 70 is a significant fall but misses 50 %', count(100, 70, -0.5), 'not_achieved', 'target_not_met'],
    ['a rise that was hoped for: 10 → 20 by at least 50 %', count(10, 20, 0.5), 'achieved', 'significant'],
    ['a rise when a fall was the goal', count(10, 20, -0.2), 'not_achieved', 'target_not_met'],
    ['no size named: any fall meets it', count(100, 70, null), 'achieved', 'significant'],
    ['no size named and no change', count(8, 8, null), 'not_achieved', 'target_not_met'],
  ];
  it.each(rules)('%s', (_, goal, verdict, reason) => {
    const evaluation = evaluateCountGoal(goal);
    expect([evaluation.verdict, evaluation.reason]).toEqual([verdict, reason]);
  });

  it('compares rates when the windows differ: 30 in a year → 10 in half a year is −33 %', () => {
    const evaluation = evaluateCountGoal(count(30, 10, -0.4, { baselineLength: 365, periodLength: 182.5 }));
    expect(evaluation.change).toBeCloseTo(-1 / 3, 10);
    expect(evaluation.verdict).toBe('not_achieved');
  });

  it('reports the relative effect beside the verdict without changing it', () => {
    const alone = evaluateCountGoal(count(8, 1, -0.2));
    const compared = evaluateCountGoal(count(8, 1, -0.2, { comparison: { baseline: 40, period: 38 } }));
    expect(compared.verdict).toBe(alone.verdict);
    expect(compared.relative?.ratio).toBeCloseTo(1 / 8 / (38 / 40), 10);
    expect(alone.relative).toBeUndefined();
    expect(evaluateCountGoal(count(8, 1, -0.2, { comparison: { baseline: 0, period: 0 } })).relative).toBeNull();
  });

  it('names the field at fault', () => {
    expect(countGoalProblem(count(-1, 2, -0.2))?.en).toMatch(/^baseline:/);
    expect(countGoalProblem(count(8, 2.5, -0.2))?.en).toMatch(/^period:/);
    expect(countGoalProblem(count(8, 2, -0.2, { periodLength: 0 }))?.en).toMatch(/^period-length:/);
    expect(countGoalProblem(count(8, 2, 0))?.en).toMatch(/^target:/);
    expect(countGoalProblem(count(8, 2, -1.5))?.en).toMatch(/^target:/);
    expect(countGoalProblem(count(8, 2, -0.2, { comparison: { baseline: 3, period: -1 } }))?.en).toMatch(/^comparison-period:/);
    expect(countGoalProblem(count(8, 2, -0.2))).toBeNull();
  });
});

describe('the verdict of a survey goal', () => {
  const rules: [string, number, number, number, Verdict, SurveyReason][] = [
    ['nobody asked', 0, 0, 0.8, 'insufficient_data', 'nobody_asked'],
    ['12 people cannot show 80 %, even all saying yes', 12, 12, 0.8, 'insufficient_data', 'too_few_to_show'],
    ['400 asked, 350 yes: the lower bound 84 % ≥ 80 %', 400, 350, 0.8, 'achieved', 'shown'],
    ['100 asked, 82 yes: 82 % but the lower bound is 73 %', 100, 82, 0.8, 'consistent_with_chance', 'not_shown'],
    ['100 asked, 70 yes', 100, 70, 0.8, 'not_achieved', 'target_not_met'],
  ];
  it.each(rules)('%s', (_, asked, positive, targetShare, verdict, reason) => {
    const evaluation = evaluateSurveyGoal({ kind: 'survey', asked, positive, targetShare });
    expect([evaluation.verdict, evaluation.reason]).toEqual([verdict, reason]);
  });

  it('names the field at fault', () => {
    expect(surveyGoalProblem({ kind: 'survey', asked: 10, positive: 11, targetShare: 0.8 })?.en).toMatch(/^positive:/);
    expect(surveyGoalProblem({ kind: 'survey', asked: -1, positive: 0, targetShare: 0.8 })?.en).toMatch(/^asked:/);
    expect(surveyGoalProblem({ kind: 'survey', asked: 10, positive: 5, targetShare: 1 })?.en).toMatch(/^target-share:/);
    expect(surveyGoalProblem({ kind: 'survey', asked: 10, positive: 5, targetShare: 0.5 })).toBeNull();
  });
});

describe('a qualitative goal', () => {
  it("carries the supervisor's decision and no statistics", () => {
    const evaluation = evaluateGoal({
      kind: 'qualitative',
      decision: 'partly_achieved',
      justification: 'Dwa z trzech spotkań się odbyły.',
    });
    expect(evaluation).toEqual({
      kind: 'qualitative',
      decision: 'partly_achieved',
      goal: { kind: 'qualitative', decision: 'partly_achieved', justification: 'Dwa z trzech spotkań się odbyły.' },
    });
  });
});
