import { expect, it } from 'vitest';
import { inspectPage, signedInPage, useAppAndBrowser } from '../support/browser-app.js';
import { viewports, describeWithBrowser } from '../support/browser.js';
import { docxOfPlan, pdfOf, planLines, type PlanSpec } from '../support/document-files.js';
import { makePlanIn } from '../support/factories.js';
import { world, worldPlanContent } from '../support/world.js';

/** A plan published for a half-year in the past, in b2, on the same threat as the world's running plan of a1. */
const pastFraudPlan = { districtId: world.districts.b2.id, periodFrom: '2025-01-01', periodTo: '2025-06-30' };
/** What the library's search for "oszustwa" finds. */
const fraudPlans = [world.plans.running, pastFraudPlan];
const running = useAppAndBrowser('plans', {}, (db) =>
  makePlanIn(db, 'published', {
    ...pastFraudPlan,
    content: worldPlanContent('Oszustwa metodą „na policjanta” w Zagrabiu.', pastFraudPlan.periodFrom, pastFraudPlan.periodTo),
    by: world.accounts.supervisorB.login,
  }),
);

const signedIn = (login: string | { login: string }, viewport: keyof typeof viewports = 'desktop', javaScriptEnabled = true) =>
  signedInPage(running, login, viewport, javaScriptEnabled);
const inspect = inspectPage;

