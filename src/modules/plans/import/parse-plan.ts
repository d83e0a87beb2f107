import type { Localized } from '../../../platform/i18n/i18n.js';
import { findPeriod, findTimeFrame } from './time-frames.js';

/** A plan document read into its parts (not yet saved): the shape of POST /api/v1/plans/parse. */
export interface ParsedPlan {
  unit: string | null;
  districtNumber: number | null;
  period: { from: string; to: string } | null;
  threat: { description: string };
  goal: { description: string; target: { direction: 'decrease' | 'increase'; percent: number } | null };
  actions: { description: string; from: string | null; to: string | null }[];
  partners: { name: string; tasks: string }[];
  communication: string[];
  signature: string | null;
  warnings: Localized[];
}

export class NotAPlanError extends Error {
  constructor(readonly missing: number[]) {
    super('not a priority action plan');
  }
}

/** The five sections of the official template, recognised by their key words in any case. */
const sectionPatterns: RegExp[] = [
  /^charakterystyk\p{L}*|zdiagnozowan\p{L}* zagroże|^opis zagroże|^diagnoza/iu,
  /^(zakładan\p{L}* )?cel(e|u)?\b|^cel(e)? (do osiągnięcia|działania)/iu,
  /^(proponowane |planowane )?działani\p{L}*( wraz| i terminy| priorytetow|:|\.|$)|^harmonogram/iu,
  /^podmiot\p{L}* współpracując|^partner\p{L}*|^współpracując\p{L}* podmiot/iu,
  /^(proponowany )?spos[óo]b\p{L}* (przekaz|informowan)|^informowanie społeczno|^przekazywanie informacji/iu,
];

export const sectionNames: Localized[] = [
  { pl: 'Charakterystyka zdiagnozowanego zagrożenia', en: 'Description of the diagnosed threat' },
  { pl: 'Zakładany cel do osiągnięcia', en: 'Intended goal' },
  { pl: 'Proponowane działania wraz z terminami realizacji', en: 'Proposed actions with deadlines' },
  { pl: 'Podmioty współpracujące', en: 'Partner organisations' },
  { pl: 'Sposób przekazania społeczności informacji', en: 'How residents are informed' },
];

const BULLET = /^\s*(?:[·•▪●◦‣∙*]|[-–—](?=\s)|\d{1,2}[.)](?=\s)|[a-z][)](?=\s))\s*/u;
const RANKS = '(?:st\\.\\s*|mł\\.\\s*|starszy\\s+|młodszy\\s+)?(?:sierż(?:ant|\\.)|aspirant(?:\\s+sztabowy)?|asp\\.(?:\\s*szt\\.)?|posterunkowy|post\\.|kapral|kpr\\.|podkomisarz|podkom\\.|komisarz|kom\\.|nadkomisarz|nadkom\\.|podinspektor|podinsp\\.|inspektor|insp\\.)';
const SIGNATURE = new RegExp(`^${RANKS}\\s+[\\p{Lu}][\\p{L}-]+(?:\\s+[\\p{Lu}][\\p{L}-]+){1,2}\\.?$`, 'iu');

/** Unit names in any case → nominative: "Komendy Powiatowej Policji w Łęcznej" → "Komenda Powiatowa Policji w Łęcznej". */
export function unitNominative(name: string): string {
  return name
    .replace(/^Komend\p{L}*/u, 'Komenda')
    .replace(/^Komisariat\p{L}*/u, 'Komisariat')
    .replace(/^Posterun\p{L}*/u, 'Posterunek')
    .replace(/Powiatow\p{L}*/u, 'Powiatowa')
    .replace(/Miejsk\p{L}*/u, 'Miejska')
    .replace(/Rejonow\p{L}*/u, 'Rejonowa')
    .replace(/Wojewódzk\p{L}*/u, 'Wojewódzka')
    .replace(/Stołeczn\p{L}*/u, 'Stołeczna')
    .replace(/\s+/g, ' ')
    .trim();
}

const UNIT = /((?:Komend\p{L}*\s+(?:Powiatow|Miejsk|Rejonow|Wojewódzk|Stołeczn)\p{L}*|Komisariat\p{L}*|Posterun\p{L}*)\s+Policji\s+w\s+[\p{Lu}][\p{L}-]+(?:\s+[\p{Lu}][\p{L}-]+)?)/u;

function clean(text: string): string {
  return text
    .replace(/\r/g, '')
    .replace(/\*\*|__/g, '')
    .replace(/[\u00a0\t]/g, ' ')
    .replace(/[ ]+$/gm, '');
}

