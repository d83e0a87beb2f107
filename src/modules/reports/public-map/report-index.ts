import Flatbush from 'flatbush';
import { sql } from 'kysely';
import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../../../platform/db/database.js';
import { onReportsChanged } from '../changes.js';
import { listedPublicly } from '../repository.js';
import { reportStatuses, type BoundingBox, type ReportStatus } from '../rules/index.js';
import { ClusterCells } from './cluster-cells.js';
import type { PublicFilter } from './filters.js';
import { cellIndex, cellRange, rangeBox, type CellRange } from './map-grid.js';
import type { DistrictCount, MapCell, MapPoint, ReportStats } from './repository.js';

/*
 * An in-memory, columnar copy of the PUBLIC columns of every report, for the public map, the
 * statistics page and the list's total: id, category, status, the public (50 m grid) point, unit,
 * district, the creation time and the "me too" count. Never the description, e-mail, typed address,
 * exact position or IP address: they are not even read from the database. Only reports listed
 * publicly: one held back by a flood limit is read as absent (and removed when it is held later).
 *
 * Every answer has exactly the semantics of the SQL reference in repository.ts (the tests compare the
 * two): the same filters, the same Polish calendar days (the day of each report is computed by the
 * database with `at time zone 'Europe/Warsaw'`), the same text order for sorting (the ranks of
 * unit and district names come from `order by` in the database, so its collation decides).
 *
 * Map clusters of zooms 0…`precomputedZoom` for all reports, one status or one category come from
 * cells kept up to date row by row (`ClusterCells`): at those zooms a box covers much of the country,
 * and reading a few thousand cells beats scanning a million rows. Other filters scan.
 *
 * Freshness: a change made by this process (`onReportsChanged`) refreshes soon (debounced), and any
 * answer asked for after such a change waits for that refresh (read-your-writes). Changes made by
 * other instances are found every `pollMs` through the append-only audit log (`audit_log.id`, the
 * primary key: no scan of `reports`), plus rows with an id above the highest known (a bulk load
 * without the audit trigger).
 */

/** Status code of a row whose report was deleted: matches no filter. */
const DELETED = 255;
const NO_DISTRICT = -1;
const ALL_UNITS = new Uint8Array(0);
const MS_PER_DAY = 86_400_000;
/**
 * Clusters up to this zoom are precomputed. From zoom 11 on, a screen covers under a fiftieth of
 * Poland, and the R-tree finds its rows in a few milliseconds; every zoom more would cost four times
 * the cells of the one before.
 */
export const precomputedZoom = 10;
/** Slices of the precomputed clusters: all reports, then one status or one category, interleaved. */
const ALL_SLICE = 0;
const statusSlice = (status: number) => 1 + 2 * status;
const categorySlice = (category: number) => 2 + 2 * category;
/** Audit ids not seen yet (a transaction still open, or rolled back) are asked for again this long. */
const GAP_MS = 60_000;

interface SourceRow {
  id: number | string;
  category_id: string;
  status: string;
  lon: number | null;
  lat: number | null;
  unit_id: string;
  district_id: string | null;
  created_us: number | string;
  day: number;
  confirmations: number;
}

const sourceColumns = sql`r.id, r.category_id, r.status, r.public_position[0] as lon, r.public_position[1] as lat, r.unit_id, r.district_id,
  (extract(epoch from r.created_at) * 1000000)::bigint as created_us,
  ((r.created_at at time zone 'Europe/Warsaw')::date - date '1970-01-01') as day,
  r.confirmations`;

/** "YYYY-MM-DD" → days since 1970-01-01. */
export function dayNumber(day: string): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return Math.round(Date.UTC(y, m - 1, d) / MS_PER_DAY);
}

/** days since 1970-01-01 → "YYYY-MM". */
function monthOfDay(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 7);
}

/**
 * A timestamp in microseconds → the Date node-postgres makes of the same timestamptz (postgres-date
 * reads the fraction as `1000 * parseFloat('.ffffff')` and Date.UTC drops the part below 1 ms).
 */
function dateFromMicros(us: number): Date {
  const seconds = Math.floor(us / 1e6);
  const fraction = us - seconds * 1e6;
  const ms = fraction === 0 ? 0 : Math.trunc(1000 * Number.parseFloat(`.${String(fraction).padStart(6, '0')}`));
  return new Date(seconds * 1000 + ms);
}

/** Values ↔ small integer codes; codes never change once given (the columns keep them). */
class Dictionary {
  readonly values: string[] = [];
  private readonly codes = new Map<string, number>();

  constructor(private readonly limit: number) {}

  code(value: string): number {
    let code = this.codes.get(value);
    if (code === undefined) {
      code = this.values.length;
      if (code >= this.limit) throw new Error(`report index: more than ${this.limit} distinct values`);
      this.values.push(value);
      this.codes.set(value, code);
    }
    return code;
  }

