import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.js';
import type { Trx } from '../../platform/audit/actor.js';
import { subtreeOf } from '../access/index.js';
import type { Plan, PlanStatus } from './model.js';
import { planColumns, toPlan } from './plan-row.js';

// Lists and searches of plans: the staff's and residents' lists, the library's full-text search, similar plans.
type Queryable = Db | Trx;

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
  return plansInOrder(
    db,
    rows.map((r) => r.id),
  );
}

/** The plans with these ids, in the order given (a ranking's), leaving out any gone meanwhile. */
export async function plansInOrder(db: Queryable, ids: string[]): Promise<Plan[]> {
  if (ids.length === 0) return [];
  const plans = await db.selectFrom('plans').select(planColumns).where('id', 'in', ids).execute();
  const byId = new Map(plans.map((row) => [row.id, toPlan(row)]));
  return ids.map((id) => byId.get(id)!).filter(Boolean);
}
