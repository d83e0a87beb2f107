import { describe, expect, it } from 'vitest';
import { PolygonIndex } from '../geometry/polygon-index.js';
import type { MultiPolygon } from '../model.js';
import { MapOverview, maxOutlinedDistricts, type OverviewDistrict } from './map-overview.js';

const square = (x0: number, y0: number, size: number): MultiPolygon => ({
  type: 'MultiPolygon',
  coordinates: [
    [
      [
        [x0, y0],
        [x0 + size, y0],
        [x0 + size, y0 + size],
        [x0, y0 + size],
        [x0, y0],
      ],
    ],
  ],
});
/** An L-shaped district: its bounding box's centre lies outside it. */
const elbow: MultiPolygon = {
  type: 'MultiPolygon',
  coordinates: [
    [
      [
        [0, 0],
        [3, 0],
        [3, 1],
        [1, 1],
        [1, 3],
        [0, 3],
        [0, 0],
      ],
    ],
  ],
};

function overviewOf(items: { id: string; geometry: MultiPolygon; district: Partial<OverviewDistrict> }[]) {
  const polygons = new PolygonIndex(items.map(({ id, geometry }) => ({ id, geometry })));
  const districts = new Map(
    items.map(({ id, district }, i) => [
      id,
      { number: i + 1, unitName: 'KPP Test', url: `/rejony/t/${i + 1}`, localities: [], ...district },
    ]),
  );
  return {
    polygons,
    overview: new MapOverview(polygons, districts, [{ name: 'Komisariat Policji w Testowie', url: '/jednostki/kp', lat: 0.5, lon: 2.5 }]),
  };
}

describe('our own map (outlines, towns, stations)', () => {
  it('puts each district label inside its district, even when the shape is concave', () => {
    const { polygons, overview } = overviewOf([
      { id: 'a', geometry: elbow, district: {} },
      { id: 'b', geometry: square(5, 5, 1), district: {} },
    ]);
    for (const id of ['a', 'b']) {
      const [lon, lat] = overview.labelOf(id)!;
      expect(polygons.locate(lon, lat)).toEqual([id]);
    }
    expect(overview.labelOf('missing')).toBeNull();
  });

  it('gives outlines with numbers, towns split over districts at their middle, and stations, only in the view', () => {
    const { overview } = overviewOf([
      { id: 'a', geometry: square(0, 0, 1), district: { localities: ['Testów'] } },
      { id: 'b', geometry: square(1, 0, 1), district: { localities: ['Testów', 'Wólka'] } },
      { id: 'c', geometry: square(10, 10, 1), district: { localities: ['Dalekie', 'Bliskie'] } },
      { id: 'd', geometry: square(20, 20, 1), district: { localities: ['Samotne'] } },
    ]);
    const view = overview.within(-0.5, -0.5, 3, 2);
    const districts = view.features.filter((f) => f.properties.kind === 'district').map((f) => f.properties);
    expect(districts.map((d) => 'number' in d && d.number)).toEqual([1, 2]);
    const places = view.features.filter((f) => f.properties.kind === 'place');
    // Testów spans districts 1 and 2: placed between their labels. Wólka shares district 2: no honest place.
    expect(places.map((f) => f.properties)).toEqual([{ kind: 'place', name: 'Testów' }]);
    const [lon, lat] = (places[0]!.geometry as { coordinates: [number, number] }).coordinates;
    expect(lon).toBeCloseTo(1, 1);
    expect(lat).toBeCloseTo(0.5, 1);
    expect(view.features.filter((f) => f.properties.kind === 'unit').map((f) => f.properties)).toEqual([
      { kind: 'unit', name: 'Komisariat Policji w Testowie', url: '/jednostki/kp' },
    ]);
    // The only locality of a district is placed at it; villages sharing one are not.
    const far = overview
      .within(9, 9, 25, 25)
      .features.filter((f) => f.properties.kind === 'place')
      .map((f) => 'name' in f.properties && f.properties.name);
    expect(far).toEqual(['Samotne']);
  });

  it('leaves outlines out of a view with too many districts, keeping their count', () => {
    const many = Array.from({ length: maxOutlinedDistricts + 1 }, (_, i) => ({ id: `d${i}`, geometry: square(i, 0, 1), district: {} }));
    const { overview } = overviewOf(many);
    const view = overview.within(-1, -1, maxOutlinedDistricts + 2, 2);
    expect(view.districtsInView).toBe(maxOutlinedDistricts + 1);
    expect(view.features.some((f) => f.properties.kind === 'district')).toBe(false);
    // Squares 0…10 start left of 10.5: eleven outlines.
    expect(overview.within(-1, -1, 10.5, 2).features.filter((f) => f.properties.kind === 'district')).toHaveLength(11);
  });
});
