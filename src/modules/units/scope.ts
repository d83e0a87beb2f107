import type { Trx } from '../../platform/audit/actor.js';
import type { Principal, Role } from '../../platform/auth/principal.js';
import { AppError, httpErrors } from '../../platform/http/errors.js';
import type { Localized } from '../../platform/i18n/i18n.js';
import type { Db } from '../../platform/db/database.js';
import { findUnit, unitAncestry } from './repository.js';

/** `ancestry` runs from the top unit down to the target unit (see unitAncestry). */
export function isInScope(scopeUnitId: string, ancestry: readonly string[]): boolean {
  return ancestry.includes(scopeUnitId);
}

const outOfScope: Localized = {
  pl: 'Ta jednostka nie podlega Twojej jednostce.',
  en: 'This unit is outside your unit.',
};

/**
 * Throws unless `principal` has one of `roles` and `unitId` is their unit or below it: the one
 * rule behind "each role is scoped to a unit and the units below it".
 *
 * Out of scope is 403 for reading and changing alike here: the register (units, districts,
 * officers) is public, so a refusal reveals nothing. Reports and working plans are not public:
 * there a thing you may not read is 404 for reading and for every change (reports/verify-report.ts
 * and plans/manage-plans.ts `loadForChange`); 403 is kept for staff who may read it but not make
 * that change. Never 404 to GET and 403 to POST for the same thing.
 */
export async function assertUnitInScope(
  trx: Trx,
  principal: Principal,
  unitId: string,
  roles: readonly Role[],
  texts: { outOfScope?: Localized; unitNotFound?: Localized } = {},
): Promise<string[]> {
  if (!roles.includes(principal.role)) throw httpErrors.forbidden();
  const ancestry = await unitAncestry(trx, unitId);
  if (ancestry.length === 0) {
    throw new AppError(
      422,
      'unit_not_found',
      texts.unitNotFound ?? { pl: `Nie ma jednostki „${unitId}”.`, en: `There is no unit "${unitId}".` },
    );
  }
  if (!isInScope(principal.unitId, ancestry)) throw httpErrors.forbidden(texts.outOfScope ?? outOfScope);
  return ancestry;
}

/**
 * Rules for the whole country (data retention times, flood limits of threat reports) are changed
 * only by an administrator of the top-level unit (KGP).
 */
export async function assertNationalAdministrator(db: Db | Trx, principal: Principal, text: Localized): Promise<void> {
  if (principal.role !== 'admin') throw httpErrors.forbidden(text);
  const unit = await findUnit(db, principal.unitId);
  if (!unit || unit.parentId !== null) throw httpErrors.forbidden(text);
}
