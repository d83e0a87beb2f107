import { expect, it } from 'vitest';
import { useAppAndBrowser } from '../support/browser-app.js';
import { axeViolations, overflowsHorizontally, screenshot, viewports, describeWithBrowser } from '../support/browser.js';
import { world } from '../support/world.js';

const running = useAppAndBrowser('locator-answers');
/** A town split between districts (a1 and a2). */
const town = world.districts.a1.rules[0]!.locality;

describeWithBrowser.each(['phone', 'desktop'] as const)('an answer for every address on a %s', (viewport) => {
  it('lists the districts of a town given alone, and names a town the register does not cover, without JavaScript', async () => {
    const context = await running.browser.newContext({ viewport: viewports[viewport], locale: 'pl-PL', javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(running.app.url);
    await page.getByLabel('Adres').first().fill(town);
    await page.getByRole('button', { name: 'Szukaj' }).first().click();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(`Rejony służbowe: ${town}`);
    expect(await page.getByText('Podaj ulicę i numer domu, aby wybrać jeden.').isVisible()).toBe(true);
    const cards = page.locator('.officer-card');
    expect(await cards.count()).toBeGreaterThan(1);
    expect(await page.getByRole('heading', { name: 'Ulice w tym rejonie' }).count()).toBe(await cards.count());

    await page.getByLabel('Adres').first().fill('Kraków, ul. Floriańska 10');
    await page.getByRole('button', { name: 'Szukaj' }).first().click();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Kraków nie jest jeszcze w rejestrze tego serwisu');
    const answer = page.locator('main .callout');
    expect(await answer.textContent()).toContain('Komenda Miejska Policji (miasto Kraków)');
    expect(await answer.textContent()).toContain('Komenda Wojewódzka Policji w Krakowie');
    expect(await answer.textContent()).toContain('112');
    expect(await answer.textContent()).toContain('997');
    expect(await page.getByText('Czy chodziło o:').count()).toBe(0);
    await context.close();

    // The same pages with scripts on: no accessibility violations, no sideways scroll.
    const checked = await running.browser.newContext({ viewport: viewports[viewport], locale: 'pl-PL' });
    const checkedPage = await checked.newPage();
    for (const [address, name] of [
      [town, 'town'],
      ['Kraków, ul. Floriańska 10', 'not-covered'],
    ] as const) {
      await checkedPage.goto(`${running.app.url}/szukaj?adres=${encodeURIComponent(address)}`);
      expect(await checkedPage.getByRole('heading', { level: 1 }).isVisible()).toBe(true);
      expect(await axeViolations(checkedPage)).toEqual([]);
      expect(await overflowsHorizontally(checkedPage)).toBe(false);
      await screenshot(checkedPage, `locator-${name}-${viewport}`);
    }
    await checked.close();
  });
});
