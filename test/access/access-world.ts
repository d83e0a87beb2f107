import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import { buildApp } from '../../src/app.js';
import { can, dependsOnResource, roleMay, type Action, type Resource, type Subject } from '../../src/platform/auth/policy.js';
import type { Principal } from '../../src/platform/auth/principal.js';
import { loadConfig } from '../../src/platform/config/config.js';
import { createFileStore } from '../../src/platform/files/create-store.js';
import { warsawToday } from '../../src/platform/i18n/calendar.js';
import type { Db } from '../../src/platform/db/database.js';
import { TestClient, csrfFromHtml, type Method } from '../support/app.js';
import { createTestDatabase, type Backend } from '../support/databases.js';
import {
  FACTORY_PASSWORD,
  inFactory,
  makeAccount,
  makeAssignment,
  makeAttachment,
  makeCompletePlan,
  makeDistrict,
  makeDraftPlan,
  makeHeldReport,
  makeOfficer,
  makeReport,
  makeSubmittedPlan,
  makeEvaluatedPlan,
  makePublishedPlan,
  makeTownDistrict,
  makeCategory,
  makeMeeting,
  makePartner,
  makeSubscription,
  makeUnit,
} from '../support/factories.js';
import { paramNames, withRouteTable, type RouteEntry } from '../hostile/routes.js';
import { recordEntry } from '../../src/modules/plans/action-log/manage-action-log.js';

/**
 * The people of issue 14 and the data they act on, built by each test file for itself on one
 * back end: a unit tree KGP > KWP > KPP A, KPP B. Everything acted on by id lies in a district of
 * KPP A that the officer of the district serves and the substitute covers today ("the thing").
 */

export interface Person {
  name: string;
  login: string | null;
  subject: Subject | null;
}

const A = ['kgp', 'kwp', 'kpp-a'];
/** The thing every request acts on, as facts: district A-1, or a fresh district of KPP A served the same way. */
export const thing: Resource = { unitAncestry: A, districtId: 'kpp-a/1' };
export const people: Person[] = [{ name: 'anonymous', login: null, subject: null }];
const person = (name: string, login: string, role: Subject['role'], unitId: string, servedDistricts: string[] = []) =>
  people.push({ name, login, subject: { role, unitId, unitIsTop: unitId === 'kgp', servedDistricts } });
person('officer of the district', 'officer-a1', 'officer', 'kpp-a', ['kpp-a/1']);
person('officer of another district of the unit', 'officer-a2', 'officer', 'kpp-a', ['kpp-a/2']);
person("today's substitute", 'substitute-a', 'officer', 'kpp-a', ['kpp-a/3', 'kpp-a/1']);
person('supervisor of the unit', 'supervisor-a', 'supervisor', 'kpp-a');
person('commander of the unit', 'commander-a', 'commander', 'kpp-a');
person('supervisor of another unit', 'supervisor-b', 'supervisor', 'kpp-b');
person('commander of another unit', 'commander-b', 'commander', 'kpp-b');
person('voivodeship administrator', 'admin-kwp', 'admin', 'kwp');
person('national administrator', 'admin-kgp', 'admin', 'kgp');

/** The route's role check, before anything is read. */
export const mayAtAll = (subject: Subject | null, access: Action | 'public') =>
  access === 'public' || (subject !== null && roleMay(subject.role, access));

/** Whether the route's answer depends on the thing its params name (checked before the body: `config.target`). */
export const actsOnParams = (route: RouteEntry, access: Action | 'public') =>
  paramNames(route.url).length > 0 && access !== 'public' && dependsOnResource(access);

/** May this person do `action` to the thing (a district of KPP A)? */
export const allowedOnThing = (subject: Subject | null, action: Action | 'public') => action === 'public' || can(subject, action, thing);

export function errorCode(body: string): string {
  try {
    return String((JSON.parse(body) as { error?: { code?: string } }).error?.code ?? '');
  } catch {
    return '';
  }
}

/** The tables a write may change: a refused request must leave every one of them as it was. */
const watched = [
  'units',
  'districts',
  'officers',
  'assignments',
  'accounts',
  'plans',
  'plan_events',
  'plan_action_log',
  'reports',
  'report_events',
  'report_confirmations',
  'report_categories',
  'app_settings',
  'setting_values',
  'meetings',
  'indicator_imports',
  'indicator_counts',
  'plan_measures',
  'partners',
  'subscriptions',
  'audit_log',
] as const;

