import type { Position } from '../../../platform/geo/epsg2180.js';
import { pointInRing } from '../../../platform/geo/point-in-ring.js';
import type { MonthCount } from '../model.js';

/** Counts by month of the points inside the ring (the SQL box only prefiltered them), months in order. */
export function monthsInRing(points: readonly { month: string; lon: number; lat: number }[], ring: readonly Position[]): MonthCount[] {
  const months = new Map<string, number>();
  for (const p of points) if (pointInRing([p.lon, p.lat], ring)) months.set(p.month, (months.get(p.month) ?? 0) + 1);
  return [...months].sort(([a], [b]) => a.localeCompare(b)).map(([month, count]) => ({ month, count }));
}
