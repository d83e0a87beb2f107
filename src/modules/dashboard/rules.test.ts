import { describe, expect, it } from 'vitest';
import { actionDeadline, deadlineState, goalStanding, planGap } from './rules.js';

const settings = { soonDays: 7 };

describe('what the dashboard calls approaching and overdue', () => {
  it('calls a deadline overdue from the day after it, approaching from soonDays before it to its last day', () => {
    expect(deadlineState('2026-03-10', false, '2026-03-11', settings)).toBe('overdue');
    expect(deadlineState('2026-03-10', false, '2026-03-10', settings)).toBe('soon');
    expect(deadlineState('2026-03-10', false, '2026-03-03', settings)).toBe('soon');
    expect(deadlineState('2026-03-10', false, '2026-03-02', settings)).toBeNull();
  });

  it('shows nothing for a deadline met, even late', () => {
    expect(deadlineState('2026-03-10', true, '2026-04-01', settings)).toBeNull();
    expect(deadlineState('2026-03-10', true, '2026-03-09', settings)).toBeNull();
  });

  it('counts across months and follows the configured days', () => {
    expect(deadlineState('2026-03-02', false, '2026-02-27', { soonDays: 3 })).toBe('soon');
    expect(deadlineState('2026-03-02', false, '2026-02-26', { soonDays: 3 })).toBeNull();
  });

  it("takes a plan action's deadline from its end day, else its start day; done and cancelled actions are met", () => {
    expect(actionDeadline({ from: '2026-01-01', to: '2026-02-01', status: 'planned' })).toEqual({ due: '2026-02-01', done: false });
    expect(actionDeadline({ from: '2026-01-01', to: null, status: 'in_progress' })).toEqual({ due: '2026-01-01', done: false });
    expect(actionDeadline({ from: null, to: '2026-02-01', status: 'done' })).toEqual({ due: '2026-02-01', done: true });
    expect(actionDeadline({ from: null, to: '2026-02-01', status: 'cancelled' })?.done).toBe(true);
    expect(actionDeadline({ from: null, to: null, status: 'planned' })).toBeNull();
  });

  it('takes an action finished in the action log as met, whatever the plan says', () => {
    expect(actionDeadline({ from: null, to: '2026-02-01', status: 'planned' }, true)?.done).toBe(true);
    expect(actionDeadline({ from: null, to: '2026-02-01', status: 'planned' }, false)?.done).toBe(false);
  });
});

describe('gaps in a district’s plans', () => {
  const rules = { soonDays: 7, submitDaysBeforeStart: 14 };
  it('reports no plan in force, whether or not the next one is being prepared', () => {
    expect(planGap({ current: null, hasNext: false }, '2026-05-01', rules)).toBe('no_current_plan');
    expect(planGap({ current: null, hasNext: true }, '2026-05-01', rules)).toBe('no_current_plan');
  });

  it("reports a missing next plan from soonDays before the next period's submission deadline", () => {
    // The next period starts on 1 January; it is submitted by 18 December; the gap shows from 11 December.
    const current = { periodTo: '2026-12-31' };
    expect(planGap({ current, hasNext: false }, '2026-12-10', rules)).toBeNull();
    expect(planGap({ current, hasNext: false }, '2026-12-11', rules)).toBe('no_next_plan');
    expect(planGap({ current, hasNext: false }, '2026-12-30', rules)).toBe('no_next_plan');
    expect(planGap({ current, hasNext: true }, '2026-12-30', rules)).toBeNull();
  });
});

describe('goalStanding (a running count goal on the counts so far)', () => {
  const rule = { direction: 'decrease', targetPercent: 20 } as const;
  it('compares daily rates, not raw counts: 10 in 91 days against 40 in 365 is 0 % change, at risk of a −20 % goal', () => {
    const standing = goalStanding({ baseline: 40, baselineDays: 365, period: 10, periodDays: 91 }, rule);
    expect(standing?.state).toBe('at_risk');
    expect(standing?.change).toBeCloseTo(10 / 91 / (40 / 365) - 1, 12);
    expect(standing?.target).toBe(-0.2);
  });
  it('is on track once the rate has fallen by the target or more, exactly at the target included', () => {
    expect(goalStanding({ baseline: 100, baselineDays: 100, period: 40, periodDays: 50 }, rule)?.state).toBe('on_track');
    expect(goalStanding({ baseline: 100, baselineDays: 100, period: 41, periodDays: 50 }, rule)?.state).toBe('at_risk');
  });
  it('turns round for a goal of more (e.g. more reports of a hidden problem)', () => {
    const more = { direction: 'increase', targetPercent: 10 } as const;
    expect(goalStanding({ baseline: 30, baselineDays: 30, period: 33, periodDays: 30 }, more)?.state).toBe('on_track');
    expect(goalStanding({ baseline: 30, baselineDays: 30, period: 32, periodDays: 30 }, more)?.state).toBe('at_risk');
  });
  it('says nothing in the first month or without a baseline', () => {
    expect(goalStanding({ baseline: 40, baselineDays: 365, period: 9, periodDays: 29 }, rule)).toBeNull();
    expect(goalStanding({ baseline: 0, baselineDays: 365, period: 9, periodDays: 90 }, rule)).toBeNull();
  });
});
