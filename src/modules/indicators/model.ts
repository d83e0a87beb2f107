import type { GeoPolygon } from '../../platform/geo/ring.js';

/**
 * Indicators (wskaźniki, issue 15): what a measurable goal counts. Plain data.
 * - `imported`: incident or intervention counts the unit imported from CSV, by category as its files name them;
 * - `reports`: residents' threat reports of the chosen catalogue categories that staff confirmed
 *   (reports/rules/status.ts `confirmedStatuses`), counted by the day they were made.
 */
export const indicatorSources = ['imported', 'reports'] as const;
export type IndicatorSource = (typeof indicatorSources)[number];

export interface IndicatorSpec {
  source: IndicatorSource;
  /** Imported categories as written in the files, or report category codes. */
  categories: string[];
}

/**
 * Where events are counted: districts (a plan's district; the rest of its unit for comparison),
 * narrowed to a drawn polygon when one is given (a plan goal's area, obszar celu). A report counts
 * in a polygon when its point lies inside and it belongs to one of the districts: so a plan's area
 * and its comparison area (the unit's other districts) never share a report, and reports given
 * only by an address (no point) are not counted in a polygon. Only reports can be counted in a
 * polygon: imported data are stored per district and day, without points.
 */
export interface IndicatorArea {
  districtIds: string[];
  polygon?: GeoPolygon | undefined;
}

/** Calendar days in Poland, both ends included. */
export interface DayWindow {
  from: string;
  to: string;
}

export interface MonthCount {
  /** "YYYY-MM". */
  month: string;
  count: number;
}

export interface ImportReport {
  importId: string | null;
  fileName: string;
  /** Lines read, the header excluded. */
  lines: number;
  accepted: number;
  /** Cells (category, district, day) written: each replaces what an earlier import said of it. */
  cells: number;
  rejected: { line: number; reason: { pl: string; en: string } }[];
}
