import type { DistrictRule, StreetRule } from '../area/types.js';
import { closest } from './fuzzy.js';
import { foldTokens, keyOfTokens, localityKey, streetKey, streetKindOf, tailKey } from './normalize.js';
import { compileRange, compiledContains, rangesOverlap, type CompiledRange } from './number-ranges.js';

interface RuleEntry {
  districtId: string;
  rule: StreetRule;
  ranges: CompiledRange[] | null;
}

/*
 * Answers that do not depend on the house number are built once, sorted and frozen, and handed
 * out as they are: a lookup then allocates nothing and touches few objects of a register that
 * takes hundreds of megabytes (pointer chasing, not arithmetic, is what a lookup costs).
 */
interface StreetEntry {
  name: string;
  /** Whole-street rules as answers, best first. */
  whole: readonly AreaMatch[];
  /** Rules with house numbers; null when the street has none (the common case). */
  ranged: RuleEntry[] | null;
  /** Every part of a street split by numbers, for a question without a number. */
  parts: readonly AreaMatch[];
}

interface LocalityEntry {
  name: string;
  whole: readonly AreaMatch[];
  ranged: RuleEntry[] | null;
  streets: Map<string, StreetEntry>;
  /** Short street keys ("pilsudskiego") → the full key, or null when two streets share it. */
  tails: Map<string, string | null>;
}

const NONE: readonly AreaMatch[] = Object.freeze([]);

export interface AreaMatch {
  districtId: string;
  matchedBy: 'street' | 'locality';
  rule: StreetRule;
  /** Higher is more specific: street+numbers > whole street > locality+numbers > locality. */
  score: number;
}

export interface AreaLookup {
  /** Shared and frozen when they come from the index's prebuilt answers: read, do not change. */
  matches: readonly AreaMatch[];
  suggestions: string[];
}

interface HouseNo {
  number: number;
  suffix: string;
}

const TIER = { streetNumbers: 4, street: 3, localityNumbers: 2, locality: 1 };
const NUMBER_TOKEN = /^(\d{1,5})([a-z]?)$/;
const FLAT_WORDS = new Set(['m', 'lok', 'mieszk', 'mieszkanie', 'lokal']);
/** Segments such as "gm. Serniki", "woj. lubelskie", "Polska" name no locality of a rule. */
const ADMIN_WORDS = new Set(['gmina', 'gm', 'gminy', 'powiat', 'pow', 'woj', 'wojewodztwo', 'polska', 'poland']);

/**
 * Answers "which district covers this address?" from street rules held in memory. The most
 * specific rule wins; equally specific rules of several districts are all returned, best first.
 * Free text is read in the ways Polish addresses are written (town first or last, with or
 * without "ul.", commas or none, a flat number) and the reading that names a known town wins.
 */
export class AreaIndex {
  private readonly localities = new Map<string, LocalityEntry>();

  constructor(rules: readonly DistrictRule[]) {
    for (const rule of rules) this.add(rule.districtId, { locality: rule.locality, street: rule.street, numbers: rule.numbers });
    this.finish();
  }

  /**
   * The index of districts' rules as stored (the register at start-up): the rule objects are
   * kept as they are, not copied, which spares half a million objects at national scale.
   */
  static ofDistricts(districts: Iterable<{ id: string; rules: readonly StreetRule[] }>): AreaIndex {
    const index = new AreaIndex([]);
    for (const district of districts) for (const rule of district.rules) index.add(district.id, rule);
    index.finish();
    return index;
  }

  get localityCount(): number {
    return this.localities.size;
  }

  // The rules of a district mostly share a town: its entry is remembered between calls.
  private lastLocality: { name: string; entry: LocalityEntry } | null = null;

