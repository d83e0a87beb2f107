import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClient, csrfFromHtml, type TestApp } from '../../../../test/support/app.js';
import { createDemoTestApp } from '../../../../test/support/demo-app.js';
import { DEMO_PASSWORD } from '../../../demo/demo-data.js';

/** The register's admin forms as a browser without JavaScript uses them (embedded back end). */
describe('admin pages of the register', () => {
  let t: TestApp;
  let browser: TestClient;
  let token: string;
  beforeAll(async () => {
    t = await createDemoTestApp('pglite');
    browser = new TestClient(t.app, { headers: { accept: 'text/html' } });
    const login = await browser.get('/login');
    await browser.postForm('/login', { login: 'komendant.lubartow', password: DEMO_PASSWORD }, csrfFromHtml(login.body));
    token = csrfFromHtml((await browser.get('/admin/districts')).body);
  });
  afterAll(() => t.close());

  /** A district of the test's own on a made-up street, so no test needs the one another test saved. */
  const makeDistrict = async (number: string, street: string) => {
    const saved = await browser.postForm(
      '/admin/districts/new',
      { intent: 'save', unitId: 'kpp-lubartow', number, name: `Rejon nr ${number}`, rules: `Lubartów | ${street}` },
      token,
    );
    expect(saved.statusCode).toBe(303);
    return `kpp-lubartow/${number}`;
  };

  it('lists the districts of my units with their officers and vacancies', async () => {
    const page = await browser.get('/admin/districts?unit=kpp-lubartow');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Rejon nr 7');
    expect(page.body).toContain('sierż. Piotr Nowicki');
    expect(page.body).toContain('wakat');
    expect(page.body).not.toContain('Łęczna, Osiedle Bobrowniki'); // another unit
  });

  it('recognises a pasted description into rules for review, then saves the district', async () => {
    const text = 'Rejon służbowy nr 12 obejmuje ulice: Nadrzeczną (nieparzyste od numeru 1 do numeru 31), Leśną, do Ronda Zachodniego.';
    const recognised = await browser.postForm(
      '/admin/districts/new',
      {
        intent: 'recognise',
        unitId: 'kpp-lubartow',
        number: '12',
        name: 'Rejon nr 12 – Nadrzeczna',
        areaText: text,
        areaLocality: 'Lubartów',
        rules: '',
      },
      token,
    );
    expect(recognised.statusCode).toBe(200);
    expect(recognised.body).toContain('Rozpoznano reguł: 2.');
    expect(recognised.body).toContain('Lubartów | Nadrzeczna | 1-31 nieparzyste');
    expect(recognised.body).toContain('Lubartów | Leśna');
    expect(recognised.body).toContain('„do Ronda Zachodniego”');
    expect(recognised.body).toContain('value="Rejon nr 12 – Nadrzeczna"'); // what was typed is kept
    const saved = await browser.postForm(
      '/admin/districts/new',
      {
        intent: 'save',
        unitId: 'kpp-lubartow',
        number: '12',
        name: 'Rejon nr 12 – Nadrzeczna',
        phone: '+48 000 000 012',
        rules: 'Lubartów | Nadrzeczna | 1-31 nieparzyste\nLubartów | Leśna',
      },
      token,
    );
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe('/admin/districts/kpp-lubartow/12?notice=created');
    const located = await browser.get(`/api/v1/locate?address=${encodeURIComponent('Lubartów, Nadrzeczna 5')}`);
    expect(located.json().matches[0].district.id).toBe('kpp-lubartow/12');
  });

  it('shows clear errors next to the fields, naming the district an area overlaps', async () => {
    const own = await makeDistrict('13', 'Błędna');
    const page = await browser.postForm(
      `/admin/districts/${own}`,
      { intent: 'save', name: 'Rejon nr 13', rules: 'Lubartów | Powstańców Warszawy\nLubartów | Zła | 5-x', polygon: '{nie json' },
      token,
    );
    expect(page.statusCode).toBe(400);
    expect(page.body).toContain('Obszar, wiersz 2: Nie rozumiem zakresu numerów „5-x”');
    expect(page.body).toContain('Obszar na mapie nie jest poprawnym GeoJSON-em.');
    const overlap = await browser.postForm(
      `/admin/districts/${own}`,
      { intent: 'save', name: 'Rejon nr 13', rules: 'Lubartów | Powstańców Warszawy' },
      token,
    );
    expect(overlap.statusCode).toBe(400);
    expect(overlap.body).toContain('pokrywa się z rejonem nr 3');
  });

  it('assigns a new officer through the forms and shows them on the public card', async () => {
    const own = await makeDistrict('14', 'Przydziałowa');
    const created = await browser.postForm(
      '/admin/officers/new',
      { rank: 'mł. asp.', firstName: 'Irena', lastName: 'Formularzowa', position: 'district_officer', unitId: 'kpp-lubartow' },
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
    const officer = new TestClient(t.app, { headers: { accept: 'text/html' } });
    const login = await officer.get('/login');
    await officer.postForm('/login', { login: 'dzielnicowy.lubartow', password: DEMO_PASSWORD }, csrfFromHtml(login.body));
    expect((await officer.get('/admin/districts')).statusCode).toBe(403);
    expect((await browser.get('/admin/districts/kpp-leczna/3')).statusCode).toBe(403);
  });
});
