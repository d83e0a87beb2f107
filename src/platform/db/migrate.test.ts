import { mkdtempSync, writeFileSync, cpSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { backends, createTestDatabase, type TestDatabase } from '../../../test/support/databases.js';
import { MigrationError, migrate, migrationsDir, readMigrations } from './migrate.js';

async function tables(test: TestDatabase): Promise<string[]> {
  const result = await sql<{ table_name: string }>`
    select table_name from information_schema.tables where table_schema = current_schema() order by 1`.execute(test.database.db);
  return result.rows.map((row) => row.table_name);
}

function migrationsCopy(extra: Record<string, string>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dz-migrations-'));
  cpSync(migrationsDir, dir, { recursive: true });
  for (const [name, text] of Object.entries(extra)) writeFileSync(path.join(dir, name), text);
  return dir;
}

describe.each(backends)('migrations on %s', (backend) => {
  let test: TestDatabase | undefined;
  afterEach(async () => {
    await test?.drop();
    test = undefined;
  });

  it('creates the whole schema on an empty database, then has nothing left to do', async () => {
    test = await createTestDatabase(backend, { migrated: false });
    expect(await tables(test)).toEqual([]);
    const all = readMigrations().map((m) => m.version);
    expect(await migrate(test.database.db)).toEqual(all);
    expect(await tables(test)).toEqual(
      expect.arrayContaining(['accounts', 'app_settings', 'audit_log', 'schema_migrations', 'sessions', 'units']),
    );
    expect(await migrate(test.database.db)).toEqual([]);
    const recorded = await test.database.db.selectFrom('schema_migrations').select(['version', 'checksum']).execute();
    expect(recorded.map((r) => r.version)).toEqual(all);
  });

  it('applies only the new migration on an up-to-date database', async () => {
    test = await createTestDatabase(backend);
    const next = readMigrations().length + 1;
    const dir = migrationsCopy({ [`${String(next).padStart(4, '0')}_extra.sql`]: 'create table extra_things (id int primary key);' });
    expect(await migrate(test.database.db, readMigrations(dir))).toEqual([next]);
    expect(await tables(test)).toContain('extra_things');
  });

  it('rolls back everything when a migration fails, and says why', async () => {
    test = await createTestDatabase(backend);
    const next = readMigrations().length + 1;
    const dir = migrationsCopy({
      [`${String(next).padStart(4, '0')}_broken.sql`]: 'create table half_done (id int); select no_such_function();',
    });
    await expect(migrate(test.database.db, readMigrations(dir))).rejects.toThrow(/no_such_function/);
    expect(await tables(test)).not.toContain('half_done');
    const versions = await test.database.db.selectFrom('schema_migrations').select('version').execute();
    expect(versions).toHaveLength(next - 1);
  });

  it('refuses to run when an applied migration was edited', async () => {
    test = await createTestDatabase(backend);
    const edited = readMigrations().map((m, i) => (i === 0 ? { ...m, checksum: 'edited' } : m));
    await expect(migrate(test.database.db, edited)).rejects.toThrow(MigrationError);
    await expect(migrate(test.database.db, edited)).rejects.toThrow(/changed after it was applied/);
  });

  it('refuses to run an older application on a newer database', async () => {
    test = await createTestDatabase(backend);
    const older = readMigrations().slice(0, -1);
    await expect(migrate(test.database.db, older)).rejects.toThrow(/does not know/);
  });
});
