import { createChangeBus } from '../platform/events/changes.js';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { Db } from '../platform/db/database.js';
import { projectRoot } from '../platform/config/config.js';
import { dayInPoland } from '../platform/i18n/calendar.js';
import { inTransaction, systemActor, type Trx } from '../platform/audit/actor.js';
import { hashPassword } from '../platform/auth/passwords.js';
import type { Role } from '../platform/auth/principal.js';
import { createUnit, setUnitArea } from '../modules/units/index.js';
import { claimSetting } from '../platform/db/settings.js';
import { insertAccount } from '../modules/accounts/index.js';
import {
  parseNumberRanges,
  districtId,
  insertAssignment,
  insertDistrict,
  insertOfficer,
  linkRegularOfficerAccount,
  type StreetRule,
} from '../modules/districts/index.js';
import { demoRegisterDistricts, demoRegisterUnits } from './register-data.js';
import { loadDemoMeasures } from './indicator-data.js';
import { loadDemoPartners } from './partners-data.js';
import { loadDemoMeetings } from './meetings-data.js';
import { demoDistrictPolygons } from './district-areas/district-areas.js';
import { evaluateDemoPlan } from './demo-evaluation.js';
import { importPlanDocument, parseDocument, decideVersion, insertVersion, updatePlanRow, type Plan } from '../modules/plans/index.js';

/** The password of every demo account (published in the README: demo data only). */
export const DEMO_PASSWORD = 'demo-haslo-2026';

/** Invented people, marked as demo in their names; officers are linked to their districts below. */
export const demoAccounts: { login: string; displayName: string; role: Role; unitId: string; district?: string }[] = [
  { login: 'admin', displayName: 'Administrator krajowy (demo)', role: 'admin', unitId: 'kgp' },
  { login: 'admin.lublin', displayName: 'Ewa Zielińska (demo)', role: 'admin', unitId: 'kwp-lublin' },
  { login: 'komendant.lubartow', displayName: 'insp. Marek Wysocki (demo)', role: 'commander', unitId: 'kpp-lubartow' },
  { login: 'kierownik.lubartow', displayName: 'kom. Joanna Sadowska (demo)', role: 'supervisor', unitId: 'kpp-lubartow' },
  {
    login: 'dzielnicowy.lubartow',
    displayName: 'sierż. Piotr Nowicki (demo)',
    role: 'officer',
    unitId: 'kpp-lubartow',
    district: 'kpp-lubartow/3',
  },
  { login: 'kierownik.leczna', displayName: 'asp. szt. Tomasz Lis (demo)', role: 'supervisor', unitId: 'kpp-leczna' },
  {
    login: 'dzielnicowy.leczna',
    displayName: 'st. sierż. Karolina Mazur (demo)',
    role: 'officer',
    unitId: 'kpp-leczna',
    district: 'kpp-leczna/3',
  },
  {
    login: 'dzielnicowy.krasnystaw',
    displayName: 'sierż. Adam Wróbel (demo)',
    role: 'officer',
    unitId: 'kpp-krasnystaw',
    district: 'kpp-krasnystaw/2',
  },
  { login: 'kierownik.sejny', displayName: 'asp. Monika Jankowska (demo)', role: 'supervisor', unitId: 'kpp-sejny' },
];

/** Real boundaries (../resources/boundaries) as the territory of each demo unit. */
const unitTerritories: Record<string, { file: string; property: string; value: string }> = {
  'kwp-lublin': { file: 'wojewodztwa-2025-prg.geojson', property: 'JPT_NAZWA_', value: 'lubelskie' },
  'kwp-bialystok': { file: 'wojewodztwa-2025-prg.geojson', property: 'JPT_NAZWA_', value: 'podlaskie' },
  'kpp-lubartow': { file: 'powiaty-min.geojson', property: 'nazwa', value: 'powiat lubartowski' },
  'kpp-leczna': { file: 'powiaty-min.geojson', property: 'nazwa', value: 'powiat łęczyński' },
  'kpp-krasnystaw': { file: 'powiaty-min.geojson', property: 'nazwa', value: 'powiat krasnostawski' },
  'kpp-sejny': { file: 'powiaty-min.geojson', property: 'nazwa', value: 'powiat sejneński' },
};

function territory(unitId: string): object | null {
  const source = unitTerritories[unitId];
  if (!source) return null;
  const collection = JSON.parse(readFileSync(path.join(projectRoot, 'resources', 'boundaries', source.file), 'utf8')) as {
    features: { properties: Record<string, unknown>; geometry: { type: string; coordinates: unknown } }[];
  };
  const feature = collection.features.find((f) => f.properties[source.property] === source.value);
  if (!feature) return null;
  return feature.geometry.type === 'MultiPolygon'
    ? feature.geometry
    : { type: 'MultiPolygon', coordinates: [feature.geometry.coordinates] };
}

