import fc from 'fast-check';
import { sql } from 'kysely';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../../src/platform/auth/sessions.js';
import { backends } from '../support/databases.js';
import { TestClient, csrfFromHtml, type Method, type TestApp, createTestApp } from '../support/app.js';
import { world } from '../support/world.js';
import { hostileRequests, jsonSkeleton, type Encoding, type HostileRequest, type RoutePlan } from './requests.js';
import { paramNames, postForms, routePattern, withRouteTable, writeMethods, type FoundForm, type RouteEntry } from './routes.js';
import { hostileString, percentEncode, type JsonLike } from './values.js';

/**
 * Every write route and form, on both back ends, gets generated hostile values (control
 * characters, huge strings, numbers JavaScript cannot hold, prototype keys, wrong types, deep
 * nesting, lone surrogates, SQL-ish text, empty values), as JSON, urlencoded and multipart where
 * the route takes them, anonymously and signed in, with real ids in the path. It must answer
 * without a 5xx, every 4xx in the envelope (Open311: the specification's error list) or as an
 * HTML page, and a refused request must leave every table as it was.
 *
 * The routes come from Fastify's own route table, so a new route is covered without touching this
 * file; a write route the test cannot build a request for fails the test.
 */

/** Requests per route and back end: about a minute per back end on the machine the suite runs on (HOSTILE_RUNS=200 for a long hunt). */
const RUNS_PER_WRITE_ROUTE = Number(process.env.HOSTILE_RUNS ?? 20);
const RUNS_PER_READ_ROUTE = Math.ceil(RUNS_PER_WRITE_ROUTE / 4);

/** Routes that remove the records the paths use go last, so the others find them. */
const destructive = (route: RouteEntry) => route.method === 'DELETE' || /\/(delete|retire|logout)$/.test(route.url);

/**
 * Writes that a refused request may still leave, on purpose: a failed or throttled sign-in is
 * audited, the throttle counts it (per login and source, and per login's burst), and a route's
 * request limit counts every request, refused or not (rate_limit_hits).
 */
const throttleTables = ['login_attempts', 'login_failure_bursts', 'rate_limit_hits'];
const expectedWritesOfRefusals = `audit_log rows of failed and throttled sign-ins, and the throttles' counters (${throttleTables.join(', ')})`;

/** Routes that are not ours to probe with bodies: the API documentation's static files. */
const notOurs = (url: string) => url.startsWith('/api/docs') || url.startsWith('/assets/') || url === '*' || url.endsWith('/*');

/**
 * Write routes without a body schema whose form is not on any page the crawl reaches (it depends on
 * the plan's state); their fields from the code.
 */
const formsNotOnPages: Record<string, Record<string, string>> = {
  'POST /admin/plans/:id/review': { intent: 'return', 'comment.general': 'Uwaga', 'comment.actions.0': 'Uwaga' },
  'POST /admin/plans/:id/transition': { transition: 'evaluate', baseline: '8', period: '2', note: 'Notatka' },
  // Review forms appear only beside held reports (a flood), which the test world has none of.
  'POST /admin/reports/:id/review': { review: 'release', note: 'Notatka' },
  'POST /admin/reports/review': { ids: '1', review: 'reject', note: 'Notatka' },
  // Status and assignment forms are shown to the report's district officer and its unit's reviewers
  // only; the crawl signs in as an administrator (who reads reports but does not decide on them).
  'POST /admin/reports/:id/status': { status: 'verification', note: 'Notatka', forwardedTo: 'Straż Miejska', duplicateOf: '1' },
  'POST /admin/reports/:id/assign': { districtId: world.districts.a2.id, note: 'Notatka' },
  // The page offers "retire" or "restore", whichever applies.
  'POST /admin/districts/:unit/:number/restore': {},
  // The action log's form and withdraw buttons are shown only on a carried-out plan, to those serving its district.
  'POST /admin/plans/:id/dziennik': { actionIndex: '0', kind: 'patrol', day: '', place: 'Park', note: 'Notatka', completes: 'on' },
  'POST /admin/plans/:id/dziennik/:entryId/withdraw': {},
  // The upload form is shown to the unit's reviewers only; the crawl signs in as an administrator.
  'POST /admin/units/:id/indicators': {},
  // The drafting panel is shown only to the officer of the draft's district.
  'POST /admin/plans/:id/evidence/threat': { category: 'vandalism' },
  'POST /admin/plans/:id/evidence/baseline': { baselineCategory: 'vandalism', span: 'half', replace: '1' },
  'POST /admin/plans/:id/evidence/area': { hotspot: '0', replace: '1' },
  // A follower's links come by e-mail; their pages show the button only for a link that works.
  'POST /obserwuj/potwierdz/:token': {},
  'POST /obserwuj/wypisz/:token': { 'List-Unsubscribe': 'One-Click' },
  'POST /admin/plans/:id/dziennik/:entryId': { kind: 'talk', day: '', time: '10:00', place: 'Szkoła', withWhom: 'PSP', note: 'Notatka' },
  // The outcome form shows from the event's day on; the crawl's event is years ahead.
  'POST /admin/meetings/:id/outcome': { participants: '21', topicsRaised: 'Parkowanie.' },
};
/** Write routes that take no body at all. */
const bodiless = new Set([
  'DELETE /api/v1/units/:id',
  'DELETE /api/v1/session',
  'DELETE /api/v1/districts/:unit/:number',
  'DELETE /api/v1/officers/:id',
  'DELETE /api/v1/plans/:id',
  'POST /api/v1/districts/:unit/:number/restore',
  'POST /api/v1/reports/:id/confirmations',
  'DELETE /api/v1/plans/:id/action-log/:entryId',
  'DELETE /api/v1/admin/settings/:id',
]);

