import { inTransaction, systemActor, type Trx } from '../../src/platform/audit/actor.js';
import { hashPassword } from '../../src/platform/auth/passwords.js';
import type { Principal, Role } from '../../src/platform/auth/principal.js';
import type { Db } from '../../src/platform/db/database.js';
import { insertAccount } from '../../src/modules/accounts/repository.js';
import { warsawToday } from '../../src/modules/districts/assignments.js';
import { districtId } from '../../src/modules/districts/model.js';
import { insertAssignment, insertDistrict, insertOfficer } from '../../src/modules/districts/repository.js';
import { createPlan, transitionPlan } from '../../src/modules/plans/manage-plans.js';
import type { PlanContent } from '../../src/modules/plans/model.js';
import { storeNewReport } from '../../src/modules/reports/repository.js';
import { defaultFloodSettings } from '../../src/modules/reports/rules/floods.js';
import { createUnit } from '../../src/modules/units/create-unit.js';

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

/** Assigns an existing officer to a district from today, regularly or as the day's substitute. */
export async function makeAssignment(
  trx: Trx,
  unitId: string,
  officerId: string,
  districtId: string,
  kind: 'regular' | 'substitute',
): Promise<string> {
  return insertAssignment(trx, unitId, { districtId, officerId, kind, startsOn: warsawToday(), endsOn: null });
}

/** A plan's content complete enough to submit, its one action within `periodFrom`–`periodTo`. */
export function completePlanContent(periodFrom: string, periodTo: string): PlanContent {
  return {
    threat: { category: 'fraud', places: 'osiedle Testowe', description: 'Oszustwa metodą „na wnuczka”.', sources: ['residents'] },
    goal: { description: 'Mniej oszustw.', indicator: null, baseline: null, target: null },
    actions: [{ description: 'Spotkania z seniorami.', from: periodFrom, to: periodTo, who: 'dzielnicowy', status: 'planned' }],
    partners: [{ name: 'Ośrodek Pomocy Społecznej', tasks: 'informowanie podopiecznych' }],
    communication: ['spotkania z mieszkańcami'],
    signature: null,
  };
}

/** A draft plan of a district for the coming months with complete content (ready to submit). */
export async function makeCompletePlan(db: Db, district: string): Promise<string> {
  const id = await makeDraftPlan(db, district);
  const { period_from, period_to } = await db
    .selectFrom('plans')
    .select(['period_from', 'period_to'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  const day = (d: unknown) => (d instanceof Date ? d.toISOString().slice(0, 10) : String(d));
  await inFactory(db, (trx) =>
    trx
      .updateTable('plans')
      .set({ content: JSON.stringify(completePlanContent(day(period_from), day(period_to))) })
      .where('id', '=', id)
      .execute(),
  );
  return id;
}

/** A complete plan submitted for approval by `officer` (its district's officer, as a principal). */
export async function makeSubmittedPlan(db: Db, district: string, officer: Principal): Promise<string> {
  const id = await makeCompletePlan(db, district);
  await transitionPlan(db, officer, actor, id, { transition: 'submit' });
  return id;
}

/** A resident's report held for review (beyond the flood limits), as the intake holds it. */
export async function makeHeldReport(db: Db, unitId: string, district: string): Promise<number> {
  const id = await makeReport(db, unitId, district);
  await inFactory(db, (trx) => trx.updateTable('reports').set({ hold: 'held' }).where('id', '=', id).execute());
  return id;
}

/** A district covering a whole town (`locality`): addresses there find it, so residents' reports land in it. */
export async function makeTownDistrict(trx: Trx, unitId: string, number: number, locality: string): Promise<string> {
  const id = districtId(unitId, number);
  await insertDistrict(trx, id, {
    unitId,
    number,
    name: `Rejon ${number} (${locality})`,
    phone: null,
    email: null,
    rules: [{ locality, street: null, numbers: null }],
    polygon: null,
  });
  return id;
}

/** A report category of the catalogue, active, with `code` as its id. */
export async function makeCategory(db: Db, code: string): Promise<string> {
  await inFactory(db, (trx) =>
    trx
      .insertInto('report_categories')
      .values({ id: code, name_pl: `Kategoria ${code}`, name_en: `Category ${code}` })
      .execute(),
  );
  return code;
}

/** A complete plan submitted by `officer`, approved and published by `reviewer` (a supervisor or commander of its unit). */
export async function makePublishedPlan(db: Db, district: string, officer: Principal, reviewer: Principal): Promise<string> {
  const id = await makeSubmittedPlan(db, district, officer);
  await transitionPlan(db, reviewer, actor, id, { transition: 'approve' });
  await transitionPlan(db, reviewer, actor, id, { transition: 'publish' });
  return id;
}
