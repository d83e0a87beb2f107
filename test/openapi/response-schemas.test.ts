import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { open311ErrorsSchema } from '../../src/modules/reports/open311/schemas.js';
import { TestClient, type TestApp, createTestApp } from '../support/app.js';
import { world } from '../support/world.js';
import { checkingResponses, responseSchemaFor, schemaProblems, type JsonRoute, type SchemaViolation } from '../support/response-schemas.js';
import { routePattern } from '../hostile/routes.js';
import { warsawToday } from '../../src/platform/i18n/calendar.js';

/**
 * The OpenAPI document tells the truth about answers: every JSON route declares its success
 * answer and its errors (the one envelope; Open311 the specification's list), and what the
 * handlers really return matches what they declare, nothing more (a property the schema does not
 * list would be dropped by the serializer) and nothing of another type. On PGlite.
 */

/** Routes under the API prefixes that answer something other than JSON, and why. */
const notJson: Record<string, string> = {
  'GET /api/v1/districts/export.csv': 'CSV',
  'GET /api/v1/plans/:id/source': 'the original file of an imported plan',
};
const isXml = (route: JsonRoute) => route.url.endsWith('.xml');
const jsonRoutes = (routes: JsonRoute[]) =>
  routes.filter(
    (r) =>
      /^\/(api\/v1|open311)\/|^\/health(\/live|\/ready)?$/.test(r.url) &&
      r.method !== 'HEAD' &&
      !r.hide &&
      !isXml(r) &&
      !Object.hasOwn(notJson, `${r.method} ${r.url}`),
  );

const isErrorEnvelope = (schema: unknown) => (schema as { $ref?: string }).$ref === 'Error#' || schema === open311ErrorsSchema;
/** A placeholder says nothing: an object schema that lists no properties and leaves them open. */
const isPlaceholder = (schema: Record<string, unknown>) =>
  schema.type === 'object' && !schema.properties && schema.additionalProperties === true;

const matches = (schema: unknown, body: unknown) => schemaProblems(schema as object, body);

