import type { BrowserContext, Page } from 'playwright-core';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { signIn, useAppAndBrowser } from '../support/browser-app.js';
import { axeViolations, overflowsHorizontally, screenshot, viewports, describeWithBrowser } from '../support/browser.js';
import { WORLD_PASSWORD, world } from '../support/world.js';

const running = useAppAndBrowser('foundation');

async function newPage(viewport: keyof typeof viewports, options: { javaScriptEnabled?: boolean } = {}) {
  const context = await running.browser.newContext({ viewport: viewports[viewport], locale: 'pl-PL', bypassCSP: true, ...options });
  return { context, page: await context.newPage() };
}

/** Loads nothing new: checks the page as it is for accessibility, layout at its width, and saves a picture. */
async function inspect(page: Page, name: string) {
  expect(await axeViolations(page), `axe violations on ${name}`).toEqual([]);
  expect(await overflowsHorizontally(page), `${name} scrolls sideways`).toBe(false);
  await screenshot(page, name);
}

describeWithBrowser.each(['phone', 'desktop'] as const)('pages on a %s', (viewport) => {
  let context: BrowserContext;
  let page: Page;
  // Every test starts signed out, in a browser of its own.
  beforeEach(async () => {
    ({ context, page } = await newPage(viewport));
  });
  afterEach(() => context.close());

  it('home page: Polish, accessible, the emergency number visible', async () => {
    const response = await page.goto(running.app.url);
    expect(response!.status()).toBe(200);
    expect(await page.getAttribute('html', 'lang')).toBe('pl');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Znajdź swojego dzielnicowego');
    expect(await page.getByText('112', { exact: false }).first().isVisible()).toBe(true);
    expect(await page.getByRole('link', { name: world.units.a.name }).isVisible()).toBe(true);
    await inspect(page, `home-${viewport}`);
  });

  it('sign-in form: a wrong password shows the error summary and keeps the login', async () => {
    await page.goto(`${running.app.url}/login`);
    await inspect(page, `login-${viewport}`);
    const { login } = world.accounts.nationalAdmin;
    await page.getByLabel('Login').fill(login);
    await page.getByLabel('Hasło', { exact: true }).fill('zupełnie złe hasło');
    await page.getByRole('button', { name: 'Zaloguj się' }).click();
    expect(await page.getByRole('alert').textContent()).toContain('Nieprawidłowy login lub hasło.');
    expect(await page.getByLabel('Login').inputValue()).toBe(login);
    await inspect(page, `login-error-${viewport}`);
  });

  it('an administrator signs in and works in the admin pages', async () => {
    // The voivodeship's administrator: accounts of the voivodeship's units, not of another voivodeship's.
    const { voivodeshipAdmin, supervisorA, supervisorC } = world.accounts;
    await signIn(running, page, voivodeshipAdmin, '/admin');
    expect(new URL(page.url()).pathname).toBe('/admin');
    expect(await page.locator('.site-header__user').textContent()).toContain(voivodeshipAdmin.displayName);
    await inspect(page, `admin-${viewport}`);

    await page.getByRole('link', { name: 'Konta użytkowników' }).click();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Konta użytkowników');
    expect(await page.getByRole('cell', { name: supervisorA.displayName }).isVisible()).toBe(true);
    expect(await page.getByRole('cell', { name: supervisorC.displayName }).count()).toBe(0); // unit C is in another voivodeship
    await inspect(page, `accounts-${viewport}`);

    await page.getByRole('link', { name: 'Dodaj konto' }).click();
    await page.getByRole('button', { name: 'Utwórz konto' }).click();
    expect(await page.getByRole('alert').textContent()).toContain('Pole „Login” jest wymagane');
    await inspect(page, `account-new-errors-${viewport}`);

    const login = `nowy.${viewport}`;
    await page.getByLabel('Login').fill(login);
    await page.getByLabel('Imię i nazwisko').fill(`Nowy Dzielnicowy ${viewport}`);
    await page.getByLabel('Jednostka').selectOption(world.units.a.id);
    await page.getByLabel('Hasło początkowe').fill('hasło początkowe dla nowego');
    await page.getByRole('button', { name: 'Utwórz konto' }).click();
    expect(await page.getByRole('status').first().textContent()).toContain('Konto zostało utworzone.');
    await inspect(page, `account-edit-${viewport}`);

    await page.getByRole('link', { name: 'Historia zmian tego konta' }).click();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Dziennik zmian');
    await page.locator('details summary').first().click();
    expect(await page.locator('details[open] table').textContent()).toContain(login);
    await inspect(page, `audit-${viewport}`);

    await page.getByRole('button', { name: 'Wyloguj się' }).click();
    expect(await page.getByRole('status').first().textContent()).toContain('Wylogowano.');
    expect(await page.getByRole('link', { name: 'Zaloguj się' }).count()).toBeGreaterThan(0);
  });

  it('an officer sees their account and cannot open the administration', async () => {
    await signIn(running, page, world.officerOf.a1!, '/account');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Moje konto');
    // Officers have a workspace (their plans), but not the account administration.
    expect(await page.getByRole('link', { name: 'Panel' }).count()).toBe(1);
    await inspect(page, `my-account-${viewport}`);
    const response = await page.goto(`${running.app.url}/admin/accounts`);
    expect(response!.status()).toBe(403);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Brak dostępu');
    await inspect(page, `forbidden-${viewport}`);
    await page.getByRole('button', { name: 'Wyloguj się' }).click();
  });
});

