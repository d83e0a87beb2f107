import type { FastifyBaseLogger } from 'fastify';
import type { Database } from '../db/database.js';
import { readMigrations } from '../db/migrate.js';
import type { IndexBoard } from './index-board.js';
import { newestAppliedMigration } from './observe-repository.js';

export interface Readiness {
  ready: boolean;
  database: 'ok' | 'unavailable';
  migrations: 'applied' | 'pending' | 'unknown';
  indexes: Record<string, 'ready' | 'loading'>;
}

/**
 * May this instance take traffic? The database answers, every migration this code knows is applied,
 * and every in-memory index is loaded. Migrations are never undone: once seen applied, they are not
 * read again.
 */
export function readinessCheck(database: Database, indexes: IndexBoard): (log: FastifyBaseLogger) => Promise<Readiness> {
  const expected = readMigrations().length;
  let migrationsApplied = false;
  return async (log) => {
    let databaseOk = true;
    try {
      await database.ping();
      migrationsApplied ||= (await newestAppliedMigration(database.db)) >= expected;
    } catch (error) {
      databaseOk = false;
      log.warn({ err: error }, 'readiness check: the database does not answer');
    }
    const states = indexes.states();
    return {
      ready: databaseOk && migrationsApplied && states.every((state) => state.ready),
      database: databaseOk ? 'ok' : 'unavailable',
      migrations: migrationsApplied ? 'applied' : databaseOk ? 'pending' : 'unknown',
      indexes: Object.fromEntries(states.map((state) => [state.name, state.ready ? 'ready' : 'loading'])),
    };
  };
}
