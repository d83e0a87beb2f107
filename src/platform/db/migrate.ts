import path from 'node:path';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { projectRoot } from '../config/config.js';
import type { Db } from './database.js';

export interface Migration {
  version: number;
  name: string;
  sql: string;
  checksum: string;
}

export class MigrationError extends Error {}

export const migrationsDir = path.join(projectRoot, 'migrations');

/** Reads migrations/NNNN_name.sql in version order. */
export function readMigrations(dir = migrationsDir): Migration[] {
  const migrations = readdirSync(dir)
    .filter((file) => file.endsWith('.sql'))
    .map((file) => {
      const match = /^(\d{4})_([a-z0-9_]+)\.sql$/.exec(file);
      if (!match) throw new MigrationError(`Bad migration file name: ${file} (expected NNNN_name.sql)`);
      const text = readFileSync(path.join(dir, file), 'utf8');
      return {
        version: Number(match[1]),
        name: match[2]!,
        sql: text,
        checksum: createHash('sha256').update(text).digest('hex'),
      };
    })
    .sort((a, b) => a.version - b.version);
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new MigrationError(`Migrations must be numbered 0001, 0002, … without gaps; found ${migration.version}`);
    }
  });
  return migrations;
}

// Any constant: serialises migrators of one database (several app instances starting at once).
const MIGRATION_LOCK_KEY = 727_371_001;

/**
 * Applies the pending migrations in one transaction, forward only. Refuses to run when an applied
 * migration was edited or the database is newer than this code. Returns the versions applied.
 */
export async function migrate(db: Db, migrations = readMigrations()): Promise<number[]> {
  return db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(${MIGRATION_LOCK_KEY})`.execute(trx);
    await sql`
      create table if not exists schema_migrations (
        version    integer primary key,
        name       text not null,
        checksum   text not null,
        applied_at timestamptz not null default now()
      )`.execute(trx);
    const applied = await trx.selectFrom('schema_migrations').selectAll().orderBy('version').execute();
    const known = new Map(migrations.map((m) => [m.version, m]));
    for (const row of applied) {
      const migration = known.get(row.version);
      if (!migration) {
        throw new MigrationError(
          `The database has migration ${row.version} (${row.name}) that this version of the application does not know. ` +
            'Run a newer version of the application.',
        );
      }
      if (migration.checksum !== row.checksum) {
        throw new MigrationError(
          `Migration ${row.version} (${row.name}) was changed after it was applied. ` +
            'Migrations are forward-only: add a new migration instead of editing an applied one.',
        );
      }
    }
    const done = new Set(applied.map((row) => row.version));
    const pending = migrations.filter((m) => !done.has(m.version));
    for (const migration of pending) {
      await sql.raw(migration.sql).execute(trx);
      await trx
        .insertInto('schema_migrations')
        .values({ version: migration.version, name: migration.name, checksum: migration.checksum })
        .execute();
    }
    return pending.map((m) => m.version);
  });
}
