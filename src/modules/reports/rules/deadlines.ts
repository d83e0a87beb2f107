import { addDays, dayInPoland } from '../../../platform/i18n/calendar.js';
import type { ReportStatus } from './status.js';
import { defaultsOf, type SettingId } from '../../settings/index.js';

/**
 * KGP guidelines § 5 ust. 1: the local coordinator takes up a new report (draws up the
 * verification card) within 3 days; verification then has a further limit, 5 days by default.
 * Both are configurable per installation.
 */
export interface ReportSettings {
  takeUpDays: number;
  verifyDays: number;
}

/** Where each limit is set (settings catalogue: defaults, ranges, the guideline). */
export const reportSettingIds = {
  takeUpDays: 'reports.takeUpDays',
  verifyDays: 'reports.verifyDays',
} as const satisfies Record<keyof ReportSettings, SettingId>;

export const defaultReportSettings: ReportSettings = defaultsOf(reportSettingIds);

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
