import type { Localized } from '../../../platform/i18n/i18n.js';
import type { NumberRange, Parity } from '../area/types.js';

/**
 * The house-number clauses of published area descriptions, written in words:
 * "(numery parzyste od 48 i nieparzyste od numeru 25)", "od numeru 30 do numeru 52",
 * "numer 8 i 32 oraz numery nieparzyste od 21 do 83", "bloki 1-6 i 9-10", "do numeru 40",
 * "od nr 5 do końca", "strona parzysta", "(bez numerów 1-9)". Exclusions are subtracted from the
 * ranges, since a rule has no exclusions. (The CSV column has its own stricter reader:
 * number-ranges.ts.)
 */

interface Clause {
  from: number;
  to: number | null;
  parity: Parity;
  /** A single number's letter ("6A"); ranges keep whole numbers. */
  letter: string;
}

const PARITY = /(?:^|\s)(?:str(?:ona|\.)?\s+)?(nieparzyst\w*|parzyst\w*)(?=\s|$)/;
const FILLERS =
  /(?:^|\s)(?:o numerach|numery|numerów|numerach|numeru|numer|nr\.?|bloki|bloków|blok|budynki|budynków|budynek|posesje|posesji|domy|domów|od strony)(?=\s|$|\d)/g;
const PARITY_ONLY = /^(?:numery\s+|strona\s+|str\.\s*)?(?:nie)?parzyst\w*$/i;
const WHOLE = /^(?:wszystkie|cała|cały|całe|cała ulica|całość|w całości|całej)$/;
/** Words that begin a house-number clause (used to split "… 5 i 7", "… parzyste oraz od 12"). */
export const NUMBER_START = String.raw`(?:od|do|\d|nr|numer|parzyst|nieparzyst|bloki?|str(?:ona|\.))`;

/** One clause such as "parzyste od numeru 10 do numeru 120", "4", "od 12 do 90", "1-25", "bloki 3-9". */
function readClause(text: string): Clause | null {
  let t = ` ${text.toLowerCase().replace(/[\u2010-\u2015\u2212]/g, '-')} `;
  let parity: Parity = 'all';
  const parityMatch = PARITY.exec(t);
  if (parityMatch) {
    parity = parityMatch[1]!.startsWith('nie') ? 'odd' : 'even';
    t = t.replace(parityMatch[0], ' ');
  }
  t = t
    .replace(FILLERS, ' ')
    .replace(/\bdo końca(?: ulicy)?\b/, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/(\d)\s+([a-z])\b/g, '$1$2');
  let match = /^(?:od )?(\d+)([a-z]?) ?(?:do|-) ?(\d+)([a-z]?)$/.exec(t);
  if (match) return { from: Number(match[1]), to: Number(match[3]), parity, letter: '' };
  match = /^od (\d+)([a-z]?)$/.exec(t) ?? /^(\d+)([a-z]?) ?-$/.exec(t) ?? /^(\d+)([a-z]?) i dalej$/.exec(t) ?? /^(\d+)([a-z]?) do$/.exec(t);
  if (match) return { from: Number(match[1]), to: null, parity, letter: '' };
  match = /^do (\d+)([a-z]?)$/.exec(t);
  if (match) return { from: 1, to: Number(match[1]), parity, letter: '' };
  match = /^(\d+)([a-z]?)$/.exec(t);
  if (match) return { from: Number(match[1]), to: Number(match[1]), parity, letter: match[2]!.toUpperCase() };
  if ((t === '' || t === 'od') && parity !== 'all') return { from: parity === 'even' ? 2 : 1, to: null, parity, letter: '' };
  if (WHOLE.test(t)) return { from: 1, to: null, parity: 'all', letter: '' };
  return null;
}

