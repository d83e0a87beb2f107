import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { actions, can, dependsOnResource, roleMay, type Action, type Resource, type Subject } from '../../src/platform/auth/policy.js';
import { loadConfig } from '../../src/platform/config/config.js';
import type { Db } from '../../src/platform/db/database.js';
import { TestClient, type Method } from '../support/app.js';
import { createTestDatabase, type TestDatabase } from '../support/databases.js';
import {
  FACTORY_PASSWORD,
  inFactory,
  makeAccount,
  makeDistrict,
  makeDraftPlan,
  makeOfficer,
  makeReport,
  makeUnit,
} from '../support/factories.js';
import { paramNames, withRouteTable, writeMethods, type RouteEntry } from '../hostile/routes.js';

/**
 * Every route of the app × the people of the issue: the answer each gets follows from the
 * route's `config.access` and the policy table (platform/auth/policy.ts), on data this file
 * builds itself (a unit tree KGP > KWP > KPP A, KPP B). Everything acted on by id lies in
 * district 1 of KPP A. PGlite only: the matrix is a few thousand requests, and the back end does
 * not take part in the decision.
 */

interface Person {
  name: string;
  login: string | null;
  subject: Subject | null;
}

const A = ['kgp', 'kwp', 'kpp-a'];
const thing: Resource = { unitAncestry: A, districtId: 'kpp-a/1' };
const people: Person[] = [];
const person = (name: string, login: string, role: Subject['role'], unitId: string, servedDistricts: string[] = []) =>
  people.push({ name, login, subject: { role, unitId, unitIsTop: unitId === 'kgp', servedDistricts } });
people.push({ name: 'anonymous', login: null, subject: null });
person('officer of the district', 'officer-a1', 'officer', 'kpp-a', ['kpp-a/1']);
person('officer of another district of the unit', 'officer-a2', 'officer', 'kpp-a', ['kpp-a/2']);
person("today's substitute", 'substitute-a', 'officer', 'kpp-a', ['kpp-a/3', 'kpp-a/1']);
person('supervisor of the unit', 'supervisor-a', 'supervisor', 'kpp-a');
person('commander of the unit', 'commander-a', 'commander', 'kpp-a');
person('supervisor of another unit', 'supervisor-b', 'supervisor', 'kpp-b');
person('commander of another unit', 'commander-b', 'commander', 'kpp-b');
person('voivodeship administrator', 'admin-kwp', 'admin', 'kwp');
person('national administrator', 'admin-kgp', 'admin', 'kgp');

/** The data: units, districts, the people (officers linked to their accounts), a draft plan and a report in district A-1. */
async function buildWorld(db: Db) {
  return inFactory(db, async (trx) => {
    await makeUnit(trx, 'kgp', 'KGP', null);
    await makeUnit(trx, 'kwp', 'KWP', 'kgp');
    await makeUnit(trx, 'kpp-a', 'KPP', 'kwp');
    await makeUnit(trx, 'kpp-b', 'KPP', 'kwp');
    const [a1, a2, a3] = [await makeDistrict(trx, 'kpp-a', 1), await makeDistrict(trx, 'kpp-a', 2), await makeDistrict(trx, 'kpp-a', 3)];
    await makeDistrict(trx, 'kpp-b', 1);
    const ids = new Map<string, string>();
    for (const p of people) if (p.login && p.subject) ids.set(p.login, await makeAccount(trx, p.login, p.subject.role, p.subject.unitId));
    const officer = await makeOfficer(trx, 'kpp-a', ids.get('officer-a1')!, [{ districtId: a1, kind: 'regular' }]);
    await makeOfficer(trx, 'kpp-a', ids.get('officer-a2')!, [{ districtId: a2, kind: 'regular' }]);
    await makeOfficer(trx, 'kpp-a', ids.get('substitute-a')!, [
      { districtId: a3, kind: 'regular' },
      { districtId: a1, kind: 'substitute' },
    ]);
    const assignment = await trx.selectFrom('assignments').select('id').where('officer_id', '=', officer).executeTakeFirstOrThrow();
    return { officer, account: ids.get('officer-a1')!, assignment: assignment.id };
  });
}

function errorCode(body: string): string {
  try {
    return String((JSON.parse(body) as { error?: { code?: string } }).error?.code ?? '');
  } catch {
    return '';
  }
}

/** The main tables' row counts: a refused request must leave them as they were. */
async function counts(db: Db): Promise<string> {
  const tables = [
    'units',
    'districts',
    'officers',
    'assignments',
    'accounts',
    'plans',
    'plan_events',
    'reports',
    'report_events',
    'report_categories',
    'app_settings',
  ] as const;
  const rows = await Promise.all(
    tables.map((table) =>
      db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow(),
    ),
  );
  return tables.map((table, i) => `${table}=${rows[i]!.n}`).join(' ');
}

