import type { Localized } from '../../../platform/i18n/i18n.js';
import type { NumberRange, Parity, StreetRule } from '../area/types.js';

/**
 * Reads the area descriptions police websites publish:
 *   "Rejon służbowy nr 3 obejmuje ulice: Lubelską (parzyste od numeru 10 do numeru 120),
 *    Polną, Kwiatową 4, 6, 8 oraz od numeru 12 do 90 (bez numerów parzystych od 40 do 52),
 *    os. Słoneczne (bloki 3-9). Miejscowości: Serniki, Wola Sernicka."
 * into street rules. Street names after "obejmuje ulice:" are in the accusative and become
 * nominative ("Lubelską" → "Lubelska"). Exclusions are subtracted from the ranges, since rules
 * have no exclusions. Whatever cannot be expressed becomes a warning naming the fragment.
 */

type Section = 'streets' | 'localities';

const warn = (pl: string, en: string): Localized => ({ pl, en });

/** Top-level pieces separated by commas, semicolons, bullets or new lines, keeping parentheses whole. */
function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of text) {
    if (char === '(') depth++;
    if (char === ')') depth = Math.max(0, depth - 1);
    if (depth === 0 && /[,;\n•·▪●\u2022]/.test(char)) {
      parts.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  parts.push(current);
  return parts.map((part) => part.replace(/^\s*(?:[-–—*]|\d+[.)])\s+/, '').replace(/\.\s*$/, '').trim()).filter(Boolean);
}

const sectionPattern = /(?:obejmuj[eą]\s+)?(ulic[eęy]|ulica|miejscowości|miejscowość|wsie|sołectwa|sołectwo|miejscowo[sś]ci)\s*:/gi;

/** Nominative of a street name written in the accusative after "obejmuje ulice:". */
export function nominative(name: string): string {
  const words = name.split(/\s+/);
  let adjectiveBefore = false;
  return words
    .map((word, index) => {
      if (/ą$/.test(word)) {
        adjectiveBefore = true;
        return word.slice(0, -1) + 'a';
      }
      if (/ę$/.test(word) && (adjectiveBefore || index === 0) && /^[A-ZŁŚŻŹĆŃÓĘĄ]|^(aleję|drogę|ulicę)$/i.test(word)) {
        adjectiveBefore = false;
        return word.slice(0, -1) + 'a';
      }
      adjectiveBefore = false;
      return word;
    })
    .join(' ');
}

interface Clause {
  from: number;
  to: number | null;
  parity: Parity;
  letter: string;
}

/** "parzyste od numeru 10 do numeru 120", "4", "od 12 do 90", "1-25", "nieparzyste od 21", "bloki 3-9". */
function readClause(text: string): Clause | null {
  let t = ` ${text.toLowerCase().replace(/[–—]/g, '-')} `;
  let parity: Parity = 'all';
  const parityMatch = /\s(nieparzyste|nieparzystych|nieparzysta|parzyste|parzystych|parzysta)\s/.exec(t);
  if (parityMatch) {
    parity = parityMatch[1]!.startsWith('nie') ? 'odd' : 'even';
    t = t.replace(parityMatch[0], ' ');
  }
  t = t.replace(/\b(o numerach|numery|numerów|numerach|numeru|numer|nr\.?|bloki|bloków|budynki|posesje)(?=\s|$|\d)/g, ' ').replace(/\s+/g, ' ').trim();
  let match = /^(?:od )?(\d+)([a-z]?) do (\d+)([a-z]?)$/.exec(t) ?? /^(\d+)([a-z]?) ?- ?(\d+)([a-z]?)$/.exec(t);
  if (match) return { from: Number(match[1]), to: Number(match[3]), parity, letter: '' };
  match = /^od (\d+)([a-z]?)$/.exec(t) ?? /^(\d+)([a-z]?) ?-$/.exec(t) ?? /^(\d+)([a-z]?) i dalej$/.exec(t);
  if (match) return { from: Number(match[1]), to: null, parity, letter: '' };
  match = /^do (\d+)([a-z]?)$/.exec(t);
  if (match) return { from: 1, to: Number(match[1]), parity, letter: '' };
  match = /^(\d+)([a-z]?)$/.exec(t);
  if (match) return { from: Number(match[1]), to: Number(match[1]), parity, letter: match[2]!.toUpperCase() };
  if (t === '' && parity !== 'all') return { from: parity === 'even' ? 2 : 1, to: null, parity, letter: '' };
  if (/^(wszystkie|cała|cała ulica|całość)$/.test(t)) return { from: 1, to: null, parity: 'all', letter: '' };
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
  if (cut.parity !== 'all' && range.parity === 'all') pieces.push({ from: lo, to: hi === Infinity ? null : hi, parity: cut.parity === 'even' ? 'odd' : 'even', letter: '' });
  if (rangeTo > hi) pieces.push({ ...range, from: hi + 1 });
  return pieces;
}

function toRanges(clauses: Clause[]): NumberRange[] {
  return clauses.map((c) => {
    if (c.letter) return { from: `${c.from}${c.letter}`, to: `${c.from}${c.letter}`, parity: c.parity };
    return { from: String(c.from), to: c.to === null ? null : String(c.to), parity: c.parity };
  });
}

