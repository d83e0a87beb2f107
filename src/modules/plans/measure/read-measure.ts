import type { Trx } from '../../../platform/audit/actor.js';
import type { Db } from '../../../platform/db/database.js';
import { warsawToday } from '../../../platform/i18n/calendar.js';
import { countIndicator, monthlySeries, type IndicatorArea, type MonthCount } from '../../indicators/index.js';
import { latestMeasure } from './measure-repository.js';
import type { CountMeasure, FrozenMeasure } from './model.js';
import { daysOf, type Window } from './windows.js';

/**
 * The measure frozen with the plan's latest approved version, or null when no version was approved
 * (or the plan was imported as an archive). A later draft changes nothing here until it is approved.
 * `atMostVersion`: the latest approved up to that version (the published one, for residents).
 */
export async function readFrozenMeasure(db: Db | Trx, planId: string, atMostVersion?: number): Promise<FrozenMeasure | null> {
  const row = await latestMeasure(db, planId, atMostVersion);
  if (!row) return null;
  return {
    ...(row.measure as Omit<FrozenMeasure, 'planId' | 'version' | 'frozenAt' | 'frozenBy'>),
    planId: row.plan_id,
    version: row.version,
    frozenAt: row.frozen_at,
    frozenBy: row.frozen_by,
  } as FrozenMeasure;
}

/** The counts a `CountGoal` needs (evaluation/verdict.ts), plus the monthly series for the chart. */
export interface EvaluationCounts {
  /** Events in the baseline windows together, and their days. */
  baseline: number;
  baselineDays: number;
  /** Events in the plan's period so far (up to `today`), and those days. */
  period: number;
  periodDays: number;
  /** The same windows in the comparison area; null without one. */
  comparison: { baseline: number; period: number } | null;
  /** From the first baseline month to the period's last month (or today's), every month. */
  series: MonthCount[];
}

async function countIn(db: Db | Trx, measure: CountMeasure, area: IndicatorArea, windows: readonly Window[]): Promise<number> {
  let total = 0;
  for (const window of windows) total += await countIndicator(db, measure.spec, area, window);
  return total;
}

/** Counts a frozen count measure: its baseline windows and its period (so far), in its area and comparison area. */
export async function readEvaluationCounts(db: Db | Trx, measure: CountMeasure, today = warsawToday()): Promise<EvaluationCounts> {
  const period: Window | null =
    measure.period.from > today ? null : { from: measure.period.from, to: measure.period.to < today ? measure.period.to : today };
  const periods = period ? [period] : [];
  const first = measure.baselineWindows.reduce((from, w) => (w.from < from ? w.from : from), measure.period.from);
  const last = measure.period.to < today ? measure.period.to : today;
  return {
    baseline: await countIn(db, measure, measure.area, measure.baselineWindows),
    baselineDays: measure.baselineWindows.reduce((days, w) => days + daysOf(w), 0),
    period: await countIn(db, measure, measure.area, periods),
    periodDays: period ? daysOf(period) : 0,
    comparison: measure.comparison
      ? {
          baseline: await countIn(db, measure, measure.comparison, measure.baselineWindows),
          period: await countIn(db, measure, measure.comparison, periods),
        }
      : null,
    series: last < first ? [] : await monthlySeries(db, measure.spec, measure.area, first, last),
  };
}
