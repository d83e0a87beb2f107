import type { Browser, Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { signIn, useAppAndBrowser } from '../support/browser-app.js';
import { axeViolations, describeWithBrowser, overflowsHorizontally, viewports } from '../support/browser.js';
import { world } from '../support/world.js';

const running = useAppAndBrowser('settings');

async function open(browser: Browser, javaScriptEnabled: boolean): Promise<Page> {
  const context = await browser.newContext({ viewport: viewports.phone, locale: 'pl-PL', javaScriptEnabled });
  return context.newPage();
}

/** axe and the layout check run scripts in the page: they run where the page may run them (the same HTML either way). */
async function expectAccessible(page: Page, name: string, javaScriptEnabled: boolean) {
  if (!javaScriptEnabled) return;
  expect(await axeViolations(page), `axe on ${name}`).toEqual([]);
  expect(await overflowsHorizontally(page), `${name} scrolls sideways at 360 px`).toBe(false);
}

const verificationForm = (page: Page) => page.locator('form:has(input[name="group"][value="verification"])');

describeWithBrowser.each([true, false])('the settings page at 360 px (JavaScript: %s)', (javaScriptEnabled) => {
  it('lets a national administrator change a deadline, refusing a value out of range with an error summary', async () => {
    const page = await open(running.browser, javaScriptEnabled);
    await signIn(running, page, world.accounts.nationalAdmin, '/admin/settings');
    expect(await page.locator('h1').textContent()).toBe('Ustawienia');
    await expectAccessible(page, 'settings page', javaScriptEnabled);
    const field = page.locator('[id="field-reports.takeUpDays"]');
    await field.fill('0');
    await verificationForm(page).locator('button[type="submit"]').click();
    await expectAccessible(page, 'settings with an error', javaScriptEnabled);
    expect(await page.locator('.error-summary').textContent()).toContain('od 1 do 90');
    await page.locator('[id="field-reports.takeUpDays"]').fill(javaScriptEnabled ? '2' : '4');
    await verificationForm(page).locator('button[type="submit"]').click();
    expect(await page.locator('body').textContent()).toContain('Ustawienia zapisano');
    expect(await page.locator('[id="field-reports.takeUpDays"]').inputValue()).toBe(javaScriptEnabled ? '2' : '4');
    // The plural of the unit in words: "Domyślnie: 3 dni".
    expect(await page.locator('[id="field-reports.takeUpDays-hint"]').textContent()).toContain('Domyślnie: 3 dni.');
    await page.context().close();
  });

  it('shows a voivodeship administrator the national value beside their own field, and refuses loosening it', async () => {
    const page = await open(running.browser, javaScriptEnabled);
    await signIn(running, page, world.accounts.voivodeshipAdmin, '/admin/settings');
    await expectAccessible(page, 'voivodeship settings page', javaScriptEnabled);
    expect(await page.locator('[id="field-reports.takeUpDays-hint"]').textContent()).toMatch(/Wartość krajowa: \d dni?/);
    // A national-only setting has no field here.
    expect(await page.locator('[id="field-reports.perIpPerDay"]').count()).toBe(0);
    await page.locator('[id="field-reports.takeUpDays"]').fill('60');
    await verificationForm(page).locator('button[type="submit"]').click();
    expect(await page.locator('.error-summary').textContent()).toContain('może tylko zaostrzyć');
    await expectAccessible(page, 'voivodeship settings with an error', javaScriptEnabled);
    await page.context().close();
  });

  it('lets a national administrator choose a voivodeship and tighten a deadline for its units', async () => {
    const page = await open(running.browser, javaScriptEnabled);
    await signIn(running, page, world.accounts.nationalAdmin, '/admin/settings');
    const voivodeship = world.units.voivodeship;
    await page.getByLabel('Zaostrzenia województwa').selectOption({ label: voivodeship.name });
    await page.getByRole('button', { name: 'Pokaż' }).click();
    await page.waitForURL(/wojewodztwo=/);
    expect(await page.locator('.lead').textContent()).toContain(`${voivodeship.name}: zaostrzenia dla jednostek tej komendy`);
    await expectAccessible(page, 'a voivodeship’s settings for a national administrator', javaScriptEnabled);
    // 1 day is stricter than any national value the other tests leave (2, 3 or 4)
    await page.locator('[id="field-reports.takeUpDays"]').fill('1');
    await verificationForm(page).locator('button[type="submit"]').click();
    expect(await page.locator('body').textContent()).toContain('Ustawienia zapisano');
    expect(new URL(page.url()).searchParams.get('wojewodztwo')).toBe(voivodeship.id);
    expect(await page.locator('[id="field-reports.takeUpDays"]').inputValue()).toBe('1');
    await page.getByRole('link', { name: 'Wróć do wartości krajowych' }).click();
    expect(await page.locator('.lead').textContent()).toContain('Wartości krajowe obowiązują');
    await page.context().close();
  });
});
