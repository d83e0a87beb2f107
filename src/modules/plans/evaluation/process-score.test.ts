import { describe, expect, it } from 'vitest';
import { processScore } from './process-score.js';

const action = (to: string | null, status: 'planned' | 'done' | 'cancelled' = 'planned', description = `do ${to}`) => ({
  description,
  to,
  status,
});
const entry = (actionIndex: number, day: string, completes = true, withdrawn = false) => ({
  actionIndex,
  day,
  completes,
  withdrawnAt: withdrawn ? new Date(`${day}T12:00:00Z`) : null,
});

describe('the process score (actions done on time / actions due)', () => {
  const periodTo = '2026-12-31';
  const asOf = '2027-01-10';

  it('judges each action by its deadline and the entry that finished it', () => {
    const score = processScore(
      [
        action('2026-09-30'),
        action('2026-09-30'),
        action('2026-09-30'),
        action(null),
        action('2027-03-31'),
        action('2026-10-31', 'cancelled'),
      ],
      [entry(0, '2026-09-30'), entry(1, '2026-10-02'), entry(2, '2026-09-01', false), entry(3, '2026-12-20')],
      periodTo,
      asOf,
    );
    expect(score.actions.map((a) => a.outcome)).toEqual(['on_time', 'late', 'not_done', 'on_time', 'not_due', 'cancelled']);
    // Due: the first four (the fifth's deadline is after the evaluation, the sixth was cancelled).
    expect(score).toMatchObject({ due: 4, onTime: 2, share: 2 / 4 });
    expect(score.actions[3]!.deadline).toBe(periodTo);
  });

  it('does not count a withdrawn entry, and takes the plan’s own "done" as on time', () => {
    const score = processScore([action('2026-09-30'), action('2026-09-30', 'done')], [entry(0, '2026-09-01', true, true)], periodTo, asOf);
    expect(score.actions.map((a) => a.outcome)).toEqual(['not_done', 'on_time']);
    expect(score.share).toBe(1 / 2);
  });

  it('counts an action finished early as on time even before its deadline', () => {
    const score = processScore([action('2027-03-31')], [entry(0, '2026-11-15')], periodTo, asOf);
    expect(score).toMatchObject({ due: 1, onTime: 1, share: 1 });
  });

  it('has no share when nothing is due, rather than 0 % or 100 %', () => {
    expect(processScore([action('2027-06-30')], [], periodTo, asOf)).toMatchObject({ due: 0, onTime: 0, share: null });
    expect(processScore([], [], periodTo, asOf).share).toBeNull();
  });
});