  find(value: string): number {
    return this.codes.get(value) ?? -1;
  }

  get size(): number {
    return this.values.length;
  }
}

/** A filter turned into codes; `none` when it names something no report has. */
interface Compiled {
  none: boolean;
  category: number;
  status: number;
  units: Uint8Array | null;
  district: number;
  from: number;
  to: number;
}

/** Ranks of sorted values: equal values (in the database's collation) share a rank. */
function ranks(sorted: string[], dictionary: Dictionary, keyOf: (i: number) => string) {
  const rank = new Int32Array(Math.max(1, dictionary.size)).fill(0x7fffffff);
  let r = -1;
  let previous: string | null = null;
  for (let i = 0; i < sorted.length; i++) {
    const key = keyOf(i);
    if (key !== previous) r++;
    previous = key;
    const code = dictionary.find(sorted[i]!);
    if (code >= 0) rank[code] = r;
  }
  return rank;
}

export interface ReportIndexOptions {
  /** How often to look for changes made by other instances; 0 = never (tests). */
  pollMs?: number;
  /** A change of this process refreshes after this long (changes coming together share one refresh). */
  debounceMs?: number;
  /** Rows read per query while loading. */
  batchSize?: number;
  log?: FastifyBaseLogger;
}

export class PublicReportIndex {
  // The columns; rows are kept ordered by id (binary search finds a report).
  private n = 0;
  private deleted = 0;
  private ids = new Float64Array(0);
  private lons = new Float64Array(0);
  private lats = new Float64Array(0);
  /** Microseconds since 1970 (exact: below 2^53). */
  private created = new Float64Array(0);
  /** The Polish calendar day of created_at, days since 1970-01-01. */
  private days = new Int32Array(0);
  private categories = new Uint16Array(0);
  private statuses = new Uint8Array(0);
  private units = new Uint16Array(0);
  private districts = new Int32Array(0);
  private confirmations = new Int32Array(0);
  private maxDay = 0;

  private readonly categoryCodes = new Dictionary(0xffff);
  private readonly statusCodes = new Dictionary(DELETED);
  private readonly unitCodes = new Dictionary(0xffff);
  private readonly districtCodes = new Dictionary(0x7fffffff);

  // Facts about the codes, reloaded when units, districts or categories change.
  private unitRank = new Int32Array(1);
  private unitNames: string[] = [];
  private unitChildren: number[][] = [];
  private districtRank = new Int32Array(1);
  private districtNames: (string | null)[] = [];
  /** The unit code of each district (a report there normally has this unit). */
  private districtUnit = new Int32Array(1);
  private subtrees = new Map<string, Uint8Array>();
  private scratch = new Int32Array(0);
  private metaStale = true;

  // The spatial index over the rows with a point at the last rebuild; rows since then in `extra`.
  private tree: Flatbush | null = null;
  private treeRows = new Int32Array(0);
  private extra: number[] = [];
  /** Rows whose point changed after the rebuild: the tree's entry for them is ignored. */
  private moved = new Set<number>();

  // The precomputed clusters: built at the end of the load, then kept up to date by `put` and `remove`.
  private readonly clusters = new ClusterCells(precomputedZoom);
  private clustersLive = false;
  /** The slices of one row (all, its status, its category), reused. */
  private readonly rowSlices = [ALL_SLICE, 0, 0];

  // Keeping up with the database.
  private loaded = false;
  private auditMax = 0;
  private readonly gaps = new Map<number, number>();
  private changeSeq = 0;
  private seenSeq = 0;
  private running: Promise<void> | null = null;
  private next: Promise<void> | null = null;
  private pollTimer: NodeJS.Timeout | null = null;
  private debounceTimer: NodeJS.Timeout | null = null;
  private unsubscribe: (() => void) | null = null;
  private stopped = false;
  private readonly pollMs: number;
  private readonly debounceMs: number;
  private readonly batchSize: number;
  private readonly log: FastifyBaseLogger | undefined;

  constructor(
    private readonly db: Db,
    options: ReportIndexOptions = {},
  ) {
    this.pollMs = options.pollMs ?? 2000;
    this.debounceMs = options.debounceMs ?? 50;
    this.batchSize = options.batchSize ?? 50_000;
    this.log = options.log;
  }

  /** True once every report is loaded: until then callers use the SQL functions. */
  get ready(): boolean {
    return this.loaded;
  }

  /** Reports held (deleted ones not counted). */
  get size(): number {
    return this.n - this.deleted;
  }

  /** Starts loading in the background, listens to this process's changes and polls for others'. */
  start(): void {
    if (this.unsubscribe) return;
    this.stopped = false;
    this.unsubscribe = onReportsChanged(() => this.changed());
    if (this.pollMs > 0) {
      this.pollTimer = setInterval(() => this.refreshInBackground(), this.pollMs);
      this.pollTimer.unref();
    }
    this.refreshInBackground();
  }

