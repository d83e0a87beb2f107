import { sql } from 'kysely';
import type { Db } from '../../../platform/db/database.js';

/** How many of the newest published plans each way of being similar looks at: bounded, however large the library grows. */
const candidatesEach = 200;

/**
 * Published plans like a plan being drafted, best first: scored by sharing a threat category the
 * evidence speaks of (2), its unit (1) and the words of its text (ts_rank, below 1), among the
 * newest plans of those categories, of that unit and sharing its words.
 */
export async function draftingSimilarPlanIds(
  db: Db,
  input: { planId: string; unitId: string; categories: string[]; words: string | null },
  limit = 5,
): Promise<string[]> {
  const categories = input.categories.length ? input.categories : [''];
  const words = input.words ?? '';
  const { rows } = await sql<{ plan_id: string }>`
    with candidates as (
      (select plan_id from plan_search where published and threat_category in (${sql.join(categories)})
        order by period_from desc limit ${candidatesEach})
      union
      (select plan_id from plan_search where published and unit_id = ${input.unitId} order by period_from desc limit ${candidatesEach})
      union
      (select plan_id from plan_search where published and ${words} <> '' and search_vector @@ to_tsquery('simple', ${words})
        order by period_from desc limit ${candidatesEach})
    )
    select p.plan_id from plan_search p join candidates c using (plan_id)
    where p.plan_id <> ${input.planId}
    order by (case when p.threat_category in (${sql.join(categories)}) then 2 else 0 end)
      + (case when p.unit_id = ${input.unitId} then 1 else 0 end)
      + (case when ${words} <> '' then least(ts_rank(p.search_vector, to_tsquery('simple', ${words})), 0.99) else 0 end) desc,
      p.period_from desc, p.plan_id
    limit ${limit}`.execute(db);
  return rows.map((r) => r.plan_id);
}
