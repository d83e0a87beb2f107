import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Database } from '../db/database.js';
import type { IndexBoard, IndexState } from './index-board.js';
import { outboxBacklog } from './observe-repository.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The limit that refused this request with 429 (its error code), for the refusal counter. */
    refusal: string | null;
  }
}

/** How long a scrape reuses the outbox numbers: several scrapers (or a reload) cost one query. */
const OUTBOX_CACHE_MS = 10_000;

// Process metrics (CPU, memory, event loop, GC) are the process's, not an app's: one registry for
// the process, created on the first scrape, so the many apps a test process builds add no observers.
let processRegistry: Registry | null = null;
function processMetrics(): Registry {
  if (!processRegistry) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry });
  }
  return processRegistry;
}

/**
 * The app's Prometheus metrics: requests and their latency by route pattern (never the raw URL, so
 * ids do not make a series each), 429s by the limit that refused, slow queries, the database pool,
 * the outbox backlog and the in-memory indexes' ages; read on each scrape.
 */
export class AppMetrics {
  readonly registry = new Registry();
  private readonly requests: Counter<'method' | 'route' | 'status'>;
  private readonly latency: Histogram<'method' | 'route'>;
  private readonly refusals: Counter<'limit' | 'route'>;
  private readonly slowQueries: Counter;

  constructor(database: Database, indexes: IndexBoard) {
    const registers = [this.registry];
    this.requests = new Counter({
      name: 'dz_http_requests_total',
      help: 'HTTP requests answered, by method, route pattern and status class',
      labelNames: ['method', 'route', 'status'],
      registers,
    });
    this.latency = new Histogram({
      name: 'dz_http_request_duration_seconds',
      help: 'Time from receiving a request to the end of its answer, by method and route pattern',
      labelNames: ['method', 'route'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    });
    this.refusals = new Counter({
      name: 'dz_rate_limit_refusals_total',
      help: 'Requests refused with 429, by the limit (its error code) and route pattern',
      labelNames: ['limit', 'route'],
      registers,
    });
    this.slowQueries = new Counter({
      name: 'dz_db_slow_queries_total',
      help: 'Queries that took SLOW_QUERY_MS or longer (each is logged at warn)',
      registers,
    });
    // A gauge read on each scrape: `read` gives its series as [labels, value] pairs.
    type Series = Array<[Record<string, string>, number]>;
    const gauge = (name: string, help: string, labelNames: string[], read: () => Series | Promise<Series>) =>
      new Gauge({
        name,
        help,
        labelNames,
        registers,
        async collect() {
          // The database down: the series keep their last values rather than the whole scrape failing.
          const series = await Promise.resolve(read()).catch(() => [] as Series);
          for (const [labels, value] of series) this.set(labels, value);
        },
      });
    gauge('dz_db_pool_connections', 'Database connections by state (max: the pool size; the embedded database has one)', ['state'], () => {
      const stats = database.poolStats();
      return (['max', 'total', 'idle', 'waiting'] as const).map((state) => [{ state }, stats[state]]);
    });
    const backlog = cached(OUTBOX_CACHE_MS, () => outboxBacklog(database.db));
    gauge('dz_outbox_unsent', 'E-mails in the outbox not sent yet', [], async () => [[{}, (await backlog()).unsent]]);
    gauge('dz_outbox_oldest_unsent_age_seconds', 'Age of the oldest e-mail not sent yet (0 when none waits)', [], async () => [
      [{}, (await backlog()).oldestAgeSeconds],
    ]);
    const ageOf = (at: number | null) => (at === null ? -1 : (Date.now() - at) / 1000);
    const perIndex = (value: (state: IndexState) => number) => () =>
      indexes.states().map((state): [Record<string, string>, number] => [{ index: state.name }, value(state)]);
    gauge(
      'dz_index_ready',
      'Whether an in-memory index answers (1) or is still loading (0)',
      ['index'],
      perIndex((s) => (s.ready ? 1 : 0)),
    );
    gauge(
      'dz_index_built_age_seconds',
      'Seconds since an in-memory index was last built in full (-1: not yet)',
      ['index'],
      perIndex((s) => ageOf(s.builtAt)),
    );
    gauge(
      'dz_index_checked_age_seconds',
      'Seconds since an in-memory index was last known to match the database (-1: not yet); growing past its poll interval means it stopped following',
      ['index'],
      perIndex((s) => ageOf(s.checkedAt)),
    );
  }

  /** Counts an answered request under its route pattern. */
  answered(request: FastifyRequest, reply: FastifyReply): void {
    // Requests that matched no route (404s, scans) share one series instead of one per URL.
    const route = request.routeOptions.url ?? 'unmatched';
    const method = request.method;
    const status = reply.statusCode;
    this.requests.inc({ method, route, status: `${Math.floor(status / 100)}xx` });
    this.latency.observe({ method, route }, reply.elapsedTime / 1000);
    if (status === 429) this.refusals.inc({ limit: request.refusal ?? 'too_many_requests', route });
  }

  slowQuery(): void {
    this.slowQueries.inc();
  }

  /** The text exposition of the app's and the process's metrics. */
  async exposition(): Promise<string> {
    const [own, process] = await Promise.all([this.registry.metrics(), processMetrics().metrics()]);
    return `${own}\n${process}`;
  }

  contentType(): string {
    return this.registry.contentType;
  }
}

/** Counts every answer; notes the limit behind a 429 that went through the error handler. */
export function countRequests(app: FastifyInstance, metrics: AppMetrics): void {
  app.decorateRequest('refusal', null);
  app.addHook('onError', async (request, _reply, error) => {
    if ((error as { status?: number }).status === 429) request.refusal = (error as { code?: string }).code ?? null;
  });
  app.addHook('onResponse', async (request, reply) => {
    metrics.answered(request, reply);
  });
}

/** `read`'s answer, reused for `ms`; concurrent callers share one read. */
function cached<T>(ms: number, read: () => Promise<T>): () => Promise<T> {
  let value: Promise<T> | null = null;
  let at = 0;
  return () => {
    if (!value || Date.now() - at > ms) {
      at = Date.now();
      value = read();
      // A failed read is not kept: the next scrape asks again.
      value.catch(() => {
        value = null;
      });
    }
    return value;
  };
}
