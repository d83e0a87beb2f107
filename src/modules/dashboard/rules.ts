import { addDays } from '../../platform/i18n/calendar.js';
import { defaultsOf, settingCatalog, type SettingId } from '../settings/index.js';

/**
 * The supervisor dashboard's rules (tablica przełożonego): what counts as a deadline approaching
 * or overdue, and what is a problem of a district. Plain functions over plain data; the deadlines
 * themselves come from the plans' rules (plans/rules.ts) and the reports' (reports/rules/deadlines.ts).
 */
export interface DashboardSettings {
  /** A deadline is "approaching" from this many days before it, inclusive. */
  soonDays: number;
  /** E-mail reminders go this many days before each deadline (0: on its last day); empty: none before. */
  reminderDays: number[];
}

/** Where each is set (settings catalogue: defaults, ranges; at most five different reminder days). */
export const dashboardSettingIds = {
  soonDays: 'dashboard.soonDays',
  reminderDays: 'dashboard.reminderDays',
} as const satisfies Record<keyof DashboardSettings, SettingId>;

export const defaultDashboardSettings: DashboardSettings = defaultsOf(dashboardSettingIds);

/** The furthest reminder day (the settings catalogue's range): the record of a sent reminder outlives it (privacy/rules.ts). */
export const settingDayLimit = settingCatalog['dashboard.reminderDays'].max;

export type DeadlineState = 'overdue' | 'soon';

/**
 * Where a deadline stands today: overdue after its last day when not done, approaching from
 * `soonDays` before it to its last day, otherwise nothing to show (null), as when done.
 */
export function deadlineState(
  due: string,
  done: boolean,
  today: string,
  settings: Pick<DashboardSettings, 'soonDays'>,
): DeadlineState | null {
  if (done) return null;
  if (today > due) return 'overdue';
  if (addDays(today, settings.soonDays) >= due) return 'soon';
  return null;
}

/**
 * A plan action's deadline: its `to` day (or `from` when only that is given). It is met when the
 * plan marks the action done or cancelled, or when a live entry of the action log finishes it
 * (`completedInLog`: the officer reports work there, not in the plan).
 */
export function actionDeadline(
  action: { from: string | null; to: string | null; status: string },
  completedInLog = false,
): { due: string; done: boolean } | null {
  const due = action.to ?? action.from;
  if (due === null) return null;
  return { due, done: completedInLog || action.status === 'done' || action.status === 'cancelled' };
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
  settings: Pick<DashboardSettings, 'soonDays'> & { submitDaysBeforeStart: number },
): PlanGap | null {
  if (plans.current === null) return 'no_current_plan';
  if (plans.hasNext) return null;
  const nextSubmitBy = addDays(addDays(plans.current.periodTo, 1), -settings.submitDaysBeforeStart);
  return addDays(today, settings.soonDays) >= nextSubmitBy ? 'no_next_plan' : null;
}

/**
 * A running count goal on the counts so far (cel zagrożony, issue 15 "goals at risk"): the daily
 * rate of the plan's period up to today against the baseline's, beside the frozen target. A first
 * month says too little (a quiet fortnight is not a trend), and a baseline of nothing gives no rate
 * to compare with: both null, not "on track". No p-value here: this is a warning to act on, the
 * verdict comes with the evaluation.
 */
export interface GoalStanding {
  state: 'on_track' | 'at_risk';
  /** The change of the daily rate so far, as a fraction (−0.05 for 5 % fewer). */
  change: number;
  /** The frozen target, as a fraction (−0.2 for "20 % fewer"). */
  target: number;
}

export const daysBeforeJudgingGoal = 30;

export function goalStanding(
  counts: { baseline: number; baselineDays: number; period: number; periodDays: number },
  rule: { direction: 'decrease' | 'increase'; targetPercent: number },
): GoalStanding | null {
  if (counts.periodDays < daysBeforeJudgingGoal || counts.baseline === 0 || counts.baselineDays === 0) return null;
  const change = counts.period / counts.periodDays / (counts.baseline / counts.baselineDays) - 1;
  const target = (rule.direction === 'decrease' ? -1 : 1) * (Math.abs(rule.targetPercent) / 100);
  // A rate exactly on the target meets it; the tolerance absorbs binary fractions (0.8 − 1 ≠ −0.2).
  const met = rule.direction === 'decrease' ? change <= target + 1e-9 : change >= target - 1e-9;
  return { state: met ? 'on_track' : 'at_risk', change, target };
}
