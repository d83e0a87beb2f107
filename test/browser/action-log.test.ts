import { expect, it } from 'vitest';
import { inspectPage, signIn, useAppAndBrowser } from '../support/browser-app.js';
import { describeWithBrowser, viewports } from '../support/browser.js';
import { warsawToday } from '../../src/platform/i18n/calendar.js';
import { world } from '../support/world.js';

const running = useAppAndBrowser('action-log');

describeWithBrowser('the action log on a phone', () => {
  it('an officer records a patrol at 360 px (a plain form post; axe needs scripts in the page): errors in the summary, then the entry under its action', async () => {
    const context = await running.browser.newContext({ viewport: viewports.phone, locale: 'pl-PL' });
    const page = await context.newPage();
    await signIn(running, page, world.officerOf.a1!);
    const plans = (await (await page.request.get(`${running.app.url}/api/v1/plans?districtId=${world.districts.a1.id}`)).json()) as {
      plans: { id: string }[];
    };
    await page.goto(`${running.app.url}/admin/plans/${plans.plans[0]!.id}/dziennik`);
    await expect.poll(() => page.getByLabel('Data').inputValue()).toBe(warsawToday());
    await inspectPage(page, 'action-log-phone');
    // Sent without a kind: the summary names it and links to the first radio button.
    await page.getByRole('button', { name: 'Zapisz wpis' }).click();
    await expect.poll(() => page.locator('.error-summary a[href="#field-kind"]').count()).toBe(1);
    await inspectPage(page, 'action-log-phone-errors');
    await page.getByLabel('Patrol miejsca').check();
    await page.getByLabel('Miejsce').fill('Park przy ul. Lipowej');
    await page.getByRole('button', { name: 'Zapisz wpis' }).click();
    await expect.poll(() => page.getByText('Wpis zapisano.').count()).toBe(1);
    expect(await page.locator('main').textContent()).toContain('Park przy ul. Lipowej');
    await context.close();
  });
});
