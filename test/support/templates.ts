import { mkdirSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import pg from 'pg';
import { openDatabase, type Database } from '../../src/platform/db/database.js';
import { migrate } from '../../src/platform/db/migrate.js';
import { serverUrl } from './environment.js';
import { buildWorld } from './world.js';

/**
 * The starting points a test database is copied from, prepared once per run by the global setup
 * (test/support/global-setup.ts): preparing one (migrating, loading data) costs seconds, copying it
 * a fraction of that. A new starting point is one more entry here, and a test asks for it with
 * `createTestDatabase(backend, { template: name })`.
 */
export const templatePreparations = {
  empty: () => Promise.resolve(),
  migrated: async (database: Database) => void (await migrate(database.db)),
  /** The test world (world.ts): the register most API tests start from. */
  world: async (database: Database) => {
    await migrate(database.db);
    await buildWorld(database.db);
  },
} satisfies Record<string, (database: Database) => Promise<void>>;

export type TemplateName = keyof typeof templatePreparations;

/** Where each template is: a PGlite data directory dump (a file), and a database on the server (null without one). */
export interface Templates {
  pglite: Record<TemplateName, string>;
  server: Record<TemplateName, string> | null;
}

/** The URL of another database on the same server. */
export function serverDatabaseUrl(name: string): string {
  const parsed = new URL(serverUrl);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

/**
 * Runs statements on the server's default database (creating and dropping databases needs a
 * connection elsewhere), or on the named one. Without the application's connection timeout: the
 * first connection to a new database builds its catalogue caches, which takes a loaded machine seconds.
 */
export async function onServer(...statements: string[]): Promise<void> {
  return onDatabase(serverUrl, statements);
}

async function onDatabase(url: string, statements: string[]): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (const statement of statements) await client.query(statement);
  } finally {
    await client.end();
  }
}

const names = Object.keys(templatePreparations) as TemplateName[];

/**
 * Each template as a dump of an embedded database's data directory, written under `dir`. A new
 * embedded database takes seconds to initialise, loading a dump a fraction of that: one is
 * initialised, and each template starts from its dump.
 */
export async function preparePgliteTemplates(dir: string): Promise<Record<TemplateName, string>> {
  mkdirSync(dir, { recursive: true });
  const initialised = await openDatabase({ kind: 'embedded', dataDir: path.join(dir, 'initialised') });
  const base = await dumpAndClose(initialised);
  const files = {} as Record<TemplateName, string>;
  for (const name of names) {
    const database = await openDatabase({ kind: 'embedded', dataDir: '' }, { loadDataDir: base });
    try {
      await templatePreparations[name](database);
    } catch (error) {
      await database.close();
      throw error;
    }
    const dump = await dumpAndClose(database);
    files[name] = path.join(dir, `${name}.tar`);
    writeFileSync(files[name], Buffer.from(await dump.arrayBuffer()));
  }
  return files;
}

async function dumpAndClose(database: Database): Promise<Blob> {
  try {
    return await database.dumpDataDir!();
  } finally {
    await database.close();
  }
}

/**
 * Each template as a database on the server, named per run. Closed to connections once prepared:
 * PostgreSQL copies a template only while nobody is connected to it.
 */
export async function prepareServerTemplates(): Promise<{ databases: Record<TemplateName, string>; drop(): Promise<void> }> {
  const run = `${process.pid}_${randomBytes(4).toString('hex')}`;
  const databases = Object.fromEntries(names.map((name) => [name, `dz_template_${name}_${run}`])) as Record<TemplateName, string>;
  const drop = () => onServer(...names.map((name) => `drop database if exists ${databases[name]} with (force)`));
  try {
    for (const name of names) {
      await onServer(`create database ${databases[name]}`);
      await onDatabase(serverDatabaseUrl(databases[name]), ['select 1']);
      const database = await openDatabase({ kind: 'postgres', url: serverDatabaseUrl(databases[name]) });
      try {
        await templatePreparations[name](database);
      } finally {
        await database.close();
      }
      await onServer(`alter database ${databases[name]} with allow_connections false`);
    }
  } catch (error) {
    await drop();
    throw error;
  }
  return { databases, drop };
}
