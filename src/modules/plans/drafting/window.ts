/**
 * The evidence window: the 12 whole calendar months before the current one (in Poland). Whole
 * months make counts comparable month to month and name the period the way plans do
 * ("grudzień 2025 – listopad 2026"); the current month, still running, would look like a drop.
 */
export interface EvidenceWindow {
  /** "YYYY-MM", oldest first; always 12. */
  months: string[];
  /** First and last day, "YYYY-MM-DD", both inclusive. */
  from: string;
  to: string;
}

export const windowMonths = 12;
/** The trend compares the last half of the window with the first. */
export const halfMonths = windowMonths / 2;

const monthKey = (year: number, month0: number) => {
  const date = new Date(Date.UTC(year, month0, 1));
  return `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, '0')}`;
};

/** The window for a plan started on `today` ("YYYY-MM-DD", a day in Poland). */
export function evidenceWindow(today: string): EvidenceWindow {
  const year = Number(today.slice(0, 4));
  const month0 = Number(today.slice(5, 7)) - 1;
  const months = Array.from({ length: windowMonths }, (_, i) => monthKey(year, month0 - windowMonths + i));
  const lastDay = new Date(Date.UTC(year, month0, 0)).toISOString().slice(0, 10);
  return { months, from: `${months[0]}-01`, to: lastDay };
}

/** The months of the window's last half (the "last 6 months" of a baseline). */
export function lastHalf(window: EvidenceWindow): string[] {
  return window.months.slice(halfMonths);
}