/** Subtracts the house numbers of `cut` from `range` (numbers only; letters are not split). */
function subtract(range: Clause, cut: Clause): Clause[] {
  const cutTo = cut.to ?? Infinity;
  const rangeTo = range.to ?? Infinity;
  if (cutTo < range.from || cut.from > rangeTo) return [range];
  if (range.parity !== 'all' && cut.parity !== 'all' && range.parity !== cut.parity) return [range];
  const pieces: Clause[] = [];
  const lo = Math.max(range.from, cut.from);
  const hi = Math.min(rangeTo, cutTo);
  if (range.from < lo) pieces.push({ ...range, to: lo - 1 });
  // Inside the cut, what remains is the other parity (if the cut took only one parity).
  if (cut.parity !== 'all' && range.parity === 'all')
    pieces.push({ from: lo, to: hi === Infinity ? null : hi, parity: cut.parity === 'even' ? 'odd' : 'even', letter: '' });
  if (rangeTo > hi) pieces.push({ ...range, from: hi + 1 });
  return pieces;
}

function toRanges(clauses: Clause[]): NumberRange[] {
  return clauses.map((c) => {
    if (c.letter) return { from: `${c.from}${c.letter}`, to: `${c.from}${c.letter}`, parity: c.parity };
    return { from: String(c.from), to: c.to === null ? null : String(c.to), parity: c.parity };
  });
}

const EXCLUSION = /^(?:bez|z wyjątkiem|z wyłączeniem|oprócz|poza|wyłączając)\s+(.*)$/is;
const SPLIT = new RegExp(String.raw`(?<!\s)\s+(?:oraz|i|a także)\s+(?=${NUMBER_START})|[,;]`, 'i');

/** What the numbers part of one item said: ranges (null: the whole street) and the parts it could not read. */
export interface NumbersReading {
  ranges: NumberRange[] | null;
  unread: string[];
}

/** The numbers part of one street or village item (text after the name, parentheses included). */
export function readNumbers(text: string, context: string, warnings: Localized[]): NumbersReading {
  const exclusions: Clause[] = [];
  const unread: string[] = [];
  const exclude = (list: string) => {
    for (const part of list.split(SPLIT)) {
      const clause = readClause(part.replace(/^numer(ów|u)?\s*/i, '').trim());
      if (clause) exclusions.push(clause);
      else {
        unread.push(part.trim());
        warnings.push({
          pl: `Nie rozpoznano wyjątku „${part.trim()}” przy „${context}”.`,
          en: `Could not read the exception "${part.trim()}" for "${context}".`,
        });
      }
    }
  };
  let body = text.replace(/\((?:[^()]*)\)/g, (group) => {
    const inner = group.slice(1, -1).trim();
    const exclusion = EXCLUSION.exec(inner);
    if (exclusion) {
      exclude(exclusion[1]!);
      return ' ';
    }
    return ` , ${inner} , `;
  });
  body = body.replace(/(?:^|\s)(?:bez|z wyjątkiem|z wyłączeniem|oprócz|wyłączając)\s+(.*)$/is, (_whole, list: string) => {
    exclude(list);
    return ' ';
  });
  const clauses: Clause[] = [];
  for (const part of body
    .split(SPLIT)
    .map((p) => p.replace(/^\s*[-–—:]\s*/, '').trim())
    .filter((p) => p && !/^[-–—]$/.test(p))) {
    const clause = readClause(part);
    const previous = clauses[clauses.length - 1];
    // "od nr 1 do nr 31, nieparzyste": a parity word alone after a range qualifies that range.
    if (clause && previous && previous.parity === 'all' && previous.to !== previous.from && PARITY_ONLY.test(part))
      previous.parity = clause.parity;
    else if (clause) clauses.push(clause);
    else {
      unread.push(part);
      warnings.push({
        pl: `Nie rozpoznano numerów „${part}” przy „${context}”.`,
        en: `Could not read the numbers "${part}" for "${context}".`,
      });
    }
  }
  if (clauses.length === 0) {
    if (exclusions.length === 0) return { ranges: null, unread };
    clauses.push({ from: 1, to: null, parity: 'all', letter: '' });
  }
  // "Cała" next to ranges says nothing more; a clause for every number makes the street whole.
  if (clauses.some((c) => c.from <= 1 && c.to === null && c.parity === 'all') && exclusions.length === 0) return { ranges: null, unread };
  let result = clauses;
  for (const cut of exclusions) result = result.flatMap((clause) => (clause.letter ? [clause] : subtract(clause, cut)));
  return { ranges: toRanges(result), unread };
}
