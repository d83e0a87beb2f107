import { randomUUID } from 'node:crypto';
import sharp from 'sharp';
import { newFileKey, type FileStore } from '../../src/platform/files/store.js';
import { inTransaction, systemActor, type Trx } from '../../src/platform/audit/actor.js';
import { hashPassword } from '../../src/platform/auth/passwords.js';
import type { Principal, Role } from '../../src/platform/auth/principal.js';
import type { Db } from '../../src/platform/db/database.js';
import { insertAccount } from '../../src/modules/accounts/index.js';
import { warsawToday } from '../../src/platform/i18n/calendar.js';
import {
  districtId,
  type MultiPolygon,
  insertAssignment,
  insertDistrict,
  insertOfficer,
  type StreetRule,
  parseNumberRanges,
} from '../../src/modules/districts/index.js';
import { type DistrictRow } from '../../src/modules/districts/repository.js';
import { decideVersion, insertVersion, updatePlanRow } from '../../src/modules/plans/index.js';
import { createPlan, transitionPlan } from '../../src/modules/plans/manage-plans.js';
import type { PlanContent } from '../../src/modules/plans/model.js';
import { createChangeBus } from '../../src/platform/events/changes.js';
import { storeNewReport } from '../../src/modules/reports/repository.js';
import { defaultFloodSettings } from '../../src/modules/reports/rules/floods.js';
import { createUnit } from '../../src/modules/units/index.js';
import { hashToken, newToken } from '../../src/modules/subscriptions/tokens.js';
import { type CreateUnitInput } from '../../src/modules/units/create-unit.js';

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

/** A draft plan of a district for the coming month, started by the system (no cache shows drafts: nobody to tell). */
export async function makeDraftPlan(db: Db, district: string): Promise<string> {
  const from = new Date(`${warsawToday()}T12:00:00Z`);
  from.setUTCMonth(from.getUTCMonth() + 1);
  const to = new Date(from);
  to.setUTCMonth(to.getUTCMonth() + 3);
  const day = (d: Date) => d.toISOString().slice(0, 10);
  return (await createPlan(db, createChangeBus(), null, actor, { districtId: district, periodFrom: day(from), periodTo: day(to) })).id;
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
      event: null,
    },
    actor,
    null,
    flood,
    null,
  );
  return report!.id;
}

