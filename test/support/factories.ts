import { inTransaction, systemActor, type Trx } from '../../src/platform/audit/actor.js';
import { hashPassword } from '../../src/platform/auth/passwords.js';
import type { Role } from '../../src/platform/auth/principal.js';
import type { Db } from '../../src/platform/db/database.js';
import { insertAccount } from '../../src/modules/accounts/index.js';
import { warsawToday } from '../../src/platform/i18n/calendar.js';
import { districtId, insertAssignment, insertDistrict, insertOfficer } from '../../src/modules/districts/index.js';
import { createPlan } from '../../src/modules/plans/manage-plans.js';
import { storeNewReport } from '../../src/modules/reports/repository.js';
import { defaultFloodSettings } from '../../src/modules/reports/rules/floods.js';
import { createUnit } from '../../src/modules/units/index.js';

/**
 * Small factories for tests that need their own people and things instead of the demo register:
 * each writes through the app's own repositories and use cases, so the rows are what the app makes.
 */

export const FACTORY_PASSWORD = 'haslo-testowe-2026';
const actor = systemActor('test-factory');
let passwordHash: Promise<string> | null = null;

export async function makeUnit(trx: Trx, id: string, kind: string, parentId: string | null): Promise<string> {
  await createUnit(trx, { id, kind, parentId, name: `Jednostka ${id}` });
  return id;
}

export async function makeDistrict(trx: Trx, unitId: string, number: number): Promise<string> {
  const id = districtId(unitId, number);
  await insertDistrict(trx, id, {
    unitId,
    number,
    name: `Rejon ${number} (${unitId})`,
    phone: null,
    email: null,
    rules: [],
    polygon: null,
  });
  return id;
}

export async function makeAccount(trx: Trx, login: string, role: Role, unitId: string): Promise<string> {
  passwordHash ??= hashPassword(FACTORY_PASSWORD);
  return insertAccount(trx, { login, displayName: login, email: null, role, unitId, passwordHash: await passwordHash });
}

/** An officer (with `accountId`, the person signs in as them) serving `districtIds` from today, regularly or as a substitute. */
export async function makeOfficer(
  trx: Trx,
  unitId: string,
  accountId: string | null,
  districts: { districtId: string; kind: 'regular' | 'substitute' }[],
): Promise<string> {
  const officerId = await insertOfficer(trx, {
    unitId,
    rank: 'asp.',
    firstName: 'Jan',
    lastName: `Testowy ${unitId}`,
    position: 'district_officer',
    accountId,
  });
  for (const d of districts)
    await insertAssignment(trx, unitId, { districtId: d.districtId, officerId, kind: d.kind, startsOn: warsawToday(), endsOn: null });
  return officerId;
}

export function inFactory<T>(db: Db, work: (trx: Trx) => Promise<T>): Promise<T> {
  return inTransaction(db, actor, work);
}

/** A draft plan of a district for the coming month, started by the system. */
export async function makeDraftPlan(db: Db, district: string): Promise<string> {
  const from = new Date(`${warsawToday()}T12:00:00Z`);
  from.setUTCMonth(from.getUTCMonth() + 1);
  const to = new Date(from);
  to.setUTCMonth(to.getUTCMonth() + 3);
  const day = (d: Date) => d.toISOString().slice(0, 10);
  return (await createPlan(db, null, actor, { districtId: district, periodFrom: day(from), periodTo: day(to) })).id;
}

/** A resident's report in a district, stored as the intake stores it. */
export async function makeReport(db: Db, unitId: string, district: string): Promise<number> {
  const category = await db.selectFrom('report_categories').select('id').where('active', '=', true).orderBy('id').executeTakeFirstOrThrow();
  const flood = { since: new Date(0), settings: { ...defaultFloodSettings, categoryPerHour: 1000, districtPerHour: 1000 } };
  const { report } = await storeNewReport(
    db,
    {
      categoryId: category.id,
      unitId,
      districtId: district,
      position: null,
      publicPosition: null,
      address: 'ul. Testowa 1',
      description: 'Zgłoszenie z fabryki testów.',
      email: null,
      reporterIp: null,
      eventAt: null,
    },
    actor,
    null,
    flood,
    null,
  );
  return report!.id;
}
