import type { Lang } from '../../platform/i18n/i18n.js';
import type { ParsedPlan } from './import/parse-plan.js';
import type { Plan } from './model.js';
import { planUrl } from './read-plans.js';

/** A read plan document as the API answers it, warnings in the request's language. */
export function presentParsed(parsed: ParsedPlan, lang: Lang) {
  return { ...parsed, warnings: parsed.warnings.map((w) => w[lang]) };
}

/** A plan as the API answers it (planSchema in api-schemas.ts). */
export function presentPlan(plan: Plan) {
  return {
    id: plan.id,
    url: planUrl(plan.id),
    districtId: plan.districtId,
    unitId: plan.unitId,
    periodFrom: plan.periodFrom,
    periodTo: plan.periodTo,
    status: plan.status,
    version: plan.version,
    publishedVersion: plan.publishedVersion,
    content: plan.content,
    evaluation: plan.evaluation,
    submittedAt: plan.submittedAt?.toISOString() ?? null,
    approvedAt: plan.approvedAt?.toISOString() ?? null,
    publishedAt: plan.publishedAt?.toISOString() ?? null,
  };
}
