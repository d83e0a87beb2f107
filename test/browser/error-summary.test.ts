import { allowReportsPerIp } from '../support/settings.js';
import type { Browser, Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { signIn, useAppAndBrowser } from '../support/browser-app.js';
import { axeViolations, overflowsHorizontally, viewports, describeWithBrowser } from '../support/browser.js';
import { world } from '../support/world.js';

const running = useAppAndBrowser('error-summary', {}, (db) => allowReportsPerIp(db, 100));

type Viewport = keyof typeof viewports;

async function open(
  browser: Browser,
  viewport: Viewport,
  options: { lang?: 'pl' | 'en'; javaScriptEnabled?: boolean } = {},
): Promise<Page> {
  const context = await browser.newContext({
    viewport: viewports[viewport],
    locale: options.lang === 'en' ? 'en-GB' : 'pl-PL',
    javaScriptEnabled: options.javaScriptEnabled ?? true,
  });
  return context.newPage();
}

/** Clicks every link of the error summary in turn: each must leave the focus on the field whose id it names. */
async function followSummaryLinks(page: Page): Promise<{ href: string; focused: string }[]> {
  const hrefs = await page.locator('.error-summary a').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
  const landed: { href: string; focused: string }[] = [];
  for (const href of hrefs) {
    await page.locator(`.error-summary a[href="${href}"]`).click();
    landed.push({ href, focused: `#${await page.evaluate(() => document.activeElement?.id ?? '')}` });
  }
  return landed;
}

async function expectErrorPage(page: Page, name: string, prefix = 'Błąd: ') {
  expect(await page.title(), name).toMatch(new RegExp(`^${prefix}`));
  expect(await axeViolations(page), `axe on ${name}`).toEqual([]);
  expect(await overflowsHorizontally(page), `${name} scrolls sideways`).toBe(false);
  // The summary takes the focus as the page opens, so a keyboard or screen-reader user starts there.
  expect(await page.evaluate(() => document.activeElement?.className ?? ''), `${name}: focus on the summary`).toBe('error-summary');
  const landed = await followSummaryLinks(page);
  expect(landed.length, name).toBeGreaterThan(0);
  for (const { href, focused } of landed) expect(focused, `${name}: ${href}`).toBe(href);
}

describeWithBrowser.each(['phone', 'desktop'] as const)('error summaries on a %s', (viewport) => {
  it('sign-in, in Polish and in English: the title says so, each link focuses its field', async () => {
    for (const lang of ['pl', 'en'] as const) {
      const page = await open(running.browser, viewport, { lang });
      if (lang === 'en') await page.goto(`${running.app.url}/language/en?next=/login`);
      else await page.goto(`${running.app.url}/login`);
      expect(await page.title()).not.toMatch(/^(Błąd|Error):/);
      await page.locator('form[action="/login"] button[type="submit"]').click();
      await expectErrorPage(page, `sign-in ${lang}`, lang === 'pl' ? 'Błąd: ' : 'Error: ');
      await page.context().close();
    }
  });

  it('the report form, the password form and the officer form', async () => {
    const resident = await open(running.browser, viewport);
    await resident.goto(`${running.app.url}/zglos`);
    await resident.locator('form[action="/zglos"] button[type="submit"]').click();
    await expectErrorPage(resident, 'report form');
    expect(await resident.locator('.error-summary a[href="#field-address"]').count()).toBe(1);
    await resident.context().close();

    const admin = await open(running.browser, viewport);
    await signIn(running, admin, world.accounts.voivodeshipAdmin);
    await admin.goto(`${running.app.url}/account`);
    await admin.locator('form[action="/account/password"] button[type="submit"]').click();
    await expectErrorPage(admin, 'password form');
    await admin.goto(`${running.app.url}/admin/officers/new`);
    await admin.locator('#field-unitId').selectOption({ index: 0 });
    await admin.locator('main form[method="post"] button[type="submit"]').first().click();
    await expectErrorPage(admin, 'officer form');
    await admin.goto(`${running.app.url}/admin/report-categories`);
    await admin.locator('#field-seasonFrom').fill('13');
    await admin.locator('form[action="/admin/report-categories"] button[type="submit"]').click();
    await expectErrorPage(admin, 'category form');
    await admin.context().close();
  });

  it('the plan editor: without JavaScript "Dodaj działanie" opens at the new action; sent for approval empty, each link focuses its field', async () => {
    const officer = await open(running.browser, viewport, { javaScriptEnabled: false });
    await signIn(running, officer, world.officerOf.a1!);
    await officer.goto(`${running.app.url}/admin/plans/new`);
    const year = viewport === 'phone' ? 2032 : 2033;
    await officer.locator('#field-periodFrom').fill(`${year}-01-01`);
    await officer.locator('#field-periodTo').fill(`${year}-06-30`);
    await officer.locator('form[action="/admin/plans/new"] button[type="submit"]').click();
    await officer.waitForURL(/\/admin\/plans\/[^/?#]+\?done=create$/);
    const planUrl = officer.url().split('?')[0]!;
    // The button sits far below the top of a long form: opening at the top would leave the new action off the screen.
    const button = await officer.locator('button[name="intent"][value="add-action"]').boundingBox();
    expect(button!.y).toBeGreaterThan(viewports[viewport].height);
    await officer.locator('button[name="intent"][value="add-action"]').click();
    await officer.waitForURL(`${planUrl}?done=save#action-1`);
    // Box positions come from the browser's layout, not from page scripts (which are off here).
    const box = await officer.locator('#action-1').boundingBox();
    expect(Math.round(box!.y)).toBeGreaterThanOrEqual(0); // scrolled to it: at the top, give or take a subpixel
    expect(box!.y).toBeLessThan(viewports[viewport].height);
    await officer.context().close();

    const withScripts = await open(running.browser, viewport);
    await signIn(running, withScripts, world.officerOf.a1!);
    await withScripts.goto(planUrl);
    await withScripts.locator('button[name="intent"][value="submit"]').click();
    await expectErrorPage(withScripts, 'plan editor');
    await withScripts.context().close();
  });
});
