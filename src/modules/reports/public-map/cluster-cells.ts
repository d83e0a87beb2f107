import { cellIndex, cellSize, type CellRange } from './map-grid.js';

/*
 * Precomputed map clusters: for every grid cell of the zooms 0…maxZoom and every "slice" of the
 * reports (the caller numbers them: all reports, one status, one category…), the number of reports,
 * the sums of their public coordinates and of their ids. A cluster is then count and mean position; a
 * cell of one report names it by the id sum. Points are added and taken away one by one as reports
 * change, so the sums must not drift: each coordinate is split into two integers (whole 2^-20 and
 * 2^-50 degree units) whose sums stay exact (below 2^53) up to 16 million reports in one cell, and a
 * point taken away takes away exactly what it added. The mean read back is within a few units in
 * the 16th digit of the exact mean, like SQL's avg (public points are snapped to a 50 m grid but
 * carry all their binary digits, so whole micro-degrees would not do).
 */

const HI = 2 ** 20;
const LO = 2 ** 50;
/** Per slot: the sums of lon (two parts), lat (two parts) and id. */
const SUMS = 5;
/** Cell keys (x + OFFSET) * SPAN + (y + OFFSET) stay small integers while |x|, |y| < OFFSET. */
const OFFSET = 2 ** 14;
const SPAN = 2 * OFFSET;
/** At zoom 12 the globe is 8,738 cells wide and 7,097 high: the keys fit. */
const highestZoom = 12;

/** What a cell holds, as `read` reports it. */
export type CellVisitor = (count: number, lon: number, lat: number, idSum: number) => void;

const cellKey = (x: number, y: number) => (x + OFFSET) * SPAN + (y + OFFSET);

export class ClusterCells {
  /** One table per (slice, zoom): cell key → slot. */
  private tables: (Map<number, number> | undefined)[] = [];
  private counts = new Int32Array(0);
  private sums = new Float64Array(0);
  private readonly freeSlots: number[] = [];
  private slots = 0;
  /** Points held outside the globe (they have no cell key): while there are any, `covers` is false. */
  private outside = 0;
  private readonly levels: number;
  private readonly finest: { lon: number; lat: number };

  constructor(readonly maxZoom: number) {
    if (maxZoom < 0 || maxZoom > highestZoom) throw new RangeError(`cluster cells: zoom 0…${highestZoom}, got ${maxZoom}`);
    this.levels = maxZoom + 1;
    this.finest = cellSize(maxZoom);
  }

  /** Whether `read` answers for this zoom. */
  covers(zoom: number): boolean {
    return zoom >= 0 && zoom <= this.maxZoom && this.outside === 0;
  }

  /** Cells kept (all zooms and slices): the memory they take is about 50 bytes each plus the tables. */
  get size(): number {
    return this.slots - this.freeSlots.length;
  }

  clear(): void {
    this.tables = [];
    this.counts = new Int32Array(0);
    this.sums = new Float64Array(0);
    this.freeSlots.length = 0;
    this.slots = 0;
    this.outside = 0;
  }

  /**
   * Adds (sign 1) or takes away (sign -1) one report's point in each of its slices, at the zooms
   * `fromZoom`…maxZoom (a bulk load fills the finest zoom only, then `fillCoarser`).
   */
  addPoint(slices: readonly number[], lon: number, lat: number, id: number, sign: 1 | -1, fromZoom = 0): void {
    if (!(lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90)) {
      this.outside += sign;
      return;
    }
    const lonHi = Math.round(lon * HI);
    const lonLo = Math.round((lon - lonHi / HI) * LO);
    const latHi = Math.round(lat * HI);
    const latLo = Math.round((lat - latHi / HI) * LO);
    // The cell one zoom up is the cell index halved (floor): the grid nests exactly.
    let x = cellIndex(lon, this.finest.lon);
    let y = cellIndex(lat, this.finest.lat);
    for (let zoom = this.maxZoom; zoom >= fromZoom; zoom--, x >>= 1, y >>= 1) {
      for (const slice of slices) this.add(slice, zoom, x, y, sign, sign * lonHi, sign * lonLo, sign * latHi, sign * latLo, sign * id);
    }
  }

