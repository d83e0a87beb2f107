import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { signIn, useAppAndBrowser } from '../support/browser-app.js';
import { axeViolations, overflowsHorizontally, screenshot, viewports, describeWithBrowser } from '../support/browser.js';
import { world } from '../support/world.js';

const running = useAppAndBrowser('register');

/** The corpus's table-shaped contacts page (made-up Świdnik districts), renumbered so the two viewports do not meet. */
function contactsPage(offset: number): string {
  const text = readFileSync(path.join(import.meta.dirname, '../corpus/areas/contacts-table.txt'), 'utf8').split(/^---$/m)[0]!;
  return text
    .split('\n')
    .slice(2)
    .map((line) =>
      line
        .replace(/^(\d+) \|/, (_m, n: string) => `${Number(n) + offset} |`)
        .replace(/Świdnik|swidnik|Kalinówka|Krępiec|Mełgiew/g, (w) => `${w}${offset}`),
    )
    .join('\n');
}

async function inspect(page: Page, name: string) {
  expect(await axeViolations(page), `axe on ${name}`).toEqual([]);
  expect(await overflowsHorizontally(page), `${name} scrolls sideways`).toBe(false);
  await screenshot(page, name);
}

// Into unit B (districts 1 and 2), of the administrator's voivodeship.
const unit = world.units.b.id;

describeWithBrowser.each([
  ['phone', 60],
  ['desktop', 70],
] as const)('importing a contacts page on a %s', (viewport, offset) => {
  it('pastes the page, reads the preview of every district, confirms, and finds a street afterwards', async () => {
    const context = await running.browser.newContext({ viewport: viewports[viewport], locale: 'pl-PL' });
    const page = await context.newPage();
    await signIn(running, page, world.accounts.voivodeshipAdmin, '/admin/import/register');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Import rejonów ze strony z kontaktami');
    await inspect(page, `register-import-${viewport}`);

    await page.getByLabel('Jednostka').selectOption(unit);
    await page.getByLabel('Miejscowość ulic').fill(`Świdnik${offset}`);
    await page.getByLabel('Tekst strony').fill(contactsPage(offset));
    await page.getByRole('button', { name: 'Pokaż podgląd' }).click();
    expect(await page.getByText('Rejony: 4 (nowe: 4, zmienione: 0).').isVisible()).toBe(true);
    expect(await page.getByRole('heading', { name: `Rejon nr ${offset + 2}` }).isVisible()).toBe(true);
    expect(await page.locator('.summary-list').getByText('st. asp. Joanna Mazur').isVisible()).toBe(true);
    expect(
      await page
        .locator('.summary-list')
        .getByText(/„Park Miejski”/)
        .isVisible(),
    ).toBe(true);
    await inspect(page, `register-preview-${viewport}`);

    await page.getByRole('button', { name: 'Zapisz rejony, dzielnicowych i ulice' }).click();
    expect(await page.getByRole('status').textContent()).toContain(
      `Zapisano rejony: ${offset + 1}, ${offset + 2}, ${offset + 3}, ${offset + 4}.`,
    );
    await inspect(page, `register-saved-${viewport}`);
    const located = await page.request.get(
      `${running.app.url}/api/v1/locate?address=${encodeURIComponent(`Świdnik${offset}, Racławicka 5`)}`,
    );
    expect((await located.json()).matches[0].district.id).toBe(`${unit}/${offset + 2}`);
    await context.close();
  });
});
