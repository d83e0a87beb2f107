import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { backends, createTestDatabase, type TestDatabase } from '../../../../test/support/databases.js';
import { inTransaction, systemActor } from '../../../platform/audit/actor.js';
import type { Db } from '../../../platform/db/database.js';
import { deletePlanRow, listPlans, updatePlanRow, type PlanListFilter } from '../repository.js';
import { threatCategories, type PlanContent } from '../model.js';

/**
 * listPlans with words against a plain reference query (every match, sorted, uncounted), on a
 * library whose words are chosen to trap each shortcut: a prefix whose forms share plans, two
 * common words no plan has together, unpublished plans that have the words, periods shared by
 * several plans. Every way (the word index, the newest-first walk, "more than" from the word
 * counts) is reached by moving its threshold.
 */
const units = [
  { id: 'kgp', parent_id: null, kind: 'KGP', name: 'Komenda Główna' },
  { id: 'kwp-a', parent_id: 'kgp', kind: 'KWP', name: 'Komenda Wojewódzka A' },
  { id: 'kpp-a', parent_id: 'kwp-a', kind: 'KPP', name: 'Komenda Powiatowa A' },
  { id: 'kpp-b', parent_id: 'kgp', kind: 'KPP', name: 'Komenda Powiatowa B' },
];
const districts = ['kpp-a/1', 'kpp-a/2', 'kpp-b/1'];

/** The stems of plan i: each word on its own rule, so plans share some words and not others. */
function wordsOf(i: number): string[] {
  const words = ['patrol'];
  if (i % 3 === 0) words.push('rower');
  if (i % 5 === 0) words.push('rowerzyst');
  if (i % 2 === 0) words.push('senior');
  else words.push('kamer');
  if (i % 7 === 0) words.push('oszustw');
  if (i === 17 || i === 42 || i === 43) words.push('graffit');
  return words;
}

const content = (category: string): PlanContent => ({
  threat: { category: category as PlanContent['threat']['category'], places: '', description: '', sources: [] },
  goal: { description: '', indicator: null, baseline: null, target: null },
  actions: [],
  partners: [],
  communication: [],
  signature: null,
});

const planCount = 240;

async function writeLibrary(db: Db): Promise<void> {
  await inTransaction(db, systemActor('test'), async (trx) => {
    await trx.insertInto('units').values(units).execute();
    await trx
      .insertInto('districts')
      .values(
        districts.map((id) => ({
          id,
          unit_id: id.slice(0, id.indexOf('/')),
          number: Number(id.slice(id.indexOf('/') + 1)),
          name: id,
          area_rules: '[]',
        })),
      )
      .execute();
    const rows = [];
    for (let i = 0; i < planCount; i++) {
      const district = districts[i % districts.length]!;
      // Quarters one after another per district: the three districts share every period.
      const quarter = Math.floor(i / districts.length);
      const year = 2000 + Math.floor(quarter / 4);
      const month = (quarter % 4) * 3 + 1;
      const published = i % 11 !== 0;
      const category = threatCategories[i % 4]!;
      rows.push({
        district_id: district,
        unit_id: district.slice(0, district.indexOf('/')),
        period_from: `${year}-${String(month).padStart(2, '0')}-01`,
        period_to: `${year}-${String(month + 2).padStart(2, '0')}-28`,
        status: published ? 'published' : 'draft',
        published_version: published ? 1 : null,
        content: JSON.stringify(content(category)),
        threat_category: category,
        search_stems: wordsOf(i).join(' '),
      });
    }
    // Two statements: the word counts are kept per statement, from many rows at once.
    await trx.insertInto('plans').values(rows.slice(0, 100)).execute();
    await trx.insertInto('plans').values(rows.slice(100)).execute();
  });
}

/** Every match, newest period first, then by id: what any page and count must agree with. */
async function reference(db: Db, filter: Omit<PlanListFilter, 'page' | 'pageSize'>): Promise<string[]> {
  let query = db.selectFrom('plan_search').select('plan_id');
  if (filter.publishedOnly) query = query.where('published', '=', true);
  if (filter.subtreeOf) query = query.where('unit_id', 'in', filter.subtreeOf === 'kwp-a' ? ['kwp-a', 'kpp-a'] : [filter.subtreeOf]);
  if (filter.districtId) query = query.where('district_id', '=', filter.districtId);
  if (filter.statuses?.length) query = query.where('status', 'in', filter.statuses);
  if (filter.category) query = query.where('threat_category', '=', filter.category);
  if (filter.year) query = query.where('period_from', '<=', `${filter.year}-12-31`).where('period_to', '>=', `${filter.year}-01-01`);
  if (filter.query) query = query.where(sql<boolean>`search_vector @@ to_tsquery('simple', ${filter.query})`);
  const rows = await query.orderBy('period_from', 'desc').orderBy('plan_id').execute();
  return rows.map((r) => r.plan_id);
}

/** plan_words rows that differ from a recount of the published plans' words (a zero is no row). */
async function wordCountDrift(db: Db) {
  const { rows } = await sql<{ word: string; kept: number; counted: number }>`
    select word, coalesce(w.plans, 0) as kept, coalesce(r.plans, 0) as counted
    from plan_words w
    full join (
      select word, count(*)::int as plans from plans, unnest(array_append(tsvector_to_array(search_vector), '')) as word
      where published_version is not null group by word
    ) r using (word)
    where coalesce(w.plans, 0) <> coalesce(r.plans, 0)`.execute(db);
  return rows;
}

/** plan_library rows that differ from the published rows of plan_search (missing, extra or stale words or period). */
async function libraryDrift(db: Db) {
  const { rows } = await sql<{ plan_id: string }>`
    select plan_id from plan_library l
    full join (select plan_id, period_from, strip(search_vector) as search_vector from plan_search where published) s using (plan_id)
    where l.period_from is distinct from s.period_from or l.search_vector is distinct from s.search_vector`.execute(db);
  return rows;
}