  /** After points were added at the finest zoom only: every coarser zoom from the one below it. */
  fillCoarser(): void {
    const slices = Math.ceil(this.tables.length / this.levels);
    for (let zoom = this.maxZoom - 1; zoom >= 0; zoom--) {
      for (let slice = 0; slice < slices; slice++) {
        const table = this.tables[slice * this.levels + zoom + 1];
        if (!table) continue;
        for (const [key, slot] of table) {
          const x = Math.floor(key / SPAN) - OFFSET;
          const y = (key % SPAN) - OFFSET;
          // (read before `add`, which may grow the arrays)
          const s = this.sums;
          const o = slot * SUMS;
          this.add(slice, zoom, x >> 1, y >> 1, this.counts[slot]!, s[o]!, s[o + 1]!, s[o + 2]!, s[o + 3]!, s[o + 4]!);
        }
      }
    }
  }

  /** Reports every non-empty cell of the range in one slice; the range's zoom must be covered. */
  read(slice: number, range: CellRange, visit: CellVisitor): void {
    const table = this.tables[slice * this.levels + range.zoom];
    if (!table) return;
    const width = range.x1 - range.x0 + 1;
    const height = range.y1 - range.y0 + 1;
    // Look each cell of the range up, or, when the slice has fewer cells than the range, walk them.
    if (width * height <= table.size) {
      for (let x = range.x0; x <= range.x1; x++) {
        for (let y = range.y0; y <= range.y1; y++) {
          const slot = table.get(cellKey(x, y));
          if (slot !== undefined) this.visitSlot(slot, visit);
        }
      }
      return;
    }
    for (const [key, slot] of table) {
      const x = Math.floor(key / SPAN) - OFFSET;
      const y = (key % SPAN) - OFFSET;
      if (x >= range.x0 && x <= range.x1 && y >= range.y0 && y <= range.y1) this.visitSlot(slot, visit);
    }
  }

  private visitSlot(slot: number, visit: CellVisitor): void {
    const count = this.counts[slot]!;
    const s = this.sums;
    const o = slot * SUMS;
    visit(count, (s[o]! / HI + s[o + 1]! / LO) / count, (s[o + 2]! / HI + s[o + 3]! / LO) / count, s[o + 4]!);
  }

  private add(
    slice: number,
    zoom: number,
    x: number,
    y: number,
    count: number,
    lonHi: number,
    lonLo: number,
    latHi: number,
    latLo: number,
    id: number,
  ): void {
    const t = slice * this.levels + zoom;
    const table = (this.tables[t] ??= new Map<number, number>());
    const key = cellKey(x, y);
    let slot = table.get(key);
    if (slot === undefined) {
      slot = this.allocate();
      table.set(key, slot);
    }
    const s = this.sums;
    const o = slot * SUMS;
    s[o]! += lonHi;
    s[o + 1]! += lonLo;
    s[o + 2]! += latHi;
    s[o + 3]! += latLo;
    s[o + 4]! += id;
    this.counts[slot]! += count;
    if (this.counts[slot] === 0) {
      // Empty again: the sums are exactly zero too; the slot serves another cell.
      table.delete(key);
      this.freeSlots.push(slot);
    }
  }

  private allocate(): number {
    const reused = this.freeSlots.pop();
    if (reused !== undefined) {
      // Its sums came back to exactly zero; cleared anyway, so one slip could not leak into another cell.
      this.sums.fill(0, reused * SUMS, (reused + 1) * SUMS);
      return reused;
    }
    if (this.slots === this.counts.length) {
      const capacity = Math.max(1024, this.slots * 2);
      const counts = new Int32Array(capacity);
      counts.set(this.counts);
      const sums = new Float64Array(capacity * SUMS);
      sums.set(this.sums);
      this.counts = counts;
      this.sums = sums;
    }
    return this.slots++;
  }
}
