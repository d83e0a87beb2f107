import Flatbush from 'flatbush';
import polylabel from 'polylabel';
import type { PolygonIndex } from '../geometry/polygon-index.js';
import type { MultiPolygon } from '../model.js';

/** What the overview knows of a district with a polygon. */
export interface OverviewDistrict {
  number: number;
  unitName: string;
  url: string;
  /** Localities its street rules name (display forms). */
  localities: readonly string[];
}

export interface OverviewUnit {
  name: string;
  url: string;
  lat: number;
  lon: number;
}

type Position = [number, number];

export type OverviewFeature =
  | {
      type: 'Feature';
      properties: { kind: 'district'; id: string; number: number; unit: string; url: string; label: Position };
      geometry: MultiPolygon;
    }
  | { type: 'Feature'; properties: { kind: 'place'; name: string }; geometry: { type: 'Point'; coordinates: Position } }
  | { type: 'Feature'; properties: { kind: 'unit'; name: string; url: string }; geometry: { type: 'Point'; coordinates: Position } };

/** Views with more districts than this get labels only: outlines of a whole county are noise. */
export const maxOutlinedDistricts = 250;
const maxPlaces = 200;
const maxUnits = 100;

interface Place {
  name: string;
  position: Position;
  districts: number;
}

/**
 * The map drawn from our own data, for when there are no tiles or they cannot be reached (see
 * web/islands/base-layer.ts): district areas with their numbers, town names and police stations.
 * Towns are placed where their districts are, so only towns we can place honestly are named: a
 * town split over several districts (at the middle of their label points) or the only locality of
 * its district. A village that shares a district with others has no position of its own here.
 * Label points (polylabel: the point inside a shape farthest from its edges) are computed on
 * first use, so start-up does not pay for a national register.
 */
export class MapOverview {
  private readonly labels = new Map<string, Position>();
  private placeIndex: { tree: Flatbush | null; places: Place[] } | null = null;
  private readonly unitTree: Flatbush | null;

  constructor(
    private readonly polygons: PolygonIndex,
    private readonly districts: ReadonlyMap<string, OverviewDistrict>,
    private readonly units: readonly OverviewUnit[],
  ) {
    this.unitTree = units.length > 0 ? new Flatbush(units.length) : null;
    if (this.unitTree) {
      for (const unit of units) this.unitTree.add(unit.lon, unit.lat, unit.lon, unit.lat);
      this.unitTree.finish();
    }
  }

  /** Everything of our own to draw in a view: outlines (when few enough), towns and stations. */
  within(
    west: number,
    south: number,
    east: number,
    north: number,
  ): { type: 'FeatureCollection'; features: OverviewFeature[]; districtsInView: number } {
    const features: OverviewFeature[] = [];
    const ids = this.polygons.idsWithin(west, south, east, north).filter((id) => this.districts.has(id));
    if (ids.length <= maxOutlinedDistricts) {
      for (const id of ids) {
        const district = this.districts.get(id)!;
        const geometry = this.polygons.geometryOf(id);
        const label = this.labelOf(id);
        if (!geometry || !label) continue;
        features.push({
          type: 'Feature',
          properties: { kind: 'district', id, number: district.number, unit: district.unitName, url: district.url, label },
          geometry,
        });
      }
    }
    const { tree, places } = this.placesIndexed();
    const shown = (tree?.search(west, south, east, north) ?? [])
      .map((i) => places[i]!)
      .sort((a, b) => b.districts - a.districts || a.name.localeCompare(b.name, 'pl'));
    for (const place of shown.slice(0, maxPlaces)) {
      features.push({
        type: 'Feature',
        properties: { kind: 'place', name: place.name },
        geometry: { type: 'Point', coordinates: place.position },
      });
    }
    for (const i of (this.unitTree?.search(west, south, east, north) ?? []).slice(0, maxUnits)) {
      const unit = this.units[i]!;
      features.push({
        type: 'Feature',
        properties: { kind: 'unit', name: unit.name, url: unit.url },
        geometry: { type: 'Point', coordinates: [unit.lon, unit.lat] },
      });
    }
    return { type: 'FeatureCollection', features, districtsInView: ids.length };
  }

  /** The label point of a district: inside its largest part, away from the edges. */
  labelOf(id: string): Position | null {
    const known = this.labels.get(id);
    if (known) return known;
    const geometry = this.polygons.geometryOf(id);
    if (!geometry || geometry.coordinates.length === 0) return null;
    const largest = geometry.coordinates.reduce((best, part) => (ringArea(part[0]!) > ringArea(best[0]!) ? part : best));
    const [lon, lat] = polylabel(largest as [number, number][][], 0.0002);
    const label: Position = [round6(lon), round6(lat)];
    this.labels.set(id, label);
    return label;
  }

  private placesIndexed(): { tree: Flatbush | null; places: Place[] } {
    if (this.placeIndex) return this.placeIndex;
    const byName = new Map<string, { name: string; ids: string[] }>();
    for (const [id, district] of this.districts) {
      for (const name of district.localities) {
        const key = name.toLocaleLowerCase('pl');
        const entry = byName.get(key) ?? { name, ids: [] };
        entry.ids.push(id);
        byName.set(key, entry);
      }
    }
    const places: Place[] = [];
    for (const { name, ids } of byName.values()) {
      const only = ids.length === 1 && this.districts.get(ids[0]!)!.localities.length === 1;
      if (ids.length < 2 && !only) continue;
      const points = ids.map((id) => this.labelOf(id)).filter((p): p is Position => p !== null);
      if (points.length === 0) continue;
      const lon = points.reduce((sum, p) => sum + p[0], 0) / points.length;
      const lat = points.reduce((sum, p) => sum + p[1], 0) / points.length;
      places.push({ name, position: [round6(lon), round6(lat)], districts: ids.length });
    }
    let tree: Flatbush | null = null;
    if (places.length > 0) {
      tree = new Flatbush(places.length);
      for (const place of places) tree.add(place.position[0], place.position[1], place.position[0], place.position[1]);
      tree.finish();
    }
    this.placeIndex = { tree, places };
    return this.placeIndex;
  }
}

/** Shoelace area in square degrees: enough to tell the largest part of a district. */
function ringArea(ring: readonly (readonly number[])[]): number {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) sum += (ring[j]![0]! - ring[i]![0]!) * (ring[j]![1]! + ring[i]![1]!);
  return Math.abs(sum / 2);
}

const round6 = (value: number) => Math.round(value * 1e6) / 1e6;
