import type { Localized } from '../../../platform/i18n/i18n.js';
import type { StreetRule } from '../area/types.js';
import { isProse, localityName, notARule, streetKindOf, streetName } from './area-names.js';
import { NUMBER_START, readNumbers } from './area-numbers.js';

export { nominative } from './area-names.js';

/**
 * Reads the area descriptions police websites publish, in whatever shape they come:
 *   "Rejon służbowy nr 3 obejmuje ulice: Lubelską (parzyste od numeru 10 do numeru 120), …",
 *   "W skład rejonu wchodzi część ulicy Piłsudskiego (numery parzyste i nieparzyste do 31) …",
 *   "Bystrzyca, Zabłocie, Nowa Wieś", "Biłgoraj: ul. Krzeszowska, …; miejscowości: Sól",
 *   "teren gminy Niedźwiada" …
 * into street rules. No header word is needed: the lead ("obejmuje", "w skład rejonu wchodzą")
 * is dropped, and each item is a street when it has a kind word ("ul.", "Aleję", "os."), follows
 * "ulice:", or a town is known; otherwise a village. Names become the register's nominative.
 * Whatever cannot be a rule (a park, plots, "do Ronda …", a whole gmina) is listed as unresolved,
 * with a warning: it can only be drawn as a polygon.
 */

export interface UnresolvedFragment {
  fragment: string;
  message: Localized;
}

export interface AreaReading {
  rules: StreetRule[];
  warnings: Localized[];
  unresolved: UnresolvedFragment[];
}

const drawIt = (fragment: string): Localized => ({
  pl: `Nie da się zapisać „${fragment}” jako ulicy ani miejscowości: narysuj ten obszar na mapie (wielokąt) w edytorze rejonu.`,
  en: `"${fragment}" cannot be written as a street or a town: draw this area on the map (a polygon) in the district editor.`,
});

/** The lead of a description and other words that only introduce the list. */
const LEADS = [
  /obszar\s+rejonu(?:\s+służbow\w*)?\s*:?/giu,
  /(?:dzielnicowy\s+)?rejon\w*(?:\s+służbow\w*)?(?:\s+(?:nr\.?|numer)\s*\d+)?\s*(?:[:–-]\s*)?(?=obejmuj|odpowiada|$)/gimu,
  /w\s+skład\s+rejonu(?:\s+służbow\w*)?(?:\s+(?:nr\.?|numer)\s*\d+)?/giu,
  /do\s+rejonu(?:\s+służbow\w*)?(?:\s+(?:nr\.?|numer)\s*\d+)?(?=\s+należ)/giu,
  /(?<!\p{L})(?:obejmuj\w*|odpowiada\s+za|należ[ąy]|wchodz[ąi])(?:\s+w\s+szczególności)?\s*:?/giu,
];

/** Abbreviations a full stop follows without ending the sentence. */
const ABBREVIATIONS = new Set([
  'ul',
  'al',
  'pl',
  'os',
  'gen',
  'ks',
  'św',
  'sw',
  'marsz',
  'prof',
  'dr',
  'bp',
  'abp',
  'kard',
  'mjr',
  'płk',
  'kpt',
  'por',
  'ppor',
  'hr',
  'im',
  'nr',
  'st',
  'mł',
  'sierż',
  'asp',
  'szt',
  'post',
  'kom',
  'podkom',
  'nadkom',
  'tel',
  'dz',
  'm',
  'lok',
  'str',
  'kol',
  'ew',
]);

/** Sentences and list items; parentheses stay whole, conjunctions between names split. */
function splitItems(text: string): string[] {
  const groups: string[] = [];
  // Parentheses are masked so nothing inside them splits. (?<!\s) keeps runs of white space linear.
  let masked = text.replace(/\([^()]*\)/g, (group) => `\uE000${groups.push(group) - 1}\uE001`);
  masked = masked.replace(/(?<!\p{L})(\p{L}+)\.\s+(?=\p{Lu})/gu, (whole, word: string) =>
    ABBREVIATIONS.has(word.toLowerCase()) ? whole : `${word}\n`,
  );
  masked = masked.replace(new RegExp(String.raw`(?<!\s)\s+(?:oraz|a także)\s+(?!${NUMBER_START})`, 'giu'), '\n');
  masked = masked.replace(/(?<!\s)\s+i\s+(?=\p{Lu}|ul\.|ulic|al\.|pl\.|os\.|miejscow|wie[sś])/gu, '\n');
  return masked
    .split(/[,;\n•·▪●]/)
    .map((part) => part.replace(/\uE000(\d+)\uE001/g, (_m, i: string) => groups[Number(i)]!))
    .map((part) =>
      part
        .replace(/^\s*(?:[-–—*]|\d+[.)])\s+/, '')
        .replace(/[.:]\s*$/, '')
        .trim(),
    )
    .filter(Boolean);
}