  private add(districtId: string, rule: StreetRule): void {
    let locality = this.lastLocality?.name === rule.locality ? this.lastLocality.entry : undefined;
    if (!locality) {
      const lKey = localityKey(rule.locality);
      locality = this.localities.get(lKey);
      if (!locality) {
        locality = { name: rule.locality, whole: [], ranged: null, streets: new Map(), tails: new Map() };
        this.localities.set(lKey, locality);
      }
      this.lastLocality = { name: rule.locality, entry: locality };
    }
    const owner: { whole: readonly AreaMatch[]; ranged: RuleEntry[] | null } = rule.street === null ? locality : this.street(locality, rule.street);
    if (rule.numbers) (owner.ranged ??= []).push({ districtId, rule, ranges: rule.numbers.map(compileRange) });
    else (owner.whole as AreaMatch[]).push(toMatch(districtId, rule, rule.street === null ? TIER.locality : TIER.street, 0));
  }

  private street(locality: LocalityEntry, name: string): StreetEntry {
    const { key } = streetKey(name);
    let street = locality.streets.get(key);
    if (!street) {
      street = { name, whole: [], ranged: null, parts: NONE };
      locality.streets.set(key, street);
      const tail = tailKey(key);
      if (tail !== key) locality.tails.set(tail, locality.tails.has(tail) && locality.tails.get(tail) !== key ? null : key);
    }
    return street;
  }

  /** Sorts and freezes the prebuilt answers once every rule is in. */
  private finish(): void {
    this.lastLocality = null;
    for (const locality of this.localities.values()) {
      locality.whole = Object.freeze(sortMatches(locality.whole as AreaMatch[]));
      for (const street of locality.streets.values()) {
        street.whole = Object.freeze(sortMatches(street.whole as AreaMatch[]));
        if (street.ranged) street.parts = Object.freeze(sortMatches(street.ranged.map((entry) => toMatch(entry.districtId, entry.rule, TIER.street, widest(entry)))));
      }
    }
  }

  /** Free text → districts (and close names when nothing matches). */
  locate(text: string): AreaLookup {
    const tokens = tokenize(text);
    if (tokens.length === 0) return { matches: [], suggestions: [] };
    const matches = this.firstReading(tokens, true);
    return matches ? { matches, suggestions: [] } : { matches: [], suggestions: this.suggest(tokens) };
  }

  /** Rules for an address already split into its parts. */
  locateParsed(address: { locality: string; street: string | null; number: HouseNo | null }): readonly AreaMatch[] {
    const street = address.street ? streetKey(address.street).key : null;
    return this.match(localityKey(address.locality), street, address.number);
  }

  /**
   * Tries the readings of the words in order of likelihood and returns the matches of the first
   * that names a known town and a rule (null if none does). Word ranges are joined in place
   * rather than sliced: this is the hot path of every lookup.
   */
  private firstReading(tokens: string[], useNumber: boolean): readonly AreaMatch[] | null {
    const group = useNumber ? findNumber(tokens) : null;
    const number = group ? group.number : null;
    const end = group ? group.start : tokens.length; // the words before the number: [0, end)
    const kindAt = kindWordAt(tokens, end);
    let result: readonly AreaMatch[] | null = null;
    // "Lubartów ul. Lubelska 5": the town is what comes before the street's kind word.
    if (kindAt > 0) result = this.found(joinWords(tokens, 0, kindAt), keyOfTokens(tokens, kindAt + 1, end), number);
    // "Lubelska 10, Łęczna": the town follows the number.
    if (!result && group && group.end < tokens.length) {
      const from = kindAt === 0 ? 1 : 0;
      result = this.found(joinWords(tokens, group.end, tokens.length), from < end ? keyOfTokens(tokens, from, end) : null, number);
    }
    if (!result && kindAt !== 0) {
      // "Serniki 12", "Wola Sernicka 5": a village address.
      const whole = joinWords(tokens, 0, end);
      if (this.localities.has(whole)) result = this.found(whole, null, number);
      // The town before the street ("Łęczna Lubelska 10") or after it ("Lubelska Łęczna").
      for (let k = Math.min(end - 1, 4); k >= 1 && !result; k--) {
        const prefix = joinWords(tokens, 0, k);
        if (this.localities.has(prefix)) result = this.found(prefix, keyOfTokens(tokens, k, end), number);
        const suffix = joinWords(tokens, end - k, end);
        if (!result && this.localities.has(suffix)) result = this.found(suffix, keyOfTokens(tokens, 0, end - k), number);
      }
    }
    // "Lublin 3 Maja": what looked like the house number may be part of the street's name.
    if (!result && group) result = this.firstReading(tokens, false);
    return result;
  }

