import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../../../test/support/databases.js';
import { TestClient, createTestApp, type TestApp } from '../../../test/support/app.js';
import { allowReportBursts } from '../../../test/support/reports.js';
import { world } from '../../../test/support/world.js';

/** Reports land in a1 of unit A; a2 is another district of the unit, c1 one of another voivodeship. */
const district = world.districts.a1;
const point = district.point;
/** Addresses in a1 on streets it holds whole, one street per test: `inA1(0, 3)` is "Borowo, ul. Kwiatowa 3". */
const wholeStreets = district.rules.filter((rule) => rule.street && rule.numbers === null);
const inA1 = (street: number, number: number) => `${wholeStreets[street]!.locality}, ul. ${wholeStreets[street]!.street} ${number}`;
/** Who acts: a1's officer and unit A's supervisor, an officer of unit B, a supervisor of unit C, the national administrator. */
const people = {
  officer: world.officerOf.a1!,
  supervisor: world.supervisorOf.a,
  otherOfficer: world.officerOf.b1!,
  otherSupervisor: world.supervisorOf.c,
  admin: world.accounts.nationalAdmin,
};
type Who = keyof typeof people;

describe.each(backends)('threat reports on %s', (backend) => {
  let t: TestApp;
  let ipCounter = 0;
  /** A resident with an IP address of their own (the app trusts X-Forwarded-For in this test). */
  const resident = () => new TestClient(t.app, { headers: { 'x-forwarded-for': `198.51.100.${++ipCounter}` } });
  const staff = {} as Record<Who, TestClient>;
  const outbox = () => t.testDb.database.db.selectFrom('outbox').selectAll().orderBy('id').execute();
  const report = async (body: object, client = resident()) => client.send('POST', '/api/v1/reports', body);
  let parking: string;
  /** The categories before any test ran: what the migrations loaded (tests add categories of their own). */
  let loaded: { code: string; names: { pl: string } }[];

  beforeAll(async () => {
    t = await createTestApp(backend, { TRUST_PROXY: '1' });
    // Many reports to a few districts within minutes, on purpose: not a flood to hold (floods.api.test.ts).
    await allowReportBursts(t.testDb.database.db);
    for (const [who, account] of Object.entries(people)) {
      staff[who as Who] = new TestClient(t.app, { headers: { 'x-forwarded-for': '203.0.113.1' } });
      await staff[who as Who].signIn(account);
    }
    loaded = (await resident().get('/api/v1/report-categories')).json().categories;
    parking = loaded.find((c) => c.names.pl === 'Nieprawidłowe parkowanie')!.code;
  });
  afterAll(() => t.close());

  it('loads the KMZB catalogue of 27 categories as data', async () => {
    expect(loaded).toHaveLength(27);
    const categories = (await resident().get('/api/v1/report-categories', { 'accept-language': 'en' })).json().categories;
    expect(categories.find((c: { code: string }) => c.code === parking).name).toBe('Illegal parking');
  });

  it('takes a report by map point into the district found from the point, and e-mails the district', async () => {
    const located = (await resident().get(`/api/v1/locate?lat=${point.lat}&lon=${point.lon}`)).json();
    const before = (await outbox()).length;
    const response = await report({
      category: parking,
      lat: point.lat,
      lon: point.lon,
      description: 'Samochody na chodniku przy szkole.',
      email: 'mieszkaniec@example.com',
    });
    expect(response.statusCode).toBe(201);
    const body = response.json();
    expect(body).toMatchObject({ status: 'new', districtId: located.matches[0].district.id, unitId: district.unitId, open: true });
    // Public: approximate position only, never the description or e-mail.
    expect(body.position.approximate).toBe(true);
    expect([body.position.lat, body.position.lon]).not.toEqual([point.lat, point.lon]);
    expect(JSON.stringify(body)).not.toMatch(/chodniku|mieszkaniec@/);
    const mail = (await outbox()).slice(before);
    expect(mail).toHaveLength(1);
    expect(mail[0]).toMatchObject({ recipient: district.email });
    expect(mail[0]!.subject).toContain(String(body.id));
    expect(mail[0]!.body).not.toContain('chodniku');
    // The change is in the audit log under the resident's label and address, as every change is.
    const audit = await t.testDb.database.db
      .selectFrom('audit_log')
      .select(['action', 'actor_label', 'ip'])
      .where('entity_type', '=', 'reports')
      .where('entity_id', '=', String(body.id))
      .execute();
    expect(audit).toEqual([{ action: 'insert', actor_label: 'mieszkaniec', ip: `198.51.100.${ipCounter}` }]);
  });

  it('takes a report by typed address, with no map at all', async () => {
    const response = await report({ category: parking, address: district.address });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ districtId: district.id, position: null });
  });

  it('rejects bad input with a clear message in the resident’s language and stores nothing', async () => {
    const count = async () =>
      Number(
        (
          await t.testDb.database.db
            .selectFrom('reports')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    const missing = await report({ category: parking });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.code).toBe('validation_failed');
    expect(missing.json().error.details[0].message).toMatch(/mapie|adres/i);
    const english = await resident().send(
      'POST',
      '/api/v1/reports',
      { category: 'no-such-kind', lat: 51.46, lon: 22.6 },
      { 'accept-language': 'en' },
    );
    expect(english.statusCode).toBe(400);
    expect(
      english
        .json()
        .error.details.map((d: { message: string }) => d.message)
        .join(' '),
    ).toMatch(/categor/i);
    const tooLong = await report({ category: parking, lat: 51.46, lon: 22.6, description: 'x'.repeat(501) });
    expect(tooLong.statusCode).toBe(400);
    const unknownField = await report({ category: parking, lat: 51.46, lon: 22.6, reporterName: 'Jan' });
    expect(unknownField.statusCode).toBe(400);
    const outside = await report({ category: parking, lat: 50.06, lon: 19.94 }); // Kraków: no unit of ours
    expect(outside.statusCode).toBe(422);
    expect(outside.json().error.code).toBe('outside_service_area');
    const unknownAddress = await report({ category: parking, address: `${district.rules[0]!.locality}, ul. Nieistniejąca 5` });
    expect(unknownAddress.statusCode).toBe(422);
    expect(await count()).toBe(before);
  });

  it('limits reports per IP address (one a day by default) with 429 and Retry-After', async () => {
    const same = resident();
    expect((await report({ category: parking, address: inA1(0, 3) }, same)).statusCode).toBe(201);
    const second = await report({ category: parking, address: inA1(0, 5) }, same);
    expect(second.statusCode).toBe(429);
    expect(Number(second.headers['retry-after'])).toBeGreaterThan(80_000);
    expect(second.json().error.message).toMatch(/112/);
    expect((await report({ category: parking, address: inA1(0, 5) })).statusCode).toBe(201);
  });

  it('lets one of simultaneous reports from one address through the one-a-day limit and stores none of the others', async () => {
    const same = resident();
    const count = async () =>
      Number(
        (
          await t.testDb.database.db
            .selectFrom('reports')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    const answers = await Promise.all([1, 3, 5, 7, 9].map((n) => report({ category: parking, address: inA1(0, n) }, same)));
    expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 429, 429, 429, 429]);
    expect(await count()).toBe(before + 1);
  });

  it('counts an IPv6 client per /64, not per address, for reports and "me too", and stores only that key', async () => {
    const client = (ip: string) => new TestClient(t.app, { headers: { 'x-forwarded-for': ip } });
    const first = await report({ category: parking, address: inA1(1, 1) }, client('2001:db8:77:1::1'));
    expect(first.statusCode).toBe(201);
    // Another address of the same /64 is the same home or phone: the day's one report is used up.
    const rotated = await report({ category: parking, address: inA1(1, 3) }, client('2001:db8:77:1:ffff:abcd:1234:5678'));
    expect(rotated.statusCode).toBe(429);
    expect((await report({ category: parking, address: inA1(1, 5) }, client('2001:db8:77:2::1'))).statusCode).toBe(201);
    // An IPv4 client seen as an IPv4-mapped IPv6 address is the same client.
    expect((await report({ category: parking, address: inA1(1, 7) }, client('192.0.2.77'))).statusCode).toBe(201);
    expect((await report({ category: parking, address: inA1(1, 9) }, client('::ffff:192.0.2.77'))).statusCode).toBe(429);
    const stored = await t.testDb.database.db
      .selectFrom('reports')
      .select('reporter_ip')
      .where('id', '=', first.json().id)
      .executeTakeFirstOrThrow();
    expect(stored.reporter_ip).toBe('2001:db8:77:1::/64');
    // "Me too" once per client as well.
    const target = first.json().id as number;
    expect((await client('2001:db8:88:1::10').send('POST', `/api/v1/reports/${target}/confirmations`)).statusCode).toBe(200);
    expect((await client('2001:db8:88:1::20').send('POST', `/api/v1/reports/${target}/confirmations`)).statusCode).toBe(409);
    const confirmations = await t.testDb.database.db
      .selectFrom('report_confirmations')
      .select('reporter_ip')
      .where('report_id', '=', target)
      .execute();
    expect(confirmations).toEqual([{ reporter_ip: '2001:db8:88:1::/64' }]);
  });

  it('e-mails the district the number, the exact category name and the place, whatever characters they hold', async () => {
    const added = await staff.admin.send('POST', '/api/v1/report-categories', {
      code: 'glosna-muzyka',
      name: { pl: 'Muzyka 100% za głośno %s %1$s', en: 'Music too loud' },
    });
    expect(added.statusCode).toBe(201);
    const before = (await outbox()).length;
    const created = await report({ category: 'glosna-muzyka', lat: point.lat, lon: point.lon });
    expect(created.statusCode).toBe(201);
    const id = created.json().id as number;
    const [mail] = (await outbox()).slice(before);
    expect(mail!.subject).toBe(`Nowe zgłoszenie KMZB nr ${id}: Muzyka 100% za głośno %s %1$s`);
    expect(mail!.body).toContain(`Nowe zgłoszenie zagrożenia nr ${id} w rejonie: `);
    expect(mail!.body).toContain('Kategoria: Muzyka 100% za głośno %s %1$s.');
    expect(mail!.body).toMatch(new RegExp(`/admin/reports/${id}$`));
  });

  it('accepts and drops a bot that fills the honeypot', async () => {
    const response = await report({
      category: parking,
      address: inA1(2, 1),
      description: 'spam-honeypot-text',
      website: 'http://spam.example',
    });
    expect(response.statusCode).toBe(202);
    const stored = await t.testDb.database.db.selectFrom('reports').select('id').where('description', '=', 'spam-honeypot-text').execute();
    expect(stored).toHaveLength(0);
  });

  it('shows open reports of the same kind within 250 m, and counts "me too" once per IP address', async () => {
    const first = (await report({ category: parking, lat: point.lat + 0.0005, lon: point.lon })).json();
    const nearby = (await resident().get(`/api/v1/reports/nearby?category=${parking}&lat=${point.lat + 0.0007}&lon=${point.lon}`)).json()
      .reports;
    expect(nearby.map((r: { id: number }) => r.id)).toContain(first.id);
    expect(nearby.find((r: { id: number }) => r.id === first.id)).toMatchObject({
      proximity: 'within_100_m',
      proximityText: 'w promieniu ok. 100 m',
    });
    const far = (await resident().get(`/api/v1/reports/nearby?category=${parking}&lat=${point.lat + 0.01}&lon=${point.lon}`)).json()
      .reports;
    expect(far.map((r: { id: number }) => r.id)).not.toContain(first.id);
    const neighbour = resident();
    expect((await neighbour.send('POST', `/api/v1/reports/${first.id}/confirmations`)).json().confirmations).toBe(1);
    expect((await neighbour.send('POST', `/api/v1/reports/${first.id}/confirmations`)).statusCode).toBe(409);
  });

  it('lets the district officer and the unit’s supervisor verify, and nobody else', async () => {
    const created = (
      await report({
        category: parking,
        address: inA1(4, 2),
        email: 'sasiad@example.com',
        description: 'Opis tylko dla Policji',
      })
    ).json();
    const set = (who: Who, body: object, id = created.id) => staff[who].send('POST', `/api/v1/reports/${id}/status`, body);
    // Police who may not read the report: not found, as on its staff page.
    expect((await set('otherOfficer', { status: 'verifying' })).statusCode).toBe(404);
    expect((await set('otherSupervisor', { status: 'verifying' })).statusCode).toBe(404);
    expect((await resident().send('POST', `/api/v1/reports/${created.id}/status`, { status: 'verifying' })).statusCode).toBe(401);
    const skip = await set('officer', { status: 'eliminated' });
    expect(skip.statusCode).toBe(409);
    expect(skip.json().error.message).toMatch(/Nowe/);
    const before = (await outbox()).length;
    const verifying = await set('officer', { status: 'verifying', note: 'Sprawdzę na obchodzie.' });
    expect(verifying.statusCode).toBe(200);
    expect(verifying.json().internal.description).toBe('Opis tylko dla Policji');
    expect((await set('officer', { status: 'confirmed' })).json().status).toBe('confirmed');
    // The reporter heard of both changes.
    const news = (await outbox()).slice(before).filter((m) => m.recipient === 'sasiad@example.com');
    expect(news).toHaveLength(2);
    expect(news[1]!.body).toContain('Potwierdzone');
    const forwarded = await set('supervisor', { status: 'forwarded', forwardedTo: 'Zarząd Dróg Powiatowych w Borowie' });
    expect(forwarded.json()).toMatchObject({ status: 'forwarded', forwardedTo: 'Zarząd Dróg Powiatowych w Borowie', open: false });
    // Closed: the e-mail is erased, and the audit log never held it.
    const row = await t.testDb.database.db.selectFrom('reports').select('email').where('id', '=', created.id).executeTakeFirstOrThrow();
    expect(row.email).toBeNull();
    const audit = await t.testDb.database.db
      .selectFrom('audit_log')
      .select(['before', 'after'])
      .where('entity_type', '=', 'reports')
      .where('entity_id', '=', String(created.id))
      .execute();
    expect(JSON.stringify(audit)).not.toContain('sasiad@example.com');
    // The public view shows the outcome, never the internal note.
    const publicView = (await resident().get(`/api/v1/reports/${created.id}`)).json();
    expect(publicView.status).toBe('forwarded');
    expect(JSON.stringify(publicView)).not.toMatch(/obchodzie|Opis tylko/);
    const history = (await staff.supervisor.get(`/api/v1/reports/${created.id}`)).json().history;
    expect(history.map((h: { to: string | null }) => h.to)).toEqual(['new', 'verifying', 'confirmed', 'forwarded']);
    expect(history[1].note).toBe('Sprawdzę na obchodzie.');
    // Only a supervisor reopens a closed report.
    expect((await set('officer', { status: 'verifying' })).statusCode).toBe(403);
    expect((await set('supervisor', { status: 'verifying' })).json().status).toBe('verifying');
  });

  it('marks a duplicate of another report and changes many statuses at once, all or nothing', async () => {
    const original = (await report({ category: parking, address: inA1(3, 4) })).json();
    const copy = (await report({ category: parking, address: inA1(3, 6) })).json();
    const duplicate = await staff.officer.send('POST', `/api/v1/reports/${copy.id}/status`, {
      status: 'duplicate',
      duplicateOf: original.id,
    });
    expect(duplicate.json()).toMatchObject({ status: 'duplicate', duplicateOf: original.id });
    const other = (await report({ category: parking, address: inA1(0, 9) })).json();
    await staff.supervisor.send('POST', `/api/v1/reports/${other.id}/status`, { status: 'verifying' });
    // A new report cannot be confirmed before verification: nothing changes, and the error names it.
    const mixed = await staff.supervisor.send('POST', '/api/v1/reports/status', {
      ids: [other.id, original.id],
      status: 'confirmed',
    });
    expect(mixed.statusCode).toBe(409);
    expect(mixed.json().error.message).toContain(String(original.id));
    expect((await resident().get(`/api/v1/reports/${other.id}`)).json().status).toBe('verifying');
    const bulk = await staff.supervisor.send('POST', '/api/v1/reports/status', { ids: [original.id], status: 'verifying' });
    expect(bulk.json().reports.map((r: { status: string }) => r.status)).toEqual(['verifying']);
    expect((await staff.officer.send('POST', '/api/v1/reports/status', { ids: [original.id], status: 'confirmed' })).statusCode).toBe(403);
  });

  it('lets a supervisor give a report to another district of the unit, and that officer then handles it', async () => {
    const created = (await report({ category: parking, address: world.districts.a2.address })).json();
    expect(created.districtId).not.toBe(district.id);
    // Another district's report is not this officer's to read, so not found for changes either.
    expect((await staff.officer.send('POST', `/api/v1/reports/${created.id}/status`, { status: 'verifying' })).statusCode).toBe(404);
    // Assigning is a supervisor's work: an officer's role is refused (403) before any report is read.
    expect((await staff.officer.send('POST', `/api/v1/reports/${created.id}/assignment`, { districtId: district.id })).statusCode).toBe(
      403,
    );
    const moved = await staff.supervisor.send('POST', `/api/v1/reports/${created.id}/assignment`, {
      districtId: district.id,
    });
    expect(moved.json().districtId).toBe(district.id);
    expect(
      (await staff.supervisor.send('POST', `/api/v1/reports/${created.id}/assignment`, { districtId: world.districts.c1.id })).statusCode,
    ).toBe(403);
    expect((await staff.officer.send('POST', `/api/v1/reports/${created.id}/status`, { status: 'verifying' })).statusCode).toBe(200);
  });

  it('lets admins add, rename and retire categories; retired ones stay on old reports', async () => {
    const admin = staff.admin;
    const added = await admin.send('POST', '/api/v1/report-categories', {
      code: 'halas-nocny',
      name: { pl: 'Hałas w nocy', en: 'Noise at night' },
    });
    expect(added.statusCode).toBe(201);
    expect(
      (await admin.send('POST', '/api/v1/report-categories', { code: 'halas-nocny', name: { pl: 'Inny hałas', en: 'Other noise' } }))
        .statusCode,
    ).toBe(400);
    expect(
      (await staff.supervisor.send('POST', '/api/v1/report-categories', { code: 'x-y', name: { pl: 'Abc', en: 'Abc' } })).statusCode,
    ).toBe(403);
    const old = (await report({ category: 'halas-nocny', address: inA1(2, 3) })).json();
    const retired = await admin.send('PATCH', '/api/v1/report-categories/halas-nocny', {
      name: { pl: 'Hałas nocny', en: 'Night noise' },
      active: false,
      descriptionRequired: false,
      road: false,
    });
    expect(retired.json()).toMatchObject({ name: 'Hałas nocny', active: false });
    expect((await report({ category: 'halas-nocny', address: inA1(2, 5) })).statusCode).toBe(400);
    expect((await resident().get(`/api/v1/reports/${old.id}`)).json().category).toBe('halas-nocny');
  });

  it('requires a description where the category says so', async () => {
    const categories = (await resident().get('/api/v1/report-categories')).json().categories as {
      code: string;
      descriptionRequired: boolean;
      active: boolean;
    }[];
    const strict = categories.find((c) => c.descriptionRequired && c.active)!;
    const response = await report({ category: strict.code, address: inA1(2, 7) });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details[0].field).toBe('description');
  });
});
