import type { FastifyInstance } from 'fastify';
import type { Config } from '../config/config.js';
import type { Database } from '../db/database.js';
import { httpErrors } from '../http/errors.js';
import type { IndexBoard } from './index-board.js';
import { AppMetrics, countRequests } from './metrics.js';
import { mayReadMetrics } from './metrics-access.js';
import { slowQueryLogger } from './slow-queries.js';

const FORWARDING_HEADERS = ['x-forwarded-for', 'forwarded', 'x-real-ip'];

/**
 * Observability of one app: every request counted by route, slow queries logged (SLOW_QUERY_MS)
 * and counted, and GET /metrics in the Prometheus text format for a scraper with METRICS_TOKEN or
 * on this machine (metrics-access.ts); to anyone else it does not exist (404).
 */
export function registerObservability(app: FastifyInstance, config: Config, database: Database, indexes: IndexBoard): void {
  const metrics = new AppMetrics(database, indexes);
  countRequests(app, metrics);
  const stopWatching = database.observeQueries(slowQueryLogger(config.slowQueryMs, app.log, () => metrics.slowQuery()));
  app.addHook('onClose', (_instance, done) => {
    stopWatching();
    done();
  });
  app.get(
    '/metrics',
    // Not an action of a person (policy.ts): a machine's read, decided here before anything else.
    { config: { access: 'public' }, schema: { hide: true } },
    async (request, reply) => {
      const allowed = mayReadMetrics(config.metricsToken, {
        authorization: request.headers.authorization,
        clientIp: request.ip,
        forwarded: FORWARDING_HEADERS.some((name) => request.headers[name] !== undefined),
      });
      if (!allowed) throw httpErrors.notFound();
      reply.header('cache-control', 'no-store').type(metrics.contentType());
      return metrics.exposition();
    },
  );
}
