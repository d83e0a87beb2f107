import { describe, expect, it } from 'vitest';
import type { PlanContent } from '../model.js';
import { evaluationFromInput, goalKindOf, type FrozenCounts } from './evaluation-input.js';
import { evaluateGoal } from './verdict.js';

const goal = (target: PlanContent['goal']['target']): PlanContent['goal'] => ({
  description: 'Mniej kradzieży.',
  indicator: null,
  baseline: null,
  target,
});
const count = goal({ direction: 'decrease', percent: 20 });
const survey = goal({ direction: 'increase', percent: 80, kind: 'survey' });
const qualitative = goal(null);

describe('the evaluation a supervisor records, by the goal’s kind', () => {
  it('tells the kind from the target', () => {
    expect([count, survey, qualitative, goal({ direction: 'decrease', percent: 0 })].map(goalKindOf)).toEqual([
      'count',
      'survey',
      'qualitative',
      'qualitative',
    ]);
  });

  it('computes a count goal’s verdict from typed counts (equal windows), never from a chosen outcome', () => {
    const result = evaluationFromInput(count, { baseline: 8, period: 2, outcome: 'achieved', note: ' Dane z KSIP. ' }, null);
    const expected = evaluateGoal({
      kind: 'count',
      baseline: 8,
      period: 2,
      baselineLength: 1,
      periodLength: 1,
      targetChange: -0.2,
      comparison: null,
    });
    expect(result).toEqual({
      evaluation: {
        outcome: expected.kind === 'count' && expected.verdict,
        measuredValue: 2,
        note: 'Dane z KSIP.',
        goal: expected.goal,
        p: expected.kind === 'count' && expected.p,
        source: 'entered',
      },
    });
  });

  it('takes the frozen measure’s counts over typed ones, and keeps its series and comparison', () => {
    const frozen: FrozenCounts = {
      measure: { what: 'włamania', where: 'rejon 3', source: 'KSIP', baselineWindows: [], comparisonArea: 'reszta KPP', rule: null },
      baseline: 30,
      period: 10,
      baselineDays: 365,
      periodDays: 181,
      comparison: { baseline: 200, period: 95 },
      series: [{ month: '2026-01', count: 2 }],
    };
    const result = evaluationFromInput(count, { baseline: 1, period: 1 }, frozen);
    if (!('evaluation' in result)) throw new Error('expected an evaluation');
    expect(result.evaluation.goal).toMatchObject({
      baseline: 30,
      period: 10,
      baselineLength: 365,
      periodLength: 181,
      comparison: frozen.comparison,
    });
    expect(result.evaluation).toMatchObject({ source: 'frozen', series: frozen.series, measure: frozen.measure });
  });

  it('accepts "insufficient data" for a count goal only with no counts at all', () => {
    expect(evaluationFromInput(count, { outcome: 'insufficient_data' }, null)).toEqual({
      evaluation: { outcome: 'insufficient_data', measuredValue: null, note: '' },
    });
    expect(evaluationFromInput(count, { outcome: 'achieved' }, null)).toMatchObject({
      problem: { code: 'counts_required', field: 'baseline' },
    });
    expect(evaluationFromInput(count, { period: 3 }, null)).toMatchObject({ problem: { code: 'invalid_number', field: 'baseline' } });
    expect(evaluationFromInput(count, { baseline: 3, period: Number.NaN }, null)).toMatchObject({ problem: { field: 'period' } });
  });

  it('judges a survey by its numbers and refuses impossible ones', () => {
    const result = evaluationFromInput(survey, { asked: 400, positive: 350 }, null);
    expect(result).toMatchObject({ evaluation: { outcome: 'achieved', measuredValue: 350 / 400, p: null, goal: { targetShare: 0.8 } } });
    expect(evaluationFromInput(survey, { asked: 10, positive: 11 }, null)).toMatchObject({ problem: { field: 'positive' } });
    expect(evaluationFromInput(survey, { positive: 1 }, null)).toMatchObject({ problem: { code: 'survey_required', field: 'asked' } });
  });

  it('needs a decision and a justification for a goal with no indicator', () => {
    expect(evaluationFromInput(qualitative, { decision: 'partly_achieved', justification: ' Dwa z trzech. ' }, null)).toMatchObject({
      evaluation: { outcome: 'partly_achieved', measuredValue: null, goal: { kind: 'qualitative', justification: 'Dwa z trzech.' } },
    });
    expect(evaluationFromInput(qualitative, { decision: 'achieved', justification: ' \n ' }, null)).toMatchObject({
      problem: { code: 'justification_required', field: 'justification' },
    });
    expect(evaluationFromInput(qualitative, { decision: 'toString', justification: 'x' }, null)).toMatchObject({
      problem: { code: 'decision_required' },
    });
  });
});
