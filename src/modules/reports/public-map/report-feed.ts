import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../../../platform/db/database.js';
import type { ChangeBus } from '../../../platform/events/changes.js';
import {
  auditEntriesAfter,
  auditEntriesIn,
  auditFloor,
  publicReportsAfter,
  publicReportsIn,
  registerNames,
  type AuditEntry,
} from './feed-repository.js';
import type { PublicReportStore } from './report-store.js';

/*
 * Loads the store and keeps it current. Only reports listed publicly: one held back by a flood limit
 * is read as absent (and removed when it is held later).
 *
 * Freshness: a change made by this app (its change bus, topic 'reports') refreshes soon (debounced), and any
 * answer asked for after such a change waits for that refresh (`settle`: read-your-writes). Changes
 * made by other instances are found every `pollMs` through the append-only audit log (`audit_log.id`,
 * the primary key: no scan of `reports`), plus rows with an id above the highest known (a bulk load
 * without the audit trigger).
 */

/** Audit ids not seen yet (a transaction still open, or rolled back) are asked for again this long. */
const GAP_MS = 60_000;
/** Reports read again by id in one query. */
const IDS_PER_QUERY = 10_000;

export interface ReportFeedOptions {
  /** How often to look for changes made by other instances; 0 = never (tests). */
  pollMs?: number;
  /** A change of this process refreshes after this long (changes coming together share one refresh). */
  debounceMs?: number;
  /** Rows read per query while loading. */
  batchSize?: number;
  log?: FastifyBaseLogger;
}

export class PublicReportFeed {
  private loaded = false;
  /** Epoch ms of the full load and of the last catch-up with the database (readiness, /metrics). */
  loadedAt: number | null = null;
  caughtUpAt: number | null = null;
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
  /** Rejects every query a refresh still waits for once stop() is called (a lost database may never answer). */
  private stopping = new AbortController();
  private readonly pollMs: number;
  private readonly debounceMs: number;
  private readonly batchSize: number;
  private readonly log: FastifyBaseLogger | undefined;

  constructor(
    private readonly db: Db,
    private readonly store: PublicReportStore,
    private readonly changes: ChangeBus,
    options: ReportFeedOptions = {},
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

  /** Starts loading in the background, listens to this process's changes and polls for others'. */
  start(): void {
    if (this.unsubscribe) return;
    this.stopped = false;
    if (this.stopping.signal.aborted) this.stopping = new AbortController();
    this.unsubscribe = this.changes.on('reports', () => this.changed());
    if (this.pollMs > 0) {
      this.pollTimer = setInterval(() => this.refreshInBackground(), this.pollMs);
      this.pollTimer.unref();
    }
    this.refreshInBackground();
  }

  /**
   * Stops the timers and ends a refresh under way at once: it stops waiting for its query (the query
   * itself ends with the database), and nothing is loaded or retried after. A refresh asked for after
   * stop() does nothing.
   */
  async stop(): Promise<void> {
    this.stopped = true;
    this.stopping.abort(new FeedStopped());
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
        if (!(error instanceof FeedStopped)) this.log?.warn({ err: error }, 'report index refresh failed');
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
    this.refresh().catch((error: unknown) => {
      if (!(error instanceof FeedStopped)) this.log?.warn({ err: error }, 'report index refresh failed');
    });
  }

  /** `query`'s answer, unless stop() comes first: then a FeedStopped rejection (and the answer is dropped). */
  private ask<T>(query: Promise<T>): Promise<T> {
    const signal = this.stopping.signal;
    if (signal.aborted) {
      query.catch(() => undefined);
      return Promise.reject(signal.reason as Error);
    }
    return new Promise<T>((resolve, reject) => {
      const onStop = () => reject(signal.reason as Error);
      signal.addEventListener('abort', onStop, { once: true });
      query.then(
        (value) => {
          signal.removeEventListener('abort', onStop);
          resolve(value);
        },
        (error: Error) => {
          signal.removeEventListener('abort', onStop);
          reject(error);
        },
      );
    });
  }

  private async catchUp(): Promise<void> {
    if (this.stopped) return;
    const seq = this.changeSeq;
    if (!this.loaded) await this.load();
    else await this.applyChanges();
    if (!this.loaded) return;
    if (this.store.needsRegister) this.store.setRegister(await this.ask(registerNames(this.db)));
    this.store.tidy();
    this.seenSeq = Math.max(this.seenSeq, seq);
    this.caughtUpAt = Date.now();
  }

  private async load(): Promise<void> {
    const started = performance.now();
    // Changes from here on are read from the audit log after the load.
    const floor = await this.ask(auditFloor(this.db));
    this.store.reset();
    this.gaps.clear();
    let last = 0;
    for (;;) {
      const rows = await this.ask(publicReportsAfter(this.db, last, this.batchSize));
      for (const row of rows) this.store.put(row);
      if (rows.length < this.batchSize) break;
      last = Number(rows[rows.length - 1]!.id);
    }
    this.auditMax = floor;
    this.store.setRegister(await this.ask(registerNames(this.db)));
    this.store.finishLoad();
    this.loaded = true;
    this.loadedAt = Date.now();
    this.log?.info({ reports: this.store.columns.n, ms: Math.round(performance.now() - started) }, 'report index loaded');
    await this.applyChanges();
  }

  /** Reports changed since the last look: from the audit log, plus rows above the highest id. */
  private async applyChanges(): Promise<void> {
    const changed = new Set<number>();
    const now = Date.now();
    if (this.gaps.size) {
      for (const row of await this.ask(auditEntriesIn(this.db, [...this.gaps.keys()]))) {
        this.gaps.delete(Number(row.id));
        this.noteAudit(row, changed);
      }
      for (const [id, since] of this.gaps) if (now - since > GAP_MS) this.gaps.delete(id);
    }
    for (;;) {
      const rows = await this.ask(auditEntriesAfter(this.db, this.auditMax, this.batchSize));
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
    for (let start = 0; start < list.length; start += IDS_PER_QUERY) {
      const ids = list.slice(start, start + IDS_PER_QUERY);
      const found = new Set<number>();
      for (const row of await this.ask(publicReportsIn(this.db, ids))) {
        found.add(Number(row.id));
        this.store.put(row);
      }
      for (const id of ids) if (!found.has(id)) this.store.remove(id);
    }
    const columns = this.store.columns;
    for (;;) {
      const rows = await this.ask(publicReportsAfter(this.db, columns.n ? columns.ids[columns.n - 1]! : 0, this.batchSize));
      for (const row of rows) this.store.put(row);
      if (rows.length < this.batchSize) break;
    }
  }

  private noteAudit(row: AuditEntry, changed: Set<number>): void {
    if (row.entity_type === 'reports') {
      const id = Number(row.entity_id);
      if (Number.isSafeInteger(id)) changed.add(id);
    } else if (row.entity_type === 'units' || row.entity_type === 'districts' || row.entity_type === 'report_categories') {
      this.store.registerChanged();
    }
  }
}

/** The reason a refresh ends when the feed is stopped (not a failure: nothing is logged). */
export class FeedStopped extends Error {
  constructor() {
    super('the report index was stopped');
  }
}
