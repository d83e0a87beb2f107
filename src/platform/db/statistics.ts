import { sql } from 'kysely';
import type { FastifyBaseLogger } from 'fastify';
import type { Database } from './database.js';

/**
 * PGlite has no autovacuum, so without this its planner never learns how big tables are and picks
 * plans meant for empty tables (a search over 100,000 plans took seconds instead of milliseconds).
 * The embedded database is analysed soon after start and then once a day; a PostgreSQL server
 * does this itself.
 */
export function keepStatisticsFresh(database: Database, log?: FastifyBaseLogger, everyMs = 24 * 3600 * 1000): () => void {
  if (database.kind !== 'embedded') return () => undefined;
  const analyze = async () => {
    const started = performance.now();
    try {
      await sql`analyze`.execute(database.db);
      log?.info({ ms: Math.round(performance.now() - started) }, 'database statistics refreshed');
    } catch (error) {
      log?.warn({ err: error }, 'analyze failed');
    }
  };
  const first = setTimeout(() => void analyze(), 1000);
  const daily = setInterval(() => void analyze(), everyMs);
  first.unref();
  daily.unref();
  return () => {
    clearTimeout(first);
    clearInterval(daily);
  };
}
