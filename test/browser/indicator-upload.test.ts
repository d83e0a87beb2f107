import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { signIn, useAppAndBrowser } from '../support/browser-app.js';
import { axeViolations, overflowsHorizontally, screenshot, viewports, describeWithBrowser } from '../support/browser.js';
import { world } from '../support/world.js';
import { addDays, warsawToday } from '../../src/platform/i18n/calendar.js';

const running = useAppAndBrowser('indicators');

async function inspect(page: Page, name: string) {
  expect(await axeViolations(page), `axe on ${name}`).toEqual([]);
  expect(await overflowsHorizontally(page), `${name} scrolls sideways`).toBe(false);
  await screenshot(page, name);
}

const unit = world.units.a.id;

describeWithBrowser.each(['phone', 'desktop'] as const)('uploading indicator data on a %s', (viewport) => {
  it('uploads a Polish Excel CSV without script, reads the result and the rejected line, and sees the category counted', async () => {
    const context = await running.browser.newContext({ viewport: viewports[viewport], locale: 'pl-PL' });
    const page = await context.newPage();
    await signIn(running, page, world.accounts.supervisorA, `/admin/units/${unit}/indicators`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Dane wskaźnikowe – Komenda Powiatowa Policji w Borowie');
    await inspect(page, `indicators-${viewport}`);

    const category = `kradzież roweru (${viewport})`;
    const text = `\uFEFFData;Kategoria;Rejon;Liczba\r\n${addDays(warsawToday(), -3)};${category};1;4\r\n${warsawToday()};${category};9;1\r\n`;
    await page.getByLabel('Plik CSV').setInputFiles({ name: 'rejestr.csv', mimeType: 'text/csv', buffer: Buffer.from(text) });
    await page.getByRole('button', { name: 'Importuj' }).click();
    expect(await page.getByRole('status').textContent()).toContain('Przyjęte wiersze: 1 z 2');
    expect(await page.getByText('nie ma rejonu „9” w tej jednostce').isVisible()).toBe(true);
    expect(await page.getByRole('rowheader', { name: category }).isVisible()).toBe(true);
    await inspect(page, `indicators-result-${viewport}`);
    await context.close();
  });
});