interface Ids {
  unit: string;
  district: string;
  officer: string;
  assignment: string;
  account: string;
  category: string;
  report: number;
  draftPlan: string;
  publishedPlan: string;
  meeting: string;
  logEntry: string;
  partner: string;
}

/** A real value for each path parameter, chosen by the path segment before it. */
function pathFor(url: string, ids: Ids): string | null {
  const segments = url.split('/');
  let missing = false;
  const filled = segments.map((segment, i) => {
    if (!segment.startsWith(':')) return segment;
    const before = segments[i - 1] === ':unit' ? 'districts' : segments[i - 1];
    const value: Record<string, string | undefined> = {
      units: ids.unit,
      jednostki: ids.unit,
      accounts: ids.account,
      assignments: ids.assignment,
      officers: ids.officer,
      plans: ids.draftPlan,
      plany: ids.publishedPlan,
      'report-categories': ids.category,
      reports: String(ids.report),
      zgloszenia: String(ids.report),
      language: 'en',
      services: `${ids.category}.json`,
      requests: `${ids.report}.json`,
      meetings: ids.meeting,
      partners: ids.partner,
      settings: 'reports.takeUpDays',
      // A report's file by its place (1, 2, 3); the crawl's report may have none: 404, never 5xx.
      attachments: '1',
      'action-log': ids.logEntry,
      dziennik: ids.logEntry,
      // A token of the right shape that names no subscription: the hostile input goes into the body.
      potwierdz: 'A'.repeat(43),
      wypisz: 'B'.repeat(43),
    };
    if (segment === ':unit') return ids.district.split('/')[0]!;
    if (segment === ':number') return ids.district.split('/')[1]!;
    const found = before !== undefined && Object.hasOwn(value, before) ? value[before] : undefined;
    if (found === undefined) missing = true;
    return found ?? '';
  });
  return missing ? null : filled.join('/');
}

/** The values every form of a route offers for each field (one page has a form per transition, say). */
function choicesOf(forms: FoundForm[]): Record<string, string[]> {
  const all: Record<string, string[]> = {};
  for (const form of forms) {
    for (const [name, values] of Object.entries(form.choices))
      if (name !== '_csrf') all[name] = [...new Set([...(all[name] ?? []), ...values])];
  }
  return all;
}

/**
 * Row counts of every table, in one statement (what failed sign-ins write left out: see
 * expectedWritesOfRefusals). Counted again only when something may have been written since the
 * last count: a trigger on every counted table of this file's own database takes a number from a
 * sequence as a writing transaction commits (deferred), and a sequence keeps its numbers even when
 * the commit then fails, so no write goes unnoticed. Most refused requests write nothing, and
 * reading the sequence costs a fraction of counting every table. (The first transaction id not yet handed out told the same on PGlite,
 * but on the server other databases' transactions move it too, and every table was then counted
 * after every request: four times the time of the PGlite run.)
 */
