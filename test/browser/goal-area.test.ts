import { expect, it } from 'vitest';
import { inspectPage, signedInPage, useAppAndBrowser } from '../support/browser-app.js';
import { describeWithBrowser } from '../support/browser.js';
import { world } from '../support/world.js';

/** The world's draft of a2 (a square 23.02–23.04 E, 50.50–50.52 N), whose goal the officer counts in a park. */
const district = world.districts.a2;
let planId = '';
const running = useAppAndBrowser('goal-area', {}, async (db) => {
  const draft = await db
    .selectFrom('plans')
    .select('id')
    .where('district_id', '=', district.id)
    .where('status', '=', 'draft')
    .executeTakeFirstOrThrow();
  planId = draft.id;
});
const corners = '50.505, 23.025\n50.505, 23.03\n50.51, 23.03\n50.51, 23.025';

describeWithBrowser('the goal area in the plan editor', () => {
  it(
    'the officer sets it at 360 px without JavaScript, by typing its corners; a line that is no pair is named',
    { timeout: 120_000 },
    async () => {
      const page = await signedInPage(running, world.officerOf.a2!, 'phone', false);
      await page.goto(`${running.app.url}/admin/plans/${planId}`);
      await page.getByLabel('Cel jest mierzalny').check();
      await page.getByLabel('Co jest liczone').fill('dewastacje w parku');
      await page.getByLabel('O ile procent').fill('20');
      await page.getByLabel('Ocena celu liczy').selectOption('reports');
      await page.getByLabel('Kategorie, po jednej w wierszu').fill('vandalism');
      await page.getByLabel('Nazwa obszaru').fill('park przy ul. Polnej');
      await page.getByLabel('Wierzchołki obszaru').fill(`${corners}\nul. Polna 3`);
      await page.getByRole('button', { name: 'Zapisz szkic' }).click();
      await expect.poll(() => page.locator('.field__error').first().textContent()).toContain('Wiersz 5 obszaru („ul. Polna 3”)');
      // What was typed comes back as it was, to be corrected.
      expect(await page.getByLabel('Nazwa obszaru').inputValue()).toBe('park przy ul. Polnej');
      expect(await page.getByLabel('Wierzchołki obszaru').inputValue()).toBe(`${corners}\nul. Polna 3`);
      await page.getByLabel('Wierzchołki obszaru').fill(corners);
      await page.getByRole('button', { name: 'Zapisz szkic' }).click();
      // Saved: the page comes back without errors and with the step's notice.
      await page.waitForLoadState();
      expect(await page.locator('.field__error').allTextContents()).toEqual([]);
      expect(page.url()).toContain('done=save');
      expect(await page.getByLabel('Nazwa obszaru').inputValue()).toBe('park przy ul. Polnej');
      expect(await page.getByLabel('Wierzchołki obszaru').inputValue()).toBe(corners);
      await page.context().close();
    },
  );

  it('with JavaScript, each click on the area map adds a corner to the field', { timeout: 120_000 }, async () => {
    const page = await signedInPage(running, world.officerOf.a2!, 'phone');
    await page.goto(`${running.app.url}/admin/plans/${planId}`);
    const map = page.locator('#goal-area .map.map--ready');
    // The district's outline is drawn once the island has read it; clicks count from then on.
    await expect.poll(() => page.locator('#goal-area .leaflet-interactive').count()).toBeGreaterThan(0);
    const field = page.getByLabel('Wierzchołki obszaru');
    await field.fill('');
    await map.scrollIntoViewIfNeeded();
    const box = (await map.boundingBox())!;
    const clicks = [
      [0.3, 0.4],
      [0.7, 0.4],
      [0.5, 0.6],
    ];
    for (const [i, [x, y]] of clicks.entries()) {
      await page.mouse.click(box.x + box.width * x!, box.y + box.height * y!);
      await expect.poll(async () => (await field.inputValue()).split('\n').filter(Boolean).length).toBe(i + 1);
    }
    expect(await field.inputValue()).toMatch(/^\d+\.\d{6}, \d+\.\d{6}$/m);
    await page.getByRole('button', { name: 'Usuń ostatni wierzchołek' }).click();
    expect((await field.inputValue()).split('\n')).toHaveLength(2);
    // The page with the area's fields and map: axe finds nothing, nothing scrolls sideways at 360 px (axe needs JavaScript).
    await inspectPage(page, 'goal-area-phone');
    await page.context().close();
  });
});
