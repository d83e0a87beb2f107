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
    await page.getByRole('link', { name: 'Ustawienia', exact: true }).click();
    const field = () => page.getByLabel('Przypomnienia e-mailem przed terminem');
    await expect.poll(() => field().inputValue()).toBe('7, 1');
    await inspectPage(page, 'dashboard-settings-phone');
    await field().fill('7, 90');
    await page.getByRole('button', { name: 'Zapisz: tablica przełożonego i przypomnienia' }).click();
    await expect.poll(() => page.locator('.error-summary a[href="#field-dashboard.reminderDays"]').count()).toBe(1);
    await inspectPage(page, 'dashboard-settings-phone-errors');
    await field().fill('3, 14');
    await page.getByRole('button', { name: 'Zapisz: tablica przełożonego i przypomnienia' }).click();
    await expect.poll(() => page.getByText('Ustawienia zapisano.', { exact: false }).count()).toBe(1);
    // Kept from the furthest day.
    expect(await field().inputValue()).toBe('14, 3');
    // The old address leads to the same group.
    await page.goto(`${running.app.url}/admin/dashboard/settings`);
    expect(page.url()).toMatch(/\/admin\/settings#dashboard$/);
    await context.close();
  });
});
