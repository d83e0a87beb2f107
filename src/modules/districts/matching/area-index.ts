import type { DistrictRule, StreetRule } from '../area/types.js';
import { findNumber, joinWords, kindWordAt, tokenize, type HouseNo } from './address-words.js';
import { NearNames } from './near-names.js';
import { keyOfTokens, localityKey, streetKey, streetKindOf, tailKey } from './normalize.js';
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
  key: string;
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
  /** Likely typos of names we hold (the rule in near-names.ts), as addresses to search. */
  suggestions: string[];
  /** A town alone: every district with a rule in it, with those rules (to pick one by street). */
  town?: { name: string; districts: { districtId: string; rules: StreetRule[] }[] };
  /** A street without its town, held by exactly one town: the town assumed for `matches`. */
  assumedLocality?: string;
  /** A street without its town that several towns have: each town's districts for it (up to 20), and how many towns. */
  choices?: { towns: number; list: { locality: string; street: string; districtIds: string[] }[] };
  /** No town we hold was named: the words that name the place (folded), and whether it is a place `places` knows. */
  place?: { key: string; known: boolean };
}

/** Names of places outside the register (towns, counties), folded: they are never typos of ours. */
export interface KnownPlaces {
  has(key: string): boolean;
}

const MAX_CHOICES = 20;

const TIER = { streetNumbers: 4, street: 3, localityNumbers: 2, locality: 1 };
/**
 * Answers "which district covers this address?" from street rules held in memory. The most
 * specific rule wins; equally specific rules of several districts are all returned, best first.
 * Free text is read in the ways Polish addresses are written (town first or last, with or
 * without "ul.", commas or none, a flat number) and the reading that names a known town wins.
 */
