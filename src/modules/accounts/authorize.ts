import type { Trx } from '../../platform/audit/actor.js';
import type { Principal } from '../../platform/auth/principal.js';
import { AppError, httpErrors } from '../../platform/http/errors.js';
import { unitAncestry } from '../units/repository.js';
import { accountErrors } from './messages.js';
import { canManageAccounts, isInScope } from './policy.js';

/** Throws unless `principal` may manage accounts of `unitId` (an administrator above or at that unit). */
export async function authorizeAccountsOf(trx: Trx, principal: Principal, unitId: string): Promise<void> {
  if (!canManageAccounts(principal)) throw httpErrors.forbidden();
  const ancestry = await unitAncestry(trx, unitId);
  if (ancestry.length === 0) throw new AppError(422, 'unit_not_found', accountErrors.unitNotFound(unitId));
  if (!isInScope(principal.unitId, ancestry)) throw httpErrors.forbidden(accountErrors.outOfScope());
}