describeWithBrowser('language and progressive enhancement', () => {
  it('switches to English and back with a plain link', async () => {
    const { context, page } = await newPage('phone');
    await page.goto(`${running.app.url}/login`);
    await page.getByRole('link', { name: 'Switch to English' }).click();
    expect(new URL(page.url()).pathname).toBe('/login');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Sign in for officers and administrators');
    await inspect(page, 'login-english-phone');
    await page.getByRole('link', { name: 'Przełącz na język polski' }).click();
    expect(await page.getAttribute('html', 'lang')).toBe('pl');
    await context.close();
  });

  it('signs in, changes a password and signs out with JavaScript switched off', async () => {
    const { context, page } = await newPage('phone', { javaScriptEnabled: false });
    // An account no other test of this file signs in with: its password changes here.
    await signIn(running, page, world.supervisorOf.b, '/account');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Moje konto');
    await page.getByLabel('Obecne hasło').fill(WORLD_PASSWORD);
    await page.getByLabel('Nowe hasło', { exact: true }).fill('nowe hasło bez javascriptu');
    await page.getByLabel('Powtórz nowe hasło').fill('inne hasło bez javascriptu');
    await page.getByRole('button', { name: 'Zapisz nowe hasło' }).click();
    expect(await page.getByRole('alert').textContent()).toContain('Powtórzone hasło różni się od nowego hasła.');
    await page.getByLabel('Obecne hasło').fill(WORLD_PASSWORD);
    await page.getByLabel('Nowe hasło', { exact: true }).fill('nowe hasło bez javascriptu');
    await page.getByLabel('Powtórz nowe hasło').fill('nowe hasło bez javascriptu');
    await page.getByRole('button', { name: 'Zapisz nowe hasło' }).click();
    expect(await page.getByRole('status').first().textContent()).toContain('Hasło zostało zmienione.');
    await page.getByRole('button', { name: 'Wyloguj się' }).click();
    expect(await page.getByRole('status').first().textContent()).toContain('Wylogowano.');
    await context.close();
  });

  it('serves the interactive API documentation', async () => {
    const { context, page } = await newPage('desktop');
    await page.goto(`${running.app.url}/api/docs`);
    await page.waitForSelector('.swagger-ui .title', { timeout: 15_000 });
    expect(await page.locator('.swagger-ui .title').textContent()).toContain('Dzielnicowy API');
    await screenshot(page, 'api-docs-desktop');
    await context.close();
  });
});
