import { allowReportsPerIp } from '../support/settings.js';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { useAppAndBrowser } from '../support/browser-app.js';
import { axeViolations, overflowsHorizontally, screenshot, viewports, describeWithBrowser } from '../support/browser.js';
import { wholeStreetsOf, world } from '../support/world.js';

/** Inside a1: where the resident stands. */
const home = world.districts.a1.point;
/** Streets of a1, one per test that types an address: reports on one street are offered as similar. */
const [typedOnPhone, typedOnDesktop, plainForm, similar] = wholeStreetsOf(world.districts.a1) as [string, string, string, string];

// Every page here comes from one address (127.0.0.1): allow more than KMZB's one report a day.
const running = useAppAndBrowser('reports', {}, (db) => allowReportsPerIp(db, 100));

describeWithBrowser.each(['phone', 'desktop'] as const)('reporting a threat on a %s', (viewport) => {
  it('reports by typed address, with no map', async () => {
    const context = await running.browser.newContext({ viewport: viewports[viewport], locale: 'pl-PL' });
    const page = await context.newPage();
    await page.goto(`${running.app.url}/zglos`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Zgłoś zagrożenie w okolicy');
    expect(await axeViolations(page)).toEqual([]);
    expect(await overflowsHorizontally(page)).toBe(false);
    await screenshot(page, `report-form-${viewport}`);

    await page.getByRole('button', { name: 'Wyślij zgłoszenie' }).click();
    expect(await page.locator('.error-summary').isVisible()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);

    // Different streets per viewport, or the second run would be offered the first as a similar report (same street).
    await page.getByLabel('Adres (miejscowość, ulica i numer)').fill(viewport === 'phone' ? `${typedOnPhone} 4` : `${typedOnDesktop} 6`);
    await page.getByLabel('Rodzaj zagrożenia').selectOption({ label: 'Dzikie wysypiska śmieci' });
    await page.getByLabel(/^Opis/).fill(`Worki ze śmieciami za garażami (${viewport})`);
    await page.getByRole('button', { name: 'Wyślij zgłoszenie' }).click();
    expect(new URL(page.url()).pathname).toMatch(/^\/zgloszenia\/\d+$/);
    expect(await page.getByRole('heading', { name: 'Dziękujemy za zgłoszenie' }).isVisible()).toBe(true);
    expect(await page.content()).not.toContain('Worki ze śmieciami');
    expect(await axeViolations(page)).toEqual([]);
    expect(await overflowsHorizontally(page)).toBe(false);
    await screenshot(page, `report-sent-${viewport}`);
    await context.close();
  });

  it('reports by the map: "use my location", then a click on the map', async () => {
    const context = await running.browser.newContext({
      viewport: viewports[viewport],
      locale: 'pl-PL',
      geolocation: { latitude: home.lat, longitude: home.lon },
      permissions: ['geolocation'],
    });
    const page = await context.newPage();
    await page.goto(`${running.app.url}/zglos`);
    await page.waitForSelector('.map--ready .leaflet-control-zoom', { timeout: 15_000 });
    await page.getByRole('button', { name: 'Użyj mojej lokalizacji' }).click();
    await expect.poll(() => page.locator('#field-lat').inputValue()).toBe(home.lat.toFixed(6));
    expect(await page.locator('#field-lon').inputValue()).toBe(home.lon.toFixed(6));
    expect(await axeViolations(page)).toEqual([]);

    // A click a little off the centre moves the point.
    await page.locator('.map--ready').scrollIntoViewIfNeeded();
    const map = (await page.locator('.map--ready').boundingBox())!;
    await page.mouse.click(map.x + map.width / 2 + 20, map.y + map.height / 2);
    await expect.poll(() => page.locator('#field-lon').inputValue()).not.toBe(home.lon.toFixed(6));
    const lon = Number(await page.locator('#field-lon').inputValue());
    expect(lon).toBeGreaterThan(home.lon);
    expect(lon - home.lon).toBeLessThan(0.01);

    await page
      .getByLabel('Rodzaj zagrożenia')
      .selectOption({ label: viewport === 'phone' ? 'Nieprawidłowe parkowanie' : 'Niszczenie zieleni' });
    await page.getByRole('button', { name: 'Wyślij zgłoszenie' }).click();
    await page.waitForURL(/\/zgloszenia\/\d+/);
    expect(await page.getByRole('heading', { name: 'Dziękujemy za zgłoszenie' }).isVisible()).toBe(true);
    expect(await page.locator('.summary-list').textContent()).toContain('położenie przybliżone');
    await screenshot(page, `report-by-map-${viewport}`);
    await context.close();
  });
});

/** Sends the report form open on `page` with an address typed, as vandalism (no description). */
async function sendVandalism(page: Page, address: string) {
  await page.getByLabel('Adres (miejscowość, ulica i numer)').fill(address);
  await page.getByLabel('Rodzaj zagrożenia').selectOption({ label: 'Akty wandalizmu' });
  await page.getByRole('button', { name: 'Wyślij zgłoszenie' }).click();
}

describeWithBrowser('reporting without JavaScript', () => {
  it('sends a report typed by address from the plain HTML form', async () => {
    const context = await running.browser.newContext({ viewport: viewports.phone, locale: 'pl-PL', javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${running.app.url}/zglos`);
    expect(await page.locator('.map__fallback').textContent()).toContain('Wpisz adres');
    await sendVandalism(page, `${plainForm} 3`);
    expect(new URL(page.url()).pathname).toMatch(/^\/zgloszenia\/\d+$/);
    expect(await page.getByRole('heading', { name: 'Dziękujemy za zgłoszenie' }).isVisible()).toBe(true);
    await context.close();
  });

  it('offers the open report of the same street before sending, in words not metres, and takes a "me too"', async () => {
    const context = await running.browser.newContext({ viewport: viewports.phone, locale: 'pl-PL' });
    const page = await context.newPage();
    // An open report of the street first, then a second one at another number.
    await page.goto(`${running.app.url}/zglos`);
    await sendVandalism(page, `${similar} 3`);
    expect(await page.getByRole('heading', { name: 'Dziękujemy za zgłoszenie' }).isVisible()).toBe(true);
    await page.goto(`${running.app.url}/zglos`);
    await sendVandalism(page, `${similar} 11`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Podobne zgłoszenia w pobliżu');
    expect(await page.locator('.result-list__item').first().textContent()).toContain('przy tej samej ulicy');
    // Before the button, not after: what was typed is not kept by a "me too" (read with the button, too).
    expect(await page.getByText(/Opisu, adresu, daty ani e-maila wpisanych w formularzu nie zapiszemy/).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'To samo zagrożenie – potwierdzam' }).first().getAttribute('aria-describedby')).toBe(
      'me-too-keeps-nothing',
    );
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'report-similar-phone');
    await page.getByRole('button', { name: 'To samo zagrożenie – potwierdzam' }).first().click();
    expect(await page.getByRole('heading', { name: 'Dziękujemy za potwierdzenie tego zgłoszenia.' }).isVisible()).toBe(true);
    await context.close();
  });
});
