import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { backends } from '../../../../test/support/databases.js';
import { TestClient, createTestApp, type TestApp } from '../../../../test/support/app.js';
import { allowReportBursts } from '../../../../test/support/reports.js';
import { world } from '../../../../test/support/world.js';
import { snapToGrid } from '../rules/geo.js';

const base = '/open311/v2';
/** Reports by point land in the world's district a1 (inside its polygon), by address at a1's address. */
const a1 = world.districts.a1;
const unitA = world.units.a;
const point = a1.point;
/** A street of a1 with a letter JSON may write as \uXXXX: in neither form may it show in a public answer. */
const secretStreet = a1.rules.map((r) => r.street).find((street) => street !== null && /[^\x20-\x7e]/.test(street))!;
const secretAddress = `${a1.rules[0]!.locality}, ul. ${secretStreet} 17`;
const escapedForJson = (text: string) => text.replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
/** A number as a Polish form writes it ("50,51"): not a number to the API. */
const decimalComma = (n: number) => String(n).replace('.', ',');

interface SpecError {
  code: number;
  description: string;
}

describe.each(backends)('Open311 GeoReport v2 on %s', (backend) => {
  let t: TestApp;
  let ipCounter = 0;
  /** Every report from its own IP address: the default limit is one report a day per address. */
  const nextIp = () => `10.31.${Math.floor(++ipCounter / 250)}.${(ipCounter % 250) + 1}`;

  const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url: `${base}${url}`, headers });
  const post = (
    payload: object | string,
    options: { ip?: string; format?: 'json' | 'xml'; headers?: Record<string, string>; query?: string } = {},
  ) =>
    t.app.inject({
      method: 'POST',
      url: `${base}/requests.${options.format ?? 'json'}${options.query ?? ''}`,
      payload,
      remoteAddress: options.ip ?? nextIp(),
      ...(options.headers ? { headers: options.headers } : {}),
    });
  const postForm = (fields: Record<string, string>, ip = nextIp()) =>
    t.app.inject({
      method: 'POST',
      url: `${base}/requests.json`,
      payload: new URLSearchParams(fields).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      remoteAddress: ip,
    });
  /** A new report by point; returns its number. */
  const report = async (fields: Record<string, unknown> = {}) => {
    const response = await post({ service_code: 'vandalism', lat: point.lat, long: point.lon, ...fields });
    expect(response.statusCode, response.body).toBe(201);
    return Number(response.json()[0].service_request_id);
  };
  const expectSpecError = (response: LightMyRequestResponse, status: number): SpecError[] => {
    expect(response.statusCode, response.body).toBe(status);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    const errors = response.json<SpecError[]>();
    expect(Array.isArray(errors)).toBe(true);
    expect(errors.length).toBeGreaterThan(0);
    for (const error of errors) {
      expect(Object.keys(error).sort()).toEqual(['code', 'description']);
      expect(error.code).toBe(status);
      expect(error.description).not.toMatch(/at .*\.(ts|js):\d+/);
    }
    return errors;
  };

  let admin: TestClient;
  beforeAll(async () => {
    t = await createTestApp(backend);
    // Many reports to one district within minutes, on purpose: not a flood to hold (floods.api.test.ts).
    await allowReportBursts(t.testDb.database.db);
    admin = new TestClient(t.app);
    expect((await admin.signIn(world.accounts.nationalAdmin)).statusCode).toBe(200);
  });
  afterAll(() => t.close());

  describe('discovery and services', () => {
    it('describes the endpoint (discovery.json and .xml)', async () => {
      const response = await get('/discovery.json');
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toMatch(/^application\/json; charset=utf-8/);
      const body = response.json();
      expect(body).toMatchObject({
        changeset: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/),
        contact: expect.any(String),
      });
      expect(body.endpoints).toEqual([
        {
          specification: 'http://wiki.open311.org/GeoReport_v2',
          url: 'http://localhost:80/open311/v2',
          changeset: body.changeset,
          type: 'production',
          formats: ['application/json', 'text/xml'],
        },
      ]);
      const xml = await get('/discovery.xml');
      expect(xml.headers['content-type']).toMatch(/^text\/xml; charset=utf-8/);
      expect(xml.body).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<discovery>/);
      expect(xml.body).toContain('<endpoints><endpoint><specification>http://wiki.open311.org/GeoReport_v2</specification>');
      expect(xml.body).toContain('<formats><format>application/json</format><format>text/xml</format></formats>');
    });

    it('lists the active KMZB categories as services, in Polish or English', async () => {
      const response = await get('/services.json');
      expect(response.statusCode).toBe(200);
      const services = response.json<Record<string, unknown>[]>();
      expect(services.length).toBeGreaterThanOrEqual(27);
      for (const s of services) {
        expect(Object.keys(s).sort()).toEqual(['description', 'group', 'keywords', 'metadata', 'service_code', 'service_name', 'type']);
        expect(s).toMatchObject({ type: 'realtime', group: 'KMZB', metadata: expect.any(Boolean), keywords: expect.any(String) });
      }
      expect(services.find((s) => s.service_code === 'vandalism')).toMatchObject({ service_name: 'Akty wandalizmu', metadata: false });
      expect(services.find((s) => s.service_code === 'dangerous-entertainment-venue')).toMatchObject({ metadata: true });
      expect(services.find((s) => s.service_code === 'grass-burning')?.description).toMatch(/marzec–maj/);

      const english = (await get('/services.json', { 'accept-language': 'en' })).json<Record<string, unknown>[]>();
      expect(english.find((s) => s.service_code === 'vandalism')).toMatchObject({ service_name: 'Vandalism' });
      const byQuery = (await get('/services.json?lang=en')).json<Record<string, unknown>[]>();
      expect(byQuery.find((s) => s.service_code === 'illegal-dumping')).toMatchObject({ service_name: 'Illegal rubbish dumps' });
    });

    it('serves services.xml with escaped text', async () => {
      const names = { pl: 'Gruz & <śmieci> "test"', en: 'Rubble & <rubbish> "test"' };
      expect((await admin.send('POST', '/api/v1/report-categories', { code: 'escape-test', name: names })).statusCode).toBe(201);
      const response = await get('/services.xml');
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toMatch(/^text\/xml/);
      expect(response.body).toContain('<services><service><service_code>');
      expect(response.body).toContain('<service_code>vandalism</service_code><service_name>Akty wandalizmu</service_name>');
      expect(response.body).toContain('<metadata>false</metadata><type>realtime</type>');
      expect(response.body).toContain(
        '<service_code>escape-test</service_code><service_name>Gruz &amp; &lt;śmieci&gt; &quot;test&quot;</service_name>',
      );
      expect(response.body).not.toContain('<śmieci>');
    });

    it('gives service definitions; a required description is an informational attribute', async () => {
      const plain = await get('/services/vandalism.json');
      expect(plain.statusCode).toBe(200);
      expect(plain.json()).toEqual({ service_code: 'vandalism', attributes: [] });
      const required = (await get('/services/dangerous-entertainment-venue.json')).json();
      expect(required.service_code).toBe('dangerous-entertainment-venue');
      expect(required.attributes).toHaveLength(1);
      expect(required.attributes[0]).toMatchObject({
        variable: false,
        code: 'description-required',
        datatype: 'text',
        required: false,
        order: 1,
        description: expect.stringContaining('description'),
      });
      const xml = await get('/services/dangerous-entertainment-venue.xml');
      expect(xml.body).toContain(
        '<service_definition><service_code>dangerous-entertainment-venue</service_code><attributes><attribute><variable>false</variable>',
      );
    });

    it('answers an unknown service with a 404 in the specification format (JSON and XML)', async () => {
      const [error] = expectSpecError(await get('/services/no-such-thing.json'), 404);
      expect(error!.description).toMatch(/no-such-thing/);
      const xml = await get('/services/no-such-thing.xml', { 'accept-language': 'en' });
      expect(xml.statusCode).toBe(404);
      expect(xml.headers['content-type']).toMatch(/^text\/xml/);
      expect(xml.body).toMatch(/<errors><error><code>404<\/code><description>There is no service with the code &quot;no-such-thing&quot;/);
    });

    it('leaves retired categories out', async () => {
      const names = { pl: 'Kategoria wycofana testowa', en: 'Retired test category' };
      expect((await admin.send('POST', '/api/v1/report-categories', { code: 'retired-test', name: names })).statusCode).toBe(201);
      expect((await get('/services.json')).json<{ service_code: string }[]>().some((s) => s.service_code === 'retired-test')).toBe(true);
      const retired = await admin.send('PATCH', '/api/v1/report-categories/retired-test', {
        name: names,
        active: false,
        descriptionRequired: false,
        road: false,
      });
      expect(retired.statusCode).toBe(200);
      expect((await get('/services.json')).json<{ service_code: string }[]>().some((s) => s.service_code === 'retired-test')).toBe(false);
      expectSpecError(await get('/services/retired-test.json'), 404);
      const [error] = expectSpecError(await post({ service_code: 'retired-test', lat: point.lat, long: point.lon }), 400);
      expect(error!.description).toMatch(/^service_code: .*nie jest już dostępna/);
    });
  });

  describe('reporting (POST requests.json)', () => {
    it('accepts a report by point (JSON) and answers in the specification format', async () => {
      const response = await post({
        service_code: 'vandalism',
        lat: point.lat,
        long: point.lon,
        description: 'Zniszczona wiata przystanku.',
        api_key: 'whatever',
      });
      expect(response.statusCode, response.body).toBe(201);
      expect(response.headers['content-type']).toMatch(/^application\/json/);
      const body = response.json();
      expect(body).toHaveLength(1);
      expect(Object.keys(body[0]).sort()).toEqual(['account_id', 'service_notice', 'service_request_id']);
      expect(body[0]).toMatchObject({
        service_request_id: expect.stringMatching(/^\d+$/),
        account_id: null,
        service_notice: expect.stringContaining(`nr ${body[0].service_request_id}`),
      });
      expect(response.headers.location).toBe(`http://localhost:80/open311/v2/requests/${body[0].service_request_id}.json`);
      const stored = await t.testDb.database.db
        .selectFrom('reports')
        .select(['unit_id', 'description', 'category_id'])
        .where('id', '=', Number(body[0].service_request_id))
        .executeTakeFirstOrThrow();
      expect(stored).toMatchObject({ unit_id: unitA.id, description: 'Zniszczona wiata przystanku.', category_id: 'vandalism' });
    });

    it('accepts a form-urlencoded report by address without a CSRF token, and answers in XML', async () => {
      const form = await postForm({
        service_code: 'illegal-dumping',
        address_string: a1.address,
        description: 'Worki ze śmieciami.',
        email: 'jan.kowalski@example.pl',
      });
      expect(form.statusCode, form.body).toBe(201);
      const id = Number(form.json()[0].service_request_id);
      const stored = await t.testDb.database.db
        .selectFrom('reports')
        .select(['unit_id', 'district_id', 'address', 'email'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      expect(stored).toMatchObject({ unit_id: unitA.id, district_id: a1.id, address: a1.address, email: 'jan.kowalski@example.pl' });

      const xml = await post({ service_code: 'vandalism', lat: String(point.lat), long: String(point.lon) }, { format: 'xml' });
      expect(xml.statusCode, xml.body).toBe(201);
      expect(xml.headers['content-type']).toMatch(/^text\/xml/);
      expect(xml.body).toMatch(
        /^<\?xml version="1.0" encoding="UTF-8"\?>\n<service_requests><request><service_request_id>\d+<\/service_request_id><service_notice>[^<]+<\/service_notice><account_id\/><\/request><\/service_requests>/,
      );
    });

    it('ignores a signed-in session: the report stays anonymous', async () => {
      const officer = new TestClient(t.app);
      expect((await officer.signIn(world.officerOf.a1!)).statusCode).toBe(200);
      const response = await t.app.inject({
        method: 'POST',
        url: `${base}/requests.json`,
        payload: { service_code: 'vandalism', lat: point.lat, long: point.lon },
        headers: { cookie: [...officer.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
        remoteAddress: nextIp(),
      });
      expect(response.statusCode, response.body).toBe(201);
      const id = Number(response.json()[0].service_request_id);
      const event = await t.testDb.database.db
        .selectFrom('report_events')
        .select(['actor_id', 'actor_label'])
        .where('report_id', '=', id)
        .executeTakeFirstOrThrow();
      expect(event).toEqual({ actor_id: null, actor_label: 'mieszkaniec (Open311)' });
    });

    it('rejects an unknown service_code, a missing or half place, and bad numbers with 400', async () => {
      const [unknown] = expectSpecError(await post({ service_code: 'no-such-thing', lat: point.lat, long: point.lon }), 400);
      expect(unknown!.description).toMatch(/no-such-thing/);
      const [missing] = expectSpecError(await post({ service_code: 'vandalism', description: 'Bez miejsca.' }), 400);
      expect(missing!.description).toMatch(/address_string/);
      expectSpecError(await post({ service_code: 'vandalism', lat: point.lat }), 400);
      const [notNumber] = expectSpecError(
        await postForm({ service_code: 'vandalism', lat: decimalComma(point.lat), long: decimalComma(point.lon) }),
        400,
      );
      expect(notNumber!.description).toMatch(/lat/);
      expectSpecError(await post({ lat: point.lat, long: point.lon }), 400);
      const [unknownField] = expectSpecError(
        await post({ service_code: 'vandalism', lat: point.lat, long: point.lon, media_url: 'http://example.org/x.jpg' }),
        400,
      );
      expect(unknownField!.description).toMatch(/media_url/);
      expectSpecError(await post({ service_code: 'vandalism', lat: true, long: point.lon }), 400);
      const invalidJson = await post('{"service_code":', { headers: { 'content-type': 'application/json' } });
      expectSpecError(invalidJson, 400);
      const [required] = expectSpecError(
        await post({ service_code: 'dangerous-entertainment-venue', lat: point.lat, long: point.lon }),
        400,
      );
      expect(required!.description).toMatch(/^description: /);
      const [email] = expectSpecError(
        await post({ service_code: 'vandalism', lat: point.lat, long: point.lon, email: 'not-an-email' }),
        400,
      );
      expect(email!.description).toMatch(/^email: /);
    });

    it('answers 422 for a place outside Poland, outside the units and an unknown address', async () => {
      const [paris] = expectSpecError(await post({ service_code: 'vandalism', lat: 48.8566, long: 2.3522 }), 422);
      expect(paris!.description).toMatch(/poza Polską/);
      const [krakow] = expectSpecError(await post({ service_code: 'vandalism', lat: 50.0614, long: 19.9366 }), 422);
      expect(krakow!.description).toMatch(/poza obszarem/);
      const [nowhere] = expectSpecError(
        await post({ service_code: 'vandalism', address_string: 'Zzyzx, ul. Nieistniejąca 1' }, { headers: { 'accept-language': 'en' } }),
        422,
      );
      expect(nowhere!.description).toMatch(/^We could not find this address/);
    });

    it('allows one report a day per IP address: the second gets 429 with Retry-After', async () => {
      const ip = '10.99.0.1';
      expect((await post({ service_code: 'vandalism', lat: point.lat, long: point.lon }, { ip })).statusCode).toBe(201);
      const second = await post({ service_code: 'stray-dogs', address_string: a1.address }, { ip });
      const [error] = expectSpecError(second, 429);
      expect(Number(second.headers['retry-after'])).toBeGreaterThan(86_000);
      expect(error!.description).toMatch(/112/);
      const english = await post({ service_code: 'vandalism', lat: point.lat, long: point.lon }, { ip, format: 'xml', query: '?lang=en' });
      expect(english.statusCode).toBe(429);
      expect(english.body).toMatch(/<errors><error><code>429<\/code><description>The most reports allowed/);
    });
  });

  describe('reading requests', () => {
    it('shows one request with the public fields only', async () => {
      const id = await report({ description: 'Tajny opis tylko dla Policji.', email: 'anna.nowak@example.pl' });
      const response = await get(`/requests/${id}.json`);
      expect(response.statusCode).toBe(200);
      const [request] = response.json();
      expect(Object.keys(request).sort()).toEqual(
        [
          'address_id',
          'agency_responsible',
          'expected_datetime',
          'extended_attributes',
          'lat',
          'long',
          'media_url',
          'requested_datetime',
          'service_code',
          'service_name',
          'service_notice',
          'service_request_id',
          'status',
          'status_notes',
          'updated_datetime',
          'zipcode',
        ].sort(),
      );
      expect(request).toMatchObject({
        service_request_id: String(id),
        status: 'open',
        status_notes: 'Nowe',
        service_code: 'vandalism',
        service_name: 'Akty wandalizmu',
        agency_responsible: unitA.name,
        expected_datetime: null,
        address_id: null,
        zipcode: null,
        media_url: null,
        extended_attributes: { status: 'new', status_name: 'Nowe', approximate_position: true },
      });
      expect(request.requested_datetime).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/);
      expect(request.extended_attributes.district_id).toBe(a1.id);
      expect((await get(`/requests/${id}.json`, { 'accept-language': 'en' })).json()[0]).toMatchObject({
        status_notes: 'New',
        service_name: 'Vandalism',
      });
      const xml = await get(`/requests/${id}.xml`);
      expect(xml.body).toContain(`<service_requests><request><service_request_id>${id}</service_request_id><status>open</status>`);
      expect(xml.body).toContain('<extended_attributes><status>new</status>');
    });

    it('never shows the description, the e-mail, the exact point or the typed address', async () => {
      // A point of a1 with six decimals, off the public grid.
      const exact = { lat: Number((point.lat + 0.003317).toFixed(6)), lon: Number((point.lon - 0.001567).toFixed(6)) };
      const snapped = snapToGrid(exact.lon, exact.lat);
      // The test itself must be able to tell the two apart.
      expect(String(snapped.lat).startsWith(String(exact.lat))).toBe(false);
      expect(String(snapped.lon).startsWith(String(exact.lon))).toBe(false);
      const secret = { description: 'Sekretny opis 7Q3X dla Policji', email: 'sekret.7q3x@example.pl' };
      const byPoint = await report({ lat: exact.lat, long: exact.lon, ...secret });
      const byAddressResponse = await post({ service_code: 'vandalism', address_string: secretAddress, ...secret });
      expect(byAddressResponse.statusCode).toBe(201);
      const byAddress = Number(byAddressResponse.json()[0].service_request_id);

      const bodies = [
        await get(`/requests/${byPoint}.json`),
        await get(`/requests/${byPoint}.xml`),
        await get(`/requests/${byAddress}.json`),
        await get(`/requests/${byAddress}.xml`),
        await get(`/requests.json?service_request_id=${byPoint},${byAddress}`),
        await get(`/requests.xml?service_request_id=${byPoint},${byAddress}`),
        await get('/requests.json?page_size=100'),
      ].map((r) => {
        expect(r.statusCode).toBe(200);
        return r.body;
      });
      for (const body of bodies) {
        for (const forbidden of [
          '7Q3X',
          '7q3x',
          'Sekretny',
          String(exact.lat),
          String(exact.lon),
          secretStreet,
          escapedForJson(secretStreet),
          '"address"',
          '<address>',
          '"description"',
          '<description>',
        ]) {
          expect(body).not.toContain(forbidden);
        }
      }
      const [shown] = (await get(`/requests/${byPoint}.json`)).json();
      expect({ lat: shown.lat, lon: shown.long }).toEqual(snapped);
      expect(shown.lat).not.toBe(exact.lat);
      expect(shown.long).not.toBe(exact.lon);
      const [address] = (await get(`/requests/${byAddress}.json`)).json();
      expect({ lat: address.lat, long: address.long }).toEqual({ lat: null, long: null });
    });

    it('answers an unknown or malformed request number with a 404', async () => {
      const [error] = expectSpecError(await get('/requests/999999999.json'), 404);
      expect(error!.description).toMatch(/999999999/);
      expectSpecError(await get('/requests/abc.json'), 404);
      expectSpecError(await get('/requests/12'), 404);
      expectSpecError(await get('/no-such-resource.json'), 404);
      const xml = await get('/nothing-here.xml');
      expect(xml.statusCode).toBe(404);
      expect(xml.body).toMatch(/<errors><error><code>404<\/code>/);
    });

    it('lists requests newest first, pages them and links the next page', async () => {
      const ids: number[] = [];
      for (let i = 0; i < 3; i++) ids.push(await report({ service_code: 'stray-dogs' }));
      const first = await get('/requests.json?service_code=stray-dogs&page_size=2');
      expect(first.statusCode).toBe(200);
      expect(first.json().map((r: { service_request_id: string }) => Number(r.service_request_id))).toEqual([ids[2], ids[1]]);
      expect(first.headers.link).toMatch(/page=2.*rel="next"/);
      const second = await get('/requests.json?service_code=stray-dogs&page_size=2&page=2');
      expect(second.json().map((r: { service_request_id: string }) => Number(r.service_request_id))).toEqual([ids[0]]);
      expect(second.headers.link).toBeUndefined();
      const all = (await get('/requests.json')).json<{ requested_datetime: string }[]>();
      expect(all.length).toBeLessThanOrEqual(50);
      const times = all.map((r) => r.requested_datetime);
      expect([...times].sort().reverse()).toEqual(times);
      expectSpecError(await get('/requests.json?page_size=101'), 400);
      expectSpecError(await get('/requests.json?page=0'), 400);
      expectSpecError(await get('/requests.json?page=abc'), 400);
    });

    it('filters by service_request_id, service_code and status', async () => {
      const dumping = await report({ service_code: 'illegal-dumping' });
      const closed = await report({ service_code: 'illegal-dumping' });
      const supervisor = new TestClient(t.app);
      expect((await supervisor.signIn(world.supervisorOf.a)).statusCode).toBe(200);
      for (const status of ['verifying', 'not_confirmed']) {
        const changed = await supervisor.send('POST', `/api/v1/reports/${closed}/status`, { status, note: 'Notatka wewnętrzna 5KZ' });
        expect(changed.statusCode, changed.body).toBe(200);
      }
      const idsOf = (response: LightMyRequestResponse) =>
        response.json<{ service_request_id: string }[]>().map((r) => Number(r.service_request_id));

      expect(idsOf(await get(`/requests.json?service_request_id=${closed},${dumping}`))).toEqual([closed, dumping]);
      const closedOnes = await get('/requests.json?service_code=illegal-dumping&status=closed');
      expect(idsOf(closedOnes)).toEqual([closed]);
      expect(closedOnes.json()[0]).toMatchObject({
        status: 'closed',
        status_notes: 'Niepotwierdzone',
        extended_attributes: { status: 'not_confirmed' },
      });
      expect(closedOnes.body).not.toContain('5KZ');
      expect(idsOf(await get('/requests.json?service_code=illegal-dumping&status=open'))).toContain(dumping);
      expect(idsOf(await get('/requests.json?service_code=illegal-dumping&status=open'))).not.toContain(closed);
      expect(idsOf(await get('/requests.json?service_code=illegal-dumping&status=open,closed'))).toEqual(
        expect.arrayContaining([closed, dumping]),
      );
      const both = idsOf(await get('/requests.json?service_code=illegal-dumping,vandalism'));
      expect(both).toEqual(expect.arrayContaining([closed, dumping]));
      expect(idsOf(await get('/requests.json?service_code=stray-dogs'))).not.toContain(dumping);
      // The ids override every other filter (GeoReport v2).
      expect(idsOf(await get(`/requests.json?service_request_id=${closed}&status=open&service_code=vandalism`))).toEqual([closed]);

      expectSpecError(await get('/requests.json?status=pending'), 400);
      expectSpecError(await get('/requests.json?service_code=no-such-thing'), 400);
      expectSpecError(await get('/requests.json?service_request_id=1,abc'), 400);
      expectSpecError(await get('/requests.json?unknown_parameter=1'), 400);
    });

    it('keeps to the last 90 days unless dates are given, and checks the dates', async () => {
      const old = await report({ service_code: 'begging' });
      const recent = await report({ service_code: 'begging' });
      await sql`update reports set created_at = now() - interval '120 days' where id = ${old}`.execute(t.testDb.database.db);
      const idsOf = (response: LightMyRequestResponse) =>
        response.json<{ service_request_id: string }[]>().map((r) => Number(r.service_request_id));

      expect(idsOf(await get('/requests.json?service_code=begging'))).toEqual([recent]);
      const since = new Date(Date.now() - 200 * 86_400_000).toISOString();
      expect(idsOf(await get(`/requests.json?service_code=begging&start_date=${since}`))).toEqual([recent, old]);
      const until = new Date(Date.now() - 100 * 86_400_000).toISOString();
      expect(idsOf(await get(`/requests.json?service_code=begging&start_date=${since}&end_date=${until}`))).toEqual([old]);
      expect(idsOf(await get(`/requests.json?service_code=begging&end_date=${until}`))).toEqual([old]);
      // A "+" left unencoded in the query arrives as a space and is still read as an offset.
      expect(idsOf(await get('/requests.json?service_code=begging&start_date=2000-01-01T00:00:00+01:00'))).toEqual([recent, old]);
      expect(idsOf(await get(`/requests.json?service_request_id=${old}`))).toEqual([old]);

      const [bad] = expectSpecError(await get('/requests.json?start_date=2026-13-45'), 400);
      expect(bad!.description).toMatch(/start_date/);
      const [english] = expectSpecError(await get('/requests.json?end_date=yesterday', { 'accept-language': 'en' }), 400);
      expect(english!.description).toMatch(/^The parameter end_date must be a date and time/);
      expectSpecError(await get('/requests.json?start_date=2026-01-01'), 400);
      expectSpecError(await get(`/requests.json?start_date=${until}&end_date=${since}`), 400);
      const xml = await get('/requests.xml?start_date=bad');
      expect(xml.statusCode).toBe(400);
      expect(xml.body).toMatch(/<errors><error><code>400<\/code><description>Parametr start_date/);
    });
  });
});
