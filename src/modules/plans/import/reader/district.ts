/**
 * The district (rejon służbowy) number in every way it is written: "Rejon 4", "REJON 14",
 * "rejon służbowy nr 3", "rejonu dzielnicowego nr XIV", "Rewir I, rejon 1", "dzielnicy nr 19"
 * (some units call districts dzielnice), "rejonu nr 47 (Wilkowice)". A page naming only a gmina
 * has no number: none is invented.
 */
import type { Span } from './text.js';

const ROMAN: Record<string, number> = { I: 1, V: 5, X: 10, L: 50 };

export function romanValue(text: string): number | null {
  if (!/^(?:L?X{0,3})(?:IX|IV|V?I{0,3})$/.test(text) || text === '') return null;
  let total = 0;
  for (let i = 0; i < text.length; i++) {
    const value = ROMAN[text[i]!]!;
    const next = ROMAN[text[i + 1] ?? ''] ?? 0;
    total += value < next ? -value : value;
  }
  return total;
}

export interface DistrictFound extends Span {
  number: number;
  /** Said with "nr", "służbowy" or "dzielnicowy", or at the start of a line: surely a district. */
  strong: boolean;
}

// "w rejonie 3 bloków" is a place, not a district: the bare form needs rejon/rejonu/rejonów.
const DISTRICT =
  /(?<!\p{L})(?:(?<word>rejon(?:u|ie|owi|em|ów)?|dzielnic(?:a|y|ę|ą|e|y))(?<kind>\s{1,3}(?:służbow|dzielnicow)\p{L}{0,4})?\s{0,3}(?<nr>(?:nr|numer|no)\s{0,2}\.?\s{0,2})?(?:(?<digits>\d{1,3})(?![\d.,]\d|\p{L})|(?<roman>[IVXL]{1,6})(?![\p{L}\d])))/giu;

/** Every district number mentioned in `text[from, to)`. */
export function findDistricts(text: string, from = 0, to = text.length): DistrictFound[] {
  const found: DistrictFound[] = [];
  DISTRICT.lastIndex = from;
  for (let m = DISTRICT.exec(text); m && m.index < to; m = DISTRICT.exec(text)) {
    const g = m.groups!;
    const word = g.word!.toLowerCase();
    const explicit = Boolean(g.nr || g.kind);
    // Roman numerals only after "nr" (or capitals "REJON XIV"); "dzielnica" always needs "nr".
    if (g.roman && !(g.nr || g.roman === g.roman.toUpperCase())) continue;
    if (g.roman && !g.nr && !/^[IVXL]+$/.test(g.roman)) continue;
    if (word.startsWith('dzielnic') && !g.nr) continue;
    if (!explicit && word === 'rejonie') continue;
    const number = g.digits ? Number(g.digits) : romanValue(g.roman!.toUpperCase());
    if (!number || number < 1) continue;
    const lineStart = text.lastIndexOf('\n', m.index) + 1;
    const atLineStart = /^[\s#*•·\-–(\d.)]*$/u.test(text.slice(lineStart, m.index)) && m.index - lineStart < 12;
    found.push({ start: m.index, end: m.index + m[0].length, number, strong: explicit || atLineStart });
  }
  return found;
}
