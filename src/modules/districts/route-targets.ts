import type { Db } from '../../platform/db/database.js';
import { targetCheck, outOfScope } from '../access/index.js';
import { districtId } from './model.js';
import { findAssignment, findDistrict, findOfficer } from './repository.js';

/*
 * `config.target` of the register's routes. The register is public, so a person out of scope
 * gets 403 (units/scope.ts), before the body is read.
 */

/** Routes on `:unit/:number` districts. */
export const districtTarget = (db: Db) =>
  targetCheck(db, async (db, { unit, number }) => {
    if (unit === undefined || number === undefined || !/^\d{1,9}$/.test(number)) return undefined;
    const district = await findDistrict(db, districtId(unit, Number(number)));
    return district && { target: { unitId: district.unitId }, forbidden: outOfScope };
  });

/** Routes on `:id` officers. */
export const officerTarget = (db: Db) =>
  targetCheck(db, async (db, { id }) => {
    const officer = id === undefined ? undefined : await findOfficer(db, id);
    return officer && { target: { unitId: officer.unitId }, forbidden: outOfScope };
  });

/** Routes on `:id` assignments: the unit of the assignment's district. */
export const assignmentTarget = (db: Db) =>
  targetCheck(db, async (db, { id }) => {
    const assignment = id === undefined ? undefined : await findAssignment(db, id);
    const district = assignment && (await findDistrict(db, assignment.districtId));
    return district && { target: { unitId: district.unitId }, forbidden: outOfScope };
  });
