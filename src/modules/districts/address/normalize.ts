/**
 * Text folding for address matching: what residents type ("leczna, ul jasminowa") must meet what
 * officers wrote ("Łęczna", "ul. Jaśminowa"). Everything compares on folded keys.
 */

/**
 * Folding table for every UTF-16 code unit: the folded ASCII letter or digit, or 32 (a separator).
 * Built once; folding is then one table lookup per character, which the locator does for every
 * address it reads.
 */
const FOLD = (() => {
  const table = new Uint16Array(65536).fill(32);
  for (let code = 0; code < 65536; code++) {
    if (code >= 0xd800 && code <= 0xdfff) continue;
    const lower = String.fromCharCode(code).toLowerCase();
    if (lower.length !== 1) continue;
    const special: Record<string, string> = { ł: 'l', ø: 'o', æ: 'a', ß: 's', đ: 'd', ı: 'i' };
    const base = special[lower] ?? lower.normalize('NFD')[0]!;
    const c = base.charCodeAt(0);
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) table[code] = c;
  }
  return table;
})();

/** Lower case, no diacritics, letters and digits only, single spaces: "Łęczna, ul. Jaśminowa" → "leczna ul jasminowa". */
export function foldText(text: string): string {
  const codes: number[] = [];
  let space = true;
  for (let i = 0; i < text.length; i++) {
    const c = FOLD[text.charCodeAt(i)]!;
    if (c !== 32) {
      codes.push(c);
      space = false;
    } else if (!space) {
      codes.push(32);
      space = true;
    }
  }
  if (space && codes.length > 0) codes.pop();
  return String.fromCharCode(...codes);
}

/** The folded words of a text, built directly (the locator's hot path): "Łęczna, ul. Jaśminowa" → ["leczna", "ul", "jasminowa"]. */
export function foldTokens(text: string): string[] {
  const tokens: string[] = [];
  let start = -1;
  let codes: number[] = [];
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? FOLD[text.charCodeAt(i)]! : 32;
    if (c !== 32) {
      if (start < 0) {
        start = i;
        codes = [];
      }
      codes.push(c);
    } else if (start >= 0) {
      tokens.push(String.fromCharCode(...codes));
      start = -1;
    }
  }
  return tokens;
}

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

export function streetKindOf(token: string): StreetKind | undefined {
  return kindWords[token];
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
  return { key: tokens.map((t) => abbreviations[t] ?? t).join(' '), kind };
}

/** Keys of a list of tokens already folded (the hot path of the locator). */
export function keyOfTokens(tokens: readonly string[]): string {
  let key = '';
  for (const token of tokens) key += (key ? ' ' : '') + (abbreviations[token] ?? token);
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
