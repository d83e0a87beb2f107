import { expect, it } from 'vitest';
import { inspectPage, signIn, useAppAndBrowser } from '../support/browser-app.js';
import { describeWithBrowser, viewports } from '../support/browser.js';
import { world } from '../support/world.js';

const running = useAppAndBrowser('dashboard-settings');

describeWithBrowser('the dashboard and reminder settings on a phone', () => {
  it('a national administrator changes the reminder days at 360 px: a bad value in the summary, then saved', async () => {
    const context = await running.browser.newContext({ viewport: viewports.phone, locale: 'pl-PL' });
    const page = await context.newPage();
    await signIn(running, page, world.accounts.nationalAdmin);
    await page.goto(`${running.app.url}/admin`);
    await page.getByRole('link', { name: 'Ustawienia tablicy i przypomnień' }).click();
    await expect.poll(() => page.getByLabel('Przypomnienia e-mailem na tyle dni przed terminem').inputValue()).toBe('7, 1');
    await inspectPage(page, 'dashboard-settings-phone');
    await page.getByLabel('Przypomnienia e-mailem na tyle dni przed terminem').fill('7, 90');
    await page.getByRole('button', { name: 'Zapisz' }).click();
    await expect.poll(() => page.locator('.error-summary a[href="#field-reminderDays"]').count()).toBe(1);
    await inspectPage(page, 'dashboard-settings-phone-errors');
    await page.getByLabel('Przypomnienia e-mailem na tyle dni przed terminem').fill('14, 3');
    await page.getByRole('button', { name: 'Zapisz' }).click();
    await expect.poll(() => page.getByText('Ustawienia zapisano.').count()).toBe(1);
    expect(await page.getByLabel('Przypomnienia e-mailem na tyle dni przed terminem').inputValue()).toBe('14, 3');
    await context.close();
  });
});
