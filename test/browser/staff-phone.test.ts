import { allowReportsPerIp } from '../support/settings.js';
import type { Browser, Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { signIn, useAppAndBrowser } from '../support/browser-app.js';
import { axeViolations, overflowsHorizontally, screenshot, viewports, describeWithBrowser } from '../support/browser.js';
import { makeHeldReport, makeReport } from '../support/factories.js';
import { wholeStreetsOf, world, type WorldAccount } from '../support/world.js';
import { ensureCategories } from '../../src/modules/reports/manage-categories.js';

const a1 = world.districts.a1;
// Every page here comes from one address (127.0.0.1): allow more than KMZB's one report a day.
// The supervisor's and administrator's tables have rows to lay out: an open report of a1 and a held one
// (in the catalogue the app writes on its start, written here first).
const running = useAppAndBrowser('staff-phone', {}, async (db) => {
  await allowReportsPerIp(db, 100);
  await ensureCategories(db);
  await makeReport(db, a1.unitId, a1.id);
  await makeHeldReport(db, a1.unitId, a1.id);
});

type Viewport = keyof typeof viewports;

async function signedIn(
  browser: Browser,
  who: WorldAccount,
  viewport: Viewport,
  options: { lang?: 'pl' | 'en'; javaScriptEnabled?: boolean } = {},
): Promise<Page> {
  const context = await browser.newContext({
    viewport: viewports[viewport],
    locale: options.lang === 'en' ? 'en-GB' : 'pl-PL',
    javaScriptEnabled: options.javaScriptEnabled ?? true,
  });
  const page = await context.newPage();
  await signIn(running, page, who);
  return page;
}

async function inspect(page: Page, name: string) {
  expect(await axeViolations(page), `axe on ${name}`).toEqual([]);
  expect(await overflowsHorizontally(page), `${name} scrolls sideways`).toBe(false);
  await screenshot(page, name);
}

/**
 * How the staff tables of a page are laid out: for each table, whether its rows are cards (block),
 * its width against the viewport's, its cells that show nothing (a tall empty row), the cells
 * with content but no label, and whether its frame is a named, focusable region.
 */
function tableLayout(page: Page) {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLTableElement>('main table.table--stack:not(.table--stack .table)')].map((table) => {
      const region = table.closest<HTMLElement>('.table-wrap');
      const headings = [...table.querySelectorAll(':scope > thead > tr > *')].map((cell) =>
        cell.tagName === 'TH' ? cell.textContent?.trim() : '',
      );
      const cells = [...table.querySelectorAll<HTMLTableCellElement>(':scope > tbody > tr > td, :scope > tbody > tr > th')];
      const shown = cells.filter((cell) => getComputedStyle(cell).display !== 'none');
      const row = table.querySelector(':scope > tbody > tr');
      const cards = row !== null && getComputedStyle(row).display === 'block';
      return {
        rowDisplay: row ? getComputedStyle(row).display : null,
        fits: table.getBoundingClientRect().right <= window.innerWidth,
        // On a phone an empty cell is a label over nothing; on a wide screen it is just a blank in the grid.
        emptyShown: cards ? shown.filter((cell) => !cell.textContent?.trim() && !cell.querySelector('input, a, button')).length : 0,
        // A cell under a column heading carries that heading as its label on a phone.
        unlabelled: shown.filter((cell) => headings[cell.cellIndex] && cell.textContent?.trim() && !cell.dataset.label).length,
        region: region ? { role: region.getAttribute('role'), name: region.getAttribute('aria-label'), tabIndex: region.tabIndex } : null,
      };
    }),
  );
}

async function sendReport(page: Page, address: string) {
  await page.goto(`${running.app.url}/zglos`);
  await page.locator('#field-address').fill(address);
  await page.locator('#field-category').selectOption({ index: 1 });
  await page.locator('#field-description').fill('Samochody parkują na chodniku przy szkole.');
  await page.locator('form[action="/zglos"] button[type="submit"]').click();
  await page.waitForURL(/\/zgloszenia\/\d+/);
}

describeWithBrowser.each(['phone', 'desktop'] as const)('staff tables on a %s', (viewport) => {
  it('an officer reads the report queue and a report’s history: cards on a phone, every cell labelled, nothing cut off', async () => {
    const resident = await (await running.browser.newContext({ viewport: viewports[viewport] })).newPage();
    // Addresses in a1 (its officer's district), typed, so that no point is needed.
    // Different streets per viewport, or the second would be offered the first as a similar report.
    const [onPhone, onDesktop] = wholeStreetsOf(a1);
    await sendReport(resident, viewport === 'phone' ? `${onPhone} 17` : `${onDesktop} 8`);
    const reportUrl = resident.url().split('?')[0]!;

    const officer = await signedIn(running.browser, world.officerOf.a1!, viewport);
    await officer.goto(`${running.app.url}/admin/reports?status=all`);
    await inspect(officer, `report-queue-officer-${viewport}`);
    const [queue] = await tableLayout(officer);
    expect(queue).toBeDefined();
    expect(queue!.rowDisplay).toBe(viewport === 'phone' ? 'block' : 'table-row');
    expect(queue!.fits).toBe(true);
    expect(queue!.emptyShown).toBe(0);
    expect(queue!.unlabelled).toBe(0);
    expect(queue!.region).toEqual({ role: 'region', name: 'Zgłoszenia zagrożeń', tabIndex: 0 });

    const id = reportUrl.split('/').pop()!;
    await officer.goto(`${running.app.url}/admin/reports/${id}`);
    await inspect(officer, `report-history-officer-${viewport}`);
    const [history] = await tableLayout(officer);
    expect(history).toMatchObject({ fits: true, emptyShown: 0, unlabelled: 0, region: { role: 'region', name: 'Historia', tabIndex: 0 } });
    expect(history!.rowDisplay).toBe(viewport === 'phone' ? 'block' : 'table-row');
    await officer.context().close();
    await resident.context().close();
  });

  it('every staff table of a supervisor and an administrator: no sideways scroll, axe clean', async () => {
    const pages: [WorldAccount, string[]][] = [
      [
        world.supervisorOf.a,
        [
          '/admin/reports',
          '/admin/reports?held=only',
          '/admin/reports?status=all',
          '/admin/plans',
          '/admin/districts',
          '/admin/officers',
          '/admin/dashboard',
        ],
      ],
      [world.officerOf.a1!, ['/admin/dashboard']],
      [
        world.accounts.voivodeshipAdmin,
        ['/admin/accounts', '/admin/audit', '/admin/report-categories', `/admin/districts/${a1.id}`, '/admin/units'],
      ],
    ];
    for (const [who, paths] of pages) {
      const page = await signedIn(running.browser, who, viewport);
      for (const path of paths) {
        await page.goto(`${running.app.url}${path}`);
        const name = `${who.login}${path.replace(/[/?=]/g, '-')}-${viewport}`;
        await inspect(page, name);
        for (const table of await tableLayout(page)) {
          expect(table, name).toMatchObject({ fits: true, emptyShown: 0, unlabelled: 0 });
          expect(table.region, name).toMatchObject({ role: 'region', tabIndex: 0 });
        }
      }
      await page.context().close();
    }
  });
});
