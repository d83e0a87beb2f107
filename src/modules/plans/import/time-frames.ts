/**
 * Time frames of plan actions as officers write them, turned into date ranges:
 * "W lipcu 2026 roku", "sierpień – grudzień 2024 rok", "Od lipca do grudnia 2026 roku",
 * "termin realizacji do dnia 31.07.2025 roku", "w okresie od 1 lipca 2025 roku do 31 grudnia 2025 roku".
 * Pure functions over text; dates are calendar days "YYYY-MM-DD".
 */

/** Month stems: every case form of a Polish month name starts with one of these. */
const monthStems: [RegExp, number][] = [
  [/^stycz/, 1],
  [/^lut/, 2],
  [/^mar(?!n)/, 3],
  [/^kwie/, 4],
  [/^maj|^maja$|^maju$/, 5],
  [/^czerw/, 6],
  [/^lip/, 7],
  [/^sierp/, 8],
  [/^wrze/, 9],
  [/^pa[zź]dziern/, 10],
  [/^listopad/, 11],
  [/^grud/, 12],
];

export function monthOf(word: string): number | null {
  const w = word.toLowerCase();
  for (const [stem, month] of monthStems) if (stem.test(w)) return month;
  return null;
}

const MONTH_WORD =
  '(?:stycz\\p{L}*|lut\\p{L}*|mar(?:zec|ca|cu)|kwie\\p{L}*|maj\\p{L}*|czerw\\p{L}*|lip\\p{L}*|sierp\\p{L}*|wrze\\p{L}*|pa[zź]dziern\\p{L}*|listopad\\p{L}*|grud\\p{L}*)';
const YEAR = '((?:19|20)\\d{2})';
const DASH = '\\s*[-–—]\\s*';
const ROK = '(?:\\s*(?:roku|rok|r\\.))?';

export function pad(n: number): string {
  return String(n).padStart(2, '0');
}

export function lastDay(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function day(year: number, month: number, dayOfMonth: number): string | null {
  if (month < 1 || month > 12 || dayOfMonth < 1 || dayOfMonth > lastDay(year, month)) return null;
  return `${year}-${pad(month)}-${pad(dayOfMonth)}`;
}

const monthStart = (year: number, month: number) => `${year}-${pad(month)}-01`;
const monthEnd = (year: number, month: number) => `${year}-${pad(month)}-${pad(lastDay(year, month))}`;

export interface TimeFrame {
  from: string | null;
  to: string | null;
  /** The words that said so, to remove them from the action's description. */
  text: string;
}

/** "31.07.2025", "1.07.2025", "31 grudnia 2025", "1 lipca 2025 roku". */
const DATE = `(?:(\\d{1,2})\\.(\\d{1,2})\\.${YEAR}|(\\d{1,2})\\s+(${MONTH_WORD})\\s+${YEAR})${ROK}`;

function dateFrom(match: RegExpExecArray, offset: number): string | null {
  if (match[offset]) return day(Number(match[offset + 2]), Number(match[offset + 1]), Number(match[offset]));
  if (match[offset + 3]) {
    const month = monthOf(match[offset + 4]!);
    return month ? day(Number(match[offset + 5]), month, Number(match[offset + 3])) : null;
  }
  return null;
}

/**
 * Finds the first time frame in an action's text. `defaultYear` fills months written without a
 * year ("od lipca do grudnia"), normally the year of the plan's period.
 */
export function findTimeFrame(text: string, defaultYear?: number): TimeFrame | null {
  const flags = 'iu';
  // od <date> do <date>
  let m = new RegExp(`(?:w okresie\\s+)?od\\s+(?:dnia\\s+)?${DATE}\\s+do\\s+(?:dnia\\s+)?${DATE}`, flags).exec(text);
  if (m) return { from: dateFrom(m, 1), to: dateFrom(m, 7), text: m[0] };
  // <date> - <date>
  m = new RegExp(`${DATE}${DASH}${DATE}`, flags).exec(text);
  if (m) return { from: dateFrom(m, 1), to: dateFrom(m, 7), text: m[0] };
  // do (dnia) <date>: a deadline
  m = new RegExp(`(?:termin(?:\\s+realizacji)?\\s*:?\\s*)?do\\s+(?:dnia\\s+)?${DATE}`, flags).exec(text);
  if (m) return { from: null, to: dateFrom(m, 1), text: m[0] };
  // od <month> do <month> <year>
  m = new RegExp(`od\\s+(${MONTH_WORD})(?:\\s+${YEAR})?\\s+do\\s+(${MONTH_WORD})(?:\\s+${YEAR})?${ROK}`, flags).exec(text);
  if (m) {
    const year2 = Number(m[4] ?? m[2] ?? defaultYear);
    const year1 = Number(m[2] ?? year2);
    const [a, b] = [monthOf(m[1]!), monthOf(m[3]!)];
    if (a && b && year1 && year2) return { from: monthStart(year1, a), to: monthEnd(year2, b), text: m[0] };
  }
  // <month> (<year>)? - <month> <year>
  m = new RegExp(`(${MONTH_WORD})(?:\\s+${YEAR})?${DASH}(${MONTH_WORD})(?:\\s+${YEAR})?${ROK}`, flags).exec(text);
  if (m) {
    const year2 = Number(m[4] ?? m[2] ?? defaultYear);
    const year1 = Number(m[2] ?? year2);
    const [a, b] = [monthOf(m[1]!), monthOf(m[3]!)];
    if (a && b && year1 && year2) return { from: monthStart(year1, a), to: monthEnd(year2, b), text: m[0] };
  }
  // (w) <month> <year>: one month
  m = new RegExp(`(?:^|\\s|[·•-])(?:w\\s+)?(${MONTH_WORD})(?:\\s+${YEAR})${ROK}`, flags).exec(text);
  if (m) {
    const month = monthOf(m[1]!);
    if (month)
      return { from: monthStart(Number(m[2]), month), to: monthEnd(Number(m[2]), month), text: m[0].trim().replace(/^[·•-]\s*/, '') };
  }
  return null;
}

/**
 * The plan's period: "na okres od (dnia) 01.07.2026 roku do 31.12.2026 roku",
 * "od 1 lutego do 31 lipca 2018 r.", "w okresie 01.02.2023 r. - 31.07.2023 r.".
 */
export function findPeriod(text: string): { from: string; to: string } | null {
  const frame = findTimeFrame(text);
  if (frame?.from && frame.to) return { from: frame.from, to: frame.to };
  // "od 1 lutego do 31 lipca 2018 r.": the year only once, at the end.
  const m = new RegExp(`od\\s+(\\d{1,2})\\s+(${MONTH_WORD})\\s+do\\s+(\\d{1,2})\\s+(${MONTH_WORD})\\s+${YEAR}`, 'iu').exec(text);
  if (m) {
    const year = Number(m[5]);
    const [a, b] = [monthOf(m[2]!), monthOf(m[4]!)];
    const from = a ? day(b && a > b ? year - 1 : year, a, Number(m[1])) : null;
    const to = b ? day(year, b, Number(m[3])) : null;
    if (from && to) return { from, to };
  }
  return null;
}
