import { readFileSync } from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { Document, Packer, Paragraph } from 'docx';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../../../test/support/databases.js';
import { TestClient, createTestApp, csrfFromHtml, type TestApp } from '../../../test/support/app.js';
import { world } from '../../../test/support/world.js';
import { multipartBody } from '../../../test/support/multipart.js';
import { docxBomb, zipOf, zipOfManyListedEntries } from '../../../test/support/zip-files.js';
import { projectRoot } from '../../platform/config/config.js';

const MiB = 1024 * 1024;
const seedPlan = readFileSync(path.join(projectRoot, 'resources', 'seeds', '000_d4209128a33a3e86.txt'), 'utf8');

/** A .docx as a word processor writes it (the `docx` package), one paragraph per line. */
async function wordDocument(text: string): Promise<Buffer> {
  return Packer.toBuffer(new Document({ sections: [{ children: text.split('\n').map((line) => new Paragraph(line)) }] }));
}

const docxType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/**
 * Posts a file as `curl -F file=@…` does: multipart, no session cookie, from the given client
 * address. Anonymous multipart still needs a CSRF token on this branch (another change lets API
 * clients post without one), so the token of an anonymous page goes along in the header.
 */
async function postFile(app: FastifyInstance, url: string, file: { filename: string; data: Uint8Array; type?: string }, from: string) {
  const page = await app.inject({ method: 'GET', url: '/login', remoteAddress: from });
  const cookie = page.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  const { payload, contentType } = await multipartBody({ file });
  return app.inject({
    method: 'POST',
    url,
    payload,
    remoteAddress: from,
    headers: { 'content-type': contentType, cookie, 'x-csrf-token': csrfFromHtml(page.body) },
  });
}

