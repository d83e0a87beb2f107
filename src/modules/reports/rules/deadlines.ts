import type { Localized } from '../../../platform/i18n/i18n.js';
import { addDays, dayInPoland } from '../../../platform/i18n/calendar.js';
import type { ReportStatus } from './status.js';

/**
 * KGP guidelines § 5 ust. 1: the local coordinator takes up a new report (draws up the
 * verification card) within 3 days; verification then has a further limit, 5 days by default.
 * Both are configurable per installation.
 */
export interface ReportSettings {
  takeUpDays: number;
  verifyDays: number;
}

export const defaultReportSettings: ReportSettings = { takeUpDays: 3, verifyDays: 5 };

/** Why settings are not acceptable, or null: whole days from 1 to 90. */
export function reportSettingsProblem(settings: ReportSettings): Localized | null {
  const bad = (days: number) => !Number.isInteger(days) || days < 1 || days > 90;
  if (bad(settings.takeUpDays))
    return { pl: 'Termin podjęcia zgłoszenia musi wynosić od 1 do 90 dni.', en: 'The take-up limit must be 1 to 90 days.' };
  if (bad(settings.verifyDays))
    return { pl: 'Termin weryfikacji musi wynosić od 1 do 90 dni.', en: 'The verification limit must be 1 to 90 days.' };
  return null;
}

export type ReportDeadlineKind = 'take_up' | 'verify';

export interface ReportDeadline {
  kind: ReportDeadlineKind;
  /** The last Polish calendar day on which the step is on time, "YYYY-MM-DD". */
  due: string;
  overdue: boolean;
}

/**
 * The deadline the report is waiting on now: take-up while "new", verification while
 * "verifying"; none once an outcome is recorded. Days are Polish calendar days, so a report made
 * at 23:50 counts from that day and one made at 00:10 from the next, whatever UTC says.
 */
export function reportDeadlines(
  report: { status: ReportStatus; createdAt: Date; verifyingSince: Date | null },
  settings: ReportSettings,
  now: Date,
): ReportDeadline[] {
  const today = dayInPoland(now);
  const deadline = (kind: ReportDeadlineKind, due: string): ReportDeadline => ({ kind, due, overdue: today > due });
  const takeUpDue = addDays(dayInPoland(report.createdAt), settings.takeUpDays);
  if (report.status === 'new') return [deadline('take_up', takeUpDue)];
  if (report.status === 'verifying') {
    // Without a recorded start, the verification limit runs on from the take-up deadline.
    const start = report.verifyingSince ? dayInPoland(report.verifyingSince) : takeUpDue;
    return [deadline('verify', addDays(start, settings.verifyDays))];
  }
  return [];
}
