/**
 * The plan's period in every way units write it: "na okres od 01.02.2024 roku do 31.07.2024 roku",
 * "od 1 lutego do 31 lipca 2018", "w okresie od 26.06.2019r. do 25.12.2019r.", "04.2024 – 09.2024",
 * "luty – lipiec 2023", "I półrocze 2024", "31 LIPCA .2018r", ISO and dashed dates, and one end alone
 * ("na okres od 01.02.2024"). Dates are found once, left to right, as tokens; periods are tokens
 * joined by "do" or a dash. Every pattern is bounded, so long or odd text stays linear.
 */
import { lastDay, monthOf, pad } from '../time-frames.js';
import type { Span } from './text.js';

const MONTH =
  'stycz\\p{L}*|lut\\p{L}*|mar(?:zec|ca|cu)|kwie\\p{L}*|maj|maja|maju|czerw\\p{L}*|lip\\p{L}*|sierp\\p{L}*|wrze\\p{L}*|pa[zź]dziern\\p{L}*|listopad\\p{L}*|grud\\p{L}*';
const ROK = '(?:[ ]{0,3}(?:roku|rok|r\\.|r(?![\\p{L}\\d])))?';

const TOKEN = new RegExp(
  '(?<![\\p{L}\\d])(?:' +
    [
      '(?<iy>(?:19|20)\\d{2})-(?<im>\\d{1,2})-(?<id>\\d{1,2})(?!\\d)',
      '(?<dd>\\d{1,2})[ ]?[.\\-/][ ]?(?<dm>\\d{1,2})[ ]?[.\\-/][ ]?\\.?(?<dy>(?:19|20)\\d{2}|\\d{2})(?!\\d)',
      '(?<mm>\\d{1,2})[.\\-/](?<my>(?:19|20)\\d{2})(?!\\d)',
      `(?:(?<wd>\\d{1,2})[ ]?\\.?[ ]{0,3})?(?<wm>${MONTH})(?!\\p{L})(?:[ ]{0,3}[.,]?[ ]{0,3}\\.?(?<wy>(?:19|20)\\d{2})(?!\\d))?`,
      '(?<h>II|I|1|2|pierwsz\\p{L}*|drug\\p{L}*)[ ]{1,3}półrocz\\p{L}*(?:[ ]{1,3}(?<hy>(?:19|20)\\d{2})(?!\\d))?',
    ].join('|') +
    `)${ROK}`,
  'giu',
);

/** A date or month as written; `half` is 1 or 2 for "I/II półrocze". */
interface Token extends Span {
  year: number | null;
  month: number;
  day: number | null;
  half: number | null;
  /** Day, month and year all written: the only kind that can stand alone as one end. */
  full: boolean;
}

function year(text: string | undefined): number | null {
  if (!text) return null;
  const n = Number(text);
  return text.length === 2 ? 2000 + n : n;
}

function tokenOf(m: RegExpExecArray): Token | null {
  const g = m.groups!;
  const span = { start: m.index, end: m.index + m[0].length };
  if (g.iy) return { ...span, year: year(g.iy), month: Number(g.im), day: Number(g.id), half: null, full: true };
  if (g.dd) return { ...span, year: year(g.dy), month: Number(g.dm), day: Number(g.dd), half: null, full: true };
  if (g.mm) return { ...span, year: year(g.my), month: Number(g.mm), day: null, half: null, full: true };
  if (g.wm) {
    const month = monthOf(g.wm);
    return month ? { ...span, year: year(g.wy), month, day: g.wd ? Number(g.wd) : null, half: null, full: Boolean(g.wd && g.wy) } : null;
  }
  if (g.h)
    return {
      ...span,
      year: year(g.hy),
      month: /^(II|2|drug)/i.test(g.h) ? 7 : 1,
      day: null,
      half: /^(II|2|drug)/i.test(g.h) ? 2 : 1,
      full: Boolean(g.hy),
    };
  return null;
}

function dayOf(y: number, month: number, d: number): string | null {
  if (y < 1990 || y > 2100 || month < 1 || month > 12 || d < 1 || d > lastDay(y, month)) return null;
  return `${y}-${pad(month)}-${pad(d)}`;
}

