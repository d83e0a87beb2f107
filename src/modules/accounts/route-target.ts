import type { Db } from '../../platform/db/database.js';
import { targetCheck } from '../access/index.js';
import { accountErrors } from './messages.js';
import { findAccount } from './repository.js';

/** `config.target` of routes on `:id` accounts: an account outside the administrator's units is 403 (authorize.ts). */
export const accountTarget = (db: Db) =>
  targetCheck(db, async (db, { id }) => {
    const account = id === undefined ? undefined : await findAccount(db, id);
    return account && { target: { unitId: account.unitId }, forbidden: accountErrors.outOfScope() };
  });
