import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { chromium, type Browser, type Page } from 'playwright-core';
import { describe, inject } from 'vitest';
import { projectRoot } from '../../src/platform/config/config.js';
import { chromiumPath } from './environment.js';

export const screenshotsDir = path.join(projectRoot, 'test-results');
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export const viewports = {
  phone: { width: 360, height: 740 },
  desktop: { width: 1280, height: 900 },
} as const;

/** Null when the global setup found Chromium; otherwise why not (said once, in one line). */
export const chromiumMissing = inject('testEnvironment').chromiumMissing;
/** Every browser suite: skipped when there is no Chromium (outside CI; under CI the run stops). */
export const describeWithBrowser = describe.skipIf(chromiumMissing !== null);

function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
}

let shared: Promise<Browser> | undefined;

/**
 * One Chromium per worker process, for every browser test file it runs: vitest runs a worker's
 * files one after another and, with `isolate: false`, keeps this module between them. A launch
 * costs seconds of CPU; each file opens contexts of its own and closes them after it
 * (closeContextsOf). Playwright closes the browser when vitest stops the worker (SIGTERM).
 */
export async function sharedChromium(): Promise<Browser> {
  const current = shared ? await shared.catch(() => undefined) : undefined;
  if (current?.isConnected()) return current;
  shared = launchChromium();
  return shared;
}

/** Closes every context a test file opened in the shared browser, its pages with them. */
export async function closeContextsOf(browser: Browser): Promise<void> {
  await Promise.all(browser.contexts().map((context) => context.close()));
}

export interface AxeViolation {
  id: string;
  impact: string;
  help: string;
  nodes: { target: string[] }[];
}

/** Runs axe-core for WCAG 2.1 A and AA on the page as it is now. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(axeSource);
  const result = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: AxeViolation[] }> } }).axe;
    return axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
  });
  return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) }));
}

/**
 * Runs the named axe rules only, e.g. `heading-order`, a best-practice rule the WCAG tags above
 * leave out.
 */
export async function axeRuleViolations(page: Page, rules: string[]): Promise<AxeViolation[]> {
  await page.evaluate(axeSource);
  const result = await page.evaluate(async (ids) => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: AxeViolation[] }> } }).axe;
    return axe.run(document, { runOnly: { type: 'rule', values: ids } });
  }, rules);
  return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) }));
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(screenshotsDir, { recursive: true });
  await page.screenshot({ path: path.join(screenshotsDir, `${name}.png`), fullPage: true });
}

/** True when the page needs sideways scrolling (content wider than the viewport). */
export function overflowsHorizontally(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
}
