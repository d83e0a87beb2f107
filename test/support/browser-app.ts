import { rmSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { startAppAndWait, type RunningApp } from './process.js';
import { createDataDir } from './databases.js';
import { axeViolations, chromiumMissing, launchChromium, overflowsHorizontally, screenshot, viewports } from './browser.js';
import { DEMO_PASSWORD } from '../../src/demo/demo-data.js';

export interface AppAndBrowser {
  readonly app: RunningApp;
  readonly browser: Browser;
}

type Environment = Record<string, string>;

/**
 * Starts the app (on a data directory of its own) and Chromium once for a test file and stops
 * both after it. `environment` may be a function when it depends on something started first
 * (a tile server on loopback).
 */
export function useAppAndBrowser(name: string, environment: Environment | (() => Promise<Environment> | Environment) = {}): AppAndBrowser {
  let app: RunningApp | undefined;
  let browser: Browser | undefined;
  let dataDir: string | undefined;
  beforeAll(async () => {
    if (chromiumMissing) return; // every suite of the file is skipped (describeWithBrowser)
    // A migrated database to start from: the app loads the demo data on it, but neither initialises nor migrates.
    dataDir = await createDataDir(`dz-browser-${name}-`);
    const extra = typeof environment === 'function' ? await environment() : environment;
    [app, browser] = await Promise.all([startAppAndWait({ DATA_DIR: dataDir, ...extra }), launchChromium()]);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });
  return {
    get app() {
      if (!app) throw new Error('The app has not started: use it inside a test.');
      return app;
    },
    get browser() {
      if (!browser) throw new Error('Chromium has not started: use it inside a test.');
      return browser;
    },
  };
}

/** A new page signed in as `login` through the sign-in form (Polish, the given width). */
export async function signedInPage(
  running: AppAndBrowser,
  login: string,
  viewport: keyof typeof viewports = 'desktop',
  javaScriptEnabled = true,
): Promise<Page> {
  const context = await running.browser.newContext({ viewport: viewports[viewport], locale: 'pl-PL', bypassCSP: true, javaScriptEnabled });
  const page = await context.newPage();
  await page.goto(`${running.app.url}/login`);
  await page.getByLabel('Login').fill(login);
  await page.getByLabel('Hasło', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Zaloguj się' }).click();
  return page;
}

/** The page as it is now: axe finds nothing, nothing scrolls sideways; a screenshot is kept under `name`. */
export async function inspectPage(page: Page, name: string): Promise<void> {
  expect(await axeViolations(page), `axe on ${name}`).toEqual([]);
  expect(await overflowsHorizontally(page), `${name} scrolls sideways`).toBe(false);
  await screenshot(page, name);
}
