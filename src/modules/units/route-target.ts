import type { Db } from '../../platform/db/database.js';
import { targetCheck, outOfScope } from '../access/index.js';
import { findUnit } from './repository.js';

/** `config.target` of routes on `:id` units: the register is public, so out of scope is 403 (scope.ts). */
export const unitTarget = (db: Db) =>
  targetCheck(db, async (db, { id }) => {
    const unit = id === undefined ? undefined : await findUnit(db, id);
    return unit && { target: { unitId: unit.id }, forbidden: outOfScope };
  });
