import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClient, browserFor, createTestApp, type TestApp } from '../../../test/support/app.js';
import { backends } from '../../../test/support/databases.js';
import { makePartner } from '../../../test/support/factories.js';
import { world } from '../../../test/support/world.js';

/**
 * The plan editor's partners section against the registry, as an officer uses it without
 * JavaScript: a registry name (typed in another case) links its entry, a new name joins the
 * registry, and a link stays when the registry renames the partner. a3 has no plans in the world.
 */
const district = world.districts.a3;
const officerA3 = world.officerOf.a3!;

describe.each(backends)('partners in the plan editor on %s', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(backend);
  });
  afterAll(() => t.close());

  const contentOf = async (id: string) =>
    (await t.testDb.database.db.selectFrom('plans').select('content').where('id', '=', id).executeTakeFirstOrThrow()).content as {
      partners: { partnerId?: string; name: string; tasks: string }[];
    };
  const registryNamed = async (name: string) =>
    t.testDb.database.db.selectFrom('partners').select(['id', 'kind', 'unit_id']).where('name', '=', name).execute();
  /** The officer of a3 and a new draft of theirs for a half-year of its own: its editor's address and id. */
  const newDraft = async (period: { periodFrom: string; periodTo: string }) => {
    const officer = await browserFor(t, officerA3);
    const created = await officer.client.postForm('/admin/plans/new', { districtId: district.id, ...period }, officer.token);
    expect(created.statusCode).toBe(303);
    const url = (created.headers.location as string).split('?')[0]!;
    return { officer, url, id: url.split('/').pop()! };
  };

  it('links a registry partner, adds a new one, offers the registry’s names and keeps a link when the partner is renamed', async () => {
    const known = await makePartner(t.testDb.database.db, district.unitId, 'Spółdzielnia Mieszkaniowa „Borowianka”');
    const period = { periodFrom: '2031-01-01', periodTo: '2031-06-30' };
    const { officer, url, id } = await newDraft(period);

    const form = {
      ...period,
      intent: 'save',
      'partners.0.name': 'spółdzielnia mieszkaniowa borowianka',
      'partners.0.tasks': 'udostępnianie nagrań monitoringu',
      'partners.1.name': 'Szkoła Podstawowa nr 7 w Borowie',
      'partners.1.tasks': 'pogadanki',
    };
    expect((await officer.client.postForm(url, form, officer.token)).statusCode).toBe(303);
    const school = await registryNamed('Szkoła Podstawowa nr 7 w Borowie');
    expect(school).toEqual([expect.objectContaining({ kind: 'school', unit_id: district.unitId })]);
    expect((await contentOf(id)).partners).toEqual([
      { partnerId: known, name: 'spółdzielnia mieszkaniowa borowianka', tasks: 'udostępnianie nagrań monitoringu' },
      { partnerId: school[0]!.id, name: 'Szkoła Podstawowa nr 7 w Borowie', tasks: 'pogadanki' },
    ]);

    const page = await officer.client.get(url);
    expect(page.body).toContain(`name="partners.0.partnerId" value="${known}"`);
    expect(page.body).toMatch(/<datalist id="known-partners">.*Spółdzielnia Mieszkaniowa „Borowianka”/s);

    // A foreign or made-up id links nothing by itself: the name decides.
    const foreign = await makePartner(t.testDb.database.db, world.units.b.id, 'Urząd Gminy Grabowo');
    const forged = { ...form, 'partners.0.partnerId': foreign, 'partners.1.partnerId': 'not-an-id' };
    expect((await officer.client.postForm(url, forged, officer.token)).statusCode).toBe(303);
    expect((await contentOf(id)).partners.map((p) => p.partnerId)).toEqual([known, school[0]!.id]);

    // The registry renames the partner; the plan keeps its own words and its link.
    const supervisor = new TestClient(t.app, { headers: { accept: 'application/json' } });
    await supervisor.signIn(world.supervisorOf.a);
    const renamed = await supervisor.send('PATCH', `/api/v1/partners/${known}`, { name: 'SM Borowianka w likwidacji' });
    expect(renamed.statusCode, renamed.body).toBe(200);
    const again = { ...form, 'partners.0.partnerId': known, 'partners.1.partnerId': school[0]!.id };
    expect((await officer.client.postForm(url, again, officer.token)).statusCode).toBe(303);
    expect((await contentOf(id)).partners.map((p) => [p.partnerId, p.name])).toEqual([
      [known, 'spółdzielnia mieszkaniowa borowianka'],
      [school[0]!.id, 'Szkoła Podstawowa nr 7 w Borowie'],
    ]);
    expect(await registryNamed('spółdzielnia mieszkaniowa borowianka')).toEqual([]);
  });

  it('asks which partner a name near a registry entry is, instead of adding a near duplicate, and links the one chosen', async () => {
    const office = await makePartner(t.testDb.database.db, district.unitId, 'Urząd Gminy Borowo');
    const period = { periodFrom: '2032-01-01', periodTo: '2032-06-30' };
    const { officer, url, id } = await newDraft(period);
    const registrySize = async () =>
      Number(
        (
          await t.testDb.database.db
            .selectFrom('partners')
            .select((e) => e.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await registrySize();

    // "UG w Borowie" is near "Urząd Gminy Borowo", not the same name: nothing is added, nothing linked yet.
    const form = {
      ...period,
      intent: 'save',
      'partners.0.name': 'UG w Borowie',
      'partners.0.tasks': 'oświetlenie przejść',
      'partners.1.name': 'Urzad Gminy Borowa',
      'partners.1.tasks': 'monitoring',
    };
    expect((await officer.client.postForm(url, form, officer.token)).statusCode).toBe(303);
    expect(await registrySize()).toBe(before);
    expect((await contentOf(id)).partners).toEqual([
      { name: 'UG w Borowie', tasks: 'oświetlenie przejść' },
      { name: 'Urzad Gminy Borowa', tasks: 'monitoring' },
    ]);
    // The editor asks, for each, with the registry's name and "a new one".
    const page = (await officer.client.get(url)).body;
    for (const i of [0, 1]) {
      expect(page).toContain(`name="partners.${i}.choice" value="${office}"`);
      expect(page).toContain(`name="partners.${i}.choice" value="new"`);
    }
    expect(page).toContain('Tak: Urząd Gminy Borowo');

    // The first is the registry's office; the second a new organisation after all.
    const answered = { ...form, 'partners.0.choice': office, 'partners.1.choice': 'new' };
    expect((await officer.client.postForm(url, answered, officer.token)).statusCode).toBe(303);
    const added = await registryNamed('Urzad Gminy Borowa');
    expect(added).toHaveLength(1);
    expect(await registrySize()).toBe(before + 1);
    expect((await contentOf(id)).partners).toEqual([
      { partnerId: office, name: 'UG w Borowie', tasks: 'oświetlenie przejść' },
      { partnerId: added[0]!.id, name: 'Urzad Gminy Borowa', tasks: 'monitoring' },
    ]);
    // Linked now: no more questions, and the links hold on the next save.
    const again = (await officer.client.get(url)).body;
    expect(again).not.toContain('name="partners.0.choice"');
    expect(
      (await officer.client.postForm(url, { ...form, 'partners.0.partnerId': office, 'partners.1.partnerId': added[0]!.id }, officer.token))
        .statusCode,
    ).toBe(303);
    expect((await contentOf(id)).partners.map((p) => p.partnerId)).toEqual([office, added[0]!.id]);
  });
});