const startOf = (t: Token, y: number) => dayOf(y, t.month, t.day ?? 1);
const endOf = (t: Token, y: number) =>
  t.half
    ? dayOf(y, t.month + 5, lastDay(y, t.month + 5))
    : t.month >= 1 && t.month <= 12
      ? dayOf(y, t.month, t.day ?? lastDay(y, t.month))
      : null;

export interface PeriodFound extends Span {
  from: string | null;
  to: string | null;
  /** "okres", "plan" or "półrocze" just before: a plan's period rather than an action's dates. */
  context: boolean;
}

/** Between two tokens of one range: a dash, "do", "do dnia", "r. do". */
const JOIN = /^\s{0,3}(?:[-–—]{1,2}|do(?:\s{1,3}dnia)?|[-–—]\s{0,3}do)\s{0,3}$/iu;
const BEFORE = /(?:(?:na|w|za)\s{1,3})?(?:okres\p{L}*\s{1,3})?(?:od|od\s{1,3}dnia|z\s{1,3}dniem)\s{1,3}$/iu;
const CONTEXT = /okres|plan|obowiązuj|realizowan|półrocz|priorytet/iu;
const monthsBetween = (from: string, to: string) =>
  (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + Number(to.slice(5, 7)) - Number(from.slice(5, 7));

function rangeOf(a: Token, b: Token): { from: string; to: string } | null {
  const yb = b.year ?? a.year;
  if (yb === null) return null;
  const ya = a.year ?? (a.month > b.month ? yb - 1 : yb);
  const from = startOf(a, ya);
  const to = endOf(b, yb);
  if (!from || !to || from > to || monthsBetween(from, to) > 13) return null;
  return { from, to };
}

/** Every period-like range in `text[from, to)`, left to right, with its span. */
export function findPeriods(text: string, from = 0, to = text.length): PeriodFound[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = from;
  for (let m = TOKEN.exec(text); m && m.index < to; m = TOKEN.exec(text)) {
    const token = tokenOf(m);
    if (token) tokens.push(token);
    if (m[0].length === 0) TOKEN.lastIndex++;
  }
  const found: PeriodFound[] = [];
  const lead = (start: number) => {
    const before = text.slice(Math.max(from, start - 30), start);
    const m = BEFORE.exec(before);
    return m ? start - m[0].length : start;
  };
  const context = (start: number) => CONTEXT.test(text.slice(Math.max(from, start - 90), start + 1));
  for (let i = 0; i < tokens.length; i++) {
    const a = tokens[i]!;
    const b = tokens[i + 1];
    if (b && JOIN.test(text.slice(a.end, b.start))) {
      const range = rangeOf(a, b);
      if (range) {
        const start = lead(a.start);
        found.push({ ...range, start, end: b.end, context: context(start) });
        i++;
        continue;
      }
    }
    if (a.half && a.year) {
      const range = rangeOf(a, a);
      if (range) found.push({ ...range, start: a.start, end: a.end, context: true });
      continue;
    }
    // One end alone, only as the plan's words say it: "na okres od 01.02.2024" / "okres … do 31.07.2024".
    if (!a.full) continue;
    const before = text.slice(Math.max(from, a.start - 40), a.start);
    const date = a.day ? dayOf(a.year!, a.month, a.day) : null;
    if (!date) continue;
    if (/okres\p{L}*\s{1,3}(?:od\s{1,3})?(?:dnia\s{1,3})?$|(?:^|\s)od\s{1,3}(?:dnia\s{1,3})?$/iu.test(before) && CONTEXT.test(before)) {
      found.push({ from: date, to: null, start: lead(a.start), end: a.end, context: true });
    } else if (/okres\p{L}*[^.\n]{0,20}\sdo\s{1,3}(?:dnia\s{1,3})?$/iu.test(before)) {
      const m = /do\s{1,3}(?:dnia\s{1,3})?$/iu.exec(before)!;
      found.push({ from: null, to: endOf(a, a.year!), start: a.start - m[0].length, end: a.end, context: true });
    }
  }
  return found;
}