  /** Stops the timers and waits for a refresh under way (a load stops after its current batch). */
  async stop(): Promise<void> {
    this.stopped = true;
    this.unsubscribe?.();
    this.unsubscribe = null;
    if (this.pollTimer) clearInterval(this.pollTimer);
    if (this.debounceTimer) clearTimeout(this.debounceTimer);
    this.pollTimer = null;
    this.debounceTimer = null;
    await Promise.allSettled([this.running, this.next]);
  }

  /** Catches up with the database now; concurrent callers share a refresh that starts after their call. */
  refresh(): Promise<void> {
    if (!this.running) {
      const run = this.catchUp().finally(() => {
        this.running = null;
      });
      this.running = run;
      return run;
    }
    if (!this.next) {
      this.next = this.running
        .catch(() => undefined)
        .then(() => {
          this.next = null;
          return this.refresh();
        });
    }
    return this.next;
  }

  /** Loaded, and up to date with every change this process has made so far. */
  async settle(): Promise<boolean> {
    if (this.loaded && this.changeSeq > this.seenSeq) {
      try {
        await this.refresh();
      } catch (error) {
        // A slightly old answer is better than none.
        this.log?.warn({ err: error }, 'report index refresh failed');
      }
    }
    return this.loaded;
  }

  private changed(): void {
    this.changeSeq++;
    if (this.debounceTimer || this.stopped) return;
    this.debounceTimer = setTimeout(() => {
      this.debounceTimer = null;
      this.refreshInBackground();
    }, this.debounceMs);
    this.debounceTimer.unref();
  }

  private refreshInBackground(): void {
    if (this.stopped) return;
    this.refresh().catch((error: unknown) => this.log?.warn({ err: error }, 'report index refresh failed'));
  }

  private async catchUp(): Promise<void> {
    if (this.stopped) return;
    const seq = this.changeSeq;
    if (!this.loaded) await this.load();
    else await this.applyChanges();
    if (!this.loaded) return;
    if (this.metaStale) await this.loadMeta();
    const threshold = Math.max(4096, this.n >> 5);
    if (this.extra.length > threshold) this.rebuildTree();
    this.seenSeq = Math.max(this.seenSeq, seq);
  }

  // ---------------------------------------------------------------------------------------------
  // Loading and changes

  private async load(): Promise<void> {
    const started = performance.now();
    // Changes from here on are read from the audit log after the load; from a minute back, so that
    // a transaction still open now (an audit id below the current maximum) is not missed.
    const { rows: audit } = await sql<{ floor: number | null }>`
      select coalesce((select min(id) - 1 from audit_log where at > clock_timestamp() - interval '60 seconds'), (select max(id) from audit_log), 0)::bigint as floor`.execute(this.db);
    const floor = Number(audit[0]?.floor ?? 0);
    this.reset();
    let last = 0;
    for (;;) {
      if (this.stopped) return;
      const { rows } = await sql<SourceRow>`select ${sourceColumns} from reports r where r.id > ${last} and ${listedPublicly} order by r.id limit ${this.batchSize}`.execute(this.db);
      for (const row of rows) this.put(row);
      if (rows.length < this.batchSize) break;
      last = Number(rows[rows.length - 1]!.id);
    }
    this.trim();
    this.auditMax = floor;
    await this.loadMeta();
    this.rebuildTree();
    this.rebuildClusters();
    this.loaded = true;
    this.log?.info({ reports: this.n, ms: Math.round(performance.now() - started) }, 'report index loaded');
    await this.applyChanges();
  }

  private reset(): void {
    this.n = 0;
    this.deleted = 0;
    this.grow(1024);
    this.tree = null;
    this.treeRows = new Int32Array(0);
    this.extra = [];
    this.moved.clear();
    this.gaps.clear();
    this.clusters.clear();
    this.clustersLive = false;
  }

