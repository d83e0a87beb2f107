import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe, inject } from 'vitest';
import { openDatabase, type Database } from '../../src/platform/db/database.js';
import { migrate } from '../../src/platform/db/migrate.js';
import { serverUrl } from './environment.js';
import { buildWorld } from './world.js';

export type Backend = 'pglite' | 'postgres';
/** Null when the PostgreSQL server answered the global setup's probe; otherwise why not. */
export const postgresMissing = inject('testEnvironment').postgresMissing;
/**
 * Every database test runs on both back ends; without a server (outside CI, where the global
 * setup has said so in one line) on PGlite alone.
 */
export const backends: Backend[] = postgresMissing ? ['pglite'] : ['pglite', 'postgres'];
/** For the suites that need the server itself: skipped when there is none. */
export const describeOnServer = describe.skipIf(postgresMissing !== null);

export interface TestDatabase {
  database: Database;
  /** For the server back end: the URL of this test's own database. */
  url: string | null;
  drop(): Promise<void>;
}

function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

/**
 * A fresh database for one test file: PGlite loaded from the run's template, or a new database
 * on the PostgreSQL server (named per process, so parallel runs never share one). `world`: with
 * the test world (world.ts) in it, which PGlite has ready in a template of its own.
 */
export async function createTestDatabase(backend: Backend, options: { migrated?: boolean; world?: boolean } = {}): Promise<TestDatabase> {
  const migrated = options.migrated ?? true;
  if (backend === 'pglite') {
    const templates = inject('pgliteTemplates');
    const template = options.world ? templates.world : migrated ? templates.migrated : templates.empty;
    const dump = new Blob([readFileSync(template)]);
    const database = await openDatabase({ kind: 'embedded', dataDir: '' }, { loadDataDir: dump });
    return { database, url: null, drop: () => database.close() };
  }
  const name = `dz_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = withDatabase(serverUrl, name);
  const database = await openDatabase({ kind: 'postgres', url });
  if (migrated || options.world) await migrate(database.db);
  if (options.world) await buildWorld(database.db);
  return {
    database,
    url,
    async drop() {
      await database.close();
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      try {
        await client.query(`drop database if exists ${name} with (force)`);
      } finally {
        await client.end();
      }
    },
  };
}
