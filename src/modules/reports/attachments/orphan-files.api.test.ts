import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../../../../test/support/databases.js';
import { type TestApp, createTestApp } from '../../../../test/support/app.js';
import { world } from '../../../../test/support/world.js';
import { allowReportBursts, parkingCategoryCode } from '../../../../test/support/reports.js';
import { multipartBody } from '../../../../test/support/multipart.js';
import { runRetention } from '../../privacy/index.js';
import { createFileStore } from '../../../platform/files/create-store.js';
import { newFileKey, type FileStore } from '../../../platform/files/store.js';
import { putAttachmentFiles } from './attach.js';

const point = world.districts.a1.point;
const hour = 3_600_000;

/**
 * No attachment file outlives its report's failure (docs/attachments.md): keys are pending before
 * the files are put, the report's commit clears them, and the retention job sweeps what a crash
 * left. The embedded back end keeps files in a directory, the server in `stored_files`.
 */
describe.each(backends)('orphaned attachment files on %s', (backend) => {
  let t: TestApp;
  let ip = 0;
  let parking: string;
  const db = () => t.testDb.database.db;
  const files = () => createFileStore(t.config, t.testDb.database);
  const pendingKeys = async () =>
    (await sql<{ store_key: string }>`select store_key from pending_uploads`.execute(db())).rows.map((r) => r.store_key);
  const attachmentKeys = async (reportId: number) =>
    (await sql<{ store_key: string }>`select store_key from report_attachments where report_id = ${reportId}`.execute(db())).rows.map(
      (r) => r.store_key,
    );
  /** What a crash between putting the file and the report's commit leaves: a file and its pending row. */
  const crashedUpload = async (recordedAt: Date) => {
    const key = newFileKey();
    await sql`insert into pending_uploads (store_key, created_at) values (${key}, ${recordedAt})`.execute(db());
    await files().put(key, new TextEncoder().encode('zdjęcie mieszkańca'), 'text/plain');
    return key;
  };
  const submit = async (data: string) => {
    const body = await multipartBody([
      ['category', parking],
      ['lat', String(point.lat + ++ip * 0.00001)],
      ['lon', String(point.lon)],
      ['attachments', { filename: 'a.txt', data: Buffer.from(data) }],
    ]);
    return t.app.inject({
      method: 'POST',
      url: '/api/v1/reports',
      payload: body.payload,
      headers: { 'content-type': body.contentType },
      remoteAddress: `203.0.113.${ip}`,
    });
  };

  beforeAll(async () => {
    t = await createTestApp(backend, { DATA_DIR: mkdtempSync(path.join(os.tmpdir(), 'dz-orphans-')) });
    expect(files().kind).toBe(backend === 'pglite' ? 'directory' : 'database');
    await allowReportBursts(db());
    parking = await parkingCategoryCode(t.app);
  });
  afterAll(() => t.close());

  it('leaves no pending row after a normal submission, and keeps its file', async () => {
    const before = await pendingKeys();
    const sent = await submit('zwykłe zgłoszenie');
    expect(sent.statusCode, sent.body).toBe(201);
    const [key] = await attachmentKeys(sent.json<{ id: number }>().id);
    expect(await files().get(key!)).not.toBeNull();
    expect(await pendingKeys()).toEqual(before);
  });

  it('leaves no pending row and no file when the report does not commit', async () => {
    await sql`create function fail_reports() returns trigger language plpgsql as $$ begin raise exception 'test failure'; end $$`.execute(
      db(),
    );
    await sql`create trigger fail_reports before insert on report_attachments for each row execute function fail_reports()`.execute(db());
    const put: string[] = [];
    const before = await pendingKeys();
    try {
      // The keys the submission puts are seen through the pending rows before the failure clears them.
      await sql`create table seen_keys (store_key text)`.execute(db());
      await sql`create function see_key() returns trigger language plpgsql as $$ begin insert into seen_keys values (new.store_key); return new; end $$`.execute(
        db(),
      );
      await sql`create trigger see_key after insert on pending_uploads for each row execute function see_key()`.execute(db());
      const sent = await submit('nie zostanie zapisane');
      expect(sent.statusCode).toBe(500);
      put.push(...(await sql<{ store_key: string }>`select store_key from seen_keys`.execute(db())).rows.map((r) => r.store_key));
    } finally {
      await sql`drop trigger fail_reports on report_attachments`.execute(db());
      await sql`drop function fail_reports()`.execute(db());
      await sql`drop trigger if exists see_key on pending_uploads`.execute(db());
      await sql`drop function if exists see_key()`.execute(db());
      await sql`drop table if exists seen_keys`.execute(db());
    }
    expect(put).toHaveLength(1);
    expect(await files().get(put[0]!)).toBeNull();
    expect(await pendingKeys()).toEqual(before);
  });

  it('removes the files already put and their pending rows when the store fails half-way', async () => {
    const store = files();
    const putKeys: string[] = [];
    const failing: FileStore = {
      kind: store.kind,
      get: (key) => store.get(key),
      delete: (key) => store.delete(key),
      put: async (key, bytes, type) => {
        if (putKeys.length === 1) throw new Error('disk full');
        putKeys.push(key);
        await store.put(key, bytes, type);
      },
    };
    const before = await pendingKeys();
    const file = { position: 1, kind: 'txt' as const, contentType: 'text/plain', bytes: new TextEncoder().encode('x') };
    await expect(putAttachmentFiles(db(), failing, [file, { ...file, position: 2 }])).rejects.toThrow('disk full');
    expect(putKeys).toHaveLength(1);
    expect(await store.get(putKeys[0]!)).toBeNull();
    expect(await pendingKeys()).toEqual(before);
  });

  it('sweeps a file a crash left an hour ago, keeps a fresh one and the file of a committed report', async () => {
    const now = new Date(Date.now() + 2 * hour);
    const orphan = await crashedUpload(new Date(now.getTime() - 2 * hour));
    const fresh = await crashedUpload(new Date(now.getTime() - hour / 6));
    const sent = await submit('zgłoszenie z plikiem');
    expect(sent.statusCode, sent.body).toBe(201);
    // A pending row whose key a committed attachment uses (the commit clears it; made by hand here).
    const [used] = await attachmentKeys(sent.json<{ id: number }>().id);
    await sql`insert into pending_uploads (store_key, created_at) values (${used!}, ${new Date(now.getTime() - 3 * hour)})`.execute(db());

    const run = await runRetention(t.testDb.database, { files: files(), now });
    expect(run.counts.orphanFiles).toBe(1);
    expect(await files().get(orphan)).toBeNull();
    expect(await files().get(fresh)).not.toBeNull();
    expect(await files().get(used!)).not.toBeNull();
    expect(await pendingKeys()).toEqual([fresh]);
    const [event] = (
      await sql<{ after: { counts: { orphanFiles: number } } }>`
        select after from audit_log where action = 'retention.erase' order by id desc limit 1`.execute(db())
    ).rows;
    expect(event!.after.counts.orphanFiles).toBe(1);

    // Again: nothing is due any more; the fresh row's time comes later.
    expect((await runRetention(t.testDb.database, { files: files(), now })).counts.orphanFiles).toBe(0);
    expect((await runRetention(t.testDb.database, { files: files(), now: new Date(now.getTime() + hour) })).counts.orphanFiles).toBe(1);
    expect(await files().get(fresh)).toBeNull();
    expect(await pendingKeys()).toEqual([]);
  });

  it('sweeps in batches and leaves orphans alone without a store to delete from', async () => {
    const now = new Date(Date.now() + 2 * hour);
    const keys = [await crashedUpload(new Date(0)), await crashedUpload(new Date(0)), await crashedUpload(new Date(0))];
    expect((await runRetention(t.testDb.database, { now })).counts.orphanFiles).toBe(0);
    expect((await pendingKeys()).sort()).toEqual([...keys].sort());
    const run = await runRetention(t.testDb.database, { files: files(), now, batchSize: 2 });
    expect(run.counts.orphanFiles).toBe(3);
    for (const key of keys) expect(await files().get(key)).toBeNull();
    expect(await pendingKeys()).toEqual([]);
  });

  it('leaves the files of erased attachments to the sweep when their deletion after the commit fails', async () => {
    const sent = await submit('opis do usunięcia');
    expect(sent.statusCode, sent.body).toBe(201);
    const id = sent.json<{ id: number }>().id;
    const [key] = await attachmentKeys(id);
    await sql`update reports set status = 'eliminated', closed_at = now() - interval '400 days' where id = ${id}`.execute(db());
    const store = files();
    // The process dies after the rows' deletion commits, before the file goes.
    const dying: FileStore = {
      ...store,
      kind: store.kind,
      put: store.put.bind(store),
      get: store.get.bind(store),
      delete: () => Promise.reject(new Error('killed')),
    };
    await expect(runRetention(t.testDb.database, { files: dying })).rejects.toThrow('killed');
    expect(await attachmentKeys(id)).toEqual([]);
    expect(await pendingKeys()).toEqual([key]);
    expect(await store.get(key!)).not.toBeNull();

    const run = await runRetention(t.testDb.database, { files: store, now: new Date(Date.now() + 2 * hour) });
    expect(run.counts.orphanFiles).toBe(1);
    expect(await store.get(key!)).toBeNull();
    expect(await pendingKeys()).toEqual([]);
  });
});
