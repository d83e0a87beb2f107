import { sql, type Selectable } from 'kysely';
import type { Db } from '../../platform/db/database.js';
import type { PlansTable } from '../../platform/db/schema.js';
import type { Trx } from '../../platform/audit/actor.js';
import { subtreeOf } from '../units/repository.js';
import type { Evaluation, Plan, PlanContent, PlanStatus } from './model.js';

type Queryable = Db | Trx;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Every column a Plan is made of: never `select *`, which would also drag the search text and vector along. */
export const planColumns = [
  'id', 'district_id', 'unit_id', 'period_from', 'period_to', 'status', 'version', 'published_version', 'content', 'previous_plan_id',
  'evaluation', 'created_at', 'updated_at', 'submitted_at', 'approved_at', 'published_at', 'evaluated_at',
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

export async function findPlan(db: Queryable, id: string): Promise<Plan | undefined> {
  if (!UUID.test(id)) return undefined;
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

export interface PlanVersion {
  version: number;
  periodFrom: string;
  periodTo: string;
  content: PlanContent;
  submittedAt: Date;
  submittedBy: string;
  decision: 'approved' | 'returned' | null;
  comments: ReviewComment[];
  decidedAt: Date | null;
  decidedBy: string | null;
}

/** A reviewer's remark on a section (or one item of it). */
export interface ReviewComment {
  section: 'period' | 'threat' | 'goal' | 'actions' | 'partners' | 'communication' | 'general';
  item: number | null;
  text: string;
}

export async function insertVersion(trx: Trx, planId: string, version: Omit<PlanVersion, 'decision' | 'comments' | 'decidedAt' | 'decidedBy' | 'submittedAt'>): Promise<void> {
  await trx
    .insertInto('plan_versions')
    .values({
      plan_id: planId,
      version: version.version,
      period_from: version.periodFrom,
      period_to: version.periodTo,
      content: JSON.stringify(version.content),
      submitted_by: version.submittedBy,
    })
    .execute();
}

export async function decideVersion(trx: Trx, planId: string, version: number, decision: 'approved' | 'returned', comments: ReviewComment[], by: string): Promise<void> {
  await trx
    .updateTable('plan_versions')
    .set({ decision, comments: JSON.stringify(comments), decided_at: new Date(), decided_by: by })
    .where('plan_id', '=', planId)
    .where('version', '=', version)
    .execute();
}

export async function listVersions(db: Queryable, planId: string): Promise<PlanVersion[]> {
  const rows = await db.selectFrom('plan_versions').selectAll().where('plan_id', '=', planId).orderBy('version', 'desc').execute();
  return rows.map((row) => ({
    version: row.version,
    periodFrom: row.period_from,
    periodTo: row.period_to,
    content: row.content as PlanContent,
    submittedAt: row.submitted_at,
    submittedBy: row.submitted_by,
    decision: row.decision as PlanVersion['decision'],
    comments: row.comments as ReviewComment[],
    decidedAt: row.decided_at,
    decidedBy: row.decided_by,
  }));
}

export async function insertEvent(
  trx: Trx,
  event: { planId: string; actor: string; transition: string; from: PlanStatus | null; to: PlanStatus; version: number; note?: string | null },
): Promise<void> {
  await trx
    .insertInto('plan_events')
    .values({
      plan_id: event.planId,
      actor_label: event.actor,
      transition: event.transition,
      from_status: event.from,
      to_status: event.to,
      version: event.version,
      note: event.note ?? null,
    })
    .execute();
}

export async function listEvents(db: Queryable, planId: string) {
  return db.selectFrom('plan_events').selectAll().where('plan_id', '=', planId).orderBy('at').orderBy('id').execute();
}

export async function rememberPartners(trx: Trx, unitId: string, partners: { name: string; tasks: string }[]): Promise<void> {
  for (const partner of partners) {
    const name = partner.name.trim();
    if (!name || name.length > 300) continue;
    await sql`insert into plan_partners (unit_id, name, last_tasks, used_at) values (${unitId}, ${name}, ${partner.tasks}, now())
      on conflict (unit_id, name) do update set last_tasks = excluded.last_tasks, used_at = now()`.execute(trx);
  }
}

export async function unitPartners(db: Queryable, unitId: string): Promise<{ name: string; tasks: string }[]> {
  const rows = await db
    .selectFrom('plan_partners')
    .select(['name', 'last_tasks'])
    .where('unit_id', 'in', sql<string>`(with recursive up(id, parent_id) as (select id, parent_id from units where id = ${unitId} union all select u.id, u.parent_id from units u join up on u.id = up.parent_id) select id from up)`)
    .orderBy('used_at', 'desc')
    .limit(200)
    .execute();
  return rows.map((row) => ({ name: row.name, tasks: row.last_tasks }));
}

export interface PlanListFilter {
  /** Only plans whose published version residents can see. */
  publishedOnly?: boolean;
  subtreeOf?: string;
  districtId?: string;
  statuses?: PlanStatus[];
  category?: string;
  year?: number;
  /** A tsquery over the plans' stems (see search/stems.ts). */
  query?: string | null;
  page: number;
  pageSize: number;
  /** Count matches up to this many (default 200); beyond it the total is "more than". */
  countLimit?: number;
}

/** Up to this many matches of a search are read through the word index and sorted in memory. */
const searchCandidates = 5000;

/**
 * One page of plans, newest period first, and how many there are. Filters and words are read from
 * the narrow plan_search table; only the page's plans are read in full. A broad search over a
 * national library matches tens of thousands of plans: counting or ranking them all costs seconds,
 * so the count stops (at `countLimit`, or at 5,000 for a search; then `exact` is false: "more
 * than N") and the order is the period's.
 */
export async function listPlans(
  db: Queryable,
  filter: PlanListFilter,
): Promise<{ plans: Plan[]; total: number; exact: boolean; hasNextPage: boolean }> {
  // Built on the executor that runs it: inside the search's transaction, queries must use it.
  const filtered = (executor: Queryable) => {
    let query = executor.selectFrom('plan_search');
    if (filter.publishedOnly) query = query.where('published', '=', true);
    if (filter.subtreeOf) query = query.where('unit_id', 'in', subtreeOf(filter.subtreeOf));
    if (filter.districtId) query = query.where('district_id', '=', filter.districtId);
    if (filter.statuses?.length) query = query.where('status', 'in', filter.statuses);
    if (filter.category) query = query.where('threat_category', '=', filter.category);
    if (filter.year) query = query.where('period_from', '<=', `${filter.year}-12-31`).where('period_to', '>=', `${filter.year}-01-01`);
    if (filter.query) query = query.where(sql<boolean>`search_vector @@ to_tsquery('simple', ${filter.query})`);
    return query;
  };
  const offset = (filter.page - 1) * filter.pageSize;
  const countLimit = Math.max(filter.countLimit ?? 200, (filter.page + 1) * filter.pageSize);
  const plansIn = async (executor: Queryable, ids: string[]) => {
    const rows = ids.length ? await executor.selectFrom('plans').select(planColumns).where('id', 'in', ids).execute() : [];
    const byId = new Map(rows.map((row) => [row.id, toPlan(row)]));
    return ids.map((id) => byId.get(id)).filter((plan): plan is Plan => plan !== undefined);
  };
  /** The page in period order; `moreThan`: the count is already known to exceed it. */
  const pageOf = async (executor: Queryable, moreThan?: number) => {
    const q = filtered(executor);
    const [rows, count] = await Promise.all([
      q.select('plan_id').orderBy('period_from', 'desc').orderBy('plan_id').limit(filter.pageSize + 1).offset(offset).execute(),
      moreThan === undefined
        ? executor.selectFrom(q.select(sql<number>`1`.as('one')).limit(countLimit + 1).as('matches')).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
        : { n: moreThan + 1 },
    ]);
    const limit = moreThan ?? countLimit;
    const total = Number(count.n);
    const plans = await plansIn(executor, rows.slice(0, filter.pageSize).map((r) => r.plan_id));
    return { plans, total: Math.min(total, limit), exact: total <= limit, hasNextPage: rows.length > filter.pageSize };
  };
  if (!filter.query) return pageOf(db);

  // A search: which way is fast depends on how many plans match, which the planner cannot guess
  // for prefix queries. Read up to `searchCandidates` matches through the word index first (its
  // cost grows with the matches, not the library); if that is all of them, sort them here;
  // otherwise the word is common and walking the newest-first index finds a page at once.
  const run = <T>(work: (trx: Queryable) => Promise<T>) => (db.isTransaction ? work(db) : (db as Db).transaction().execute(work));
  return run(async (trx) => {
    await sql`set local enable_seqscan = off`.execute(trx);
    await sql`set local enable_indexscan = off`.execute(trx);
    const candidates = await filtered(trx).select(['plan_id', 'period_from']).limit(searchCandidates + 1).execute();
    if (candidates.length <= searchCandidates) {
      candidates.sort((a, b) => (a.period_from < b.period_from ? 1 : a.period_from > b.period_from ? -1 : a.plan_id < b.plan_id ? -1 : 1));
      const plans = await plansIn(trx, candidates.slice(offset, offset + filter.pageSize).map((c) => c.plan_id));
      return { plans, total: candidates.length, exact: true, hasNextPage: offset + filter.pageSize < candidates.length };
    }
    await sql`set local enable_indexscan = on`.execute(trx);
    await sql`set local enable_bitmapscan = off`.execute(trx);
    return pageOf(trx, searchCandidates);
  });
}

/**
 * Published plans most like this one: among the newest 200 of the same threat category (or, with
 * no category, of those sharing any of its words), those sharing the most words, best first.
 * Ranking a bounded set keeps the plan page fast however large the library grows.
 */
export async function similarPlans(db: Queryable, plan: Pick<Plan, 'id' | 'content'>, similar: string, limit = 5): Promise<Plan[]> {
  const category = plan.content.threat.category;
  const { rows } = await sql<{ id: string }>`
    select plan_id as id from (
      select plan_id, search_vector from plan_search
      where published and plan_id <> ${plan.id}
        and ${category ? sql`threat_category = ${category}` : sql`search_vector @@ to_tsquery('simple', ${similar})`}
      order by period_from desc
      limit 200
    ) candidates
    where search_vector @@ to_tsquery('simple', ${similar})
    order by ts_rank(search_vector, to_tsquery('simple', ${similar})) desc, plan_id
    limit ${limit}`.execute(db);
  if (rows.length === 0) return [];
  const plans = await db.selectFrom('plans').select(planColumns).where('id', 'in', rows.map((r) => r.id)).execute();
  const byId = new Map(plans.map((row) => [row.id, toPlan(row)]));
  return rows.map((r) => byId.get(r.id)!).filter(Boolean);
}
