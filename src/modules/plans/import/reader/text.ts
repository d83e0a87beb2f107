/**
 * The text a reader works on: the input with the same length (so every offset found in it is an
 * offset into the exact input, for the import page to highlight), with invisible differences
 * removed: \r, tabs, no-break spaces and Markdown emphasis become spaces.
 */

/** Character offsets into the input text: `text.slice(start, end)`. */
export interface Span {
  start: number;
  end: number;
}

export interface Line extends Span {
  text: string;
}

export interface Prepared {
  text: string;
  /** Where each character of `text` is in the input; null when they are at the same place. */
  offsets: Int32Array | null;
}

/** A word broken at a line end by a PDF ("SŁUŻBO-\nWEGO", "zagro-\nżenia"): the only joins. */
const BROKEN_WORD = /(?<=\p{L})-\n(?=\p{Ll})|(?<=\p{Lu}\p{Lu})-\n(?=\p{Lu})/gu;

/**
 * The text readers work on: \r, tabs, no-break spaces and Markdown emphasis become spaces (same
 * length), and words broken at a line end are joined again; `offsets` map back to the input.
 */
export function prepare(input: string): Prepared {
  const spaced = input
    .replace(/\r(?=\n)|[\t\u00a0\u2007\u202f\u00ad\u200b\ufeff]|\*\*|__/g, (m) => ' '.repeat(m.length))
    .replace(/\r/g, '\n');
  BROKEN_WORD.lastIndex = 0;
  if (!BROKEN_WORD.test(spaced)) return { text: spaced, offsets: null };
  const offsets = new Int32Array(spaced.length);
  const parts: string[] = [];
  let from = 0;
  let length = 0;
  BROKEN_WORD.lastIndex = 0;
  for (let m = BROKEN_WORD.exec(spaced); m; m = BROKEN_WORD.exec(spaced)) {
    parts.push(spaced.slice(from, m.index));
    for (let i = from; i < m.index; i++) offsets[length++] = i;
    from = m.index + m[0].length;
  }
  parts.push(spaced.slice(from));
  for (let i = from; i < spaced.length; i++) offsets[length++] = i;
  return { text: parts.join(''), offsets: offsets.subarray(0, length) };
}

/** A span of the prepared text as a span of the input. */
export function inputSpan(prepared: Prepared, span: Span): Span {
  const { offsets } = prepared;
  if (!offsets) return span;
  const start = span.start < offsets.length ? offsets[span.start]! : (offsets[offsets.length - 1] ?? -1) + 1;
  const end = span.end === 0 ? 0 : offsets[span.end - 1]! + 1;
  return { start, end: Math.max(start, end) };
}

export function linesOf(text: string, from = 0, to = text.length): Line[] {
  const lines: Line[] = [];
  let start = from;
  while (start <= to) {
    let end = text.indexOf('\n', start);
    if (end < 0 || end > to) end = to;
    lines.push({ text: text.slice(start, end), start, end });
    start = end + 1;
  }
  return lines;
}

/** The span without the white space at its ends (null when nothing is left). */
export function trimSpan(text: string, start: number, end: number): Span | null {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return end > start ? { start, end } : null;
}

/** Upper-case letters only (a heading written in capitals), ignoring digits and punctuation. */
export function isCapitals(text: string): boolean {
  let letters = 0;
  for (const ch of text) {
    if (ch.toLowerCase() !== ch.toUpperCase()) {
      if (ch !== ch.toUpperCase()) return false;
      letters++;
    }
  }
  return letters >= 4;
}

/** Numbering, bullets and Markdown before a line's words: "II.", "3)", "a)", "•", "–", "#". */
export const LEAD =
  /^[ ]*(?:#{1,6}[ ]*)?(?:[Aa]d\.?[ ]?(?:\d{1,2}|[IVX]{1,4})[.)]?[ ]+|(?:\d{1,2}|[IVX]{1,4}|[a-e])[ ]?[.)][ ]*|[·•▪●◦‣∙*➢►✓][ ]*|[-–—][ ]+)?/u;

/** Length of the lead (numbering, bullet) of a line and whether it was numbered as a heading. */
export function leadOf(line: string): { length: number; numbered: boolean } {
  const m = LEAD.exec(line)!;
  return { length: m[0].length, numbered: /(?:\d|[IVX])[ ]?[.)]|^[ ]*ad/i.test(m[0]) };
}

export function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

const SMALL = new Set(['w', 'i', 'z', 'na', 'do', 'od', 'dla', 'nr', 'ul', 'oraz', 'we', 'o', 'r', 'roku', 'rok']);

/**
 * The text with lines written all in capitals or all in small letters turned to title case
 * ("KOMENDA POWIATOWA POLICJI W BOROWICZACH" → "Komenda Powiatowa Policji w Borowiczach"), same
 * length, for the readers of names, which rely on capital initials.
 */
export function titleCased(text: string): string {
  return text.replace(/[^\n]+/g, (line) => {
    if (/\p{Ll}/u.test(line) && /\p{Lu}/u.test(line)) return line;
    return line.replace(/\p{L}+/gu, (word) => {
      const lower = word.toLowerCase();
      const cased = SMALL.has(lower) ? lower : lower.charAt(0).toUpperCase() + lower.slice(1);
      return cased.length === word.length ? cased : word;
    });
  });
}
