import { sql, type Selectable } from 'kysely';
import type { Db } from '../../platform/db/database.js';
import type { PlansTable } from '../../platform/db/schema.js';
import type { Trx } from '../../platform/audit/actor.js';
import { subtreeOf } from '../access/index.js';
import type { Evaluation, Plan, PlanContent, PlanStatus } from './model.js';

type Queryable = Db | Trx;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

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
  /** The display names of those people (their logins when no account has them any more). */
  submittedByName: string;
  decidedByName: string | null;
}

/** A reviewer's remark on a section (or one item of it). */
export interface ReviewComment {
  section: 'period' | 'threat' | 'goal' | 'actions' | 'partners' | 'communication' | 'general';
  item: number | null;
  text: string;
}

export async function insertVersion(
  trx: Trx,
  planId: string,
  version: Pick<PlanVersion, 'version' | 'periodFrom' | 'periodTo' | 'content' | 'submittedBy'>,
): Promise<void> {
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

export async function decideVersion(
  trx: Trx,
  planId: string,
  version: number,
  decision: 'approved' | 'returned',
  comments: ReviewComment[],
  by: string,
): Promise<void> {
  await trx
    .updateTable('plan_versions')
    .set({ decision, comments: JSON.stringify(comments), decided_at: new Date(), decided_by: by })
    .where('plan_id', '=', planId)
    .where('version', '=', version)
    .execute();
}

/** Who submitted a version, with the e-mail address to tell them of the decision (null when they have none). */
export async function submitterOf(
  db: Queryable,
  planId: string,
  version: number,
): Promise<{ login: string; email: string | null } | undefined> {
  return db
    .selectFrom('plan_versions')
    .leftJoin('accounts', 'accounts.login', 'plan_versions.submitted_by')
    .select(['plan_versions.submitted_by as login', 'accounts.email'])
    .where('plan_versions.plan_id', '=', planId)
    .where('plan_versions.version', '=', version)
    .executeTakeFirst();
}

export async function listVersions(db: Queryable, planId: string): Promise<PlanVersion[]> {
  const rows = await db
    .selectFrom('plan_versions')
    .leftJoin('accounts as submitter', 'submitter.login', 'plan_versions.submitted_by')
    .leftJoin('accounts as decider', 'decider.login', 'plan_versions.decided_by')
    .selectAll('plan_versions')
    .select(['submitter.display_name as submitted_by_name', 'decider.display_name as decided_by_name'])
    .where('plan_id', '=', planId)
    .orderBy('version', 'desc')
    .execute();
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
    submittedByName: row.submitted_by_name ?? row.submitted_by,
    decidedByName: row.decided_by === null ? null : (row.decided_by_name ?? row.decided_by),
  }));
}