/**
 * Each watched table's row count (every audited change adds an audit_log row, so updates show there
 * too), in one statement: one round trip instead of one a table, twice for every write sent.
 */
export async function counts(db: Db): Promise<Record<string, number>> {
  const parts = watched.map((table) => sql`select ${table} as name, count(*)::int as n from ${sql.table(table)}`);
  const { rows } = await sql<{ name: string; n: number }>`${sql.join(parts, sql` union all `)}`.execute(db);
  return Object.fromEntries(rows.map((r) => [r.name, r.n]));
}

/** The tables whose counts differ between two readings. */
export const changedTables = (before: Record<string, number>, after: Record<string, number>) =>
  Object.keys(before).filter((table) => before[table] !== after[table]);

export interface World {
  db: Db;
  app: FastifyInstance;
  routes: RouteEntry[];
  /** Each person's signed-in client (anonymous: none signed in). */
  clients: Map<string, TestClient>;
  /** Ids of the things of district A-1 (the forbidden half acts on these). */
  values: Record<string, string>;
  fresh: Fresh;
  /** A client address no other request used (the per-client limits stay out of the way). */
  address(): string;
  close(): Promise<void>;
}

/** Things made just before a write acts on them, each in a new district of KPP A served as A-1 is. */
export interface Fresh {
  district(): Promise<string>;
  /** A district of KPP A nobody serves. */
  bareDistrict(): Promise<string>;
  /** A retired district of KPP A. */
  retiredDistrict(): Promise<string>;
  category(): Promise<string>;
  /** A new client signed in as the person (for writes that end the session they come with). */
  signedIn(who: Person): Promise<TestClient>;
  plan(): Promise<string>;
  /** A draft about vandalism whose district had two confirmed vandalism reports 30 m apart last month: a place of its drafting panel. */
  planWithPlace(): Promise<string>;
  completePlan(): Promise<string>;
  submittedPlan(): Promise<string>;
  /** A published plan (one action), in a new district served as A-1 is. */
  publishedPlan(): Promise<string>;
  /** An entry of the plan's action log recorded by the person. */
  logEntry(planId: string, who: Person): Promise<string>;
  report(): Promise<number>;
  heldReport(): Promise<number>;
  officer(): Promise<string>;
  assignment(): Promise<string>;
  unit(): Promise<string>;
  account(): Promise<string>;
  /** An event today in a new district of KPP A (so it may be changed, cancelled and recorded). */
  meeting(): Promise<string>;
  /** A partner in the registry of KPP A. */
  partner(): Promise<string>;
  /** A resident following a fresh district, not confirmed yet: the raw tokens of its links. */
  subscription(): Promise<{ confirmToken: string; unsubscribeToken: string }>;
  /** A new account of the person's role and unit, signed in on a client of its own (for writes that end a session or change a password). */
  twin(who: Person): Promise<{ client: TestClient; login: string }>;
  /** A number no district of KPP A has yet. */
  number(): number;
  /** A client with no session and a CSRF token from the sign-in page, as a resident's browser. */
  anonymous(): Promise<TestClient>;
}

