import type { Localized } from '../../../platform/i18n/i18n.js';
import type { HouseNumber, NumberRange, Parity } from '../area/types.js';
import { foldText } from './normalize.js';

/**
 * House-number ranges as administrators write them in the CSV `numbers` column:
 * "1-25 nieparzyste; 30-40; 52A", "od 21", "21-", "2-40 parzyste", "4, 6, 8". Empty = null
 * (the whole street).
 *
 * Semantics: a range "10-12" includes 10, 10A … 12 and 12A (a bare upper bound takes its letter
 * variants, as "1-25" on a real street includes 25A); a single number "52" means 52 only, and
 * "52A" only 52A. Parity is that of the numeric part: 15A is odd.
 */

const parityWords: Record<string, Parity> = {
  nieparzyste: 'odd',
  nieparzystych: 'odd',
  nieparzysta: 'odd',
  niep: 'odd',
  np: 'odd',
  n: 'odd',
  odd: 'odd',
  parzyste: 'even',
  parzystych: 'even',
  parzysta: 'even',
  parz: 'even',
  p: 'even',
  even: 'even',
  wszystkie: 'all',
  all: 'all',
};

const NUMBER = /^(\d{1,5})([a-z]?)$/;
const fillers = new Set(['nr', 'numer', 'numeru', 'numery', 'numerow', 'numerach']);

function canonical(token: string): string | null {
  const match = NUMBER.exec(token);
  if (!match || Number(match[1]) === 0) return null;
  return `${Number(match[1])}${match[2]!.toUpperCase()}`;
}

const bad = (item: string): Localized => ({
  pl: `Nie rozumiem zakresu numerów „${item}”. Przykłady: „1-25 nieparzyste”, „30-40”, „52A”, „od 21”.`,
  en: `Cannot read the house-number range "${item}". Examples: "1-25 nieparzyste", "30-40", "52A", "od 21".`,
});

/** Parses one item such as "1-25 nieparzyste" or "od 21 parzyste". */
function parseItem(item: string): NumberRange | null {
  // Dashes of every kind become "-", then spaced into tokens: "1–25np" → "1 - 25 np".
  const prepared = item
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/-/g, ' - ')
    .replace(/(\d)([a-zA-Z]{2,})/g, '$1 $2');
  const tokens = foldText(prepared.replace(/-/g, ' dash ')).split(' ').filter(Boolean);
  let parity: Parity | null = null;
  const rest: string[] = [];
  for (const token of tokens) {
    if (fillers.has(token)) continue;
    const word = Object.hasOwn(parityWords, token) ? parityWords[token] : undefined;
    // One-letter "n"/"p" count as parity only after a number ("1-99 np", "2-20 p").
    if (word !== undefined && (token.length > 1 || rest.length > 0)) {
      if (parity !== null) return null;
      parity = word;
    } else {
      rest.push(token);
    }
  }
  const numbers = rest.filter((t) => t !== 'dash' && t !== 'od' && t !== 'do');
  const from = numbers[0] ? canonical(numbers[0]) : null;
  const to = numbers[1] ? canonical(numbers[1]) : null;
  if (numbers.some((n) => canonical(n) === null) || numbers.length === 0 || numbers.length > 2) return null;
  const words = rest.join(' ');
  const openEnded = (words.startsWith('od ') && !words.includes(' do ') && numbers.length === 1) || /^(\S+) dash$/.test(words);
  const upTo = words.startsWith('do ') && numbers.length === 1;
  if (upTo) return { from: '1', to: from!, parity: parity ?? 'all' };
  if (openEnded) return { from: from!, to: null, parity: parity ?? 'all' };
  if (numbers.length === 2) {
    if (!/dash| do /.test(` ${words} `)) return null;
    return { from: from!, to: to!, parity: parity ?? 'all' };
  }
  if (words !== numbers[0]) return null;
  return { from: from!, to: from!, parity: parity ?? 'all' };
}

