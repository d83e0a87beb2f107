import { readFrozenMeasure } from './measure/read-measure.js';
import type { Db } from '../../platform/db/database.js';
import type { Principal } from '../../platform/auth/principal.js';
import { AppError } from '../../platform/http/errors.js';
import { planErrors } from './messages.js';
import type { Plan } from './model.js';
import { findPlan, listEvents, listPlans, listVersions, type PlanListFilter } from './repository.js';
import { planSourceInfo } from './import/source-repository.js';
import { partnerChoices } from '../partners/index.js';
import { planContext, publishedView, workingView } from './read-plans.js';

/** What the plan pages and API read of one plan beyond its text (who may read it: workingView and the routes). */

/** A plan, or 404 (the same answer for a plan that does not exist and one never shown to this person). */
export async function planOr404(db: Db, id: string): Promise<Plan> {
  const plan = await findPlan(db, id);
  if (!plan) throw new AppError(404, 'plan_not_found', planErrors.notFound());
  return plan;
}

/** A plan with its working view for staff who may read it; 404 for everyone else. */
export async function workingPlanOr404(db: Db, principal: Principal | null, id: string) {
  const plan = await findPlan(db, id);
  const working = plan && (await workingView(db, principal, plan));
  if (!plan || !working) throw new AppError(404, 'plan_not_found', planErrors.notFound());
  return { plan, working };
}

/** One plan as the API shows it: the published version for everyone, the working view for its staff; 404 when neither. */
export async function planDetail(db: Db, principal: Principal | null, id: string) {
  const plan = await planOr404(db, id);
  const [working, published] = await Promise.all([workingView(db, principal, plan), publishedView(db, plan)]);
  if (!working && !published) throw new AppError(404, 'plan_not_found', planErrors.notFound());
  return { plan, working, published, source: (await planSourceInfo(db, plan.id)) ?? null };
}

/** Every submitted version with its review, and the plan's history (staff: check workingView first). */
export async function planHistory(db: Db, planId: string) {
  const [versions, events] = await Promise.all([listVersions(db, planId), listEvents(db, planId)]);
  return { versions, events };
}

/** What the staff page of a plan shows beside the text: its place, history, the registry's partners to choose from and its source file. */
export async function workPageFacts(db: Db, plan: Plan) {
  const [context, history, partners, source, measure] = await Promise.all([
    planContext(db, plan),
    planHistory(db, plan.id),
    partnerChoices(db, plan.unitId),
    planSourceInfo(db, plan.id),
    readFrozenMeasure(db, plan.id),
  ]);
  return { context, ...history, partners, source: source ?? null, measure };
}

/** A page of published plans with the version residents see of each (the public list of the API). */
export async function publishedPlans(db: Db, filter: Omit<PlanListFilter, 'publishedOnly'>) {
  const result = await listPlans(db, { ...filter, publishedOnly: true });
  const plans = await Promise.all(result.plans.map(async (plan) => ({ plan, view: (await publishedView(db, plan))! })));
  return { ...result, plans };
}
