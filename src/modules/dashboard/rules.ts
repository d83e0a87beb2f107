import { addDays } from '../../platform/i18n/calendar.js';
import type { Localized } from '../../platform/i18n/i18n.js';

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

export const defaultDashboardSettings: DashboardSettings = { soonDays: 7, reminderDays: [7, 1] };

/** The app_settings key of the dashboard's settings (national, as the flood limits). */
export const dashboardSettingsKey = 'dashboard_settings';

/** Day counts are whole days from 0 to 60: a reminder two months ahead is already noise. */
export const settingDayLimit = 60;
/** At most this many reminders before one deadline. */
export const reminderDayCount = 5;

const dayCount = (value: unknown, min: number) =>
  Number.isInteger(value) && (value as number) >= min && (value as number) <= settingDayLimit;

/**
 * What is wrong with the settings, one problem per field: `soonDays` 1–60 (0 would show nothing
 * approaching); `reminderDays` a list of at most five different whole days 0–60.
 */
export function dashboardSettingsProblems(settings: Record<string, unknown>): { field: keyof DashboardSettings; message: Localized }[] {
  const problems: { field: keyof DashboardSettings; message: Localized }[] = [];
  if (!dayCount(settings.soonDays, 1))
    problems.push({
      field: 'soonDays',
      message: {
        pl: `Liczba dni „zbliżającego się terminu” musi być liczbą całkowitą od 1 do ${settingDayLimit}.`,
        en: `The days of an "approaching" deadline must be a whole number from 1 to ${settingDayLimit}.`,
      },
    });
  const days = settings.reminderDays;
  if (!Array.isArray(days) || !days.every((d) => dayCount(d, 0)))
    problems.push({
      field: 'reminderDays',
      message: {
        pl: `Dni przypomnień muszą być liczbami całkowitymi od 0 do ${settingDayLimit}, oddzielonymi przecinkami.`,
        en: `Reminder days must be whole numbers from 0 to ${settingDayLimit}, separated by commas.`,
      },
    });
  else if (new Set(days).size !== days.length || days.length > reminderDayCount)
    problems.push({
      field: 'reminderDays',
      message: {
        pl: `Podaj najwyżej ${reminderDayCount} różnych dni przypomnień.`,
        en: `Give at most ${reminderDayCount} different reminder days.`,
      },
    });
  return problems;
}

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
