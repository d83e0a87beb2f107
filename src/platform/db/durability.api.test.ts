import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from './database.js';
import { pgliteDiskOptions, type DurableNodeFS } from './durability.js';

describe('durability of the embedded database', () => {
  const parent = mkdtempSync(path.join(os.tmpdir(), 'dz-durability-'));
  afterAll(() => rmSync(parent, { recursive: true, force: true }));

  it('is durable unless told otherwise: fsync on, the WAL synced by fsync', async () => {
    const database = await openDatabase({ kind: 'embedded', dataDir: path.join(parent, 'default') });
    try {
      const settings = await sql<{ fsync: string; method: string }>`
        select current_setting('fsync') as fsync, current_setting('wal_sync_method') as method`.execute(database.db);
      expect(settings.rows[0]).toEqual({ fsync: 'on', method: 'fsync' });
    } finally {
      await database.close();
    }
    const relaxed = await openDatabase({ kind: 'embedded', dataDir: path.join(parent, 'relaxed'), durability: 'relaxed' });
    try {
      const settings = await sql<{ fsync: string }>`select current_setting('fsync') as fsync`.execute(relaxed.db);
      expect(settings.rows[0]!.fsync).toBe('off');
    } finally {
      await relaxed.close();
    }
  });

  it('reaches the disk at every commit: each one fsyncs a file, a read does not', async () => {
    const options = pgliteDiskOptions(path.join(parent, 'counted'), 'full');
    const fs = options.fs as DurableNodeFS;
    const pg = await PGlite.create(options);
    try {
      await pg.exec('create table t (id int primary key, body text)');
      const before = fs.syncs;
      for (let i = 0; i < 5; i++) await pg.query('insert into t values ($1, $2)', [i, 'x']);
      const afterWrites = fs.syncs;
      expect(afterWrites - before).toBeGreaterThanOrEqual(5);
      await pg.query('select count(*) from t');
      expect(fs.syncs).toBe(afterWrites);
    } finally {
      await pg.close();
    }
  });
});
