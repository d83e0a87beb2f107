import { describe, expect, it } from 'vitest';
import { districtId, type MultiPolygon } from '../../modules/districts/index.js';
import { PolygonIndex } from '../../modules/districts/geometry/polygon-index.js';
import { readDistrictPolygons } from '../../modules/districts/geometry/geojson.js';
import { random } from '../../../test/support/synthetic-districts.js';
import { demoRegisterDistricts } from '../register-data.js';
import { demoCountyArea, demoDistrictAreasGeoJson, demoDistrictPolygons, demoDistrictSeeds, demoUnitCounties } from './district-areas.js';
import { demoLocalities, townDistrictPoints } from './localities.js';
import { localProjection, signedArea2, type Point } from './voronoi.js';

const units = Object.keys(demoUnitCounties);
const polygons = demoDistrictPolygons();
const seeds = demoDistrictSeeds();
const districtIndex = new PolygonIndex([...polygons].map(([id, geometry]) => ({ id, geometry })));
const countyIndex = new PolygonIndex(units.map((unit) => ({ id: unit, geometry: demoCountyArea(unit) })));
const demoDistrictIds = demoRegisterDistricts.filter((d) => units.includes(d.unitId)).map((d) => districtId(d.unitId, d.number));

/** Area in km² (local equirectangular plane), holes ignored as the demo areas have none. */
function areaKm2(geometry: MultiPolygon, lon0: number, lat0: number): number {
  const projection = localProjection(lon0, lat0);
  return geometry.coordinates.reduce(
    (sum, polygon) => sum + Math.abs(signedArea2(polygon[0]!.map((p) => projection.forward([p[0]!, p[1]!] as Point)))) / 2 / 1e6,
    0,
  );
}

describe('demo locality coordinates', () => {
  it('cover every locality named in the rules of the four units, and every street-split town district', () => {
    for (const district of demoRegisterDistricts.filter((d) => units.includes(d.unitId))) {
      for (const rule of district.rules) {
        if (rule.street === null)
          expect(demoLocalities[district.unitId]?.[rule.locality], `${rule.locality} (${district.unitId})`).toBeDefined();
        else
          expect(townDistrictPoints[districtId(district.unitId, district.number)], `${district.unitId}/${district.number}`).toBeDefined();
      }
    }
  });

  it('lie inside the county of their unit', () => {
    const all = [
      ...Object.entries(demoLocalities).flatMap(([unit, points]) => Object.entries(points).map(([name, point]) => ({ unit, name, point }))),
      ...Object.entries(townDistrictPoints).map(([id, point]) => ({ unit: id.split('/')[0]!, name: id, point })),
    ];
    const outside = all.filter(({ unit, point }) => !countyIndex.locate(point.lon, point.lat).includes(unit)).map(({ name }) => name);
    expect(outside).toEqual([]);
    expect(all.length).toBeGreaterThan(200);
  });

  it('never put two seeds of one county on the same point', () => {
    for (const unit of units) {
      const keys = seeds.filter((seed) => seed.unitId === unit).map((seed) => `${seed.point.lon},${seed.point.lat}`);
      expect(new Set(keys).size, unit).toBe(keys.length);
    }
  });
});

describe('demoDistrictPolygons', () => {
  it('has an area for every demo district of the four units, and nothing else', () => {
    expect([...polygons.keys()].sort()).toEqual([...demoDistrictIds].sort());
  });

  it('locates every seed point in its own district only', () => {
    const wrong = seeds.filter((seed) => {
      const found = districtIndex.locate(seed.point.lon, seed.point.lat);
      return found.length !== 1 || found[0] !== seed.districtId;
    });
    expect(wrong.map((seed) => `${seed.label} → ${districtIndex.locate(seed.point.lon, seed.point.lat).join(',')}`)).toEqual([]);
  });

  it('puts every sampled point of a county in exactly one district of its unit (no overlaps, no gaps)', () => {
    const rand = random(20260601);
    for (const unit of units) {
      const ring = demoCountyArea(unit).coordinates[0]![0]!;
      const lons = ring.map((p) => p[0]!);
      const lats = ring.map((p) => p[1]!);
      const [minLon, maxLon, minLat, maxLat] = [Math.min(...lons), Math.max(...lons), Math.min(...lats), Math.max(...lats)];
      let inside = 0;
      const problems: string[] = [];
      for (let i = 0; i < 4000; i++) {
        const lon = minLon + rand() * (maxLon - minLon);
        const lat = minLat + rand() * (maxLat - minLat);
        const found = districtIndex.locate(lon, lat);
        if (!countyIndex.locate(lon, lat).includes(unit)) {
          if (found.some((id) => id.startsWith(`${unit}/`))) problems.push(`${lon},${lat} outside the county but in ${found.join(',')}`);
          continue;
        }
        inside++;
        if (found.length !== 1 || !found[0]!.startsWith(`${unit}/`)) problems.push(`${lon},${lat} in [${found.join(',')}]`);
      }
      expect(problems, unit).toEqual([]);
      expect(inside, unit).toBeGreaterThan(1000);
    }
  });

  it('tiles each county: the district areas add up to the county area', () => {
    for (const unit of units) {
      const county = demoCountyArea(unit);
      const [lon0, lat0] = county.coordinates[0]![0]![0]! as [number, number];
      const total = [...polygons]
        .filter(([id]) => id.startsWith(`${unit}/`))
        .reduce((sum, [, geometry]) => sum + areaKm2(geometry, lon0, lat0), 0);
      expect(total / areaKm2(county, lon0, lat0), unit).toBeCloseTo(1, 6);
    }
  });

  it('writes closed rings of at least four positions', () => {
    for (const [id, geometry] of polygons) {
      expect(geometry.coordinates.length, id).toBeGreaterThan(0);
      for (const polygon of geometry.coordinates) {
        for (const ring of polygon) {
          expect(ring.length, id).toBeGreaterThanOrEqual(4);
          expect(ring[ring.length - 1], id).toEqual(ring[0]);
        }
      }
    }
  });

  it('is accepted as it is by the district polygon import (readDistrictPolygons)', () => {
    const { polygons: read, errors, warnings } = readDistrictPolygons(demoDistrictAreasGeoJson());
    expect(errors).toEqual([]);
    expect(warnings).toEqual([]);
    expect(read.map((p) => districtId(p.unitId, p.districtNumber)).sort()).toEqual([...demoDistrictIds].sort());
  });
});
