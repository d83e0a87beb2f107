import type { Db } from '../../src/platform/db/database.js';
import type { Role } from '../../src/platform/auth/principal.js';
import { dayInPoland } from '../../src/platform/i18n/calendar.js';
import type { PlanContent } from '../../src/modules/plans/model.js';
import {
  FACTORY_PASSWORD,
  inFactory,
  makeDistrictWith,
  makeNamedOfficer,
  makePerson,
  makePlanIn,
  makeUnitWith,
  squareAt,
} from './factories.js';

/**
 * The test world (świat testowy): a small register of its own that every API test starts from,
 * instead of the demo register (src/demo), so changing the demo breaks no test. Invented names:
 *
 *   Komenda Główna (kg, national administrator)
 *   ├─ KWP w Zalesiu (kwp-zalesie, voivodeship administrator)
 *   │  ├─ KPP w Borowie (kpp-borowo, unit A): commander, supervisor, districts a1, a2, a3
 *   │  │    a1: officer A1; a2: officer A2, with the officer of a3 as substitute
 *   │  └─ KPP w Grabowie (kpp-grabowo, unit B): supervisor, districts b1 (officer B1), b2
 *   └─ KWP w Pojezierzu (kwp-pojezierze)
 *      └─ KPP w Olszynach (kpp-olszyny, unit C): supervisor, district c1
 *
 * Ulica Lipowa in Borowo is split between a1 (1–39) and a2 (40 and up). Every district has an
 * officer, street rules, a square polygon and an e-mail; plans: a1 has a
 * running (published) plan, a2 a draft, b1 a submitted one. No reports: tests make their own.
 */

/** The one password of every account of the world. */
export const WORLD_PASSWORD = FACTORY_PASSWORD;

export interface WorldAccount {
  login: string;
  displayName: string;
  role: Role;
  unitId: string;
  email: string;
}

const unit = (id: string, kind: string, parentId: string | null, name: string, locality: string | null) => ({
  id,
  kind,
  parentId,
  name,
  locality,
  street: locality ? 'ul. Komendancka 1' : null,
  postalCode: locality ? '99-100' : null,
  phone: '+48 000 200 000',
  email: `${id}@policja.test`,
  openingHours: 'pon.–pt. 8:00–16:00',
});

const units = {
  top: unit('kg', 'KGP', null, 'Komenda Główna (świat testowy)', null),
  voivodeship: unit('kwp-zalesie', 'KWP', 'kg', 'Komenda Wojewódzka Policji w Zalesiu', 'Zalesie'),
  a: unit('kpp-borowo', 'KPP', 'kwp-zalesie', 'Komenda Powiatowa Policji w Borowie', 'Borowo'),
  b: unit('kpp-grabowo', 'KPP', 'kwp-zalesie', 'Komenda Powiatowa Policji w Grabowie', 'Grabowo'),
  otherVoivodeship: unit('kwp-pojezierze', 'KWP', 'kg', 'Komenda Wojewódzka Policji w Pojezierzu', 'Pojezierze'),
  c: unit('kpp-olszyny', 'KPP', 'kwp-pojezierze', 'Komenda Powiatowa Policji w Olszynach', 'Olszyny'),
};

interface WorldDistrict {
  id: string;
  unitId: string;
  number: number;
  name: string;
  phone: string;
  email: string;
  rules: { locality: string; street: string | null; numbers: string | null }[];
  /** South-west corner of the district's square polygon (SIZE degrees). */
  corner: { lat: number; lon: number };
  /** A point inside the polygon (the middle). */
  point: { lat: number; lon: number };
  /** A typed address the locator answers with this district alone. */
  address: string;
  officer: { rank: string; firstName: string; lastName: string };
}

const SIZE = 0.02;
const district = (
  unitId: string,
  number: number,
  name: string,
  rules: WorldDistrict['rules'],
  address: string,
  corner: { lat: number; lon: number },
  officer: WorldDistrict['officer'],
): WorldDistrict => ({
  id: `${unitId}/${number}`,
  unitId,
  number,
  name,
  phone: `+48 000 200 ${String(number).padStart(3, '0')}`,
  email: `rejon${number}@${unitId}.test`,
  rules,
  corner,
  point: { lat: corner.lat + SIZE / 2, lon: corner.lon + SIZE / 2 },
  address,
  officer,
});

