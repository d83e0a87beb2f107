import { addDays } from '../../platform/i18n/calendar.js';

/**
 * The supervisor dashboard's rules (tablica przełożonego): what counts as a deadline approaching
 * or overdue, and what is a problem of a district. Plain functions over plain data; the deadlines
 * themselves come from the plans' rules (plans/rules.ts) and the reports' (reports/rules/deadlines.ts).
 */
export interface DashboardSettings {
  /** A deadline is "approaching" from this many days before it, inclusive. */
  soonDays: number;
}

export const defaultDashboardSettings: DashboardSettings = { soonDays: 7 };

export type DeadlineState = 'overdue' | 'soon';

/**
 * Where a deadline stands today: overdue after its last day when not done, approaching from
 * `soonDays` before it to its last day, otherwise nothing to show (null), as when done.
 */
export function deadlineState(due: string, done: boolean, today: string, settings: DashboardSettings): DeadlineState | null {
  if (done) return null;
  if (today > due) return 'overdue';
  if (addDays(today, settings.soonDays) >= due) return 'soon';
  return null;
}

/** A plan action's deadline: its `to` day (or `from` when only that is given); done and cancelled actions have none. */
export function actionDeadline(action: { from: string | null; to: string | null; status: string }): { due: string; done: boolean } | null {
  const due = action.to ?? action.from;
  if (due === null) return null;
  return { due, done: action.status === 'done' || action.status === 'cancelled' };
}

/**
 * What is wrong with a district's plans as a whole: no plan in force today (a gap residents see,
 * even when a next one is being prepared), or no next plan started when the next period's
 * submission deadline (the day after the current period ends, less `submitDaysBeforeStart`) is
 * within `soonDays` or past: with defaults, a plan ending on 31 December needs its successor
 * submitted by 18 December, so the gap shows from 11 December.
 */
export type PlanGap = 'no_current_plan' | 'no_next_plan';

export function planGap(
  plans: { current: { periodTo: string } | null; hasNext: boolean },
  today: string,
  settings: DashboardSettings & { submitDaysBeforeStart: number },
): PlanGap | null {
  if (plans.current === null) return 'no_current_plan';
  if (plans.hasNext) return null;
  const nextSubmitBy = addDays(addDays(plans.current.periodTo, 1), -settings.submitDaysBeforeStart);
  return addDays(today, settings.soonDays) >= nextSubmitBy ? 'no_next_plan' : null;
}
