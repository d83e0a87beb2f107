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

// sv-SE writes "2026-12-05 21:30": a day and a wall-clock minute in Poland, comparable as text.
const polishMinute = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Warsaw',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** The wall-clock time in Poland of an instant, "HH:MM". */
export function timeInPoland(value: Date): string {
  return polishMinute.format(value).slice(11, 16);
}

/**
 * The instants at which Polish clocks showed `time` ("HH:MM") on `day`, earliest first: one on an
 * ordinary day, none in the hour skipped when clocks go forward (last Sunday of March, 02:00 →
 * 03:00) and two in the hour repeated when they go back (last Sunday of October, 03:00 → 02:00).
 * Poland is UTC+1 or UTC+2, so those are the only two candidates; Intl says which of them fit.
 */
export function warsawInstants(day: string, time: string): Date[] {
  const asUtc = Date.parse(`${day}T${time}:00Z`);
  if (Number.isNaN(asUtc)) return [];
  return [120, 60]
    .map((offset) => new Date(asUtc - offset * 60_000))
    .filter((instant) => polishMinute.format(instant) === `${day} ${time}`);
}