  /** Reports changed since the last look: from the audit log, plus rows above the highest id. */
  private async applyChanges(): Promise<void> {
    const changed = new Set<number>();
    const now = Date.now();
    if (this.gaps.size) {
      const ids = [...this.gaps.keys()];
      const { rows } = await sql<{ id: number | string; entity_type: string; entity_id: string | null }>`
        select id, entity_type, entity_id from audit_log where id = any(${ids}::bigint[])`.execute(this.db);
      for (const row of rows) {
        this.gaps.delete(Number(row.id));
        this.noteAudit(row, changed);
      }
      for (const [id, since] of this.gaps) if (now - since > GAP_MS) this.gaps.delete(id);
    }
    for (;;) {
      const { rows } = await sql<{ id: number | string; entity_type: string; entity_id: string | null }>`
        select id, entity_type, entity_id from audit_log where id > ${this.auditMax} order by id limit ${this.batchSize}`.execute(this.db);
      for (const row of rows) {
        const id = Number(row.id);
        // Ids skipped on the way belong to transactions not committed yet (or rolled back).
        if (id - this.auditMax <= 1000) for (let gap = this.auditMax + 1; gap < id; gap++) this.gaps.set(gap, now);
        this.auditMax = id;
        this.noteAudit(row, changed);
      }
      if (rows.length < this.batchSize) break;
    }
    const list = [...changed];
    for (let start = 0; start < list.length; start += 10_000) {
      const ids = list.slice(start, start + 10_000);
      const { rows } = await sql<SourceRow>`select ${sourceColumns} from reports r where r.id = any(${ids}::bigint[]) and ${listedPublicly}`.execute(this.db);
      const found = new Set<number>();
      for (const row of rows) {
        found.add(Number(row.id));
        this.put(row);
      }
      for (const id of ids) if (!found.has(id)) this.remove(id);
    }
    for (;;) {
      const last = this.n ? this.ids[this.n - 1]! : 0;
      const { rows } = await sql<SourceRow>`select ${sourceColumns} from reports r where r.id > ${last} and ${listedPublicly} order by r.id limit ${this.batchSize}`.execute(this.db);
      for (const row of rows) this.put(row);
      if (rows.length < this.batchSize) break;
    }
  }

  private noteAudit(row: { entity_type: string; entity_id: string | null }, changed: Set<number>): void {
    if (row.entity_type === 'reports') {
      const id = Number(row.entity_id);
      if (Number.isSafeInteger(id)) changed.add(id);
    } else if (row.entity_type === 'units' || row.entity_type === 'districts' || row.entity_type === 'report_categories') {
      this.metaStale = true;
    }
  }

  /** Names, parents and sort ranks of the codes, as the database sorts them. */
  private async loadMeta(): Promise<void> {
    const [units, districts, categories] = await Promise.all([
      sql<{ id: string; parent_id: string | null; name: string }>`select id, parent_id, name from units order by name`.execute(this.db),
      sql<{ id: string; unit_id: string; name: string }>`select id, unit_id, name from districts order by name`.execute(this.db),
      sql<{ id: string }>`select id from report_categories order by id`.execute(this.db),
    ]);
    for (const row of units.rows) this.unitCodes.code(row.id);
    for (const row of districts.rows) this.districtCodes.code(row.id);
    for (const row of categories.rows) this.categoryCodes.code(row.id);
    for (const status of reportStatuses) this.statusCodes.code(status);
    this.unitRank = ranks(units.rows.map((r) => r.id), this.unitCodes, (i) => units.rows[i]!.name);
    this.districtRank = ranks(districts.rows.map((r) => r.id), this.districtCodes, (i) => districts.rows[i]!.name);
    this.unitNames = [...this.unitCodes.values];
    this.unitChildren = this.unitCodes.values.map(() => []);
    for (const row of units.rows) {
      const code = this.unitCodes.find(row.id);
      this.unitNames[code] = row.name;
      if (row.parent_id !== null) this.unitChildren[this.unitCodes.code(row.parent_id)]?.push(code);
    }
    this.districtNames = [...this.districtCodes.values];
    this.districtUnit = new Int32Array(Math.max(1, this.districtCodes.size)).fill(-1);
    for (const row of districts.rows) {
      const code = this.districtCodes.find(row.id);
      this.districtNames[code] = row.name;
      this.districtUnit[code] = this.unitCodes.code(row.unit_id);
    }
    this.subtrees.clear();
    this.metaStale = false;
  }

  private grow(capacity: number): void {
    const copy = <T extends Float64Array | Int32Array | Uint16Array | Uint8Array>(array: T, make: (size: number) => T): T => {
      const next = make(capacity);
      next.set(array.subarray(0, Math.min(this.n, capacity)));
      return next;
    };
    this.ids = copy(this.ids, (s) => new Float64Array(s));
    this.lons = copy(this.lons, (s) => new Float64Array(s));
    this.lats = copy(this.lats, (s) => new Float64Array(s));
    this.created = copy(this.created, (s) => new Float64Array(s));
    this.days = copy(this.days, (s) => new Int32Array(s));
    this.categories = copy(this.categories, (s) => new Uint16Array(s));
    this.statuses = copy(this.statuses, (s) => new Uint8Array(s));
    this.units = copy(this.units, (s) => new Uint16Array(s));
    this.districts = copy(this.districts, (s) => new Int32Array(s));
    this.confirmations = copy(this.confirmations, (s) => new Int32Array(s));
  }

  /** After the load: the arrays cut to the rows plus some room for new ones. */
  private trim(): void {
    this.grow(this.n + Math.max(1024, this.n >> 6));
  }

