import { readFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../../platform/config/config.js';
import { districtId, type MultiPolygon } from '../../modules/districts/index.js';
import { demoRegisterDistricts } from '../register-data.js';
import { demoLocalities, townDistrictPoints, type LocalityPoint } from './localities.js';
import { intersectWithConvex, localProjection, triangulate, voronoiCells, type Point } from './voronoi.js';

/**
 * APPROXIMATE demo areas of the demo districts: every locality named in a district's rules is a
 * seed, each county (the unit's territory) is split into the Voronoi cells of its seeds, and a
 * district's area is the union (as separate polygons) of its seeds' cells. Where clipping a cell by
 * a concave county would give a ring crossing itself, that cell is written as convex pieces instead. The cells tile the
 * county, so every point of the county falls in exactly one district (edges aside). Not real
 * district boundaries: see ./localities.ts for how rough the seed points are.
 */

/** Counties of the demo units, found in powiaty-min.geojson by name, as in ../demo-data.ts. */
export const demoUnitCounties: Record<string, string> = {
  'kpp-lubartow': 'powiat lubartowski',
  'kpp-leczna': 'powiat łęczyński',
  'kpp-krasnystaw': 'powiat krasnostawski',
  'kpp-sejny': 'powiat sejneński',
};

export interface DistrictSeed {
  districtId: string;
  unitId: string;
  /** Locality name, or "<town> (district n)" for a per-district point in a street-split town. */
  label: string;
  point: LocalityPoint;
}

let countyCache: Map<string, MultiPolygon> | null = null;

/** The county boundary (territory) of a demo unit as a MultiPolygon, read like demo-data.ts does. */
export function demoCountyArea(unitId: string): MultiPolygon {
  if (!countyCache) {
    const collection = JSON.parse(readFileSync(path.join(projectRoot, 'resources', 'boundaries', 'powiaty-min.geojson'), 'utf8')) as {
      features: { properties: Record<string, unknown>; geometry: { type: string; coordinates: unknown } }[];
    };
    countyCache = new Map();
    for (const [unit, name] of Object.entries(demoUnitCounties)) {
      const feature = collection.features.find((f) => f.properties.nazwa === name);
      if (!feature) throw new Error(`district areas: county "${name}" not found in powiaty-min.geojson`);
      const coordinates = (
        feature.geometry.type === 'MultiPolygon' ? feature.geometry.coordinates : [feature.geometry.coordinates]
      ) as number[][][][];
      countyCache.set(unit, { type: 'MultiPolygon', coordinates });
    }
  }
  const area = countyCache.get(unitId);
  if (!area) throw new Error(`district areas: no county for unit ${unitId}`);
  return area;
}

/** Seeds of every demo district (of the units that have a county), in register order. */
export function demoDistrictSeeds(): DistrictSeed[] {
  const seeds: DistrictSeed[] = [];
  for (const district of demoRegisterDistricts) {
    if (!demoUnitCounties[district.unitId]) continue;
    const id = districtId(district.unitId, district.number);
    const seen = new Set<string>();
    for (const rule of district.rules) {
      if (rule.street !== null) {
        const key = `${rule.locality} (district ${district.number})`;
        if (seen.has(key)) continue;
        const point = townDistrictPoints[id];
        if (!point) throw new Error(`district areas: no point for ${id} inside ${rule.locality}`);
        seen.add(key);
        seeds.push({ districtId: id, unitId: district.unitId, label: key, point });
      } else {
        if (seen.has(rule.locality)) continue;
        const point = demoLocalities[district.unitId]?.[rule.locality];
        if (!point) throw new Error(`district areas: no coordinates for ${rule.locality} (${id})`);
        seen.add(rule.locality);
        seeds.push({ districtId: id, unitId: district.unitId, label: rule.locality, point });
      }
    }
  }
  return seeds;
}

const round7 = (value: number) => Math.round(value * 1e7) / 1e7;

function openRing(ring: number[][]): Point[] {
  const points = ring.map((p) => [p[0]!, p[1]!] as Point);
  const first = points[0];
  const last = points[points.length - 1];
  if (first && last && points.length > 1 && first[0] === last[0] && first[1] === last[1]) points.pop();
  return points;
}

/**
 * District id (e.g. 'kpp-lubartow/3') → approximate demo area (WGS84 MultiPolygon, closed rings;
 * one polygon per seed cell, holes of the county ignored).
 */
export function demoDistrictPolygons(): Map<string, MultiPolygon> {
  const seeds = demoDistrictSeeds();
  const result = new Map<string, MultiPolygon>();
  for (const unitId of Object.keys(demoUnitCounties)) {
    const unitSeeds = seeds.filter((seed) => seed.unitId === unitId);
    if (unitSeeds.length === 0) continue;
    const county = demoCountyArea(unitId);
    const outerRings = county.coordinates.map((polygon) => openRing(polygon[0]!));
    const all = outerRings.flat();
    const minLon = Math.min(...all.map((p) => p[0]));
    const maxLon = Math.max(...all.map((p) => p[0]));
    const minLat = Math.min(...all.map((p) => p[1]));
    const maxLat = Math.max(...all.map((p) => p[1]));
    const projection = localProjection((minLon + maxLon) / 2, (minLat + maxLat) / 2);
    const projectedCounty = outerRings.map((ring) => ring.map(projection.forward));
    const countyTriangles = projectedCounty.map((ring) => triangulate(ring));
    const [x0, y0] = projection.forward([minLon, minLat]);
    const [x1, y1] = projection.forward([maxLon, maxLat]);
    const margin = 1000;
    const cells = voronoiCells(
      unitSeeds.map((seed) => projection.forward([seed.point.lon, seed.point.lat])),
      { minX: x0 - margin, minY: y0 - margin, maxX: x1 + margin, maxY: y1 + margin },
    );
    unitSeeds.forEach((seed, index) => {
      const cell = cells[index]!;
      const polygons = result.get(seed.districtId)?.coordinates ?? [];
      projectedCounty.forEach((countyRing, part) => {
        for (const piece of intersectWithConvex(countyRing, cell, countyTriangles[part])) {
          const ring = piece.map((p) => projection.inverse(p)).map(([lon, lat]) => [round7(lon), round7(lat)]);
          ring.push([ring[0]![0]!, ring[0]![1]!]);
          polygons.push([ring]);
        }
      });
      result.set(seed.districtId, { type: 'MultiPolygon', coordinates: polygons });
    });
  }
  return result;
}

/** The areas as a GeoJSON FeatureCollection with `unit` and `district` properties (the import format). */
export function demoDistrictAreasGeoJson(): {
  type: 'FeatureCollection';
  features: { type: 'Feature'; properties: { unit: string; district: number }; geometry: MultiPolygon }[];
} {
  const features = [...demoDistrictPolygons()].map(([id, geometry]) => {
    const slash = id.lastIndexOf('/');
    return { type: 'Feature' as const, properties: { unit: id.slice(0, slash), district: Number(id.slice(slash + 1)) }, geometry };
  });
  return { type: 'FeatureCollection', features };
}
