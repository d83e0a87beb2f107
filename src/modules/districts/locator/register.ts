import type { StreetRule } from '../area/types.js';
import type { AreaLookup, KnownPlaces } from '../matching/area-index.js';
import type { MapOverview } from './map-overview.js';
import type { Place, PlaceDirectory } from './places.js';

/** What a resident needs about a district: the answer card of the locator and of public pages. */
export interface DistrictCard {
  id: string;
  number: number;
  name: string;
  url: string;
  unit: { id: string; name: string; url: string };
  phone: string | null;
  email: string | null;
  /** The officer to contact today; a substitute when one covers the district. */
  officer: { rank: string; name: string; substitute: boolean } | null;
  hasPolygon: boolean;
}

export type MatchedBy = 'street' | 'locality' | 'town' | 'polygon';

/** A unit whose territory contains a point (when no district polygon does). */
export interface UnitCard {
  id: string;
  name: string;
  url: string;
  /** 0 for the top unit; deeper units are more specific answers. */
  depth: number;
}

export interface LocateMatch {
  card: DistrictCard;
  matchedBy: MatchedBy;
  rule: StreetRule | null;
  /** A town alone: the district's rules in that town (its streets there). */
  townRules?: StreetRule[];
}

export interface AddressLookup {
  locate(text: string, places?: KnownPlaces): AreaLookup;
}

/** A street without its town, in one of the towns that have it. */
export interface StreetChoice {
  locality: string;
  street: string;
  /** The full address to search for this choice. */
  address: string;
  cards: DistrictCard[];
}

/** Every kind of answer to a typed address. */
export type AddressAnswer =
  | { kind: 'found'; matches: LocateMatch[]; assumedLocality: string | null }
  | { kind: 'town'; locality: string; matches: LocateMatch[] }
  | { kind: 'choices'; towns: number; choices: StreetChoice[] }
  | { kind: 'not_covered'; name: string; place: Place | null }
  | { kind: 'not_found'; suggestions: string[] };

export interface PointLookup {
  locate(lon: number, lat: number): string[];
}

/**
 * An immutable snapshot of the register for answering "whose district is this?" from memory:
 * built from the database at start-up and rebuilt when the register changes.
 */
export class Register {
  constructor(
    readonly version: number,
    readonly day: string,
    private readonly cards: ReadonlyMap<string, DistrictCard>,
    private readonly addresses: AddressLookup,
    private readonly points: PointLookup,
    private readonly unitAreas: PointLookup = { locate: () => [] },
    private readonly unitCards: ReadonlyMap<string, UnitCard> = new Map(),
    /** Our own map (district outlines, towns, stations) for maps without tiles. */
    readonly overview: MapOverview | null = null,
    /** Towns and counties outside the register, to say who answers for them. */
    private readonly places: PlaceDirectory | null = null,
  ) {}

  get districtCount(): number {
    return this.cards.size;
  }

  card(id: string): DistrictCard | undefined {
    return this.cards.get(id);
  }

  /** Districts of an address (empty when it names none) and likely typos of our names. */
  byAddress(text: string): { matches: LocateMatch[]; suggestions: string[] } {
    const result = this.addresses.locate(text, this.places ?? undefined);
    return { matches: this.toMatches(result.matches), suggestions: result.suggestions };
  }

  /** The full answer to a typed address: districts, a town's districts, choices of towns, or who answers for a place we do not hold. */
  answerAddress(text: string): AddressAnswer {
    const result = this.addresses.locate(text, this.places ?? undefined);
    if (result.matches.length > 0)
      return { kind: 'found', matches: this.toMatches(result.matches), assumedLocality: result.assumedLocality ?? null };
    if (result.town) {
      const matches = result.town.districts
        .map(({ districtId, rules }) => ({ card: this.cards.get(districtId), rules }))
        .filter((entry): entry is { card: DistrictCard; rules: StreetRule[] } => entry.card !== undefined)
        .sort((a, b) => a.card.unit.name.localeCompare(b.card.unit.name, 'pl') || a.card.number - b.card.number)
        .map(({ card, rules }) => ({ card, matchedBy: 'town' as const, rule: null, townRules: rules }));
      if (matches.length > 0) return { kind: 'town', locality: result.town.name, matches };
    }
    if (result.choices) {
      const number = /\b(\d{1,5}[a-zA-Z]?)\s*(?:\/\s*\d+)?\s*$/.exec(text.replace(/,\s*[^,\d]*$/, ''))?.[1];
      const choices = result.choices.list.map((choice) => ({
        locality: choice.locality,
        street: choice.street,
        address: `${choice.locality}, ${choice.street}${number ? ` ${number}` : ''}`,
        cards: choice.districtIds.map((id) => this.cards.get(id)).filter((card): card is DistrictCard => card !== undefined),
      }));
      return { kind: 'choices', towns: result.choices.towns, choices };
    }
    if (result.place) {
      const place = result.place.known ? (this.places?.get(result.place.key) ?? null) : null;
      return { kind: 'not_covered', name: place?.name ?? typedPlaceName(text), place };
    }
    return { kind: 'not_found', suggestions: result.suggestions };
  }

  private toMatches(found: AreaLookup['matches']): LocateMatch[] {
    const matches: LocateMatch[] = [];
    const seen = new Set<string>();
    for (const match of found) {
      const card = this.cards.get(match.districtId);
      if (!card || seen.has(card.id)) continue;
      seen.add(card.id);
      matches.push({ card, matchedBy: match.matchedBy, rule: match.rule });
    }
    return matches;
  }

  /** Districts whose polygon contains the point; otherwise the units whose territory does. */
  byPoint(lat: number, lon: number): { matches: LocateMatch[]; units: UnitCard[] } {
    const matches = this.points
      .locate(lon, lat)
      .map((id) => this.cards.get(id))
      .filter((card): card is DistrictCard => card !== undefined)
      .map((card) => ({ card, matchedBy: 'polygon' as const, rule: null }));
    if (matches.length > 0) return { matches, units: [] };
    const units = this.unitAreas
      .locate(lon, lat)
      .map((id) => this.unitCards.get(id))
      .filter((unit): unit is UnitCard => unit !== undefined)
      .sort((a, b) => b.depth - a.depth);
    return { matches, units };
  }
}

/** How the resident wrote the place: the words before the first comma or the street's kind word ("Pcim, ul. Długa 5" → "Pcim"). */
function typedPlaceName(text: string): string {
  return text.split(/,|\s(?:ul|ulica|al|aleja|pl|plac|os|osiedle)\.?\s/i)[0]!.trim();
}
