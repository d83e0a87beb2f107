import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { describe, inject } from 'vitest';
import { openDatabase, type Database } from '../../src/platform/db/database.js';
import { onServer, serverDatabaseUrl, type TemplateName } from './templates.js';

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

/**
 * A fresh database for one test file, copied from one of the run's templates (test/support/templates.ts;
 * `migrated` by default, `empty` with `migrated: false`, `world` with `world: true`): PGlite loaded from the template's dump,
 * or a new database on the PostgreSQL server (named per process, so parallel runs never share one).
 */
export async function createTestDatabase(
  backend: Backend,
  options: { migrated?: boolean; world?: boolean; template?: TemplateName } = {},
): Promise<TestDatabase> {
  const template = options.template ?? (options.world ? 'world' : options.migrated === false ? 'empty' : 'migrated');
  const templates = inject('templates');
  if (backend === 'pglite') {
    const database = await openDatabase({ kind: 'embedded', dataDir: '' }, { loadDataDir: pgliteDump(template) });
    return { database, url: null, drop: () => database.close() };
  }
  if (!templates.server) throw new Error(`No PostgreSQL server for this test: ${postgresMissing}`);
  const name = `dz_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  await onServer(`create database ${name} template ${templates.server[template]}`);
  const url = serverDatabaseUrl(name);
  const database = await openDatabase({ kind: 'postgres', url });
  return {
    database,
    url,
    async drop() {
      await database.close();
      await onServer(`drop database if exists ${name} with (force)`);
    },
  };
}

function pgliteDump(template: TemplateName): Blob {
  return new Blob([readFileSync(inject('templates').pglite[template])]);
}

/**
 * A new data directory (DATA_DIR) for the app or the CLI started as a process, its embedded
 * database copied from a template: initialising and migrating one takes the process seconds.
 * Tests of a start on a really new directory make theirs with mkdtemp.
 */
export async function createDataDir(prefix: string, template: TemplateName = 'migrated'): Promise<string> {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  // Copied without fsync: with it PostgreSQL would sync every file of the copy (a dump of a running
  // database) on opening it, seconds per directory; closed cleanly, the app opens it without that.
  const database = await openDatabase({ kind: 'embedded', dataDir: dir, durability: 'relaxed' }, { loadDataDir: pgliteDump(template) });
  await database.close();
  return dir;
}
