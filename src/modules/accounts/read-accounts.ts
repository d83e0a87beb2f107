import type { Db } from '../../platform/db/database.js';
import { AppError } from '../../platform/http/errors.js';
import { accountErrors } from './messages.js';
import type { Account } from './model.js';
import { findAccount, listAccounts, type AccountFilter } from './repository.js';

/** What the account pages and API read; who may read it is the route's check (authorize.ts). */

/**
 * The signed-in person's own account. It exists: the session that named it is joined to it
 * and ends when the account is disabled (platform/auth/sessions.ts).
 */
export async function ownAccount(db: Db, accountId: string): Promise<Account> {
  return (await findAccount(db, accountId))!;
}

/** The account with this id; 404 when there is none. */
export async function accountOr404(db: Db, id: string): Promise<Account> {
  const account = await findAccount(db, id);
  if (!account) throw new AppError(404, 'account_not_found', accountErrors.accountNotFound());
  return account;
}

/** One page of the accounts in the subtree of `filter.scopeUnitId`, with the count of all that match. */
export async function accountsPage(db: Db, filter: AccountFilter): Promise<{ accounts: Account[]; total: number }> {
  return listAccounts(db, filter);
}
