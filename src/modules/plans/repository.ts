import type { Db } from '../../platform/db/database.js';
import type { Trx } from '../../platform/audit/actor.js';
import type { Evaluation, Plan, PlanContent, PlanStatus } from './model.js';
import { planColumns, toPlan } from './plan-row.js';
import { isUuid } from '../../platform/db/ids.js';

// The plans' data, split by job: plan rows here, a plan's history (versions, steps) in
// version-repository.ts, lists and search in search-repository.ts. Importers keep one door.
export * from './version-repository.js';
export * from './search-repository.js';

type Queryable = Db | Trx;

export async function findPlan(db: Queryable, id: string): Promise<Plan | undefined> {
  if (!isUuid(id)) return undefined;
  const row = await db.selectFrom('plans').select(planColumns).where('id', '=', id).executeTakeFirst();
  return row && toPlan(row);
}

export interface PlanRow {
  districtId: string;
  unitId: string;
  periodFrom: string;
  periodTo: string;
  content: PlanContent;
  previousPlanId: string | null;
  searchStems: string;
}

export async function insertPlan(trx: Trx, plan: PlanRow, status: PlanStatus = 'draft'): Promise<string> {
  const row = await trx
    .insertInto('plans')
    .values({
      district_id: plan.districtId,
      unit_id: plan.unitId,
      period_from: plan.periodFrom,
      period_to: plan.periodTo,
      status,
      content: JSON.stringify(plan.content),
      threat_category: plan.content.threat.category,
      previous_plan_id: plan.previousPlanId,
      search_stems: plan.searchStems,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export interface PlanPatch {
  periodFrom?: string;
  periodTo?: string;
  content?: PlanContent;
  searchStems?: string;
  status?: PlanStatus;
  version?: number;
  publishedVersion?: number | null;
  evaluation?: Evaluation | null;
  submittedAt?: Date;
  approvedAt?: Date | null;
  publishedAt?: Date;
  evaluatedAt?: Date;
}

export async function updatePlanRow(trx: Trx, id: string, patch: PlanPatch): Promise<void> {
  await trx
    .updateTable('plans')
    .set({
      period_from: patch.periodFrom,
      period_to: patch.periodTo,
      content: patch.content === undefined ? undefined : JSON.stringify(patch.content),
      threat_category: patch.content === undefined ? undefined : patch.content.threat.category,
      search_stems: patch.searchStems,
      status: patch.status,
      version: patch.version,
      published_version: patch.publishedVersion,
      evaluation: patch.evaluation === undefined ? undefined : patch.evaluation === null ? null : JSON.stringify(patch.evaluation),
      submitted_at: patch.submittedAt,
      approved_at: patch.approvedAt,
      published_at: patch.publishedAt,
      evaluated_at: patch.evaluatedAt,
      updated_at: new Date(),
    })
    .where('id', '=', id)
    .execute();
}

export async function deletePlanRow(trx: Trx, id: string): Promise<void> {
  await trx.deleteFrom('plans').where('id', '=', id).execute();
}

/** A plan of the district whose period shares a day with the given one. */
export async function overlappingPlan(db: Queryable, districtId: string, from: string, to: string, exceptId?: string) {
  let query = db
    .selectFrom('plans')
    .select(['id', 'period_from', 'period_to'])
    .where('district_id', '=', districtId)
    .where('period_from', '<=', to)
    .where('period_to', '>=', from);
  if (exceptId) query = query.where('id', '<>', exceptId);
  return query.executeTakeFirst();
}

/** The district's plans residents can read, newest period first (a district has two a year). */
export async function publishedPlansOfDistrict(
  db: Queryable,
  districtId: string,
  limit = 40,
): Promise<{ id: string; periodFrom: string; periodTo: string }[]> {
  const rows = await db
    .selectFrom('plans')
    .select(['id', 'period_from', 'period_to'])
    .where('district_id', '=', districtId)
    .where('published_version', 'is not', null)
    .orderBy('period_from', 'desc')
    .limit(limit)
    .execute();
  return rows.map((row) => ({ id: row.id, periodFrom: row.period_from, periodTo: row.period_to }));
}
