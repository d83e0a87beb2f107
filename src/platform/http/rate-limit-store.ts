import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { Db } from '../db/database.js';
import { countHit, pruneHits } from './rate-limit-repository.js';

/** Ended windows are deleted at most this often, by the instance that counts a request then. */
const PRUNE_EVERY_MS = 60_000;

/**
 * The rate-limit plugin's store in the database (rate_limit_hits), so that every instance on one
 * database counts a client's requests once, not each its own share; the same code on PGlite. A
 * route's limit counts under its own key (method and path before the client's), as the plugin's
 * own stores do, and a window starts at a key's first request.
 */
export function databaseRateLimitStore(db: Db, onPruneError: (error: unknown) => void = () => undefined): FastifyRateLimitStoreCtor {
  let lastPrune = 0;
  const pruneNowAndThen = () => {
    if (Date.now() - lastPrune < PRUNE_EVERY_MS) return;
    lastPrune = Date.now();
    pruneHits(db).catch(onPruneError);
  };
  class DatabaseStore implements FastifyRateLimitStore {
    constructor(
      _options: unknown,
      private readonly prefix = '',
    ) {}

    incr(key: string, callback: (error: Error | null, result?: { current: number; ttl: number }) => void, timeWindow: number): void {
      countHit(db, this.prefix + key, timeWindow).then(
        ({ count, ttlMs }) => callback(null, { current: count, ttl: ttlMs }),
        (error: unknown) => callback(error as Error),
      );
      pruneNowAndThen();
    }

    // The plugin passes the route's limit settings with the route as `routeInfo` (its types say the route itself).
    child(options: Parameters<FastifyRateLimitStore['child']>[0]): FastifyRateLimitStore {
      const route = (options as { routeInfo?: { method?: string | string[]; url?: string } }).routeInfo ?? {};
      return new DatabaseStore(undefined, `${this.prefix}${String(route.method ?? '')} ${route.url ?? ''} `);
    }
  }
  return DatabaseStore;
}
