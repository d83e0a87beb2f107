import type { Db } from '../../platform/db/database.js';
import { inTransaction, type Actor } from '../../platform/audit/actor.js';
import type { Principal, Role } from '../../platform/auth/principal.js';
import { hashPassword } from '../../platform/auth/passwords.js';
import { AppError } from '../../platform/http/errors.js';
import { authorizeAccountsOf } from './authorize.js';
import { accountErrors, passwordProblemText } from './messages.js';
import { passwordProblem, type Account } from './model.js';
import { findAccount, insertAccount, isLoginTaken } from './repository.js';
import { findUnit } from '../units/index.js';

export interface CreateAccountInput {
  login: string;
  displayName: string;
  email?: string | null | undefined;
  role: Role;
  unitId: string;
  password: string;
}

/** Checks what the schema cannot: password quality. Shared by create, update and self-service. */
export function assertAcceptablePassword(password: string, login: string, field = 'password'): void {
  const problem = passwordProblem(password, login);
  if (problem) throw new AppError(400, `password_${problem}`, passwordProblemText[problem], { field });
}

/** Creates an account. `principal` null means the system itself (CLI, demo data): no scope check. */
export async function createAccount(db: Db, principal: Principal | null, actor: Actor, input: CreateAccountInput): Promise<Account> {
  const login = input.login.trim();
  assertAcceptablePassword(input.password, login);
  const passwordHash = await hashPassword(input.password);
  const id = await inTransaction(db, actor, async (trx) => {
    if (principal) await authorizeAccountsOf(trx, principal, input.unitId);
    else if (!(await findUnit(trx, input.unitId))) {
      throw new AppError(422, 'unit_not_found', accountErrors.unitNotFound(input.unitId));
    }
    if (await isLoginTaken(trx, login)) throw new AppError(409, 'login_taken', accountErrors.loginTaken(login));
    return insertAccount(trx, {
      login,
      displayName: input.displayName.trim(),
      email: input.email?.trim() || null,
      role: input.role,
      unitId: input.unitId,
      passwordHash,
    });
  });
  return (await findAccount(db, id))!;
}
