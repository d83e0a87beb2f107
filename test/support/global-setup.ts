import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { environmentNotice, probeEnvironment, type TestEnvironment } from './environment.js';
import { preparePgliteTemplates, prepareServerTemplates, type Templates } from './templates.js';

declare module 'vitest' {
  export interface ProvidedContext {
    templates: Templates;
    testEnvironment: TestEnvironment;
  }
}

/**
 * Probes once for the PostgreSQL server and Chromium (tests without them are skipped, except
 * under CI=true, where the run stops here). Then prepares the templates every test database is
 * copied from (test/support/templates.ts), on PGlite and on the server, and removes them after
 * the run.
 */
export default async function setup(project: TestProject) {
  const environment = await probeEnvironment();
  const notice = environmentNotice(environment, process.env.CI === 'true');
  // Said first, before vitest's own words about the stopped run (it reports "no test files").
  if (notice) console.warn(notice.line);
  if (notice?.fatal) throw new Error(notice.line);
  project.provide('testEnvironment', environment);

  // A run started by a test (test/process/test-environment.test.ts) reuses its parent's PGlite templates.
  const reused = process.env.TEST_PGLITE_TEMPLATES;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dz-templates-'));
  const [pgliteResult, serverResult] = await Promise.allSettled([
    reused ? (JSON.parse(reused) as Templates['pglite']) : preparePgliteTemplates(dir),
    environment.postgresMissing ? null : prepareServerTemplates(),
  ]);
  const server = serverResult.status === 'fulfilled' ? serverResult.value : null;
  if (pgliteResult.status === 'rejected' || serverResult.status === 'rejected') {
    await server?.drop();
    rmSync(dir, { recursive: true, force: true });
    throw pgliteResult.status === 'rejected' ? pgliteResult.reason : (serverResult as PromiseRejectedResult).reason;
  }
  project.provide('templates', { pglite: pgliteResult.value, server: server?.databases ?? null });
  return async () => {
    rmSync(dir, { recursive: true, force: true });
    await server?.drop();
  };
}
