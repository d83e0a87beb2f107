import type { Locator, Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { useAppAndBrowser } from '../support/browser-app.js';
import { axeViolations, overflowsHorizontally, screenshot, viewports, describeWithBrowser } from '../support/browser.js';

const running = useAppAndBrowser('privacy');

/** The text a screen reader reads with a form field: its hints (aria-describedby). */
function descriptionOf(page: Page, fieldId: string): Promise<string> {
  return page.evaluate((id) => {
    const ids = document.getElementById(id)?.getAttribute('aria-describedby')?.split(' ') ?? [];
    return ids.map((hint) => document.getElementById(hint)?.textContent ?? '').join(' ');
  }, fieldId);
}

/** The text of one piece's entry in a list of /prywatnosc: what, why, who sees it, how long. */
function row(list: Locator, what: string): Promise<string | null> {
  return list
    .locator('.summary-list__row')
    .filter({ has: list.page().getByRole('term').filter({ hasText: what }) })
    .textContent();
}

describeWithBrowser.each(['phone', 'desktop'] as const)('privacy notices on a %s', (viewport) => {
  it('tells a resident on the form who sees what and for how long, and links the full rules', async () => {
    const context = await running.browser.newContext({ viewport: viewports[viewport], locale: 'pl-PL' });
    const page = await context.newPage();
    await page.goto(`${running.app.url}/zglos`);
    expect(await descriptionOf(page, 'field-description')).toContain('Opis widzi tylko Policja; nie jest publikowany.');
    expect(await descriptionOf(page, 'field-email')).toContain('Nie widzą go nawet policjanci.');
    expect(await page.getByText('Dokładne miejsce i wpisany adres widzi tylko Policja.', { exact: false }).isVisible()).toBe(true);
    // The times are in one place on the form: the notice before the send button (the words of /prywatnosc).
    const notice = page.getByRole('region', { name: 'Co zapisujemy, jak długo i kto to widzi' });
    expect(await row(notice, 'Dokładny punkt na mapie')).toContain('Jak długo: 180 dni po zamknięciu zgłoszenia');
    expect(await row(notice, 'Adres IP Twojego urządzenia')).toContain('Jak długo: 30 dni od zapisania');
    expect(await axeViolations(page)).toEqual([]);
    expect(await overflowsHorizontally(page)).toBe(false);

    await page.getByRole('link', { name: 'Jak chronimy Twoje dane i jak długo je przechowujemy' }).click();
    expect(new URL(page.url()).pathname).toBe('/prywatnosc');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Prywatność: jakie dane zapisujemy i jak długo');
    const residents = page.getByRole('region', { name: 'Gdy zgłaszasz zagrożenie' });
    expect(await row(residents, 'Opis zgłoszenia')).toContain('Kto to widzi: Tylko PolicjaJak długo: 180 dni po zamknięciu zgłoszenia');
    expect(await row(residents, 'Adres IP Twojego urządzenia')).toContain('Jak długo: 30 dni od zapisania');
    expect(await row(page.getByRole('region', { name: /Policjanci i pracownicy/ }), 'Sesja: adres IP i przeglądarka')).toContain(
      'najwyżej 12 godz.',
    );
    expect(await axeViolations(page)).toEqual([]);
    expect(await overflowsHorizontally(page)).toBe(false);
    await screenshot(page, `privacy-${viewport}`);
    await context.close();
  });

  it('serves the rules without JavaScript, in English too, linked from every page’s footer (server HTML)', async () => {
    const context = await running.browser.newContext({ viewport: viewports[viewport], locale: 'en-GB', javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${running.app.url}/plany`);
    await page.getByRole('contentinfo').getByRole('link', { name: 'Privacy and data retention' }).click();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Privacy: what data we keep and for how long');
    expect(await row(page.getByRole('region', { name: 'When you report a threat' }), 'The exact point on the map')).toContain(
      'How long: 180 days after the report is closed',
    );
    expect(await page.getByRole('heading', { name: 'What we never collect' }).isVisible()).toBe(true);
    expect(await overflowsHorizontally(page)).toBe(false);
    await context.close();
  });
});
