import { allowReportsPerIp } from '../../../../test/support/settings.js';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type TestApp, createTestApp } from '../../../../test/support/app.js';
import { world } from '../../../../test/support/world.js';
import { addDays, warsawToday } from '../../../platform/i18n/calendar.js';
import {
  axeViolations,
  closeContextsOf,
  sharedChromium,
  overflowsHorizontally,
  screenshot,
  viewports,
  describeWithBrowser,
} from '../../../../test/support/browser.js';

/**
 * The public list and statistics of reports in Chromium, on a 360 px phone and on a desktop:
 * no axe-core (WCAG 2.1 AA) violations and no sideways scrolling. The app runs in this process
 * (no build needed); the pages must be complete without JavaScript, so the map island is optional.
 */
let t: TestApp;
let browser: Browser;
let url: string;

beforeAll(async () => {
  [t, browser] = await Promise.all([createTestApp('pglite'), sharedChromium()]);
  await allowReportsPerIp(t.testDb.database.db, 1000, t.changes);
  const a1 = world.districts.a1.point;
  const points = [
    // Two reports a few hundred metres apart in one town, one in another county, one by address.
    { category: 'vandalism', ...a1, eventDate: addDays(warsawToday(), -1), eventTime: '21:30' },
    { category: 'vandalism', lat: a1.lat + 0.0015, lon: a1.lon + 0.0024 },
    { category: 'illegal-dumping', ...world.districts.b1.point },
    { category: 'vandalism', address: world.districts.a1.address },
  ];
  for (const [i, point] of points.entries()) {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/reports',
      payload: { ...point, description: 'Opis tylko dla Policji' },
      remoteAddress: `203.0.113.${i + 1}`,
    });
    expect(response.statusCode, response.body).toBe(201);
  }
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const address = t.app.server.address();
  if (!address || typeof address === 'string') throw new Error('the app is not listening on a TCP port');
  url = `http://127.0.0.1:${address.port}`;
});
afterAll(async () => {
  if (browser) await closeContextsOf(browser);
  await t?.close();
});

async function open(path: string, viewport: keyof typeof viewports, javaScript = true): Promise<Page> {
  const context = await browser.newContext({ viewport: viewports[viewport], locale: 'pl-PL', javaScriptEnabled: javaScript });
  const page = await context.newPage();
  const response = await page.goto(`${url}${path}`);
  expect(response?.status()).toBe(200);
  return page;
}

async function inspect(page: Page, name: string) {
  expect(await axeViolations(page), `axe on ${name}`).toEqual([]);
  expect(await overflowsHorizontally(page), `${name} scrolls sideways`).toBe(false);
  await screenshot(page, name);
}

describeWithBrowser('public reports in the browser', () => {
  for (const viewport of ['phone', 'desktop'] as const) {
    it(`the list with filters, map section and pages is accessible on a ${viewport}`, async () => {
      const page = await open('/zgloszenia', viewport);
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Zgłoszenia zagrożeń');
      expect(await page.getByRole('status').first().textContent()).toBe('4 zgłoszenia, od najnowszych.');
      await inspect(page, `reports-list-${viewport}`);
      await page.getByLabel('Kategoria zagrożenia').selectOption('illegal-dumping');
      await page.getByRole('button', { name: 'Pokaż' }).click();
      await page.waitForURL(/category=illegal-dumping/);
      expect(await page.getByRole('status').first().textContent()).toBe('1 zgłoszenie, od najnowszych.');
      await page.context().close();
    });

    it(`the statistics with SVG charts are accessible on a ${viewport}`, async () => {
      const page = await open('/zgloszenia/statystyki', viewport);
      expect(await page.getByRole('img', { name: /Wykres słupkowy: Według kategorii/ }).count()).toBe(1);
      expect(
        await page
          .getByRole('img', { name: 'Wykres słupkowy: Według godziny zdarzenia (czas polski). Najwięcej: 21:00–21:59 (1).' })
          .count(),
      ).toBe(1);
      expect(await page.getByText('Bez podanej godziny zdarzenia: 3 zgłoszenia.').count()).toBe(1);
      await page.getByText('Pokaż dane w tabeli').first().click();
      await inspect(page, `reports-stats-${viewport}`);
      await page.context().close();
    });
  }

  it('works without JavaScript: the list is there and the map says where to look', async () => {
    const page = await open('/zgloszenia', 'phone', false);
    expect(await page.getByText('Mapa działa z włączonym JavaScriptem.').count()).toBe(1);
    expect(await page.getByRole('link', { name: /^Zgłoszenie nr \d+: Akty wandalizmu$/ }).count()).toBe(3);
    await page.context().close();
  });
});
