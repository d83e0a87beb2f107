import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../../../test/support/databases.js';
import { TestClient, type TestApp, createTestApp } from '../../../test/support/app.js';
import { world } from '../../../test/support/world.js';

const { a1, a2 } = world.districts;
const unitA = world.units.a.id;
const registry = `/api/v1/units/${unitA}/partners`;

interface PartnerJson {
  id: string;
  name: string;
  kind: string;
  kindLabel: string;
  contact: { person: string | null; phone: string | null; email: string | null; address: string | null };
  archived: boolean;
}

describe.each(backends)('the partner registry on %s', (backend) => {
  let t: TestApp;
  const as: Record<string, TestClient> = {};
  let serial = 0;
  /** A name no other test uses (tests run shuffled, on one database). */
  const town = () => `Testowice ${String.fromCharCode(65 + (serial % 26))}${++serial}`;
  const count = async (table: 'partners' | 'audit_log') =>
    Number(
      (
        await t.testDb.database.db
          .selectFrom(table)
          .select((e) => e.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    t = await createTestApp(backend);
    for (const who of [world.accounts.officerA1, world.accounts.officerA2, world.accounts.supervisorA, world.accounts.supervisorB]) {
      as[who.login] = new TestClient(t.app, { headers: { accept: 'application/json' } });
      await as[who.login]!.signIn(who.login);
    }
  });
  afterAll(() => t.close());
  const officer = () => as[world.accounts.officerA1.login]!;
  const supervisor = () => as[world.accounts.supervisorA.login]!;
  const stranger = () => as[world.accounts.supervisorB.login]!;
  const add = async (body: Record<string, unknown>, client = officer()) =>
    client.send('POST', registry, { kind: 'local_government', ...body });

  it('lets an officer of the unit add a partner with its contact: listed for the unit’s staff, audited', async () => {
    const name = `Urząd Gminy ${town()}`;
    const audits = await count('audit_log');
    const created = await add({
      name,
      contactPerson: 'Anna Sekretarz',
      phone: '81 855 20 12',
      email: 'ug@testowice.pl',
      address: 'ul. Rynek 1',
    });
    expect(created.statusCode, created.body).toBe(201);
    const partner = created.json<PartnerJson>();
    expect(partner).toMatchObject({
      name,
      kind: 'local_government',
      contact: { person: 'Anna Sekretarz', phone: '81 855 20 12', email: 'ug@testowice.pl', address: 'ul. Rynek 1' },
      archived: false,
    });
    expect(partner.kindLabel).toMatch(/Samorząd/);
    expect(await count('audit_log')).toBe(audits + 1);

    const list = await supervisor().get(`${registry}?q=${encodeURIComponent(name.slice(12).toUpperCase())}`);
    expect(list.statusCode).toBe(200);
    expect(list.json<{ partners: PartnerJson[] }>().partners.map((p) => p.id)).toEqual([partner.id]);
    const schools = await supervisor().get(`${registry}?kind=school&q=${encodeURIComponent(name)}`);
    expect(schools.json<{ partners: PartnerJson[] }>().partners).toEqual([]);
  });

  it('refuses a name the registry has (whatever the case, quotes or spaces) and offers near names instead of a new entry', async () => {
    const place = town();
    const first = (await add({ name: `Urząd Gminy ${place}` })).json<PartnerJson>();
    const stored = await count('partners');

    const same = await add({ name: `  urząd  gminy „${place.toUpperCase()}”` });
    expect(same.statusCode).toBe(409);
    expect(same.json()).toMatchObject({ error: { code: 'partner_exists', details: { partnerId: first.id } } });

    const near = await add({ name: `UG w ${place}` });
    expect(near.statusCode).toBe(409);
    expect(near.json()).toMatchObject({ error: { code: 'partner_similar', details: { suggestions: [{ id: first.id }] } } });
    expect(await count('partners')).toBe(stored);

    const confirmed = await add({ name: `UG w ${place}`, confirmNew: true });
    expect(confirmed.statusCode).toBe(201);
    expect(await count('partners')).toBe(stored + 1);
  });

  it('answers bad contact details with a 400 naming the field, storing nothing', async () => {
    const stored = await count('partners');
    for (const [field, value] of [
      ['phone', '12 34'],
      ['email', 'sekretariat@'],
      ['name', '   '],
    ] as const) {
      const answer = await add({ name: `Szkoła Podstawowa ${town()}`, [field]: value });
      expect(answer.statusCode, field).toBe(400);
      expect(answer.json()).toMatchObject({ error: { code: 'invalid_partner', details: { field } } });
    }
    expect((await add({ name: 'x', kind: 'mayor' })).statusCode).toBe(400);
    expect(await count('partners')).toBe(stored);
  });

  it('changes details, archives (no longer listed as active) and restores; a rename to a name it has is refused', async () => {
    const partner = (await add({ name: `Straż Miejska ${town()}`, kind: 'municipal_guard' })).json<PartnerJson>();
    const other = (await add({ name: `Zarząd Dróg ${town()}`, kind: 'road_authority' })).json<PartnerJson>();
    const path = `/api/v1/partners/${partner.id}`;
    const changed = await supervisor().send('PATCH', path, { phone: '+48 600 100 200', note: 'Dyżur nocny.' });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ name: partner.name, contact: { phone: '+48 600 100 200' }, note: 'Dyżur nocny.' });

    const names = async (query: string) =>
      (await supervisor().get(`${registry}?q=${encodeURIComponent(partner.name)}${query}`))
        .json<{ partners: PartnerJson[] }>()
        .partners.map((p) => p.id);
    expect((await officer().send('PATCH', path, { archived: true })).json()).toMatchObject({ archived: true });
    expect(await names('')).toEqual([]);
    expect(await names('&archived=true')).toEqual([partner.id]);
    expect((await officer().send('PATCH', path, { archived: false })).json()).toMatchObject({ archived: false });
    expect(await names('')).toEqual([partner.id]);

    const clash = await officer().send('PATCH', path, { name: other.name.toLowerCase() });
    expect(clash.statusCode).toBe(409);
    expect((await supervisor().get(path)).json()).toMatchObject({ name: partner.name });
  });

  it('keeps another unit’s staff out: its partners are not found, its registry refused', async () => {
    const partner = (await add({ name: `Nadleśnictwo ${town()}`, kind: 'services', phone: '81 855 20 13' })).json<PartnerJson>();
    const stored = await count('partners');
    expect((await stranger().get(`/api/v1/partners/${partner.id}`)).statusCode).toBe(404);
    expect((await stranger().send('PATCH', `/api/v1/partners/${partner.id}`, { name: 'Przejęte' })).statusCode).toBe(404);
    expect((await stranger().get(registry)).statusCode).toBe(403);
    expect((await add({ name: `Parafia ${town()}` }, stranger())).statusCode).toBe(403);
    expect(
      (await new TestClient(t.app, { headers: { accept: 'application/json' } }).get(`/api/v1/partners/${partner.id}`)).statusCode,
    ).toBe(401);
    expect((await officer().get('/api/v1/partners/not-a-uuid')).statusCode).toBe(404);
    expect(await count('partners')).toBe(stored);
  });

  it('links a plan’s partners when the plan is saved: a registry name (or its abbreviation) links it, a new name joins the registry', async () => {
    const place = town();
    const known = (
      await add({ name: `Miejski Ośrodek Pomocy Społecznej w ${place}`, kind: 'social_welfare', phone: '81 855 20 14' })
    ).json<PartnerJson>();
    const db = t.testDb.database.db;
    const draft = await db
      .selectFrom('plans')
      .select(['id', 'content'])
      .where('district_id', '=', a2.id)
      .where('status', '=', 'draft')
      .executeTakeFirstOrThrow();
    const content = draft.content as { partners: unknown[] };
    const newName = `Szkoła Podstawowa nr 4 w ${place}`;
    const saved = await as[world.accounts.officerA2.login]!.send('PATCH', `/api/v1/plans/${draft.id}`, {
      content: {
        ...content,
        partners: [
          { name: `MOPS w ${place}`, tasks: 'ulotki dla podopiecznych' },
          { name: newName, tasks: 'pogadanki w klasach' },
        ],
      },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const partners = (await db.selectFrom('plans').select('content').where('id', '=', draft.id).executeTakeFirstOrThrow()).content as {
      partners: { partnerId?: string; name: string; tasks: string }[];
    };
    expect(partners.partners[0]).toEqual({ partnerId: known.id, name: `MOPS w ${place}`, tasks: 'ulotki dla podopiecznych' });
    const created = (await supervisor().get(`${registry}?q=${encodeURIComponent(newName)}`)).json<{ partners: PartnerJson[] }>().partners;
    expect(created).toHaveLength(1);
    expect(created[0]).toMatchObject({ name: newName, kind: 'school', contact: { phone: null } });
    expect(partners.partners[1]?.partnerId).toBe(created[0]!.id);

    const detail = await supervisor().get(`/api/v1/partners/${known.id}`);
    expect(detail.statusCode).toBe(200);
    expect(detail.json().plans).toEqual([
      expect.objectContaining({
        planId: draft.id,
        districtId: a2.id,
        districtNumber: a2.number,
        status: 'draft',
        tasks: ['ulotki dla podopiecznych'],
      }),
    ]);
    const page = await supervisor().get(`/admin/partners/${known.id}`, { accept: 'text/html' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('ulotki dla podopiecznych');
    expect(page.body).toContain(`/admin/plans/${draft.id}`);
  });

  it('never shows a partner’s contact on the public plan page or in the public API', async () => {
    const db = t.testDb.database.db;
    const running = await db
      .selectFrom('plans')
      .select(['id', 'content'])
      .where('district_id', '=', a1.id)
      .where('status', '=', 'in_progress')
      .executeTakeFirstOrThrow();
    const entry = (running.content as { partners: { partnerId?: string; name: string }[] }).partners[0]!;
    expect(entry.partnerId).toBeTruthy();
    const contact = {
      contactPerson: 'Halina Poufna',
      phone: '81 855 99 01',
      email: 'poufny.kontakt@ops-borowo.pl',
      address: 'ul. Ukryta 7',
    };
    expect((await supervisor().send('PATCH', `/api/v1/partners/${entry.partnerId!}`, contact)).statusCode).toBe(200);

    const anonymous = new TestClient(t.app);
    const answers = [
      await anonymous.get(`/plany/${running.id}`),
      await anonymous.get(`/api/v1/plans/${running.id}`),
      await anonymous.get(`/plany?q=${encodeURIComponent(entry.name)}`),
    ];
    expect(answers[0]!.body).toContain(entry.name);
    for (const answer of answers) {
      expect(answer.statusCode).toBe(200);
      for (const value of Object.values(contact)) expect(answer.body).not.toContain(value);
    }
  });
});
