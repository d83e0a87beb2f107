import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { inspectPage, signedInPage, useAppAndBrowser } from '../support/browser-app.js';
import { describeWithBrowser } from '../support/browser.js';
import { inFactory, makeReport } from '../support/factories.js';
import { world } from '../support/world.js';
import { warsawToday } from '../../src/platform/i18n/calendar.js';
import { evidenceWindow } from '../../src/modules/plans/drafting/window.js';

/** Reports of vandalism on ul. Lipowa in a2, last month, a few metres apart: one place on the map. */
const district = world.districts.a2;
const lastMonth = evidenceWindow(warsawToday()).months[11]!;
const lipowa = ['Borowo, ul. Lipowa 41', 'Borowo, ul. Lipowa 43', 'Borowo, ul. Lipowa 45'];
const running = useAppAndBrowser('drafting', {}, async (db) => {
  // The catalogue is stored when the app first starts; its reports need their category before that.
  await inFactory(db, (trx) =>
    trx.insertInto('report_categories').values({ id: 'vandalism', name_pl: 'Akty wandalizmu', name_en: 'Vandalism' }).execute(),
  );
  for (const [i, address] of lipowa.entries()) {
    const id = await makeReport(db, district.unitId, district.id);
    const lon = district.point.lon + i * 0.0003;
    await inFactory(db, (trx) =>
      sql`update reports set category_id = 'vandalism', created_at = ${`${lastMonth}-10T10:00:00Z`}::timestamptz, address = ${address},
        position = point(${lon}, ${district.point.lat}), public_position = point(${lon}, ${district.point.lat}) where id = ${id}`.execute(
        trx,
      ),
    );
  }
});

describeWithBrowser('drafting a plan from evidence', () => {
  it('the officer sees the evidence panel in the editor at 360 px (axe clean, the map drawn) and writes it into the threat section', async () => {
    const page = await signedInPage(running, world.officerOf.a2!, 'phone');
    await page.goto(`${running.app.url}/admin/plans`);
    await page.getByRole('link', { name: district.name }).first().click();
    await expect.poll(() => page.locator('#evidence').count()).toBe(1);
    expect(await page.locator('.evidence').textContent()).toContain(`Borowo, ul. Lipowa: ${lipowa.length} zgłoszenia`);
    await expect.poll(() => page.locator('.evidence .map.map--ready').count()).toBe(1);
    await expect.poll(() => page.locator('.evidence .leaflet-interactive').count()).toBe(1);
    await inspectPage(page, 'drafting-panel-phone');
    await page.getByRole('button', { name: 'Wstaw do sekcji zagrożenia' }).click();
    await expect.poll(() => page.getByText('Dane o zgłoszeniach').first().count()).toBe(1);
    expect(await page.locator('textarea[name="threat.description"]').inputValue()).toContain(
      `${lipowa.length} zgłoszenia w kategorii „Akty wandalizmu”`,
    );
    await inspectPage(page, 'drafting-filled-phone');
    await page.context().close();
  });
});
