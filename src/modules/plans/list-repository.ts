import type { Db } from '../../platform/db/database.js';
import type { Trx } from '../../platform/audit/actor.js';
import { subtreeOf } from '../access/index.js';
import type { Plan, PlanStatus } from './model.js';
import { planColumns, toPlan } from './plan-row.js';

/** A plan in the staff queue, with the names its row shows. */
export interface QueuedPlan {
  plan: Plan;
  districtName: string;
  unitName: string;
}

export interface QueueFilter {
  /** Plans of this unit and the units below it. */
  subtreeOf: string;
  statuses?: readonly PlanStatus[] | undefined;
  /** Only these districts (an officer's own), and only while the district is in the register. */
  districtIds?: readonly string[] | null | undefined;
  limit: number;
}

/**
 * The staff queue in one statement: the plans with their district's and unit's names, newest
 * period first. It was one query for the list and about seven more for each of up to 500 plans.
 */
export async function queuedPlans(db: Db | Trx, filter: QueueFilter): Promise<QueuedPlan[]> {
  if (filter.districtIds?.length === 0) return [];
  let query = db
    .selectFrom('plan_search as s')
    .innerJoin('plans', 'plans.id', 's.plan_id')
    .innerJoin('districts as d', 'd.id', 's.district_id')
    .innerJoin('units as u', 'u.id', 's.unit_id')
    .select(planColumns.map((column) => `plans.${column}` as const))
    .select(['d.name as district_name', 'u.name as unit_name'])
    .where('s.unit_id', 'in', subtreeOf(filter.subtreeOf));
  if (filter.statuses?.length) query = query.where('s.status', 'in', filter.statuses);
  if (filter.districtIds) query = query.where('s.district_id', 'in', filter.districtIds).where('d.retired_at', 'is', null);
  const rows = await query.orderBy('s.period_from', 'desc').orderBy('s.plan_id').limit(filter.limit).execute();
  return rows.map((row) => ({ plan: toPlan(row), districtName: row.district_name, unitName: row.unit_name }));
}

/** The plans published last (the Atom feed), newest publication first. */
export async function latestPublishedPlans(db: Db | Trx, limit: number): Promise<Plan[]> {
  const rows = await db
    .selectFrom('plans')
    .select(planColumns)
    .where('published_version', 'is not', null)
    .orderBy('published_at', 'desc')
    .limit(limit)
    .execute();
  return rows.map(toPlan);
}
