import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { projectRoot } from '../../../platform/config/config.js';
import { fromEpsg2180, toEpsg2180 } from '../../../platform/geo/epsg2180.js';
import { PolygonIndex } from './polygon-index.js';
import { readDistrictPolygons, simplifyForDisplay } from './geojson.js';
import { generateDistrictPolygons, randomPointsInside } from '../../../../test/support/synthetic-districts.js';
import type { MultiPolygon } from '../model.js';

const square = (x0: number, y0: number, size: number) => [
  [x0, y0],
  [x0 + size, y0],
  [x0 + size, y0 + size],
  [x0, y0 + size],
  [x0, y0],
];

describe('EPSG:2180', () => {
  it('puts the central meridian on the false easting and round-trips within a millimetre', () => {
    const [x] = toEpsg2180([19, 52]);
    expect(x).toBeCloseTo(500_000, 3);
    fc.assert(
      fc.property(fc.double({ min: 14, max: 24, noNaN: true }), fc.double({ min: 49, max: 55, noNaN: true }), (lon, lat) => {
        const back = fromEpsg2180(toEpsg2180([lon, lat]));
        return Math.abs(back[0] - lon) < 1e-8 && Math.abs(back[1] - lat) < 1e-8;
      }),
    );
  });
});

describe('PolygonIndex', () => {
  const concave: MultiPolygon = {
    type: 'MultiPolygon',
    coordinates: [
      [
        [
          [0, 0],
          [10, 0],
          [10, 10],
          [5, 5],
          [0, 10],
          [0, 0],
        ],
      ],
    ],
  };
  const withHole: MultiPolygon = { type: 'MultiPolygon', coordinates: [[square(20, 0, 10), square(23, 3, 4)]] };
  const twoParts: MultiPolygon = { type: 'MultiPolygon', coordinates: [[square(40, 0, 2)], [square(50, 0, 2)]] };
  const index = new PolygonIndex([
    { id: 'concave', geometry: concave },
    { id: 'hole', geometry: withHole },
    { id: 'parts', geometry: twoParts },
  ]);

  it('tests containment exactly, with holes and several parts', () => {
    expect(index.locate(2, 2)).toEqual(['concave']);
    expect(index.locate(5, 8)).toEqual([]); // in the notch of the concave polygon
    expect(index.locate(21, 1)).toEqual(['hole']);
    expect(index.locate(25, 5)).toEqual([]); // in the hole
    expect(index.locate(41, 1)).toEqual(['parts']);
    expect(index.locate(51, 1)).toEqual(['parts']);
    expect(index.locate(45, 1)).toEqual([]);
    expect(index.locate(-1, -1)).toEqual([]);
  });

  it('finds the nearest polygon within a distance for a point just outside', () => {
    expect(index.nearest(42.00001, 1, 50)).toBe('parts');
    expect(index.nearest(45, 1, 10)).toBeNull();
  });

  it('knows the real voivodeships: Lublin in lubelskie, Warsaw in mazowieckie', () => {
    const file = JSON.parse(readFileSync(path.join(projectRoot, 'resources/boundaries/wojewodztwa-2025-prg.geojson'), 'utf8')) as {
      features: { properties: { JPT_NAZWA_: string }; geometry: MultiPolygon }[];
    };
    const voivodeships = new PolygonIndex(file.features.map((f) => ({ id: f.properties.JPT_NAZWA_, geometry: f.geometry })));
    expect(voivodeships.locate(22.5667, 51.25)).toEqual(['lubelskie']);
    expect(voivodeships.locate(21.0122, 52.2297)).toEqual(['mazowieckie']);
    expect(voivodeships.locate(23.1688, 53.1325)).toEqual(['podlaskie']);
    expect(voivodeships.locate(13.4, 52.5)).toEqual([]); // Berlin
  });

  it('locates every generated point in its own synthetic polygon, and in no other', () => {
    const polygons = generateDistrictPolygons({ count: 300, seed: 7, verticesPerPolygon: 40 });
    const synthetic = new PolygonIndex(polygons);
    for (const { id, point } of randomPointsInside(polygons, 2000, 11)) {
      expect(synthetic.locate(point[0], point[1])).toEqual([id]);
    }
    expect(synthetic.memoryBytes()).toBeGreaterThan(0);
  });
});