  private found(locality: string, street: string | null, number: HouseNo | null): readonly AreaMatch[] | null {
    const matches = this.match(locality, street, number);
    return matches.length > 0 ? matches : null;
  }

  private match(lKey: string, sKey: string | null, number: HouseNo | null): readonly AreaMatch[] {
    const locality = this.localities.get(lKey);
    if (!locality) return NONE;
    let street: StreetEntry | undefined;
    if (sKey) {
      street = locality.streets.get(sKey);
      if (!street) {
        const full = locality.tails.get(sKey) ?? locality.tails.get(tailKey(sKey));
        if (full) street = locality.streets.get(full);
        // The register names the street by its last word ("Piłsudskiego") and the address in full ("Józefa Piłsudskiego").
        else street = locality.streets.get(tailKey(sKey));
      }
    }
    if (street) {
      if (number && street.ranged) {
        const ranged = rangedMatches(street.ranged, number, TIER.streetNumbers);
        if (ranged.length) return ranged;
      }
      if (street.whole.length) return street.whole;
      // A street split by numbers, asked without a number (or with one no rule covers): every part.
      if (!number && street.parts.length) return street.parts;
    } else if (sKey && locality.streets.size > 0 && locality.whole.length === 0 && locality.ranged === null) {
      return NONE;
    }
    if (number && locality.ranged) {
      const ranged = rangedMatches(locality.ranged, number, TIER.localityNumbers);
      if (ranged.length) return ranged;
    }
    return locality.whole;
  }

  /** Close names for a miss: streets of a recognised town, or towns themselves. */
  private suggest(tokens: string[]): string[] {
    const group = findNumber(tokens);
    const words = group ? [...tokens.slice(0, group.start), ...tokens.slice(group.end)] : tokens;
    const plain = words.filter((token) => streetKindOf(token) === undefined);
    for (let k = Math.min(plain.length, 4); k >= 1; k--) {
      const splits: [string[], string[]][] = [
        [plain.slice(0, k), plain.slice(k)],
        [plain.slice(plain.length - k), plain.slice(0, plain.length - k)],
      ];
      for (const [town, rest] of splits) {
        const locality = this.localities.get(town.join(' '));
        if (!locality) continue;
        if (rest.length === 0) return [];
        return closest(keyOfTokens(rest), locality.streets.keys(), 5).map(({ key }) => `${locality.name}, ${locality.streets.get(key)!.name}`);
      }
    }
    const queries = new Set<string>([plain.join(' ')]);
    for (let k = 1; k < plain.length && k <= 3; k++) {
      queries.add(plain.slice(0, k).join(' '));
      queries.add(plain.slice(plain.length - k).join(' '));
    }
    const found = new Map<string, number>();
    for (const query of queries) {
      for (const { key, distance } of closest(query, this.localities.keys(), 5)) {
        found.set(key, Math.min(found.get(key) ?? Infinity, distance));
      }
    }
    return [...found.entries()]
      .sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0]))
      .slice(0, 5)
      .map(([key]) => this.localities.get(key)!.name);
  }
}

function tokenize(text: string): string[] {
  // Postal codes ("21-100") say nothing the town does not; drop them before folding.
  const tokens = foldTokens(text.includes('-') ? text.replace(/\b\d{2}-\d{3}\b/g, ' ') : text);
  const result: string[] = [];
  let skipSegment = false;
  for (const token of tokens) {
    if (!token) continue;
    if (ADMIN_WORDS.has(token)) {
      skipSegment = true;
      continue;
    }
    if (skipSegment && !NUMBER_TOKEN.test(token)) continue;
    skipSegment = false;
    result.push(token);
  }
  return result;
}

