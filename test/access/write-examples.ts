import type { Action } from '../../src/platform/auth/policy.js';
import { warsawToday } from '../../src/platform/i18n/calendar.js';
import { toEpsg2180 } from '../../src/platform/geo/epsg2180.js';
import { FACTORY_PASSWORD, completePlanContent } from '../support/factories.js';
import { multipartBody } from '../support/multipart.js';
import type { Fresh, Person, Prepared } from './access-world.js';

/**
 * A valid request for every write route of the app, acting on a thing made just before it (so no
 * request depends on another's leftovers). route-access.test.ts sends each one as every person the
 * policy allows and checks that it works; a write route without an example fails that test.
 */

export interface WriteExample {
  /** What the write does, when the route's `config.access` lets in more people than may do it (one route, several steps). */
  action?: Action | 'public';
  prepare(fresh: Fresh, who: Person): Prepared | Promise<Prepared>;
  /** The table whose change proves the write was made; null for a write that only reads (a preview). Default audit_log. */
  changes?: string | null;
  /**
   * How a person the route lets in is refused a thing that is not theirs, when the thing is named in
   * the body: 403/404 by default; imports refuse line by line (422 listing the lines, or a batch's
   * 200 with each file's refusal), storing nothing.
   */
  refusedWith?: number[];
}

const today = () => warsawToday();
/** The period makeDraftPlan gives a plan: from the next month, three months long. */
function comingPeriod(): { periodFrom: string; periodTo: string } {
  const from = new Date(`${warsawToday()}T12:00:00Z`);
  from.setUTCMonth(from.getUTCMonth() + 1);
  const to = new Date(from);
  to.setUTCMonth(to.getUTCMonth() + 3);
  return { periodFrom: from.toISOString().slice(0, 10), periodTo: to.toISOString().slice(0, 10) };
}
const districtParams = (id: string) => ({ unit: id.split('/')[0]!, number: id.split('/')[1]! });
const planText = `Informacja dotycząca realizacji planu działania priorytetowego dla rejonu służbowego nr 7
na okres od 01.01.2028 roku do 30.06.2028 roku
1. Charakterystyka zdiagnozowanego zagrożenia
Kradzieże z pól.
2. Zakładany cel do osiągnięcia
Mniej kradzieży.
3. Proponowane działania
· Patrole w okresie żniw.
5. Sposób przekazania informacji
· zebrania wiejskie`;
const registerPage = (number: number) => `Dzielnicowi – Komisariat w Testowie

REJON SŁUŻBOWY NR ${number}
st. sierż. Tomasz Testowy
tel. kom. 723 700 071
e-mail: dzielnicowy${number}@example.policja.gov.pl
Rejon obejmuje ulice: Akacjową, Brzozową (numery parzyste).
`;
const areaText = 'Rejon służbowy nr 3 obejmuje ulice: Lubelską (parzyste od numeru 10 do numeru 120), Polną.';
const town = (n: number) => `Importowo ${n}`;
const polygons = (district: string) => {
  const [unit, number] = district.split('/');
  const ring = [
    [22.88, 51.3],
    [22.9, 51.3],
    [22.9, 51.31],
    [22.88, 51.31],
    [22.88, 51.3],
  ].map((p) => toEpsg2180(p as [number, number]));
  return JSON.stringify({
    type: 'FeatureCollection',
    crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::2180' } },
    features: [{ type: 'Feature', properties: { unit, district: Number(number) }, geometry: { type: 'Polygon', coordinates: [ring] } }],
  });
};
const file = async (name: string, text: string, fields: Record<string, string> = {}) => {
  const body = await multipartBody({ ...fields, file: { filename: name, data: new TextEncoder().encode(text), type: 'text/plain' } });
  return { body: body.payload, type: body.contentType };
};
const newPassword = 'Nowe-Haslo-Testowe-2026!';
const report = { category: 'vandalism', address: 'Testowo 1', description: 'Zniszczona wiata przystanku.' };
// force: send it even though similar reports are open nearby (the form asks first).
const reportForm = { category: 'vandalism', address: 'Testowo 1', description: 'Zniszczona wiata przystanku.', force: '1' };
const open311 = { service_code: 'vandalism', address_string: 'Testowo 1', description: 'Zniszczona wiata przystanku.' };
const unitForm = (fresh: Fresh) => ({ id: `kp-nowy-${fresh.number()}`, kind: 'KP', parentId: 'kpp-a', name: 'Komisariat Nowy' });
const officerFields = { unitId: 'kpp-a', rank: 'asp.', firstName: 'Anna', lastName: 'Nowa', position: 'district_officer' };
/** Category names are unique: each request gets its own. */
const categoryName = (fresh: Fresh) => {
  const n = fresh.number();
  return { pl: `Kategoria testowa ${n}`, en: `Test category ${n}` };
};

