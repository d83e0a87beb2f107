import { expect, it } from 'vitest';
import { inspectPage, useAppAndBrowser } from '../support/browser-app.js';
import { describeWithBrowser, viewports } from '../support/browser.js';
import { world } from '../support/world.js';
import { evaluationFromInput, type PlanContent } from '../../src/modules/plans/index.js';

/**
 * The world's running plan of a1, evaluated from counts with monthly data, as a measure frozen at
 * approval gives them (written straight into the world's database before the app starts).
 */
const running = useAppAndBrowser('report', {}, async (db) => {
  const plan = await db
    .selectFrom('plans')
    .select(['id', 'content', 'period_from'])
    .where('district_id', '=', world.districts.a1.id)
    .executeTakeFirstOrThrow();
  const from = String(plan.period_from).slice(0, 7);
  const [y, m] = from.split('-').map(Number) as [number, number];
  const month = (offset: number) => {
    const d = new Date(Date.UTC(y, m - 1 + offset, 1));
    return d.toISOString().slice(0, 7);
  };
  const series = Array.from({ length: 12 }, (_, i) => ({ month: month(i - 6), count: i < 6 ? 9 - (i % 3) : 2 + (i % 2) }));
  const result = evaluationFromInput(
    (plan.content as PlanContent).goal,
    {},
    {
      measure: {
        what: 'oszustwa wobec seniorów',
        where: 'Borowo',
        source: 'KSIP',
        baselineWindows: [{ from: `${month(-6)}-01`, to: `${month(-1)}-28` }],
        comparisonArea: 'reszta KPP',
        rule: null,
      },
      baseline: series.slice(0, 6).reduce((n, s) => n + s.count, 0),
      period: series.slice(6).reduce((n, s) => n + s.count, 0),
      baselineDays: 181,
      periodDays: 181,
      comparison: { baseline: 300, period: 280 },
      series,
    },
  );
  if (!('evaluation' in result)) throw new Error(result.problem.message.pl);
  await db
    .updateTable('plans')
    .set({ status: 'evaluated', evaluation: JSON.stringify(result.evaluation), evaluated_at: new Date() })
    .where('id', '=', plan.id)
    .execute();
});

describeWithBrowser('the evaluation report', () => {
  it('passes axe and fits a 360 px phone, in Polish and in English, with the chart as wide as the screen', async () => {
    for (const locale of ['pl-PL', 'en-GB']) {
      const context = await running.browser.newContext({ viewport: viewports.phone, locale });
      const page = await context.newPage();
      const plans = (await (await page.request.get(`${running.app.url}/api/v1/plans?districtId=${world.districts.a1.id}`)).json()) as {
        plans: { id: string }[];
      };
      await page.goto(`${running.app.url}/plany/${plans.plans[0]!.id}/sprawozdanie`);
      expect(await page.locator('svg[role="img"] rect.bar').count()).toBe(12);
      const width = await page.locator('svg[role="img"]').evaluate((svg) => svg.getBoundingClientRect().width);
      expect(width).toBeGreaterThan(200);
      expect(width).toBeLessThanOrEqual(viewports.phone.width);
      await page
        .getByText(locale === 'pl-PL' ? 'Liczba zdarzeń w miesiącach (dane wykresu)' : 'Events per month (the chart’s data)')
        .first()
        .click();
      await inspectPage(page, `report-phone-${locale}`);
      await context.close();
    }
  });
});