function demoRules(district: (typeof demoRegisterDistricts)[number]): StreetRule[] {
  return district.rules.map((rule) => {
    const parsed = parseNumberRanges(rule.numbers ?? '');
    if (parsed.errors.length) throw new Error(`demo data: bad numbers "${rule.numbers}" in ${district.unitId}/${district.number}`);
    return { locality: rule.locality, street: rule.street, numbers: parsed.ranges };
  });
}

/** Units (parents first), districts, their invented officers and assignments. */
async function loadRegister(trx: Trx): Promise<void> {
  for (const unit of demoRegisterUnits) {
    await createUnit(trx, {
      id: unit.id,
      parentId: unit.parentId,
      kind: unit.kind,
      name: unit.name,
      street: unit.address?.street ?? null,
      postalCode: unit.address?.postalCode ?? null,
      locality: unit.address?.locality ?? null,
      phone: unit.phone,
      email: unit.email,
      website: unit.website,
      openingHours: unit.openingHours,
      location: unit.location,
    });
    const area = territory(unit.id);
    if (area) await setUnitArea(trx, unit.id, area);
  }
  // Approximate areas (Voronoi cells around the districts' villages; see district-areas/), so a
  // click on the map finds a district; the street rules stay the answer for typed addresses.
  const polygons = demoDistrictPolygons();
  for (const district of demoRegisterDistricts) {
    const id = districtId(district.unitId, district.number);
    await insertDistrict(trx, id, {
      unitId: district.unitId,
      number: district.number,
      name: district.name,
      phone: district.phone,
      email: district.email,
      rules: demoRules(district),
      polygon: polygons.get(id) ?? null,
    });
    if (!district.officer) continue;
    const officerId = await insertOfficer(trx, {
      unitId: district.unitId,
      rank: district.officer.rank,
      firstName: district.officer.firstName,
      lastName: district.officer.lastName,
      position: 'district_officer',
      accountId: null,
      demo: true,
    });
    await insertAssignment(trx, district.unitId, { districtId: id, officerId, kind: 'regular', startsOn: '2025-01-01', endsOn: null });
  }
}

/** The four real published plans (resources/seeds 000–003), imported as published plans of their districts. */
async function loadDemoPlans(db: Db): Promise<Plan[]> {
  const plans: Plan[] = [];
  const seeds = readdirSync(path.join(projectRoot, 'resources', 'seeds')).filter((file) => /^00[0-3]_.*\.txt$/.test(file));
  const actor = systemActor('demo-data');
  await loadDemoPartners(db, actor);
  const today = dayInPoland(new Date());
  for (const file of seeds.sort()) {
    const text = readFileSync(path.join(projectRoot, 'resources', 'seeds', file), 'utf8');
    const { plan } = await importPlanDocument(db, createChangeBus(), null, actor, parseDocument(text), { status: 'published' });
    await inTransaction(db, actor, async (trx) => {
      await insertVersion(trx, plan.id, {
        version: 1,
        periodFrom: plan.periodFrom,
        periodTo: plan.periodTo,
        content: plan.content,
        submittedBy: 'demo-data',
      });
      await decideVersion(trx, plan.id, 1, 'approved', [], 'demo-data');
      const now = new Date();
      const running = plan.periodFrom <= today && today <= plan.periodTo;
      await updatePlanRow(trx, plan.id, {
        publishedVersion: 1,
        submittedAt: now,
        approvedAt: now,
        publishedAt: now,
        status: running ? 'in_progress' : 'published',
      });
    });
    if (file.startsWith('002_')) await evaluateDemoPlan(db, plan);
    plans.push(plan);
  }
  return plans;
}

const MARKER = 'demo_data';

/**
 * Loads the demo data on the first start only: a marker in app_settings records that it was
 * loaded, so data deleted later does not come back. All or nothing, in one transaction.
 */
export async function loadDemoDataOnce(db: Db): Promise<boolean> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const loaded = await inTransaction(db, systemActor('demo-data'), async (trx) => {
    if (!(await claimSetting(trx, MARKER, { loadedAt: new Date().toISOString() }))) return false;
    const accountIds = new Map<string, string>();
    await loadRegister(trx);
    for (const account of demoAccounts) {
      const { district: _district, ...row } = account;
      accountIds.set(account.login, await insertAccount(trx, { ...row, email: null, passwordHash }));
    }
    // The officers' own accounts: the district officer of the linked district signs in with it.
    for (const account of demoAccounts.filter((a) => a.district))
      await linkRegularOfficerAccount(trx, account.district!, accountIds.get(account.login)!);
    return true;
  });
  if (loaded) {
    await loadDemoMeasures(db, await loadDemoPlans(db));
    await loadDemoMeetings(db, systemActor('demo-data'));
  }
  return loaded;
}
