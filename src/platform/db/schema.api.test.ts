import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, createTestDatabase, type TestDatabase } from '../../../test/support/databases.js';
import { declaredTables, type DeclaredTables } from '../../../test/support/schema-types.js';
import { projectRoot } from '../config/config.js';

interface ActualColumn {
  table_name: string;
  column_name: string;
  is_nullable: 'YES' | 'NO';
}

/** table → column → nullable, as the migrated database has it. */
async function actualTables(t: TestDatabase): Promise<Map<string, Map<string, boolean>>> {
  const { rows } = await sql<ActualColumn>`
    select c.table_name, c.column_name, c.is_nullable
      from information_schema.columns c
      join information_schema.tables t using (table_schema, table_name)
     where c.table_schema = current_schema() and t.table_type = 'BASE TABLE'`.execute(t.database.db);
  const tables = new Map<string, Map<string, boolean>>();
  for (const row of rows) {
    const columns = tables.get(row.table_name) ?? new Map<string, boolean>();
    columns.set(row.column_name, row.is_nullable === 'YES');
    tables.set(row.table_name, columns);
  }
  return tables;
}

/** Sorted `table.column` names, so a mismatch reads as a list of what is missing on either side. */
function columnNames(tables: Map<string, Map<string, unknown>>): string[] {
  return [...tables].flatMap(([table, columns]) => [...columns.keys()].map((column) => `${table}.${column}`)).sort();
}

/**
 * Kysely's table types (src/platform/db/schema.ts) say what every query may read and write; they
 * drift from migrations/*.sql silently, since nothing at run time checks them. This compares the
 * two after a full migration on each back end.
 */
describe.each(backends)('schema.ts against the migrated database on %s', (backend) => {
  let t: TestDatabase;
  let declared: DeclaredTables;
  beforeAll(async () => {
    t = await createTestDatabase(backend);
    declared = declaredTables(path.join(projectRoot, 'src', 'platform', 'db', 'schema.ts'));
  });
  afterAll(() => t?.drop());

  it('declares every table and column the migrations create, and no other', async () => {
    const actual = await actualTables(t);
    expect([...declared.keys()].sort()).toEqual([...actual.keys()].sort());
    expect(columnNames(declared)).toEqual(columnNames(actual));
  });

  it('reads null from exactly the columns that may hold null', async () => {
    const actual = await actualTables(t);
    const mismatches: string[] = [];
    for (const [table, columns] of declared) {
      for (const [column, { nullable }] of columns) {
        const inDatabase = actual.get(table)?.get(column);
        if (nullable === null || inDatabase === undefined) continue; // `unknown` types say nothing; missing columns fail above
        if (nullable !== inDatabase)
          mismatches.push(
            `${table}.${column}: schema.ts ${nullable ? 'nullable' : 'not null'}, database ${inDatabase ? 'nullable' : 'not null'}`,
          );
      }
    }
    expect(mismatches).toEqual([]);
    // The comparison has something to compare: most columns have a definite type.
    expect([...declared.values()].flatMap((columns) => [...columns.values()]).filter((c) => c.nullable !== null).length).toBeGreaterThan(
      100,
    );
  });
});
