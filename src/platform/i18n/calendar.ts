/** Calendar days in Poland: deadlines, periods and assignments are Polish days, "YYYY-MM-DD". */
const polishDay = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Warsaw' }); // sv-SE formats as ISO

/** The calendar day in Poland of an instant. */
export function dayInPoland(value: Date): string {
  return polishDay.format(value);
}

/** The month (1–12) in Poland of an instant. */
export function monthInPoland(value: Date): number {
  return Number(dayInPoland(value).slice(5, 7));
}

/** Calendar arithmetic on "YYYY-MM-DD"; noon UTC keeps it clear of any DST edge. */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}
