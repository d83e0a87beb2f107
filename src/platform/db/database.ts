import path from 'node:path';
import { mkdirSync } from 'node:fs';
import pg, { type CustomTypesConfig } from 'pg';
import { Kysely, PostgresDialect, sql, type LogEvent } from 'kysely';
import { PGlite } from '@electric-sql/pglite';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import type { DatabaseTarget } from '../config/config.js';
import type { DatabaseSchema } from './schema.js';
import { pgliteDiskOptions } from './durability.js';
import { listenOn, type StopListening } from './notifications.js';

export type Db = Kysely<DatabaseSchema>;
export type BackendKind = 'embedded' | 'postgres';

/** An open database: the same Kysely API over PostgreSQL or PGlite. */
export interface Database {
  kind: BackendKind;
  db: Db;
  /** Answers within `timeoutMs` or throws with the reason. */
  ping(timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
  /** Whether close() was called: queries then fail with driver internals, which mean "unavailable". */
  readonly closed: boolean;
  /** Every query's SQL text and duration, never its parameters (personal data), to `observer` until the returned function is called. */
  observeQueries(observer: QueryObserver): () => void;
  /** The connection pool now: open connections, idle ones, and queries waiting for one (embedded: at most 1). */
  poolStats(): PoolStats;
  /**
   * Server only: LISTEN on `channel` on a connection of its own (notifications between instances;
   * the embedded database has one process and needs none). See notifications.ts.
   */
  listen?: (channel: string, onMessage: (payload: string) => void, onLost: (error: Error) => void) => Promise<StopListening>;
  /** Embedded only: the whole data directory as a tarball (test templates, backups). */
  dumpDataDir?: () => Promise<Blob>;
}

export interface QueryEvent {
  sql: string;
  durationMs: number;
  failed: boolean;
}
export type QueryObserver = (event: QueryEvent) => void;
export interface PoolStats {
  max: number;
  total: number;
  idle: number;
  waiting: number;
}

// bigint counts and ids fit in a JS number here; numeric stays a string (exact); a date is a
// calendar day, kept as "YYYY-MM-DD" text so no time zone can shift it.
const INT8 = 20;
const DATE = 1082;
const types: CustomTypesConfig = {
  // pg types its own parsers as any; unknown keeps that from leaking into the code around.
  getTypeParser: (oid: number, format?: 'text' | 'binary'): unknown =>
    oid === INT8 ? (value: string) => Number(value) : oid === DATE ? (value: string) => value : pg.types.getTypeParser(oid, format),
};

export interface OpenOptions {
  /** Embedded only: start from this data directory dump (tests): in memory, or copied into the folder when one is given. */
  loadDataDir?: Blob;
  poolSize?: number;
}

export async function openDatabase(target: DatabaseTarget, options: OpenOptions = {}): Promise<Database> {
  if (target.kind === 'postgres') {
    const pool = new pg.Pool({
      connectionString: target.url,
      max: options.poolSize ?? target.poolSize ?? 10,
      connectionTimeoutMillis: 5000,
      idleTimeoutMillis: 30_000,
      types,
    });
    // A client that loses its server emits 'error' besides failing its query; without a listener
    // that event would crash the process. The failed query is reported where it was made.
    pool.on('error', () => undefined);
    pool.on('connect', (client) => client.on('error', () => undefined));
    const database = wrap('postgres', pool, () => Promise.resolve());
    database.listen = (channel, onMessage, onLost) =>
      listenOn({ connectionString: target.url, connectionTimeoutMillis: 5000 }, channel, onMessage, onLost);
    return database;
  }
  const extensions = { pg_trgm, unaccent, btree_gist };
  let pglite: PGlite;
  if (options.loadDataDir && !target.dataDir) {
    pglite = await PGlite.create({ loadDataDir: options.loadDataDir, extensions });
  } else {
    const dir = path.join(target.dataDir, 'pgdata');
    mkdirSync(dir, { recursive: true });
    pglite = await PGlite.create({
      ...pgliteDiskOptions(dir, target.durability ?? 'full'),
      extensions,
      ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
    });
  }
  // PGlite has one connection: the pool must never open a second one.
  const pool = new pg.Pool({ ...createPgConfig(pglite), max: 1, types });
  const database = wrap('embedded', pool, () => pglite.close());
  database.dumpDataDir = async () => await pglite.dumpDataDir('none');
  return database;
}

function wrap(kind: BackendKind, pool: pg.Pool, closeEngine: () => Promise<void>): Database {
  const observers = new Set<QueryObserver>();
  // Kysely times every query for its log function; the event carries the SQL and its parameters, and only the SQL goes on.
  const log = (event: LogEvent) => {
    if (observers.size === 0) return;
    const seen = { sql: event.query.sql, durationMs: event.queryDurationMillis, failed: event.level === 'error' };
    for (const observer of observers) observer(seen);
  };
  const db = new Kysely<DatabaseSchema>({ dialect: new PostgresDialect({ pool }), log });
  let closed = false;
  return {
    kind,
    db,
    observeQueries(observer) {
      observers.add(observer);
      return () => observers.delete(observer);
    },
    poolStats: () => ({ max: pool.options.max, total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
    get closed() {
      return closed;
    },
    async ping(timeoutMs = 3000) {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
      });
      try {
        await Promise.race([sql`select 1`.execute(db), timeout]);
      } finally {
        clearTimeout(timer);
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      await db.destroy();
      await closeEngine();
    },
  };
}
