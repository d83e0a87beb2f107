/** Reading the words of a typed address: tokens, the house number, the street's kind word. */
import { foldTokens, streetKindOf } from './normalize.js';

export interface HouseNo {
  number: number;
  suffix: string;
}

export const NUMBER_TOKEN = /^(\d{1,5})([a-z]?)$/;
const FLAT_WORDS = new Set(['m', 'lok', 'mieszk', 'mieszkanie', 'lokal']);
/** Segments such as "gm. Serniki", "woj. lubelskie", "Polska" name no locality of a rule. */
const ADMIN_WORDS = new Set(['gmina', 'gm', 'gminy', 'powiat', 'pow', 'woj', 'wojewodztwo', 'polska', 'poland']);

export function tokenize(text: string): string[] {
  // Postal codes ("21-100") say nothing the town does not; drop them before folding.
  const tokens = foldTokens(text.includes('-') ? text.replace(/\b\d{2}-\d{3}\b/g, ' ') : text);
  const result: string[] = [];
  let skipSegment = false;
  for (const token of tokens) {
    if (!token) continue;
    if (ADMIN_WORDS.has(token)) {
      skipSegment = true;
      continue;
    }
    if (skipSegment && !NUMBER_TOKEN.test(token)) continue;
    skipSegment = false;
    result.push(token);
  }
  return result;
}

/** The house number: the last number that follows a word, with its letter and a flat number after it. */
export function findNumber(tokens: string[]): { start: number; end: number; number: HouseNo } | null {
  for (let i = tokens.length - 1; i >= 1; i--) {
    const match = NUMBER_TOKEN.exec(tokens[i]!);
    if (!match || NUMBER_TOKEN.test(tokens[i - 1]!)) continue;
    // "17 m. 4": the 4 is the flat; the house number comes before the flat word.
    if (FLAT_WORDS.has(tokens[i - 1]!) && i >= 2 && NUMBER_TOKEN.test(tokens[i - 2]!)) continue;
    let end = i + 1;
    let suffix = match[2]!;
    if (!suffix && /^[a-z]$/.test(tokens[end] ?? '') && !FLAT_WORDS.has(tokens[end]!)) suffix = tokens[end++]!;
    if (FLAT_WORDS.has(tokens[end] ?? '') && NUMBER_TOKEN.test(tokens[end + 1] ?? '')) end += 2;
    else if (NUMBER_TOKEN.test(tokens[end] ?? '')) end += 1;
    return { start: i, end, number: { number: Number(match[1]), suffix } };
  }
  return null;
}

/** Where a street's kind word ("ul.", "al.") stands among the first `end` words (not last); -1 if none. */
export function kindWordAt(tokens: readonly string[], end: number): number {
  for (let i = 0; i < end - 1; i++) if (streetKindOf(tokens[i]!) !== undefined) return i;
  return -1;
}

/** tokens[from..to) joined by spaces. */
export function joinWords(tokens: readonly string[], from: number, to: number): string {
  if (from >= to) return '';
  let text = tokens[from]!;
  for (let i = from + 1; i < to; i++) text += ' ' + tokens[i]!;
  return text;
}
