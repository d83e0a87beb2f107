import { describe, expect, it } from 'vitest';
import { evaluateCommand, EvaluateUsageError, goalFromOptions } from './cli-evaluate.js';

describe('cli evaluate options', () => {
  it('reads counts, lengths in days, a negative target and a comparison area', () => {
    expect(
      goalFromOptions([
        '--baseline',
        '8',
        '--period',
        '2',
        '--baseline-length',
        '365',
        '--period-length',
        '181',
        '--target',
        '-20',
        '--comparison-baseline',
        '40',
        '--comparison-period',
        '38',
      ]),
    ).toEqual({
      kind: 'count',
      baseline: 8,
      period: 2,
      baselineLength: 365,
      periodLength: 181,
      targetChange: -0.2,
      comparison: { baseline: 40, period: 38 },
    });
    // A typographic minus, as a Polish text editor writes it.
    expect(goalFromOptions(['--baseline', '8', '--period', '2', '--target', '−20'])).toMatchObject({
      targetChange: -0.2,
      baselineLength: 1,
      periodLength: 1,
    });
  });

  it('reads a survey with the target share in percent', () => {
    expect(goalFromOptions(['--asked', '12', '--positive', '10', '--target-share', '80'])).toEqual({
      kind: 'survey',
      asked: 12,
      positive: 10,
      targetShare: 0.8,
    });
  });

  it.each([
    [['--baseline', 'osiem', '--period', '2'], '--baseline'],
    [['--baseline', '8'], '--period'],
    [['--baseline', '8', '--period', '2', '--target', '0'], 'target'],
    [['--baseline', '8', '--period', '2', '--period-length', '30'], '--baseline-length'],
    [['--baseline', '8', '--period', '2', '--comparison-baseline', '3'], 'comparison'],
    [['--baseline', '8', '--period', '2', '--asked', '3'], 'not both'],
    [['--asked', '12', '--positive', '13', '--target-share', '80'], 'positive'],
    [['--baseline', '8', '--period', '2', '--colour', 'red'], '--colour'],
  ])('refuses %j naming %s', (args, named) => {
    expect(() => goalFromOptions(args)).toThrow(EvaluateUsageError);
    expect(() => goalFromOptions(args)).toThrow(named);
  });

  it('prints the verdict, the p-value and both explanations', () => {
    const lines = evaluateCommand(['--baseline', '8', '--period', '1', '--target', '-20']);
    expect(lines[0]).toBe('Werdykt / verdict: Cel osiągnięty / Goal achieved (achieved)');
    expect(lines[1]).toBe('p = 0.0195');
    expect(lines).toContain(
      'The number of events fell from 8 to 1 (−88%). A fall like this happens by chance only 2% of the time, so the goal (a fall of 20%) is achieved.',
    );
  });
});
