/**
 * The partners module's border (docs/architecture.md, "Where a module's border is"): the registry
 * of partner organisations, its API and staff pages, and what the plan editor asks of it.
 */
export { registerPartnerApi } from './api-routes.js';
export { registerPartnerPages } from './page-routes.js';
export { linkPlanPartners } from './plan-links.js';
export { createPartner } from './manage-partners.js';
export { partnerChoices } from './read-partners.js';
export { nearOtherPartners } from './rules/names.js';
export type { PlanPartnerEntry } from './model.js';
