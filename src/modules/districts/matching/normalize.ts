/**
 * Address keys: what residents type ("leczna, ul jasminowa") must meet what officers wrote
 * ("Łęczna", "ul. Jaśminowa"). Everything compares on folded keys (platform/text/fold.ts).
 */
import { foldText } from '../../../platform/text/fold.js';

export { foldText, foldTokens } from '../../../platform/text/fold.js';

/** Kind of a street (the word before its name), folded. */
export type StreetKind = 'ulica' | 'aleja' | 'plac' | 'osiedle' | 'rondo' | 'skwer' | 'bulwar';

const kindWords: Record<string, StreetKind> = {
  ul: 'ulica',
  ulica: 'ulica',
  ulicy: 'ulica',
  al: 'aleja',
  aleja: 'aleja',
  aleje: 'aleja',
  alei: 'aleja',
  pl: 'plac',
  plac: 'plac',
  placu: 'plac',
  os: 'osiedle',
  osiedle: 'osiedle',
  osiedla: 'osiedle',
  rondo: 'rondo',
  ronda: 'rondo',
  skwer: 'skwer',
  bulw: 'bulwar',
  bulwar: 'bulwar',
};

// Tokens are whatever people type: only the table's own keys count ("constructor" is a street name, not a kind).
export function streetKindOf(token: string): StreetKind | undefined {
  return Object.hasOwn(kindWords, token) ? kindWords[token] : undefined;
}

/** Abbreviated titles in street names, written out so "gen. Sikorskiego" = "Generała Sikorskiego". */
const abbreviations: Record<string, string> = {
  gen: 'generala',
  ks: 'ksiedza',
  sw: 'swietego',
  marsz: 'marszalka',
  im: 'imienia',
  nw: 'nowe',
  st: 'stare',
  kard: 'kardynala',
  prof: 'profesora',
  dr: 'doktora',
  bp: 'biskupa',
  abp: 'arcybiskupa',
  mjr: 'majora',
  plk: 'pulkownika',
  kpt: 'kapitana',
  por: 'porucznika',
  ppor: 'podporucznika',
  hr: 'hrabiego',
  kr: 'krola',
};

const ROMAN = /^[ivxlcdm]+$/;

/** A token written out if it is an abbreviation (own keys only: "toString" stays "toString"). */
const writtenOut = (token: string): string => (Object.hasOwn(abbreviations, token) ? abbreviations[token]! : token);

/** The match key of a street name: folded, without its kind word, abbreviations written out. */
export function streetKey(name: string): { key: string; kind: StreetKind | null } {
  const tokens = foldText(name).split(' ').filter(Boolean);
  let kind: StreetKind | null = null;
  if (tokens.length > 1) {
    const first = streetKindOf(tokens[0]!);
    if (first) {
      kind = first;
      tokens.shift();
    }
  }
  return { key: tokens.map(writtenOut).join(' '), kind };
}

/** Keys of a list of tokens already folded (the hot path of the locator). */
export function keyOfTokens(tokens: readonly string[], from = 0, to = tokens.length): string {
  let key = '';
  for (let i = from; i < to; i++) {
    const token = tokens[i]!;
    key += (i > from ? ' ' : '') + writtenOut(token);
  }
  return key;
}

/**
 * The short key people also use: the last word ("Piłsudskiego" for "Marszałka Józefa
 * Piłsudskiego"), or the last two when the last is a numeral ("Pawła II").
 */
export function tailKey(key: string): string {
  const tokens = key.split(' ');
  const last = tokens[tokens.length - 1] ?? '';
  if (tokens.length >= 2 && (ROMAN.test(last) || /^\d+$/.test(last) || last.length <= 1)) return tokens.slice(-2).join(' ');
  return last;
}

export function localityKey(name: string): string {
  return foldText(name);
}