export async function openWorld(backend: Backend): Promise<World> {
  const testDb = await createTestDatabase(backend);
  const db = testDb.database.db;
  const ids = new Map<string, string>();
  const world = await inFactory(db, async (trx) => {
    await makeUnit(trx, 'kgp', 'KGP', null);
    await makeUnit(trx, 'kwp', 'KWP', 'kgp');
    await makeUnit(trx, 'kpp-a', 'KPP', 'kwp');
    await makeUnit(trx, 'kpp-b', 'KPP', 'kwp');
    const [a1, a2, a3] = [await makeDistrict(trx, 'kpp-a', 1), await makeDistrict(trx, 'kpp-a', 2), await makeDistrict(trx, 'kpp-a', 3)];
    await makeDistrict(trx, 'kpp-b', 1);
    // Residents' reports typed as "Testowo …" land here (the locator reads the register when the app starts).
    await makeTownDistrict(trx, 'kpp-a', 9, 'Testowo');
    for (const p of people) if (p.login && p.subject) ids.set(p.login, await makeAccount(trx, p.login, p.subject.role, p.subject.unitId));
    const officer = await makeOfficer(trx, 'kpp-a', ids.get('officer-a1')!, [{ districtId: a1, kind: 'regular' }]);
    await makeOfficer(trx, 'kpp-a', ids.get('officer-a2')!, [{ districtId: a2, kind: 'regular' }]);
    const substitute = await makeOfficer(trx, 'kpp-a', ids.get('substitute-a')!, [
      { districtId: a3, kind: 'regular' },
      { districtId: a1, kind: 'substitute' },
    ]);
    const assignment = await trx.selectFrom('assignments').select('id').where('officer_id', '=', officer).executeTakeFirstOrThrow();
    return { officer, substitute, assignment: assignment.id };
  });
  const config = loadConfig({
    DATA_DIR: path.join(os.tmpdir(), 'dz-unused'),
    LOG_LEVEL: 'silent',
    LOGIN_RATE_LIMIT_PER_MINUTE: '10000',
    DOCUMENT_RATE_LIMIT_PER_MINUTE: '10000',
    // No retention job mid-test: its audit record would be no request's change.
    RETENTION_JOB: 'false',
    REMINDER_JOB: 'false',
  });
  // The app first: it puts the catalogue of report categories into the database on start.
  const built = await withRouteTable(() => buildApp(config, testDb.database));
  const app = built.built;
  const category = await db.selectFrom('report_categories').select('id').orderBy('id').executeTakeFirstOrThrow();
  const values: Record<string, string> = {
    plan: await makeDraftPlan(db, 'kpp-a/1'),
    report: String(await makeReport(db, 'kpp-a', 'kpp-a/1')),
    officer: world.officer,
    account: ids.get('officer-a1')!,
    assignment: world.assignment,
    category: category.id,
  };
  // The report has a photo (police only), so its download and preview answer for real.
  await makeAttachment(db, createFileStore(config, testDb.database), Number(values.report));
  let address = 0;
  const nextAddress = () => `10.${9 + Math.floor(++address / 62500)}.${Math.floor(address / 250) % 250}.${(address % 250) + 1}`;
  const clients = new Map<string, TestClient>();
  for (const p of people) {
    const client = new TestClient(app, { headers: { accept: 'application/json' } });
    if (p.login) {
      const signedIn = await client.signIn(p.login, FACTORY_PASSWORD);
      if (signedIn.statusCode !== 200) throw new Error(`${p.login} could not sign in: ${signedIn.body}`);
    }
    clients.set(p.name, client);
  }

  let number = 100;
  let serial = 0;
  const principal = (login: string): Principal => {
    const p = people.find((q) => q.login === login)!;
    return { accountId: ids.get(login)!, login, displayName: login, role: p.subject!.role, unitId: p.subject!.unitId, unitName: 'KPP A' };
  };
  const fresh: Fresh = {
    number: () => ++number,
    async district() {
      return inFactory(db, async (trx) => {
        const id = await makeDistrict(trx, 'kpp-a', ++number);
        await makeAssignment(trx, 'kpp-a', world.officer, id, 'regular');
        await makeAssignment(trx, 'kpp-a', world.substitute, id, 'substitute');
        return id;
      });
    },
    bareDistrict: () => inFactory(db, (trx) => makeDistrict(trx, 'kpp-a', ++number)),
    async retiredDistrict() {
      const id = await fresh.bareDistrict();
      await inFactory(db, (trx) => trx.updateTable('districts').set({ retired_at: new Date() }).where('id', '=', id).execute());
      return id;
    },
    category: () => makeCategory(db, `kategoria-${++serial}`),
    async signedIn(who) {
      const client = new TestClient(app, { headers: { accept: 'application/json' } });
      const signedIn = await client.signIn(who.login!, FACTORY_PASSWORD);
      if (signedIn.statusCode !== 200) throw new Error(`${who.login!} could not sign in: ${signedIn.body}`);
      return client;
    },
    plan: async () => makeDraftPlan(db, await fresh.district()),
    async planWithPlace() {
      const district = await fresh.district();
      const id = await makeDraftPlan(db, district);
      const lastMonth = new Date(`${warsawToday().slice(0, 7)}-15T10:00:00Z`);
      lastMonth.setUTCMonth(lastMonth.getUTCMonth() - 1);
      const reports = [await makeReport(db, 'kpp-a', district), await makeReport(db, 'kpp-a', district)];
      await inFactory(db, async (trx) => {
        for (const [report, lon] of [
          [reports[0]!, 22.5],
          [reports[1]!, 22.5004],
        ] as const) {
          await sql`update reports set category_id = 'vandalism', status = 'confirmed', created_at = ${lastMonth},
            position = point(${lon}, 51.2), public_position = point(${lon}, 51.2) where id = ${report}`.execute(trx);
        }
        await sql`update plans set content = jsonb_set(content, '{threat,category}', '"vandalism"') where id = ${id}`.execute(trx);
      });
      return id;
    },
    completePlan: async () => makeCompletePlan(db, await fresh.district()),
    submittedPlan: async () => makeSubmittedPlan(db, await fresh.district(), principal('officer-a1')),
    publishedPlan: async () => makePublishedPlan(db, await fresh.district(), principal('officer-a1'), principal('supervisor-a')),
    async logEntry(planId, who) {
      const by = principal(who.login!);
      const entry = await recordEntry(
        db,
        by,
        { accountId: by.accountId, label: by.login },
        planId,
        { actionIndex: 0, kind: 'patrol' },
        'pl',
      );
      return entry.id;
    },
    report: async () => makeReport(db, 'kpp-a', await fresh.district()),
    heldReport: async () => makeHeldReport(db, 'kpp-a', await fresh.district()),
    officer: () => inFactory(db, (trx) => makeOfficer(trx, 'kpp-a', null, [])),
    async assignment() {
      const district = await fresh.bareDistrict();
      return inFactory(db, async (trx) => makeAssignment(trx, 'kpp-a', await makeOfficer(trx, 'kpp-a', null, []), district, 'regular'));
    },
    unit: () => inFactory(db, (trx) => makeUnit(trx, `kp-a-${++serial}`, 'KP', 'kpp-a')),
    account: () => inFactory(db, (trx) => makeAccount(trx, `konto-${++serial}`, 'officer', 'kpp-a')),
    meeting: async () => makeMeeting(db, await fresh.district()),
    partner: () => makePartner(db, 'kpp-a', `Urząd Gminy Testowo ${++serial}`),
    subscription: async () => makeSubscription(db, await fresh.bareDistrict(), `mieszkanka.${++serial}@example.pl`),
    async twin(who) {
      const login = `${who.login!}-${++serial}`;
      await inFactory(db, (trx) => makeAccount(trx, login, who.subject!.role, who.subject!.unitId));
      const client = new TestClient(app, { headers: { accept: 'application/json' } });
      const signedIn = await client.signIn(login, FACTORY_PASSWORD);
      if (signedIn.statusCode !== 200) throw new Error(`${login} could not sign in: ${signedIn.body}`);
      return { client, login };
    },
    async anonymous() {
      const client = new TestClient(app, { headers: { accept: 'application/json' } });
      client.csrfToken = csrfFromHtml((await client.get('/login')).body);
      return client;
    },
  };

  // Public pages of a plan show only a published one.
  values.meeting = await makeMeeting(db, 'kpp-a/1');
  values.partner = await makePartner(db, 'kpp-a', 'Ośrodek Pomocy Społecznej w Testowie');
  // The links' pages show their button only for a link that works.
  const subscription = await makeSubscription(db, 'kpp-a/1', 'mieszkanka@example.pl');
  values.confirmToken = subscription.confirmToken;
  values.unsubscribeToken = subscription.unsubscribeToken;
  values.published = await makePublishedPlan(db, await fresh.district(), principal('officer-a1'), principal('supervisor-a'));
  // The correction page of an action-log entry shows an entry of that plan (its author: officer A-1).
  values.logEntry = await fresh.logEntry(values.published, { login: 'officer-a1' } as Person);
  // …and its evaluation report only an evaluated one.
  values.evaluated = await makeEvaluatedPlan(db, await fresh.district(), principal('officer-a1'), principal('supervisor-a'));

  return {
    db,
    app,
    routes: built.routes.filter((r) => r.method !== 'HEAD' && r.method !== 'OPTIONS'),
    clients,
    values,
    fresh,
    address: nextAddress,
    async close() {
      await app.close();
      await testDb.drop();
    },
  };
}

