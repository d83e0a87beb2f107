import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../../../../test/support/databases.js';
import { TestClient, type TestApp } from '../../../../test/support/app.js';
import { createDemoTestApp } from '../../../../test/support/demo-app.js';

describe.each(backends)('public pages of the locator on %s', (backend) => {
  let t: TestApp;
  let browser: TestClient;
  beforeAll(async () => {
    t = await createDemoTestApp(backend);
    browser = new TestClient(t.app, { headers: { accept: 'text/html' } });
  });
  afterAll(() => t.close());

  it('answers an address search with the officer, a tel: link and a mailto: link first', async () => {
    const page = await browser.get(`/szukaj?adres=${encodeURIComponent('Łęczna, ul. Jaśminowa 4')}`);
    expect(page.statusCode).toBe(200);
    const body = page.body;
    expect(body).toContain('st. sierż. Karolina Mazur');
    expect(body).toContain('href="tel:+48000000003"');
    expect(body).toContain('href="mailto:dzielnicowy3.demo@kpp-leczna.example"');
    expect(body).toContain('href="/rejony/kpp-leczna/3"');
    // The answer comes before the form for another search.
    expect(body.indexOf('Karolina Mazur')).toBeLessThan(body.indexOf('name="adres"'));
  });

  it('understands a village address without a street, and missing diacritics', async () => {
    const page = await browser.get(`/szukaj?adres=${encodeURIComponent('serniki 12')}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('/rejony/kpp-lubartow/7');
    const leczna = await browser.get(`/szukaj?adres=${encodeURIComponent('Leczna Jasminowa 4')}`);
    expect(leczna.body).toContain('/rejony/kpp-leczna/3');
  });

  it('explains a miss, offers close names, and keeps what was typed (escaped)', async () => {
    const page = await browser.get(`/szukaj?adres=${encodeURIComponent('Sernikki <script>alert(1)</script>')}`);
    expect(page.statusCode).toBe(404);
    expect(page.body).toContain('Nie znaleźliśmy rejonu dla tego adresu.');
    expect(page.body).toContain('Czy chodziło o:');
    expect(page.body).toContain('href="/szukaj?adres=Serniki"');
    expect(page.body).not.toContain('<script>alert(1)</script>');
    expect(page.body).toContain('&lt;script&gt;');
  });

  it('shows the district page: officer card, area as a list, unit contact, poster link', async () => {
    const page = await browser.get('/rejony/kpp-lubartow/7');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Serniki');
    expect(page.body).toContain('cała miejscowość');
    expect(page.body).toContain('href="/rejony/kpp-lubartow/7/plakat.pdf"');
    expect(page.body).toContain('Komenda Powiatowa Policji w Lubartowie');
    expect(page.body).toContain('To nie jest numer alarmowy.');
    expect((await browser.get('/rejony/kpp-lubartow/999')).statusCode).toBe(404);
    expect((await browser.get('/rejony/kpp-lubartow/abc')).statusCode).toBe(404);
  });

  it('shows the unit page with every district and its officer or vacancy', async () => {
    const page = await browser.get('/jednostki/kpp-krasnystaw');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Komenda Powiatowa Policji w Krasnymstawie');
    expect(page.body).toContain('sierż. Adam Wróbel');
    // Krasnystaw has recorded no contact: the line does not point to one on the page.
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
      '/szukaj?adres=Serniki%2012',
    );
    expect(page.body).toContain('Your district officer');
    expect(page.body).toContain('This is not an emergency number.');
  });
});
