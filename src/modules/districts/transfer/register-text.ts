import type { Localized } from '../../../platform/i18n/i18n.js';
import type { StreetRule } from '../area/types.js';
import { parseAreaText, type UnresolvedFragment } from '../matching/area-text.js';

/**
 * Reads a unit's whole contacts page (kontakt z dzielnicowym): for every district its number,
 * the officer's rank and name, phones, e-mail and area. Pages come in three shapes, all read here:
 *   - a heading per district ("REJON SŁUŻBOWY NR 1") followed by lines;
 *   - a table, one row per district, cells joined by " | " (a header row names the columns);
 *   - one line per district: "Rejon nr 3 – st. sierż. Jan Kowalski, tel. 47 811 22 33,
 *     kom. 600 000 000, e-mail: …, obejmuje ulice: …".
 * The area goes through the area reader (area-text.ts). Nothing is saved here.
 */

export interface OfficerReading {
  rank: string;
  firstName: string;
  lastName: string;
}

export interface RegisterEntry {
  number: number;
  officer: OfficerReading | null;
  /** The landline (telefon stacjonarny) as written. */
  phone: string | null;
  /** The district's mobile (telefon komórkowy) as written. */
  mobile: string | null;
  email: string | null;
  areaText: string;
  rules: StreetRule[];
  unresolved: UnresolvedFragment[];
  warnings: Localized[];
}

export interface RegisterReading {
  districts: RegisterEntry[];
  warnings: Localized[];
}

// Police ranks (stopnie), longest first so "st. sierż." wins over "sierż.".
const RANKS = [
  'starszy posterunkowy',
  'posterunkowy',
  'starszy sierżant',
  'sierżant sztabowy',
  'sierżant',
  'młodszy aspirant',
  'starszy aspirant',
  'aspirant sztabowy',
  'aspirant',
  'podkomisarz',
  'nadkomisarz',
  'komisarz',
  'podinspektor',
  'młodszy inspektor',
  'inspektor',
  'st. post.',
  'post.',
  'st. sierż.',
  'sierż. szt.',
  'sierż.szt.',
  'sierż.',
  'mł. asp.',
  'st. asp.',
  'asp. szt.',
  'asp.szt.',
  'asp.',
  'podkom.',
  'nadkom.',
  'kom.',
  'mł. insp.',
  'podinsp.',
  'insp.',
];
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// At most 79 letters: the register keeps names up to 80 characters.
const WORD = String.raw`\p{Lu}\p{Ll}{1,38}(?:-\p{Lu}\p{Ll}{1,38})?(?!\p{L})`;
// Case-sensitive on purpose: a name is capitalised; only a rank's first letter may be either ("St. sierż.").
const RANK = RANKS.map((rank) => `[${rank[0]}${rank[0]!.toUpperCase()}]${escape(rank.slice(1))}`).join('|');
const OFFICER = new RegExp(String.raw`(?<![\p{L}.])(${RANK})\s*(${WORD})\s+(${WORD})`, 'u');
const VACANT = /(?<!\p{L})(?:wakat|vacat|nieobsadzony|rejon nieobsadzony)(?!\p{L})/iu;
const EMAIL = /[\p{L}\d._%+-]+@[\p{L}\d-]+(?:\.[\p{L}\d-]+)+/u;
const PHONE_DIGITS = String.raw`(?:\+48[\s-]?)?\(?\d{2,3}\)?(?:[\s-]?\d{2,3}){2,3}`;
const LABELLED_PHONE = new RegExp(
  String.raw`(tel\.?\s*kom\w*\.?|tel\.?\s*komórkowy|telefon\s+komórkowy|komórka|komórkowy|kom\.|mobile|fax|tel\.?|telefon)\s*[:.]?\s*(${PHONE_DIGITS})`,
  'giu',
);
const BARE_PHONE = new RegExp(String.raw`(?<![\d@.])${PHONE_DIGITS}(?![\d@])`, 'gu');
const AREA_START =
  /(?<!\p{L})(?:rejon\s+obejmuje|obejmuje|obejmują|w\s+skład\s+rejonu|do\s+rejonu\s+należ|obszar(?:\s+rejonu)?\s*:|zasięg\s*:|opis\s+rejonu|ulice\s*:|miejscowości\s*:|teren\s+gminy)/iu;
