import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { useAppAndBrowser } from '../support/browser-app.js';
import { axeRuleViolations, axeViolations, overflowsHorizontally, screenshot, viewports, describeWithBrowser } from '../support/browser.js';
import { inFactory, makeDistrict, makeUnit } from '../support/factories.js';
import { world } from '../support/world.js';

/**
 * What a resident reads about reaching the police: the unit's contact block (recorded and not
 * recorded), a district with no officer, the report form's notice of what it keeps, and the plan
 * library's result headings (axe `heading-order`, which the WCAG tags leave out, run by name).
 * The world's unit A has every contact detail; added here: a unit with none, and a district of
 * unit A with no officer.
 */
const unit = world.units.a;
const vacantNumber = 10;
const noContacts = 'kpp-bez-kontaktu';
const running = useAppAndBrowser('public-contact', {}, (db) =>
  inFactory(db, async (trx) => {
    await makeUnit(trx, noContacts, 'KPP', world.units.voivodeship.id);
    await makeDistrict(trx, unit.id, vacantNumber);
  }),
);

async function inspect(page: Page, name: string) {
  expect(await axeViolations(page), `axe on ${name}`).toEqual([]);
  expect(await axeRuleViolations(page, ['heading-order']), `heading order on ${name}`).toEqual([]);
  expect(await overflowsHorizontally(page), `${name} scrolls sideways`).toBe(false);
  await screenshot(page, name);
}

describeWithBrowser.each(['phone', 'desktop'] as const)('reaching the police on a %s', (viewport) => {
  const open = async (path: string) => {
    const context = await running.browser.newContext({ viewport: viewports[viewport], locale: 'pl-PL' });
    const page = await context.newPage();
    await page.goto(`${running.app.url}${path}`);
    return { page, close: () => context.close() };
  };

  it('shows the unit’s address, phone and hours, and says plainly what a unit has not recorded', async () => {
    const { page, close } = await open(`/jednostki/${unit.id}`);
    const contact = page.getByRole('region', { name: 'Kontakt z jednostką' });
    expect(await contact.getByRole('link', { name: unit.phone }).getAttribute('href')).toBe(`tel:${unit.phone.replace(/ /g, '')}`);
    expect(await contact.textContent()).toContain(unit.openingHours);
    expect(await contact.textContent()).toContain(`${unit.street}, ${unit.postalCode} ${unit.locality}`);
    // On the unit's own page there is no link back to it.
    expect(await page.locator(`a[href="/jednostki/${unit.id}"]`).count()).toBe(0);
    await inspect(page, `unit-contact-${viewport}`);

    await page.goto(`${running.app.url}/jednostki/${noContacts}`);
    const missing = page.getByRole('region', { name: 'Kontakt z jednostką' });
    expect(await missing.getByText('nie wpisano').count()).toBe(3);
    expect(await missing.getByText(/W nagłych sytuacjach dzwoń pod 112/).isVisible()).toBe(true);
    await inspect(page, `unit-contact-missing-${viewport}`);
    await close();
  });

  it('says who covers a district without an officer, and never that the officer answers', async () => {
    const { page, close } = await open(`/rejony/${unit.id}/${vacantNumber}`);
    expect(await page.getByText(`Sprawami rejonu zajmuje się ${unit.name}.`).isVisible()).toBe(true);
    expect(await page.getByText(/Dzielnicowy odbiera/).count()).toBe(0);
    expect(await page.getByRole('region', { name: 'Kontakt z jednostką' }).getByRole('link', { name: unit.phone }).isVisible()).toBe(true);
    await inspect(page, `district-vacant-${viewport}`);
    await close();
  });

  it('tells a resident on the report form what is kept, for how long and who sees it, never "anonymous"', async () => {
    const { page, close } = await open('/zglos');
    const notice = page.getByRole('region', { name: 'Co zapisujemy, jak długo i kto to widzi' });
    const row = (what: string) =>
      notice
        .locator('.summary-list__row')
        .filter({ has: page.getByRole('term').filter({ hasText: what }) })
        .textContent();
    expect(await row('Adres IP Twojego urządzenia')).toContain('Jak długo: 30 dni od zapisania');
    expect(await row('Opis zgłoszenia')).toContain('Kto to widzi: Tylko PolicjaJak długo: 180 dni po zamknięciu zgłoszenia');
    expect(await row('Twój e-mail, jeśli go podasz')).toContain('Do zamknięcia zgłoszenia');
    expect(await page.getByText(/anonimow/i).count()).toBe(0);
    await inspect(page, `report-form-notice-${viewport}`);
    await close();
  });

  it('keeps the plan library’s result headings in order', async () => {
    const { page, close } = await open('/plany?q=oszustwa');
    expect(await page.getByRole('heading', { level: 2 }).count()).toBeGreaterThan(0);
    expect(await page.getByRole('heading', { level: 3 }).count()).toBe(0);
    await inspect(page, `plans-library-headings-${viewport}`);
    await close();
  });
});
