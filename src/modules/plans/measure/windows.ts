import { addDays } from '../../../platform/i18n/calendar.js';

/**
 * The default baseline windows of a plan's period (pure): the same length just before the period
 * (the previous half-year for a half-year plan) and the period itself a year earlier (the same
 * half-year last year, which catches the season). A period of whole months gets whole months
 * (1 Jul–31 Dec → 1 Jan–30 Jun and 1 Jul–31 Dec of the year before); any other period the same
 * number of days. Windows that overlap (a period longer than half a year) are joined into one, so
 * no day is counted twice.
 */

export interface Window {
  from: string;
  to: string;
}

const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
const parts = (day: string) => day.split('-').map(Number) as [number, number, number];
const iso = (y: number, m: number, d: number) =>
  `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

function isMonthEnd(day: string): boolean {
  const [y, m, d] = parts(day);
  return d === daysIn(y, m);
}

/** `day` moved by whole months; a month end stays a month end, a 31st becomes the month's last day. */
export function addMonths(day: string, months: number, keepMonthEnd = isMonthEnd(day)): string {
  const [y, m, d] = parts(day);
  const index = y * 12 + (m - 1) + months;
  const [year, month] = [Math.floor(index / 12), (index % 12) + 1];
  return iso(year, month, keepMonthEnd ? daysIn(year, month) : Math.min(d, daysIn(year, month)));
}

export function daysOf(window: Window): number {
  return Math.round((Date.parse(`${window.to}T12:00:00Z`) - Date.parse(`${window.from}T12:00:00Z`)) / 86_400_000) + 1;
}

/** Whole months, first day to last day; the number of months, or null. */
function wholeMonths(period: Window): number | null {
  if (!period.from.endsWith('-01') || !isMonthEnd(period.to)) return null;
  const [fy, fm] = parts(period.from);
  const [ty, tm] = parts(period.to);
  return (ty - fy) * 12 + (tm - fm) + 1;
}

export function defaultBaselineWindows(period: Window): Window[] {
  const months = wholeMonths(period);
  const before: Window =
    months !== null
      ? { from: addMonths(period.from, -months), to: addDays(period.from, -1) }
      : { from: addDays(period.from, -daysOf(period)), to: addDays(period.from, -1) };
  const yearBefore: Window = { from: addMonths(period.from, -12, false), to: addMonths(period.to, -12) };
  // Oldest first; joined when they overlap.
  const [a, b] = yearBefore.from <= before.from ? [yearBefore, before] : [before, yearBefore];
  if (a.to >= b.from) return [{ from: a.from, to: a.to > b.to ? a.to : b.to }];
  return [a, b];
}
