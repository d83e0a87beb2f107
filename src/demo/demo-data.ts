import { sql } from 'kysely';
import type { Db } from '../platform/db/database.js';
import { inTransaction, systemActor } from '../platform/audit/actor.js';
import { hashPassword } from '../platform/auth/passwords.js';
import type { Role } from '../platform/auth/principal.js';
import { createUnit } from '../modules/units/create-unit.js';
import type { UnitKind } from '../modules/units/model.js';
import { insertAccount } from '../modules/accounts/repository.js';

/** The password of every demo account (published in the README: demo data only). */
export const DEMO_PASSWORD = 'demo-haslo-2026';

/** Real units named in the seed documents, with their real parents. */
export const demoUnits: { id: string; parentId: string | null; kind: UnitKind; name: string }[] = [
  { id: 'kgp', parentId: null, kind: 'KGP', name: 'Komenda Główna Policji' },
  { id: 'kwp-lublin', parentId: 'kgp', kind: 'KWP', name: 'Komenda Wojewódzka Policji w Lublinie' },
  { id: 'kwp-bialystok', parentId: 'kgp', kind: 'KWP', name: 'Komenda Wojewódzka Policji w Białymstoku' },
  { id: 'kpp-krasnystaw', parentId: 'kwp-lublin', kind: 'KPP', name: 'Komenda Powiatowa Policji w Krasnymstawie' },
  { id: 'kpp-lubartow', parentId: 'kwp-lublin', kind: 'KPP', name: 'Komenda Powiatowa Policji w Lubartowie' },
  { id: 'kpp-leczna', parentId: 'kwp-lublin', kind: 'KPP', name: 'Komenda Powiatowa Policji w Łęcznej' },
  { id: 'kpp-sejny', parentId: 'kwp-bialystok', kind: 'KPP', name: 'Komenda Powiatowa Policji w Sejnach' },
];

/** Invented people, marked as demo in their names. */
export const demoAccounts: { login: string; displayName: string; role: Role; unitId: string }[] = [
  { login: 'admin', displayName: 'Administrator krajowy (demo)', role: 'admin', unitId: 'kgp' },
  { login: 'admin.lublin', displayName: 'Ewa Zielińska (demo)', role: 'admin', unitId: 'kwp-lublin' },
  { login: 'komendant.lubartow', displayName: 'insp. Marek Wysocki (demo)', role: 'commander', unitId: 'kpp-lubartow' },
  { login: 'kierownik.lubartow', displayName: 'kom. Joanna Sadowska (demo)', role: 'supervisor', unitId: 'kpp-lubartow' },
  { login: 'dzielnicowy.lubartow', displayName: 'sierż. Piotr Nowicki (demo)', role: 'officer', unitId: 'kpp-lubartow' },
  { login: 'kierownik.leczna', displayName: 'asp. szt. Tomasz Lis (demo)', role: 'supervisor', unitId: 'kpp-leczna' },
  { login: 'dzielnicowy.leczna', displayName: 'st. sierż. Karolina Mazur (demo)', role: 'officer', unitId: 'kpp-leczna' },
  { login: 'dzielnicowy.krasnystaw', displayName: 'sierż. Adam Wróbel (demo)', role: 'officer', unitId: 'kpp-krasnystaw' },
  { login: 'kierownik.sejny', displayName: 'asp. Monika Jankowska (demo)', role: 'supervisor', unitId: 'kpp-sejny' },
];

const MARKER = 'demo_data';

/**
 * Loads the demo data on the first start only: a marker in app_settings records that it was
 * loaded, so data deleted later does not come back. All or nothing, in one transaction.
 */
export async function loadDemoDataOnce(db: Db): Promise<boolean> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return inTransaction(db, systemActor('demo-data'), async (trx) => {
    const claimed = await sql`insert into app_settings (key, value) values (${MARKER}, ${JSON.stringify({ loadedAt: new Date().toISOString() })}::jsonb)
      on conflict (key) do nothing returning key`.execute(trx);
    if (claimed.rows.length === 0) return false;
    for (const unit of demoUnits) await createUnit(trx, unit);
    for (const account of demoAccounts) {
      await insertAccount(trx, { ...account, email: null, passwordHash });
    }
    return true;
  });
}
