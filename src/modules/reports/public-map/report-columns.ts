/*
 * The columns of the in-memory report store: one typed array per public field, rows ordered by
 * report id (a binary search finds a report), and the dictionaries that turn text values into the
 * small integer codes the columns hold. Plain data and arithmetic: no SQL, no I/O.
 */

/** Status code of a row whose report was deleted: matches no filter. */
export const DELETED = 255;
/** District code of a report outside every district. */
export const NO_DISTRICT = -1;
export const MS_PER_DAY = 86_400_000;
/** Event day of a report without one. */
export const NO_EVENT_DAY = -0x80000000;
/** Event hour of a report without a time of the event. */
export const NO_EVENT_HOUR = -1;

/**
 * One report's public fields as the store takes them: never the description, e-mail, typed address,
 * exact position or IP address (the loader does not even read them).
 */
export interface PublicReportRow {
  /** node-postgres gives bigint columns as text. */
  id: number | string;
  categoryId: string;
  status: string;
  /** The public (50 m grid) point; null for a report given by address only. */
  lon: number | null;
  lat: number | null;
  unitId: string;
  districtId: string | null;
  /** created_at in microseconds since 1970 (exact: below 2^53). */
  createdMicros: number | string;
  /** The Polish calendar day of created_at, days since 1970-01-01 (the database computes it). */
  day: number;
  confirmations: number;
  /** The day of the event (days since 1970-01-01), when the resident gave one. */
  eventDay: number | null;
  /** Its hour in Polish time (0–23), when a time was given: never the minutes (public data). */
  eventHour: number | null;
}

/** "YYYY-MM-DD" → days since 1970-01-01. */
export function dayNumber(day: string): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return Math.round(Date.UTC(y, m - 1, d) / MS_PER_DAY);
}

/** days since 1970-01-01 → the day of the week, Monday 0 … Sunday 6 (1970-01-01 was a Thursday). */
export function weekdayOfDay(day: number): number {
  return (((day + 3) % 7) + 7) % 7;
}

/** days since 1970-01-01 → "YYYY-MM". */
export function monthOfDay(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 7);
}

/**
 * A timestamp in microseconds → the Date node-postgres makes of the same timestamptz (postgres-date
 * reads the fraction as `1000 * parseFloat('.ffffff')` and Date.UTC drops the part below 1 ms).
 */
export function dateFromMicros(us: number): Date {
  const seconds = Math.floor(us / 1e6);
  const fraction = us - seconds * 1e6;
  const ms = fraction === 0 ? 0 : Math.trunc(1000 * Number.parseFloat(`.${String(fraction).padStart(6, '0')}`));
  return new Date(seconds * 1000 + ms);
}

/** Values ↔ small integer codes; codes never change once given (the columns keep them). */
export class Dictionary {
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

/** The rows: `n` of them, in arrays with room for more; a deleted row keeps its place (status DELETED). */
export class ReportColumns {
  n = 0;
  deleted = 0;
  ids = new Float64Array(0);
  lons = new Float64Array(0);
  lats = new Float64Array(0);
  /** Microseconds since 1970. */
  created = new Float64Array(0);
  /** The Polish calendar day of created_at, days since 1970-01-01. */
  days = new Int32Array(0);
  categories = new Uint16Array(0);
  statuses = new Uint8Array(0);
  units = new Uint16Array(0);
  districts = new Int32Array(0);
  confirmations = new Int32Array(0);
  /** The day of the event, days since 1970-01-01, or NO_EVENT_DAY. */
  eventDays = new Int32Array(0);
  /** The hour of the event in Polish time, or NO_EVENT_HOUR. */
  eventHours = new Int8Array(0);
  /** The latest day of any row. */
  maxDay = 0;
  /** Row numbers a query selected (see `selectRows`); one buffer, as queries run synchronously. */
  private scratch = new Int32Array(0);

  /** Reports held (deleted ones not counted). */
  get size(): number {
    return this.n - this.deleted;
  }

  clear(): void {
    this.n = 0;
    this.deleted = 0;
    this.grow(1024);
  }

  grow(capacity: number): void {
    const copy = <T extends Float64Array | Int32Array | Uint16Array | Uint8Array | Int8Array>(array: T, make: (size: number) => T): T => {
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
    this.eventDays = copy(this.eventDays, (s) => new Int32Array(s));
    this.eventHours = copy(this.eventHours, (s) => new Int8Array(s));
  }

  /** After a load: the arrays cut to the rows plus some room for new ones. */
  trim(): void {
    this.grow(this.n + Math.max(1024, this.n >> 6));
  }

  /** The row of a report id, or -(insertion point) - 1. */
  find(id: number): number {
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

  /** A new row at `i` (at the end, or before a higher id: a report committed after a later one). */
  insert(i: number, id: number): void {
    if (this.n === this.ids.length) this.grow(Math.max(1024, Math.ceil(this.n * 1.5)));
    if (i < this.n) {
      for (const array of [
        this.ids,
        this.lons,
        this.lats,
        this.created,
        this.days,
        this.categories,
        this.statuses,
        this.units,
        this.districts,
        this.confirmations,
        this.eventDays,
        this.eventHours,
      ]) {
        array.copyWithin(i + 1, i, this.n);
      }
    }
    this.n++;
    this.ids[i] = id;
  }

  /** A buffer for the row numbers of a selection: room for every row. */
  selection(): Int32Array {
    if (this.scratch.length < this.n) this.scratch = new Int32Array(this.ids.length);
    return this.scratch;
  }
}
