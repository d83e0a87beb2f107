import { readFrozenMeasure } from './measure/read-measure.js';
import type { Db } from '../../platform/db/database.js';
import type { Lang } from '../../platform/i18n/i18n.js';
import { AppError } from '../../platform/http/errors.js';
import { warsawToday } from '../../platform/i18n/calendar.js';
import { districtNames } from '../districts/index.js';
import { listUnits, unitNames, asTree } from '../units/index.js';
import type { Option } from '../../platform/render/components.js';
import { planSourceInfo } from './import/source-repository.js';
import { latestPublishedPlans } from './list-repository.js';
import { planErrors } from './messages.js';
import type { Plan } from './model.js';
import type { PlanSummary } from './public/pages.js';
import { planUrl, publishedDocument, publishedView } from './read-plans.js';
import { findPlan, listPlans, similarPlans } from './repository.js';
import { planTiming } from './rules.js';
import { planSearchText, searchQuery, similarityQuery } from './search/stems.js';

/** Summaries of published plans with their district and unit names, for lists. */
export async function planSummaries(db: Db, plans: Plan[]): Promise<PlanSummary[]> {
  if (plans.length === 0) return [];
  const [districts, units] = await Promise.all([
    districtNames(
      db,
      plans.map((p) => p.districtId),
    ),
    unitNames(
      db,
      plans.map((p) => p.unitId),
    ),
  ]);
  const today = warsawToday();
  return Promise.all(
    plans.map(async (plan) => {
      const view = (await publishedView(db, plan)) ?? { periodFrom: plan.periodFrom, periodTo: plan.periodTo, content: plan.content };
      return {
        id: plan.id,
        url: planUrl(plan.id),
        districtName: districts.get(plan.districtId) ?? plan.districtId,
        unitName: units.get(plan.unitId) ?? plan.unitId,
        periodFrom: view.periodFrom,
        periodTo: view.periodTo,
        category: view.content.threat.category,
        goal: view.content.goal.description,
        status: plan.status,
        timing: planTiming(view, today),
      };
    }),
  );
}

/** A published plan and its document; 404 when there is none (or it was never published). */
export async function publishedPlan(db: Db, id: string, lang: Lang) {
  const plan = await findPlan(db, id);
  const published = plan && (await publishedDocument(db, plan, lang));
  if (!plan || !published) throw new AppError(404, 'plan_not_found', planErrors.notFound());
  return { plan, published };
}

/** What the public page of a plan shows besides the staff link: the document, similar plans, whether it was imported. */
export async function publicPlanPage(db: Db, id: string, lang: Lang) {
  const { plan, published } = await publishedPlan(db, id, lang);
  const query = similarityQuery(planSearchText(published.content));
  return {
    plan,
    published,
    similar: query ? await planSummaries(db, await similarPlans(db, plan, query)) : [],
    imported: (await planSourceInfo(db, plan.id)) !== undefined,
    // The measure of the version residents read, not of one approved and not yet published.
    measure: await readFrozenMeasure(db, plan.id, published.version),
  };
}

/** The newest publications, for the Atom feed: each plan's summary and when it was published. */
export async function latestPublications(db: Db, limit = 50): Promise<{ id: string; publishedAt: Date; summary: PlanSummary }[]> {
  const plans = await latestPublishedPlans(db, limit);
  const summaries = await planSummaries(db, plans);
  return plans.map((plan, i) => ({ id: plan.id, publishedAt: plan.publishedAt!, summary: summaries[i]! }));
}

export interface LibraryFilter {
  q?: string | undefined;
  category?: string | undefined;
  /** A unit not in the register is no filter at all. */
  unitId?: string | undefined;
  year?: number | undefined;
  page: number;
  pageSize: number;
}

/** The public library (/plany): a page of published plans, and the units to filter by as a tree. */
export async function libraryListing(db: Db, filter: LibraryFilter) {
  const units = await listUnits(db);
  const unitId = units.some((u) => u.id === filter.unitId) ? filter.unitId : undefined;
  const result = await listPlans(db, {
    publishedOnly: true,
    subtreeOf: unitId,
    category: filter.category,
    year: filter.year,
    query: filter.q ? searchQuery(filter.q) : null,
    page: filter.page,
    pageSize: filter.pageSize,
  });
  const unitOptions: Option[] = asTree(units).map(({ unit, depth }) => ({
    value: unit.id,
    label: `${'\u2003'.repeat(depth)}${unit.name}`,
  }));
  return { units: unitOptions, unitId, result, plans: await planSummaries(db, result.plans) };
}
