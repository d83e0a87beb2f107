import { reportStatuses } from '../rules/index.js';
import { ClusterCells } from './cluster-cells.js';
import { DELETED, Dictionary, NO_DISTRICT, NO_EVENT_DAY, NO_EVENT_HOUR, ReportColumns, type PublicReportRow } from './report-columns.js';
import { RowTree } from './row-tree.js';

/*
 * An in-memory, columnar copy of the PUBLIC columns of every report listed publicly, for the public
 * map, the statistics page and the list's total: id, category, status, the public (50 m grid) point,
 * unit, district, the creation time and the "me too" count. Nothing else is ever given to it.
 *
 * The store is plain data: rows come in through `put` and `remove`, the register's names and ranks
 * through `setRegister`; `report-feed.ts` reads both from the database and `report-queries.ts`
 * answers from the columns. It keeps three things in step with the rows: the columns themselves, the
 * R-tree over their points (`RowTree`) and the precomputed map clusters (`ClusterCells`).
 *
 * Map clusters of zooms 0…`precomputedZoom` for all reports, one status or one category come from
 * cells kept up to date row by row: at those zooms a box covers much of the country, and reading a
 * few thousand cells beats scanning a million rows. Other filters scan.
 */

/**
 * Clusters up to this zoom are precomputed. From zoom 11 on, a screen covers under a fiftieth of
 * Poland, and the R-tree finds its rows in a few milliseconds; every zoom more would cost four times
 * the cells of the one before.
 */
export const precomputedZoom = 10;
/** Slices of the precomputed clusters: all reports, then one status or one category, interleaved. */
export const ALL_SLICE = 0;
export const statusSlice = (status: number): number => 1 + 2 * status;
export const categorySlice = (category: number): number => 2 + 2 * category;

/** The register as the store needs it, each list sorted by name in the database's collation. */
export interface RegisterNames {
  units: { id: string; parentId: string | null; name: string }[];
  districts: { id: string; unitId: string; name: string }[];
  /** Category ids (in any order). */
  categories: string[];
}

/** Facts about the codes, replaced as a whole when the register changes. */
export interface CodeFacts {
  /** Sort rank of each unit and district code by name: equal names (in the database's collation) share a rank. */
  unitRank: Int32Array;
  districtRank: Int32Array;
  unitNames: string[];
  districtNames: (string | null)[];
  unitChildren: number[][];
  /** The unit code of each district (a report there normally has this unit). */
  districtUnit: Int32Array;
}

const noFacts = (): CodeFacts => ({
  unitRank: new Int32Array(1),
  districtRank: new Int32Array(1),
  unitNames: [],
  districtNames: [],
  unitChildren: [],
  districtUnit: new Int32Array(1),
});

/** Ranks of values sorted by key: equal keys share a rank; values without one sort last. */
function ranks(sorted: readonly { id: string; name: string }[], dictionary: Dictionary): Int32Array {
  const rank = new Int32Array(Math.max(1, dictionary.size)).fill(0x7fffffff);
  let r = -1;
  let previous: string | null = null;
  for (const { id, name } of sorted) {
    if (name !== previous) r++;
    previous = name;
    const code = dictionary.find(id);
    if (code >= 0) rank[code] = r;
  }
  return rank;
}

export class PublicReportStore {
  readonly columns = new ReportColumns();
  readonly categoryCodes = new Dictionary(0xffff);
  readonly statusCodes = new Dictionary(DELETED);
  readonly unitCodes = new Dictionary(0xffff);
  readonly districtCodes = new Dictionary(0x7fffffff);
  readonly tree = new RowTree();
  readonly clusters = new ClusterCells(precomputedZoom);
  private codeFacts = noFacts();
  private readonly subtrees = new Map<string, Uint8Array>();
  private registerStale = true;
  /** After `finishLoad`: the tree and the clusters follow every change row by row. */
  private live = false;
  /** The slices of one row (all, its status, its category), reused. */
  private readonly rowSlices = [ALL_SLICE, 0, 0];

  /** Reports held (deleted ones not counted). */
  get size(): number {
    return this.columns.size;
  }

  get facts(): Readonly<CodeFacts> {
    return this.codeFacts;
  }

  /** Whether the precomputed clusters are built (and so answer). */
  get clustersLive(): boolean {
    return this.live;
  }

  /** Whether names or ranks are missing for some code, or the register changed (`registerChanged`). */
  get needsRegister(): boolean {
    return this.registerStale;
  }

  registerChanged(): void {
    this.registerStale = true;
  }

  /** Empties the store for a new load. */
  reset(): void {
    this.columns.clear();
    this.tree.clear();
    this.clusters.clear();
    this.live = false;
  }

  /** After a load of many rows: the room cut to size, the tree and the clusters built at once. */
  finishLoad(): void {
    this.columns.trim();
    this.tree.rebuild(this.columns);
    this.clusters.clear();
    this.live = true;
    for (let i = 0; i < this.columns.n; i++) this.contribute(i, 1, precomputedZoom);
    this.clusters.fillCoarser();
  }

  /** Rebuilds the tree when many rows came since its last build. */
  tidy(): void {
    if (this.tree.isStale(this.columns.n)) this.tree.rebuild(this.columns);
  }

