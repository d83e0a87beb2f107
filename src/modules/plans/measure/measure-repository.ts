import type { Trx } from '../../../platform/audit/actor.js';
import type { Db } from '../../../platform/db/database.js';
import { isUuid } from '../../../platform/db/ids.js';

/** All SQL of frozen measures (migration 0016: rows are only ever inserted). */

export async function insertMeasure(
  trx: Trx,
  row: { planId: string; version: number; unitId: string; kind: string; measure: object; frozenBy: string; frozenAt: Date },
): Promise<void> {
  await trx
    .insertInto('plan_measures')
    .values({
      plan_id: row.planId,
      version: row.version,
      unit_id: row.unitId,
      kind: row.kind,
      measure: JSON.stringify(row.measure),
      frozen_by: row.frozenBy,
      frozen_at: row.frozenAt,
    })
    .execute();
}

/** The measure of the plan's latest approved version (up to `atMostVersion`). */
export async function latestMeasure(db: Db | Trx, planId: string, atMostVersion?: number) {
  if (!isUuid(planId)) return undefined;
  return db
    .selectFrom('plan_measures')
    .select(['plan_id', 'version', 'kind', 'measure', 'frozen_by', 'frozen_at'])
    .where('plan_id', '=', planId)
    .$if(atMostVersion !== undefined, (q) => q.where('version', '<=', atMostVersion!))
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
}