const queries = [
  'patrol:*',
  'patrol',
  'rower:*',
  'rower',
  'rowerzy:*',
  'senior:* & oszustw:*',
  'senior:* & kamer:*',
  'graffit:*',
  'patrol:* & graffit:*',
  'ulotk:*',
  'rowerzyst:* & rower',
];
const filters: Omit<PlanListFilter, 'page' | 'pageSize' | 'query'>[] = [
  { publishedOnly: true },
  { publishedOnly: true, countLimit: 10 },
  { publishedOnly: true, subtreeOf: 'kwp-a' },
  { publishedOnly: true, districtId: 'kpp-b/1' },
  { publishedOnly: true, category: threatCategories[1] },
  { publishedOnly: true, year: 2003 },
  { statuses: ['draft'] },
  {},
];
/** Thresholds of the word index: always, as released, never. */
const ways = [{ wordIndexUpTo: 1_000_000 }, { wordIndexUpTo: 2000 }, { wordIndexUpTo: 0 }];

describe.each(backends)('searching the plan library on %s', (backend) => {
  let t: TestDatabase;
  let db: Db;
  beforeAll(async () => {
    t = await createTestDatabase(backend);
    db = t.database.db;
    await writeLibrary(db);
  });
  afterAll(() => t.drop());

  /** Pages 1, 2, one in the middle and one past the end, each way, against the reference. */
  const expectSameAsReference = async (query: string | null) => {
    for (const base of filters) {
      const filter = { ...base, query };
      const all = await reference(db, filter);
      for (const pageSize of [7, 20]) {
        for (const page of [1, 2, Math.max(1, Math.ceil(all.length / pageSize / 2)), Math.ceil(all.length / pageSize) + 1]) {
          const offset = (page - 1) * pageSize;
          const countLimit = Math.max(filter.countLimit ?? 200, offset + 2 * pageSize);
          for (const way of ways) {
            const result = await listPlans(db, { ...filter, page, pageSize }, way);
            const where = `${JSON.stringify(filter)} page ${page}×${pageSize} ${JSON.stringify(way)}`;
            expect(
              result.plans.map((p) => p.id),
              where,
            ).toEqual(all.slice(offset, offset + pageSize));
            expect({ total: result.total, exact: result.exact, hasNextPage: result.hasNextPage }, where).toEqual({
              total: Math.min(all.length, countLimit),
              exact: all.length <= countLimit,
              hasNextPage: all.length > offset + pageSize,
            });
          }
        }
      }
    }
  };

  it('keeps the word counts and the library of the published plans', async () => {
    expect(await wordCountDrift(db)).toEqual([]);
    expect(await libraryDrift(db)).toEqual([]);
    const { rows } = await sql<{ plans: number }>`select plans from plan_words where word = ''`.execute(db);
    // Another test unpublishes, publishes and deletes plans: count the published ones as they are now.
    const published = await sql<{ n: number }>`select count(*)::int as n from plans where published_version is not null`.execute(db);
    expect(published.rows[0]!.n).toBeGreaterThan(planCount / 2);
    expect(rows[0]?.plans).toBe(published.rows[0]!.n);
  });

  it('finds what the reference query finds, in its order, with its count, every way, with every filter', async () => {
    for (const query of queries) await expectSameAsReference(query);
  });

  it('lists without words the same way', async () => {
    await expectSameAsReference(null);
  });

  it('keeps the word counts and the library right through edits, unpublishing, publishing and deleting, and searches by them', async () => {
    const id = (await reference(db, { publishedOnly: true, query: 'graffit' }))[0]!;
    const newest = (await reference(db, { publishedOnly: true, districtId: 'kpp-b/1', query: 'patrol' }))[0]!; // stays published
    await inTransaction(db, systemActor('test'), async (trx) => {
      // New words for one plan, an older period for the newest, another status for a few (no word
      // changes).
      await updatePlanRow(trx, id, { searchStems: 'patrol ulotk ulotk' });
      await updatePlanRow(trx, newest, { periodFrom: '1999-01-01', periodTo: '1999-03-28' });
      await trx.updateTable('plans').set({ status: 'in_progress' }).where('period_from', '<', '2001-01-01').execute();
      // Many rows in one statement, unpublished and published again.
      await trx.updateTable('plans').set({ published_version: null }).where('district_id', '=', 'kpp-a/2').execute();
    });
    expect(await wordCountDrift(db)).toEqual([]);
    expect(await libraryDrift(db)).toEqual([]);
    for (const query of ['ulotk:*', 'graffit:*', 'patrol:*', 'patrol']) await expectSameAsReference(query);

    await inTransaction(db, systemActor('test'), async (trx) => {
      await trx
        .updateTable('plans')
        .set({ published_version: 1 })
        .where('district_id', '=', 'kpp-a/2')
        .where('status', '<>', 'draft')
        .execute();
      await deletePlanRow(trx, id);
    });
    expect(await wordCountDrift(db)).toEqual([]);
    expect(await libraryDrift(db)).toEqual([]);
    for (const query of ['ulotk:*', 'graffit:*', 'rower:*', 'senior:* & kamer:*']) await expectSameAsReference(query);
  });

  it('undoes the counts of a transaction that is rolled back', async () => {
    const before = await sql`select word, plans from plan_words order by word`.execute(db);
    await expect(
      inTransaction(db, systemActor('test'), async (trx) => {
        await trx.updateTable('plans').set({ published_version: null }).execute();
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect((await sql`select word, plans from plan_words order by word`.execute(db)).rows).toEqual(before.rows);
  });
});