async function tableCounter(t: TestApp): Promise<() => Promise<Record<string, number>>> {
  const db = t.testDb.database.db;
  const { rows: tables } = await sql<{
    name: string;
  }>`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`.execute(
    db,
  );
  const parts = tables
    .filter(({ name }) => !throttleTables.includes(name))
    .map(({ name }) =>
      name === 'audit_log'
        ? sql`select ${name} as name, count(*) filter (where action not in ('auth.login_failed', 'auth.login_throttled'))::int as n from audit_log`
        : sql`select ${name} as name, count(*)::int as n from ${sql.table(name)}`,
    );
  const query = sql<{ name: string; n: number }>`${sql.join(parts, sql` union all `)}`;
  await sql`create sequence test_writes`.execute(db);
  await sql`create function test_write() returns trigger language plpgsql as $$ begin perform nextval('test_writes'); return null; end $$`.execute(
    db,
  );
  for (const { name } of tables.filter(({ name }) => !throttleTables.includes(name)))
    await sql`create constraint trigger test_write after insert or update or delete on ${sql.table(name)} deferrable initially deferred for each row execute function test_write()`.execute(
      db,
    );
  const writes = sql<{ id: string }>`select last_value::text || is_called::text as id from test_writes`;
  let countedBefore: string | undefined;
  let counts: Record<string, number> = {};
  return async () => {
    // Read before counting: a write ending in between is then counted again next time, never missed.
    const { id } = (await writes.execute(db)).rows[0]!;
    if (id !== countedBefore) {
      counts = Object.fromEntries((await query.execute(db)).rows.map((r) => [r.name, r.n]));
      countedBefore = id;
    }
    return counts;
  };
}

/**
 * A request that never answers fails here, naming itself, instead of leaving the whole test to time
 * out without a word (a hang seen once on Node 24 could not be traced back to its request).
 */
async function answerWithin<T>(method: string, request: HostileRequest, answer: Promise<T>, ms = 60_000): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const silence = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const what = `${method} ${request.url} as ${request.client} (${request.note}): no answer within ${ms / 1000} s; payload ${JSON.stringify(request.payload)?.slice(0, 500)}`;
      process.stderr.write(`${what}\n`);
      reject(new Error(what));
    }, ms);
  });
  try {
    return await Promise.race([answer, silence]);
  } finally {
    clearTimeout(timer);
  }
}

function describeAnswer(request: HostileRequest, method: string, response: LightMyRequestResponse): string {
  return `${method} ${request.url.slice(0, 200)} as ${request.client} (${request.note}) → ${response.statusCode} ${String(response.headers['content-type'])}: ${response.body.slice(0, 300)}`;
}

/** Never a 5xx; a 4xx is the envelope, Open311's error list or an HTML page. */
function checkAnswer(plan: Pick<RoutePlan, 'route'>, request: HostileRequest, method: string, response: LightMyRequestResponse): void {
  const what = describeAnswer(request, method, response);
  expect(response.statusCode, what).toBeLessThan(500);
  if (response.statusCode < 400) return;
  const type = String(response.headers['content-type'] ?? '');
  if (type.startsWith('text/html')) {
    expect(response.body, what).toMatch(/^<!DOCTYPE html>/);
  } else if (plan.route.startsWith('/open311/') && type.includes('xml')) {
    expect(response.body, what).toContain('<errors>');
  } else if (plan.route.startsWith('/open311/')) {
    const errors = response.json<unknown[]>();
    expect(errors.length, what).toBeGreaterThan(0);
    for (const error of errors) expect(error, what).toEqual({ code: response.statusCode, description: expect.any(String) });
  } else {
    expect(type, what).toContain('application/json');
    const body = response.json<{ error?: { code?: unknown; message?: unknown } }>();
    expect(Object.keys(body), what).toEqual(['error']);
    expect(typeof body.error?.code === 'string' && typeof body.error.message === 'string', what).toBe(true);
  }
}