const HEADING = /^[ \t#*•-]*(?:dzielnicowy\s+)?rejon(?:u)?(?:\s+służbow\w*)?\s*(?:nr\.?|numer)?\s*(\d{1,4})(?!\d)\s*[:.–—-]?\s*/gimu;

/** More districts than any unit has: the rest of a page is not read. */
const MAX_DISTRICTS = 500;

/** The e-mail of a contact text ("[at]" written out); none longer than an address can be. */
function emailOf(contact: string): string | null {
  const email = EMAIL.exec(contact.replace(/\s*(?:\[at\]|\(at\))\s*/gi, '@'))?.[0];
  return email && email.length <= 254 ? email : null;
}

const nine = (phone: string) => phone.replace(/\D/g, '').replace(/^48(?=\d{9}$)/, '');

/** Phones of a piece of text: labelled ones by their label, bare ones by how they are grouped. */
function readPhones(text: string): { phone: string | null; mobile: string | null } {
  let phone: string | null = null;
  let mobile: string | null = null;
  let rest = text;
  for (const match of text.matchAll(LABELLED_PHONE)) {
    const label = match[1]!.toLowerCase();
    const number = match[2]!.replace(/\s+/g, ' ').trim();
    rest = rest.replace(match[0], ' ');
    if (nine(number).length !== 9 || label.startsWith('fax')) continue;
    if (/kom|mobile/.test(label)) mobile ??= number;
    else phone ??= number;
  }
  for (const match of rest.matchAll(BARE_PHONE)) {
    const number = match[0].replace(/\s+/g, ' ').trim();
    if (nine(number).length !== 9) continue;
    // A landline is written with a two-digit area code ("81 531 22 10"); a mobile in threes ("723 100 201").
    if (/^(?:\+48\s?)?\d{3}[\s-]\d{3}[\s-]\d{3}$/.test(number) || /^\d{9}$/.test(number)) mobile ??= number;
    else phone ??= number;
  }
  return { phone, mobile };
}

function readOfficer(text: string): OfficerReading | null {
  const match = OFFICER.exec(text);
  if (!match) return null;
  return { rank: match[1]!.replace(/\s+/g, ' ').trim(), firstName: match[2]!, lastName: match[3]! };
}

/** The area of a block: from its opening words ("obejmuje", "ulice:") on, else the lines that are no contact detail. */
function readArea(text: string): string {
  const start = AREA_START.exec(text);
  if (start) return text.slice(start.index).trim();
  return text
    .split('\n')
    .filter((line) => line.trim() && !EMAIL.test(line) && !LABELLED_PHONE.test(line) && !OFFICER.test(line) && !VACANT.test(line))
    .join('\n')
    .trim();
}

function entryOf(number: number, contact: string, area: string, locality: string | undefined): RegisterEntry {
  LABELLED_PHONE.lastIndex = 0;
  const reading = parseAreaText(area, locality);
  const warnings = [...reading.warnings];
  const officer = readOfficer(contact);
  if (!officer) {
    warnings.unshift(
      VACANT.test(contact)
        ? { pl: `Rejon nr ${number} jest nieobsadzony (wakat).`, en: `District ${number} has no officer (vacant).` }
        : {
            pl: `Nie rozpoznano dzielnicowego rejonu nr ${number} (stopień, imię i nazwisko).`,
            en: `The officer of district ${number} (rank and name) was not recognised.`,
          },
    );
  }
  return {
    number,
    officer,
    ...readPhones(contact),
    email: emailOf(contact),
    areaText: area,
    rules: reading.rules,
    unresolved: reading.unresolved,
    warnings,
  };
}

const splitCells = (line: string) =>
  line
    .replace(/^\s*\|/, '')
    .replace(/\|\s*$/, '')
    .split('|')
    .map((cell) => cell.trim());

/** A table with " | "-joined cells: columns named by the header row, or guessed from what cells hold. */
function readTable(lines: string[], locality: string | undefined): RegisterEntry[] {
  const rows = lines.map(splitCells).filter((cells) => !cells.every((cell) => /^:?-*:?$/.test(cell)));
  const header = rows.find(
    (cells) =>
      cells.some((cell) => /rejon|nr\b/i.test(cell)) && cells.some((cell) => /obszar|ulic|zasięg|opis|miejscowo|teren/i.test(cell)),
  );
  const column = (pattern: RegExp) => (header ? header.findIndex((cell) => pattern.test(cell)) : -1);
  const numberAt = column(/rejon|^nr/i);
  const areaAt = column(/obszar|ulic|zasięg|opis|miejscowo|teren/i);
  const entries: RegisterEntry[] = [];
  for (const cells of rows) {
    if (cells === header) continue;
    if (entries.length > MAX_DISTRICTS) break;
    const numberCell = numberAt >= 0 ? cells[numberAt] : cells.find((cell) => /^(?:rejon\w*\s*)?(?:nr\.?\s*)?\d{1,4}\.?$/i.test(cell));
    const number = Number(/\d{1,4}/.exec(numberCell ?? '')?.[0] ?? NaN);
    if (!Number.isInteger(number) || number < 1) continue;
    const areaCell = areaAt >= 0 ? cells[areaAt]! : [...cells].sort((a, b) => b.length - a.length)[0]!;
    const contact = cells.filter((cell) => cell !== areaCell && cell !== numberCell).join('\n');
    entries.push(entryOf(number, contact, areaCell, locality));
  }
  return entries;
}

/** Reads a contacts page; `locality` is the town the listed streets belong to. */
export function parseRegisterText(text: string, options: { locality?: string | undefined } = {}): RegisterReading {
  const cleaned = text.replace(/\r/g, '').replace(/[\u00a0\t]/g, ' ');
  const locality = options.locality?.trim() || undefined;
  const tableLines = cleaned.split('\n').filter((line) => (line.match(/\|/g) ?? []).length >= 2);
  let districts: RegisterEntry[] = [];
  if (tableLines.length >= 2) districts = readTable(tableLines, locality);
  if (districts.length === 0) {
    const headings = [...cleaned.matchAll(HEADING)];
    districts = headings
      .slice(0, MAX_DISTRICTS + 1)
      .map((heading, i) => {
        const block = cleaned.slice(heading.index + heading[0].length, headings[i + 1]?.index ?? cleaned.length).trim();
        const area = readArea(block);
        const contact = area ? block.slice(0, block.lastIndexOf(area)) : block;
        return entryOf(Number(heading[1]), contact, area, locality);
      })
      .filter((district) => district.number >= 1);
  }
  const warnings: Localized[] = [];
  if (districts.length > MAX_DISTRICTS) {
    warnings.push({
      pl: `Strona ma ponad ${MAX_DISTRICTS} rejonów: przeczytano pierwsze ${MAX_DISTRICTS}.`,
      en: `The page has over ${MAX_DISTRICTS} districts: the first ${MAX_DISTRICTS} were read.`,
    });
    districts = districts.slice(0, MAX_DISTRICTS);
  }
  if (districts.length === 0) {
    warnings.push({
      pl: 'Nie znaleziono żadnego rejonu. Każdy rejon powinien zaczynać się od „Rejon nr …” albo być wierszem tabeli z kolumną numeru rejonu.',
      en: 'No district was found. Each district should start with "Rejon nr …" or be a table row with a district number column.',
    });
  }
  const seen = new Set<number>();
  for (const district of districts) {
    if (seen.has(district.number))
      warnings.push({
        pl: `Rejon nr ${district.number} występuje więcej niż raz.`,
        en: `District ${district.number} appears more than once.`,
      });
    seen.add(district.number);
  }
  return { districts, warnings };
}
