import { mkdtempSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../../../../test/support/databases.js';
import { TestClient, csrfFromHtml, type TestApp, createTestApp } from '../../../../test/support/app.js';
import { world } from '../../../../test/support/world.js';
import { allowReportBursts } from '../../../../test/support/reports.js';
import { multipartBody } from '../../../../test/support/multipart.js';
import { docxOfText } from '../../../../test/support/zip-files.js';
import { exifOf, heicWithGps, isoMedia, jpegWithGps, minimalPdf, pixelBomb, png } from '../../../../test/support/attachment-files.js';
import { runRetention } from '../../privacy/index.js';
import { createFileStore } from '../../../platform/files/create-store.js';

type File = { filename: string; data: Uint8Array; type?: string };
const point = world.districts.a1.point;

describe.each(backends)('report attachments on %s', (backend) => {
  let t: TestApp;
  let ip = 0;
  let parking: string;
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'dz-attachments-'));
  const db = () => t.testDb.database.db;
  const files = () => createFileStore(t.config, t.testDb.database);
  /** Files the store holds, whichever back end: the directory's files, or the table's rows. */
  const storedFileCount = async () => {
    if (backend === 'pglite') {
      const root = path.join(dataDir, 'files');
      try {
        return readdirSync(root, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length;
      } catch {
        return 0;
      }
    }
    return Number((await sql<{ n: number }>`select count(*)::int as n from stored_files`.execute(db())).rows[0]!.n);
  };
  const counts = async () => ({
    reports: Number((await sql<{ n: number }>`select count(*)::int as n from reports`.execute(db())).rows[0]!.n),
    rows: Number((await sql<{ n: number }>`select count(*)::int as n from report_attachments`.execute(db())).rows[0]!.n),
    files: await storedFileCount(),
  });

  /**
   * A resident sends the report form without JavaScript: multipart, with the CSRF field from the page.
   * Every report here is near the others: "send anyway" (force) unless a test looks at that step.
   */
  const sendForm = async (attachments: File[], extra: Record<string, string> = { force: '1' }) => {
    const client = new TestClient(t.app, { headers: { 'x-forwarded-for': `198.51.100.${++ip}`, accept: 'text/html' } });
    const form = await client.get('/zglos');
    const fields: [string, string | File][] = [
      ['_csrf', csrfFromHtml(form.body)],
      ['category', parking],
      ['lat', String(point.lat + ip * 0.00001)],
      ['lon', String(point.lon)],
      ['description', 'Opis dla policji'],
      ...Object.entries(extra),
      ...attachments.map((f): [string, File] => ['attachments', f]),
    ];
    const { payload, contentType } = await multipartBody(fields);
    return client.request({ method: 'POST', url: '/zglos', payload, headers: { 'content-type': contentType }, csrf: false });
  };
  const reportIdOf = (location: unknown) => Number(/\/zgloszenia\/(\d+)/.exec(String(location))![1]);
  const police = async (login: string) => {
    const client = new TestClient(t.app);
    expect((await client.signIn(login)).statusCode).toBe(200);
    return client;
  };

  beforeAll(async () => {
    t = await createTestApp(backend, { TRUST_PROXY: '1', DATA_DIR: dataDir });
    await allowReportBursts(db());
    const categories = (await new TestClient(t.app).get('/api/v1/report-categories')).json().categories as {
      code: string;
      names: { pl: string };
    }[];
    parking = categories.find((c) => c.names.pl === 'Nieprawidłowe parkowanie')!.code;
  });
  afterAll(() => t.close());

  it('offers a multiple file input in a multipart form, with the limits from the settings', async () => {
    const page = await new TestClient(t.app).get('/zglos');
    expect(page.body).toMatch(/enctype="multipart\/form-data"/i);
    expect(page.body).toMatch(/<input[^>]*type="file"[^>]*accept="[^"]*\.jpg[^"]*"[^>]*multiple=""/);
    expect(page.body).toContain('data-max-files="3"');
    expect(page.body).toContain('Najwyżej 3 pliki, razem do 5 MB');
  });

  it('stores a photo without its EXIF (GPS, serial, time), a PDF and a text; the police download them, nobody else', async () => {
    const photo = await jpegWithGps();
    expect(exifOf(photo)).toEqual({ exif: true, gps: true });
    expect(photo.includes('SN-4242-SECRET')).toBe(true);
    const before = await counts();
    const sent = await sendForm([
      { filename: 'IMG_0001.JPG', data: photo, type: 'image/jpeg' },
      { filename: 'pismo.pdf', data: minimalPdf(), type: 'application/pdf' },
      { filename: 'notatka.txt', data: Buffer.from('Samochód stoi na przejściu od rana.\n'), type: 'text/plain' },
    ]);
    expect(sent.statusCode).toBe(303);
    const id = reportIdOf(sent.headers.location);
    expect(await counts()).toEqual({ reports: before.reports + 1, rows: before.rows + 3, files: before.files + 3 });

    // What is stored: no EXIF at all, the orientation applied (48×64 after the 90° turn), still a JPEG.
    const [first] = (
      await sql<{ store_key: string }>`select store_key from report_attachments where report_id = ${id} and position = 1`.execute(db())
    ).rows;
    const stored = (await files().get(first!.store_key))!;
    expect(exifOf(stored)).toEqual({ exif: false, gps: false });
    expect(Buffer.from(stored).includes('SN-4242-SECRET')).toBe(false);
    const meta = await sharp(stored).metadata();
    expect([meta.format, meta.width, meta.height, meta.exif]).toEqual(['jpeg', 48, 64, undefined]);

    const officer = await police(world.accounts.officerA1.login);
    const page = await officer.get(`/admin/reports/${id}`);
    expect(page.body).toContain(`/admin/reports/${id}/attachments/1`);
    expect(page.body).toContain('zdjęcie JPEG');
    expect(page.body).not.toContain('IMG_0001');
    const served = await officer.get(`/admin/reports/${id}/attachments/1`);
    expect(served.statusCode).toBe(200);
    expect(served.headers['content-type']).toBe('image/jpeg');
    expect(served.headers['content-disposition']).toBe(
      `attachment; filename="zgloszenie-${id}-1.jpg"; filename*=UTF-8''zgloszenie-${id}-1.jpg`,
    );
    expect(served.headers['x-content-type-options']).toBe('nosniff');
    expect(served.headers['content-security-policy']).toContain('sandbox');
    expect(exifOf(served.rawPayload)).toEqual({ exif: false, gps: false });
    expect((await officer.get(`/admin/reports/${id}/attachments/3`)).headers['content-type']).toBe('text/plain; charset=utf-8');
    expect((await officer.get(`/admin/reports/${id}/attachments/4`)).statusCode).toBe(404);
    // The police's API lists them with their links (the files stay downloads of their own).
    const listed = (await officer.get(`/api/v1/reports/${id}`)).json().attachments as { position: number; kind: string; url: string }[];
    expect(listed.map((a) => [a.position, a.kind, new URL(a.url).pathname])).toEqual([
      [1, 'jpeg', `/admin/reports/${id}/attachments/1`],
      [2, 'pdf', `/admin/reports/${id}/attachments/2`],
      [3, 'txt', `/admin/reports/${id}/attachments/3`],
    ]);
    // Photos get a preview on the page, made from the cleaned photo; other kinds have none.
    expect(page.body).toContain(`src="/admin/reports/${id}/attachments/1/miniatura"`);
    const preview = await officer.get(`/admin/reports/${id}/attachments/1/miniatura`);
    expect([preview.statusCode, preview.headers['content-type'], preview.headers['x-content-type-options']]).toEqual([
      200,
      'image/jpeg',
      'nosniff',
    ]);
    expect(exifOf(preview.rawPayload)).toEqual({ exif: false, gps: false });
    expect((await officer.get(`/admin/reports/${id}/attachments/3/miniatura`)).statusCode).toBe(404);

    // Police of another unit, and the public: the same 404 as for the report itself / a sign-in.
    const otherUnit = await police(world.accounts.officerB1.login);
    expect((await otherUnit.get(`/admin/reports/${id}/attachments/1`)).statusCode).toBe(404);
    expect((await otherUnit.get(`/api/v1/reports/${id}`)).json().attachments).toBeUndefined();
    expect((await otherUnit.get(`/admin/reports/${id}/attachments/1/miniatura`)).statusCode).toBe(404);
    expect([401, 302, 303]).toContain((await new TestClient(t.app).get(`/admin/reports/${id}/attachments/1`)).statusCode);
    // Public answers never mention them.
    const publicPage = (await new TestClient(t.app).get(`/zgloszenia/${id}`)).body;
    const publicJson = (await new TestClient(t.app).get(`/api/v1/reports/${id}`)).body;
    const open311 = (await new TestClient(t.app).get(`/open311/v2/requests/${id}.json`)).body;
    for (const answer of [publicPage, publicJson, open311]) {
      expect(answer).not.toMatch(/attachments\/|załącznik|attachment/i);
    }
    expect((JSON.parse(open311) as { media_url: unknown }[]).map((r) => r.media_url)).toEqual([null]);
    // The report's audit event says how many files came, not what they are called.
    const audit = await sql<{
      after: { attachments: number };
    }>`select after from audit_log where action = 'report.attachments' and entity_id = ${String(id)}`.execute(db());
    expect(audit.rows.map((r) => r.after.attachments)).toEqual([3]);
    expect(JSON.stringify(audit.rows)).not.toContain('IMG_0001');
  });

  it('asks for the files again on the "similar reports" step, and stores them when sent anyway', async () => {
    const first = await sendForm([]);
    expect(first.statusCode).toBe(303);
    const before = await counts();
    const similar = await sendForm([{ filename: 'a.txt', data: Buffer.from('tekst') }], {});
    expect(similar.statusCode).toBe(200);
    expect(similar.body).toContain('Podobne zgłoszenia w pobliżu');
    expect(similar.body).toMatch(/<form[^>]*action="\/zglos"[^>]*enctype="multipart\/form-data"/i);
    expect(similar.body).toContain('Wybierz pliki ponownie');
    // the files were fine: the island may put back the ones it held in the browser
    expect(similar.body).toContain('data-files-dropped=""');
    expect(await counts()).toEqual(before);
    const anyway = await sendForm([{ filename: 'a.txt', data: Buffer.from('tekst') }]);
    expect(anyway.statusCode).toBe(303);
    expect(await counts()).toEqual({ reports: before.reports + 1, rows: before.rows + 1, files: before.files + 1 });
  });

  it('when another field is wrong, asks for the files again and marks them fine to put back; nothing is stored', async () => {
    const before = await counts();
    const sent = await sendForm([{ filename: 'a.txt', data: Buffer.from('tekst') }], { force: '1', email: 'nie-adres' });
    expect(sent.statusCode).toBe(400);
    expect(sent.body).toContain('Wybierz pliki ponownie');
    expect(sent.body).toContain('data-files-dropped=""');
    expect(await counts()).toEqual(before);
    // without files there is nothing to put back
    const bare = await sendForm([], { force: '1', email: 'nie-adres' });
    expect(bare.statusCode).toBe(400);
    expect(bare.body).not.toContain('data-files-dropped');
  });

  it('takes PNG, DOCX and MP4; a video loses its location boxes and keeps its size', async () => {
    const video = isoMedia('isom');
    const sent = await sendForm([
      { filename: 'zrzut.png', data: await png(), type: 'image/png' },
      {
        filename: 'pismo.docx',
        data: docxOfText('Zgłoszenie'),
        type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      },
      { filename: 'film.MOV', data: video, type: 'video/quicktime' },
    ]);
    expect(sent.statusCode).toBe(303);
    const id = reportIdOf(sent.headers.location);
    const kinds = await sql<{
      kind: string;
      store_key: string;
    }>`select kind, store_key from report_attachments where report_id = ${id} order by position`.execute(db());
    expect(kinds.rows.map((r) => r.kind)).toEqual(['png', 'docx', 'mp4']);
    const storedVideo = Buffer.from((await files().get(kinds.rows[2]!.store_key))!);
    expect(storedVideo.length).toBe(video.length);
    expect(video.includes('+51.4597+022.6027')).toBe(true);
    expect(storedVideo.includes('+51.4597+022.6027')).toBe(false);
    expect(storedVideo.includes('mdat')).toBe(true);
  });

  it('takes an iPhone HEIC photo as a JPEG made of its pixels only: no GPS, no serial', async () => {
    const photo = heicWithGps();
    expect(photo.includes('SN-4242-SECRET')).toBe(true);
    const sent = await sendForm([{ filename: 'IMG_0042.HEIC', data: photo, type: 'image/heic' }]);
    expect(sent.statusCode).toBe(303);
    const id = reportIdOf(sent.headers.location);
    const officer = await police(world.accounts.officerA1.login);
    const served = await officer.get(`/admin/reports/${id}/attachments/1`);
    expect([served.statusCode, served.headers['content-type']]).toEqual([200, 'image/jpeg']);
    expect(served.headers['content-disposition']).toContain(`zgloszenie-${id}-1.jpg`);
    expect(exifOf(served.rawPayload)).toEqual({ exif: false, gps: false });
    expect(served.rawPayload.includes('SN-4242-SECRET')).toBe(false);
    const meta = await sharp(served.rawPayload).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['jpeg', 96, 64]);
  });

  /** The case, its files, the status, the message, and the file refused for itself (null: the set is). */
  const refusals: [string, () => File[] | Promise<File[]>, number, RegExp, string | null][] = [
    [
      'a PNG named .pdf',
      async () => [{ filename: 'skan.pdf', data: await png() }],
      415,
      /„skan\.pdf” ma nazwę lub typ innego rodzaju/,
      'skan.pdf',
    ],
    [
      'a JPEG declared as text/html',
      async () => [{ filename: 'a', data: await jpegWithGps(), type: 'text/html' }],
      415,
      /innego rodzaju/,
      'a',
    ],
    [
      'an unknown kind',
      () => [{ filename: 'program.exe', data: Buffer.from([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0, 0xff]) }],
      415,
      /„program\.exe” nie przyjmujemy/,
      'program.exe',
    ],
    [
      'a HEIC container with no image',
      () => [{ filename: 'IMG_1.HEIC', data: isoMedia('heic') }],
      415,
      /„IMG_1\.HEIC” \(HEIC, format iPhone’a\) nie da się odczytać/,
      'IMG_1.HEIC',
    ],
    ['an empty file', () => [{ filename: 'pusty.txt', data: new Uint8Array(0) }], 400, /„pusty\.txt” jest pusty/, 'pusty.txt'],
    [
      'four files',
      () => Array.from({ length: 4 }, (_, i) => ({ filename: `${i}.txt`, data: Buffer.from('tekst') })),
      400,
      /najwyżej 3 pliki/,
      null,
    ],
    [
      'more than 5 MB together',
      () => [
        { filename: 'a.txt', data: Buffer.alloc(3 * 1024 * 1024, 'a') },
        { filename: 'b.txt', data: Buffer.alloc(2.5 * 1024 * 1024, 'b') },
      ],
      413,
      /najwyżej 5 MB/,
      null,
    ],
    [
      'a pixel bomb',
      () => [{ filename: 'bomba.png', data: pixelBomb() }],
      413,
      /„bomba\.png” po rozpakowaniu byłby zbyt duży/,
      'bomba.png',
    ],
  ];
  it.each(refusals)('refuses %s with a clear error naming it, and stores nothing', async (_, make, status, message, refused) => {
    const before = await counts();
    const sent = await sendForm(await make());
    expect(sent.statusCode).toBe(status);
    expect(sent.body).toMatch(message);
    expect(sent.body).toContain('Wybierz pliki ponownie');
    // the island may put back the others, never the refused file; a refused set comes back as a whole
    if (refused === null) expect(sent.body).not.toContain('data-files-dropped');
    else {
      expect(sent.body).toContain('data-files-dropped=""');
      expect(sent.body).toContain(`data-refused-file="${refused}"`);
    }
    expect(sent.body).toContain('Opis dla policji'); // the other fields are kept
    expect(await counts()).toEqual(before);
  });

  it('takes files through the API as multipart/form-data (documented in OpenAPI), and refuses them in JSON', async () => {
    const api = (payload: Buffer | object, contentType = 'application/json') =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/reports',
        payload,
        headers: { 'content-type': contentType },
        remoteAddress: `203.0.113.${++ip}`,
      });
    const fields: [string, string | File][] = [
      ['category', parking],
      ['lat', String(point.lat).replace('.', ',')],
      ['lon', String(point.lon)],
      ['email', ''],
    ];
    const sent = await multipartBody([
      ...fields,
      ['attachments', { filename: 'p.jpg', data: await jpegWithGps() }],
      ['attachments', { filename: 't.txt', data: Buffer.from('tekst') }],
    ]);
    const created = await api(sent.payload, sent.contentType);
    expect(created.statusCode, created.body).toBe(201);
    expect(created.body).not.toMatch(/attachment/i);
    const kinds = await sql<{
      kind: string;
    }>`select kind from report_attachments where report_id = ${created.json<{ id: number }>().id} order by position`.execute(db());
    expect(kinds.rows.map((r) => r.kind)).toEqual(['jpeg', 'txt']);

    const before = await counts();
    const tooMany = await multipartBody([
      ...fields,
      ...Array.from({ length: 4 }, (_, i): [string, File] => ['attachments', { filename: `${i}.txt`, data: Buffer.from('x') }]),
    ]);
    const refused = await api(tooMany.payload, tooMany.contentType);
    expect(refused.statusCode).toBe(400);
    expect(refused.json<{ error: { code: string } }>().error.code).toBe('attachments_too_many');
    const badLat = await multipartBody([
      ['category', parking],
      ['lat', 'abc'],
      ['lon', '22.6'],
    ]);
    expect((await api(badLat.payload, badLat.contentType)).statusCode).toBe(400);
    expect((await api({ category: parking, lat: point.lat, lon: point.lon, attachments: 'http://example.org/a.jpg' })).statusCode).toBe(
      400,
    );
    expect(await counts()).toEqual(before);

    const spec = (await new TestClient(t.app).get('/api/openapi.json')).json<{
      paths: Record<string, { post?: { requestBody?: { content: object } } }>;
    }>();
    expect(Object.keys(spec.paths['/api/v1/reports']!.post!.requestBody!.content)).toEqual(['application/json', 'multipart/form-data']);
  });

  it('refuses media_url and media in an Open311 POST with a clear error, in Polish and English, and stores nothing', async () => {
    const before = await counts();
    for (const [lang, field, words] of [
      ['pl', 'media_url', /serwer nigdy nie pobiera pliku spod podanego adresu/],
      ['en', 'media', /never fetches a file from an address/],
    ] as const) {
      const answer = await t.app.inject({
        method: 'POST',
        url: `/open311/v2/requests.json?lang=${lang}`,
        payload: { service_code: parking, lat: point.lat, long: point.lon, [field]: 'http://169.254.169.254/latest/meta-data' },
        remoteAddress: `203.0.113.${++ip}`,
      });
      expect(answer.statusCode).toBe(400);
      const [error] = answer.json<{ code: number; description: string }[]>();
      expect(error!.description).toMatch(words);
      expect(error!.description).toContain(field);
    }
    expect(await counts()).toEqual(before);
    // Clients that always send the field, empty, are not refused: empty is absent.
    const empty = await t.app.inject({
      method: 'POST',
      url: '/open311/v2/requests.json',
      payload: { service_code: parking, lat: point.lat, long: point.lon, media_url: '' },
      remoteAddress: `203.0.113.${++ip}`,
    });
    expect(empty.statusCode).toBe(201);
  });

  it('removes the files it wrote when the report does not commit', async () => {
    await sql`create function fail_attachments() returns trigger language plpgsql as $$ begin raise exception 'test failure'; end $$`.execute(
      db(),
    );
    await sql`create trigger fail_attachments before insert on report_attachments for each row execute function fail_attachments()`.execute(
      db(),
    );
    try {
      const before = await counts();
      const sent = await sendForm([{ filename: 'a.txt', data: Buffer.from('tekst') }]);
      expect(sent.statusCode).toBe(500);
      expect(await counts()).toEqual(before);
    } finally {
      await sql`drop trigger fail_attachments on report_attachments`.execute(db());
      await sql`drop function fail_attachments()`.execute(db());
    }
  });

  it('erases the files with the description when retention is due', async () => {
    const sent = await sendForm([{ filename: 'a.txt', data: Buffer.from('do usunięcia') }], { description: '', force: '1' });
    const id = reportIdOf(sent.headers.location);
    const [row] = (await sql<{ store_key: string }>`select store_key from report_attachments where report_id = ${id}`.execute(db())).rows;
    await sql`update reports set status = 'eliminated', closed_at = now() - interval '400 days' where id = ${id}`.execute(db());
    const before = await counts();
    const run = await runRetention(t.testDb.database, { files: files() });
    expect(run.counts.attachments).toBeGreaterThanOrEqual(1);
    expect((await sql`select 1 from report_attachments where report_id = ${id}`.execute(db())).rows).toHaveLength(0);
    expect(await files().get(row!.store_key)).toBeNull();
    // Pending only while the files were being deleted (docs/attachments.md).
    expect((await sql`select 1 from pending_uploads where store_key = ${row!.store_key}`.execute(db())).rows).toHaveLength(0);
    expect((await counts()).files).toBe(before.files - run.counts.attachments);
  });

  it('follows the settings: a voivodeship may allow fewer files for its units, and 0 turns attachments off', async () => {
    const admin = await police(world.accounts.nationalAdmin.login);
    const voivodeship = await police(world.accounts.voivodeshipAdmin.login);
    const set = (client: TestClient, value: number | null, unitId?: string) =>
      client.send('PUT', '/api/v1/admin/settings/attachments.maxFiles', { value, ...(unitId ? { unitId } : {}) });
    const two = [
      { filename: 'a.txt', data: Buffer.from('a') },
      { filename: 'b.txt', data: Buffer.from('b') },
    ];
    try {
      expect((await set(voivodeship, 1, world.units.voivodeship.id)).statusCode).toBe(200);
      const tightened = await sendForm(two);
      expect(tightened.statusCode).toBe(400);
      expect(tightened.body).toContain('najwyżej 1 plik.');

      expect((await set(admin, 0)).statusCode).toBe(200);
      const form = (await new TestClient(t.app).get('/zglos')).body;
      expect(form).not.toContain('type="file"');
      expect(form).not.toMatch(/multipart/i);
      const before = await counts();
      const sent = await multipartBody([
        ['category', parking],
        ['lat', String(point.lat)],
        ['lon', String(point.lon)],
        ['attachments', two[0]!],
      ]);
      const refused = await t.app.inject({
        method: 'POST',
        url: '/api/v1/reports',
        payload: sent.payload,
        headers: { 'content-type': sent.contentType },
        remoteAddress: `203.0.113.${++ip}`,
      });
      expect([refused.statusCode, refused.json<{ error: { code: string } }>().error.code]).toEqual([400, 'attachments_off']);
      expect(await counts()).toEqual(before);
    } finally {
      await voivodeship.send('DELETE', `/api/v1/admin/settings/attachments.maxFiles?unitId=${world.units.voivodeship.id}`);
      await set(admin, null);
    }
  });
});