export const writeExamples: Record<string, WriteExample[]> = {
  // Units (jednostki)
  'POST /api/v1/units': [{ prepare: (fresh) => ({ json: unitForm(fresh) }) }],
  'PATCH /api/v1/units/:id': [
    { prepare: async (fresh) => ({ params: { id: await fresh.unit() }, json: { name: 'Komisariat Zmieniony' } }) },
  ],
  'DELETE /api/v1/units/:id': [{ prepare: async (fresh) => ({ params: { id: await fresh.unit() } }) }],
  'POST /admin/units/new': [{ prepare: (fresh) => ({ form: unitForm(fresh) }) }],
  'POST /admin/units/:id': [{ prepare: async (fresh) => ({ params: { id: await fresh.unit() }, form: { name: 'Komisariat Zmieniony' } }) }],
  'POST /admin/units/:id/retire': [{ prepare: async (fresh) => ({ params: { id: await fresh.unit() }, form: {} }) }],

  // Sessions and accounts
  'POST /api/v1/session': [
    {
      prepare: async (fresh, who) => ({
        client: await fresh.anonymous(),
        json: { login: who.login ?? 'officer-a2', password: FACTORY_PASSWORD },
      }),
    },
  ],
  'DELETE /api/v1/session': [{ prepare: async (fresh, who) => ({ client: await fresh.signedIn(who) }) }],
  'POST /api/v1/session/password': [
    {
      prepare: async (fresh, who) => ({ client: (await fresh.twin(who)).client, json: { currentPassword: FACTORY_PASSWORD, newPassword } }),
    },
  ],
  'POST /login': [
    {
      prepare: async (fresh, who) => ({
        client: await fresh.anonymous(),
        form: { login: who.login ?? 'officer-a2', password: FACTORY_PASSWORD },
      }),
    },
  ],
  'POST /logout': [
    { action: 'staff.area', prepare: async (fresh, who) => ({ client: await fresh.signedIn(who), form: {} }) },
    // Signing out without a session is harmless and changes nothing.
    { action: 'public', changes: null, prepare: async (fresh) => ({ client: await fresh.anonymous(), form: {} }) },
  ],
  'POST /account/password': [
    {
      prepare: async (fresh, who) => ({
        client: (await fresh.twin(who)).client,
        form: { currentPassword: FACTORY_PASSWORD, newPassword, confirmPassword: newPassword },
      }),
    },
  ],
  'POST /api/v1/accounts': [
    {
      prepare: (fresh) => ({
        json: { login: `nowe-konto-${fresh.number()}`, displayName: 'Nowe Konto', role: 'officer', unitId: 'kpp-a', password: newPassword },
      }),
    },
  ],
  'PATCH /api/v1/accounts/:id': [
    { prepare: async (fresh) => ({ params: { id: await fresh.account() }, json: { displayName: 'Zmienione' } }) },
  ],
  'POST /admin/accounts': [
    {
      prepare: (fresh) => ({
        form: { login: `nowe-konto-${fresh.number()}`, displayName: 'Nowe Konto', role: 'officer', unitId: 'kpp-a', password: newPassword },
      }),
    },
  ],
  'POST /admin/accounts/:id': [
    {
      prepare: async (fresh) => ({
        params: { id: await fresh.account() },
        form: { displayName: 'Zmienione', role: 'officer', unitId: 'kpp-a', active: 'on' },
      }),
    },
  ],

  // Districts (rejony), officers and assignments
  'POST /api/v1/districts': [{ prepare: (fresh) => ({ json: { unitId: 'kpp-a', number: fresh.number(), name: 'Rejon Nowy' } }) }],
  'PATCH /api/v1/districts/:unit/:number': [
    { prepare: async (fresh) => ({ params: districtParams(await fresh.bareDistrict()), json: { name: 'Rejon Zmieniony' } }) },
  ],
  'DELETE /api/v1/districts/:unit/:number': [{ prepare: async (fresh) => ({ params: districtParams(await fresh.bareDistrict()) }) }],
  'POST /api/v1/districts/:unit/:number/restore': [
    { prepare: async (fresh) => ({ params: districtParams(await fresh.retiredDistrict()) }) },
  ],
  'POST /api/v1/districts/:unit/:number/assignments': [
    {
      prepare: async (fresh) => ({
        params: districtParams(await fresh.bareDistrict()),
        json: { officerId: await fresh.officer(), kind: 'regular', startsOn: today() },
      }),
    },
  ],
  'PATCH /api/v1/assignments/:id': [
    { prepare: async (fresh) => ({ params: { id: await fresh.assignment() }, json: { endsOn: today() } }) },
  ],
  'POST /api/v1/officers': [{ prepare: () => ({ json: officerFields }) }],
  'PATCH /api/v1/officers/:id': [{ prepare: async (fresh) => ({ params: { id: await fresh.officer() }, json: { rank: 'st. asp.' } }) }],
  'DELETE /api/v1/officers/:id': [{ prepare: async (fresh) => ({ params: { id: await fresh.officer() } }) }],
  'POST /admin/districts/new': [
    {
      prepare: (fresh) => ({ form: { unitId: 'kpp-a', number: String(fresh.number()), name: 'Rejon Nowy', rules: '', polygon: '' } }),
    },
  ],
  'POST /admin/districts/:unit/:number': [
    {
      prepare: async (fresh) => ({
        params: districtParams(await fresh.bareDistrict()),
        form: { name: 'Rejon Zmieniony', rules: '', polygon: '' },
      }),
    },
  ],
  'POST /admin/districts/:unit/:number/retire': [
    { prepare: async (fresh) => ({ params: districtParams(await fresh.bareDistrict()), form: {} }) },
  ],
  'POST /admin/districts/:unit/:number/restore': [
    { prepare: async (fresh) => ({ params: districtParams(await fresh.retiredDistrict()), form: {} }) },
  ],
  'POST /admin/districts/:unit/:number/assignments': [
    {
      prepare: async (fresh) => ({
        params: districtParams(await fresh.bareDistrict()),
        form: { officerId: await fresh.officer(), kind: 'regular', startsOn: today() },
      }),
    },
  ],
  'POST /admin/assignments/:id/end': [
    { prepare: async (fresh) => ({ params: { id: await fresh.assignment() }, form: { endsOn: today() } }) },
  ],
  'POST /admin/officers/new': [{ prepare: () => ({ form: officerFields }) }],
  'POST /admin/officers/:id': [
    { prepare: async (fresh) => ({ params: { id: await fresh.officer() }, form: { ...officerFields, rank: 'st. asp.' } }) },
  ],
  'POST /admin/officers/:id/retire': [{ prepare: async (fresh) => ({ params: { id: await fresh.officer() }, form: {} }) }],

  // The register's imports
  'POST /api/v1/districts/parse-register': [
    {
      changes: null,
      prepare: (fresh) => ({
        query: 'unitId=kpp-a&locality=Testowo',
        raw: { body: registerPage(fresh.number()), type: 'text/plain' },
      }),
    },
  ],
  'POST /api/v1/districts/import-register': [
    {
      prepare: (fresh) => {
        const n = fresh.number();
        return { query: `unitId=kpp-a&locality=${encodeURIComponent(town(n))}`, raw: { body: registerPage(n), type: 'text/plain' } };
      },
    },
  ],
  'POST /api/v1/districts/parse-area': [
    { changes: null, prepare: () => ({ query: 'locality=Testowo', raw: { body: areaText, type: 'text/plain' } }) },
  ],
  'POST /api/v1/districts/import': [
    {
      refusedWith: [422],
      prepare: (fresh) => {
        const n = fresh.number();
        return { raw: { body: `unit,district,locality,street,numbers\nkpp-a,${n},${town(n)},Lipowa,\n`, type: 'text/csv' } };
      },
    },
  ],
  'POST /api/v1/districts/polygons': [
    {
      refusedWith: [422],
      prepare: async (fresh) => ({ raw: { body: polygons(await fresh.bareDistrict()), type: 'application/geo+json' } }),
    },
  ],
  'POST /admin/import/register': [
    {
      prepare: (fresh) => {
        const n = fresh.number();
        return { form: { unit: 'kpp-a', locality: town(n), text: registerPage(n), intent: 'save' } };
      },
    },
  ],
  'POST /admin/import/rules': [
    {
      refusedWith: [422],
      prepare: async (fresh) => {
        const n = fresh.number();
        return { raw: await file('rejony.csv', `unit,district,locality,street,numbers\nkpp-a,${n},${town(n)},Lipowa,\n`) };
      },
    },
  ],
  'POST /admin/import/polygons': [
    { refusedWith: [422], prepare: async (fresh) => ({ raw: await file('rejony.geojson', polygons(await fresh.bareDistrict())) }) },
  ],

  // Plans (plany działania priorytetowego)
  'POST /api/v1/plans/parse': [{ changes: null, prepare: () => ({ raw: { body: planText, type: 'text/plain' } }) }],
  'POST /api/v1/plans/import-batch': [
    {
      refusedWith: [200],
      prepare: async (fresh) => ({
        query: `districtId=${encodeURIComponent(await fresh.district())}`,
        raw: await file('plan.txt', planText),
      }),
    },
  ],
  'POST /api/v1/plans/import': [
    {
      prepare: async (fresh) => ({
        query: `districtId=${encodeURIComponent(await fresh.district())}`,
        raw: { body: planText, type: 'text/plain' },
      }),
    },
  ],
  'POST /api/v1/plans': [{ prepare: async (fresh) => ({ json: { districtId: await fresh.district(), ...comingPeriod() } }) }],
  'PATCH /api/v1/plans/:id': [
    {
      prepare: async (fresh) => {
        const { periodFrom, periodTo } = comingPeriod();
        return { params: { id: await fresh.plan() }, json: { content: completePlanContent(periodFrom, periodTo) } };
      },
    },
  ],
  'DELETE /api/v1/plans/:id': [{ prepare: async (fresh) => ({ params: { id: await fresh.plan() } }) }],
  'POST /api/v1/plans/:id/transitions': [
    { action: 'plan.edit', prepare: async (fresh) => ({ params: { id: await fresh.completePlan() }, json: { transition: 'submit' } }) },
    { action: 'plan.review', prepare: async (fresh) => ({ params: { id: await fresh.submittedPlan() }, json: { transition: 'approve' } }) },
  ],
  'POST /admin/plans/new': [{ prepare: async (fresh) => ({ form: { districtId: await fresh.district(), ...comingPeriod() } }) }],
  'POST /admin/plans/import': [
    { prepare: async (fresh) => ({ form: { text: planText, districtId: await fresh.district(), intent: 'create' } }) },
  ],
  // The action log (dziennik działań): entries are recorded on a published plan, changed by their author.
  'POST /api/v1/plans/:id/action-log': [
    {
      prepare: async (fresh) => ({
        params: { id: await fresh.publishedPlan() },
        json: { kind: 'patrol', actionIndex: 0, place: 'Park Miejski', note: 'Spokojnie.' },
      }),
      changes: 'plan_action_log',
    },
  ],
  'PUT /api/v1/plans/:id/action-log/:entryId': [
    {
      prepare: async (fresh, who) => {
        const id = await fresh.publishedPlan();
        return { params: { id, entryId: await fresh.logEntry(id, who) }, json: { kind: 'talk', day: today(), note: 'Poprawione.' } };
      },
    },
  ],
  'DELETE /api/v1/plans/:id/action-log/:entryId': [
    {
      prepare: async (fresh, who) => {
        const id = await fresh.publishedPlan();
        return { params: { id, entryId: await fresh.logEntry(id, who) } };
      },
    },
  ],
  'POST /admin/plans/:id/dziennik': [
    {
      prepare: async (fresh) => ({
        params: { id: await fresh.publishedPlan() },
        form: { actionIndex: '0', kind: 'patrol', place: 'Park' },
      }),
      changes: 'plan_action_log',
    },
  ],
  'POST /admin/plans/:id/dziennik/:entryId': [
    {
      prepare: async (fresh, who) => {
        const id = await fresh.publishedPlan();
        return { params: { id, entryId: await fresh.logEntry(id, who) }, form: { kind: 'talk', day: today(), note: 'Poprawione.' } };
      },
    },
  ],
  'POST /admin/plans/:id/dziennik/:entryId/withdraw': [
    {
      prepare: async (fresh, who) => {
        const id = await fresh.publishedPlan();
        return { params: { id, entryId: await fresh.logEntry(id, who) }, form: {} };
      },
    },
  ],
  'POST /admin/plans/:id': [
    {
      action: 'plan.edit',
      prepare: async (fresh) => ({
        params: { id: await fresh.plan() },
        form: { ...comingPeriod(), 'threat.description': 'Kradzieże z pól.', intent: 'save' },
      }),
    },
  ],
  // The drafting panel's pre-fill (plans/drafting): a draft's threat section and baseline from its district's reports.
  'POST /admin/plans/:id/evidence/threat': [
    { prepare: async (fresh) => ({ params: { id: await fresh.plan() }, form: { category: 'vandalism' } }) },
  ],
  'POST /admin/plans/:id/evidence/baseline': [
    { prepare: async (fresh) => ({ params: { id: await fresh.plan() }, form: { baselineCategory: 'vandalism', span: 'half' } }) },
  ],
  'POST /admin/plans/:id/evidence/area': [
    { prepare: async (fresh) => ({ params: { id: await fresh.planWithPlace() }, form: { hotspot: '0' } }) },
  ],
  'POST /admin/plans/:id/review': [
    { action: 'plan.review', prepare: async (fresh) => ({ params: { id: await fresh.submittedPlan() }, form: { intent: 'approve' } }) },
  ],
  'POST /admin/plans/:id/transition': [
    { action: 'plan.edit', prepare: async (fresh) => ({ params: { id: await fresh.completePlan() }, form: { transition: 'submit' } }) },
    { action: 'plan.review', prepare: async (fresh) => ({ params: { id: await fresh.submittedPlan() }, form: { transition: 'approve' } }) },
  ],
  'POST /admin/plans/:id/delete': [
    { action: 'plan.delete_draft', prepare: async (fresh) => ({ params: { id: await fresh.plan() }, form: {} }) },
  ],

  // Threat reports (zgłoszenia)
  'POST /api/v1/report-categories': [{ prepare: (fresh) => ({ json: { code: `nowa-${fresh.number()}`, name: categoryName(fresh) } }) }],
  'PATCH /api/v1/report-categories/:code': [
    {
      prepare: async (fresh) => ({
        params: { code: await fresh.category() },
        json: { name: categoryName(fresh), active: true, descriptionRequired: false, road: false },
      }),
    },
  ],
  'POST /admin/report-categories': [
    { prepare: (fresh) => ({ form: { code: `nowa-${fresh.number()}`, namePl: categoryName(fresh).pl, nameEn: categoryName(fresh).en } }) },
  ],
  'POST /admin/report-categories/:code': [
    {
      prepare: async (fresh) => ({
        params: { code: await fresh.category() },
        form: { namePl: categoryName(fresh).pl, nameEn: categoryName(fresh).en, active: 'on' },
      }),
    },
  ],
  'POST /api/v1/reports': [{ prepare: async (fresh) => ({ client: await fresh.anonymous(), json: report }) }],
  'POST /zglos': [{ prepare: async (fresh) => ({ client: await fresh.anonymous(), form: reportForm }) }],
  'POST /open311/v2/requests.json': [{ prepare: async (fresh) => ({ client: await fresh.anonymous(), json: open311 }) }],
  'POST /open311/v2/requests.xml': [{ prepare: async (fresh) => ({ client: await fresh.anonymous(), json: open311 }) }],
  'POST /rejony/:unit/:number/obserwuj': [
    {
      changes: 'subscriptions',
      prepare: async (fresh) => ({
        client: await fresh.anonymous(),
        params: districtParams(await fresh.bareDistrict()),
        form: { email: `mieszkaniec.${fresh.number()}@example.pl` },
      }),
    },
  ],
  'POST /obserwuj/potwierdz/:token': [
    {
      prepare: async (fresh) => ({
        client: await fresh.anonymous(),
        params: { token: (await fresh.subscription()).confirmToken },
        form: {},
      }),
    },
  ],
  'POST /obserwuj/wypisz/:token': [
    {
      changes: 'subscriptions',
      prepare: async (fresh) => ({
        client: await fresh.anonymous(),
        params: { token: (await fresh.subscription()).unsubscribeToken },
        form: { 'List-Unsubscribe': 'One-Click' },
      }),
    },
  ],
  'POST /api/v1/reports/:id/confirmations': [
    {
      changes: 'report_confirmations',
      prepare: async (fresh) => ({ client: await fresh.anonymous(), params: { id: String(await fresh.report()) } }),
    },
  ],
  'POST /zgloszenia/:id/potwierdz': [
    {
      changes: 'report_confirmations',
      prepare: async (fresh) => ({ client: await fresh.anonymous(), params: { id: String(await fresh.report()) }, form: {} }),
    },
  ],
  'POST /api/v1/reports/:id/status': [
    { prepare: async (fresh) => ({ params: { id: String(await fresh.report()) }, json: { status: 'verifying' } }) },
  ],
  'POST /admin/reports/:id/status': [
    { prepare: async (fresh) => ({ params: { id: String(await fresh.report()) }, form: { status: 'verifying' } }) },
  ],
  'POST /api/v1/reports/status': [{ prepare: async (fresh) => ({ json: { ids: [await fresh.report()], status: 'verifying' } }) }],
  'POST /admin/reports/bulk': [{ prepare: async (fresh) => ({ form: { ids: String(await fresh.report()), status: 'verifying' } }) }],
  'POST /api/v1/reports/:id/review': [
    { prepare: async (fresh) => ({ params: { id: String(await fresh.heldReport()) }, json: { action: 'release' } }) },
  ],
  'POST /admin/reports/:id/review': [
    { prepare: async (fresh) => ({ params: { id: String(await fresh.heldReport()) }, form: { review: 'release' } }) },
  ],
  'POST /api/v1/reports/review': [{ prepare: async (fresh) => ({ json: { ids: [await fresh.heldReport()], action: 'release' } }) }],
  'POST /admin/reports/review': [{ prepare: async (fresh) => ({ form: { ids: String(await fresh.heldReport()), review: 'release' } }) }],
  'POST /api/v1/reports/:id/assignment': [
    { prepare: async (fresh) => ({ params: { id: String(await fresh.report()) }, json: { districtId: await fresh.district() } }) },
  ],
  'POST /admin/reports/:id/assign': [
    { prepare: async (fresh) => ({ params: { id: String(await fresh.report()) }, form: { districtId: await fresh.district() } }) },
  ],

  // Meetings and debates with residents
  'POST /api/v1/meetings': [
    {
      prepare: async (fresh) => ({
        json: {
          kind: 'debate',
          day: today(),
          startsAt: '17:00',
          endsAt: '19:00',
          place: 'Świetlica, Testowo 1',
          topic: 'Bezpieczeństwo na drogach',
          districtIds: [await fresh.district()],
        },
      }),
    },
  ],
  'PATCH /api/v1/meetings/:id': [
    { prepare: async (fresh) => ({ params: { id: await fresh.meeting() }, json: { place: 'Szkoła, Testowo 2', endsAt: '20:00' } }) },
  ],
  'POST /api/v1/meetings/:id/cancel': [
    { prepare: async (fresh) => ({ params: { id: await fresh.meeting() }, json: { reason: 'Sala zajęta.' } }) },
  ],
  'POST /api/v1/meetings/:id/outcome': [
    { prepare: async (fresh) => ({ params: { id: await fresh.meeting() }, json: { participants: 21, topicsRaised: 'Parkowanie.' } }) },
  ],
  // The staff pages of meetings: the same use cases through forms.
  'POST /admin/meetings': [
    {
      prepare: async (fresh) => ({
        form: {
          kind: 'meeting',
          day: today(),
          startsAt: '17:00',
          endsAt: '18:30',
          place: 'Świetlica, Testowo 1',
          topic: 'Parkowanie pod szkołą',
          districtIds: await fresh.district(),
        },
      }),
      changes: 'meetings',
    },
  ],
  'POST /admin/meetings/:id': [
    {
      prepare: async (fresh) => ({
        params: { id: await fresh.meeting() },
        form: {
          kind: 'debate',
          day: today(),
          startsAt: '17:00',
          endsAt: '20:00',
          place: 'Szkoła, Testowo 2',
          topic: 'Bezpieczeństwo w rejonie',
          districtIds: await fresh.district(),
        },
      }),
    },
  ],
  'POST /admin/meetings/:id/cancel': [
    { prepare: async (fresh) => ({ params: { id: await fresh.meeting() }, form: { reason: 'Sala zajęta.' } }) },
  ],
  'POST /admin/meetings/:id/outcome': [
    {
      prepare: async (fresh) => ({ params: { id: await fresh.meeting() }, form: { participants: '21', topicsRaised: 'Parkowanie.' } }),
    },
  ],

  // Indicator data (counts imported from CSV)
  'POST /api/v1/units/:id/indicator-data': [
    {
      changes: 'indicator_counts',
      prepare: (fresh) => ({
        raw: { body: `date,category,district,count\n${today()},kategoria ${fresh.number()},1,2\n`, type: 'text/csv' },
      }),
    },
  ],
  'POST /admin/units/:id/indicators': [
    {
      changes: 'indicator_counts',
      prepare: async (fresh) => ({
        raw: await file('dane.csv', `data;kategoria;rejon;liczba\n${today()};kategoria ${fresh.number()};1;3\n`),
      }),
    },
  ],

  // The partner registry (podmioty współpracujące): each request its own name
  'POST /api/v1/units/:id/partners': [
    { prepare: (fresh) => ({ params: { id: 'kpp-a' }, json: { name: `Fundacja Testowa ${fresh.number()}`, kind: 'ngo' } }) },
  ],
  'PATCH /api/v1/partners/:id': [
    { prepare: async (fresh) => ({ params: { id: await fresh.partner() }, json: { phone: '81 855 20 12', archived: true } }) },
  ],
  'POST /admin/partners/new': [
    { prepare: (fresh) => ({ form: { unitId: 'kpp-a', name: `Stowarzyszenie Testowe ${fresh.number()}`, kind: 'ngo' } }) },
  ],
  'POST /admin/partners/:id': [
    {
      prepare: async (fresh) => ({
        params: { id: await fresh.partner() },
        form: { name: `Klub Seniora ${fresh.number()}`, kind: 'culture' },
      }),
    },
  ],
  'POST /admin/partners/:id/archive': [
    { prepare: async (fresh) => ({ params: { id: await fresh.partner() }, form: { archived: 'true' } }) },
  ],

  // Settings
  // A national value by a national administrator; a voivodeship's tightening by its administrators (and national ones).
  'PUT /api/v1/admin/settings/:id': [
    {
      action: 'settings.national',
      prepare: (fresh) => ({ params: { id: 'reports.digestMinutes' }, json: { value: 30 + (fresh.number() % 600) } }),
    },
    {
      action: 'settings.voivodeship',
      prepare: (fresh) => ({ params: { id: 'reports.takeUpDays' }, json: { value: 1 + (fresh.number() % 2), unitId: 'kwp' } }),
    },
  ],
  'DELETE /api/v1/admin/settings/:id': [
    {
      action: 'settings.voivodeship',
      prepare: async (fresh, who) => {
        const client = await fresh.signedIn(who);
        await client.send('PUT', '/api/v1/admin/settings/reports.verifyDays', { value: 1 + (fresh.number() % 4), unitId: 'kwp' });
        return { params: { id: 'reports.verifyDays' }, query: 'unitId=kwp' };
      },
    },
  ],
  'POST /admin/settings': [
    { action: 'settings.national', prepare: (fresh) => ({ form: { group: 'map', 'map.zoom': String(5 + (fresh.number() % 13)) } }) },
    {
      action: 'settings.voivodeship',
      prepare: (fresh) => ({
        form: { group: 'plans', 'plans.approvalDays': String(1 + (fresh.number() % 5)) },
      }),
    },
  ],
};
