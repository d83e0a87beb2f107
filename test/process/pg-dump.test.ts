import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { instanceSecrets, loadOrCreateSecret } from '../../src/platform/auth/secret.js';
import { migrate } from '../../src/platform/db/migrate.js';
import { createTestDatabase, describeOnServer, type TestDatabase } from '../support/databases.js';
import { everyTableRows } from '../support/table-rows.js';

const run = promisify(execFile);

/** The server back end's backup, as docs/deploy.md tells it: pg_dump -Fc, then pg_restore into an empty database. */
describeOnServer('pg_dump -Fc / pg_restore (PostgreSQL server)', { timeout: 240_000 }, () => {
  let source: TestDatabase;
  let target: TestDatabase;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dz-pg-dump-'));

  beforeAll(async () => {
    source = await createTestDatabase('postgres', { world: true });
    for (const key of Object.values(instanceSecrets)) await loadOrCreateSecret(source.database.db, key);
    target = await createTestDatabase('postgres', { template: 'empty' });
  });
  afterAll(async () => {
    await source?.drop();
    await target?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("restores every table's rows into an empty database, the installation's keys with them (docs/deploy.md says so)", async () => {
    const file = path.join(dir, 'dzielnicowy.dump');
    await run('pg_dump', ['-Fc', '--no-owner', '-f', file, '-d', source.url!]);
    await run('pg_restore', ['--no-owner', '--exit-on-error', '-d', target.url!, file]);
    const expected = await everyTableRows(source.database.db);
    const actual = await everyTableRows(target.database.db);
    expect([...actual.keys()]).toEqual([...expected.keys()]);
    for (const [table, rows] of expected) expect(actual.get(table), table).toEqual(rows);
    expect(expected.get('accounts')!.length).toBeGreaterThan(0);
    expect(actual.get('app_settings')!.filter((row) => row.startsWith(`(${instanceSecrets.cookie},`))).toHaveLength(1);
    // The restored database is one the app starts on: its migrations check passes, nothing to apply.
    expect(await migrate(target.database.db)).toEqual([]);
  });
});
