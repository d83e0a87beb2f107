import type { Trx } from '../../platform/audit/actor.js';
import type { Principal } from '../../platform/auth/principal.js';
import { can, roleMay, type Action } from '../../platform/auth/policy.js';
import { AppError, httpErrors } from '../../platform/http/errors.js';
import type { Localized } from '../../platform/i18n/i18n.js';
import type { Db } from '../../platform/db/database.js';
import { resourceOf, subjectOf } from '../access/facts.js';

/** The refusal of a thing outside the person's units (the register's routes say it before the body, too: route-target.ts). */
export const outOfScope: Localized = {
  pl: 'Ta jednostka nie podlega Twojej jednostce.',
  en: 'This unit is outside your unit.',
};

/**
 * Throws unless `principal` may do `action` to things of `unitId` (platform/auth/policy.ts): the
 * one rule behind "each role is scoped to a unit and the units below it". Reads on the handle it
 * is given; a check alone needs no transaction.
 *
 * Out of scope is 403 for reading and changing alike here: the register (units, districts,
 * officers) is public, so a refusal reveals nothing. Reports and working plans are not public:
 * there a thing you may not read is 404 for reading and for every change (reports/verify-report.ts
 * and plans/manage-plans.ts `loadForChange`); 403 is kept for staff who may read it but not make
 * that change. Never 404 to GET and 403 to POST for the same thing.
 */
export async function assertUnitInScope(
  db: Db | Trx,
  principal: Principal,
  unitId: string,
  action: Action,
  texts: { outOfScope?: Localized; unitNotFound?: Localized } = {},
): Promise<string[]> {
  if (!roleMay(principal.role, action)) throw httpErrors.forbidden();
  const resource = await resourceOf(db, { unitId });
  if (resource.unitAncestry.length === 0) {
    throw new AppError(
      422,
      'unit_not_found',
      texts.unitNotFound ?? { pl: `Nie ma jednostki „${unitId}”.`, en: `There is no unit "${unitId}".` },
    );
  }
  if (!can(await subjectOf(db, principal, false), action, resource)) throw httpErrors.forbidden(texts.outOfScope ?? outOfScope);
  return [...resource.unitAncestry];
}

/**
 * Rules for the whole country (data retention times, flood limits of threat reports) are changed
 * only by an administrator of the top-level unit (KGP).
 */
export async function assertNationalAdministrator(db: Db | Trx, principal: Principal, text: Localized): Promise<void> {
  if (!roleMay(principal.role, 'settings.national')) throw httpErrors.forbidden(text);
  if (!can(await subjectOf(db, principal, false), 'settings.national', { unitAncestry: [] })) throw httpErrors.forbidden(text);
}
