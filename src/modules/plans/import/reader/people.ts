/**
 * Who and where: the officer (rank and name, beside the district, in a signature or in "za działania
 * odpowiada dzielnicowy sierż. …") and the police unit (full names in any case, and the
 * abbreviations KMP, KPP, KRP, KP, PP), as today's nominative unit name.
 */
import type { Span } from './text.js';

/** Police ranks as written in full or abbreviated (stopień). */
const RANK =
  /(?<![\p{L}.])(?:(?:st\.|mł\.|starsz\p{L}{1,3}|młodsz\p{L}{1,3})\s{0,2})?(?:sierż(?:ant\p{L}{0,2}|\.)|aspirant\p{L}{0,2}|asp\.|posterunkow\p{L}{1,3}|post\.|kapral\p{L}{0,2}|kpr\.|podkomisarz\p{L}{0,2}|podkom\.|nadkomisarz\p{L}{0,2}|nadkom\.|komisarz\p{L}{0,2}|kom\.|podinspektor\p{L}{0,2}|podinsp\.|inspektor\p{L}{0,2}|insp\.)(?:\s{1,2}(?:szt\.|sztabow\p{L}{1,3}))?(?:\s{0,2}Pol\.)?/giu;
/** Two or three capitalised words (no `i` flag: \p{Lu} must stay upper case). */
const NAME =
  /\s{0,2}(\p{Lu}[\p{Ll}]{1,20}(?:-\p{Lu}[\p{Ll}]{1,20})?|\p{Lu}{2,20})(?:[ ]{1,2}(\p{Lu}[\p{Ll}]{1,20}(?:-\p{Lu}[\p{Ll}]{1,20})?|\p{Lu}{2,20})){1,2}/uy;
const NOT_NAMES =
  /^(?:Policji|Komend\p{L}*|Komisariat\p{L}*|Posterun\p{L}*|Rejon\p{L}*|Urz\p{L}*|Gmin\p{L}*|Miast\p{L}*|Wydział\p{L}*|Zesp\p{L}*|Rewir\p{L}*|Dzielnicow\p{L}*|KPP|KMP|KP|PP)$/iu;

export interface OfficerFound extends Span {
  rank: string;
  name: string;
  /** Near "dzielnicowy" or in a signature: the plan's officer rather than a commander quoted. */
  strong: boolean;
}

export function findOfficers(text: string, from = 0, to = text.length): OfficerFound[] {
  const found: OfficerFound[] = [];
  RANK.lastIndex = from;
  for (let m = RANK.exec(text); m && m.index < to; m = RANK.exec(text)) {
    NAME.lastIndex = m.index + m[0].length;
    const n = NAME.exec(text);
    if (!n || n.index + n[0].length > to) continue;
    const words = n[0].trim().split(/\s+/);
    // Stop at the first word that is not a name ("asp. Jan Nowak Komisariat Policji …").
    const cut = words.findIndex((w) => NOT_NAMES.test(w));
    const name = (cut < 0 ? words : words.slice(0, cut)).slice(0, 3);
    if (name.length < 2) continue;
    const end = text.indexOf(name[name.length - 1]!, m.index + m[0].length) + name[name.length - 1]!.length;
    const before = text.slice(Math.max(from, m.index - 60), m.index).toLowerCase();
    const after = text.slice(end, Math.min(to, end + 3));
    const strong = /dzielnicow|opracował|sporządził|przygotował|odpowiada|realizuje|podpis/u.test(before) || /^\s*(?:\n|$)/.test(after);
    found.push({ start: m.index, end, rank: m[0].replace(/\s+/g, ' ').trim(), name: name.join(' '), strong });
    RANK.lastIndex = end;
  }
  return found;
}

/** Unit names in any case → nominative: "Komendy Powiatowej Policji w Łęcznej" → "Komenda Powiatowa Policji w Łęcznej". */
export function unitNominative(name: string): string {
  return name
    .replace(/^Komend\p{L}*/u, 'Komenda')
    .replace(/^Komisaria\p{L}*/u, 'Komisariat')
    .replace(/^Posterun\p{L}*/u, 'Posterunek')
    .replace(/Powiatow\p{L}*/u, 'Powiatowa')
    .replace(/Miejsk\p{L}*/u, 'Miejska')
    .replace(/Rejonow\p{L}*/u, 'Rejonowa')
    .replace(/Wojewódzk\p{L}*/u, 'Wojewódzka')
    .replace(/Stołeczn\p{L}*/u, 'Stołeczna')
    .replace(/\s+/g, ' ')
    .trim();
}

const PLACE = '\\p{Lu}[\\p{L}]{1,30}(?:[ -]\\p{Lu}[\\p{L}]{1,30})?';
const UNIT = new RegExp(
  `(?<![\\p{L}])(?:(?<full>(?:Komend\\p{L}*\\s{1,3}(?:Powiatow|Miejsk|Rejonow|Wojewódzk|Stołeczn)\\p{L}*|Komisaria\\p{L}*|Posterun\\p{L}*)\\s{1,3}Policji(?:\\s{1,3}(?:[IVX]{1,4}|Nr\\s{0,2}\\d{1,2}))?)|(?<abbr>KMP|KPP|KRP|KP|PP)(?:\\s{1,3}(?<nr>[IVX]{1,4}))?)\\s{1,3}(?<w>w\\s{1,3})?(?<place>${PLACE})`,
  'gu',
);
const ABBREVIATIONS: Record<string, string> = {
  KMP: 'Komenda Miejska Policji',
  KPP: 'Komenda Powiatowa Policji',
  KRP: 'Komenda Rejonowa Policji',
  KP: 'Komisariat Policji',
  PP: 'Posterunek Policji',
};

const STOP =
  /^(?:Komend|Komisariat|Posterun|Policj|Rejon|Rewir|Dzielnic|Plan|Informacj|Za|Na|Od|Do|W|I|Z|Dnia|Sierż|Asp|St|Mł|Post|Kom|Podkom|Zesp|Wydzia|Ul|Os|Gmin|Miast|Powiat|Sołectw|Dla)/u;

export interface UnitFound extends Span {
  name: string;
}

/** The units named in `text[from, to)`, as nominative names. */
export function findUnits(text: string, from = 0, to = text.length): UnitFound[] {
  const found: UnitFound[] = [];
  UNIT.lastIndex = from;
  for (let m = UNIT.exec(text); m && m.index < to; m = UNIT.exec(text)) {
    const g = m.groups!;
    // An abbreviation needs "w" before the place ("KPP w Łęcznej"): "KPP Łęczna" has no locative to keep.
    if (g.abbr && !g.w) continue;
    // "w Białej Podlaskiej" keeps its second word; "w Łęcznej Plan …" or "w Łęcznej Dzielnicowy" does not.
    const words = g.place!.split(' ');
    const place = words.length > 1 && STOP.test(words[1]!) ? words[0]!.replace(/-$/, '') : g.place!;
    const head = g.full ? unitNominative(g.full) : `${ABBREVIATIONS[g.abbr!]!}${g.nr ? ` ${g.nr}` : ''}`;
    const name = `${head}${g.w ? ' w ' : ' '}${place}`;
    const end = m.index + m[0].length - (g.place!.length - place.length);
    found.push({ start: m.index, end, name: name.replace(/\s+/g, ' ').trim() });
  }
  return found;
}
