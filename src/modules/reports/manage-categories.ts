import type { Db } from '../../platform/db/database.js';
import { inTransaction, systemActor, type Actor } from '../../platform/audit/actor.js';
import type { Principal } from '../../platform/auth/principal.js';
import { roleMay } from '../../platform/auth/policy.js';
import { AppError, httpErrors } from '../../platform/http/errors.js';
import type { Localized } from '../../platform/i18n/i18n.js';
import type { StoredCategory } from './model.js';
import { forgetCategories, listCategories } from './repository.js';
import { insertCategory, insertMissingCategories, updateCategoryRow } from './category-repository.js';
import { categoryProblem, kmzbCategories, type Season } from './rules/index.js';

/**
 * The official KMZB catalogue goes into the database on every start; categories already there
 * (perhaps renamed or retired by an admin) are left as they are.
 */
export async function ensureCategories(db: Db): Promise<void> {
  const existing = new Set((await listCategories(db)).map((c) => c.code));
  const missing = kmzbCategories.map((c, position) => ({ c, position })).filter(({ c }) => !existing.has(c.code));
  if (missing.length === 0) return;
  await inTransaction(db, systemActor('katalog KMZB'), async (trx) => {
    await insertMissingCategories(
      trx,
      missing.map(({ c, position }) => ({
        id: c.code,
        name_pl: c.name.pl,
        name_en: c.name.en,
        active: c.active,
        description_required: c.descriptionRequired,
        road: c.roadCategory,
        season_from: c.season?.fromMonth ?? null,
        season_to: c.season?.toMonth ?? null,
        position: (position + 1) * 10,
      })),
    );
  });
  forgetCategories(db);
}

export interface CategoryInput {
  code: string;
  name: Localized;
  descriptionRequired: boolean;
  road: boolean;
  season: Season | null;
}

function columnsOf(input: Omit<CategoryInput, 'code'>) {
  return {
    name_pl: input.name.pl,
    name_en: input.name.en,
    description_required: input.descriptionRequired,
    road: input.road,
    season_from: input.season?.fromMonth ?? null,
    season_to: input.season?.toMonth ?? null,
  };
}

function assertAdmin(principal: Principal): void {
  // The catalogue is national: one list for every unit, kept by administrators.
  if (!roleMay(principal.role, 'report.categories')) throw httpErrors.forbidden();
}

function problemError(problem: Localized, field: string): AppError {
  return new AppError(400, 'invalid_category', problem, { field });
}

export async function addCategory(db: Db, principal: Principal, actor: Actor, input: CategoryInput): Promise<StoredCategory> {
  assertAdmin(principal);
  const all = await listCategories(db);
  const code = input.code.trim();
  const name = { pl: input.name.pl.trim(), en: input.name.en.trim() };
  const problem = categoryProblem({ code, name }, all);
  if (problem) throw problemError(problem, 'code');
  await inTransaction(db, actor, (trx) =>
    insertCategory(trx, { id: code, ...columnsOf({ ...input, name }), position: Math.max(0, ...all.map((c) => c.position)) + 10 }),
  );
  forgetCategories(db);
  return (await listCategories(db)).find((c) => c.code === code)!;
}

/** Renames a category or changes its settings; the code stays, so old reports keep it. */
export async function updateCategory(
  db: Db,
  principal: Principal,
  actor: Actor,
  code: string,
  input: Omit<CategoryInput, 'code'> & { active: boolean },
): Promise<StoredCategory> {
  assertAdmin(principal);
  const all = await listCategories(db);
  const current = all.find((c) => c.code === code);
  if (!current) throw new AppError(404, 'category_not_found', { pl: 'Nie ma takiej kategorii.', en: 'No such category.' });
  const name = { pl: input.name.pl.trim(), en: input.name.en.trim() };
  const problem = categoryProblem(
    { code, name },
    all.filter((c) => c.code !== code),
  );
  if (problem) throw problemError(problem, 'name');
  await inTransaction(db, actor, (trx) => updateCategoryRow(trx, code, { ...columnsOf({ ...input, name }), active: input.active }));
  forgetCategories(db);
  return (await listCategories(db)).find((c) => c.code === code)!;
}