describe.each(backends)('uploaded plan documents (%s)', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(backend);
  });
  afterAll(() => t.close());

  // Each test posts from its own address, so one test's use of the per-client limit leaves the others alone.
  let lastAddress = 0;
  const newClient = () => `192.0.2.${++lastAddress}`;

  it('reads a .docx posted as the README shows (curl -F file=@plan.docx, no account)', async () => {
    const response = await postFile(
      t.app,
      '/api/v1/plans/parse',
      { filename: 'plan.docx', data: await wordDocument(seedPlan), type: docxType },
      newClient(),
    );
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      unit: 'Komenda Powiatowa Policji w Krasnymstawie',
      districtNumber: 2,
      period: { from: '2026-07-01', to: '2026-12-31' },
    });
  });

  it('reads a .docx chosen on the admin import page, and shows the limit a bomb broke on the same form', async () => {
    const staff = new TestClient(t.app, { headers: { accept: 'text/html' } });
    await staff.signIn(world.supervisorOf.a);
    const plan = await multipartBody({
      intent: 'recognise',
      file: { filename: 'plan.docx', data: await wordDocument(seedPlan), type: docxType },
    });
    const page = await staff.send('POST', '/admin/plans/import', plan.payload, { 'content-type': plan.contentType });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Rozpoznano');
    expect(page.body).toContain('Komenda Powiatowa Policji w Krasnymstawie');
    const bomb = await multipartBody({
      intent: 'recognise',
      file: { filename: 'bomb.docx', data: await docxBomb({ expandsToMiB: 480, declaredSize: 2_000 }), type: docxType },
    });
    const refused = await staff.send('POST', '/admin/plans/import', bomb.payload, { 'content-type': bomb.contentType });
    expect(refused.statusCode).toBe(413);
    expect(refused.body).toContain('name="text"');
    expect(refused.body).toContain('jest skompresowany ponad 200-krotnie');
  });

  it('answers a decompression bomb with 413, whether its headers tell the truth or lie, and an archive of 100,000 entries too', async () => {
    const from = newClient();
    const honest = await postFile(
      t.app,
      '/api/v1/plans/parse',
      { filename: 'bomb.docx', data: await docxBomb({ expandsToMiB: 480 }), type: docxType },
      from,
    );
    expect(honest.statusCode).toBe(413);
    expect(honest.json().error).toMatchObject({ code: 'document_too_large', details: { limit: 'entryBytes', entry: 'word/document.xml' } });
    expect(honest.json().error.message).toContain('32 MB');
    const liar = await postFile(
      t.app,
      '/api/v1/plans/parse',
      { filename: 'bomb.docx', data: await docxBomb({ expandsToMiB: 480, declaredSize: 2_000 }), type: docxType },
      from,
    );
    expect(liar.statusCode).toBe(413);
    expect(liar.json().error).toMatchObject({ code: 'document_too_large', details: { limit: 'ratio', max: 200 } });
    expect(liar.json().error.message).toMatch(/^Plik „word\/document.xml” w dokumencie jest skompresowany ponad 200-krotnie/);
    const many = await postFile(
      t.app,
      '/api/v1/plans/parse',
      { filename: 'many.docx', data: zipOfManyListedEntries(100_000), type: docxType },
      from,
    );
    expect(many.statusCode).toBe(413);
    expect(many.json().error).toMatchObject({ code: 'document_too_large', details: { limit: 'entries', max: 2000 } });
    const broken = await postFile(
      t.app,
      '/api/v1/plans/parse',
      { filename: 'broken.docx', data: (await wordDocument(seedPlan)).subarray(0, 3000), type: docxType },
      from,
    );
    expect(broken.statusCode).toBe(422);
    expect(broken.json().error.code).toBe('document_unreadable');
  });

  it('keeps /health answering while three bombs are read at once, and then reads the next plan', async () => {
    const bomb = await docxBomb({ expandsToMiB: 480, declaredSize: 2_000 });
    let reading = true;
    const bombs = Promise.all(
      [1, 2, 3].map(() => postFile(t.app, '/api/v1/plans/parse', { filename: 'bomb.docx', data: bomb, type: docxType }, newClient())),
    ).finally(() => {
      reading = false;
    });
    // /health again and again until the bombs are answered (letting I/O in between, as a network
    // client would: with the embedded database a request can complete without ever yielding).
    const health: number[] = [];
    while (reading && health.length < 100_000) {
      health.push((await t.app.inject('/health')).statusCode);
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(reading).toBe(false);
    expect(health.length).toBeGreaterThan(0);
    expect(new Set(health)).toEqual(new Set([200]));
    for (const answer of await bombs) expect([answer.statusCode, answer.json().error.code]).toEqual([413, 'document_too_large']);
    const next = await postFile(
      t.app,
      '/api/v1/plans/parse',
      { filename: 'plan.docx', data: await wordDocument(seedPlan), type: docxType },
      newClient(),
    );
    expect(next.statusCode).toBe(200);
  });

  it('enforces the route’s own size limit for multipart files: 413 in the envelope for the API, the error page for browsers', async () => {
    const tooBig = await postFile(
      t.app,
      '/api/v1/plans/parse',
      { filename: 'plan.txt', data: Buffer.alloc(6 * MiB, 'a'), type: 'text/plain' },
      newClient(),
    );
    expect(tooBig.statusCode).toBe(413);
    expect(tooBig.json().error.code).toBe('payload_too_large');
    const staff = new TestClient(t.app, { headers: { accept: 'text/html' } });
    expect((await staff.signIn(world.supervisorOf.a)).statusCode).toBe(200);
    const { payload, contentType } = await multipartBody({
      intent: 'recognise',
      file: { filename: 'plan.txt', data: Buffer.alloc(7 * MiB, 'a'), type: 'text/plain' },
    });
    const page = await staff.send('POST', '/admin/plans/import', payload, { 'content-type': contentType });
    expect(page.statusCode).toBe(413);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('Przesłany plik jest za duży');
  });

  it('answers 415 for a plan or a register file that is binary (NUL bytes), not a 500', async () => {
    const utf16 = Buffer.from(`\uFEFF${seedPlan}`, 'utf16le');
    const api = await postFile(t.app, '/api/v1/plans/parse', { filename: 'plan.txt', data: utf16, type: 'text/plain' }, newClient());
    expect(api.statusCode).toBe(415);
    expect(api.json().error.code).toBe('not_a_text_file');
    expect(api.json().error.message).toContain('UTF-8');
    const staff = new TestClient(t.app, { headers: { accept: 'text/html' } });
    await staff.signIn(world.accounts.nationalAdmin);
    const csv = Buffer.from('unit,district,locality,street,numbers\nkpp-borowo,3,Bor\0wo,Lipowa,1-5\n');
    const { payload, contentType } = await multipartBody({ file: { filename: 'rules.csv', data: csv, type: 'text/csv' } });
    const page = await staff.send('POST', '/admin/import/rules', payload, { 'content-type': contentType });
    expect(page.statusCode).toBe(422);
    expect(page.body).toContain('Plik nie jest tekstem: zawiera bajty zerowe');
    // GeoJSON is text, but an escaped NUL (\u0000) in it would reach the database just the same.
    const geojson = JSON.stringify({
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { unit: 'kpp-borowo\u0000', district: '3' },
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [22.6, 51.4],
                [22.7, 51.4],
                [22.7, 51.5],
                [22.6, 51.4],
              ],
            ],
          },
        },
      ],
    });
    const geoForm = await multipartBody({ file: { filename: 'areas.geojson', data: Buffer.from(geojson), type: 'application/geo+json' } });
    const geoPage = await staff.send('POST', '/admin/import/polygons', geoForm.payload, { 'content-type': geoForm.contentType });
    expect(geoPage.statusCode).toBe(422);
    expect(geoPage.body).toContain('Plik nie jest tekstem: zawiera bajty zerowe');
    const geoApi = await staff.send('POST', '/api/v1/districts/polygons', geojson, {
      'content-type': 'application/geo+json',
      accept: 'application/json',
    });
    expect([geoApi.statusCode, geoApi.json().error.code]).toEqual([415, 'not_a_text_file']);
    const planForm = await multipartBody({ intent: 'recognise', file: { filename: 'plan.txt', data: utf16 } });
    const importPage = await staff.send('POST', '/admin/plans/import', planForm.payload, { 'content-type': planForm.contentType });
    expect(importPage.statusCode).toBe(415);
    expect(importPage.body).toContain('name="text"'); // the form again, with the reason
    expect(importPage.body).toContain('Plik nie jest tekstem: zawiera bajty zerowe');
  });

  it('limits anonymous parsing per client (429 in the envelope); signed-in staff get more', async () => {
    const from = newClient();
    const parse = (address: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/plans/parse',
        payload: 'Zaproszenie na festyn.',
        remoteAddress: address,
        headers: { 'content-type': 'text/plain' },
      });
    for (let i = 0; i < 20; i++) expect((await parse(from)).statusCode).toBe(422);
    const limited = await parse(from);
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.code).toBe('too_many_requests');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect((await parse(newClient())).statusCode).toBe(422);
    const staff = new TestClient(t.app);
    await staff.signIn(world.supervisorOf.a);
    for (let i = 0; i < 21; i++) {
      const response = await staff.request({
        method: 'POST',
        url: '/api/v1/plans/parse',
        payload: 'Zaproszenie na festyn.',
        headers: { 'content-type': 'text/plain' },
      });
      expect(response.statusCode).toBe(422);
    }
  });
});

