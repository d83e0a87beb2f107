import { describe, expect, it } from 'vitest';
import {
  comparePrecomputedCells,
  compareAnswers,
  edgeDays,
  expectSameCells,
  expectSameStats,
  pick,
  type PublicAnswers,
  type ReportWorld,
} from '../../../../test/support/public-reports.js';
import { seededRandom } from '../../../../test/support/random.js';
import { reportStatuses, type BoundingBox, type ReportStatus } from '../rules/index.js';
import type { PublicFilter } from './filters.js';
import { cellRange } from './map-grid.js';
import { dateFromMicros, dayNumber, type PublicReportRow } from './report-columns.js';
import { countReports, precomputedSlice, reportCells, reportExtent, reportPoints, unplacedReports } from './report-queries.js';
import { reportStats } from './report-stats.js';
import { PublicReportStore, type RegisterNames } from './report-store.js';
import type { DistrictCount, MapCell, ReportStats } from './repository.js';

/*
 * The store and its queries without a database: random rows, random changes, and every answer
 * compared with a slow, obvious reference over the same plain rows (public-reports.test.ts compares
 * the store with the SQL reference as well).
 */

const warsawDay = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Warsaw', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The register: a unit tree, districts (two with the same name), categories; sorted by name. */
function makeRegister(): RegisterNames {
  const units = [
    { id: 'kgp', parentId: null, name: 'Komenda Glowna' },
    { id: 'kwp-a', parentId: 'kgp', name: 'KWP A' },
    { id: 'kwp-b', parentId: 'kgp', name: 'KWP B' },
    { id: 'kpp-a1', parentId: 'kwp-a', name: 'KPP A1' },
    { id: 'kpp-a2', parentId: 'kwp-a', name: 'KPP A2' },
    { id: 'kpp-b1', parentId: 'kwp-b', name: 'KPP B1' },
  ];
  const districts = ['kpp-a1', 'kpp-a1', 'kpp-a1', 'kpp-a2', 'kpp-a2', 'kpp-b1', 'kpp-b1'].map((unitId, i) => ({
    id: `${unitId}/${i + 1}`,
    unitId,
    name: `Rejon ${i % 3}`,
  }));
  const byName = (a: { name: string }, b: { name: string }) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  return { units: units.sort(byName), districts: districts.sort(byName), categories: ['drogi', 'alkohol', 'halas', 'wandalizm'] };
}

/** Rows with varied public data: repeated points, reports given by address, days at DST edges. */
function makeRows(rand: () => number, register: RegisterNames, ids: number[], points: { lon: number; lat: number }[]): PublicReportRow[] {
  return ids.map((id) => {
    const district = rand() < 0.7 ? pick(rand, register.districts) : null;
    // Now and then a district of another unit: the application never does it, the schema allows it.
    const unitId = district && rand() < 0.9 ? district.unitId : pick(rand, register.units).id;
    let point: { lon: number; lat: number } | null = null;
    if (rand() >= 0.15) {
      point =
        points.length && rand() < 0.15
          ? pick(rand, points)
          : { lon: Math.round((21.9 + rand() * 1.6) * 1e5) / 1e5, lat: Math.round((50.8 + rand()) * 1e5) / 1e5 };
      points.push(point);
    }
    // Around midnight in Poland (+01:00 in winter, +02:00 in summer: one of the two is the edge).
    const edge =
      rand() < 0.1 ? Date.parse(`${pick(rand, edgeDays)}T00:00:00${pick(rand, ['+01:00', '+02:00'])}`) - 1 + Math.floor(rand() * 3) : null;
    const ms = edge ?? Date.UTC(2024, 0, 1) + Math.floor(rand() * 1050 * 86_400_000);
    const micros = ms * 1000 + Math.floor(rand() * 1000);
    // The event: none, a day alone, or a day and an hour (the public data never carry minutes).
    const eventDay =
      rand() < 0.3 ? null : dayNumber(rand() < 0.2 ? pick(rand, edgeDays) : warsawDay.format(new Date(ms - rand() * 30 * 86_400_000)));
    return {
      id: String(id),
      categoryId: pick(rand, register.categories),
      status: pick(rand, reportStatuses),
      lon: point?.lon ?? null,
      lat: point?.lat ?? null,
      unitId,
      districtId: district?.id ?? null,
      createdMicros: micros,
      day: dayNumber(warsawDay.format(new Date(ms))),
      confirmations: Math.floor(rand() * 4),
      eventDay,
      eventHour: eventDay !== null && rand() < 0.6 ? Math.floor(rand() * 24) : null,
    };
  });
}