/** The house number: the last number that follows a word, with its letter and a flat number after it. */
function findNumber(tokens: string[]): { start: number; end: number; number: HouseNo } | null {
  for (let i = tokens.length - 1; i >= 1; i--) {
    const match = NUMBER_TOKEN.exec(tokens[i]!);
    if (!match || NUMBER_TOKEN.test(tokens[i - 1]!)) continue;
    // "17 m. 4": the 4 is the flat; the house number comes before the flat word.
    if (FLAT_WORDS.has(tokens[i - 1]!) && i >= 2 && NUMBER_TOKEN.test(tokens[i - 2]!)) continue;
    let end = i + 1;
    let suffix = match[2]!;
    if (!suffix && /^[a-z]$/.test(tokens[end] ?? '') && !FLAT_WORDS.has(tokens[end]!)) suffix = tokens[end++]!;
    if (FLAT_WORDS.has(tokens[end] ?? '') && NUMBER_TOKEN.test(tokens[end + 1] ?? '')) end += 2;
    else if (NUMBER_TOKEN.test(tokens[end] ?? '')) end += 1;
    return { start: i, end, number: { number: Number(match[1]), suffix } };
  }
  return null;
}

/** Where a street's kind word ("ul.", "al.") stands among the first `end` words (not last); -1 if none. */
function kindWordAt(tokens: readonly string[], end: number): number {
  for (let i = 0; i < end - 1; i++) if (streetKindOf(tokens[i]!) !== undefined) return i;
  return -1;
}

/** tokens[from..to) joined by spaces. */
function joinWords(tokens: readonly string[], from: number, to: number): string {
  if (from >= to) return '';
  let text = tokens[from]!;
  for (let i = from + 1; i < to; i++) text += ' ' + tokens[i]!;
  return text;
}

function toMatch(districtId: string, rule: StreetRule, tier: number, width: number): AreaMatch {
  return { districtId, matchedBy: rule.street === null ? 'locality' : 'street', rule, score: tier - Math.min(width, 1e6) / 1e7 };
}

function widest(entry: RuleEntry): number {
  return entry.ranges ? Math.max(...entry.ranges.map((r) => r.width)) : 0;
}

function rangedMatches(entries: RuleEntry[], number: HouseNo, tier: number): AreaMatch[] {
  const result: AreaMatch[] = [];
  for (const entry of entries) {
    let width = Infinity;
    for (const range of entry.ranges!) if (compiledContains(range, number) && range.width < width) width = range.width;
    if (width !== Infinity) result.push(toMatch(entry.districtId, entry.rule, tier, width));
  }
  return sortMatches(result);
}

function sortMatches(matches: AreaMatch[]): AreaMatch[] {
  return matches.sort((a, b) => b.score - a.score || a.districtId.localeCompare(b.districtId));
}

/** Pairs of rules of different districts that claim some address at the same specificity. */
export function findOverlaps<T extends DistrictRule>(rules: readonly T[]): { a: T; b: T }[] {
  const groups = new Map<string, T[]>();
  for (const rule of rules) {
    const key = `${localityKey(rule.locality)}|${rule.street === null ? '' : streetKey(rule.street).key}`;
    const group = groups.get(key);
    if (group) group.push(rule);
    else groups.set(key, [rule]);
  }
  const pairs: { a: T; b: T }[] = [];
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    for (let i = 0; i < group.length; i++) {
      for (let j = i + 1; j < group.length; j++) {
        const a = group[i]!;
        const b = group[j]!;
        if (a.districtId === b.districtId) continue;
        const clash = a.numbers === null || b.numbers === null || a.numbers.some((x) => b.numbers!.some((y) => rangesOverlap(x, y)));
        if (clash) pairs.push({ a, b });
      }
    }
  }
  return pairs;
}

/** Address lookups per second for the benchmark (no thresholds in tests). */
export function measureLookupsPerSecond(index: AreaIndex, addresses: readonly string[], seconds = 1): number {
  let count = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  while (performance.now() < deadline) {
    for (let i = 0; i < 1000; i++) index.locate(addresses[count++ % addresses.length]!);
  }
  return count / ((performance.now() - started) / 1000);
}
