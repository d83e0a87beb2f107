import { rmSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { startAppAndWait, type RunningApp } from './process.js';
import { createDataDir } from './databases.js';
import {
  axeViolations,
  chromiumMissing,
  closeContextsOf,
  overflowsHorizontally,
  screenshot,
  sharedChromium,
  viewports,
} from './browser.js';
import { openDatabase } from '../../src/platform/db/database.js';
import type { Db } from '../../src/platform/db/database.js';
import { WORLD_PASSWORD } from './world.js';

export interface AppAndBrowser {
  readonly app: RunningApp;
  readonly browser: Browser;
}

type Environment = Record<string, string>;

/**
 * Starts the app (on a data directory of its own, holding the test world of world.ts and what
 * `addToWorld` writes there with the factories before the app starts) once for a test file, and
 * stops it after it; the file's pages are in the worker's shared Chromium (sharedChromium), in
 * contexts closed after the file. The app loads no demo data. `environment` may be a
 * function when it depends on something started first (a tile server on loopback).
 */
export function useAppAndBrowser(
  name: string,
  environment: Environment | (() => Promise<Environment> | Environment) = {},
  addToWorld?: (db: Db) => Promise<unknown>,
): AppAndBrowser {
  let app: RunningApp | undefined;
  let browser: Browser | undefined;
  let dataDir: string | undefined;
  beforeAll(async () => {
    if (chromiumMissing) return; // every suite of the file is skipped (describeWithBrowser)
    // The world's database to start from: the app neither initialises nor migrates it.
    dataDir = await createDataDir(`dz-browser-${name}-`, 'world');
    if (addToWorld) {
      const database = await openDatabase({ kind: 'embedded', dataDir });
      try {
        await addToWorld(database.db);
      } finally {
        await database.close();
      }
    }
    const extra = typeof environment === 'function' ? await environment() : environment;
    [app, browser] = await Promise.all([startAppAndWait({ DATA_DIR: dataDir, DEMO_DATA: 'false', ...extra }), sharedChromium()]);
  });
  afterAll(async () => {
    if (browser) await closeContextsOf(browser);
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

/**
 * A new page signed in as `who` (a world account, or a login with the world's password) through
 * the sign-in form (Polish, the given width).
 */
export async function signedInPage(
  running: AppAndBrowser,
  who: string | { login: string },
  viewport: keyof typeof viewports = 'desktop',
  javaScriptEnabled = true,
): Promise<Page> {
  const context = await running.browser.newContext({ viewport: viewports[viewport], locale: 'pl-PL', bypassCSP: true, javaScriptEnabled });
  const page = await context.newPage();
  await signIn(running, page, who);
  return page;
}

/** Signs `page` in as `who` through the Polish sign-in form (with the world's password) and waits until it has left it for `next`. */
export async function signIn(running: AppAndBrowser, page: Page, who: string | { login: string }, next?: string): Promise<void> {
  await page.goto(`${running.app.url}/login${next ? `?next=${encodeURIComponent(next)}` : ''}`);
  await page.getByLabel('Login').fill(typeof who === 'string' ? who : who.login);
  await page.getByLabel('Hasło', { exact: true }).fill(WORLD_PASSWORD);
  await page.getByRole('button', { name: 'Zaloguj się' }).click();
  await page.waitForURL((url) => url.pathname !== '/login');
}

/** The page as it is now: axe finds nothing, nothing scrolls sideways; a screenshot is kept under `name`. */
export async function inspectPage(page: Page, name: string): Promise<void> {
  expect(await axeViolations(page), `axe on ${name}`).toEqual([]);
  expect(await overflowsHorizontally(page), `${name} scrolls sideways`).toBe(false);
  await screenshot(page, name);
}
