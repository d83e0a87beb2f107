import { expect } from 'vitest';
import type { Db } from '../../src/platform/db/database.js';
import { reportStatuses, type BoundingBox } from '../../src/modules/reports/rules/index.js';
import type { PublicFilter } from '../../src/modules/reports/public-map/filters.js';
import {
  countPublic,
  mapCells,
  mapPoints,
  publicExtent,
  publicStats,
  unplacedByDistrict,
  type MapCell,
  type MapPoint,
  type ReportStats,
} from '../../src/modules/reports/public-map/repository.js';
import { precomputedSlice } from '../../src/modules/reports/public-map/report-queries.js';
import { precomputedZoom, type PublicReportStore } from '../../src/modules/reports/public-map/report-store.js';
import { seededRandom } from './random.js';

/*
 * Comparing two ways of answering the public report questions on random filters and boxes: the
 * in-memory store with the SQL reference (public-reports.test.ts), and the store with a slow, obvious
 * reference over plain rows (report-store.test.ts).
 */

export const pick = <T>(rand: () => number, list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;

/** Days at the edges of the DST changes and of a year. */
export const edgeDays = ['2025-03-29', '2025-03-30', '2025-03-31', '2025-10-25', '2025-10-26', '2025-10-27', '2025-12-31', '2026-01-01'];

/** What random filters and boxes are drawn from; `points` are the public points of the reports. */
export interface ReportWorld {
  categories: readonly string[];
  units: readonly string[];
  districts: readonly { id: string; unitId: string }[];
  points: readonly { lon: number; lat: number }[];
}

type Answer<T> = T | Promise<T>;

/** The questions of the public list, map and statistics. */
export interface PublicAnswers {
  count(filter: PublicFilter): Answer<number>;
  extent(filter: PublicFilter): Answer<BoundingBox | null>;
  mapCells(filter: PublicFilter, box: BoundingBox, zoom: number): Answer<MapCell[]>;
  mapPoints(filter: PublicFilter, box: BoundingBox, limit: number): Answer<MapPoint[]>;
  stats(filter: PublicFilter, sinceMonth: string): Answer<ReportStats>;
  unplaced(filter: PublicFilter): Answer<Map<string, number>>;
}

/** The SQL reference (repository.ts) as `PublicAnswers`. */
export function sqlAnswers(db: Db): PublicAnswers {
  return {
    count: (filter) => countPublic(db, filter),
    extent: (filter) => publicExtent(db, filter),
    mapCells: (filter, box, zoom) => mapCells(db, filter, box, zoom),
    mapPoints: (filter, box, limit) => mapPoints(db, filter, box, limit),
    stats: (filter, sinceMonth) => publicStats(db, filter, sinceMonth),
    unplaced: (filter) => unplacedByDistrict(db, filter),
  };
}

/** A filter of every kind, sometimes naming what no report has. */
export function randomFilter(rand: () => number, world: ReportWorld): PublicFilter {
  const filter: PublicFilter = {};
  if (rand() < 0.35) filter.category = rand() < 0.1 ? 'nie-ma-takiej' : pick(rand, world.categories);
  if (rand() < 0.35) filter.status = pick(rand, reportStatuses);
  if (rand() < 0.3) filter.unitId = rand() < 0.1 ? 'kpp-nieznana' : pick(rand, world.units);
  if (rand() < 0.15) filter.districtId = rand() < 0.1 ? 'kpp-lubartow/999' : pick(rand, world.districts).id;
  const day = () =>
    rand() < 0.5
      ? pick(rand, edgeDays)
      : new Date(Date.UTC(2024, 0, 1) + Math.floor(rand() * 1100) * 86_400_000).toISOString().slice(0, 10);
  if (rand() < 0.3) filter.from = day();
  if (rand() < 0.3) filter.to = day();
  if (filter.from && filter.to && filter.from > filter.to) [filter.from, filter.to] = [filter.to, filter.from];
  return filter;
}

/** Poland, a box with its edges on report points, or a box of any size around the reports (21.9–23.5°E, 50.8–51.8°N). */
export function randomBox(rand: () => number, world: ReportWorld): BoundingBox {
  const r = rand();
  if (r < 0.15) return { minLon: 14, minLat: 49, maxLon: 24.2, maxLat: 55 };
  if (r < 0.35 && world.points.length) {
    // Edges exactly on report points: `<@` counts the edges in.
    const a = pick(rand, world.points);
    const b = pick(rand, world.points);
    if (a.lon !== b.lon && a.lat !== b.lat) {
      return {
        minLon: Math.min(a.lon, b.lon),
        minLat: Math.min(a.lat, b.lat),
        maxLon: Math.max(a.lon, b.lon),
        maxLat: Math.max(a.lat, b.lat),
      };
    }
  }
  const width = 0.002 + rand() * rand() * 1.5;
  const height = 0.002 + rand() * rand() * 1.0;
  const minLon = 21.8 + rand() * 1.7;
  const minLat = 50.7 + rand() * 1.1;
  return { minLon, minLat, maxLon: minLon + width, maxLat: minLat + height };
}

const pointKey = (p: MapPoint) => ({ ...p, createdAt: p.createdAt.getTime() });
const sortedEntries = <K, V>(map: Map<K, V>) => [...map.entries()].sort((a, b) => String(a[0]).localeCompare(String(b[0])));

export function expectSameCells(fast: MapCell[], slow: MapCell[], context: string): void {
  expect(fast.length, context).toBe(slow.length);
  const unmatched = [...slow];
  for (const cell of fast) {
    // Cells are disjoint, so a cell's mean position names it.
    const at = unmatched.findIndex((other) => Math.abs(cell.lon - other.lon) < 1e-9 && Math.abs(cell.lat - other.lat) < 1e-9);
    expect(at, `${context}: the cell at ${cell.lon},${cell.lat}`).toBeGreaterThanOrEqual(0);
    const [other] = unmatched.splice(at, 1);
    expect({ count: cell.count, single: cell.single }, context).toEqual({ count: other!.count, single: other!.single });
  }
}

export function expectSameStats(fast: ReportStats, slow: ReportStats, context: string): void {
  expect(fast.total, context).toBe(slow.total);
  expect(sortedEntries(fast.byCategory), context).toEqual(sortedEntries(slow.byCategory));
  expect(sortedEntries(fast.byStatus), context).toEqual(sortedEntries(slow.byStatus));
  expect(sortedEntries(fast.byMonth), context).toEqual(sortedEntries(slow.byMonth));
  expect(fast.byHour, context).toEqual(slow.byHour);
  expect(fast.byWeekday, context).toEqual(slow.byWeekday);
  // The order is count, unit name, district name; groups alike in all three may come in any order.
  const order = (list: ReportStats['byDistrict']) => list.map((d) => [d.count, d.unitName, d.districtName]);
  const all = (list: ReportStats['byDistrict']) => list.map((d) => JSON.stringify(d)).sort();
  expect(order(fast.byDistrict), context).toEqual(order(slow.byDistrict));
  expect(all(fast.byDistrict), context).toEqual(all(slow.byDistrict));
}

/** Every answer of `fast` against `slow`, for `rounds` random filters and boxes; returns the rounds checked. */
export async function compareAnswers(
  fast: PublicAnswers,
  slow: PublicAnswers,
  world: ReportWorld,
  seed: number,
  rounds: number,
): Promise<number> {
  const rand = seededRandom(seed);
  for (let round = 0; round < rounds; round++) {
    const filter = randomFilter(rand, world);
    const box = randomBox(rand, world);
    const zoom = Math.floor(rand() * 15);
    const limit = pick(rand, [1, 7, 40, 2001]);
    const sinceMonth = pick(rand, ['2024-01-01', '2025-03-01', '2025-10-01', '2026-01-01', '2030-01-01']);
    const context = `seed ${seed} round ${round}: ${JSON.stringify({ filter, box, zoom, limit, sinceMonth })}`;
    expect(await fast.count(filter), context).toBe(await slow.count(filter));
    expect(await fast.extent(filter), context).toEqual(await slow.extent(filter));
    expectSameCells(await fast.mapCells(filter, box, zoom), await slow.mapCells(filter, box, zoom), context);
    expect((await fast.mapPoints(filter, box, limit)).map(pointKey), context).toEqual(
      (await slow.mapPoints(filter, box, limit)).map(pointKey),
    );
    expectSameStats(await fast.stats(filter, sinceMonth), await slow.stats(filter, sinceMonth), context);
    expect(await fast.unplaced(filter), context).toEqual(await slow.unplaced(filter));
  }
  return rounds;
}

/**
 * The precomputed clusters (all reports, each status, each category) at every precomputed zoom
 * against `slow`, over Poland and a random box; the zoom above them scans, as a control. The store
 * must say that the answers come from the precomputed cells, not from a scan. Returns the checks made.
 */
export async function comparePrecomputedCells(
  fast: PublicAnswers,
  slow: PublicAnswers,
  store: PublicReportStore,
  world: ReportWorld,
  seed: number,
): Promise<number> {
  const rand = seededRandom(seed);
  const filters: PublicFilter[] = [
    {},
    ...reportStatuses.map((status) => ({ status })),
    ...world.categories.map((category) => ({ category })),
  ];
  for (const filter of filters) {
    for (let zoom = 0; zoom <= precomputedZoom + 1; zoom++) {
      const box = rand() < 0.5 ? { minLon: 14.1, minLat: 49.0, maxLon: 24.2, maxLat: 54.9 } : randomBox(rand, world);
      const context = `precomputed, seed ${seed}: ${JSON.stringify({ filter, box, zoom })}`;
      const cells = await fast.mapCells(filter, box, zoom);
      expect(precomputedSlice(store, filter, zoom) !== null, context).toBe(zoom <= precomputedZoom);
      expectSameCells(cells, await slow.mapCells(filter, box, zoom), context);
    }
  }
  return filters.length * (precomputedZoom + 2);
}
