import type { Db } from '../../platform/db/database.js';
import { accountLinkProblem, officerLinkedTo, unitAncestry } from '../access/index.js';
import { inTransaction, type Actor, type Trx } from '../../platform/audit/actor.js';
import type { Principal, Role } from '../../platform/auth/principal.js';
import { hashPassword } from '../../platform/auth/passwords.js';
import { deleteAccountSessions } from '../../platform/auth/sessions.js';
import { AppError } from '../../platform/http/errors.js';
import { authorizeAccountsOf } from './authorize.js';
import { assertAcceptablePassword } from './create-account.js';
import { accountErrors } from './messages.js';
import type { Account } from './model.js';
import { isSelfLockout } from './policy.js';
import { findAccount, isLoginTaken, updateAccountRow } from './repository.js';

export interface UpdateAccountInput {
  login?: string | undefined;
  displayName?: string | undefined;
  email?: string | null | undefined;
  role?: Role | undefined;
  unitId?: string | undefined;
  active?: boolean | undefined;
  password?: string | undefined;
}

/**
 * An account linked to an officer record serves that officer's districts: moved to a unit that is
 * not the officer's or above it, the link would carry it outside its unit (account-link.ts).
 */
async function assertLinkStaysWithinUnit(trx: Trx, accountId: string, unitId: string): Promise<void> {
  const officer = await officerLinkedTo(trx, accountId);
  if (!officer) return;
  const problem = accountLinkProblem({
    linkerUnitId: null,
    accountUnitId: unitId,
    accountAncestry: await unitAncestry(trx, unitId),
    targetAncestry: await unitAncestry(trx, officer.unitId),
  });
  if (problem) throw new AppError(422, 'account_linked_outside_unit', accountErrors.linkedOutsideUnit(), { field: 'unitId' });
}

/**
 * An administrator edits an account in their scope (and may move it only within their scope).
 * Disabling an account or setting its password ends its sessions.
 */
export async function updateAccount(db: Db, principal: Principal, actor: Actor, id: string, input: UpdateAccountInput): Promise<Account> {
  const existing = await findAccount(db, id);
  if (!existing) throw new AppError(404, 'account_not_found', accountErrors.accountNotFound());
  const login = input.login?.trim() ?? existing.login;
  if (input.password !== undefined) assertAcceptablePassword(input.password, login);
  const passwordHash = input.password !== undefined ? await hashPassword(input.password) : undefined;
  await inTransaction(db, actor, async (trx) => {
    await authorizeAccountsOf(trx, principal, existing.unitId);
    if (input.unitId !== undefined && input.unitId !== existing.unitId) {
      await authorizeAccountsOf(trx, principal, input.unitId);
      await assertLinkStaysWithinUnit(trx, id, input.unitId);
    }
    if (isSelfLockout(principal, id, input)) throw new AppError(409, 'self_lockout', accountErrors.selfLockout());
    if (login !== existing.login && (await isLoginTaken(trx, login, id))) {
      throw new AppError(409, 'login_taken', accountErrors.loginTaken(login));
    }
    await updateAccountRow(trx, id, {
      login: input.login?.trim(),
      displayName: input.displayName?.trim(),
      email: input.email === undefined ? undefined : input.email?.trim() || null,
      role: input.role,
      unitId: input.unitId,
      active: input.active,
      passwordHash,
    });
    if (input.active === false || passwordHash !== undefined) await deleteAccountSessions(trx, id);
  });
  return (await findAccount(db, id))!;
}