describe.each(backends)('hostile input to every route on %s', (backend) => {
  let t: TestApp;
  let routes: RouteEntry[];
  let ids: Ids;
  const clients: Record<HostileRequest['client'], TestClient> = {} as never;
  const forms: FoundForm[] = [];

  beforeAll(async () => {
    // Sign-in limits are not under test here, and the two staff clients sign in again after every sign-out route.
    ({ built: t, routes } = await withRouteTable(() => createTestApp(backend, { LOGIN_RATE_LIMIT_PER_MINUTE: '10000' })));
    const db = t.testDb.database.db;
    clients.anonymous = new TestClient(t.app);
    clients.admin = new TestClient(t.app);
    clients.officer = new TestClient(t.app);
    clients.anonymous.csrfToken = csrfFromHtml((await clients.anonymous.get('/zglos')).body);
    await signInAs('admin');
    await signInAs('officer');

    // Data of our own for the paths: a report and a draft plan; the rest is the test world.
    const category = (
      await db
        .selectFrom('report_categories')
        .select('id')
        .where('active', '=', true)
        .where('description_required', '=', false)
        .where('season_from', 'is', null)
        .orderBy('id')
        .executeTakeFirstOrThrow()
    ).id;
    const report = await clients.anonymous.send('POST', '/api/v1/reports', { category, ...world.districts.a1.point, description: 'Test' });
    expect(report.statusCode, report.body).toBe(201);
    const plan = await clients.officer.send('POST', '/api/v1/plans', {
      districtId: world.districts.a1.id,
      periodFrom: '2045-01-01',
      periodTo: '2045-06-30',
    });
    expect(plan.statusCode, plan.body).toBe(201);
    const officer = await db
      .selectFrom('officers')
      .select('id')
      .where('unit_id', '=', world.units.a.id)
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const assignment = await db
      .selectFrom('assignments')
      .select('id')
      .where('district_id', '=', world.districts.a1.id)
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const account = await db
      .selectFrom('accounts')
      .select('id')
      .where('login', '=', world.accounts.supervisorC.login)
      .executeTakeFirstOrThrow();
    const published = await db
      .selectFrom('plans')
      .select('id')
      .where('status', 'in', ['published', 'in_progress'])
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const entry = await clients.officer.send('POST', `/api/v1/plans/${published.id}/action-log`, { kind: 'patrol', actionIndex: 0 });
    expect(entry.statusCode, entry.body).toBe(201);
    const meeting = await clients.officer.send('POST', '/api/v1/meetings', {
      kind: 'debate',
      day: '2045-01-10',
      startsAt: '17:00',
      endsAt: '19:00',
      place: 'Świetlica',
      topic: 'Bezpieczeństwo',
      districtIds: [world.districts.a1.id],
    });
    expect(meeting.statusCode, meeting.body).toBe(201);
    const partner = await clients.officer.send('POST', `/api/v1/units/${world.units.a.id}/partners`, {
      name: 'Zarząd Dróg Powiatowych w Borowie',
      kind: 'road_authority',
    });
    expect(partner.statusCode, partner.body).toBe(201);
    ids = {
      unit: world.units.a.id,
      district: world.districts.a1.id,
      officer: officer.id,
      assignment: assignment.id,
      account: account.id,
      category,
      report: report.json<{ id: number }>().id,
      draftPlan: plan.json<{ id: string }>().id,
      publishedPlan: published.id,
      meeting: meeting.json<{ id: string }>().id,
      logEntry: entry.json<{ id: string }>().id,
      partner: partner.json<{ id: string }>().id,
    };

    // The forms of every page the three of them can open.
    for (const route of routes) {
      if (route.method !== 'GET' || notOurs(route.url) || /\.(pdf|docx|csv|geojson|atom|json|xml)$/.test(route.url)) continue;
      const path = pathFor(route.url, ids);
      if (!path) continue;
      for (const client of Object.values(clients)) {
        const page = await client.get(path, { accept: 'text/html' });
        if (String(page.headers['content-type']).startsWith('text/html')) forms.push(...postForms(page.body));
      }
    }
  });
  afterAll(() => t?.close());

  const logins = { admin: world.accounts.nationalAdmin.login, officer: world.accounts.officerA1.login };
  async function signInAs(client: 'admin' | 'officer'): Promise<void> {
    const response = await clients[client].signIn(logins[client]);
    expect(response.statusCode, response.body).toBe(200);
  }

  const realValues = (): Record<string, JsonLike> => ({
    unitId: ids.unit,
    parentId: world.units.voivodeship.id,
    districtId: ids.district,
    officerId: ids.officer,
    accountId: ids.account,
    category: ids.category,
    categoryCode: ids.category,
    service_code: ids.category,
    email: 'mieszkaniec@example.org',
    periodFrom: '2027-01-01',
    periodTo: '2027-06-30',
    startsOn: '2027-01-01',
    lat: 51.4597,
    lon: 22.6027,
    long: 22.6027,
    duplicateOf: ids.report,
    password: 'Haslo-Testowe-2026!',
    login: 'nowy.login',
    // A category switched off by a successful mutation would turn every later report away.
    active: true,
    ids: [ids.report],
  });

  /** How each write route is exercised; a route with no way to build its body is an error. */
  function planFor(route: RouteEntry): RoutePlan | string {
    const key = `${route.method} ${route.url}`;
    const path = pathFor(route.url, ids);
    if (path === null) return `${key}: no real value for its path parameters (add one to pathFor)`;
    const schema = route.schema ?? {};
    const consumes = schema.consumes ?? [];
    const query = schema.querystring as { properties?: Record<string, unknown> } | undefined;
    const pattern = routePattern(route.url);
    const form = forms.find((f) => pattern.test(f.action));
    const fields = form?.fields ?? formsNotOnPages[key];
    const encodings: Encoding[] = [];
    if (schema.body && !consumes.some((c) => c.startsWith('text/'))) encodings.push('json');
    if (consumes.some((c) => c.startsWith('text/') || c.includes('geo+json'))) encodings.push('text');
    if (fields) encodings.push('urlencoded');
    if (form?.multipart || consumes.includes('multipart/form-data')) encodings.push('multipart');
    if (bodiless.has(key)) encodings.push('none');
    if (encodings.length === 0)
      return `${key}: no body schema, no form on any page, not listed as bodiless (add it to formsNotOnPages or bodiless)`;
    const { _csrf: _token, ...ownFields } = fields ?? {};
    return {
      method: route.method,
      route: route.url,
      path,
      params: paramNames(route.url),
      encodings,
      json: schema.body && encodings.includes('json') ? jsonSkeleton(schema.body, realValues()) : undefined,
      fields: ownFields,
      choices: choicesOf(forms.filter((f) => pattern.test(f.action))),
      files: form?.files ?? (consumes.includes('multipart/form-data') ? ['file'] : []),
      textType: consumes.find((c) => c.startsWith('text/') || c.includes('geo+json')) ?? 'text/plain',
      queryNames: Object.keys(query?.properties ?? {}),
    };
  }

  const send = (plan: Pick<RoutePlan, 'method'>, request: HostileRequest) =>
    answerWithin(
      plan.method,
      request,
      clients[request.client].request({
        method: plan.method as Method,
        url: request.url,
        payload: request.payload,
        headers: request.contentType ? { 'content-type': request.contentType } : {},
        remoteAddress: request.remoteAddress,
        // The token goes in the form field for forms; JSON requests of signed-in clients carry the header.
        csrf: request.contentType === undefined || request.contentType === 'application/json' || request.contentType.startsWith('text/'),
      }),
    );

  it(`every write route: no 5xx, errors in the envelope, nothing written by a refused request (except ${expectedWritesOfRefusals})`, async () => {
    const writeRoutes = routes
      .filter((r) => writeMethods.has(r.method) && !notOurs(r.url))
      .sort((a, b) => Number(destructive(a)) - Number(destructive(b)));
    expect(writeRoutes.length).toBeGreaterThan(50);
    const plans = writeRoutes.map(planFor);
    expect(plans.filter((p): p is string => typeof p === 'string')).toEqual([]);
    const tableCounts = await tableCounter(t);
    let counts = await tableCounts();
    for (const plan of plans as RoutePlan[]) {
      await fc.assert(
        fc.asyncProperty(
          hostileRequests(plan, (client) => clients[client].csrfToken),
          async (request) => {
            const response = await send(plan, request);
            checkAnswer(plan, request, plan.method, response);
            if (request.client !== 'anonymous' && !clients[request.client].cookies.has(SESSION_COOKIE)) await signInAs(request.client);
            const after = await tableCounts();
            if (response.statusCode >= 400)
              expect(after, `a refused request changed the tables: ${describeAnswer(request, plan.method, response)}`).toEqual(counts);
            counts = after;
          },
        ),
        { numRuns: RUNS_PER_WRITE_ROUTE },
      );
    }
  }, 600_000);

  it('every read route: hostile path parameters and query strings get no 5xx', async () => {
    const readRoutes = routes.filter((r) => r.method === 'GET' && !notOurs(r.url));
    for (const route of readRoutes) {
      const path = pathFor(route.url, ids);
      if (path === null) throw new Error(`GET ${route.url}: no real value for its path parameters (add one to pathFor)`);
      const names = [
        ...Object.keys((route.schema?.querystring as { properties?: object } | undefined)?.properties ?? {}),
        'q',
        'page',
        'category',
        'adres',
        'lat',
        'lon',
        'from',
        'to',
      ];
      const plan = { route: route.url };
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...names),
          hostileString,
          fc.boolean(),
          fc.constantFrom<HostileRequest['client']>('anonymous', 'admin'),
          async (name, value, html, client) => {
            const request: HostileRequest = {
              client,
              url: `${path}?${percentEncode(name)}=${percentEncode(value)}`,
              contentType: undefined,
              payload: undefined,
              remoteAddress: '10.0.0.1',
              note: `query ${name}`,
            };
            const response = await answerWithin(
              'GET',
              request,
              clients[client].request({
                method: 'GET',
                url: request.url,
                ...(html ? { headers: { accept: 'text/html' } } : {}),
                remoteAddress: `10.1.${value.length % 250}.${name.length}`,
              }),
            );
            checkAnswer(plan, request, 'GET', response);
          },
        ),
        { numRuns: RUNS_PER_READ_ROUTE },
      );
    }
  }, 600_000);
});
