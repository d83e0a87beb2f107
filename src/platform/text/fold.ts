/** Folding Polish (and other Latin-script) text to ASCII letters and digits, for matching and search. */

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