describe('response schemas of the JSON routes', () => {
  let t: TestApp;
  let routes: JsonRoute[];
  let violations: SchemaViolation[];
  beforeAll(async () => {
    ({ built: t, routes, violations } = await checkingResponses(() => createTestApp('pglite')));
  });
  afterAll(() => t.close());

  it('checks what handlers return, not what the serializer leaves: an unlisted property or a wrong type is found', () => {
    const schema = {
      type: 'object',
      required: ['id'],
      properties: { id: { type: 'integer' }, tags: { type: 'object', additionalProperties: { type: 'string' } } },
    };
    expect(matches(schema, { id: 1, tags: { any: 'name' } })).toEqual([]);
    expect(matches(schema, { id: 1, secret: 'x' })).toEqual([expect.stringContaining('must NOT have additional properties')]);
    expect(matches(schema, { id: '1' })).toEqual([expect.stringContaining('must be integer')]);
    expect(matches({ $ref: 'Error#' }, { error: { code: 'x', message: 'y', extra: 1 } })).toHaveLength(1);
  });

  it('every JSON route declares its success answer and its 4xx in the error envelope', () => {
    const json = jsonRoutes(routes);
    expect(json.length).toBeGreaterThan(60);
    const problems = json.flatMap((route) => {
      const name = `${route.method} ${route.url}`;
      const response = route.response ?? {};
      const success = Object.entries(response).filter(([status]) => status.startsWith('2'));
      const errors = Object.entries(response).filter(([status]) => status.startsWith('4'));
      return [
        ...(success.length === 0 ? [`${name}: no success answer`] : []),
        ...success
          .filter(([, schema]) => isPlaceholder(schema as Record<string, unknown>))
          .map(([status]) => `${name} ${status}: a placeholder, not the answer`),
        ...errors.filter(([, schema]) => !isErrorEnvelope(schema)).map(([status]) => `${name} ${status}: not the error envelope`),
      ];
    });
    expect(problems).toEqual([]);
  });

  it('the OpenAPI document gives every JSON operation a success answer with its schema', async () => {
    const document = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{
      paths: Record<string, Record<string, { responses: Record<string, { content?: object; description?: string }> }>>;
    }>();
    const missing = jsonRoutes(routes).flatMap((route) => {
      const path = route.url.replace(/:([A-Za-z]+)/g, '{$1}');
      const operation = document.paths[path]?.[route.method.toLowerCase()];
      const success = Object.entries(operation?.responses ?? {}).filter(([status]) => status.startsWith('2'));
      const described = success.some(([status, answer]) => status === '204' || answer.content !== undefined);
      return described ? [] : [`${route.method} ${path}`];
    });
    expect(missing).toEqual([]);
  });

  /** The declared schema of the route a request reached, for answers sent as ready text (Open311, GeoJSON). */
  const declared = (method: string, url: string, status: number) => {
    const path = url.split('?')[0]!;
    const route = routes.find((r) => r.method === method && routePattern(r.url).test(path) && !r.url.includes('*'));
    return responseSchemaFor(route?.response, status);
  };
  const checkText = (method: string, url: string, response: LightMyRequestResponse) => {
    const schema = declared(method, url, response.statusCode);
    expect(schema, `${method} ${url} ${response.statusCode}: declared`).toBeDefined();
    expect(matches(schema, response.json()), `${method} ${url} ${response.statusCode}`).toEqual([]);
  };

  const planContent = {
    threat: { category: 'theft_burglary', places: 'parking przy dworcu', description: 'Kradzieże rowerów.', sources: ['residents'] },
    goal: {
      description: 'Mniej kradzieży rowerów o 20 procent.',
      indicator: null,
      baseline: { period: 'I półrocze 2040', value: 10 },
      target: { direction: 'decrease', percent: 20 },
    },
    actions: [{ description: 'Znakowanie rowerów.', from: '2041-02-01', to: '2041-03-31', who: 'dzielnicowy', status: 'planned' }],
    partners: [{ name: 'Straż Miejska', tasks: 'patrole' }],
    communication: ['strona internetowa KPP'],
    signature: null,
  };

  it('the answers of the flows of the API tests (list, detail, create, change, error) match their schemas', async () => {
    const anonymous = new TestClient(t.app);
    const officer = new TestClient(t.app);
    const supervisor = new TestClient(t.app);
    const admin = new TestClient(t.app);
    await officer.signIn(world.accounts.officerA1.login);
    await supervisor.signIn(world.accounts.supervisorA.login);
    await admin.signIn(world.accounts.nationalAdmin.login);
    const ok = async (response: Promise<LightMyRequestResponse>, status = 200) => {
      const answer = await response;
      expect(answer.statusCode, answer.body.slice(0, 300)).toBe(status);
      return answer;
    };

    // Register, accounts, audit, health.
    await ok(anonymous.get('/health'));
    await ok(anonymous.get('/health/live'));
    // 503 while the report index still loads in the background: both answers are declared.
    expect([200, 503]).toContain((await anonymous.get('/health/ready')).statusCode);
    await ok(anonymous.get('/api/v1/units'));
    await ok(anonymous.get(`/api/v1/units/${world.units.a.id}`));
    await ok(anonymous.get(`/api/v1/districts?unitId=${world.units.a.id}`));
    await ok(anonymous.get(`/api/v1/districts/${world.districts.a1.id}`));
    await ok(anonymous.get(`/api/v1/locate?address=${encodeURIComponent(world.districts.a1.address)}`));
    await ok(anonymous.get('/api/v1/locate?address=Krak%C3%B3w%2C%20ul.%20Floria%C5%84ska%2010'), 404);
    await ok(supervisor.get(`/api/v1/districts/${world.districts.a1.id}/assignments`));
    await ok(supervisor.get(`/api/v1/officers?unitId=${world.units.a.id}`));
    await ok(officer.get('/api/v1/session'));
    await ok(admin.get('/api/v1/accounts?pageSize=5'));
    await ok(admin.get('/api/v1/audit?pageSize=5'));
    await ok(admin.get('/api/v1/settings/retention'));
    await ok(admin.get('/api/v1/admin/settings'));
    await ok(admin.send('PUT', '/api/v1/admin/settings/dashboard.reminderDays', { value: [3, 1] }));
    await ok(admin.send('PUT', '/api/v1/admin/settings/map.centreLatitude', { value: 51.25 }));
    await ok(admin.send('PUT', '/api/v1/admin/settings/dashboard.soonDays', { value: 0 }), 400);
    await ok(admin.send('DELETE', `/api/v1/admin/settings/reports.takeUpDays?unitId=${world.units.voivodeship.id}`), 404);
    await ok(admin.send('POST', '/api/v1/units', { name: 'Schema test' }), 400);

    // Plans: create, change, submit, read as staff and as anyone, list, versions, errors.
    const created = (
      await ok(
        officer.send('POST', '/api/v1/plans', { districtId: world.districts.a1.id, periodFrom: '2041-01-01', periodTo: '2041-06-30' }),
        201,
      )
    ).json<{ id: string }>();
    await ok(officer.send('PATCH', `/api/v1/plans/${created.id}`, { content: planContent }));
    await ok(officer.send('POST', `/api/v1/plans/${created.id}/transitions`, { transition: 'submit' }));
    await ok(
      supervisor.send('POST', `/api/v1/plans/${created.id}/transitions`, {
        transition: 'return',
        comments: [{ section: 'goal', item: null, text: 'Określ miernik.' }],
      }),
    );
    await ok(supervisor.get(`/api/v1/plans/${created.id}`));
    await ok(supervisor.get(`/api/v1/plans/${created.id}/versions`));
    const list = (await ok(anonymous.get('/api/v1/plans?pageSize=3'))).json<{ plans: { id: string }[] }>();
    await ok(anonymous.get(`/api/v1/plans/${list.plans[0]!.id}`));
    await ok(anonymous.get(`/api/v1/plans/${created.id}`), 404);
    await ok(anonymous.get('/api/v1/plans?year=1999'), 400);
    // The action log of the running plan of a1: record, list, correct, withdraw, an invalid entry.
    const running = (await ok(anonymous.get(`/api/v1/plans?districtId=${world.districts.a1.id}`))).json<{ plans: { id: string }[] }>();
    const log = `/api/v1/plans/${running.plans[0]!.id}/action-log`;
    const entry = (await ok(officer.send('POST', log, { actionIndex: 0, kind: 'patrol', time: '21:15', place: 'Park' }), 201)).json<{
      id: string;
    }>();
    await ok(supervisor.get(log));
    await ok(officer.send('PUT', `${log}/${entry.id}`, { kind: 'talk', day: '2000-01-01' }), 400);
    await ok(officer.send('PUT', `${log}/${entry.id}`, { kind: 'talk', day: warsawToday() }));
    await ok(officer.send('DELETE', `${log}/${entry.id}`), 204);
    await ok(officer.send('POST', log, { actionIndex: 9, kind: 'patrol' }), 400);
    await ok(anonymous.send('DELETE', `/api/v1/plans/${created.id}`), 401);
    const plan =
      'Plan działania priorytetowego\nKPP w Borowie, rejon służbowy nr 1\nOkres: 01.01.2042 – 30.06.2042\nZagrożenie: kradzieże rowerów.\nCel: zmniejszenie liczby kradzieży o 20%.';
    await ok(anonymous.request({ method: 'POST', url: '/api/v1/plans/parse', payload: plan, headers: { 'content-type': 'text/plain' } }));

    // Reports: the catalogue, a report by address, its public and police views, nearby, the map.
    const categories = (await ok(anonymous.get('/api/v1/report-categories'))).json<{
      categories: { code: string; names: { pl: string } }[];
    }>();
    const parking = categories.categories.find((c) => c.names.pl === 'Nieprawidłowe parkowanie')!.code;
    const reported = (
      await ok(
        anonymous.request({
          method: 'POST',
          url: '/api/v1/reports',
          payload: { category: parking, address: world.districts.a1.address, description: 'Auta na chodniku.' },
          remoteAddress: '198.51.100.7',
        }),
        201,
      )
    ).json<{ id: number }>();
    await ok(anonymous.get(`/api/v1/reports/${reported.id}`));
    await ok(officer.get(`/api/v1/reports/${reported.id}`));
    await ok(officer.send('POST', `/api/v1/reports/${reported.id}/status`, { status: 'verifying', note: 'Sprawdzę.' }));
    await ok(anonymous.get(`/api/v1/reports/nearby?category=${parking}&address=${encodeURIComponent('Borowo, ul. Lipowa 19')}`));
    await ok(anonymous.get('/api/v1/reports/map?bbox=22.4,51.3,22.8,51.6&zoom=10'));
    await ok(anonymous.get('/api/v1/reports/map?bbox=22.590,51.450,22.620,51.470&zoom=16'));
    await ok(anonymous.get('/api/v1/reports/999999999'), 404);

    // Meetings and debates: announce, change, cancel, record, the lists, errors.
    const day = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
    const meetingDetails = {
      kind: 'debate',
      day,
      startsAt: '17:00',
      endsAt: '19:00',
      place: 'Borowo',
      topic: 'Parkowanie',
      districtIds: [world.districts.a1.id],
    };
    const meeting = (await ok(officer.send('POST', '/api/v1/meetings', meetingDetails), 201)).json<{ id: string }>();
    await ok(officer.send('PATCH', `/api/v1/meetings/${meeting.id}`, { topic: 'Parkowanie pod szkołą' }));
    await ok(officer.send('POST', `/api/v1/meetings/${meeting.id}/outcome`, { participants: 3 }), 409);
    await ok(supervisor.send('POST', `/api/v1/meetings/${meeting.id}/cancel`, { reason: 'x' }), 400);
    await ok(supervisor.send('POST', `/api/v1/meetings/${meeting.id}/cancel`, { reason: 'Sala zajęta.' }));
    await ok(officer.send('POST', '/api/v1/meetings', { ...meetingDetails, endsAt: '16:00' }), 400);
    await ok(anonymous.get(`/api/v1/districts/${world.districts.a1.id}/meetings`));
    await ok(anonymous.get(`/api/v1/units/${world.units.a.id}/meetings`));
    await ok(anonymous.get('/api/v1/units/no-such-unit/meetings'), 404);

    // Indicator data: an import with a rejected line, an unusable file, the unit's summary.
    const indicatorCsv = (text: string) =>
      supervisor.request({
        method: 'POST',
        url: `/api/v1/units/${world.units.a.id}/indicator-data`,
        payload: text,
        headers: { 'content-type': 'text/csv' },
      });
    await ok(
      indicatorCsv(
        `data;kategoria;rejon;liczba\n${new Date(Date.now() - 86_400_000).toISOString().slice(0, 10)};kradzież;1;2\n01.01.2020;kradzież;99;1\n`,
      ),
    );
    await ok(indicatorCsv('kto;co\nx;y\n'), 400);
    await ok(supervisor.get(`/api/v1/units/${world.units.a.id}/indicator-data`));
    await ok(supervisor.get('/api/v1/units/no-such-unit/indicator-data'), 404);
    // The partner registry: add (new, existing, near), list, one partner with its plans, change, errors.
    const registry = `/api/v1/units/${world.units.a.id}/partners`;
    const partner = (
      await ok(officer.send('POST', registry, { name: 'Urząd Gminy Borowo', kind: 'local_government', phone: '81 855 20 12' }), 201)
    ).json<{ id: string }>();
    await ok(officer.send('POST', registry, { name: 'urząd gminy borowo', kind: 'local_government' }), 409);
    await ok(officer.send('POST', registry, { name: 'UG w Borowie', kind: 'local_government' }), 409);
    await ok(officer.send('POST', registry, { name: 'Urząd Gminy Borowo', kind: 'local_government', email: 'x' }), 400);
    await ok(supervisor.get(`${registry}?q=borowo&kind=local_government`));
    await ok(supervisor.get(`/api/v1/partners/${partner.id}`));
    await ok(supervisor.send('PATCH', `/api/v1/partners/${partner.id}`, { archived: true, note: 'Sekretariat.' }));
    await ok(anonymous.get(registry), 401);
    await ok(officer.get('/api/v1/units/no-such-unit/partners'), 404);

    const checked = new Set(jsonRoutes(routes).map((r) => `${r.method} ${r.url}`));
    expect(violations.filter((v) => checked.has(v.route))).toEqual([]);
  });

  it('the answers sent as ready text (Open311 JSON, GeoJSON) match their schemas', async () => {
    const anonymous = new TestClient(t.app);
    const get = async (url: string) => {
      const response = await anonymous.get(url);
      checkText('GET', url, response);
      return response;
    };
    await get('/open311/v2/discovery.json');
    const services = (await get('/open311/v2/services.json')).json<{ service_code: string }[]>();
    await get(`/open311/v2/services/${services[0]!.service_code}.json`);
    await get('/open311/v2/services/no-such-service.json');
    const requests = (await get('/open311/v2/requests.json?page_size=5')).json<{ service_request_id: string }[]>();
    if (requests[0]) await get(`/open311/v2/requests/${requests[0].service_request_id}.json`);
    await get('/open311/v2/requests.json?start_date=yesterday');
    const url = '/open311/v2/requests.json';
    const posted = await anonymous.request({
      method: 'POST',
      url,
      payload: { service_code: services[0]!.service_code, address_string: 'Borowo, ul. Szkolna 10', description: 'Opis.' },
      remoteAddress: '198.51.100.8',
    });
    expect(posted.statusCode, posted.body).toBe(201);
    checkText('POST', url, posted);

    await get('/api/v1/boundaries/voivodeships.geojson');
    await get('/api/v1/boundaries/counties.geojson');
    await get('/api/v1/map/overview.geojson?bbox=22.4,51.3,22.8,51.6&zoom=12');
    await get('/api/v1/map/overview.geojson?bbox=nonsense&zoom=12');
    await get(`/api/v1/districts/${world.districts.a1.id}/area.geojson`);
    await get(`/api/v1/districts.geojson?unitId=${world.units.a.id}`);
  });
});