/** A small PNG attached to a report as its `position`th file: the file in `store`, the row beside the report's. */
export async function makeAttachment(db: Db, store: FileStore, reportId: number, position = 1): Promise<void> {
  const bytes = await sharp({ create: { width: 8, height: 6, channels: 3, background: { r: 90, g: 90, b: 200 } } })
    .png()
    .toBuffer();
  const key = newFileKey();
  await store.put(key, bytes, 'image/png');
  await db
    .insertInto('report_attachments')
    .values({ report_id: reportId, position, store_key: key, kind: 'png', content_type: 'image/png', size: bytes.length })
    .execute();
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
  await transitionPlan(db, createChangeBus(), officer, actor, id, { transition: 'submit' });
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

/** A meeting with residents today, in one district, from 17:00 to 19:00 (it may still be changed, and its outcome recorded). */
export async function makeMeeting(db: Db, districtId: string): Promise<string> {
  const unitId = districtId.slice(0, districtId.lastIndexOf('/'));
  const row = await inFactory(db, (trx) =>
    trx
      .insertInto('meetings')
      .values({
        unit_id: unitId,
        district_ids: [districtId],
        kind: 'meeting',
        on_day: warsawToday(),
        starts_at: '17:00',
        ends_at: '19:00',
        place: 'Świetlica, Testowo 1',
        topic: 'Bezpieczeństwo w rejonie',
      })
      .returning('id')
      .executeTakeFirstOrThrow(),
  );
  return row.id;
}

/** A partner of a unit's registry (a local government office), with no contact details. */
export async function makePartner(db: Db, unitId: string, name: string): Promise<string> {
  const row = await inFactory(db, (trx) =>
    trx
      .insertInto('partners')
      .values({
        unit_id: unitId,
        name,
        kind: 'local_government',
        contact_person: null,
        phone: null,
        email: null,
        address: null,
        note: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow(),
  );
  return row.id;
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
  await transitionPlan(db, createChangeBus(), reviewer, actor, id, { transition: 'approve' });
  await transitionPlan(db, createChangeBus(), reviewer, actor, id, { transition: 'publish' });
  return id;
}

/** A published plan (its goal has no indicator) evaluated by `reviewer`: its evaluation report exists. */
export async function makeEvaluatedPlan(db: Db, district: string, officer: Principal, reviewer: Principal): Promise<string> {
  const id = await makePublishedPlan(db, district, officer, reviewer);
  await transitionPlan(db, createChangeBus(), reviewer, actor, id, {
    transition: 'evaluate',
    evaluation: { decision: 'partly_achieved', justification: 'Spotkania odbyły się, ale bez udziału OPS.' },
  });
  return id;
}

// ---- The test world's factories (test/support/world.ts): richer versions of the ones above. ----

/** A unit with its contact details, as an administrator would create it. */
export async function makeUnitWith(trx: Trx, unit: CreateUnitInput & { id: string }): Promise<string> {
  await createUnit(trx, unit);
  return unit.id;
}

/** A square of `size` degrees with its south-west corner at (lat, lon), as a district's area. */
export function squareAt(lat: number, lon: number, size: number): MultiPolygon {
  const ring = [
    [lon, lat],
    [lon + size, lat],
    [lon + size, lat + size],
    [lon, lat + size],
    [lon, lat],
  ];
  return { type: 'MultiPolygon', coordinates: [[ring]] };
}

/** A district with its name, contacts, street rules (written as people write them) and polygon. */
export async function makeDistrictWith(
  trx: Trx,
  district: Omit<DistrictRow, 'rules'> & { rules: { locality: string; street: string | null; numbers: string | null }[] },
): Promise<string> {
  const id = districtId(district.unitId, district.number);
  const rules: StreetRule[] = district.rules.map((rule) => {
    const parsed = parseNumberRanges(rule.numbers ?? '');
    if (parsed.errors.length) throw new Error(`factory: bad numbers "${rule.numbers}" in ${id}`);
    return { locality: rule.locality, street: rule.street, numbers: parsed.ranges };
  });
  await insertDistrict(trx, id, { ...district, rules });
  return id;
}

/** An account with a display name and e-mail of its own (the factory password). */
export async function makePerson(
  trx: Trx,
  person: { login: string; displayName: string; role: Role; unitId: string; email: string | null },
): Promise<string> {
  passwordHash ??= hashPassword(FACTORY_PASSWORD);
  return insertAccount(trx, { ...person, passwordHash: await passwordHash });
}

/** A named district officer serving `districts` since `startsOn`, regularly or as a substitute. */
export async function makeNamedOfficer(
  trx: Trx,
  officer: { unitId: string; rank: string; firstName: string; lastName: string; accountId: string | null; startsOn: string },
  districts: { districtId: string; kind: 'regular' | 'substitute' }[],
): Promise<string> {
  const { startsOn, ...row } = officer;
  const officerId = await insertOfficer(trx, { ...row, position: 'district_officer' });
  for (const d of districts)
    await insertAssignment(trx, officer.unitId, { districtId: d.districtId, officerId, kind: d.kind, startsOn, endsOn: null });
  return officerId;
}

/**
 * A plan of a district in `status`: a draft as its officer starts it; submitted with its first
 * version; published (or in progress) with that version approved, as the workflow leaves it.
 */
export async function makePlanIn(
  db: Db,
  status: 'draft' | 'submitted' | 'published' | 'in_progress',
  plan: { districtId: string; periodFrom: string; periodTo: string; content: PlanContent; by: string },
): Promise<string> {
  // Made before any app runs (the world is a template): no app's caches to tell.
  const { id } = await createPlan(db, createChangeBus(), null, actor, plan);
  if (status === 'draft') return id;
  await inTransaction(db, actor, async (trx) => {
    const now = new Date();
    await insertVersion(trx, id, {
      version: 1,
      periodFrom: plan.periodFrom,
      periodTo: plan.periodTo,
      content: plan.content,
      submittedBy: plan.by,
    });
    if (status === 'submitted') return updatePlanRow(trx, id, { status, submittedAt: now });
    await decideVersion(trx, id, 1, 'approved', [], actor.label);
    await updatePlanRow(trx, id, { status, publishedVersion: 1, submittedAt: now, approvedAt: now, publishedAt: now });
  });
  return id;
}

/**
 * A resident following a district, waiting for confirmation unless `confirmed`; the raw tokens of
 * its links (the unsubscribe one random here: only its hash is looked up).
 */
export async function makeSubscription(
  db: Db,
  districtId: string,
  email: string,
  confirmed = false,
): Promise<{ id: string; confirmToken: string; unsubscribeToken: string }> {
  const [confirmToken, unsubscribeToken] = [newToken(), newToken()];
  const id = randomUUID();
  await inFactory(db, (trx) =>
    trx
      .insertInto('subscriptions')
      .values({
        id,
        district_id: districtId,
        unit_id: districtId.slice(0, districtId.lastIndexOf('/')),
        email,
        confirm_hash: confirmed ? null : hashToken(confirmToken),
        confirmed_at: confirmed ? new Date() : null,
        unsubscribe_hash: hashToken(unsubscribeToken),
      })
      .execute(),
  );
  return { id, confirmToken, unsubscribeToken };
}
