import { expect, it } from 'vitest';
import { addDays, warsawToday } from '../../src/platform/i18n/calendar.js';
import { inspectPage, signIn, useAppAndBrowser } from '../support/browser-app.js';
import { describeWithBrowser, viewports } from '../support/browser.js';
import { world } from '../support/world.js';

const running = useAppAndBrowser('meeting-pages');

describeWithBrowser('the staff pages of meetings on a phone', () => {
  it('an officer announces a meeting at 360 px (plain form posts): the error in the summary, the event’s own page, then cancels it with a reason', async () => {
    const context = await running.browser.newContext({ viewport: viewports.phone, locale: 'pl-PL' });
    const page = await context.newPage();
    await signIn(running, page, world.officerOf.a1!);
    await page.goto(`${running.app.url}/admin`);
    await page.getByRole('link', { name: 'Spotkania i debaty' }).click();
    await inspectPage(page, 'meeting-list-phone');
    await page.getByRole('link', { name: 'Zapowiedz spotkanie' }).click();
    // The officer's own district is ticked already.
    expect(await page.getByRole('checkbox').first().isChecked()).toBe(true);
    await inspectPage(page, 'meeting-new-phone');
    await page.getByLabel('Data').fill(addDays(warsawToday(), 9));
    await page.getByLabel('Miejsce (adres)').fill('Szkoła Podstawowa nr 1, ul. Szkolna 5, Borowo');
    await page.getByLabel('Temat').fill('Bezpieczna droga do szkoły');
    await page.getByLabel('Koniec').fill('16:00');
    await page.getByRole('button', { name: 'Zapowiedz' }).click();
    await expect.poll(() => page.locator('.error-summary a[href="#field-endsAt"]').count()).toBe(1);
    await inspectPage(page, 'meeting-new-phone-errors');
    await page.getByLabel('Koniec').fill('18:30');
    await page.getByRole('button', { name: 'Zapowiedz' }).click();
    await expect.poll(() => page.getByText('Wydarzenie zapowiedziano.').count()).toBe(1);
    expect(await page.locator('h1').textContent()).toBe('Bezpieczna droga do szkoły');
    await inspectPage(page, 'meeting-page-phone');
    // Cancelling asks why: without a reason the error is summarised and beside the field.
    await page.getByRole('button', { name: 'Odwołaj wydarzenie' }).click();
    await expect.poll(() => page.locator('.error-summary a[href="#field-reason"]').count()).toBe(1);
    await inspectPage(page, 'meeting-cancel-phone-errors');
    await page.getByLabel('Powód odwołania').fill('Szkoła zamknięta z powodu awarii ogrzewania.');
    await page.getByRole('button', { name: 'Odwołaj wydarzenie' }).click();
    await expect.poll(() => page.getByText('Wydarzenie odwołano.').count()).toBe(1);
    // The resident reads the reason beside "Odwołane" on the district page.
    await page.goto(`${running.app.url}/rejony/${world.districts.a1.id}`);
    const item = page.getByRole('listitem').filter({ hasText: 'Bezpieczna droga do szkoły' });
    expect(await item.textContent()).toContain('Odwołane');
    expect(await item.textContent()).toContain('Powód odwołania: Szkoła zamknięta z powodu awarii ogrzewania.');
    await context.close();
  });
});
