import type { Trx } from '../../platform/audit/actor.js';
import type { Principal } from '../../platform/auth/principal.js';
import { can, type Action, type Resource, type Subject } from '../../platform/auth/policy.js';
import type { Db } from '../../platform/db/database.js';
import { warsawToday } from '../../platform/i18n/calendar.js';
import { districtsServedBy, unitAncestry } from './repository.js';

/**
 * Loads the plain facts platform/auth/policy.ts decides on. Reads only, on the handle it is given
 * (a plain database handle for reading; a transaction only when the caller already holds one for
 * a change): a permission check never opens an audited transaction of its own.
 */

/** Something a person may act on: its unit and, for plans and reports, its district. */
export interface Target {
  unitId: string;
  districtId?: string | null | undefined;
}

/** The person as facts; `withDistricts` false skips the districts they serve (no check then needs them). */
export async function subjectOf(db: Db | Trx, principal: Principal, withDistricts = true): Promise<Subject> {
  // The ancestry runs from the top unit down; a unit that is its own whole ancestry is the top.
  const ancestry = await unitAncestry(db, principal.unitId);
  return {
    role: principal.role,
    unitId: principal.unitId,
    unitIsTop: ancestry.length === 1,
    servedDistricts: withDistricts ? await districtsServedBy(db, principal, warsawToday()) : [],
  };
}

/** The thing as facts; an empty ancestry means its unit does not exist. */
export async function resourceOf(db: Db | Trx, target: Target): Promise<Resource> {
  return { unitAncestry: await unitAncestry(db, target.unitId), districtId: target.districtId ?? null };
}

/** Facts for several checks on one thing, read once. */
export async function factsOf(
  db: Db | Trx,
  principal: Principal | null,
  target: Target,
): Promise<{ subject: Subject | null; resource: Resource }> {
  const subject = principal ? await subjectOf(db, principal, Boolean(target.districtId)) : null;
  return { subject, resource: await resourceOf(db, target) };
}

/** May `principal` do `action` to `target`? The facts are read here; see policy.ts for the rules. */
export async function isAllowed(db: Db | Trx, principal: Principal | null, action: Action, target: Target): Promise<boolean> {
  if (!principal) return false;
  const { subject, resource } = await factsOf(db, principal, target);
  return can(subject, action, resource);
}