/** The slow, obvious answers: a filter over every row, then counting and sorting. */
function referenceAnswers(rows: Map<number, PublicReportRow>, register: RegisterNames) {
  const parent = new Map(register.units.map((u) => [u.id, u.parentId]));
  const within = (unitId: string, root: string): boolean => {
    for (let u: string | null | undefined = unitId; u; u = parent.get(u)) if (u === root) return true;
    return false;
  };
  const select = (filter: PublicFilter) =>
    [...rows.values()].filter(
      (r) =>
        (!filter.category || r.categoryId === filter.category) &&
        (!filter.status || r.status === filter.status) &&
        (!filter.unitId || within(r.unitId, filter.unitId)) &&
        (!filter.districtId || r.districtId === filter.districtId) &&
        (!filter.from || r.day >= dayNumber(filter.from)) &&
        (!filter.to || r.day <= dayNumber(filter.to)),
    );
  const placed = (filter: PublicFilter) =>
    select(filter).filter((r): r is PublicReportRow & { lon: number; lat: number } => r.lon !== null && r.lat !== null);
  const compareText = (a: string | null, b: string | null) => (a === b ? 0 : a === null ? 1 : b === null ? -1 : a < b ? -1 : 1);
  return {
    count: (filter) => select(filter).length,
    extent: (filter) => {
      const points = placed(filter);
      if (!points.length) return null;
      const lons = points.map((p) => p.lon);
      const lats = points.map((p) => p.lat);
      return { minLon: Math.min(...lons), minLat: Math.min(...lats), maxLon: Math.max(...lons), maxLat: Math.max(...lats) };
    },
    mapCells: (filter, box, zoom) => {
      const range = cellRange(box, zoom);
      const cells = new Map<string, (PublicReportRow & { lon: number; lat: number })[]>();
      for (const r of placed(filter)) {
        const x = Math.floor(r.lon / range.lon);
        const y = Math.floor(r.lat / range.lat);
        if (x < range.x0 || x > range.x1 || y < range.y0 || y > range.y1) continue;
        cells.set(`${x},${y}`, [...(cells.get(`${x},${y}`) ?? []), r]);
      }
      return [...cells.values()].map((list): MapCell => {
        const single =
          list.length === 1 ? { id: Number(list[0]!.id), categoryId: list[0]!.categoryId, status: list[0]!.status as ReportStatus } : null;
        return {
          count: list.length,
          lon: list.reduce((s, r) => s + r.lon, 0) / list.length,
          lat: list.reduce((s, r) => s + r.lat, 0) / list.length,
          single,
        };
      });
    },
    mapPoints: (filter, box, limit) =>
      placed(filter)
        .filter((r) => r.lon >= box.minLon && r.lon <= box.maxLon && r.lat >= box.minLat && r.lat <= box.maxLat)
        .sort((a, b) => Number(b.createdMicros) - Number(a.createdMicros) || Number(b.id) - Number(a.id))
        .slice(0, limit)
        .map((r) => ({
          id: Number(r.id),
          categoryId: r.categoryId,
          status: r.status as ReportStatus,
          lon: r.lon,
          lat: r.lat,
          confirmations: r.confirmations,
          createdAt: dateFromMicros(Number(r.createdMicros)),
        })),
    stats: (filter, sinceMonth): ReportStats => {
      const selected = select(filter);
      const tally = <K>(keys: K[]) => keys.reduce((map, key) => map.set(key, (map.get(key) ?? 0) + 1), new Map<K, number>());
      const unitName = new Map(register.units.map((u) => [u.id, u.name]));
      const districtName = new Map(register.districts.map((d) => [d.id, d.name]));
      const groups = tally(selected.map((r) => JSON.stringify([r.districtId, r.unitId])));
      const byDistrict = [...groups].map(([key, count]): DistrictCount => {
        const [districtId, unitId] = JSON.parse(key) as [string | null, string];
        return {
          districtId,
          districtName: districtId === null ? null : (districtName.get(districtId) ?? districtId),
          unitId,
          unitName: unitName.get(unitId) ?? unitId,
          count,
        };
      });
      byDistrict.sort((a, b) => b.count - a.count || compareText(a.unitName, b.unitName) || compareText(a.districtName, b.districtName));
      return {
        total: selected.length,
        byCategory: tally(selected.map((r) => r.categoryId)),
        byStatus: tally(selected.map((r) => r.status as ReportStatus)),
        byDistrict,
        byMonth: tally(
          selected.filter((r) => r.day >= dayNumber(sinceMonth)).map((r) => new Date(r.day * 86_400_000).toISOString().slice(0, 7)),
        ),
        byHour: Array.from({ length: 24 }, (_, hour) => selected.filter((r) => r.eventHour === hour).length),
        // getUTCDay: Sunday 0; the statistics start the week on Monday.
        byWeekday: Array.from(
          { length: 7 },
          (_, weekday) =>
            selected.filter((r) => r.eventDay !== null && (new Date(r.eventDay * 86_400_000).getUTCDay() + 6) % 7 === weekday).length,
        ),
      };
    },
    unplaced: (filter) => {
      const counts = new Map<string, number>();
      for (const r of select(filter))
        if (r.lon === null && r.districtId !== null) counts.set(r.districtId, (counts.get(r.districtId) ?? 0) + 1);
      return counts;
    },
  } satisfies PublicAnswers;
}

