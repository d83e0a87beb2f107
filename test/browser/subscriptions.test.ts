import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { useAppAndBrowser } from '../support/browser-app.js';
import { axeRuleViolations, axeViolations, overflowsHorizontally, screenshot, viewports, describeWithBrowser } from '../support/browser.js';
import { makeSubscription } from '../support/factories.js';
import { world } from '../support/world.js';

/**
 * Following a district as a resident does it (server HTML): the form on the district page, "check
 * your inbox", a form error, and the confirmation link's page with its button; axe-clean and no
 * sideways scrolling at 360 px.
 */
const { a2 } = world.districts;
const confirmTokens: Record<string, string> = {};
const running = useAppAndBrowser('subscriptions', {}, async (db) => {
  for (const viewport of ['phone', 'desktop']) {
    confirmTokens[viewport] = (await makeSubscription(db, a2.id, `oczekujaca.${viewport}@example.pl`)).confirmToken;
  }
});

async function inspect(page: Page, name: string) {
  expect(await axeViolations(page), `axe on ${name}`).toEqual([]);
  expect(await axeRuleViolations(page, ['heading-order']), `heading order on ${name}`).toEqual([]);
  expect(await overflowsHorizontally(page), `${name} scrolls sideways`).toBe(false);
  await screenshot(page, name);
}

describeWithBrowser.each(['phone', 'desktop'] as const)('following a district on a %s', (viewport) => {
  it('subscribes from the district page, shows a form error, and confirms by the button of the mailed link', async () => {
    const context = await running.browser.newContext({ viewport: viewports[viewport], locale: 'pl-PL' });
    const page = await context.newPage();
    expect((await page.goto(`${running.app.url}/rejony/${a2.id}`, { timeout: 30_000 }))?.status()).toBe(200);
    const section = page.getByRole('region', { name: 'Obserwuj rejon' });
    await expect(section.getByRole('link', { name: /kanał Atom/ }).getAttribute('href')).resolves.toBe(`/rejony/${a2.id}/aktualnosci.atom`);
    await inspect(page, `follow-district-${viewport}`);

    await section.getByLabel('Twój adres e-mail').fill(`mieszkanka.${viewport}@example.pl`);
    await section.getByRole('button', { name: 'Obserwuj' }).click();
    await page.getByRole('heading', { name: 'Sprawdź skrzynkę e-mail' }).waitFor({ timeout: 15_000 });
    await inspect(page, `follow-sent-${viewport}`);

    await page.goto(`${running.app.url}/rejony/${a2.id}/obserwuj`, { timeout: 30_000 });
    await page.getByLabel('Twój adres e-mail').fill('to nie adres');
    await page.getByRole('button', { name: 'Obserwuj' }).click();
    await page.getByRole('link', { name: /Podaj poprawny adres e-mail/ }).waitFor({ timeout: 15_000 });
    await inspect(page, `follow-error-${viewport}`);

    expect((await page.goto(`${running.app.url}/obserwuj/potwierdz/${confirmTokens[viewport]!}`, { timeout: 30_000 }))?.status()).toBe(200);
    await inspect(page, `follow-confirm-${viewport}`);
    await page.getByRole('button', { name: 'Potwierdzam' }).click();
    await page.getByRole('heading', { name: 'Obserwujesz rejon' }).waitFor({ timeout: 15_000 });
    await inspect(page, `follow-confirmed-${viewport}`);
    await context.close();
  }, 180_000);
});
