import { sql } from 'kysely';
import type { Db } from '../../src/platform/db/database.js';

/**
 * Every row of every table of the schema, each as PostgreSQL's own text of the row, sorted: two
 * databases hold the same data when these are equal (backups, dumps). Tables are listed from
 * information_schema, so a new table is compared without anyone adding it here.
 */
export async function everyTableRows(db: Db): Promise<Map<string, string[]>> {
  const tables = await sql<{ table_name: string }>`
    select table_name from information_schema.tables
     where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`.execute(db);
  const rows = new Map<string, string[]>();
  for (const { table_name } of tables.rows) {
    const result = await sql<{ row: string }>`select t::text as row from ${sql.table(table_name)} t order by 1`.execute(db);
    rows.set(
      table_name,
      result.rows.map((r) => r.row),
    );
  }
  return rows;
}
