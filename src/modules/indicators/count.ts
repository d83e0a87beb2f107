import type { Trx } from '../../platform/audit/actor.js';
import type { Db } from '../../platform/db/database.js';
import { confirmedStatuses } from '../reports/index.js';
import type { DayWindow, IndicatorArea, IndicatorSpec, MonthCount } from './model.js';
import { ringBox } from '../../platform/geo/ring.js';
import { countsByMonth, reportPointsInBox } from './repository.js';
import { monthsInRing } from './rules/in-ring.js';

/**
 * Counts by month: by districts in SQL, or in a polygon (model.ts `IndicatorArea`): its bounding box
 * prefilters the reports' points in SQL, the even-odd test keeps those inside. Imported data have no
 * points, so they count nothing in a polygon (the plan's rules refuse that pairing before it is stored).
 */
async function monthCounts(db: Db | Trx, spec: IndicatorSpec, area: IndicatorArea, window: DayWindow): Promise<MonthCount[]> {
  if (!area.polygon) return countsByMonth(db, spec.source, spec.categories, area, window, confirmedStatuses);
  if (spec.source !== 'reports') return [];
  const ring = area.polygon.coordinates[0] ?? [];
  if (ring.length < 4) return [];
  return monthsInRing(await reportPointsInBox(db, spec.categories, area.districtIds, ringBox(ring), window, confirmedStatuses), ring);
}

/**
 * The one way other modules count an indicator (plans' evaluation, the dashboard, the editor):
 * events of `spec` in `area` within `window` (calendar days in Poland, both ends included).
 */
export async function countIndicator(db: Db | Trx, spec: IndicatorSpec, area: IndicatorArea, window: DayWindow): Promise<number> {
  const months = await monthCounts(db, spec, area, window);
  return months.reduce((sum, m) => sum + m.count, 0);
}

/** Every month from `from`'s to `to`'s, "YYYY-MM". */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  let [year, month] = [Number(from.slice(0, 4)), Number(from.slice(5, 7))];
  const last = to.slice(0, 7);
  for (;;) {
    const key = `${year}-${String(month).padStart(2, '0')}`;
    if (key > last) return months;
    months.push(key);
    [year, month] = month === 12 ? [year + 1, 1] : [year, month + 1];
  }
}

/** Counts per month (zero months included) for the evaluation report's chart; the end months count only their days in the window. */
export async function monthlySeries(
  db: Db | Trx,
  spec: IndicatorSpec,
  area: IndicatorArea,
  from: string,
  to: string,
): Promise<MonthCount[]> {
  const found = new Map((await monthCounts(db, spec, area, { from, to })).map((m) => [m.month, m.count]));
  return monthsBetween(from, to).map((month) => ({ month, count: found.get(month) ?? 0 }));
}
