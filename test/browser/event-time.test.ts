import { expect, it } from 'vitest';
import { inspectPage, signedInPage, useAppAndBrowser } from '../support/browser-app.js';
import { describeWithBrowser, viewports } from '../support/browser.js';
import { wholeStreetsOf, world } from '../support/world.js';
import { addDays, warsawToday } from '../../src/platform/i18n/calendar.js';
import { formatCalendarDay } from '../../src/platform/i18n/i18n.js';

/**
 * The date and time of the event on the report form at 360 px, with and without JavaScript: filled
 * in, sent, and seen by the district's officer; a day in the future is shown next to its field.
 */
const streets = wholeStreetsOf(world.districts.a1);
// Every page here comes from one address (127.0.0.1): allow more than KMZB's one report a day.
const running = useAppAndBrowser('event-time', { REPORT_RATE_LIMIT: '100/day' });

describeWithBrowser.each([true, false])('the time of the event on a phone, JavaScript %s', (javaScriptEnabled) => {
  it('is filled in, sent, and shown to the police with the time', async () => {
    const context = await running.browser.newContext({ viewport: viewports.phone, locale: 'pl-PL', javaScriptEnabled });
    const page = await context.newPage();
    await page.goto(`${running.app.url}/zglos`);
    const yesterday = addDays(warsawToday(), -1);
    const time = javaScriptEnabled ? '21:30' : '06:05';
    await page.getByLabel('Adres (miejscowość, ulica i numer)').fill(`${streets[javaScriptEnabled ? 0 : 1]} 2`);
    await page.getByLabel('Rodzaj zagrożenia').selectOption({ label: 'Akty wandalizmu' });
    // A day in the future first: refused next to its field, nothing else lost.
    await page.getByLabel('Data zdarzenia (opcjonalnie)').fill(addDays(warsawToday(), 1));
    await page.getByLabel('Godzina zdarzenia (opcjonalnie)').fill(time);
    await page.getByRole('button', { name: 'Wyślij zgłoszenie' }).click();
    expect(await page.locator('#field-eventDate-error').textContent()).toContain('Data zdarzenia nie może być w przyszłości.');
    expect(await page.getByLabel('Godzina zdarzenia (opcjonalnie)').inputValue()).toBe(time);
    // axe runs as a script in the page: only where scripts run (the server's HTML is the same without them).
    if (javaScriptEnabled) await inspectPage(page, 'event-time-refused');

    await page.getByLabel('Data zdarzenia (opcjonalnie)').fill(yesterday);
    await page.getByRole('button', { name: 'Wyślij zgłoszenie' }).click();
    await page.waitForURL(/\/zgloszenia\/\d+/);
    expect(await page.getByRole('heading', { name: 'Dziękujemy za zgłoszenie' }).isVisible()).toBe(true);
    const id = /\/zgloszenia\/(\d+)/.exec(page.url())![1];
    await context.close();

    const officer = await signedInPage(running, world.officerOf.a1!, 'phone', javaScriptEnabled);
    await officer.goto(`${running.app.url}/admin/reports/${id}`);
    expect(await officer.locator('main').textContent()).toContain(`${formatCalendarDay(yesterday, 'pl')}, ${time}`);
    if (javaScriptEnabled) await inspectPage(officer, 'event-time-police');
    await officer.context().close();
  });
});
