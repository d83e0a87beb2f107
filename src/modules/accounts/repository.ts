import { sql, type ExpressionBuilder } from 'kysely';
import type { Db } from '../../platform/db/database.js';
import type { DatabaseSchema } from '../../platform/db/schema.js';
import type { Trx } from '../../platform/audit/actor.js';
import type { Role } from '../../platform/auth/principal.js';
import { subtreeOf } from '../access/index.js';
import type { Account } from './model.js';
import { isUuid } from '../../platform/db/ids.js';

type Queryable = Db | Trx;
type AccountsEb = ExpressionBuilder<DatabaseSchema & { a: DatabaseSchema['accounts']; u: DatabaseSchema['units'] }, 'a' | 'u'>;

export const loginKey = (login: string): string => login.trim().toLowerCase();

function selectAccounts(db: Queryable) {
  return db
    .selectFrom('accounts as a')
    .innerJoin('units as u', 'u.id', 'a.unit_id')
    .select([
      'a.id',
      'a.login',
      'a.display_name',
      'a.email',
      'a.role',
      'a.unit_id',
      'u.name as unit_name',
      'a.active',
      'a.created_at',
      'a.updated_at',
      // Derived from the audit log rather than stored: a sign-in changes no account row.
      sql<Date | null>`(select max(l.at) from audit_log l where l.action = 'auth.login' and l.entity_id = lower(a.login))`.as(
        'last_sign_in_at',
      ),
    ]);
}

type Row = Awaited<ReturnType<ReturnType<typeof selectAccounts>['executeTakeFirstOrThrow']>>;

function toAccount(row: Row): Account {
  return {
    id: row.id,
    login: row.login,
    displayName: row.display_name,
    email: row.email,
    role: row.role as Role,
    unitId: row.unit_id,
    unitName: row.unit_name,
    active: row.active,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    lastSignInAt: row.last_sign_in_at,
  };
}

export async function findAccount(db: Queryable, id: string): Promise<Account | undefined> {
  if (!isUuid(id)) return undefined;
  const row = await selectAccounts(db).where('a.id', '=', id).executeTakeFirst();
  return row && toAccount(row);
}

export async function findCredentials(db: Queryable, login: string) {
  return db
    .selectFrom('accounts')
    .select(['id', 'login', 'email', 'unit_id', 'password_hash', 'active'])
    .where(sql`lower(login)`, '=', loginKey(login))
    .executeTakeFirst();
}

export async function findPasswordHash(db: Queryable, id: string): Promise<string | undefined> {
  const row = await db.selectFrom('accounts').select('password_hash').where('id', '=', id).executeTakeFirst();
  return row?.password_hash;
}

export async function isLoginTaken(db: Queryable, login: string, exceptId?: string): Promise<boolean> {
  let query = db
    .selectFrom('accounts')
    .select('id')
    .where(sql`lower(login)`, '=', loginKey(login));
  if (exceptId) query = query.where('id', '<>', exceptId);
  return (await query.executeTakeFirst()) !== undefined;
}

export interface AccountFilter {
  scopeUnitId: string;
  unitId?: string | undefined;
  role?: Role | undefined;
  text?: string | undefined;
  active?: boolean | undefined;
  page: number;
  pageSize: number;
}

export async function listAccounts(db: Queryable, filter: AccountFilter): Promise<{ accounts: Account[]; total: number }> {
  const where = (eb: AccountsEb) => {
    const conditions = [eb('a.unit_id', 'in', subtreeOf(filter.scopeUnitId))];
    if (filter.unitId) conditions.push(eb('a.unit_id', '=', filter.unitId));
    if (filter.role) conditions.push(eb('a.role', '=', filter.role));
    if (filter.active !== undefined) conditions.push(eb('a.active', '=', filter.active));
    if (filter.text) {
      const pattern = `%${filter.text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      conditions.push(
        eb.or([
          eb(sql`lower(a.login)`, 'like', pattern),
          eb(sql`lower(a.display_name)`, 'like', pattern),
          eb(sql`lower(coalesce(a.email, ''))`, 'like', pattern),
        ]),
      );
    }
    return eb.and(conditions);
  };
  const rows = await selectAccounts(db)
    .where(where)
    .orderBy('a.display_name')
    .orderBy('a.login')
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize)
    .execute();
  const count = await db
    .selectFrom('accounts as a')
    .innerJoin('units as u', 'u.id', 'a.unit_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where(where)
    .executeTakeFirstOrThrow();
  return { accounts: rows.map(toAccount), total: Number(count.n) };
}

export interface NewAccountRow {
  login: string;
  displayName: string;
  email: string | null;
  role: Role;
  unitId: string;
  passwordHash: string;
}

export async function insertAccount(trx: Trx, account: NewAccountRow): Promise<string> {
  const row = await trx
    .insertInto('accounts')
    .values({
      login: account.login,
      display_name: account.displayName,
      email: account.email,
      role: account.role,
      unit_id: account.unitId,
      password_hash: account.passwordHash,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export interface AccountPatch {
  login?: string;
  displayName?: string;
  email?: string | null;
  role?: Role;
  unitId?: string;
  active?: boolean;
  passwordHash?: string;
}

export async function updateAccountRow(trx: Trx, id: string, patch: AccountPatch): Promise<void> {
  await trx
    .updateTable('accounts')
    .set({
      login: patch.login,
      display_name: patch.displayName,
      email: patch.email,
      role: patch.role,
      unit_id: patch.unitId,
      active: patch.active,
      password_hash: patch.passwordHash,
      updated_at: new Date(),
    })
    .where('id', '=', id)
    .execute();
}
