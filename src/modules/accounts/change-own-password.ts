import type { Db } from '../../platform/db/database.js';
import { inTransaction, type Actor } from '../../platform/audit/actor.js';
import type { Principal } from '../../platform/auth/principal.js';
import { hashPassword, verifyPassword } from '../../platform/auth/passwords.js';
import { deleteAccountSessions } from '../../platform/auth/sessions.js';
import { AppError } from '../../platform/http/errors.js';
import { assertAcceptablePassword } from './create-account.js';
import { accountErrors } from './messages.js';
import { findPasswordHash, updateAccountRow } from './repository.js';

/** Changes the signed-in user's password and ends their other sessions. */
export async function changeOwnPassword(
  db: Db,
  principal: Principal,
  actor: Actor,
  currentSessionHash: string | null,
  input: { currentPassword: string; newPassword: string },
): Promise<void> {
  const stored = await findPasswordHash(db, principal.accountId);
  if (!stored || !(await verifyPassword(stored, input.currentPassword))) {
    throw new AppError(400, 'wrong_current_password', accountErrors.wrongCurrentPassword(), { field: 'currentPassword' });
  }
  assertAcceptablePassword(input.newPassword, principal.login, 'newPassword');
  const passwordHash = await hashPassword(input.newPassword);
  await inTransaction(db, actor, async (trx) => {
    await updateAccountRow(trx, principal.accountId, { passwordHash });
    await deleteAccountSessions(trx, principal.accountId, currentSessionHash ?? undefined);
  });
}
