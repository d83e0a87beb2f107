import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { startAppAndWait, type RunningApp } from './process.js';
import { chromiumMissing, launchChromium } from './browser.js';

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
    dataDir = mkdtempSync(path.join(os.tmpdir(), `dz-browser-${name}-`));
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
