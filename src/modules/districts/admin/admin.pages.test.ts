import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserFor, createTestApp, type TestApp, type TestClient } from '../../../../test/support/app.js';
import { makeDistrict as makeVacantDistrict } from '../../../../test/support/factories.js';
import { world } from '../../../../test/support/world.js';

const { a: unit } = world.units;
const { a1, b1 } = world.districts;
/** The town of the unit's districts: the districts the tests make are there too. */
const town = unit.locality!;
/** A district of the unit with no officer: the list shows it as vacant. */
const VACANT_NUMBER = 9;

/** The register's admin forms as a browser without JavaScript uses them (embedded back end). */
describe('admin pages of the register', () => {
  let t: TestApp;
  let browser: TestClient;
  let token: string;
  beforeAll(async () => {
    t = await createTestApp('pglite', {}, (trx) => makeVacantDistrict(trx, unit.id, VACANT_NUMBER));
    ({ client: browser, token } = await browserFor(t, world.accounts.commanderA));
  });
  afterAll(() => t.close());

  /** A district of the test's own on a made-up street, so no test needs the one another test saved. */
  const makeDistrict = async (number: string, street: string) => {
    const saved = await browser.postForm(
      '/admin/districts/new',
      { intent: 'save', unitId: unit.id, number, name: `Rejon nr ${number}`, rules: `${town} | ${street}` },
      token,
    );
    expect(saved.statusCode).toBe(303);
    return `${unit.id}/${number}`;
  };

  it('lists the districts of my units with their officers and vacancies', async () => {
    const page = await browser.get(`/admin/districts?unit=${unit.id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(a1.name);
    expect(page.body).toContain(`${a1.officer.rank} ${a1.officer.firstName} ${a1.officer.lastName}`);
    const vacant = page.body.slice(page.body.indexOf(`/admin/districts/${unit.id}/${VACANT_NUMBER}"`));
    expect(vacant.slice(0, vacant.indexOf('</tr>'))).toContain('wakat');
    expect(page.body).not.toContain(b1.name); // another unit's
  });

  it('recognises a pasted description into rules for review, then saves the district', async () => {
    const text = 'Rejon służbowy nr 12 obejmuje ulice: Nadrzeczną (nieparzyste od numeru 1 do numeru 31), Leśną, do Ronda Zachodniego.';
    const recognised = await browser.postForm(
      '/admin/districts/new',
      {
        intent: 'recognise',
        unitId: unit.id,
        number: '12',
        name: 'Rejon nr 12 – Nadrzeczna',
        areaText: text,
        areaLocality: town,
        rules: '',
      },
      token,
    );
    expect(recognised.statusCode).toBe(200);
    expect(recognised.body).toContain('Rozpoznano reguł: 2.');
    expect(recognised.body).toContain(`${town} | Nadrzeczna | 1-31 nieparzyste`);
    expect(recognised.body).toContain(`${town} | Leśna`);
    expect(recognised.body).toContain('„do Ronda Zachodniego”');
    expect(recognised.body).toContain('value="Rejon nr 12 – Nadrzeczna"'); // what was typed is kept
    const saved = await browser.postForm(
      '/admin/districts/new',
      {
        intent: 'save',
        unitId: unit.id,
        number: '12',
        name: 'Rejon nr 12 – Nadrzeczna',
        phone: '+48 000 000 012',
        rules: `${town} | Nadrzeczna | 1-31 nieparzyste\n${town} | Leśna`,
      },
      token,
    );
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe(`/admin/districts/${unit.id}/12?notice=created`);
    const located = await browser.get(`/api/v1/locate?address=${encodeURIComponent(`${town}, Nadrzeczna 5`)}`);
    expect(located.json().matches[0].district.id).toBe(`${unit.id}/12`);
  });

  it('shows clear errors next to the fields, naming the district an area overlaps', async () => {
    const own = await makeDistrict('13', 'Błędna');
    // A whole street of a1's: saving it in another district overlaps a1.
    const whole = a1.rules.find((rule) => rule.street !== null && rule.numbers === null)!;
    const taken = `${whole.locality} | ${whole.street}`;
    const page = await browser.postForm(
      `/admin/districts/${own}`,
      { intent: 'save', name: 'Rejon nr 13', rules: `${taken}\n${town} | Zła | 5-x`, polygon: '{nie json' },
      token,
    );
    expect(page.statusCode).toBe(400);
    expect(page.body).toContain('Obszar, wiersz 2: Nie rozumiem zakresu numerów „5-x”');
    expect(page.body).toContain('Obszar na mapie nie jest poprawnym GeoJSON-em.');
    const overlap = await browser.postForm(`/admin/districts/${own}`, { intent: 'save', name: 'Rejon nr 13', rules: taken }, token);
    expect(overlap.statusCode).toBe(400);
    expect(overlap.body).toContain(`pokrywa się z rejonem nr ${a1.number}`);
  });

  it('assigns a new officer through the forms and shows them on the public card', async () => {
    const own = await makeDistrict('14', 'Przydziałowa');
    const created = await browser.postForm(
      '/admin/officers/new',
      { rank: 'mł. asp.', firstName: 'Irena', lastName: 'Formularzowa', position: 'district_officer', unitId: unit.id },
      token,
    );
    expect(created.statusCode).toBe(303);
    const officerId = (created.headers.location as string).split('/')[3]!.split('?')[0]!;
    const missing = await browser.postForm(`/admin/districts/${own}/assignments`, { officerId: '', kind: 'regular', startsOn: '' }, token);
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain('Pole „Dzielnicowy” jest wymagane.');
    const assigned = await browser.postForm(
      `/admin/districts/${own}/assignments`,
      { officerId, kind: 'regular', startsOn: '2025-01-01', endsOn: '' },
      token,
    );
    expect(assigned.statusCode).toBe(303);
    const card = await browser.get(`/rejony/${own}`);
    expect(card.body).toContain('mł. asp. Irena Formularzowa');
  });

  it('keeps district officers out and each unit to its own staff', async () => {
    const { client: officer } = await browserFor(t, world.accounts.officerA1);
    expect((await officer.get('/admin/districts')).statusCode).toBe(403);
    expect((await browser.get(`/admin/districts/${b1.id}`)).statusCode).toBe(403); // another unit's
  });
});
