import type { BoundingBox, ReportStatus } from '../rules/index.js';
import type { PublicFilter } from './filters.js';
import { cellIndex, cellRange, rangeBox, type CellRange } from './map-grid.js';
import { DELETED, NO_DISTRICT, dateFromMicros, dayNumber } from './report-columns.js';
import { ALL_SLICE, categorySlice, statusSlice, type PublicReportStore } from './report-store.js';
import type { MapCell, MapPoint } from './repository.js';

/*
 * The questions the public pages ask, answered from the store's columns. Every answer has exactly
 * the semantics of the SQL reference in repository.ts (the tests compare the two): the same filters,
 * the same Polish calendar days (the day of each report is computed by the database with
 * `at time zone 'Europe/Warsaw'`), the same order.
 */

const ALL_UNITS = new Uint8Array(0);

/** A filter turned into codes; `none` when it names something no report has. */
export interface Compiled {
  none: boolean;
  category: number;
  status: number;
  units: Uint8Array | null;
  /** -2: any district. */
  district: number;
  from: number;
  to: number;
}

/** The rows a query selected: `rows[0…count)`, valid until the next query. */
export interface Selection {
  rows: Int32Array;
  count: number;
}

export function compile(store: PublicReportStore, filter: PublicFilter): Compiled {
  const compiled: Compiled = { none: false, category: -1, status: -1, units: null, district: -2, from: -0x80000000, to: 0x7fffffff };
  if (filter.category) {
    compiled.category = store.categoryCodes.find(filter.category);
    if (compiled.category < 0) compiled.none = true;
  }
  if (filter.status) {
    compiled.status = store.statusCodes.find(filter.status);
    if (compiled.status < 0) compiled.none = true;
  }
  if (filter.unitId) compiled.units = store.subtree(filter.unitId);
  if (filter.districtId) {
    compiled.district = store.districtCodes.find(filter.districtId);
    if (compiled.district < 0) compiled.none = true;
  }
  if (filter.from) compiled.from = dayNumber(filter.from);
  if (filter.to) compiled.to = dayNumber(filter.to);
  return compiled;
}

/**
 * The rows that pass the filter (and, with a box, whose public point lies in it, edges included
 * as with `<@`). One tight loop over the columns, or the R-tree for a box much smaller than the data.
 */
export function selectRows(store: PublicReportStore, f: Compiled, box: BoundingBox | null): Selection {
  const c = store.columns;
  const out = c.selection();
  if (f.none) return { rows: out, count: 0 };
  const { n, lons, lats, statuses, categories, districts, units, days } = c;
  const status = f.status;
  const category = f.category;
  const district = f.district;
  const unitMask = f.units ?? ALL_UNITS;
  const checkUnits = f.units !== null;
  const from = f.from;
  const to = f.to;
  const passes = (i: number) => {
    const s = statuses[i]!;
    if (s === DELETED || (status >= 0 && s !== status)) return false;
    if (category >= 0 && categories[i] !== category) return false;
    if (district !== -2 && districts[i] !== district) return false;
    if (checkUnits && unitMask[units[i]!] !== 1) return false;
    const day = days[i]!;
    return day >= from && day <= to;
  };
  let k = 0;
  if (box !== null && store.tree.helps(box)) {
    store.tree.search(c, box, (i) => {
      if (passes(i)) out[k++] = i;
    });
    return { rows: out, count: k };
  }
  // No box, or a box over most of the data: one straight scan is faster than the tree.
  const { minLon, minLat, maxLon, maxLat } = box ?? { minLon: 0, minLat: 0, maxLon: 0, maxLat: 0 };
  const inBox = box !== null;
  // The tests of `passes` written out: the loop runs over every row, and a call per row costs here.
  for (let i = 0; i < n; i++) {
    if (inBox) {
      const lon = lons[i]!;
      if (!(lon >= minLon && lon <= maxLon)) continue;
      const lat = lats[i]!;
      if (!(lat >= minLat && lat <= maxLat)) continue;
    }
    const s = statuses[i]!;
    if (s === DELETED || (status >= 0 && s !== status)) continue;
    if (category >= 0 && categories[i] !== category) continue;
    if (district !== -2 && districts[i] !== district) continue;
    if (checkUnits && unitMask[units[i]!] !== 1) continue;
    const day = days[i]!;
    if (day < from || day > to) continue;
    out[k++] = i;
  }
  return { rows: out, count: k };
}

