import type { Db } from '../../platform/db/database.js';
import type { Principal } from '../../platform/auth/principal.js';
import { seesWholeUnit } from '../../platform/auth/policy.js';
import { warsawToday } from '../../platform/i18n/calendar.js';
import { listDistrictChoices } from './repository.js';
import { districtsServedBy } from '../access/index.js';

/**
 * The districts a person works with (rejony, w których pracuje): a district officer's own today,
 * as officer or substitute; anyone else (supervisor, commander, administrator) every district of
 * their unit and the units below it. Plans, reports and the admin home read it from here.
 */
export type PersonDistricts = { ids: string[] } | { subtreeOf: string };

export async function personDistricts(db: Db, principal: Principal, today = warsawToday()): Promise<PersonDistricts> {
  return seesWholeUnit(principal.role) ? { subtreeOf: principal.unitId } : { ids: await districtsServedBy(db, principal, today) };
}

/** The same districts as choices in a form (active ones only), ordered by unit name, then number. */
export async function districtChoicesFor(db: Db, principal: Principal): Promise<{ id: string; name: string; unitName: string }[]> {
  return listDistrictChoices(db, await personDistricts(db, principal));
}