/** "Kwiatową 4, 6": the name ends before the numbers; "Plac 3 Maja" keeps its number. */
function splitName(item: string): { name: string; numbers: string } {
  const match =
    /^(.*?)(\s+(?:\(|od\s|do\s|nr\.?\s*\d|nr\s|numery?\s|numerów|o numerach|parzyst|nieparzyst|bloki|strona\s|str\.\s|cała|w całości|bez\s|z wyjątkiem|[-–—]\s+(?=\p{Ll}|\d)|\d+[a-zA-Z]?(?![\p{L}\d])(?!\s+\p{Lu})).*)$/u.exec(
      item,
    );
  if (!match || !match[1]!.trim()) return { name: item.trim(), numbers: '' };
  return { name: match[1]!.trim(), numbers: match[2]!.trim() };
}

// No "i" flag: \p{Lu} must stay upper case ("3 Maja" is a name, "8 oraz od 12" numbers).
const CONTINUATION =
  /^(?:\d+[a-zA-Z]?(?![\p{L}\d])(?!\s+\p{Lu})|[Oo]raz\s|i\s+od|[Oo]d\s+(?:nr|numeru|\d)|[Dd]o\s+(?:nr|numeru|\d|końca)|(?:[Nn]umery\s+|[Ss]trona\s+)?(?:[Nn]ie)?[Pp]arzyst\p{L}*|[Nn]r\.?\s*\d|[Nn]umer)/u;
const NAME = String.raw`\p{Lu}[\p{L}-]*(?:\s+(?:nad|pod|\p{Lu}[\p{L}-]*)){0,3}`;

/** Limits that keep a hostile text from costing time: far above any district's description. */
const MAX_ITEMS = 5000;
const MAX_ITEM_LENGTH = 1000;

type Mode = 'streets' | 'localities' | null;

interface Entry {
  kind: 'street' | 'locality';
  town: string | undefined;
  name: string;
  genitive: boolean;
  prefix: string;
  numbers: string;
  source: string;
}

/**
 * Lines a unit's web page adds around the text (a saved page keeps them): when and by whom it was
 * published, counters, print and back links. They name no street or village.
 */
const PAGE_METADATA =
  /^ *(?:data (?:publikacji|aktualizacji|wytworzenia|modyfikacji)|opublikowano|zaktualizowano|autor|źródło|wytworzył[a-z]*|udostępnił[a-z]*|wprowadził[a-z]*|liczba (?:odsłon|wyświetleń)|drukuj|powrót|wersja do druku)(?=[\s:.]|$).*$/gimu;

export function parseAreaText(text: string, defaultLocality?: string): AreaReading {
  const warnings: Localized[] = [];
  const rules: StreetRule[] = [];
  const unresolved: UnresolvedFragment[] = [];
  const leaveOut = (fragment: string, message = drawIt(fragment)) => {
    unresolved.push({ fragment, message });
    warnings.push(message);
  };

  let cleaned = text
    .replace(/\*\*/g, '')
    .replace(/\r/g, '')
    .replace(/[ \t\u00a0]+/g, ' ')
    .replace(PAGE_METADATA, '');
  // "w miejscowości Łęczna": a hint of the town the streets belong to.
  const hint = new RegExp(String.raw`w miejscowości\s+(${NAME})`, 'u').exec(cleaned)?.[1];
  for (const lead of LEADS) cleaned = cleaned.replace(lead, '\n');

  let mode: Mode = null;
  let town = defaultLocality?.trim() || hint;
  const entries: Entry[] = [];
  const items = splitItems(cleaned);
  if (items.length > MAX_ITEMS) {
    warnings.push({
      pl: `Opis ma ponad ${MAX_ITEMS} pozycji: przeczytano pierwsze ${MAX_ITEMS}.`,
      en: `The description has over ${MAX_ITEMS} items: the first ${MAX_ITEMS} were read.`,
    });
  }
  for (const raw of items.slice(0, MAX_ITEMS)) {
    // An item this long is no street or village name (and would only cost time to read).
    if (raw.length > MAX_ITEM_LENGTH) {
      leaveOut(`${raw.slice(0, 200)}…`);
      continue;
    }
    let item = raw;
    // Words that open a list or name the town of the streets that follow.
    for (let again = true; again && item;) {
      again = false;
      let m: RegExpExecArray | null;
      if ((m = /^(?:(?:ulice|ulic|ulicach)(?!\p{L})\s*:?|ulica\s*:)\s*/iu.exec(item))) {
        mode = 'streets';
      } else if ((m = /^(?:miejscowości|miejscowosci|wsie|wsi|sołectwa|sołectw|wioski)(?!\p{L})\s*:?\s*/iu.exec(item))) {
        mode = 'localities';
      } else if (
        (m = new RegExp(
          String.raw`^(?:[Ww]\s+)?(?:[Mm]iejscowości|[Mm]iejscowość|[Mm]ieście|[Mm]iasto|[Cc]ałe miasto|[Ww]ieś|[Ww]si|[Ss]ołectwo)\s+(${NAME})\s*(?::|\s[–—-]|(?=\s*(?:ulice|ul\.|ulica|al\.|os\.)))\s*(?:ulice\s*:?\s*)?`,
          'u',
        ).exec(item)) &&
        item.length > m[0].length
      ) {
        town = m[1]!;
        mode = 'streets';
      } else if ((m = /^(?:miejscowość|miasto|całe miasto|wieś|sołectwo)\s+/iu.exec(item))) {
        const name = localityName(item.slice(m[0].length));
        if (/^(?:miasto|całe)/i.test(m[0])) town = name;
        item = '';
        entries.push({ kind: 'locality', town: undefined, name, genitive: false, prefix: '', numbers: '', source: raw });
        break;
      } else if (
        (m = new RegExp(String.raw`^(${NAME})\s*(?::\s*|\s[–—-]\s+(?=ul\.|ulic|al\.|pl\.|os\.))`, 'u').exec(item)) &&
        item.length > m[0].length &&
        !streetKindOf(item)
      ) {
        town = m[1]!;
        mode = 'streets';
      } else if ((m = new RegExp(String.raw`^(${NAME})\s+ulice\s*:?\s*`, 'u').exec(item))) {
        town = m[1]!;
        mode = 'streets';
      }
      if (m) {
        if (!item) break;
        item = item.slice(m[0].length).trim();
        again = true;
      }
    }
    if (!item) continue;

    const last = entries[entries.length - 1];
    if (last && CONTINUATION.test(item) && !notARule(item)) {
      last.numbers += `, ${item}`;
      continue;
    }
    if (/^(?:teren|obszar|całą|cała|cały)?\s*gmin[ayęą]\s/iu.test(item)) {
      leaveOut(item, {
        pl: `„${item}”: obszaru gminy nie da się zapisać jako reguły. Wymień jej miejscowości albo narysuj obszar na mapie (wielokąt) w edytorze rejonu.`,
        en: `"${item}": the area of a gmina cannot be written as a rule. List its towns or draw the area on the map (a polygon) in the district editor.`,
      });
      continue;
    }
    const kind = streetKindOf(item);
    if (!kind && notARule(item.replace(/\([^()]*\)/g, ' '))) {
      leaveOut(item);
      continue;
    }
    if (kind) {
      const { name, numbers } = splitName(kind.rest);
      entries.push({ kind: 'street', town, name, genitive: kind.genitive, prefix: kind.prefix, numbers, source: raw });
      continue;
    }
    const { name, numbers } = splitName(item);
    const asStreet = mode === 'streets' || (mode === null && town !== undefined);
    entries.push({ kind: asStreet ? 'street' : 'locality', town, name, genitive: false, prefix: '', numbers, source: raw });
  }

  for (const entry of entries) {
    const display = entry.kind === 'street' ? entry.prefix + streetName(entry.name, entry.genitive) : localityName(entry.name);
    // Longer than the register keeps (a town 100 characters, a street 150): prose, not a name.
    const tooLong = display.length > (entry.kind === 'street' ? 150 : 100) || (entry.town?.length ?? 0) > 100;
    if (!entry.name || tooLong || isProse(entry.name) || notARule(entry.name)) {
      leaveOut(entry.source);
      continue;
    }
    const numbers = entry.numbers ? readNumbers(entry.numbers, display, warnings) : { ranges: null, unread: [] };
    if (numbers.unread.length > 0) {
      unresolved.push({
        fragment: entry.source,
        message: {
          pl: `Przy „${display}” nie rozpoznano numerów: ${numbers.unread.join('; ')}.`,
          en: `The numbers of "${display}" could not be read: ${numbers.unread.join('; ')}.`,
        },
      });
    }
    if (entry.kind === 'locality') {
      rules.push({ locality: display, street: null, numbers: numbers.ranges });
      continue;
    }
    if (!entry.town) {
      const message = {
        pl: `Nie wiadomo, w której miejscowości leży ulica „${display}”: podaj miejscowość.`,
        en: `It is not known which town the street "${display}" is in: give the town.`,
      };
      warnings.push(message);
      unresolved.push({ fragment: entry.source, message });
      continue;
    }
    rules.push({ locality: entry.town, street: display, numbers: numbers.ranges });
  }
  if (rules.length === 0) {
    warnings.unshift({
      pl: 'Nie rozpoznano żadnej ulicy ani miejscowości.',
      en: 'No street or town was recognised; nothing was recognised as a rule.',
    });
  }
  return { rules, warnings, unresolved };
}
