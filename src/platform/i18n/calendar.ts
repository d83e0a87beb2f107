/** Calendar days in Poland: deadlines, periods and assignments are Polish days, "YYYY-MM-DD". */
const polishDay = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Warsaw' }); // sv-SE formats as ISO

/** The calendar day in Poland of an instant. */
export function dayInPoland(value: Date): string {
  return polishDay.format(value);
}

/** Today's calendar day in Poland, "YYYY-MM-DD". */
export function warsawToday(now = new Date()): string {
  return dayInPoland(now);
}

/** The month (1–12) in Poland of an instant. */
export function monthInPoland(value: Date): number {
  return Number(dayInPoland(value).slice(5, 7));
}

/**
 * A real calendar day written as YYYY-MM-DD ("2026-02-30" is not one). Year 0000 is not one
 * either: JavaScript reads it as 1 BC, but PostgreSQL has no year 0 and fails on it.
 */
export function isCalendarDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || value.startsWith('0000')) return false;
  const date = new Date(`${value}T12:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** Calendar arithmetic on "YYYY-MM-DD"; noon UTC keeps it clear of any DST edge. */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}
