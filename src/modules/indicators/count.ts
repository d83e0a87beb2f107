import type { Trx } from '../../platform/audit/actor.js';
import type { Db } from '../../platform/db/database.js';
import { confirmedStatuses } from '../reports/index.js';
import type { DayWindow, IndicatorArea, IndicatorSpec, MonthCount } from './model.js';
import { countsByMonth } from './repository.js';

/**
 * The one way other modules count an indicator (plans' evaluation, the dashboard, the editor):
 * events of `spec` in `area` within `window` (calendar days in Poland, both ends included).
 */
export async function countIndicator(db: Db | Trx, spec: IndicatorSpec, area: IndicatorArea, window: DayWindow): Promise<number> {
  const months = await countsByMonth(db, spec.source, spec.categories, area, window, confirmedStatuses);
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
  const found = new Map(
    (await countsByMonth(db, spec.source, spec.categories, area, { from, to }, confirmedStatuses)).map((m) => [m.month, m.count]),
  );
  return monthsBetween(from, to).map((month) => ({ month, count: found.get(month) ?? 0 }));
}
