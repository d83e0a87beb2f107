import type { Selectable } from 'kysely';
import type { PlansTable } from '../../platform/db/schema.js';
import type { Evaluation, Plan, PlanContent, PlanStatus } from './model.js';

/** Every column a Plan is made of: never `select *`, which would also drag the search text and vector along. */
export const planColumns = [
  'id',
  'district_id',
  'unit_id',
  'period_from',
  'period_to',
  'status',
  'version',
  'published_version',
  'content',
  'previous_plan_id',
  'evaluation',
  'created_at',
  'updated_at',
  'submitted_at',
  'approved_at',
  'published_at',
  'evaluated_at',
] as const;

export function toPlan(row: Pick<Selectable<PlansTable>, (typeof planColumns)[number]>): Plan {
  return {
    id: row.id,
    districtId: row.district_id,
    unitId: row.unit_id,
    periodFrom: row.period_from,
    periodTo: row.period_to,
    status: row.status as PlanStatus,
    version: row.version,
    publishedVersion: row.published_version,
    content: row.content as PlanContent,
    previousPlanId: row.previous_plan_id,
    evaluation: (row.evaluation as Evaluation | null) ?? null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    submittedAt: row.submitted_at,
    approvedAt: row.approved_at,
    publishedAt: row.published_at,
    evaluatedAt: row.evaluated_at,
  };
}
