/**
 * Places of Poland outside the register (miejscowości spoza rejestru): which county a town is the
 * seat of, and so which police command answers for it. Read once from resources/places (see its
 * SOURCES.md) and checked against the county boundaries we ship; never used to guess a district.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../../../platform/config/config.js';
import type { KnownPlaces } from '../matching/area-index.js';
import { localityKey } from '../matching/normalize.js';

/** A town we know the county of (a county seat, or a city with county rights). */
export interface Place {
  name: string;
  /** "Kraków" for a city with county rights (miasto na prawach powiatu), else the adjective ("tatrzański"). */
  county: string;
  cityCounty: boolean;
  voivodeship: string;
  /** The voivodeship police command (Komenda Wojewódzka Policji …). */
  voivodeshipCommand: string;
}

/** The older name the 2020 county boundaries still use for a county renamed since. */
const renamedCounties: Record<string, string> = { jeleniogórski: 'karkonoski' };

const rows = (text: string) =>
  text
    .split(/\r?\n/)
    .slice(1)
    .filter((line) => line.trim() !== '')
    .map((line) => line.split(','));

export class PlaceDirectory implements KnownPlaces {
  private readonly byKey = new Map<string, Place>();

  constructor(
    counties: readonly { voivodeship: string; county: string; seat: string }[],
    commands: ReadonlyMap<string, string>,
    boundaryCounties: ReadonlySet<string>,
  ) {
    for (const row of counties) {
      // A county is known only when the boundaries we ship have it: the two lists check each other.
      if (!boundaryCounties.has(row.county)) continue;
      const cityCounty = row.county === row.seat;
      const key = localityKey(row.seat);
      const held = this.byKey.get(key);
      // Kraków is the seat of powiat krakowski too: the city's own county answers for the city.
      if (held && (held.cityCounty || !cityCounty)) continue;
      this.byKey.set(key, {
        name: row.seat,
        county: row.county,
        cityCounty,
        voivodeship: row.voivodeship,
        voivodeshipCommand: commands.get(row.voivodeship) ?? '',
      });
    }
  }

  /** The directory from resources/places and resources/boundaries (read once per process). */
  static shared(): PlaceDirectory {
    return (sharedDirectory ??= PlaceDirectory.load());
  }

  static load(): PlaceDirectory {
    const read = (...parts: string[]) => readFileSync(path.join(projectRoot, 'resources', ...parts), 'utf8');
    const counties = rows(read('places', 'counties.csv')).map(([voivodeship, county, seat]) => ({
      voivodeship: voivodeship!,
      county: county!,
      seat: seat!,
    }));
    const commands = new Map(
      rows(read('places', 'voivodeship-commands.csv')).map(([voivodeship, command]) => [voivodeship!, command!] as const),
    );
    const boundaries = JSON.parse(read('boundaries', 'powiaty-min.geojson')) as { features: { properties: { nazwa: string } }[] };
    const names = new Set(
      boundaries.features.map((feature) => {
        const name = feature.properties.nazwa.replace(/^powiat /, '');
        return renamedCounties[name] ?? name;
      }),
    );
    return new PlaceDirectory(counties, commands, names);
  }

  get size(): number {
    return this.byKey.size;
  }

  has(key: string): boolean {
    return this.byKey.has(key);
  }

  /** Every place's name (for benchmarks and tests). */
  names(): string[] {
    return [...this.byKey.values()].map((place) => place.name);
  }

  get(key: string): Place | undefined {
    return this.byKey.get(key);
  }
}

let sharedDirectory: PlaceDirectory | null = null;

/** "tatrzański" → "tatrzańskiego", "łódzki wschodni" → "łódzkiego wschodniego" (masculine adjectives). */
export function countyGenitive(adjective: string): string {
  return adjective
    .split(' ')
    .map((word) => (word.endsWith('i') ? `${word}ego` : word.endsWith('y') ? `${word.slice(0, -1)}ego` : word))
    .join(' ');
}
