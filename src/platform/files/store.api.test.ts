import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, createTestDatabase, type TestDatabase } from '../../../test/support/databases.js';
import { loadConfig } from '../config/config.js';
import { createFileStore } from './create-store.js';
import { DatabaseFileStore } from './database-store.js';
import { DirectoryFileStore } from './directory-store.js';
import { newFileKey, type FileStore } from './store.js';

describe.each(backends)('file stores on %s', (backend) => {
  let testDb: TestDatabase;
  const root = mkdtempSync(path.join(os.tmpdir(), 'dz-files-'));
  beforeAll(async () => {
    testDb = await createTestDatabase(backend);
  });
  afterAll(() => testDb.drop());

  const stores: [string, () => FileStore][] = [
    ['directory', () => new DirectoryFileStore(root)],
    ['database', () => new DatabaseFileStore(testDb.database.db)],
  ];
  it.each(stores)('%s: keeps, returns and deletes a file by its key; deleting twice is fine', async (_, make) => {
    const store = make();
    const key = newFileKey();
    const bytes = new Uint8Array([0, 1, 2, 250, 255]);
    expect(await store.get(key)).toBeNull();
    await store.put(key, bytes, 'application/pdf');
    expect([...(await store.get(key))!]).toEqual([...bytes]);
    await store.delete(key);
    await store.delete(key);
    expect(await store.get(key)).toBeNull();
  });

  it.each(stores)('%s: takes only its own keys, never a path or a name', async (_, make) => {
    const store = make();
    for (const key of ['../../etc/passwd', 'IMG_0001.jpg', '', newFileKey().toUpperCase()]) {
      await expect(store.put(key, new Uint8Array([1]), 'text/plain')).rejects.toThrow(/Not a file key/);
    }
  });

  it('keeps directory files in shards, without temporary files left behind', async () => {
    const store = new DirectoryFileStore(root);
    const key = newFileKey();
    await store.put(key, new Uint8Array([7]), 'text/plain');
    const files = readdirSync(root, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
    expect(files.map((f) => path.relative(root, path.join(f.parentPath, f.name)))).toEqual([
      path.join(key.slice(0, 2), key.slice(2, 4), key),
    ]);
    await store.delete(key);
  });

  it('lists the keys of the directory files (for a backup), not the stray temporary files or other names beside them', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'dz-files-keys-'));
    const store = new DirectoryFileStore(dir);
    expect(await new DirectoryFileStore(path.join(dir, 'missing')).keys()).toEqual([]);
    const keys = [newFileKey(), newFileKey()];
    for (const key of keys) await store.put(key, new Uint8Array([1]), 'text/plain');
    const shard = path.join(dir, keys[0]!.slice(0, 2), keys[0]!.slice(2, 4));
    writeFileSync(path.join(shard, `${keys[0]}.0a1b2c.tmp`), 'half');
    writeFileSync(path.join(shard, 'notes.txt'), 'x');
    // A key in a shard that is not its own was not put by the store.
    mkdirSync(path.join(dir, '00', '00'), { recursive: true });
    writeFileSync(path.join(dir, '00', '00', newFileKey().replace(/^..../, 'ffff')), 'x');
    expect(await store.keys()).toEqual([...keys].sort());
  });

  it('is the directory on the embedded back end, FILE_STORE on the server; s3 needs its variables', () => {
    const config = loadConfig({ DATA_DIR: root });
    expect(createFileStore(config, { kind: 'embedded', db: testDb.database.db }).kind).toBe('directory');
    expect(createFileStore(config, { kind: 'postgres', db: testDb.database.db }).kind).toBe('database');
    const server = { kind: 'postgres', db: testDb.database.db } as const;
    expect(() => createFileStore(loadConfig({ DATA_DIR: root, FILE_STORE: 's3' }), server, {})).toThrow(/FILE_STORE=s3: ustaw S3_BUCKET/);
    // The S3_* variables choose the S3 store on their own (docs/deploy.md); FILE_STORE=database overrides them.
    const s3 = {
      S3_REGION: 'eu-central-1',
      S3_BUCKET: 'zalaczniki',
      S3_ACCESS_KEY_ID: 'AKIDEXAMPLE',
      S3_SECRET_ACCESS_KEY: 'secret-example-key',
    };
    expect(createFileStore(loadConfig({ DATA_DIR: root, ...s3 }), server, s3).kind).toBe('s3');
    expect(createFileStore(loadConfig({ DATA_DIR: root, FILE_STORE: 'database', ...s3 }), server, s3).kind).toBe('database');
    expect(createFileStore(loadConfig({ DATA_DIR: root, ...s3 }), { kind: 'embedded', db: testDb.database.db }, s3).kind).toBe('directory');
    expect(() => loadConfig({ FILE_STORE: 'ftp' })).toThrow(/FILE_STORE="ftp"/);
  });
});
