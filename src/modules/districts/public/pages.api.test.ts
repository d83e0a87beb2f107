import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../../../../test/support/databases.js';
import { createTestApp, TestClient, type TestApp } from '../../../../test/support/app.js';
import { makeDistrict, makeNamedOfficer, makeUnit } from '../../../../test/support/factories.js';
import { world } from '../../../../test/support/world.js';

const { a1, a3 } = world.districts;
/** A unit that has recorded no contact, with one district served by an officer and one vacant (made by the test). */
const bare = 'kpp-bez-kontaktu';

describe.each(backends)('public pages of the locator on %s', (backend) => {
  let t: TestApp;
  let browser: TestClient;
  beforeAll(async () => {
    t = await createTestApp(backend, {}, async (trx) => {
      await makeUnit(trx, bare, 'KPP', world.units.voivodeship.id);
      const served = await makeDistrict(trx, bare, 1);
      await makeDistrict(trx, bare, 2);
      const officer = { unitId: bare, rank: 'sierż.', firstName: 'Adam', lastName: 'Wróbel', accountId: null, startsOn: '2025-01-01' };
      await makeNamedOfficer(trx, officer, [{ districtId: served, kind: 'regular' }]);
    });
    browser = new TestClient(t.app, { headers: { accept: 'text/html' } });
  });
  afterAll(() => t.close());

  it('answers an address search with the officer, a tel: link and a mailto: link first', async () => {
    const page = await browser.get(`/szukaj?adres=${encodeURIComponent(a1.address)}`);
    expect(page.statusCode).toBe(200);
    const body = page.body;
    expect(body).toContain(`${a1.officer.rank} ${a1.officer.firstName} ${a1.officer.lastName}`);
    expect(body).toContain(`href="tel:${a1.phone.replaceAll(' ', '')}"`);
    expect(body).toContain(`href="mailto:${a1.email}"`);
    expect(body).toContain(`href="/rejony/${a1.id}"`);
    // The answer comes before the form for another search.
    expect(body.indexOf(a1.officer.lastName)).toBeLessThan(body.indexOf('name="adres"'));
  });

  it('understands a village address without a street, and missing diacritics', async () => {
    const page = await browser.get(`/szukaj?adres=${encodeURIComponent('dabrowka borowska 12')}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`/rejony/${a3.id}`);
    const street = await browser.get(`/szukaj?adres=${encodeURIComponent('Borowo Krotka 4')}`);
    expect(street.body).toContain(`/rejony/${a1.id}"`);
  });

  it('explains a miss, offers close names, and keeps what was typed (escaped)', async () => {
    const page = await browser.get(`/szukaj?adres=${encodeURIComponent('Olszynny <script>alert(1)</script>')}`);
    expect(page.statusCode).toBe(404);
    expect(page.body).toContain('Nie znaleźliśmy rejonu dla tego adresu.');
    expect(page.body).toContain('Czy chodziło o:');
    expect(page.body).toContain('href="/szukaj?adres=Olszyny"');
    expect(page.body).not.toContain('<script>alert(1)</script>');
    expect(page.body).toContain('&lt;script&gt;');
  });

  it('shows the district page: officer card, area as a list, unit contact, poster link', async () => {
    const page = await browser.get(`/rejony/${a3.id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Wola Borowska');
    expect(page.body).toContain('cała miejscowość');
    expect(page.body).toContain(`href="/rejony/${a3.id}/plakat.pdf"`);
    expect(page.body).toContain(world.units.a.name);
    expect(page.body).toContain('To nie jest numer alarmowy.');
    expect((await browser.get(`/rejony/${a3.unitId}/999`)).statusCode).toBe(404);
    expect((await browser.get(`/rejony/${a3.unitId}/abc`)).statusCode).toBe(404);
  });

  it('shows the unit page with every district and its officer or vacancy', async () => {
    const page = await browser.get(`/jednostki/${bare}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`Jednostka ${bare}`);
    expect(page.body).toContain('sierż. Adam Wróbel');
    // The unit has recorded no contact: the line does not point to one on the page.
    expect(page.body).toContain('Bez dzielnicowego: sprawami rejonu zajmuje się jednostka.');
    expect(page.body).not.toContain('kontakt na tej stronie');
    expect(page.body).toMatch(/\d+ rejon(y|ów)/);
    expect((await browser.get('/jednostki/nie-ma')).statusCode).toBe(404);
  });

  it('serves the base map layers from our own boundary data', async () => {
    const layer = await browser.get('/api/v1/boundaries/voivodeships.geojson');
    expect(layer.headers['content-type']).toContain('application/geo+json');
    expect(layer.json().features).toHaveLength(16);
  });

  it('speaks English when asked', async () => {
    const page = await new TestClient(t.app, { headers: { accept: 'text/html', 'accept-language': 'en' } }).get(
      `/szukaj?adres=${encodeURIComponent(a3.address)}`,
    );
    expect(page.body).toContain('Your district officer');
    expect(page.body).toContain('This is not an emergency number.');
  });
});