/** The numbers part of one street item (text after the name, including parentheses). */
function readNumbers(text: string, context: string, warnings: Localized[]): NumberRange[] | null {
  const exclusions: Clause[] = [];
  let body = text.replace(/\((?:[^()]*)\)/g, (group) => {
    const inner = group.slice(1, -1).trim();
    const exclusion = /^(?:bez|z wyjątkiem|oprócz|poza)\s+(.*)$/i.exec(inner);
    if (exclusion) {
      for (const part of exclusion[1]!.split(/,|;| oraz | i /)) {
        const clause = readClause(part.replace(/^numer(ów|u)?\s*/i, '').trim());
        if (clause) exclusions.push(clause);
        else warnings.push(warn(`Nie rozpoznano wyjątku „${part.trim()}” przy „${context}”.`, `Could not read the exception "${part.trim()}" for "${context}".`));
      }
      return ' ';
    }
    return ` , ${inner} , `;
  });
  body = body.replace(/\boraz\b|\bi\b(?=\s*(od|\d|nr|numer))/gi, ',');
  const clauses: Clause[] = [];
  for (const part of body.split(/[,;]/).map((p) => p.trim()).filter(Boolean)) {
    const clause = readClause(part);
    if (clause) clauses.push(clause);
    else warnings.push(warn(`Nie rozpoznano numerów „${part}” przy „${context}”.`, `Could not read the numbers "${part}" for "${context}".`));
  }
  if (clauses.length === 0) {
    if (exclusions.length === 0) return null;
    clauses.push({ from: 1, to: null, parity: 'all', letter: '' });
  }
  let result = clauses;
  for (const cut of exclusions) result = result.flatMap((clause) => (clause.letter ? [clause] : subtract(clause, cut)));
  return toRanges(result);
}

/**
 * Splits "Kwiatową 4, 6" style items: the name ends before the first "(", "od ", "nr ", parity
 * word, or number; a number followed by a capitalised word belongs to the name ("Plac 3 Maja").
 */
function splitItem(item: string): { name: string; numbers: string } {
  const match = /^(.*?)(\s+(?:\(|od\s|nr\s|numery?\s|parzyste|nieparzyste|bloki|\d+[a-zA-Z]?(?!\s+[A-ZŁŚŻŹĆŃÓ])).*)$/u.exec(item);
  if (!match || !match[1]!.trim()) return { name: item.trim(), numbers: '' };
  return { name: match[1]!.trim(), numbers: match[2]!.trim() };
}

export function parseAreaText(text: string, defaultLocality?: string): { rules: StreetRule[]; warnings: Localized[] } {
  const warnings: Localized[] = [];
  const rules: StreetRule[] = [];
  const cleaned = text.replace(/\*\*/g, '').replace(/\r/g, '').replace(/[ \t]+/g, ' ');
  // "w Lubartowie" / "w miejscowości Łęczna": a hint of the town the streets belong to.
  const hint = /w miejscowości\s+([A-ZŁŚŻŹĆŃÓ][\p{L}-]+(?:\s[A-ZŁŚŻŹĆŃÓ][\p{L}-]+)?)/u.exec(cleaned)?.[1];
  const townOfStreets = defaultLocality?.trim() || hint;

  const marks = [...cleaned.matchAll(sectionPattern)];
  if (marks.length === 0) {
    warnings.push(warn('Nie znaleziono list „ulice:” ani „miejscowości:”; nic nie rozpoznano.', 'No "ulice:" or "miejscowości:" list was found; nothing was recognised.'));
    return { rules, warnings };
  }
  const sections: { kind: Section; text: string }[] = marks.map((mark, i) => ({
    kind: /^ulic/i.test(mark[1]!) ? 'streets' : 'localities',
    text: cleaned.slice(mark.index! + mark[0].length, marks[i + 1]?.index ?? cleaned.length),
  }));

  for (const section of sections) {
    const items = splitTopLevel(section.text);
    const merged: string[] = [];
    for (const item of items) {
      // "Kwiatową 4, 6, 8 oraz od numeru 12": pieces that are only numbers continue the previous street.
      // A number followed by a capitalised word is a street name instead ("3 Maja", "11 Listopada").
      const continuation = /^(?:\d+[a-zA-Z]?\b(?!\s+[A-ZŁŚŻŹĆŃÓ])|oraz\s|i\s+od|od\s+(?:nr|numeru|\d)|do\s+(?:nr|numeru|\d))/u.test(item);
      if (continuation && merged.length > 0 && section.kind === 'streets') merged[merged.length - 1] += `, ${item}`;
      else merged.push(item);
    }
    for (const item of merged) {
      if (/^do\s/i.test(item) || /^(od|przy|wzdłuż|między)\s/i.test(item)) {
        warnings.push(warn(`Nie da się tego zapisać jako reguły: „${item}”. Uzupełnij ręcznie.`, `This cannot be written as a rule: "${item}". Add it by hand.`));
        continue;
      }
      const { name, numbers } = splitItem(item);
      const context = name || item;
      if (section.kind === 'localities') {
        const locality = name.replace(/^(wieś|miejscowość|sołectwo)\s+/i, '').trim();
        if (!locality) continue;
        rules.push({ locality, street: null, numbers: numbers ? readNumbers(numbers, context, warnings) : null });
        continue;
      }
      if (!townOfStreets) {
        warnings.push(warn(`Nie wiadomo, w której miejscowości leży ulica „${nominative(name)}”: podaj miejscowość.`, `It is not known which town the street "${nominative(name)}" is in: give the town.`));
        continue;
      }
      const street = nominative(name.replace(/^(ul\.?|ulica|ulicę)\s+/i, '').trim());
      if (!street) continue;
      rules.push({ locality: townOfStreets, street, numbers: numbers ? readNumbers(numbers, context, warnings) : null });
    }
  }
  return { rules, warnings };
}
