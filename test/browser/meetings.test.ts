import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { addDays, warsawToday } from '../../src/platform/i18n/calendar.js';
import { useAppAndBrowser } from '../support/browser-app.js';
import { axeRuleViolations, axeViolations, overflowsHorizontally, screenshot, viewports, describeWithBrowser } from '../support/browser.js';
import { inFactory } from '../support/factories.js';
import { world } from '../support/world.js';

/**
 * Meetings and debates as a resident sees them on the district and unit pages (server HTML):
 * upcoming first, a cancelled one marked with its reason, a past one with how many came and what they raised, and
 * the calendar feed linked; axe-clean and no sideways scrolling at 360 px.
 */
const { a1 } = world.districts;
const event = (day: string, topic: string, more: Record<string, unknown> = {}) => ({
  unit_id: a1.unitId,
  district_ids: [a1.id],
  kind: 'debate',
  on_day: day,
  starts_at: '17:00',
  ends_at: '19:00',
  place: 'Szkoła Podstawowa nr 1, ul. Szkolna 5, Borowo — sala gimnastyczna na parterze',
  topic,
  ...more,
});
const running = useAppAndBrowser('meetings', {}, (db) =>
  inFactory(db, (trx) =>
    trx
      .insertInto('meetings')
      .values([
        event(addDays(warsawToday(), 6), 'Bezpieczeństwo dzieci w drodze do szkoły i parkowanie przed wejściem'),
        event(addDays(warsawToday(), 12), 'Debata o oświetleniu ulic', {
          cancelled_at: new Date(),
          cancel_reason: 'Sala gimnastyczna w remoncie; nowy termin podamy wkrótce.',
          sequence: 1,
        }),
        event(addDays(warsawToday(), -8), 'Spotkanie z seniorami', {
          kind: 'meeting',
          participants: 22,
          topics_raised: 'Oszustwa telefoniczne.',
        }),
      ])
      .execute(),
  ),
);

async function inspect(page: Page, name: string) {
  expect(await axeViolations(page), `axe on ${name}`).toEqual([]);
  expect(await axeRuleViolations(page, ['heading-order']), `heading order on ${name}`).toEqual([]);
  expect(await overflowsHorizontally(page), `${name} scrolls sideways`).toBe(false);
  await screenshot(page, name);
}

describeWithBrowser.each(['phone', 'desktop'] as const)('meetings on a %s', (viewport) => {
  it('lists the district’s and the unit’s meetings, upcoming first, and links the calendar', async () => {
    const context = await running.browser.newContext({ viewport: viewports[viewport], locale: 'pl-PL' });
    const page = await context.newPage();
    for (const path of [`/rejony/${a1.id}`, `/jednostki/${a1.unitId}`]) {
      const opened = await page.goto(`${running.app.url}${path}`, { timeout: 30_000 });
      expect(opened?.status(), path).toBe(200);
      const section = page.getByRole('region', { name: 'Spotkania i debaty' });
      const items = await section.getByRole('listitem').allTextContents();
      expect(items.length, await page.locator('main').innerText({ timeout: 5_000 })).toBe(3);
      expect(items.map((text) => /Bezpieczeństwo dzieci|Debata o oświetleniu|Spotkanie z seniorami/.exec(text)?.[0])).toEqual([
        'Bezpieczeństwo dzieci',
        'Debata o oświetleniu',
        'Spotkanie z seniorami',
      ]);
      expect(items[1]).toContain('Odwołane');
      expect(items[1]).toContain('Powód odwołania: Sala gimnastyczna w remoncie; nowy termin podamy wkrótce.');
      expect(items[2]).toContain('Uczestnicy: 22 osoby');
      expect(items[2]).toContain('Oszustwa telefoniczne.');
      const feed = section.getByRole('link', { name: 'Kalendarz spotkań (iCalendar, .ics)' });
      const answer = await page.request.get(`${running.app.url}${await feed.getAttribute('href', { timeout: 15_000 })}`);
      expect(answer.headers()['content-type']).toBe('text/calendar; charset=utf-8');
      expect((await answer.text()).match(/BEGIN:VEVENT/g)).toHaveLength(3);
      await inspect(page, `meetings-${path.startsWith('/rejony') ? 'district' : 'unit'}-${viewport}`);
    }
    await context.close();
  }, 180_000);
});