/** As `countPublic`. */
export function countReports(store: PublicReportStore, filter: PublicFilter): number {
  const f = compile(store, filter);
  if (f.none) return 0;
  if (f.category < 0 && f.status < 0 && f.district === -2 && f.units === null && !filter.from && !filter.to) return store.size;
  return selectRows(store, f, null).count;
}

/** As `publicExtent`. */
export function reportExtent(store: PublicReportStore, filter: PublicFilter): BoundingBox | null {
  const { rows, count } = selectRows(store, compile(store, filter), null);
  const { lons, lats } = store.columns;
  let minLon = Infinity;
  let minLat = Infinity;
  let maxLon = -Infinity;
  let maxLat = -Infinity;
  for (let j = 0; j < count; j++) {
    const i = rows[j]!;
    const lon = lons[i]!;
    if (Number.isNaN(lon)) continue;
    const lat = lats[i]!;
    if (lon < minLon) minLon = lon;
    if (lon > maxLon) maxLon = lon;
    if (lat < minLat) minLat = lat;
    if (lat > maxLat) maxLat = lat;
  }
  return minLon === Infinity ? null : { minLon, minLat, maxLon, maxLat };
}

/** As `unplacedByDistrict`: reports without a public point (given by address), per district. */
export function unplacedReports(store: PublicReportStore, filter: PublicFilter): Map<string, number> {
  const f = compile(store, filter);
  const counts = new Map<string, number>();
  if (f.none) return counts;
  const { rows, count } = selectRows(store, f, null);
  const { lons, districts } = store.columns;
  for (let j = 0; j < count; j++) {
    const i = rows[j]!;
    const district = districts[i]!;
    if (!Number.isNaN(lons[i]!) || district === NO_DISTRICT) continue;
    const id = store.districtCodes.values[district]!;
    counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return counts;
}

/** The precomputed cluster slice that answers a filter at a zoom, or null when its rows must be scanned. */
export function precomputedSlice(store: PublicReportStore, filter: PublicFilter, zoom: number): number | null {
  const f = compile(store, filter);
  return f.none ? null : sliceFor(store, filter, f, zoom);
}

function sliceFor(store: PublicReportStore, filter: PublicFilter, f: Compiled, zoom: number): number | null {
  if (!store.clustersLive || !store.clusters.covers(zoom)) return null;
  if (filter.unitId || filter.districtId || filter.from || filter.to) return null;
  if (f.status >= 0) return f.category >= 0 ? null : statusSlice(f.status);
  return f.category >= 0 ? categorySlice(f.category) : ALL_SLICE;
}

/** As `mapCells`: the reports in the cells the box touches at `zoom`, cell by cell. */
export function reportCells(store: PublicReportStore, filter: PublicFilter, box: BoundingBox, zoom: number): MapCell[] {
  const f = compile(store, filter);
  if (f.none) return [];
  const range = cellRange(box, zoom);
  const slice = sliceFor(store, filter, f, zoom);
  return slice === null ? scanCells(store, f, range) : readCells(store, slice, range);
}

function readCells(store: PublicReportStore, slice: number, range: CellRange): MapCell[] {
  const cells: MapCell[] = [];
  store.clusters.read(slice, range, (count, lon, lat, idSum) => {
    cells.push(mapCell(store, count, lon, lat, count === 1 ? store.rowOf(idSum) : -1));
  });
  return cells;
}

/** The selected rows binned into the cells of the range. */
function scanCells(store: PublicReportStore, f: Compiled, range: CellRange): MapCell[] {
  // The box of the cells, a little larger: rows in its margin fall outside the range below.
  const { rows, count: k } = selectRows(store, f, rangeBox(range));
  const { x0, y0, lon: cellLon, lat: cellLat } = range;
  const width = range.x1 - x0 + 1;
  const height = range.y1 - y0 + 1;
  // The slot of a cell: its place in a dense grid for the map's own requests (a few thousand
  // cells); otherwise numbered on first sight.
  const numbers = width * height <= 1 << 16 ? null : new Map<number, number>();
  const slots = numbers ? Math.min(k, width * height) : width * height;
  const count = new Int32Array(slots);
  const sumLon = new Float64Array(slots);
  const sumLat = new Float64Array(slots);
  const rowOf = new Int32Array(slots);
  const order: number[] = [];
  const { lons, lats } = store.columns;
  for (let j = 0; j < k; j++) {
    const i = rows[j]!;
    const lon = lons[i]!;
    const lat = lats[i]!;
    const x = cellIndex(lon, cellLon) - x0;
    const y = cellIndex(lat, cellLat) - y0;
    if (x < 0 || x >= width || y < 0 || y >= height) continue;
    let slot = y * width + x;
    if (numbers) {
      const known = numbers.get(slot);
      if (known === undefined) numbers.set(slot, (slot = numbers.size));
      else slot = known;
    }
    if (count[slot] === 0) order.push(slot);
    count[slot]!++;
    sumLon[slot]! += lon;
    sumLat[slot]! += lat;
    rowOf[slot] = i;
  }
  return order.map((slot) => {
    const n = count[slot]!;
    return mapCell(store, n, sumLon[slot]! / n, sumLat[slot]! / n, rowOf[slot]!);
  });
}

/** A cluster, or, for a cell of one report (row `row`), that report at its own point. */
function mapCell(store: PublicReportStore, count: number, lon: number, lat: number, row: number): MapCell {
  if (count !== 1) return { count, lon, lat, single: null };
  const c = store.columns;
  return {
    count,
    lon: c.lons[row]!,
    lat: c.lats[row]!,
    single: {
      id: c.ids[row]!,
      categoryId: store.categoryCodes.values[c.categories[row]!]!,
      status: store.statusCodes.values[c.statuses[row]!]! as ReportStatus,
    },
  };
}

/** As `mapPoints`: single reports in the box, newest first, at most `limit`. */
export function reportPoints(store: PublicReportStore, filter: PublicFilter, box: BoundingBox, limit: number): MapPoint[] {
  const f = compile(store, filter);
  if (limit <= 0) return [];
  const c = store.columns;
  const { created, ids } = c;
  // "a comes after b" in the answer's order (created_at desc, id desc).
  const later = (a: number, b: number) => created[a]! < created[b]! || (created[a] === created[b] && ids[a]! < ids[b]!);
  // A heap of the best `limit` rows so far, the one that would be cut first on top.
  const heap: number[] = [];
  const down = (start: number) => {
    let k = start;
    for (;;) {
      const l = 2 * k + 1;
      const r = l + 1;
      let top = k;
      if (l < heap.length && later(heap[l]!, heap[top]!)) top = l;
      if (r < heap.length && later(heap[r]!, heap[top]!)) top = r;
      if (top === k) return;
      [heap[k], heap[top]] = [heap[top]!, heap[k]!];
      k = top;
    }
  };
  const { rows: selected, count } = selectRows(store, f, box);
  for (let j = 0; j < count; j++) {
    const i = selected[j]!;
    if (heap.length < limit) {
      heap.push(i);
      let k = heap.length - 1;
      while (k > 0) {
        const parent = (k - 1) >> 1;
        if (!later(heap[k]!, heap[parent]!)) break;
        [heap[k], heap[parent]] = [heap[parent]!, heap[k]!];
        k = parent;
      }
    } else if (later(heap[0]!, i)) {
      heap[0] = i;
      down(0);
    }
  }
  heap.sort((a, b) => (later(a, b) ? 1 : later(b, a) ? -1 : 0));
  return heap.map((i) => ({
    id: ids[i]!,
    categoryId: store.categoryCodes.values[c.categories[i]!]!,
    status: store.statusCodes.values[c.statuses[i]!]! as ReportStatus,
    lon: c.lons[i]!,
    lat: c.lats[i]!,
    confirmations: c.confirmations[i]!,
    createdAt: dateFromMicros(created[i]!),
  }));
}