function stripHeading(line: string): string {
  return line.replace(/^\s*(?:#+\s*)?(?:(?:\d|[IVX]{1,4})\s*[.)]\s*)?/, '').trim();
}

const ROMAN = ['I', 'II', 'III', 'IV', 'V'];

/** Bulleted items; lines without a bullet continue the item unless they start a new sentence. */
export function splitItems(lines: string[]): { items: string[]; bulleted: boolean } {
  const items: string[] = [];
  let bulleted = false;
  for (const raw of lines) {
    const line = raw.trim();
    if (!line) continue;
    if (BULLET.test(line)) {
      bulleted = true;
      items.push(line.replace(BULLET, '').trim());
      continue;
    }
    const previous = items[items.length - 1];
    const newSentence = /^[\p{Lu}"„]/u.test(line) && (previous === undefined || /[.:;!?]$/.test(previous));
    if (previous === undefined || newSentence) items.push(line);
    else items[items.length - 1] = `${previous} ${line}`;
  }
  return { items: items.map((item) => item.replace(/\s+/g, ' ').trim()).filter(Boolean), bulleted };
}

function sentences(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+(?=[\p{Lu}„"])/u)
    .map((s) => s.trim())
    .filter(Boolean);
}

function trimItem(text: string): string {
  return text.replace(/^[\s,;:–—-]+|[\s,;–—-]+$/g, '').trim();
}

/** "Zmniejszenie … o 20 procent", "spadek o 50%", "wzrost … o 10 proc." */
export function findTarget(goal: string): ParsedPlan['goal']['target'] {
  const match = /\b(zmniejsz|ogranicz|obniż|spad|redukc|zwiększ|wzrost|podwyższ|podnies)\p{L}*[^.]*?\bo\s+(\d{1,3}(?:[.,]\d+)?)\s*(%|procent|proc\.)/iu.exec(goal);
  if (!match) return null;
  const increase = /^(zwiększ|wzrost|podwyższ|podnies)/i.test(match[1]!);
  return { direction: increase ? 'increase' : 'decrease', percent: Number(match[2]!.replace(',', '.')) };
}

/** Name and tasks of a partner: split at a dash before a lower-case word, or at the first sentence end. */
export function splitPartner(item: string): { name: string; tasks: string } {
  const dash = /\s+[–—-]\s+(?=[\p{Ll}])/u.exec(item);
  const sentence = /\.\s+(?=[\p{Lu}])/u.exec(item);
  const cut = [dash, sentence].filter((m): m is RegExpExecArray => m !== null).sort((a, b) => a.index - b.index)[0];
  if (!cut) return { name: trimItem(item.replace(/\.$/, '')), tasks: '' };
  return { name: trimItem(item.slice(0, cut.index)), tasks: trimItem(item.slice(cut.index + cut[0].length)).replace(/[,.]$/, '') };
}

/**
 * Reads a published plan (plain text; the seeds in resources/seeds are real examples): the title
 * with the district and the period, then the five sections in order. Headings in other cases or
 * wordings, bullets, numbered lists, Markdown bold, blank lines and titles over several lines are
 * all tolerated; a missing section is empty with a warning. Throws NotAPlanError when fewer than
 * three sections can be found.
 */
export function parsePlan(input: string): ParsedPlan {
  const lines = clean(input).split('\n');
  const warnings: Localized[] = [];
  const headings: number[] = [];
  const inline: string[] = [];
  let from = 0;
  for (let section = 0; section < 5; section++) {
    headings[section] = -1;
    // A heading numbered as the section ("3. Proponowane działania") wins over a bare key word.
    const numbered = new RegExp(`^\\s*(?:#+\\s*)?(?:${section + 1}|${ROMAN[section]})\\s*[.)]`);
    const candidates = [...lines.keys()].filter((i) => i >= from);
    const ordered = [...candidates.filter((i) => numbered.test(lines[i]!)), ...candidates.filter((i) => !numbered.test(lines[i]!))];
    for (const i of ordered) {
      const stripped = stripHeading(lines[i]!);
      if (stripped.length === 0 || stripped.length > 300 || BULLET.test(lines[i]!.replace(/^\s*\d\s*[.)]/, ''))) continue;
      if (sectionPatterns[section]!.test(stripped)) {
        headings[section] = i;
        // "2. Zakładany cel: Zmniejszenie …" has its content on the heading line.
        const colon = stripped.indexOf(':');
        inline[section] = colon >= 0 ? stripped.slice(colon + 1).trim() : '';
        from = i + 1;
        break;
      }
    }
  }
  const found = headings.filter((h) => h >= 0).length;
  if (found < 3) throw new NotAPlanError(headings.map((h, i) => (h < 0 ? i + 1 : 0)).filter(Boolean));

  const firstHeading = Math.min(...headings.filter((h) => h >= 0));
  const header = lines.slice(0, firstHeading).join(' ').replace(/\s+/g, ' ');
  const whole = lines.join(' ').replace(/\s+/g, ' ');
  const contentOf = (section: number): string[] => {
    const start = headings[section]!;
    if (start < 0) {
      warnings.push({
        pl: `Brak sekcji ${section + 1} („${sectionNames[section]!.pl}”): pozostawiono ją pustą.`,
        en: `Section ${section + 1} ("${sectionNames[section]!.en}") is missing: it was left empty.`,
      });
      return [];
    }
    const next = headings.slice(section + 1).find((h) => h >= 0) ?? lines.length;
    return [inline[section] ?? '', ...lines.slice(start + 1, next)].filter((line) => line.trim() !== '');
  };

  const districtMatch = /rejon\p{L}*(?:\s+służbow\p{L}*)?\s+(?:nr|numer)\.?\s*(\d{1,4})/iu.exec(header) ?? /rejon\p{L}*(?:\s+służbow\p{L}*)?\s+(?:nr|numer)\.?\s*(\d{1,4})/iu.exec(whole);
  const period = findPeriod(header) ?? findPeriod(whole.slice(0, 2000));
  const unitMatch = UNIT.exec(header) ?? UNIT.exec(whole);
  if (!districtMatch) warnings.push({ pl: 'Nie znaleziono numeru rejonu.', en: 'No district number was found.' });
  if (!period) warnings.push({ pl: 'Nie znaleziono okresu planu („na okres od … do …”).', en: 'No plan period was found ("na okres od … do …").' });
  if (!unitMatch) warnings.push({ pl: 'Nie znaleziono nazwy jednostki Policji.', en: 'No police unit name was found.' });
  const year = period ? Number(period.from.slice(0, 4)) : undefined;

  const paragraphs = (section: number) => contentOf(section).map((line) => line.trim()).join('\n');
  const threat = paragraphs(0);
  const goal = paragraphs(1);

  const actions = splitItems(contentOf(2)).items.map((item) => {
    const frame = findTimeFrame(item, year);
    if (!frame) {
      warnings.push({ pl: `Nie rozpoznano terminu działania: „${item.slice(0, 80)}”.`, en: `No time frame recognised for the action: "${item.slice(0, 80)}".` });
      return { description: trimItem(item), from: null, to: null };
    }
    // Remove the time words and what they leave dangling ("… – termin realizacji .").
    const description = trimItem(
      item
        .replace(frame.text, ' ')
        .replace(/\s+/g, ' ')
        .replace(/\s*[–—-]?\s*termin realizacji\s*[–—:-]?\s*(?=\.?\s*$)/i, '')
        .replace(/\s*[–—-]\s*(?=\.?\s*$)/, '')
        .replace(/\s+([.,])/g, '$1'),
    );
    return { description: description.charAt(0).toUpperCase() + description.slice(1), from: frame.from, to: frame.to };
  });

  const partnerItems = splitItems(contentOf(3));
  if (!partnerItems.bulleted && partnerItems.items.length > 0) {
    warnings.push({ pl: 'Podmioty współpracujące nie są wypunktowane: zapisano je jako jedną pozycję.', en: 'The partners are not listed item by item: they were kept as one entry.' });
  }
  const partners = (partnerItems.bulleted ? partnerItems.items : partnerItems.items.length ? [partnerItems.items.join(' ')] : []).map(splitPartner);

  // The signature ("sierżant Krzysztof Turek") closes the document after the last section.
  const last = contentOf(4);
  let signature: string | null = null;
  const tail = last[last.length - 1]?.trim();
  if (tail && SIGNATURE.test(tail.replace(BULLET, ''))) {
    signature = tail.replace(BULLET, '').replace(/\.$/, '');
    last.pop();
  }
  const channelItems = splitItems(last);
  const communication = (channelItems.bulleted ? channelItems.items : channelItems.items.flatMap(sentences)).map((c) => trimItem(c).replace(/\.$/, '')).filter(Boolean);

  return {
    unit: unitMatch ? unitNominative(unitMatch[1]!) : null,
    districtNumber: districtMatch ? Number(districtMatch[1]) : null,
    period,
    threat: { description: threat },
    goal: { description: goal, target: findTarget(goal) },
    actions,
    partners,
    communication,
    signature,
    warnings,
  };
}

/** Every plan a document holds, in document order (one page may publish several); NotAPlanError when none. */
export function parsePlans(input: string): ParsedPlan[] {
  return [parsePlan(input)];
}
