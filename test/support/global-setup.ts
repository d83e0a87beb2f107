import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../src/platform/db/database.js';
import { migrate } from '../../src/platform/db/migrate.js';
import { buildWorld } from './world.js';
import { environmentNotice, probeEnvironment, type TestEnvironment } from './environment.js';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplates: { empty: string; migrated: string; world: string };
    testEnvironment: TestEnvironment;
  }
}

/**
 * Probes once for the PostgreSQL server and Chromium (tests without them are skipped, except
 * under CI=true, where the run stops here). Then, since a new embedded database takes seconds to
 * initialise and loading a dump a fraction of that, makes dumps (empty, and migrated) for
 * every test file to start from, and a third with the test world (world.ts) in it.
 */
export default async function setup(project: TestProject) {
  const environment = await probeEnvironment();
  const notice = environmentNotice(environment, process.env.CI === 'true');
  // Said first, before vitest's own words about the stopped run (it reports "no test files").
  if (notice) console.warn(notice.line);
  if (notice?.fatal) throw new Error(notice.line);
  project.provide('testEnvironment', environment);

  const dir = mkdtempSync(path.join(os.tmpdir(), 'dz-templates-'));
  const database = await openDatabase({ kind: 'embedded', dataDir: path.join(dir, 'build') });
  const pglite = await dumpOf(database);
  const empty = path.join(dir, 'empty.tar');
  writeFileSync(empty, pglite);
  await migrate(database.db);
  const migrated = path.join(dir, 'migrated.tar');
  writeFileSync(migrated, await dumpOf(database));
  await buildWorld(database.db);
  const world = path.join(dir, 'world.tar');
  writeFileSync(world, await dumpOf(database));
  await database.close();
  project.provide('pgliteTemplates', { empty, migrated, world });
  return () => rmSync(dir, { recursive: true, force: true });
}

async function dumpOf(database: Awaited<ReturnType<typeof openDatabase>>): Promise<Buffer> {
  const blob = await database.dumpDataDir!();
  return Buffer.from(await blob.arrayBuffer());
}