export class AreaIndex {
  private readonly localities = new Map<string, LocalityEntry>();
  /** Street key → the towns that have a street of that name (a street asked without its town). */
  private readonly streetTowns = new Map<string, LocalityEntry[]>();
  private localityNames = new NearNames([]);
  private streetNames = new NearNames([]);

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
        locality = { key: lKey, name: rule.locality, whole: [], ranged: null, streets: new Map(), tails: new Map() };
        this.localities.set(lKey, locality);
      }
      this.lastLocality = { name: rule.locality, entry: locality };
    }
    const owner: { whole: readonly AreaMatch[]; ranged: RuleEntry[] | null } =
      rule.street === null ? locality : this.street(locality, rule.street);
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
        if (street.ranged)
          street.parts = Object.freeze(
            sortMatches(street.ranged.map((entry) => toMatch(entry.districtId, entry.rule, TIER.street, widest(entry)))),
          );
      }
      for (const key of locality.streets.keys()) {
        const towns = this.streetTowns.get(key);
        if (towns) towns.push(locality);
        else this.streetTowns.set(key, [locality]);
      }
    }
    this.localityNames = new NearNames(this.localities.keys());
    this.streetNames = new NearNames(this.streetTowns.keys());
  }

  /**
   * Free text → districts. When no reading names a town and a rule: a town alone lists its
   * districts, a street alone is answered in the one town that has it (or its towns are listed),
   * a place we do not hold is named as such, and only likely typos of our names are suggested.
   */
  locate(text: string, places?: KnownPlaces): AreaLookup {
    const tokens = tokenize(text);
    if (tokens.length === 0) return { matches: NONE, suggestions: [] };
    const matches = this.firstReading(tokens, true);
    return matches ? { matches, suggestions: [] } : this.miss(tokens, places);
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

  /** What to answer when no reading of the words names a town and a rule of it. */
  private miss(tokens: string[], places: KnownPlaces | undefined): AreaLookup {
    const group = findNumber(tokens);
    const number = group ? group.number : null;
    const words = group ? [...tokens.slice(0, group.start), ...tokens.slice(group.end)] : tokens;
    const plain = words.filter((token) => streetKindOf(token) === undefined);
    if (plain.length === 0) return { matches: NONE, suggestions: [] };
    const town = this.localities.get(plain.join(' '));
    if (town) return { matches: NONE, suggestions: [], town: { name: town.name, districts: townDistricts(town) } };

    const street = this.streetAlone(keyOfTokens(plain), number);
    if (street) return street;

    // The words that may name the town: the longest first, from the start or the end; only those
    // before the street's kind word when there is one ("Kelów, ul. Polna 5": "kelow", not "kelow polna").
    const kindAt = kindWordAt(words, words.length);
    const candidates: { town: string; rest: string[] }[] = [];
    for (let k = Math.min(kindAt > 0 ? kindAt : plain.length, 4); k >= 1; k--) {
      candidates.push({ town: plain.slice(0, k).join(' '), rest: plain.slice(k) });
      if (kindAt <= 0) candidates.push({ town: plain.slice(plain.length - k).join(' '), rest: plain.slice(0, plain.length - k) });
    }
    for (const { town: name, rest } of candidates) {
      const locality = this.localities.get(name);
      if (!locality) continue;
      if (rest.length === 0) return { matches: NONE, suggestions: [] };
      const near = this.streetNames.near(keyOfTokens(rest), 50).filter(({ name: key }) => locality.streets.has(key));
      return {
        matches: NONE,
        suggestions: near.slice(0, 5).map(({ name: key }) => `${locality.name}, ${locality.streets.get(key)!.name}`),
      };
    }
    // A real place we do not hold is never "corrected" into one of ours (Kraków is not a typo of Klarów).
    const known = places ? candidates.find(({ town: name }) => places.has(name)) : undefined;
    if (known) return { matches: NONE, suggestions: [], place: { key: known.town, known: true } };

    const found = new Map<string, number>();
    for (const name of new Set(candidates.map((candidate) => candidate.town))) {
      for (const { name: key, distance } of this.localityNames.near(name)) found.set(key, Math.min(found.get(key) ?? Infinity, distance));
    }
    const suggestions = [...found.entries()]
      .sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0]))
      .slice(0, 5)
      .map(([key]) => this.localities.get(key)!.name);
    if (suggestions.length > 0) return { matches: NONE, suggestions };
    // "Pcim, ul. Długa 5": the words before the street's kind word name a place we do not hold.
    return kindAt > 0
      ? { matches: NONE, suggestions: [], place: { key: joinWords(words, 0, kindAt), known: false } }
      : { matches: NONE, suggestions: [] };
  }

  /** A street asked without its town: answered in the one town that has it, or its towns listed. */
  private streetAlone(key: string, number: HouseNo | null): AreaLookup | null {
    const towns = this.streetTowns.get(key);
    if (!towns) return null;
    if (towns.length === 1) {
      const matches = this.match(towns[0]!.key, key, number);
      return matches.length > 0 ? { matches, suggestions: [], assumedLocality: towns[0]!.name } : null;
    }
    const list: { locality: string; street: string; districtIds: string[] }[] = [];
    for (const town of towns) {
      if (list.length === MAX_CHOICES) break;
      const districtIds = [...new Set(this.match(town.key, key, number).map((match) => match.districtId))];
      if (districtIds.length > 0) list.push({ locality: town.name, street: town.streets.get(key)!.name, districtIds });
    }
    list.sort((a, b) => a.locality.localeCompare(b.locality, 'pl'));
    return list.length > 0 ? { matches: NONE, suggestions: [], choices: { towns: towns.length, list } } : null;
  }
}

/** Every district with a rule in a town, with its rules there, in the order they were added. */
function townDistricts(locality: LocalityEntry): { districtId: string; rules: StreetRule[] }[] {
  const byDistrict = new Map<string, StreetRule[]>();
  const add = (districtId: string, rule: StreetRule) => {
    const rules = byDistrict.get(districtId);
    if (rules) {
      if (!rules.includes(rule)) rules.push(rule);
    } else byDistrict.set(districtId, [rule]);
  };
  const addOwner = (owner: { whole: readonly AreaMatch[]; ranged: RuleEntry[] | null }) => {
    for (const match of owner.whole) add(match.districtId, match.rule);
    for (const entry of owner.ranged ?? []) add(entry.districtId, entry.rule);
  };
  addOwner(locality);
  for (const street of locality.streets.values()) addOwner(street);
  return [...byDistrict.entries()].map(([districtId, rules]) => ({ districtId, rules }));
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