export async function insertEvent(
  trx: Trx,
  event: {
    planId: string;
    actor: string;
    transition: string;
    from: PlanStatus | null;
    to: PlanStatus;
    version: number;
    note?: string | null;
  },
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

/** The plan's history; `actor_name` is the person's display name (null for the system: demo data, imports from the command line). */
export async function listEvents(db: Queryable, planId: string) {
  return db
    .selectFrom('plan_events')
    .leftJoin('accounts', 'accounts.login', 'plan_events.actor_label')
    .selectAll('plan_events')
    .select('accounts.display_name as actor_name')
    .where('plan_id', '=', planId)
    .orderBy('plan_events.at')
    .orderBy('plan_events.id')
    .execute();
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
    .where(
      'unit_id',
      'in',
      sql<string>`(with recursive up(id, parent_id) as (select id, parent_id from units where id = ${unitId} union all select u.id, u.parent_id from units u join up on u.id = up.parent_id) select id from up)`,
    )
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

/**
 * A search whose words are in at most this many published plans reads all its matches through the
 * word index and sorts them (cost grows with the matches); a more common one walks the newest plans,
 * testing each one's words, until it has enough (cost grows with the rows it needs over the share of
 * plans that match). A judgement, not a measured crossover: on 100,000 plans, reading 2,000 matches
 * costs a few milliseconds, and the walk for a word this rare tests about 50 plans per match needed.
 */
const wordIndexUpTo = 2000;

/** A query as searchQuery makes it: words, each whole or as a prefix ("abc:*"), all required. */
const simpleQuery = /^[a-z0-9]+(:\*)?( & [a-z0-9]+(:\*)?)*$/;

/**
 * Bounds on how many published plans match a query, from the plan_words counts (migration 0007),
 * in one lookup: at most the fewest plans any of its words is in; at least, for one word, the
 * plans of its most common form (every one of them matches), and for several, the plans that
 * cannot all miss (the sum over words less the published plans for each extra word).
 * Undefined for a query of another shape.
 */
async function matchBounds(db: Queryable, query: string): Promise<{ atMost: number; atLeast: number } | undefined> {
  if (!simpleQuery.test(query)) return undefined;
  const terms = query.split(' & ').map((term) => ({ word: term.replace(':*', ''), prefix: term.endsWith(':*') }));
  // A prefix is a range in byte order (the column is COLLATE "C"), U+10FFFF sorts after anything.
  const { rows } = await sql<{ all_plans: number; at_most: number; at_least: number }>`
    select (select plans from plan_words where word = '') as all_plans,
      coalesce(sum(w.plans), 0)::int as at_most, coalesce(max(w.plans), 0)::int as at_least
    from unnest(${terms.map((t) => t.word)}::text[], ${terms.map((t) => t.prefix)}::boolean[]) with ordinality as t(word, prefix, i)
    left join plan_words w on w.word collate "C" >= t.word and w.word collate "C" < (case when t.prefix then t.word || chr(1114111) else t.word || chr(1) end)
    group by t.i`.execute(db);
  const all = Number(rows[0]?.all_plans ?? 0);
  return {
    atMost: Math.min(...rows.map((r) => Number(r.at_most))),
    atLeast: Math.max(0, rows.reduce((sum, r) => sum + Number(r.at_least), 0) - (rows.length - 1) * all),
  };
}

/**
 * One page of plans, newest period first, and how many there are. Filters and words are read from
 * the narrow plan_search table (a search over the whole library walks plan_library, and first asks
 * plan_words how common its words are); only the page's plans are read in full. A broad search
 * over a national library matches tens of thousands of plans: counting or ranking them all costs
 * tens of milliseconds or more, so the count stops at `countLimit` (or the end of the next page;
 * then `exact` is false: "more than N"), with or without words, and the order is the period's.
 */
export async function listPlans(
  db: Queryable,
  filter: PlanListFilter,
  /** Tests move the threshold to reach every way on a small library. */
  tuning: { wordIndexUpTo: number } = { wordIndexUpTo },
): Promise<{ plans: Plan[]; total: number; exact: boolean; hasNextPage: boolean }> {
  const offset = (filter.page - 1) * filter.pageSize;
  const pageEnd = offset + filter.pageSize;
  const countLimit = Math.max(filter.countLimit ?? 200, pageEnd + filter.pageSize);
  let base = db.selectFrom('plan_search');
  if (filter.publishedOnly) base = base.where('published', '=', true);
  if (filter.subtreeOf) {
    // The units named, not a subquery: the planner then knows how many plans they have, and walks
    // the newest-first index only for a large part of the country (it guessed half the plans for
    // any subtree and walked tens of thousands of rows to fill a county's page).
    const units = await sql<{ id: string }>`select id from ${subtreeOf(filter.subtreeOf)} as subtree(id)`.execute(db);
    base = base.where(
      'unit_id',
      'in',
      units.rows.map((unit) => unit.id),
    );
  }
  if (filter.districtId) base = base.where('district_id', '=', filter.districtId);
  if (filter.statuses?.length) base = base.where('status', 'in', filter.statuses);
  if (filter.category) base = base.where('threat_category', '=', filter.category);
  if (filter.year) base = base.where('period_from', '<=', `${filter.year}-12-31`).where('period_to', '>=', `${filter.year}-01-01`);
  const words = sql<boolean>`search_vector @@ to_tsquery('simple', ${filter.query ?? ''})`;

  // The counts of plan_words are of published plans: with other plans they bound nothing; with a
  // narrower filter they still bound the matches from above, not from below.
  const bounds = filter.query && filter.publishedOnly ? await matchBounds(db, filter.query) : undefined;
  if (bounds?.atMost === 0) return { plans: [], total: 0, exact: true, hasNextPage: false };
  const onlyWords = !filter.subtreeOf && !filter.districtId && !filter.statuses?.length && !filter.category && !filter.year;
  // Enough plans are known to match to say "more than countLimit": reading the page is enough.
  const moreThanCount = onlyWords && bounds !== undefined && bounds.atLeast > countLimit;
  const limit = moreThanCount ? pageEnd + 1 : countLimit + 1;

  // The matches in order, up to `limit`, in one statement whose shape fixes the plan.
  let ids: { plan_id: string }[];
  if (!filter.query) {
    ids = await base.select('plan_id').orderBy('period_from', 'desc').orderBy('plan_id').limit(limit).execute();
  } else if (bounds !== undefined && bounds.atMost <= tuning.wordIndexUpTo) {
    // Rare: collected through the word index (a materialized CTE has no order to keep), then sorted.
    ids = await db
      .with(
        (cte) => cte('matches').materialized(),
        () => base.where(words).select(['plan_id', 'period_from']),
      )
      .selectFrom('matches')
      .select('plan_id')
      .orderBy('period_from', 'desc')
      .orderBy('plan_id')
      .limit(limit)
      .execute();
  } else if (onlyWords && filter.publishedOnly) {
    // Common, over the whole library: plan_library has the published plans' words in the row, so
    // testing a plan on the walk costs no TOAST lookups. The walk is the only way the planner has
    // (no word index there), and the limit stops it.
    ({ rows: ids } = await sql<{ plan_id: string }>`
      select plan_id from plan_library where search_vector @@ to_tsquery('simple', ${filter.query})
      order by period_from desc, plan_id limit ${limit}`.execute(db));
  } else {
    // Common, with filters: the filtered plans come newest first, by the index the filters choose,
    // and the words are tested above the fence of `offset 0`, where the word index cannot serve
    // them (the planner guesses how many plans several words share as if they were unrelated,
    // far too few, and would read every match through it). The outer order is the subquery's.
    const newest = base
      .select(['plan_id', 'period_from', 'search_vector'])
      .orderBy('period_from', 'desc')
      .orderBy('plan_id')
      .offset(0)
      .as('newest');
    ids = await db
      .selectFrom(newest)
      .select('plan_id')
      .where(words)
      .orderBy('period_from', 'desc')
      .orderBy('plan_id')
      .limit(limit)
      .execute();
  }

  const pageIds = ids.slice(offset, pageEnd).map((row) => row.plan_id);
  const rows = pageIds.length ? await db.selectFrom('plans').select(planColumns).where('id', 'in', pageIds).execute() : [];
  const byId = new Map(rows.map((row) => [row.id, toPlan(row)]));
  const known = moreThanCount ? countLimit + 1 : ids.length;
  return {
    plans: pageIds.map((id) => byId.get(id)).filter((plan): plan is Plan => plan !== undefined),
    total: Math.min(known, countLimit),
    exact: known <= countLimit,
    hasNextPage: ids.length > pageEnd,
  };
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
  const plans = await db
    .selectFrom('plans')
    .select(planColumns)
    .where(
      'id',
      'in',
      rows.map((r) => r.id),
    )
    .execute();
  const byId = new Map(plans.map((row) => [row.id, toPlan(row)]));
  return rows.map((r) => byId.get(r.id)!).filter(Boolean);
}