describeWithBrowser('priority action plans in the browser', () => {
  it('reads published plans: the library and a plan page, on a phone', async () => {
    const context = await running.browser.newContext({ viewport: viewports.phone, locale: 'pl-PL', bypassCSP: true });
    const page = await context.newPage();
    await page.goto(`${running.app.url}/plany?q=oszustwa`);
    expect(await page.getByRole('status').first().textContent()).toBe(`${fraudPlans.length} plany, od najnowszych.`);
    await inspect(page, 'plans-library-phone');
    // Each plan is linked by its district's name.
    const { name, number } = world.districts.b2;
    await page.getByRole('link', { name }).click();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(
      `Informacja dotycząca realizacji planu działania priorytetowego dla rejonu służbowego nr ${number}`,
    );
    await inspect(page, 'plan-page-phone');
    await context.close();
  });

  it('an officer writes a plan with autosave, a supervisor returns it, then approves and publishes it', async () => {
    // A half-year far from the world's plans of b1.
    const year = 2030;
    const officer = await signedIn(world.officerOf.b1!);
    await officer.goto(`${running.app.url}/admin/plans/new`);
    await officer.getByLabel('Rejon').selectOption(world.districts.b1.id);
    await officer.getByLabel('Początek okresu').fill(`${year}-01-01`);
    await officer.getByLabel('Koniec okresu').fill(`${year}-06-30`);
    await officer.getByRole('button', { name: 'Utwórz szkic' }).click();
    await officer.waitForURL(/\/admin\/plans\/[0-9a-f-]{36}\?done=create$/);
    await inspect(officer, 'plan-editor-empty-desktop');

    await officer.getByLabel('Kategoria zagrożenia').selectOption('monitoring_infrastructure');
    await officer.getByLabel('Opis zagrożenia').fill('Stare kamery monitoringu na Osiedlu Bobrowniki nie pozwalają rozpoznać sprawców.');
    await officer.getByText('Zapisano automatycznie', { exact: false }).waitFor({ timeout: 10_000 });
    await officer.reload();
    expect(await officer.getByLabel('Opis zagrożenia').inputValue()).toContain('Stare kamery monitoringu');

    await officer.getByLabel('Cel', { exact: true }).fill('Wymiana kamer analogowych na cyfrowe.');
    await officer.getByRole('button', { name: 'Dodaj działanie' }).click();
    await officer.getByLabel('Opis działania').fill('Wniosek do Urzędu Miejskiego o wymianę kamer.');
    await officer.getByLabel('Od miesiąca').fill(`${year}-01`);
    await officer.getByLabel('Do miesiąca').fill(`${year}-02`);
    await officer.getByLabel('strona internetowa jednostki Policji').check();
    await officer.getByRole('button', { name: 'Przekaż do zatwierdzenia' }).click();
    expect(await officer.getByText('czeka na zatwierdzenie').first().isVisible()).toBe(true);

    const supervisor = await signedIn(world.supervisorOf.b);
    await supervisor.goto(`${running.app.url}/admin/plans?status=submitted`);
    // The queue links each plan by its district's name; b1 has the world's submitted plan too: this one is of `year`.
    await supervisor
      .locator('tr', { hasText: String(year) })
      .getByRole('link', { name: world.districts.b1.name })
      .click();
    await supervisor.getByLabel('Uwaga do działania 1').fill('Dodaj termin spotkania z Radą Osiedla.');
    await inspect(supervisor, 'plan-review-desktop');
    await supervisor.getByRole('button', { name: 'Zwróć do poprawy' }).click();
    expect(await supervisor.getByText('zwrócony do poprawy').first().isVisible()).toBe(true);

    await officer.reload();
    expect(await officer.getByText('Dodaj termin spotkania z Radą Osiedla.').isVisible()).toBe(true);
    await officer.getByRole('button', { name: 'Dodaj działanie' }).click();
    await officer.getByLabel('Opis działania').nth(1).fill('Spotkanie z Radą Osiedla Bobrowniki.');
    await officer.getByLabel('Od miesiąca').nth(1).fill(`${year}-03`);
    await officer.getByLabel('Do miesiąca').nth(1).fill(`${year}-03`);
    await officer.getByRole('button', { name: 'Przekaż do zatwierdzenia' }).click();

    await supervisor.reload();
    expect(await supervisor.locator('ins', { hasText: 'Spotkanie z Radą Osiedla Bobrowniki.' }).count()).toBeGreaterThan(0);
    await supervisor.getByRole('button', { name: 'Zatwierdź' }).click();
    await supervisor.getByRole('button', { name: 'Opublikuj' }).click();
    await supervisor.getByRole('link', { name: 'Strona publiczna planu' }).click();
    expect(await supervisor.getByText(`marzec ${year} – Spotkanie z Radą Osiedla Bobrowniki.`).isVisible()).toBe(true);
    await officer.context().close();
    await supervisor.context().close();
  });

  it('the editor works on a phone without sideways scrolling', async () => {
    // The officer of a3 and a2's substitute: a half-year no plan of either district has.
    const officer = await signedIn(world.officerOf.a3!, 'phone');
    await officer.goto(`${running.app.url}/admin/plans`);
    await inspect(officer, 'plans-queue-phone');
    await officer.goto(`${running.app.url}/admin/plans/new`);
    await officer.getByLabel('Rejon').selectOption({ index: 0 });
    await officer.getByLabel('Początek okresu').fill('2031-01-01');
    await officer.getByLabel('Koniec okresu').fill('2031-06-30');
    await officer.getByRole('button', { name: 'Utwórz szkic' }).click();
    await officer.getByRole('button', { name: 'Dodaj działanie' }).click();
    await officer.getByRole('button', { name: 'Dodaj podmiot' }).click();
    await inspect(officer, 'plan-editor-phone');
    await officer.context().close();
  });

  it('a supervisor imports several plan files at once on a phone without JavaScript: a preview, then a report per file', async () => {
    const past: PlanSpec = {
      // The unit as plans name it, in the genitive; a district of its own with no plans of the world.
      unit: world.units.a.name.replace('Komenda Powiatowa', 'Komendy Powiatowej'),
      district: world.districts.a3.number,
      from: '01.01.2019',
      to: '30.06.2019',
      topic: 'zaśmiecanie terenu przy garażach',
    };
    const files = [
      { name: 'plan-2019.pdf', mimeType: 'application/pdf', buffer: await pdfOf(planLines(past)) },
      {
        name: 'plan-2032.docx',
        mimeType: 'application/octet-stream',
        buffer: await docxOfPlan({ ...past, from: '01.01.2032', to: '30.06.2032' }),
      },
      { name: 'zdjecie.docx', mimeType: 'application/octet-stream', buffer: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]) },
    ];
    // The forms work without JavaScript: the preview in a browser that runs none.
    const plain = await signedIn(world.supervisorOf.a, 'phone', false);
    await plain.goto(`${running.app.url}/admin/plans/import`);
    await plain.getByLabel('albo plik lub pliki').setInputFiles(files);
    await plain.getByRole('button', { name: 'Sprawdź pliki (podgląd)' }).click();
    expect(await plain.getByRole('heading', { level: 2, name: 'Podgląd importu: nic nie zapisano' }).count()).toBe(1);
    expect(await plain.getByRole('status').textContent()).toBe('Plików: 3; do zapisania: 2; odrzuconych: 1.');
    expect(await plain.locator('.import-report').textContent()).toContain('To plik JPEG, którego nie odczytujemy.');
    await plain.context().close();

    // axe needs JavaScript to run its checks: the same pages again in an ordinary running.browser.
    const page = await signedIn(world.supervisorOf.a, 'phone');
    await page.goto(`${running.app.url}/admin/plans/import`);
    await page.getByLabel('albo plik lub pliki').setInputFiles(files);
    await page.getByRole('button', { name: 'Sprawdź pliki (podgląd)' }).click();
    await inspect(page, 'plans-import-preview-phone');

    await page.getByLabel('albo plik lub pliki').setInputFiles(files);
    await page.getByRole('button', { name: 'Importuj pliki' }).click();
    expect(await page.getByRole('status').textContent()).toBe('Plików: 3; zapisanych planów: 2; odrzuconych plików: 1.');
    await inspect(page, 'plans-import-report-phone');
    await page.locator('.import-report > li').first().getByRole('link', { name: 'otwórz plan' }).click();
    expect(await page.locator('main').textContent()).toContain('zaimportowany');
    expect(await page.getByRole('link', { name: 'Pobierz plik źródłowy' }).getAttribute('href')).toMatch(
      /\/admin\/plans\/[0-9a-f-]{36}\/source$/,
    );
    await inspect(page, 'plans-imported-work-phone');
    await page.getByRole('link', { name: 'Strona publiczna planu' }).click();
    expect(await page.locator('main').textContent()).toContain('zaimportowany');
    await inspect(page, 'plans-imported-public-phone');
    await page.context().close();
  });
});
