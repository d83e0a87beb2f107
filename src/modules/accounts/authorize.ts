import type { Trx } from '../../platform/audit/actor.js';
import type { Principal } from '../../platform/auth/principal.js';
import type { Db } from '../../platform/db/database.js';
import { assertUnitInScope } from '../access/index.js';
import { accountErrors } from './messages.js';

/** Throws unless `principal` may manage accounts of `unitId` (an administrator above or at that unit). */
export async function authorizeAccountsOf(db: Db | Trx, principal: Principal, unitId: string): Promise<void> {
  await assertUnitInScope(db, principal, unitId, 'account.manage', {
    outOfScope: accountErrors.outOfScope(),
    unitNotFound: accountErrors.unitNotFound(unitId),
  });
}