describe('reading district polygons from GeoJSON', () => {
  const feature = (geometry: unknown, properties: object = { unit: 'kpp-leczna', district: 3 }) => ({
    type: 'Feature',
    properties,
    geometry,
  });
  const leczna = { type: 'Polygon', coordinates: [square(22.87, 51.29, 0.02)] };

  it('reads WGS84 and gives a MultiPolygon with its bounding box', () => {
    const read = readDistrictPolygons({ type: 'FeatureCollection', features: [feature(leczna)] });
    expect(read.errors).toEqual([]);
    expect(read.polygons[0]).toMatchObject({ unitId: 'kpp-leczna', districtNumber: 3, geometry: { type: 'MultiPolygon' } });
    expect(read.polygons[0]!.bbox[0]).toBeCloseTo(22.87, 6);
  });

  it('reads EPSG:2180, declared or recognised, to the same place', () => {
    const metres = { type: 'Polygon', coordinates: [leczna.coordinates[0]!.map((p) => toEpsg2180(p as [number, number]))] };
    const declared = readDistrictPolygons({
      type: 'FeatureCollection',
      crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::2180' } },
      features: [feature(metres)],
    });
    for (const read of [declared, readDistrictPolygons(feature(metres))]) {
      expect(read.errors).toEqual([]);
      const ring = read.polygons[0]!.geometry.coordinates[0]![0]!;
      expect(ring[0]![0]).toBeCloseTo(22.87, 7);
      expect(ring[0]![1]).toBeCloseTo(51.29, 7);
    }
  });

  it('recognises swapped axes where only one reading lies in Poland', () => {
    // Near Białowieża the easting (~840 km) is larger than any northing in Poland.
    const bialowieza = square(23.8, 52.7, 0.02);
    const swapped2180 = {
      type: 'Polygon',
      coordinates: [bialowieza.map((p) => toEpsg2180(p as [number, number])).map(([x, y]) => [y, x])],
    };
    const swappedWgs = { type: 'Polygon', coordinates: [bialowieza.map(([lon, lat]) => [lat, lon])] };
    for (const read of [readDistrictPolygons(feature(swapped2180)), readDistrictPolygons(feature(swappedWgs))]) {
      expect(read.errors).toEqual([]);
      const ring = read.polygons[0]!.geometry.coordinates[0]![0]!;
      expect(ring[0]![0]).toBeCloseTo(23.8, 7);
      expect(ring[0]![1]).toBeCloseTo(52.7, 7);
    }
  });

  it('reads a real voivodeship converted to EPSG:2180 back to the same polygon', () => {
    const file = JSON.parse(readFileSync(path.join(projectRoot, 'resources/boundaries/wojewodztwa-2025-prg.geojson'), 'utf8')) as {
      features: { geometry: { type: string; coordinates: number[][][] } }[];
    };
    const original = file.features[0]!.geometry;
    const polygon = original.type === 'Polygon' ? original.coordinates : (original.coordinates as unknown as number[][][][])[0]!;
    const metres = { type: 'Polygon', coordinates: polygon.map((ring) => ring.map((p) => toEpsg2180(p as [number, number]))) };
    const read = readDistrictPolygons(feature(metres));
    expect(read.errors).toEqual([]);
    const back = read.polygons[0]!.geometry.coordinates[0]![0]!;
    back.forEach((p, i) => {
      expect(p[0]).toBeCloseTo(polygon[0]![i]![0]!, 7);
      expect(p[1]).toBeCloseTo(polygon[0]![i]![1]!, 7);
    });
  });

  it('reports every bad feature with its index and reason, and closes open rings with a warning', () => {
    const open = { type: 'Polygon', coordinates: [square(22.87, 51.29, 0.02).slice(0, 4)] };
    const bowtie = {
      type: 'Polygon',
      coordinates: [
        [
          [22, 51],
          [22.1, 51.1],
          [22.1, 51],
          [22, 51.1],
          [22, 51],
        ],
      ],
    };
    const holeOutside = { type: 'Polygon', coordinates: [square(22, 51, 0.1), square(22.5, 51.5, 0.01)] };
    const read = readDistrictPolygons({
      type: 'FeatureCollection',
      features: [
        feature(open),
        feature(leczna, { district: 3 }),
        feature(leczna, { unit: 'x', district: 'trzy' }),
        feature({ type: 'Point', coordinates: [22, 51] }),
        feature({
          type: 'Polygon',
          coordinates: [
            [
              [22, 51],
              [22.1, 'x'],
            ],
          ],
        }),
        feature({ type: 'Polygon', coordinates: [square(2.35, 48.85, 0.1)] }), // Paris
        feature(bowtie),
        feature(holeOutside),
        feature({
          type: 'Polygon',
          coordinates: [
            [
              [22, 51],
              [22.1, 51],
              [22, 51],
            ],
          ],
        }),
      ],
    });
    expect(read.polygons.map((p) => p.feature)).toEqual([0]);
    expect(read.warnings.map((w) => w.feature)).toContain(0);
    expect(read.errors.map((e) => e.feature)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(read.errors.find((e) => e.feature === 5)!.message.pl).toContain('poza Polską');
    expect(read.errors.find((e) => e.feature === 6)!.message.pl).toBe('Granica obszaru przecina samą siebie.');
    expect(readDistrictPolygons('nonsense').errors[0]!.message.en).toContain('not GeoJSON');
  });

  it('reports empty rings as incomplete coordinates instead of failing on them', () => {
    const empty = [
      { type: 'Polygon', coordinates: [[]] },
      { type: 'Polygon', coordinates: [square(22, 51, 0.1), []] },
      { type: 'MultiPolygon', coordinates: [[[]]] },
    ];
    const read = readDistrictPolygons({ type: 'FeatureCollection', features: empty.map((geometry) => feature(geometry)) });
    expect(read.polygons).toEqual([]);
    expect(read.errors.map((e) => [e.feature, e.message.en])).toEqual(
      empty.map((_, i) => [i, 'The geometry coordinates are incomplete or not numbers.']),
    );
  });

  it('simplifies for display without breaking rings', () => {
    const polygons = generateDistrictPolygons({ count: 20, seed: 3, verticesPerPolygon: 400 });
    for (const { geometry } of polygons) {
      const simple = simplifyForDisplay(geometry, 500);
      const ring = simple.coordinates[0]![0]!;
      expect(ring.length).toBeGreaterThanOrEqual(4);
      expect(ring.length).toBeLessThan(geometry.coordinates[0]![0]!.length);
      expect(ring[0]).toEqual(ring[ring.length - 1]);
    }
  });
});
