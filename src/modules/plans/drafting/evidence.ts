import { dayInPoland } from '../../../platform/i18n/calendar.js';
import type { ThreatCategory } from '../model.js';
import { planCategoryOf } from './category-map.js';
import { hotspotsOf, type Hotspot, type PlacedReport } from './hotspots.js';
import { trendOf, type Trend } from './trend.js';
import { halfMonths, type EvidenceWindow } from './window.js';

/** A report as the summary needs it (reports' `EvidenceReport` without its id). */
export interface CountedReport extends PlacedReport {
  categoryId: string;
  /** Confirmed on the spot (reports/rules/status.ts `confirmedStatuses`). */
  confirmed: boolean;
  createdAt: Date;
}

export interface CategoryCount {
  /** The report category's code (KMZB catalogue). */
  code: string;
  planCategory: ThreatCategory;
  count: number;
  confirmed: number;
  /** Reports of the window's first half and of its last half. */
  before: number;
  after: number;
  trend: Trend;
}

export interface MonthCount {
  month: string;
  count: number;
  confirmed: number;
}

/** What the panel shows and the pre-fill writes from, for one district and window. */
export interface EvidenceSummary {
  window: EvidenceWindow;
  total: number;
  confirmed: number;
  /** Most reports first, then by code. */
  categories: CategoryCount[];
  months: MonthCount[];
  /** Over all categories; `hotspotsOf(reportsOf(summary, category))` gives one category's. */
  hotspots: Hotspot[];
  /** The reports made in the window (a category's places are found among them). */
  reports: CountedReport[];
}

/** Counts a district's reports over the window: those made on another day in Poland (the read's margin) are left out. */
export function summarise(reports: readonly CountedReport[], window: EvidenceWindow): EvidenceSummary {
  const monthIndex = new Map(window.months.map((m, i) => [m, i]));
  const inWindow = reports
    .map((report) => ({ report, month: monthIndex.get(dayInPoland(report.createdAt).slice(0, 7)) }))
    .filter((r): r is { report: CountedReport; month: number } => r.month !== undefined);
  const months = window.months.map((month) => ({ month, count: 0, confirmed: 0 }));
  const byCode = new Map<string, Omit<CategoryCount, 'trend'>>();
  for (const { report, month } of inWindow) {
    months[month]!.count++;
    if (report.confirmed) months[month]!.confirmed++;
    const entry = byCode.get(report.categoryId) ?? {
      code: report.categoryId,
      planCategory: planCategoryOf(report.categoryId),
      count: 0,
      confirmed: 0,
      before: 0,
      after: 0,
    };
    entry.count++;
    if (report.confirmed) entry.confirmed++;
    if (month < halfMonths) entry.before++;
    else entry.after++;
    byCode.set(report.categoryId, entry);
  }
  const categories = [...byCode.values()]
    .map((c) => ({ ...c, trend: trendOf(c.before, c.after) }))
    .sort((a, b) => b.count - a.count || a.code.localeCompare(b.code));
  return {
    window,
    total: inWindow.length,
    confirmed: inWindow.filter((r) => r.report.confirmed).length,
    categories,
    months,
    hotspots: hotspotsOf(inWindow.map((r) => r.report)),
    reports: inWindow.map((r) => r.report),
  };
}

/** The plan threat categories the evidence speaks of, most reports first: what the pre-fill forms offer. */
export function planCategoriesOf(
  summary: EvidenceSummary,
): { category: ThreatCategory; count: number; confirmed: number; after: number }[] {
  const totals = new Map<ThreatCategory, { category: ThreatCategory; count: number; confirmed: number; after: number }>();
  for (const c of summary.categories) {
    const total = totals.get(c.planCategory) ?? { category: c.planCategory, count: 0, confirmed: 0, after: 0 };
    total.count += c.count;
    total.confirmed += c.confirmed;
    total.after += c.after;
    totals.set(c.planCategory, total);
  }
  return [...totals.values()].sort((a, b) => b.count - a.count);
}

/** The window's reports of the report categories that are evidence for a plan threat category. */
export function reportsOf(summary: EvidenceSummary, category: ThreatCategory): CountedReport[] {
  return summary.reports.filter((r) => planCategoryOf(r.categoryId) === category);
}
