import { describe, expect, it } from 'vitest';
import { ClusterCells } from './cluster-cells.js';
import { cellIndex, cellRange, cellSize } from './map-grid.js';
import { seededRandom } from '../../../../test/support/random.js';

interface Point {
  id: number;
  lon: number;
  lat: number;
  slice: number;
}

const poland = { minLon: 14.1, minLat: 49.0, maxLon: 24.2, maxLat: 54.9 };
const maxZoom = 8;

/** Every cell of a slice in the box at a zoom, as "x,y" → [count, lon, lat, idSum]. */
function cellsOf(cells: ClusterCells, slice: number, zoom: number): Map<string, number[]> {
  const answer = new Map<string, number[]>();
  const { lon: stepLon, lat: stepLat } = cellSize(zoom);
  cells.read(slice, cellRange(poland, zoom), (count, lon, lat, idSum) => {
    // A cell's mean lies in the cell (up to rounding): it names the cell for the comparison.
    answer.set(`${cellIndex(lon, stepLon)},${cellIndex(lat, stepLat)}`, [count, lon, lat, idSum]);
  });
  return answer;
}

/** The same, counted point by point with no precomputation. */
function bruteForce(points: Iterable<Point>, slice: number, zoom: number): Map<string, number[]> {
  const { lon: stepLon, lat: stepLat } = cellSize(zoom);
  const sums = new Map<string, number[]>();
  for (const p of points) {
    if (p.slice !== slice && slice !== 0) continue;
    const key = `${cellIndex(p.lon, stepLon)},${cellIndex(p.lat, stepLat)}`;
    const sum = sums.get(key) ?? [0, 0, 0, 0];
    sums.set(key, [sum[0]! + 1, sum[1]! + p.lon, sum[2]! + p.lat, sum[3]! + p.id]);
  }
  return new Map([...sums].map(([key, [n, lon, lat, id]]) => [key, [n!, lon! / n!, lat! / n!, id!]]));
}

describe('precomputed cluster cells', () => {
  // Full-precision coordinates, as the public grid's points are (not rounded to micro-degrees).
  const rand = seededRandom(3);
  const points: Point[] = Array.from({ length: 20_000 }, (_, i) => ({
    id: i + 1,
    lon: 14.1 + rand() * 10.1,
    lat: 49.0 + rand() * 5.9,
    slice: 1 + Math.floor(rand() * 3),
  }));
  const add = (cells: ClusterCells, p: Point, sign: 1 | -1, fromZoom = 0) =>
    cells.addPoint([0, p.slice], p.lon, p.lat, p.id, sign, fromZoom);

  it('sums exactly: points added and taken away in any order leave what a fresh build of the rest holds, to the last bit', () => {
    const changing = new ClusterCells(maxZoom);
    const live = new Map<number, Point>();
    for (const p of points) {
      add(changing, p, 1);
      live.set(p.id, p);
    }
    // Take most away, move some (to another place and slice), put a few back.
    for (const p of points) {
      if (rand() < 0.8) {
        add(changing, p, -1);
        live.delete(p.id);
      }
    }
    for (const p of points.slice(0, 3000)) {
      const old = live.get(p.id);
      if (old) add(changing, old, -1);
      const moved = { ...p, lon: 14.1 + rand() * 10.1, slice: 1 + Math.floor(rand() * 3) };
      add(changing, moved, 1);
      live.set(p.id, moved);
    }
    const fresh = new ClusterCells(maxZoom);
    for (const p of live.values()) add(fresh, p, 1, maxZoom);
    fresh.fillCoarser();
    expect(changing.size).toBe(fresh.size);
    for (let zoom = 0; zoom <= maxZoom; zoom++) {
      for (const slice of [0, 1, 2, 3]) {
        const cells = cellsOf(changing, slice, zoom);
        expect(cells, `zoom ${zoom} slice ${slice}`).toEqual(cellsOf(fresh, slice, zoom));
        const expected = bruteForce(live.values(), slice, zoom);
        expect([...cells.keys()].sort()).toEqual([...expected.keys()].sort());
        for (const [key, [count, lon, lat, idSum]] of cells) {
          const [n, meanLon, meanLat, ids] = expected.get(key)!;
          expect([count, idSum]).toEqual([n, ids]);
          expect(Math.abs(lon! - meanLon!)).toBeLessThan(1e-12);
          expect(Math.abs(lat! - meanLat!)).toBeLessThan(1e-12);
        }
      }
    }
  });

  it('empties: with every point taken away no cell is left, and the slots serve again', () => {
    const cells = new ClusterCells(maxZoom);
    for (const p of points.slice(0, 2000)) add(cells, p, 1);
    const used = cells.size;
    for (const p of points.slice(0, 2000)) add(cells, p, -1);
    expect(cells.size).toBe(0);
    for (let zoom = 0; zoom <= maxZoom; zoom++) expect(cellsOf(cells, 0, zoom).size).toBe(0);
    for (const p of points.slice(0, 2000)) add(cells, p, 1);
    expect(cells.size).toBe(used);
  });

  it('answers only zooms it keeps, and none while it holds a point outside the globe', () => {
    const cells = new ClusterCells(maxZoom);
    expect(cells.covers(maxZoom)).toBe(true);
    expect(cells.covers(maxZoom + 1)).toBe(false);
    cells.addPoint([0], 200, 52, 1, 1);
    expect(cells.covers(3)).toBe(false);
    cells.addPoint([0], 200, 52, 1, -1);
    expect(cells.covers(3)).toBe(true);
    expect(() => new ClusterCells(13)).toThrow(RangeError);
  });
});