/** A concrete path for a route: every id names a thing of district A-1 (or its unit), unless `ids` names others. */
export function concrete(url: string, values: Record<string, string>, ids: Record<string, string> = {}): string {
  const idFor = (): string => {
    if (/plan/.test(url)) return values.plan!;
    if (/report|zgloszenia/.test(url)) return values.report!;
    if (/officer/.test(url)) return values.officer!;
    if (/account/.test(url)) return values.account!;
    if (/assignment/.test(url)) return values.assignment!;
    if (/\/meetings\/:id/.test(url)) return values.meeting!;
    if (/\/partners\/:id/.test(url)) return values.partner!;
    return 'kpp-a';
  };
  const value: Record<string, () => string> = {
    id: idFor,
    unit: () => 'kpp-a',
    number: () => '1',
    code: () => values.category!,
    lang: () => 'en',
    file: () => 'none.json',
    n: () => '1',
  };
  return url.replace(/:([A-Za-z]+)/g, (_, name: string) => ids[name] ?? value[name]?.() ?? 'x').replace('*', 'x');
}

/** What a request carries: params for the route's path, a query, and a JSON, form or raw body. */
export interface Prepared {
  params?: Record<string, string>;
  query?: string;
  json?: unknown;
  form?: Record<string, string>;
  raw?: { body: string | Buffer; type: string };
  /** Sent from this client instead of the person's own (a write that ends the session it comes with). */
  client?: TestClient;
}

