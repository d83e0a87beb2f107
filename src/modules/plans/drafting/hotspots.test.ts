import { describe, expect, it } from 'vitest';
import { fromEpsg2180, toEpsg2180 } from '../../../platform/geo/epsg2180.js';
import { pointInRing } from '../../../platform/geo/point-in-ring.js';
import { groupByReach, hotspotArea, hotspotsOf, reachMeters, streetOf, type PlacedReport } from './hotspots.js';

/** A point `dx`, `dy` metres east and north of a place in Borowo-like country (EPSG:2180 near 51.3 N, 22.9 E). */
const origin = toEpsg2180([22.9, 51.3]);
const at = (dx: number, dy: number) => {
  const [lon, lat] = fromEpsg2180([origin[0] + dx, origin[1] + dy]);
  return { lon, lat };
};
const placed = (dx: number, dy: number, address: string | null = null): PlacedReport => ({ position: at(dx, dy), address });
const byAddress = (address: string): PlacedReport => ({ position: null, address });

describe('the street of an address', () => {
  it.each([
    ['ul. Lipowa 12/3, Borowo', 'ul. Lipowa, Borowo'],
    ['Lipowa 7a', 'Lipowa'],
    ['al. Jana Pawła II 15-17', 'al. Jana Pawła II'],
    ['99-100 Borowo, Rynek 1', 'Borowo, Rynek'],
    ['Park Miejski', 'Park Miejski'],
  ])('%s → %s', (address, street) => expect(streetOf(address)).toBe(street));
});

describe('grouping points by reach (metres)', () => {
  it('joins a chain of points each within reach of the next, and keeps a far one apart', () => {
    const groups = groupByReach(
      [
        [0, 0],
        [100, 0],
        [200, 0],
        [290, 10],
        [1000, 0],
      ],
      150,
    );
    expect(groups.map((g) => g.sort((a, b) => a - b)).sort((a, b) => a[0]! - b[0]!)).toEqual([[0, 1, 2, 3], [4]]);
  });

  it('joins points exactly at the reach, not beyond it, across grid cells', () => {
    expect(
      groupByReach(
        [
          [149, 0],
          [149, 150],
        ],
        150,
      ),
    ).toHaveLength(1);
    expect(
      groupByReach(
        [
          [149, 0],
          [149, 150.5],
        ],
        150,
      ),
    ).toHaveLength(2);
    expect(
      groupByReach(
        [
          [-1, -1],
          [1, 1],
        ],
        150,
      ),
    ).toHaveLength(1);
  });

  it('gives every point a group of its own when none are near', () => {
    expect(
      groupByReach(
        [
          [0, 0],
          [500, 0],
          [0, 500],
        ],
        150,
      ),
    ).toHaveLength(3);
    expect(groupByReach([], 150)).toEqual([]);
  });
});

describe('hotspots', () => {
  const reports: PlacedReport[] = [
    // Lipowa: three reports within 60 m of each other, one given only by address.
    placed(0, 0, 'ul. Lipowa 3'),
    placed(30, 20, 'ul. Lipowa 5'),
    placed(60, 0, 'Lipowa 7'),
    byAddress('ul. LIPOWA 12'),
    // The market square, a kilometre away.
    placed(1000, 0, 'Rynek 1'),
    placed(1040, 30, 'Rynek 2'),
    // One report far off, and a street named once: cases, not places.
    placed(3000, 3000, 'ul. Leśna 1'),
    byAddress('ul. Krótka 1'),
    // A street known only from addresses.
    byAddress('ul. Polna 1'),
    byAddress('ul. Polna 8'),
  ];

  it('lists the places with at least two reports, most first, then by name, with the mean point of those on the map', () => {
    const hotspots = hotspotsOf(reports);
    expect(hotspots.map((h) => [h.label, h.count])).toEqual([
      ['ul. Lipowa', 4],
      ['Rynek', 2],
      ['ul. Polna', 2],
    ]);
    const [x, y] = toEpsg2180([hotspots[0]!.center!.lon, hotspots[0]!.center!.lat]);
    expect(x - origin[0]).toBeCloseTo(30, 3);
    expect(y - origin[1]).toBeCloseTo(20 / 3, 3);
    expect(hotspots[2]!.center).toBeNull();
  });

  it('keeps at most the limit, and names a place with no addresses by nothing (the page names its point)', () => {
    const many = Array.from({ length: 7 }, (_, i) => [placed(i * 1000, 5000), placed(i * 1000 + 10, 5000)]).flat();
    expect(hotspotsOf(many)).toHaveLength(5);
    expect(hotspotsOf(many, 2).every((h) => h.label === null && h.count === 2)).toBe(true);
  });

  it('makes a place an area: its reports inside, a reach beyond them still inside, the next place outside; none for addresses alone', () => {
    const [lipowa, rynek, polna] = hotspotsOf(reports);
    expect(lipowa!.points).toHaveLength(3);
    const ring = hotspotArea(lipowa!)!;
    for (const [lon, lat] of lipowa!.points) expect(pointInRing([lon, lat], ring)).toBe(true);
    const inside = (dx: number, dy: number) => pointInRing([at(dx, dy).lon, at(dx, dy).lat], ring);
    expect([inside(60 + reachMeters - 10, 0), inside(0, -reachMeters + 10), inside(30, 20 + reachMeters - 10)]).toEqual([true, true, true]);
    expect([inside(60 + reachMeters + 10, 0), inside(-reachMeters - 10, 0)]).toEqual([false, false]);
    for (const [lon, lat] of rynek!.points) expect(pointInRing([lon, lat], ring)).toBe(false);
    expect(hotspotArea(polna!)).toBeNull();
  });

  it('splits reports further apart than the reach', () => {
    expect(hotspotsOf([placed(0, 0), placed(reachMeters + 1, 0)])).toEqual([]);
  });
});