export function parseNumberRanges(text: string): { ranges: NumberRange[] | null; errors: Localized[] } {
  const trimmed = text.trim();
  if (!trimmed || /^(cała|cala|całość|wszystkie( numery)?|all)$/i.test(trimmed)) return { ranges: null, errors: [] };
  const ranges: NumberRange[] = [];
  const errors: Localized[] = [];
  for (const item of trimmed
    .split(/[;,]/)
    .map((s) => s.trim())
    .filter(Boolean)) {
    const range = parseItem(item);
    if (!range) {
      errors.push(bad(item));
      continue;
    }
    if (range.to !== null && compare(bound(range.from, false), bound(range.to, range.to !== range.from)) > 0) {
      errors.push({
        pl: `Zakres „${item}” kończy się przed początkiem.`,
        en: `The range "${item}" ends before it starts.`,
      });
      continue;
    }
    ranges.push(range);
  }
  return { ranges: errors.length ? null : ranges, errors };
}

/** The canonical text form; parseNumberRanges reads it back to the same ranges. */
export function formatNumberRanges(ranges: readonly NumberRange[]): string {
  return ranges
    .map((range) => {
      const parity = range.parity === 'odd' ? ' nieparzyste' : range.parity === 'even' ? ' parzyste' : '';
      if (range.to === null) return `od ${range.from}${parity}`;
      if (range.to === range.from) return `${range.from}${parity}`;
      return `${range.from}-${range.to}${parity}`;
    })
    .join('; ');
}

/** A position on the number line: numeric part and letter; "\uffff" sorts after every letter. */
export interface Bound {
  number: number;
  suffix: string;
}

export function bound(text: string, takeLetters: boolean): Bound {
  const match = NUMBER.exec(text.toLowerCase())!;
  const suffix = match[2]!;
  return { number: Number(match[1]), suffix: suffix || (takeLetters ? '\uffff' : '') };
}

export function compare(a: Bound, b: Bound): number {
  return a.number - b.number || (a.suffix < b.suffix ? -1 : a.suffix > b.suffix ? 1 : 0);
}

/** A range in numbers, ready for fast matching. */
export interface CompiledRange {
  low: Bound;
  high: Bound;
  parity: Parity;
  /** How many house numbers it spans: narrower ranges are more specific. */
  width: number;
}

export function compileRange(range: NumberRange): CompiledRange {
  const low = bound(range.from, false);
  const high = range.to === null ? { number: Number.MAX_SAFE_INTEGER, suffix: '\uffff' } : bound(range.to, range.to !== range.from);
  return { low, high, parity: range.parity, width: high.number - low.number };
}

export function compiledContains(range: CompiledRange, number: Pick<HouseNumber, 'number' | 'suffix'>): boolean {
  if (range.parity !== 'all' && (number.number % 2 === 1) !== (range.parity === 'odd')) return false;
  return compare(range.low, number) <= 0 && compare(number, range.high) <= 0;
}

export function rangeContains(range: NumberRange, number: Pick<HouseNumber, 'number' | 'suffix'>): boolean {
  return compiledContains(compileRange(range), number);
}

/** Can one house number be in both ranges (respecting parity and letters)? */
export function rangesOverlap(a: NumberRange, b: NumberRange): boolean {
  const x = compileRange(a);
  const y = compileRange(b);
  if (x.parity !== 'all' && y.parity !== 'all' && x.parity !== y.parity) return false;
  const parity = x.parity !== 'all' ? x.parity : y.parity;
  const low = compare(x.low, y.low) >= 0 ? x.low : y.low;
  const high = compare(x.high, y.high) <= 0 ? x.high : y.high;
  if (compare(low, high) > 0) return false;
  if (parity === 'all') return true;
  // Some n with the right parity must fit: the lower bound's own number, or the next one.
  for (const n of [low.number, low.number + 1]) {
    if ((n % 2 === 1) !== (parity === 'odd')) continue;
    const candidate = { number: n, suffix: n === low.number ? low.suffix : '' };
    if (compare(candidate, high) <= 0) return true;
  }
  return false;
}
