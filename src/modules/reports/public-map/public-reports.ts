import type { Db } from '../../../platform/db/database.js';
import type { BoundingBox } from '../rules/index.js';
import type { PublicFilter } from './filters.js';
import type { ChangeBus } from '../../../platform/events/changes.js';
import { PublicReportFeed, type ReportFeedOptions } from './report-feed.js';
import { countReports, reportCells, reportExtent, reportPoints, unplacedReports } from './report-queries.js';
import { reportStats } from './report-stats.js';
import { PublicReportStore } from './report-store.js';
import {
  countPublic,
  exportPublic,
  listPublicRows,
  mapCells,
  mapPoints,
  publicExtent,
  publicStats,
  unplacedByDistrict,
  type MapCell,
  type MapPoint,
  type PublicRow,
  type ReportStats,
} from './repository.js';

/**
 * The public report data, as the list, the map, the statistics and the downloads read it: the one
 * place that chooses between the in-memory store and SQL. Counts, extents, map cells and points and
 * statistics answer from the store once it is loaded (seconds after the start with a million
 * reports) and up to date with this process's own changes; until then, from the SQL queries in
 * repository.ts, which mean the same. The rows of a page and of a download always come from SQL:
 * they carry names and dates the store does not hold.
 */
export class PublicReports {
  /** The in-memory copy of the public columns (read by the tests; routes use the methods). */
  readonly store = new PublicReportStore();
  private readonly feed: PublicReportFeed;

  constructor(
    private readonly db: Db,
    changes: ChangeBus,
    options: ReportFeedOptions = {},
  ) {
    this.feed = new PublicReportFeed(db, this.store, changes, options);
  }

  /** Whether answers come from the store (else from SQL while it loads). */
  get ready(): boolean {
    return this.feed.ready;
  }

  /** Whether it answers from memory yet, when it was loaded, and when it last caught up with the database. */
  state(): { ready: boolean; builtAt: number | null; checkedAt: number | null } {
    return { ready: this.feed.ready, builtAt: this.feed.loadedAt, checkedAt: this.feed.caughtUpAt };
  }

  /** Starts loading in the background and following changes. */
  start(): void {
    this.feed.start();
  }

  stop(): Promise<void> {
    return this.feed.stop();
  }

  /** Catches up with the database now (changes made by other instances are otherwise polled for). */
  refresh(): Promise<void> {
    return this.feed.refresh();
  }

  /** The store, when it may answer: loaded and up to date with this process's changes. */
  private async usable(): Promise<PublicReportStore | null> {
    return (await this.feed.settle()) ? this.store : null;
  }

  async count(filter: PublicFilter): Promise<number> {
    const store = await this.usable();
    return store ? countReports(store, filter) : countPublic(this.db, filter);
  }

  /** The smallest box around the reports' public points, for the map's first view. */
  async extent(filter: PublicFilter): Promise<BoundingBox | null> {
    const store = await this.usable();
    return store ? reportExtent(store, filter) : publicExtent(this.db, filter);
  }

  /** Reports without a public point (given by address), per district. */
  async unplaced(filter: PublicFilter): Promise<Map<string, number>> {
    const store = await this.usable();
    return store ? unplacedReports(store, filter) : unplacedByDistrict(this.db, filter);
  }

  /** Clusters: the reports in the grid cells the box touches at `zoom`, cell by cell. */
  async mapCells(filter: PublicFilter, box: BoundingBox, zoom: number): Promise<MapCell[]> {
    const store = await this.usable();
    return store ? reportCells(store, filter, box, zoom) : mapCells(this.db, filter, box, zoom);
  }

  /** Single reports in the box, newest first, at most `limit`. */
  async mapPoints(filter: PublicFilter, box: BoundingBox, limit: number): Promise<MapPoint[]> {
    const store = await this.usable();
    return store ? reportPoints(store, filter, box, limit) : mapPoints(this.db, filter, box, limit);
  }

  /** The statistics page's counts; `sinceMonth` is the first day "YYYY-MM-01" of the monthly window. */
  async stats(filter: PublicFilter, sinceMonth: string): Promise<ReportStats> {
    const store = await this.usable();
    return store ? reportStats(store, filter, sinceMonth) : publicStats(this.db, filter, sinceMonth);
  }

  /** The rows of one page of the list, newest first. */
  page(filter: PublicFilter, page: number, pageSize: number): Promise<PublicRow[]> {
    return listPublicRows(this.db, filter, page, pageSize);
  }

  /** A download's rows, newest first, in batches. */
  rows(filter: PublicFilter, limit: number): AsyncGenerator<PublicRow> {
    return exportPublic(this.db, filter, limit);
  }
}