/** The store's own answers. */
const storeAnswers = (store: PublicReportStore): PublicAnswers => ({
  count: (filter) => countReports(store, filter),
  extent: (filter) => reportExtent(store, filter),
  mapCells: (filter, box, zoom) => reportCells(store, filter, box, zoom),
  mapPoints: (filter, box, limit) => reportPoints(store, filter, box, limit),
  stats: (filter, sinceMonth) => reportStats(store, filter, sinceMonth),
  unplaced: (filter) => unplacedReports(store, filter),
});

/** A loaded store and the rows it was given, as the feed loads it: by id, then the register. */
function loaded(seed: number, count: number) {
  const rand = seededRandom(seed);
  const register = makeRegister();
  const points: { lon: number; lat: number }[] = [];
  // Ids with gaps, for reports committed late (below the highest id) to fill.
  const ids = Array.from({ length: count }, (_, i) => 3 * i + 1);
  const rows = new Map(makeRows(rand, register, ids, points).map((row) => [Number(row.id), row]));
  const store = new PublicReportStore();
  store.reset();
  for (const row of rows.values()) store.put(row);
  store.setRegister(register);
  store.finishLoad();
  const world: ReportWorld = {
    categories: register.categories,
    units: register.units.map((u) => u.id),
    districts: register.districts,
    points,
  };
  return { rand, register, points, rows, store, world };
}

