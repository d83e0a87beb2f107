import type { Trx } from '../../platform/audit/actor.js';
import type { Principal } from '../../platform/auth/principal.js';
import { assertUnitInScope } from '../units/scope.js';
import { accountErrors } from './messages.js';

/** Throws unless `principal` may manage accounts of `unitId` (an administrator above or at that unit). */
export async function authorizeAccountsOf(trx: Trx, principal: Principal, unitId: string): Promise<void> {
  await assertUnitInScope(trx, principal, unitId, ['admin'], {
    outOfScope: accountErrors.outOfScope(),
    unitNotFound: accountErrors.unitNotFound(unitId),
  });
}
