import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { inspectPage, signedInPage, useAppAndBrowser } from '../support/browser-app.js';
import type { viewports } from '../support/browser.js';
import { describeWithBrowser } from '../support/browser.js';
import { world } from '../support/world.js';

const running = useAppAndBrowser('plan-review');

const signedIn = (login: string | { login: string }, viewport: keyof typeof viewports = 'desktop', javaScriptEnabled = true) =>
  signedInPage(running, login, viewport, javaScriptEnabled);
const inspect = inspectPage;

const notice = (page: Page) => page.locator('.notice[role="status"]').textContent();

/** The words a sighted reader sees in a diff (without the words only screen readers read). */
const seen = (diff: ReturnType<Page['locator']>) =>
  diff.evaluate((element) => {
    const copy = element.cloneNode(true) as HTMLElement;
    copy.querySelectorAll('.visually-hidden').forEach((hidden) => hidden.remove());
    return copy.textContent;
  });

const officerAccount = world.officerOf.a1!;
const supervisorAccount = world.supervisorOf.a;

// One district (a1, whose running plan ends before these), a half-year of its own for each width, so the two plans never overlap.
// The action's deadline moves a month on: the last day of the first month becomes the last day of the next.
describeWithBrowser.each([
  ['phone', '2029-01-01', '2029-06-30', '31 stycznia 28 lutego 2029'],
  ['desktop', '2029-07-01', '2029-12-31', '31 lipca sierpnia 2029'],
] as const)('a supervisor sees what changed in a resubmitted plan, on a %s', (viewport, from, to, deadlineChange) => {
  it('the officer changes the goal figure and an action date; the supervisor sees both beside the earlier comment', async () => {
    const firstMonth = from.slice(0, 7);
    const officer = await signedIn(officerAccount, viewport);
    await officer.goto(`${running.app.url}/admin/plans/new`);
    await officer.getByLabel('Rejon').selectOption(world.districts.a1.id);
    await officer.getByLabel('Początek okresu').fill(from);
    await officer.getByLabel('Koniec okresu').fill(to);
    await officer.getByRole('button', { name: 'Utwórz szkic' }).click();
    expect(await notice(officer)).toMatch(/^Utworzono szkic planu\./);

    await officer.getByLabel('Kategoria zagrożenia').selectOption('fraud');
    await officer.getByLabel('Opis zagrożenia').fill('Oszustwa metodą „na wnuczka” wobec seniorów osiedla.');
    await officer.getByLabel('Cel', { exact: true }).fill('Zmniejszenie liczby oszustw wobec seniorów.');
    await officer.getByLabel(/^Cel jest mierzalny/).check();
    await officer.getByLabel('O ile procent').fill('30');
    await officer.getByRole('button', { name: 'Dodaj działanie' }).click();
    await officer.getByLabel('Opis działania').fill('Spotkania z seniorami w klubie seniora.');
    await officer.getByLabel('Od miesiąca').fill(firstMonth);
    await officer.getByLabel('Do miesiąca').fill(firstMonth);
    await officer.getByLabel('strona internetowa jednostki Policji').check();
    await officer.getByRole('button', { name: 'Przekaż do zatwierdzenia' }).click();
    expect(await notice(officer)).toMatch(/^Plan przekazano do zatwierdzenia\. Kierownik ma 7 dni \(do /);
    await inspect(officer, `plan-submitted-${viewport}`);
    const planUrl = officer.url().split('?')[0]!;

    const supervisor = await signedIn(supervisorAccount, viewport);
    await supervisor.goto(planUrl);
    await supervisor.getByLabel('Uwagi do sekcji: 2. Zakładany cel do osiągnięcia').fill('30 % to za dużo przy 8 zdarzeniach.');
    await supervisor.getByLabel('Uwaga do działania 1').fill('Przesuń spotkania o miesiąc.');
    await supervisor.getByRole('button', { name: 'Zwróć do poprawy' }).click();
    expect(await notice(supervisor)).toMatch(/^Plan zwrócono do poprawy z uwagami\./);

    // The officer reads the comments under the sections' Polish names.
    await officer.goto(planUrl);
    const comments = await officer.locator('#returned-comments + ul').textContent();
    expect(comments).toContain('Cel: 30 % to za dużo przy 8 zdarzeniach.');
    expect(comments).toContain('Działanie 1: Przesuń spotkania o miesiąc.');
    await inspect(officer, `plan-returned-${viewport}`);
    const nextMonth = `${from.slice(0, 4)}-${String(Number(firstMonth.slice(5, 7)) + 1).padStart(2, '0')}`;
    await officer.getByLabel('O ile procent').fill('20');
    await officer.getByLabel('Do miesiąca').fill(nextMonth);
    await officer.getByRole('button', { name: 'Przekaż do zatwierdzenia' }).click();
    expect(await notice(officer)).toMatch(/^Plan przekazano do zatwierdzenia\./);

    await supervisor.goto(planUrl);
    const goal = supervisor.locator('.version-diff > div', {
      has: supervisor.getByRole('heading', { name: '2. Zakładany cel do osiągnięcia' }),
    });
    expect(await goal.locator('.review-comment').textContent()).toBe(
      `Uwaga do wersji 1 (${supervisorAccount.displayName}): 30 % to za dużo przy 8 zdarzeniach.`,
    );
    // Removed, a space, added: "30 20 %" as read, never "3020".
    expect(await goal.locator('del').textContent()).toBe('usunięto: 30');
    expect(await goal.locator('ins').textContent()).toBe('dodano: 20');
    expect(await seen(goal.locator('.diff'))).toBe('30 20\u00a0%');
    expect(await goal.textContent()).not.toContain('Bez zmian.');
    const action = supervisor.locator('.repeat', { has: supervisor.getByRole('heading', { name: 'Działanie 1' }) });
    expect(await action.locator('.review-comment').textContent()).toContain('Przesuń spotkania o miesiąc.');
    expect(await action.locator('.diff-list dt').textContent()).toBe('Termin działania');
    expect(await seen(action.locator('.diff'))).toBe(deadlineChange);
    await inspect(supervisor, `plan-review-changes-${viewport}`);

    await supervisor.getByRole('button', { name: 'Zatwierdź' }).click();
    expect(await notice(supervisor)).toMatch(/^Plan zatwierdzono\. Następny krok to publikacja: 7 dni/);
    await supervisor.getByRole('button', { name: 'Opublikuj' }).click();
    expect(await notice(supervisor)).toMatch(/^Plan opublikowano: mieszkańcy widzą go na stronie rejonu/);
    const history = await supervisor.locator('#history + ul').textContent();
    expect(history).toContain(`${officerAccount.displayName}: Przekazanie do zatwierdzenia`);
    expect(history).not.toContain(officerAccount.login);
    await inspect(supervisor, `plan-published-${viewport}`);
    await officer.context().close();
    await supervisor.context().close();
  });
});