  /** Names, parents and sort ranks of the codes. */
  setRegister(register: RegisterNames): void {
    const { units, districts, categories } = register;
    for (const row of units) this.unitCodes.code(row.id);
    for (const row of districts) this.districtCodes.code(row.id);
    for (const id of categories) this.categoryCodes.code(id);
    for (const status of reportStatuses) this.statusCodes.code(status);
    const facts: CodeFacts = {
      unitRank: ranks(units, this.unitCodes),
      districtRank: ranks(districts, this.districtCodes),
      unitNames: [...this.unitCodes.values],
      unitChildren: this.unitCodes.values.map(() => []),
      districtNames: [...this.districtCodes.values],
      districtUnit: new Int32Array(Math.max(1, this.districtCodes.size)).fill(-1),
    };
    for (const row of units) {
      const code = this.unitCodes.find(row.id);
      facts.unitNames[code] = row.name;
      if (row.parentId !== null) facts.unitChildren[this.unitCodes.code(row.parentId)]?.push(code);
    }
    for (const row of districts) {
      const code = this.districtCodes.find(row.id);
      facts.districtNames[code] = row.name;
      facts.districtUnit[code] = this.unitCodes.code(row.unitId);
    }
    this.codeFacts = facts;
    this.subtrees.clear();
    this.registerStale = false;
  }

  /** A mask over unit codes: 1 for the unit and every unit below it. */
  subtree(unitId: string): Uint8Array {
    let mask = this.subtrees.get(unitId);
    if (mask) return mask;
    mask = new Uint8Array(Math.max(1, this.unitCodes.size));
    const root = this.unitCodes.find(unitId);
    if (root >= 0) {
      const queue = [root];
      mask[root] = 1;
      while (queue.length) {
        for (const child of this.codeFacts.unitChildren[queue.pop()!] ?? []) {
          if (!mask[child]) {
            mask[child] = 1;
            queue.push(child);
          }
        }
      }
    }
    if (this.subtrees.size > 1000) this.subtrees.clear();
    this.subtrees.set(unitId, mask);
    return mask;
  }

  /** Adds or updates one report. */
  put(row: PublicReportRow): void {
    const c = this.columns;
    const id = Number(row.id);
    let i: number;
    let isNew = false;
    if (c.n === 0 || id > c.ids[c.n - 1]!) {
      i = c.n;
      isNew = true;
    } else {
      i = c.find(id);
      if (i < 0) {
        i = -i - 1;
        isNew = true;
      }
    }
    // The row's old point, status and category leave the precomputed clusters; the new ones join below.
    if (!isNew) this.contribute(i, -1);
    if (isNew) {
      if (i < c.n) this.tree.shift(i);
      c.insert(i, id);
    } else if (c.statuses[i] === DELETED) {
      c.deleted--;
    }
    const lon = row.lon ?? Number.NaN;
    const lat = row.lat ?? Number.NaN;
    const hadPoint = !isNew && !Number.isNaN(c.lons[i]!);
    const samePoint = !isNew && Object.is(c.lons[i], lon) && Object.is(c.lats[i], lat);
    c.lons[i] = lon;
    c.lats[i] = lat;
    c.created[i] = Number(row.createdMicros);
    c.days[i] = row.day;
    if (row.day > c.maxDay) c.maxDay = row.day;
    c.categories[i] = this.categoryCodes.code(row.categoryId);
    c.statuses[i] = this.statusCodes.code(row.status);
    c.units[i] = this.unitCodes.code(row.unitId);
    c.districts[i] = row.districtId === null ? NO_DISTRICT : this.districtCodes.code(row.districtId);
    c.confirmations[i] = row.confirmations;
    c.eventDays[i] = row.eventDay ?? NO_EVENT_DAY;
    c.eventHours[i] = row.eventHour ?? NO_EVENT_HOUR;
    if (this.codeFacts.unitRank.length < this.unitCodes.size || this.codeFacts.districtRank.length < this.districtCodes.size) {
      this.registerStale = true;
    }
    this.contribute(i, 1);
    if (!this.live) return; // the load builds the tree at its end
    if (isNew) {
      if (!Number.isNaN(lon)) this.tree.added(i);
    } else if (!samePoint) {
      this.tree.changed(i, hadPoint, !Number.isNaN(lon));
    }
  }

  remove(id: number): void {
    const c = this.columns;
    const i = c.find(id);
    if (i < 0 || c.statuses[i] === DELETED) return;
    this.contribute(i, -1);
    c.statuses[i] = DELETED;
    c.deleted++;
  }

  /** The row of a report the precomputed clusters name: they hold only rows the store holds. */
  rowOf(id: number): number {
    const i = this.columns.find(id);
    if (i < 0 || this.columns.statuses[i] === DELETED)
      throw new Error(`report index: a map cell names report ${id}, which it does not hold`);
    return i;
  }

  /**
   * Adds (1) or takes away (-1) row `i` in the precomputed clusters of its slices, at zooms
   * `fromZoom`…`precomputedZoom`. Deleted rows and rows without a point are in none.
   */
  private contribute(i: number, sign: 1 | -1, fromZoom = 0): void {
    if (!this.live) return;
    const c = this.columns;
    const lon = c.lons[i]!;
    const status = c.statuses[i]!;
    if (status === DELETED || Number.isNaN(lon)) return;
    const slices = this.rowSlices;
    slices[1] = statusSlice(status);
    slices[2] = categorySlice(c.categories[i]!);
    this.clusters.addPoint(slices, lon, c.lats[i]!, c.ids[i]!, sign, fromZoom);
  }
}
