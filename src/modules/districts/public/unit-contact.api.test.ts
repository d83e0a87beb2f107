import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../../../../test/support/databases.js';
import { createTestApp, browserFor, TestClient, type TestApp } from '../../../../test/support/app.js';
import { makeDistrict, makeUnit } from '../../../../test/support/factories.js';
import { world } from '../../../../test/support/world.js';

/**
 * "Kontakt z jednostką" shows the unit's address, phone and hours or says they are not recorded
 * and whom to write to; a district with no officer says who covers it, on its page, its poster
 * and in the API. The world's unit A has every contact detail; the test adds a unit with none
 * (bare) and a district without an officer in each, and for the tests that change them, a unit
 * and a district of their own (so that no test sees another's change).
 */
const a = world.units.a;
const bare = 'kpp-bez-kontaktu';
/** A unit with no contact either, for the test that records its e-mail. */
const bareToFill = 'kpp-bez-kontaktu-2';
const vacant = `${a.id}/10`;
/** A district without an officer either, for the test that assigns a substitute. */
const vacantToCover = `${a.id}/11`;
const withOfficer = world.districts.a1.id;

describe.each(backends)('unit contact and district cover on %s', (backend) => {
  let t: TestApp;
  let visitor: TestClient;
  beforeAll(async () => {
    t = await createTestApp(backend, {}, async (trx) => {
      await makeUnit(trx, bare, 'KPP', world.units.voivodeship.id);
      await makeDistrict(trx, bare, 1);
      await makeDistrict(trx, a.id, 10);
      await makeUnit(trx, bareToFill, 'KPP', world.units.voivodeship.id);
      await makeDistrict(trx, a.id, 11);
    });
    visitor = new TestClient(t.app, { headers: { accept: 'text/html' } });
  });
  afterAll(() => t.close());

  const contactBlock = (html: string) =>
    html.slice(html.indexOf('id="unit-contact"'), html.indexOf('</section>', html.indexOf('id="unit-contact"')));
  const posterText = async (url: string) =>
    execFileSync('pdftotext', ['-layout', '-', '-'], { input: (await visitor.get(url)).rawPayload }).toString();

  it('shows a unit’s address, phone and hours, with no link back to the same page', async () => {
    const page = await visitor.get(`/jednostki/${a.id}`);
    expect(page.statusCode).toBe(200);
    const block = contactBlock(page.body);
    expect(block).toContain(`${a.street}, ${a.postalCode} ${a.locality}`);
    expect(block).toContain(`href="tel:${a.phone.replaceAll(' ', '')}"`);
    expect(block).toContain(a.openingHours);
    expect(block).not.toContain('nie wpisano');
    expect(page.body).not.toContain(`href="/jednostki/${a.id}"`);
    // On a district page the unit is named with a link to its own page.
    expect(contactBlock((await visitor.get(`/rejony/${withOfficer}`)).body)).toContain(`href="/jednostki/${a.id}"`);
  });

  it('says what is not recorded and points to 112 and any police unit when there is no e-mail either', async () => {
    const block = contactBlock((await visitor.get(`/jednostki/${bare}`)).body);
    expect(block.match(/nie wpisano/g)).toHaveLength(3);
    expect(block).toContain('W nagłych sytuacjach dzwoń pod 112');
    const english = contactBlock((await visitor.get(`/jednostki/${bare}`, { accept: 'text/html', 'accept-language': 'en' })).body);
    expect(english).toContain('not recorded');
  });

  it('names the unit’s e-mail as the place to write when the phone is missing, once an administrator records it', async () => {
    const admin = await browserFor(t, world.accounts.nationalAdmin);
    const form = {
      name: 'Komenda Powiatowa Policji bez kontaktu',
      email: `${bareToFill}@policja.example`,
      openingHours: 'pon.–pt. 8:00–15:00',
    };
    expect(contactBlock((await visitor.get(`/jednostki/${bareToFill}`)).body).match(/nie wpisano/g)).toHaveLength(3);
    expect((await admin.client.postForm(`/admin/units/${bareToFill}`, form, admin.token)).statusCode).toBe(303);
    const block = contactBlock((await visitor.get(`/jednostki/${bareToFill}`)).body);
    expect(block.match(/nie wpisano/g)).toHaveLength(2);
    expect(block).toContain(`Możesz napisać do niej na adres: <a href="mailto:${bareToFill}@policja.example">`);
    expect(block).toContain('pon.–pt. 8:00–15:00');
  });

  it('refuses a phone that is not a phone number and hours over 200 characters, in the form’s language, storing nothing', async () => {
    const admin = await browserFor(t, world.accounts.nationalAdmin);
    const base = { name: a.name };
    for (const phone of ['tel. 123', '------', '+48 (0)', '1234567890123456']) {
      const response = await admin.client.postForm(`/admin/units/${a.id}`, { ...base, phone }, admin.token);
      expect(response.statusCode, phone).toBe(400);
      expect(response.body).toContain('Pole „Telefon” ma nieprawidłowy format.');
    }
    const long = await admin.client.postForm(
      `/admin/units/${a.id}`,
      { ...base, phone: a.phone, openingHours: 'x'.repeat(201) },
      admin.token,
    );
    expect(long.statusCode).toBe(400);
    expect(long.body).toContain('Pole „Godziny przyjęć” może mieć co najwyżej 200 znaków.');
    const api = new TestClient(t.app);
    await api.signIn(world.accounts.nationalAdmin);
    const english = await api.send('PATCH', `/api/v1/units/${a.id}`, { phone: 'call us' }, { 'accept-language': 'en' });
    expect(english.statusCode).toBe(400);
    expect(JSON.stringify(english.json().error)).toMatch(/invalid format/);
    const stored = await t.testDb.database.db
      .selectFrom('units')
      .select(['phone', 'opening_hours'])
      .where('id', '=', a.id)
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({ phone: a.phone, opening_hours: a.openingHours });
  });

  it('says the unit covers a district without an officer, on its page, its poster and in the API', async () => {
    const page = (await visitor.get(`/rejony/${vacant}`)).body;
    expect(page).toContain(`Rejon nie ma teraz dzielnicowego ani zastępstwa. Sprawami rejonu zajmuje się ${a.name}.`);
    expect(page).not.toContain('Dzielnicowy odbiera');
    const api = (await visitor.get(`/api/v1/districts/${vacant}`, { accept: 'application/json' })).json();
    expect(api.coveredBy).toEqual({
      by: 'unit',
      officer: null,
      unit: {
        id: a.id,
        name: a.name,
        phone: a.phone,
        email: a.email,
      },
    });
    const poster = await posterText(`/rejony/${vacant}/plakat.pdf`);
    expect(poster).not.toContain('odbiera w godzinach');
    expect(poster).toContain(`Sprawami rejonu zajmuje się ${a.name}.`);
    expect(poster).toContain(a.phone);
    // A unit without a phone: the poster says so rather than printing an empty number.
    expect(await posterText(`/rejony/${bare}/1/plakat.pdf`)).toContain('Telefon jednostki nie jest wpisany');
    // With an officer the poster still says when the officer answers.
    expect(await posterText(`/rejony/${withOfficer}/plakat.pdf`)).toContain('Dzielnicowy odbiera w godzinach służby');
    expect((await visitor.get(`/api/v1/districts/${withOfficer}`, { accept: 'application/json' })).json().coveredBy.by).toBe('officer');
  });

  it('names the substitute once one is assigned to the vacant district', async () => {
    const commander = new TestClient(t.app);
    await commander.signIn(world.accounts.commanderA);
    const helper = (
      await commander.send('POST', '/api/v1/officers', { unitId: a.id, rank: 'asp.', firstName: 'Adam', lastName: 'Zastępca' })
    ).json();
    expect((await visitor.get(`/api/v1/districts/${vacantToCover}`, { accept: 'application/json' })).json().coveredBy.by).toBe('unit');
    const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Warsaw' }).format(new Date());
    const assigned = await commander.send('POST', `/api/v1/districts/${vacantToCover}/assignments`, {
      officerId: helper.id,
      kind: 'substitute',
      startsOn: today,
      endsOn: today,
    });
    expect(assigned.statusCode).toBe(201);
    const api = (await visitor.get(`/api/v1/districts/${vacantToCover}`, { accept: 'application/json' })).json();
    expect(api.coveredBy).toMatchObject({ by: 'substitute', officer: { rank: 'asp.', name: 'Adam Zastępca' } });
    const page = (await visitor.get(`/rejony/${vacantToCover}`)).body;
    expect(page).toContain('asp. Adam Zastępca');
    expect(page).toContain('Zastępstwo');
    expect(page).not.toContain('Rejon nie ma teraz dzielnicowego');
  });
});
