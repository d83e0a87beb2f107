import type { Insertable, Updateable } from 'kysely';
import type { Trx } from '../../platform/audit/actor.js';
import type { ReportCategoriesTable } from '../../platform/db/schema.js';

export async function insertCategory(trx: Trx, row: Insertable<ReportCategoriesTable>): Promise<void> {
  await trx.insertInto('report_categories').values(row).execute();
}

/** Adds categories; a code already in the catalogue is left as it is (an admin may have renamed it). */
export async function insertMissingCategories(trx: Trx, rows: Insertable<ReportCategoriesTable>[]): Promise<void> {
  await trx
    .insertInto('report_categories')
    .values(rows)
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
}

export async function updateCategoryRow(trx: Trx, code: string, columns: Updateable<ReportCategoriesTable>): Promise<void> {
  await trx
    .updateTable('report_categories')
    .set({ ...columns, updated_at: new Date() })
    .where('id', '=', code)
    .execute();
}
