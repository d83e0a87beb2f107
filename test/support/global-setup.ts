import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../src/platform/db/database.js';
import { migrate } from '../../src/platform/db/migrate.js';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplates: { empty: string; migrated: string };
  }
}

/**
 * A new embedded database takes seconds to initialise; loading a dump takes a fraction of that.
 * Make two dumps once per run (empty, and migrated) for every test file to start from.
 */
export default async function setup(project: TestProject) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dz-templates-'));
  const database = await openDatabase({ kind: 'embedded', dataDir: path.join(dir, 'build') });
  const pglite = await dumpOf(database);
  const empty = path.join(dir, 'empty.tar');
  writeFileSync(empty, pglite);
  await migrate(database.db);
  const migrated = path.join(dir, 'migrated.tar');
  writeFileSync(migrated, await dumpOf(database));
  await database.close();
  project.provide('pgliteTemplates', { empty, migrated });
  return () => rmSync(dir, { recursive: true, force: true });
}

async function dumpOf(database: Awaited<ReturnType<typeof openDatabase>>): Promise<Buffer> {
  const blob = await database.dumpDataDir!();
  return Buffer.from(await blob.arrayBuffer());
}