const districts = {
  a1: district(
    'kpp-borowo',
    1,
    'Rejon 1 – Borowo Śródmieście',
    [
      { locality: 'Borowo', street: 'Lipowa', numbers: '1-39' },
      { locality: 'Borowo', street: 'Kwiatowa', numbers: null },
      // More whole streets, so that tests can send reports that are not "similar" (on one street).
      { locality: 'Borowo', street: 'Szkolna', numbers: null },
      { locality: 'Borowo', street: 'Ogrodowa', numbers: null },
      { locality: 'Borowo', street: 'Krótka', numbers: null },
      { locality: 'Borowo', street: 'Słoneczna', numbers: null },
    ],
    'Borowo, ul. Lipowa 12',
    { lat: 50.5, lon: 23.0 },
    { rank: 'sierż.', firstName: 'Anna', lastName: 'Kowalczyk' },
  ),
  a2: district(
    'kpp-borowo',
    2,
    'Rejon 2 – Borowo Północ',
    [
      { locality: 'Borowo', street: 'Lipowa', numbers: '40-' },
      { locality: 'Borowo', street: 'Polna', numbers: null },
    ],
    'Borowo, ul. Lipowa 45',
    { lat: 50.5, lon: 23.02 },
    { rank: 'mł. asp.', firstName: 'Bartosz', lastName: 'Nowak' },
  ),
  a3: district(
    'kpp-borowo',
    3,
    'Rejon 3 – Gmina Borowo',
    [
      { locality: 'Dąbrówka Borowska', street: null, numbers: null },
      { locality: 'Wola Borowska', street: null, numbers: null },
    ],
    'Wola Borowska 7',
    { lat: 50.5, lon: 23.04 },
    { rank: 'st. sierż.', firstName: 'Celina', lastName: 'Wiśniewska' },
  ),
  b1: district(
    'kpp-grabowo',
    1,
    'Rejon 1 – Grabowo',
    [
      { locality: 'Grabowo', street: 'Polna', numbers: null },
      { locality: 'Grabowo', street: 'Leśna', numbers: null },
    ],
    'Grabowo, ul. Leśna 3',
    { lat: 50.6, lon: 23.2 },
    { rank: 'asp.', firstName: 'Dariusz', lastName: 'Zając' },
  ),
  b2: district(
    'kpp-grabowo',
    2,
    'Rejon 2 – Gmina Grabowo',
    [{ locality: 'Zagrabie', street: null, numbers: null }],
    'Zagrabie 15',
    { lat: 50.6, lon: 23.22 },
    { rank: 'sierż.', firstName: 'Ewa', lastName: 'Krawczyk' },
  ),
  c1: district(
    'kpp-olszyny',
    1,
    'Rejon 1 – Olszyny',
    [{ locality: 'Olszyny', street: null, numbers: null }],
    'Olszyny, ul. Jeziorna 2',
    { lat: 53.9, lon: 22.9 },
    { rank: 'st. asp.', firstName: 'Filip', lastName: 'Mazur' },
  ),
};

const account = (login: string, displayName: string, role: Role, unitId: string): WorldAccount => ({
  login,
  displayName,
  role,
  unitId,
  email: `${login}@policja.test`,
});

const accounts = {
  nationalAdmin: account('admin.kraj', 'Administrator krajowy (świat testowy)', 'admin', units.top.id),
  voivodeshipAdmin: account('admin.zalesie', 'Halina Administratorska', 'admin', units.voivodeship.id),
  commanderA: account('komendant.borowo', 'insp. Igor Komendancki', 'commander', units.a.id),
  supervisorA: account('kierownik.borowo', 'kom. Jolanta Kierownicka', 'supervisor', units.a.id),
  officerA1: account('dzielnicowy.borowo1', 'sierż. Anna Kowalczyk', 'officer', units.a.id),
  officerA2: account('dzielnicowy.borowo2', 'mł. asp. Bartosz Nowak', 'officer', units.a.id),
  /** The officer of a3, today's substitute (zastępca) in a2. */
  substituteA: account('dzielnicowy.borowo3', 'st. sierż. Celina Wiśniewska', 'officer', units.a.id),
  supervisorB: account('kierownik.grabowo', 'asp. szt. Krzysztof Grabski', 'supervisor', units.b.id),
  officerB1: account('dzielnicowy.grabowo1', 'asp. Dariusz Zając', 'officer', units.b.id),
  supervisorC: account('kierownik.olszyny', 'asp. Lena Olszewska', 'supervisor', units.c.id),
};

/** Which account is the officer of a district, and which districts a substitute also serves. */
const officerAccounts: Partial<Record<keyof typeof districts, WorldAccount>> = {
  a1: accounts.officerA1,
  a2: accounts.officerA2,
  a3: accounts.substituteA,
  b1: accounts.officerB1,
};

