import type { Db } from '../../platform/db/database.js';
import { outOfScope, targetCheck } from '../access/index.js';
import { findUnit } from '../units/index.js';

/** `config.target` of routes on a unit's indicator data (`:id`): units are public, so out of scope is 403. */
export const indicatorUnitTarget = (db: Db) =>
  targetCheck(db, async (db, { id }) => {
    const unit = id === undefined ? undefined : await findUnit(db, id);
    return unit && { target: { unitId: unit.id }, forbidden: outOfScope };
  });