describe('a document worker stopped by its memory cap', () => {
  // Reading needs no database, so one back end is enough; the cap is set low for this app only.
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('pglite', { DOCUMENT_WORKER_MEMORY_MB: '32' });
  });
  afterAll(() => t.close());

  it('answers 413 naming the memory limit, and the next document is read by a fresh worker', async () => {
    // 30 MiB of short paragraphs: within the ZIP limits (ratio about 15), but far beyond 32 MiB of heap once read.
    const paragraphs: string[] = [];
    for (let i = 0, size = 0; size < 30 * MiB; i++) {
      const paragraph = `<w:p><w:r><w:t>Akapit ${i} o patrolach w rejonie ${i % 977}</w:t></w:r></w:p>`;
      paragraphs.push(paragraph);
      size += paragraph.length;
    }
    const xml = Buffer.from(`<w:document><w:body>${paragraphs.join('')}</w:body></w:document>`);
    const large = zipOf([
      { name: 'word/document.xml', deflated: { data: zlib.deflateRawSync(xml), size: xml.length, crc: zlib.crc32(xml) } },
    ]);
    const stopped = await postFile(t.app, '/api/v1/plans/parse', { filename: 'large.docx', data: large, type: docxType }, '198.51.100.1');
    expect(stopped.statusCode).toBe(413);
    expect(stopped.json().error).toMatchObject({ code: 'document_too_large', details: { limit: 'memory', max: 32 * MiB } });
    expect(stopped.json().error.message).toBe('Odczyt dokumentu przekroczył limit pamięci 32 MB.');
    const next = await postFile(
      t.app,
      '/api/v1/plans/parse',
      { filename: 'plan.docx', data: await wordDocument(seedPlan), type: docxType },
      '198.51.100.1',
    );
    expect(next.statusCode).toBe(200);
    expect(next.json().districtNumber).toBe(2);
  });
});