describe('the in-memory store of public report data', () => {
  it('answers counts, extents, clusters, single reports and statistics as the obvious computation does', async () => {
    const { rows, register, store, world } = loaded(1, 400);
    expect(store.size).toBe(400);
    expect(unplacedReports(store, {}).size).toBeGreaterThan(0);
    expect(await compareAnswers(storeAnswers(store), referenceAnswers(rows, register), world, 11, 150)).toBe(150);
    await comparePrecomputedCells(storeAnswers(store), referenceAnswers(rows, register), store, world, 21);
  });

  it('stays exact through status, category and point changes, deletions, late and new reports', async () => {
    const { rand, rows, register, store, world, points } = loaded(2, 300);
    const reference = referenceAnswers(rows, register);
    const removed: PublicReportRow[] = [];
    for (let step = 0; step < 200; step++) {
      const r = rand();
      const id = pick(rand, [...rows.keys()]);
      const row = rows.get(id)!;
      let next: PublicReportRow;
      if (r < 0.2) {
        next = {
          ...row,
          status: pick(rand, reportStatuses),
          categoryId: pick(rand, register.categories),
          confirmations: row.confirmations + 1,
        };
      } else if (r < 0.4) {
        // A move within the area, to no point (an address), or from no point to one.
        const [moved] = makeRows(rand, register, [id], points);
        next = { ...row, lon: moved!.lon, lat: moved!.lat };
      } else if (r < 0.55) {
        rows.delete(id);
        store.remove(id);
        removed.push(row);
        continue;
      } else if (r < 0.65 && removed.length) {
        // Listed again (a flood hold released).
        next = removed.pop()!;
      } else {
        // A report committed after one with a higher id (in a gap), or a new one at the end.
        const newId = r < 0.85 ? 3 * Math.floor(rand() * 300) + 2 : 3 * 300 + step;
        if (rows.has(newId)) continue;
        next = makeRows(rand, register, [newId], points)[0]!;
      }
      rows.set(Number(next.id), next);
      store.put(next);
    }
    expect(store.size).toBe(rows.size);
    await compareAnswers(storeAnswers(store), reference, world, 12, 100);
    await comparePrecomputedCells(storeAnswers(store), reference, store, world, 22);
  });

  it('uses new names once the register changes', () => {
    const { rows, register, store } = loaded(3, 100);
    register.units.find((u) => u.id === 'kpp-b1')!.name = 'AAA pierwsza';
    register.districts.find((d) => d.unitId === 'kpp-b1')!.name = 'Rejon nowy';
    register.units.sort((a, b) => (a.name < b.name ? -1 : 1));
    register.districts.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    store.registerChanged();
    expect(store.needsRegister).toBe(true);
    store.setRegister(register);
    const stats = reportStats(store, {}, '2024-01-01');
    expect(stats.byDistrict.map((d) => d.unitName)).toContain('AAA pierwsza');
    expect(stats.byDistrict.map((d) => d.districtName)).toContain('Rejon nowy');
    expectSameStats(stats, referenceAnswers(rows, register).stats({}, '2024-01-01'), 'renamed');
  });

  it('answers by scanning before the load is finished, and from the precomputed cells after', async () => {
    const rand = seededRandom(4);
    const register = makeRegister();
    const points: { lon: number; lat: number }[] = [];
    const rows = new Map(makeRows(rand, register, [5, 9, 2, 7, 1], points).map((row) => [Number(row.id), row]));
    const store = new PublicReportStore();
    store.reset();
    for (const row of rows.values()) store.put(row);
    store.setRegister(register);
    const poland: BoundingBox = { minLon: 14, minLat: 49, maxLon: 24.2, maxLat: 55 };
    expect(precomputedSlice(store, {}, 5)).toBeNull();
    const world: ReportWorld = {
      categories: register.categories,
      units: register.units.map((u) => u.id),
      districts: register.districts,
      points,
    };
    await compareAnswers(storeAnswers(store), referenceAnswers(rows, register), world, 14, 30);
    store.finishLoad();
    expect(precomputedSlice(store, {}, 5)).not.toBeNull();
    expectSameCells(reportCells(store, {}, poland, 5), referenceAnswers(rows, register).mapCells({}, poland, 5), 'after the load');
  });
});
