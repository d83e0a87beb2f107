import { expect, it } from 'vitest';
import { useAppAndBrowser } from '../support/browser-app.js';
import { axeViolations, overflowsHorizontally, screenshot, viewports, describeWithBrowser } from '../support/browser.js';
import { world } from '../support/world.js';

const running = useAppAndBrowser('locator');
const { a1 } = world.districts;
const unit = world.units.a;
/** A town covered whole (by b2), and the same name mistyped (a letter doubled). */
const town = world.districts.b2.rules[0]!.locality;
const typo = `${town.slice(0, 3)}${town.slice(2)}`;

describeWithBrowser.each(['phone', 'desktop'] as const)('finding the district officer on a %s', (viewport) => {
  it('searches an address and opens the district page', async () => {
    const context = await running.browser.newContext({ viewport: viewports[viewport], locale: 'pl-PL', bypassCSP: true });
    const page = await context.newPage();
    await page.goto(running.app.url);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Znajdź swojego dzielnicowego');
    await page.waitForSelector('.map--ready .leaflet-control-zoom', { timeout: 15_000 });
    expect(await axeViolations(page)).toEqual([]);
    expect(await overflowsHorizontally(page)).toBe(false);
    await screenshot(page, `locator-home-${viewport}`);

    await page.getByLabel('Adres').first().fill(a1.address);
    await page.getByRole('button', { name: 'Szukaj' }).first().click();
    expect(new URL(page.url()).pathname).toBe('/szukaj');
    const card = page.locator('.officer-card').first();
    expect(await card.locator('h2').textContent()).toBe(`${a1.officer.rank} ${a1.officer.firstName} ${a1.officer.lastName}`);
    expect(await card.getByRole('link', { name: a1.phone }).getAttribute('href')).toBe(`tel:${a1.phone.replace(/ /g, '')}`);
    expect(await axeViolations(page)).toEqual([]);
    expect(await overflowsHorizontally(page)).toBe(false);
    await screenshot(page, `locator-result-${viewport}`);

    await card.getByRole('link', { name: a1.name }).click();
    expect(new URL(page.url()).pathname).toBe(`/rejony/${a1.id}`);
    expect(await page.getByRole('heading', { name: 'Obszar rejonu' }).isVisible()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    expect(await overflowsHorizontally(page)).toBe(false);
    await screenshot(page, `district-${viewport}`);

    await page.getByRole('link', { name: unit.name }).first().click();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(unit.name);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, `unit-${viewport}`);
    await context.close();
  });

  it('suggests a close name for a typo, and works without JavaScript', async () => {
    const context = await running.browser.newContext({ viewport: viewports[viewport], locale: 'pl-PL', javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(running.app.url);
    expect(await page.locator('.map__fallback').textContent()).toContain('Mapa działa z włączonym JavaScriptem');
    await page.getByLabel('Adres').first().fill(`${typo} 12`);
    await page.getByRole('button', { name: 'Szukaj' }).first().click();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Nie znaleziono rejonu');
    expect(await page.locator('main .callout').first().textContent()).toContain('Nie znaleźliśmy rejonu dla tego adresu.');
    await page.getByRole('link', { name: town, exact: true }).click();
    expect(await page.locator('.officer-card').count()).toBeGreaterThan(0);
    await context.close();
  });
});

describeWithBrowser('the map', () => {
  it('finds the units of a clicked place on the map drawn from our own GeoJSON', async () => {
    const context = await running.browser.newContext({ viewport: viewports.desktop, locale: 'pl-PL' });
    const page = await context.newPage();
    await page.goto(running.app.url);
    const map = page.locator('.map--ready');
    await map.waitFor({ timeout: 15_000 });
    await page.waitForSelector('.map--ready path.leaflet-interactive, .map--ready svg path', { timeout: 15_000 });
    const box = (await map.boundingBox())!;
    await Promise.all([page.waitForURL(/\/szukaj\?lat=/), page.mouse.click(box.x + box.width / 2, box.y + box.height / 2)]);
    const url = new URL(page.url());
    expect(Number(url.searchParams.get('lat'))).toBeGreaterThan(49);
    expect(Number(url.searchParams.get('lon'))).toBeGreaterThan(14);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toMatch(/Twój dzielnicowy|Nie znaleziono rejonu/);
    await screenshot(page, 'map-click-desktop');
    await context.close();
  });
});