/** Plan periods around today: the running plan started last month; drafts come later. */
function monthsFromNow(months: number, lastDay = false): string {
  const [year, month] = dayInPoland(new Date()).split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(year, month - 1 + months + (lastDay ? 1 : 0), lastDay ? 0 : 1));
  return d.toISOString().slice(0, 10);
}

/** A complete plan (every section filled) that may be submitted as it is. */
export function worldPlanContent(text: string, from: string, to: string): PlanContent {
  return {
    threat: { category: 'fraud', places: 'osiedle przy ul. Lipowej', description: text, sources: ['residents', 'patrols'] },
    goal: {
      description: 'Mniej oszustw wobec seniorów o 20 procent.',
      indicator: null,
      baseline: { period: 'poprzednie półrocze', value: 10 },
      target: { direction: 'decrease', percent: 20 },
    },
    actions: [{ description: 'Spotkania z seniorami w świetlicy.', from, to, who: 'dzielnicowy', status: 'planned' }],
    partners: [{ name: 'Ośrodek Pomocy Społecznej w Borowie', tasks: 'informowanie podopiecznych' }],
    communication: ['strona internetowa KPP'],
    signature: 'sierż. Anna Kowalczyk',
  };
}

const plan = (
  status: 'draft' | 'submitted' | 'in_progress',
  districtId: string,
  by: WorldAccount,
  from: number,
  to: number,
  text: string,
) => ({
  status,
  districtId,
  by,
  periodFrom: monthsFromNow(from),
  periodTo: monthsFromNow(to, true),
  /** The threat's description: a phrase to look for on pages and in search. */
  text,
});

const plans = {
  /** Published and running today in a1: the plan residents of a1 see. */
  running: plan('in_progress', districts.a1.id, accounts.officerA1, -1, 4, 'Oszustwa „na wnuczka” w Borowie.'),
  /** A draft of a2's officer for the coming half-year. */
  draft: plan('draft', districts.a2.id, accounts.officerA2, 1, 6, 'Kradzieże rowerów spod bloków.'),
  /** Waiting for the supervisor of unit B. */
  submitted: plan('submitted', districts.b1.id, accounts.officerB1, 1, 6, 'Dewastacja przystanków w Grabowie.'),
};

export const world = {
  password: WORLD_PASSWORD,
  units,
  districts,
  accounts,
  plans,
  /** The supervisor (kierownik) of each county unit. */
  supervisorOf: { a: accounts.supervisorA, b: accounts.supervisorB, c: accounts.supervisorC },
  /** The district officer who signs in for each district that has an account. */
  officerOf: officerAccounts,
};

/**
 * The streets a district has whole (a rule with no house numbers), each as a typed address
 * without its number ("Borowo, ul. Szkolna"): reports on different ones are never "similar".
 */
export function wholeStreetsOf(district: WorldDistrict): string[] {
  return district.rules.flatMap((rule) => (rule.street && rule.numbers === null ? [`${rule.locality}, ul. ${rule.street}`] : []));
}

/** Builds the world into a migrated database (the run's template has it already: see databases.ts). */
export async function buildWorld(db: Db): Promise<void> {
  await inFactory(db, async (trx) => {
    for (const u of Object.values(units)) await makeUnitWith(trx, u);
    for (const d of Object.values(districts)) {
      const { id: _id, corner, point: _point, address: _address, officer: _officer, ...row } = d;
      await makeDistrictWith(trx, { ...row, polygon: squareAt(corner.lat, corner.lon, SIZE) });
    }
    const ids = new Map<string, string>();
    for (const a of Object.values(accounts)) ids.set(a.login, await makePerson(trx, a));
    for (const [key, d] of Object.entries(districts)) {
      const login = officerAccounts[key as keyof typeof districts]?.login;
      const served: { districtId: string; kind: 'regular' | 'substitute' }[] = [{ districtId: d.id, kind: 'regular' }];
      if (key === 'a3') served.push({ districtId: districts.a2.id, kind: 'substitute' });
      await makeNamedOfficer(
        trx,
        { unitId: d.unitId, ...d.officer, accountId: login ? ids.get(login)! : null, startsOn: '2025-01-01' },
        served,
      );
    }
  });
  for (const plan of Object.values(plans)) {
    const { status, text, by, ...period } = plan;
    await makePlanIn(db, status, { ...period, content: worldPlanContent(text, period.periodFrom, period.periodTo), by: by.login });
  }
}