describe('who may call each route', () => {
  let testDb: TestDatabase;
  let routes: RouteEntry[];
  let close: (() => Promise<void>) | undefined;
  let values: Record<string, string>;
  const clients = new Map<string, TestClient>();
  let address = 0;

  beforeAll(async () => {
    testDb = await createTestDatabase('pglite');
    const db = testDb.database.db;
    const world = await buildWorld(db);
    const config = loadConfig({ DATA_DIR: path.join(os.tmpdir(), 'dz-unused'), LOG_LEVEL: 'silent', LOGIN_RATE_LIMIT_PER_MINUTE: '10000' });
    // The app first: it puts the catalogue of report categories into the database on start.
    const built = await withRouteTable(() => buildApp(config, testDb.database));
    const plan = await makeDraftPlan(db, 'kpp-a/1');
    const report = await makeReport(db, 'kpp-a', 'kpp-a/1');
    const category = await db.selectFrom('report_categories').select('id').orderBy('id').executeTakeFirstOrThrow();
    routes = built.routes.filter((r) => r.method !== 'HEAD' && r.method !== 'OPTIONS');
    close = async () => {
      await built.built.close();
      await testDb.drop();
    };
    values = {
      plan,
      report: String(report),
      officer: world.officer,
      account: world.account,
      assignment: world.assignment,
      category: category.id,
    };
    for (const p of people) {
      const client = new TestClient(built.built, { headers: { accept: 'application/json' } });
      if (p.login) expect((await client.signIn(p.login, FACTORY_PASSWORD)).statusCode).toBe(200);
      clients.set(p.name, client);
    }
  });
  afterAll(() => close?.());

  /** A concrete path for a route: every id names a thing of district A-1 (or its unit). */
  const concrete = (url: string) => {
    const idFor = (): string => {
      if (/plan/.test(url)) return values.plan!;
      if (/report|zgloszenia/.test(url)) return values.report!;
      if (/officer/.test(url)) return values.officer!;
      if (/account/.test(url)) return values.account!;
      if (/assignment/.test(url)) return values.assignment!;
      return 'kpp-a';
    };
    const value: Record<string, () => string> = {
      id: idFor,
      unit: () => 'kpp-a',
      number: () => '1',
      code: () => values.category!,
      lang: () => 'en',
      file: () => 'none.json',
    };
    return url.replace(/:([A-Za-z]+)/g, (_, name: string) => value[name]?.() ?? 'x').replace('*', 'x');
  };

  const send = (who: Person, method: string, url: string) =>
    clients.get(who.name)!.request({
      method: method as Method,
      url,
      remoteAddress: `10.9.${Math.floor(++address / 250) % 250}.${(address % 250) + 1}`,
      ...(writeMethods.has(method) ? { payload: {} } : {}),
    });

  it('has an access entry naming an action (or "public") on every route', () => {
    const missing = routes
      .filter((r) => r.access !== 'public' && !(actions as string[]).includes(r.access ?? ''))
      .map((r) => `${r.method} ${r.url}: ${r.access ?? 'none'}`);
    expect(missing).toEqual([]);
    expect(routes.length).toBeGreaterThan(100);
  });

  it('answers every route for every person as the policy says, and a refusal changes nothing', async () => {
    const db = testDb.database.db;
    const wrong: string[] = [];
    for (const route of routes) {
      const access = route.access as Action | 'public' | undefined;
      if (!access) continue; // reported by the test above
      const url = concrete(route.url);
      const write = writeMethods.has(route.method);
      for (const who of people) {
        const subject = who.subject;
        const mayAtAll = access === 'public' || (subject !== null && roleMay(subject.role, access));
        const onThis = paramNames(route.url).length > 0 && access !== 'public' && dependsOnResource(access);
        const allowed = access === 'public' || (mayAtAll && (!onThis || can(subject, access, thing)));
        // An allowed write would change what the other rows stand on: the modules' own API tests
        // show that allowed writes work; here only refusals of writes are sent.
        if (allowed && write) continue;
        const before = write ? await counts(db) : '';
        const response = await send(who, route.method, url);
        const status = response.statusCode;
        const code = status >= 400 ? errorCode(response.body) : '';
        const line = `${route.method} ${route.url} by ${who.name}: ${status} ${code}`;
        if (allowed) {
          // Works: not refused, and the thing named by id is found (a plan without a kept source file is the one honest 404).
          const refusedAsMissing =
            access !== 'public' && status === 404 && /^(plan|report|district|unit|officer|account|assignment)_not_found$/.test(code);
          if (status === 401 || status === 403 || refusedAsMissing) wrong.push(`${line} (expected allowed)`);
          continue;
        }
        // Nobody signed in and a role that may never do it are turned away before the input is read.
        // A role that may, acting on a thing it may not, is refused by the use case: a read gets
        // 403 or 404; a write with an empty body meets the body's validation first (400, the same
        // for every id, so it tells nothing), and in every case nothing changes.
        const expected = subject === null ? [401] : !mayAtAll ? [403] : write ? [400, 403, 404] : [403, 404];
        if (!expected.includes(status)) wrong.push(`${line} (expected ${expected.join(' or ')})`);
        if (write && (await counts(db)) !== before) wrong.push(`${line} changed the data`);
      }
    }
    expect(wrong).toEqual([]);
  }, 900_000);
});