  /** The row of a report id, or -(insertion point) - 1. */
  private find(id: number): number {
    let lo = 0;
    let hi = this.n - 1;
    const ids = this.ids;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const v = ids[mid]!;
      if (v < id) lo = mid + 1;
      else if (v > id) hi = mid - 1;
      else return mid;
    }
    return -lo - 1;
  }

  /** Adds or updates one report. */
  private put(row: SourceRow): void {
    const id = Number(row.id);
    let i: number;
    let isNew = false;
    if (this.n === 0 || id > this.ids[this.n - 1]!) {
      i = this.n;
      isNew = true;
    } else {
      i = this.find(id);
      if (i < 0) {
        i = -i - 1;
        isNew = true;
      }
    }
    // The row's old point, status and category leave the precomputed clusters; the new ones join below.
    if (!isNew) this.contribute(i, -1);
    if (isNew) {
      if (this.n === this.ids.length) this.grow(Math.max(1024, Math.ceil(this.n * 1.5)));
      if (i < this.n) this.openRow(i);
      this.n++;
      this.ids[i] = id;
    } else if (this.statuses[i] === DELETED) {
      this.deleted--;
    }
    const lon = row.lon ?? Number.NaN;
    const lat = row.lat ?? Number.NaN;
    const hadPoint = !isNew && !Number.isNaN(this.lons[i]!);
    const samePoint = !isNew && Object.is(this.lons[i], lon) && Object.is(this.lats[i], lat);
    this.lons[i] = lon;
    this.lats[i] = lat;
    this.created[i] = Number(row.created_us);
    this.days[i] = row.day;
    if (row.day > this.maxDay) this.maxDay = row.day;
    this.categories[i] = this.categoryCodes.code(row.category_id);
    this.statuses[i] = this.statusCodes.code(row.status);
    this.units[i] = this.unitCodes.code(row.unit_id);
    this.districts[i] = row.district_id === null ? NO_DISTRICT : this.districtCodes.code(row.district_id);
    this.confirmations[i] = row.confirmations;
    if (this.unitRank.length < this.unitCodes.size || this.districtRank.length < this.districtCodes.size) {
      this.metaStale = true;
    }
    this.contribute(i, 1);
    if (!this.tree && !this.loaded) return; // the load builds the tree at its end
    if (isNew) {
      if (!Number.isNaN(lon)) this.extra.push(i);
    } else if (!samePoint) {
      if (hadPoint) this.moved.add(i);
      if (!Number.isNaN(lon) && !this.extra.includes(i)) this.extra.push(i);
    }
  }

  /** Makes room for a row at `i` (a report committed after one with a higher id). */
  private openRow(i: number): void {
    const n = this.n;
    for (const array of [this.ids, this.lons, this.lats, this.created, this.days, this.categories, this.statuses, this.units, this.districts, this.confirmations]) {
      array.copyWithin(i + 1, i, n);
    }
    const rows = this.treeRows;
    for (let k = 0; k < rows.length; k++) if (rows[k]! >= i) rows[k]!++;
    this.extra = this.extra.map((r) => (r >= i ? r + 1 : r));
    this.moved = new Set([...this.moved].map((r) => (r >= i ? r + 1 : r)));
  }

  private remove(id: number): void {
    const i = this.find(id);
    if (i < 0 || this.statuses[i] === DELETED) return;
    this.contribute(i, -1);
    this.statuses[i] = DELETED;
    this.deleted++;
  }

  /**
   * Adds (1) or takes away (-1) row `i` in the precomputed clusters of its slices, at zooms
   * `fromZoom`…`precomputedZoom`. Deleted rows and rows without a point are in none.
   */
  private contribute(i: number, sign: 1 | -1, fromZoom = 0): void {
    if (!this.clustersLive) return;
    const lon = this.lons[i]!;
    const status = this.statuses[i]!;
    if (status === DELETED || Number.isNaN(lon)) return;
    const slices = this.rowSlices;
    slices[1] = statusSlice(status);
    slices[2] = categorySlice(this.categories[i]!);
    this.clusters.addPoint(slices, lon, this.lats[i]!, this.ids[i]!, sign, fromZoom);
  }

  /** Every row into the finest precomputed zoom, then each coarser zoom from the one below it. */
  private rebuildClusters(): void {
    this.clusters.clear();
    this.clustersLive = true;
    for (let i = 0; i < this.n; i++) this.contribute(i, 1, precomputedZoom);
    this.clusters.fillCoarser();
  }

  private rebuildTree(): void {
    let count = 0;
    for (let i = 0; i < this.n; i++) if (!Number.isNaN(this.lons[i]!)) count++;
    this.extra = [];
    this.moved.clear();
    if (count === 0) {
      this.tree = null;
      this.treeRows = new Int32Array(0);
      return;
    }
    // Float32 boxes halve the tree; searches widen the box a little and check the exact point.
    const tree = new Flatbush(count, 16, Float32Array);
    const rows = new Int32Array(count);
    for (let i = 0, k = 0; i < this.n; i++) {
      const lon = this.lons[i]!;
      if (Number.isNaN(lon)) continue;
      rows[k++] = i;
      tree.add(lon, this.lats[i]!);
    }
    tree.finish();
    this.tree = tree;
    this.treeRows = rows;
  }

  // ---------------------------------------------------------------------------------------------
  // Queries

  private subtree(unitId: string): Uint8Array {
    let mask = this.subtrees.get(unitId);
    if (mask) return mask;
    mask = new Uint8Array(Math.max(1, this.unitCodes.size));
    const root = this.unitCodes.find(unitId);
    if (root >= 0) {
      const queue = [root];
      mask[root] = 1;
      while (queue.length) {
        for (const child of this.unitChildren[queue.pop()!] ?? []) {
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

  private compile(filter: PublicFilter): Compiled {
    const compiled: Compiled = { none: false, category: -1, status: -1, units: null, district: -2, from: -0x80000000, to: 0x7fffffff };
    if (filter.category) {
      compiled.category = this.categoryCodes.find(filter.category);
      if (compiled.category < 0) compiled.none = true;
    }
    if (filter.status) {
      compiled.status = this.statusCodes.find(filter.status);
      if (compiled.status < 0) compiled.none = true;
    }
    if (filter.unitId) compiled.units = this.subtree(filter.unitId);
    if (filter.districtId) {
      compiled.district = this.districtCodes.find(filter.districtId);
      if (compiled.district < 0) compiled.none = true;
    }
    if (filter.from) compiled.from = dayNumber(filter.from);
    if (filter.to) compiled.to = dayNumber(filter.to);
    return compiled;
  }

  private matches(f: Compiled, i: number): boolean {
    const status = this.statuses[i]!;
    if (status === DELETED) return false;
    if (f.status >= 0 && status !== f.status) return false;
    if (f.category >= 0 && this.categories[i] !== f.category) return false;
    if (f.district !== -2 && this.districts[i] !== f.district) return false;
    if (f.units !== null && f.units[this.units[i]!] !== 1) return false;
    const day = this.days[i]!;
    return day >= f.from && day <= f.to;
  }

  /**
   * The rows that pass the filter (and, with a box, whose public point lies in it, edges included
   * as with `<@`), into `this.scratch`; returns how many. One tight loop over the columns, or the
   * R-tree for a box much smaller than the data. The answer is read before the next query (queries
   * run synchronously), so one buffer serves them all.
   */
  private select(f: Compiled, box: BoundingBox | null): number {
    if (this.scratch.length < this.n) this.scratch = new Int32Array(this.ids.length);
    const out = this.scratch;
    if (f.none) return 0;
    const n = this.n;
    const lons = this.lons;
    const lats = this.lats;
    const statuses = this.statuses;
    const categories = this.categories;
    const districts = this.districts;
    const units = this.units;
    const days = this.days;
    const status = f.status;
    const category = f.category;
    const district = f.district;
    const unitMask = f.units ?? ALL_UNITS;
    const checkUnits = f.units !== null;
    const from = f.from;
    const to = f.to;
    let k = 0;
    const { minLon, minLat, maxLon, maxLat } = box ?? { minLon: 0, minLat: 0, maxLon: 0, maxLat: 0 };
    const tree = this.tree;
    const treeArea = tree ? (tree.maxX - tree.minX) * (tree.maxY - tree.minY) : 0;
    const boxArea = tree && box
      ? Math.max(0, Math.min(maxLon, tree.maxX) - Math.max(minLon, tree.minX)) * Math.max(0, Math.min(maxLat, tree.maxY) - Math.max(minLat, tree.minY))
      : 0;
    // No box, or a box over most of the data: one straight scan is faster than the tree.
    if (box === null || !tree || boxArea > 0.2 * treeArea) {
      const inBox = box !== null;
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
      return k;
    }
    const rows = this.treeRows;
    const moved = this.moved;
    const inBox = (i: number) => {
      const lon = lons[i]!;
      const lat = lats[i]!;
      return lon >= minLon && lon <= maxLon && lat >= minLat && lat <= maxLat;
    };
    const margin = 1e-4;
    tree.search(minLon - margin, minLat - margin, maxLon + margin, maxLat + margin, (t) => {
      const i = rows[t]!;
      if (inBox(i) && (moved.size === 0 || !moved.has(i)) && this.matches(f, i)) out[k++] = i;
      return false;
    });
    for (const i of this.extra) if (inBox(i) && this.matches(f, i)) out[k++] = i;
    return k;
  }

  /** As `countPublic`. */
  async count(filter: PublicFilter): Promise<number> {
    await this.settle();
    return this.countNow(filter);
  }

  countNow(filter: PublicFilter): number {
    const f = this.compile(filter);
    if (f.none) return 0;
    if (f.category < 0 && f.status < 0 && f.district === -2 && f.units === null && !filter.from && !filter.to) return this.n - this.deleted;
    return this.select(f, null);
  }

  /** As `publicExtent`. */
  async extent(filter: PublicFilter): Promise<BoundingBox | null> {
    await this.settle();
    return this.extentNow(filter);
  }

  extentNow(filter: PublicFilter): BoundingBox | null {
    const f = this.compile(filter);
    const k = this.select(f, null);
    const rows = this.scratch;
    const lons = this.lons;
    const lats = this.lats;
    let minLon = Infinity;
    let minLat = Infinity;
    let maxLon = -Infinity;
    let maxLat = -Infinity;
    for (let j = 0; j < k; j++) {
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
  async unplaced(filter: PublicFilter): Promise<Map<string, number>> {
    await this.settle();
    const f = this.compile(filter);
    const counts = new Map<string, number>();
    if (f.none) return counts;
    const k = this.select(f, null);
    for (let j = 0; j < k; j++) {
      const i = this.scratch[j]!;
      const district = this.districts[i]!;
      if (!Number.isNaN(this.lons[i]!) || district === NO_DISTRICT) continue;
      const id = this.districtCodes.values[district]!;
      counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    return counts;
  }

  /** As `mapCells`: the reports in the cells the box touches at `zoom`, cell by cell. */
  async mapCells(filter: PublicFilter, box: BoundingBox, zoom: number): Promise<MapCell[]> {
    await this.settle();
    return this.mapCellsNow(filter, box, zoom);
  }

  mapCellsNow(filter: PublicFilter, box: BoundingBox, zoom: number): MapCell[] {
    const f = this.compile(filter);
    if (f.none) return [];
    const range = cellRange(box, zoom);
    const slice = this.clustersLive && this.clusters.covers(zoom) ? this.clusterSlice(filter, f) : null;
    return slice === null ? this.scanCells(f, range) : this.readCells(slice, range);
  }

  /** The precomputed slice that answers a filter, or null when its rows must be scanned. */
  private clusterSlice(filter: PublicFilter, f: Compiled): number | null {
    if (filter.unitId || filter.districtId || filter.from || filter.to) return null;
    if (f.status >= 0) return f.category >= 0 ? null : statusSlice(f.status);
    return f.category >= 0 ? categorySlice(f.category) : ALL_SLICE;
  }

  private readCells(slice: number, range: CellRange): MapCell[] {
    const cells: MapCell[] = [];
    this.clusters.read(slice, range, (count, lon, lat, idSum) => {
      cells.push(this.mapCell(count, lon, lat, count === 1 ? this.rowOf(idSum) : -1));
    });
    return cells;
  }

  /** The selected rows binned into the cells of the range. */
  private scanCells(f: Compiled, range: CellRange): MapCell[] {
    // The box of the cells, a little larger: rows in its margin fall outside the range below.
    const k = this.select(f, rangeBox(range));
    const rows = this.scratch;
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
    const lons = this.lons;
    const lats = this.lats;
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
      return this.mapCell(n, sumLon[slot]! / n, sumLat[slot]! / n, rowOf[slot]!);
    });
  }

  /** A cluster, or, for a cell of one report (row `row`), that report at its own point. */
  private mapCell(count: number, lon: number, lat: number, row: number): MapCell {
    if (count !== 1) return { count, lon, lat, single: null };
    return {
      count,
      lon: this.lons[row]!,
      lat: this.lats[row]!,
      single: { id: this.ids[row]!, categoryId: this.categoryCodes.values[this.categories[row]!]!, status: this.statusCodes.values[this.statuses[row]!]! as ReportStatus },
    };
  }

  /** The row of a report the precomputed clusters name: they hold only rows the index holds. */
  private rowOf(id: number): number {
    const i = this.find(id);
    if (i < 0 || this.statuses[i] === DELETED) throw new Error(`report index: a map cell names report ${id}, which it does not hold`);
    return i;
  }

  /** As `mapPoints`: single reports in the box, newest first, at most `limit`. */
  async mapPoints(filter: PublicFilter, box: BoundingBox, limit: number): Promise<MapPoint[]> {
    await this.settle();
    return this.mapPointsNow(filter, box, limit);
  }

  mapPointsNow(filter: PublicFilter, box: BoundingBox, limit: number): MapPoint[] {
    const f = this.compile(filter);
    if (limit <= 0) return [];
    const created = this.created;
    const ids = this.ids;
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
    const k = this.select(f, box);
    const selected = this.scratch;
    for (let j = 0; j < k; j++) {
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
      categoryId: this.categoryCodes.values[this.categories[i]!]!,
      status: this.statusCodes.values[this.statuses[i]!]! as ReportStatus,
      lon: this.lons[i]!,
      lat: this.lats[i]!,
      confirmations: this.confirmations[i]!,
      createdAt: dateFromMicros(created[i]!),
    }));
  }

  /** As `publicStats`; `sinceMonth` is the first day "YYYY-MM-01" of the monthly window. */
  async stats(filter: PublicFilter, sinceMonth: string): Promise<ReportStats> {
    await this.settle();
    return this.statsNow(filter, sinceMonth);
  }

  statsNow(filter: PublicFilter, sinceMonth: string): ReportStats {
    const f = this.compile(filter);
    const byCategory = new Int32Array(Math.max(1, this.categoryCodes.size));
    const byStatus = new Int32Array(Math.max(1, this.statusCodes.size));
    const districtCount = this.districtCodes.size;
    const byDistrict = new Int32Array(Math.max(1, districtCount));
    const byUnit = new Int32Array(Math.max(1, this.unitCodes.size));
    // Reports whose unit is not their district's (never made by the application, but possible).
    const odd = new Map<number, number>();
    const sinceDay = dayNumber(sinceMonth);
    const monthSlot = new Int32Array(Math.max(0, this.maxDay - sinceDay + 1));
    const monthKeys: string[] = [];
    for (let d = 0; d < monthSlot.length; d++) {
      const key = monthOfDay(sinceDay + d);
      if (monthKeys[monthKeys.length - 1] !== key) monthKeys.push(key);
      monthSlot[d] = monthKeys.length - 1;
    }
    const byMonth = new Int32Array(Math.max(1, monthKeys.length));
    const days = this.days;
    const districts = this.districts;
    const units = this.units;
    const districtUnit = this.districtUnit;
    const k = this.select(f, null);
    const selected = this.scratch;
    const categories = this.categories;
    const statuses = this.statuses;
    for (let j = 0; j < k; j++) {
      const i = selected[j]!;
      byCategory[categories[i]!]!++;
      byStatus[statuses[i]!]!++;
      const district = districts[i]!;
      const unit = units[i]!;
      if (district === NO_DISTRICT) byUnit[unit]!++;
      else if (districtUnit[district] === unit) byDistrict[district]!++;
      else odd.set(district * 0x10000 + unit, (odd.get(district * 0x10000 + unit) ?? 0) + 1);
      const day = days[i]! - sinceDay;
      if (day >= 0) byMonth[monthSlot[day]!]!++;
    }
    const groups: { district: number; unit: number; count: number }[] = [];
    for (let d = 0; d < districtCount; d++) if (byDistrict[d]) groups.push({ district: d, unit: districtUnit[d]!, count: byDistrict[d]! });
    for (let u = 0; u < byUnit.length; u++) if (byUnit[u]) groups.push({ district: NO_DISTRICT, unit: u, count: byUnit[u]! });
    for (const [key, count] of odd) groups.push({ district: Math.floor(key / 0x10000), unit: key % 0x10000, count });
    const districtRank = (d: number) => (d === NO_DISTRICT ? 0x7fffffff : (this.districtRank[d] ?? 0x7ffffffe));
    // order by n desc, u.name, d.name nulls last (ranks in the database's collation)
    groups.sort(
      (a, b) =>
        b.count - a.count ||
        (this.unitRank[a.unit] ?? 0x7fffffff) - (this.unitRank[b.unit] ?? 0x7fffffff) ||
        districtRank(a.district) - districtRank(b.district) ||
        a.unit - b.unit ||
        a.district - b.district,
    );
    const categoryMap = new Map<string, number>();
    let total = 0;
    byCategory.forEach((n, code) => {
      if (n) categoryMap.set(this.categoryCodes.values[code]!, n);
      total += n;
    });
    const statusMap = new Map<ReportStatus, number>();
    byStatus.forEach((n, code) => {
      if (n) statusMap.set(this.statusCodes.values[code]! as ReportStatus, n);
    });
    const monthMap = new Map<string, number>();
    byMonth.forEach((n, slot) => {
      if (n) monthMap.set(monthKeys[slot]!, n);
    });
    return {
      total,
      byCategory: categoryMap,
      byStatus: statusMap,
      byDistrict: groups.map(
        (g): DistrictCount => ({
          districtId: g.district === NO_DISTRICT ? null : this.districtCodes.values[g.district]!,
          districtName: g.district === NO_DISTRICT ? null : (this.districtNames[g.district] ?? this.districtCodes.values[g.district]!),
          unitId: this.unitCodes.values[g.unit]!,
          unitName: this.unitNames[g.unit] ?? this.unitCodes.values[g.unit]!,
          count: g.count,
        }),
      ),
      byMonth: monthMap,
    };
  }
}