/** Sends a prepared request to a route from `client`, from a client address of its own. */
export function sendPrepared(
  world: World,
  client: TestClient,
  method: string,
  url: string,
  prepared: Prepared,
): Promise<LightMyRequestResponse> {
  const path = concrete(url, world.values, prepared.params) + (prepared.query ? `?${prepared.query}` : '');
  const base = { method: method as Method, url: path, remoteAddress: world.address() };
  if (prepared.form)
    return client.request({
      ...base,
      payload: new URLSearchParams(prepared.form).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
  if (prepared.raw) return client.request({ ...base, payload: prepared.raw.body, headers: { 'content-type': prepared.raw.type } });
  return client.request({ ...base, ...(prepared.json !== undefined ? { payload: prepared.json } : {}) });
}

/**
 * Reads that need more than an id to answer with content: a published plan for public plan pages,
 * a place for the locator and the map, a file name. Every other read takes concrete()'s path.
 */
export function readPath(method: string, url: string, values: Record<string, string>): string | undefined {
  const published = values.published!;
  const paths: Record<string, string> = {
    'GET /assets/*': '/assets/app.css',
    'GET /api/docs/static/*': '/api/docs/static/index.css',
    'GET /api/v1/locate': '/api/v1/locate?address=Testowo%201',
    'GET /api/v1/reports/nearby': `/api/v1/reports/nearby?category=${values.category!}&address=Testowo%201`,
    'GET /api/v1/reports/map': '/api/v1/reports/map?bbox=14,49,24,55&zoom=6',
    'GET /api/v1/map/overview.geojson': '/api/v1/map/overview.geojson?bbox=14,49,24,55&zoom=6',
    'GET /open311/v2/services/:file': `/open311/v2/services/${values.category!}.json`,
    'GET /open311/v2/requests/:file': `/open311/v2/requests/${values.report!}.json`,
    'GET /api/v1/plans/:id': `/api/v1/plans/${published}`,
    'GET /api/v1/plans/:id/action-log': `/api/v1/plans/${published}/action-log`,
    'GET /admin/plans/:id/dziennik': `/admin/plans/${published}/dziennik`,
    'GET /admin/plans/:id/dziennik/:entryId': `/admin/plans/${published}/dziennik/${values.logEntry!}`,
    'GET /plany/:id': `/plany/${published}`,
    'GET /plany/:id/plan.pdf': `/plany/${published}/plan.pdf`,
    'GET /plany/:id/plan.docx': `/plany/${published}/plan.docx`,
    'GET /plany/:id/sprawozdanie': `/plany/${values.evaluated!}/sprawozdanie`,
    'GET /plany/:id/sprawozdanie.pdf': `/plany/${values.evaluated!}/sprawozdanie.pdf`,
    'GET /plany/:id/sprawozdanie.docx': `/plany/${values.evaluated!}/sprawozdanie.docx`,
    'GET /obserwuj/potwierdz/:token': `/obserwuj/potwierdz/${values.confirmToken!}`,
    'GET /obserwuj/wypisz/:token': `/obserwuj/wypisz/${values.unsubscribeToken!}`,
  };
  return paths[`${method} ${url}`];
}
