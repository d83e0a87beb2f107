import type { StreetRule } from '../area/types.js';
import type { MapOverview } from './map-overview.js';

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

export type MatchedBy = 'street' | 'locality' | 'polygon';

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
}

export interface AddressLookup {
  locate(text: string): {
    matches: readonly { districtId: string; matchedBy: 'street' | 'locality'; rule: StreetRule; score: number }[];
    suggestions: string[];
  };
}

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
  ) {}

  get districtCount(): number {
    return this.cards.size;
  }

  card(id: string): DistrictCard | undefined {
    return this.cards.get(id);
  }

  byAddress(text: string): { matches: LocateMatch[]; suggestions: string[] } {
    const result = this.addresses.locate(text);
    const matches: LocateMatch[] = [];
    const seen = new Set<string>();
    for (const match of result.matches) {
      const card = this.cards.get(match.districtId);
      if (!card || seen.has(card.id)) continue;
      seen.add(card.id);
      matches.push({ card, matchedBy: match.matchedBy, rule: match.rule });
    }
    return { matches, suggestions: result.suggestions };
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
