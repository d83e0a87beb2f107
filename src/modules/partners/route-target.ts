import type { Db } from '../../platform/db/database.js';
import { targetCheck } from '../access/index.js';
import { partnerErrors } from './manage-partners.js';
import { findPartner, unitName } from './repository.js';

/** `config.target` of routes on `:id` partners: the registry is not public, so one may not read it is 404 for every change too. */
export const partnerTarget = (db: Db) =>
  targetCheck(db, async (db, { id }) => {
    const partner = id === undefined ? undefined : await findPartner(db, id);
    return (
      partner && {
        target: { unitId: partner.unit_id },
        hidden: { readAction: 'partner.read', notFound: partnerErrors.notFound },
        forbidden: partnerErrors.forbidden(),
      }
    );
  });

/** `config.target` of a unit's registry routes (`/api/v1/units/:id/partners`): the unit is public, so a refusal is 403. */
export const registryTarget = (db: Db) =>
  targetCheck(db, async (db, { id }) => {
    const found = id !== undefined && id.length <= 120 ? await unitName(db, id) : undefined;
    return found === undefined ? undefined : { target: { unitId: id! }, forbidden: partnerErrors.forbidden() };
  });
