import type { Principal } from '../../platform/auth/principal.js';
import type { Db } from '../../platform/db/database.js';
import { httpErrors } from '../../platform/http/errors.js';
import { isAllowed, unitAncestry } from '../access/index.js';
import { partnerErrors } from './manage-partners.js';
import { partnerOf, type Partner, type PartnerPlan } from './model.js';
import { activePartnersOf, findPartner, partnersOfUnit, plansOfPartner, unitName, type PartnerFilter } from './repository.js';

/** Reading the registry: a unit's list, one partner with the plans it takes part in, the editor's choices. */
const listLimit = 500;
const plansLimit = 200;

export async function listPartners(
  db: Db,
  principal: Principal,
  unitId: string,
  filter: PartnerFilter,
): Promise<{ unitName: string; partners: Partner[] }> {
  const name = await unitName(db, unitId);
  if (!name) throw partnerErrors.unitNotFound();
  if (!(await isAllowed(db, principal, 'partner.read', { unitId }))) throw httpErrors.forbidden(partnerErrors.forbidden());
  return { unitName: name, partners: (await partnersOfUnit(db, unitId, filter, listLimit)).map(partnerOf) };
}

/** A partner and each plan naming it with its tasks there; 404 to those who may not read it (the contact is not public). */
export async function partnerWithPlans(db: Db, principal: Principal, id: string): Promise<{ partner: Partner; plans: PartnerPlan[] }> {
  const row = await findPartner(db, id);
  if (!row || !(await isAllowed(db, principal, 'partner.read', { unitId: row.unit_id }))) throw partnerErrors.notFound();
  const plans = await plansOfPartner(db, row.id, plansLimit);
  return {
    partner: partnerOf(row),
    plans: plans.map((p) => ({
      planId: p.id,
      districtId: p.district_id,
      districtNumber: p.number,
      districtName: p.district_name,
      periodFrom: p.period_from,
      periodTo: p.period_to,
      status: p.status,
      tasks: p.tasks,
    })),
  };
}

/** The names the plan editor offers for a plan of `unitId`: active partners of its unit and the units above it. */
export async function partnerChoices(db: Db, unitId: string): Promise<{ id: string; name: string }[]> {
  const rows = await activePartnersOf(db, await unitAncestry(db, unitId));
  return rows.map((row) => ({ id: row.id, name: row.name }));
}
