import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../../../../test/support/databases.js';
import { TestClient, type TestApp, createTestApp } from '../../../../test/support/app.js';
import { world } from '../../../../test/support/world.js';
import { toEpsg2180 } from '../../../platform/geo/epsg2180.js';

const header = 'unit,district,locality,street,numbers\n';
/** The unit the imports write into; unit C lies outside the importing administrator's voivodeship. */
const unitB = world.units.b.id;
const unitC = world.units.c.id;

describe.each(backends)('import and export of districts on %s', (backend) => {
  let t: TestApp;
  let admin: TestClient;
  beforeAll(async () => {
    t = await createTestApp(backend);
    admin = new TestClient(t.app);
    await admin.signIn(world.accounts.voivodeshipAdmin);
  });
  afterAll(() => t.close());

  const importCsv = (csv: string, partial = false) =>
    admin.request({
      method: 'POST',
      url: `/api/v1/districts/import${partial ? '?partial=true' : ''}`,
      payload: csv,
      headers: { 'content-type': 'text/csv' },
    });
  const locate = async (address: string) => admin.get(`/api/v1/locate?address=${encodeURIComponent(address)}`);

  it('imports nothing when any line is wrong, and reports every rejected line and why', async () => {
    const csv =
      header +
      `${unitB},61,Odrzucowo,Lipowa,1-25 nieparzyste; 30-40; 52A\n` +
      `${unitB},x,Odrzucowo,Klonowa,\n` +
      'kpp-nieznana,1,Odrzucowo,Klonowa,\n' +
      `${unitB},62,,Klonowa,\n` +
      `${unitB},62,Odrzucowo,Klonowa,1-x\n` +
      `${unitC},1,Olszyny,Wileńska,\n` +
      `${unitB},62,Odrzucowo,Lipowa,21-23\n` +
      `${unitB},62,Odrzucowo\n`;
    const response = await importCsv(csv);
    expect(response.statusCode).toBe(422);
    expect(response.json().error.code).toBe('import_rejected');
    const rejected = response.json().error.details.rejected as { line: number; message: string }[];
    expect(rejected.map((r) => r.line)).toEqual([2, 3, 4, 5, 6, 7, 8, 9]);
    expect(rejected.find((r) => r.line === 3)!.message).toContain('Numer rejonu „x”');
    expect(rejected.find((r) => r.line === 4)!.message).toBe('Nie ma jednostki „kpp-nieznana”.');
    expect(rejected.find((r) => r.line === 5)!.message).toContain('Brakuje miejscowości');
    expect(rejected.find((r) => r.line === 7)!.message).toContain('nie podlega Twojej jednostce');
    expect(rejected.find((r) => r.line === 8)!.message).toBe('Obszar pokrywa się z rejonem nr 61 (wiersz 2).');
    expect(rejected.find((r) => r.line === 2)!.message).toBe('Obszar pokrywa się z rejonem nr 62 (wiersz 8).');
    expect(rejected.find((r) => r.line === 9)!.message).toBe('Oczekiwano 5 kolumn, jest 3.');
    expect((await locate('Odrzucowo, Lipowa 3')).statusCode).toBe(404);
  });

  it('with partial, imports the good lines, creating missing districts, and reports the rest', async () => {
    const csv =
      header +
      `${unitB},51,Importowo,Lipowa,1-25 nieparzyste; 30-40; 52A\n${unitB},52,Importowo,Klonowa,\n${unitB},52,Importowo,Klonowa,1-x\n${unitB},53,Wieś Importowa,,\n`;
    const response = await importCsv(csv, true);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ created: [`${unitB}/51`, `${unitB}/52`, `${unitB}/53`], rules: 3 });
    expect(response.json().rejected).toHaveLength(1);
    expect((await locate('Importowo, ul. Lipowa 52A')).json().matches[0].district.id).toBe(`${unitB}/51`);
    expect((await locate('Importowo, Klonowa 7')).json().matches[0].district.id).toBe(`${unitB}/52`);
    expect((await locate('Wieś Importowa 4')).json().matches[0]).toMatchObject({
      district: { id: `${unitB}/53`, name: 'Rejon służbowy nr 53' },
      matchedBy: 'locality',
    });
  });

  it('exports CSV that imports back to the same rules, and rejects a wrong header', async () => {
    expect((await importCsv(header + `${unitB},54,Eksportowo,Lipowa,1-25 nieparzyste; 30-40; 52A\n`)).statusCode).toBe(200);
    const exported = await admin.get(`/api/v1/districts/export.csv?unitId=${unitB}`);
    expect(exported.headers['content-type']).toContain('text/csv');
    const lines = exported.body.trim().split(/\r?\n/);
    expect(lines[0]).toBe('unit,district,locality,street,numbers');
    expect(lines).toContain(`${unitB},54,Eksportowo,Lipowa,"1-25 nieparzyste; 30-40; 52A"`);
    const again = await importCsv(exported.body);
    expect(again.statusCode).toBe(200);
    expect(again.json().created).toEqual([]);
    const wrong = await importCsv(`jednostka;rejon\n${unitB};1\n`);
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().error.code).toBe('csv_header');
  });

  it('names the export after the unit, and refuses a unit id that is no id (it went into the file name header: a 500)', async () => {
    const exported = await admin.get(`/api/v1/districts/export.csv?unitId=${unitB}`);
    expect(exported.headers['content-disposition']).toBe(`attachment; filename="rejony-${unitB}.csv"`);
    expect((await admin.get('/api/v1/districts/export.csv?unitId=')).statusCode).toBe(200);
    for (const unitId of ['%0A', '%22%3B%20x%3D1', 'a%20b', 'KPP', '%C4%85']) {
      const response = await admin.get(`/api/v1/districts/export.csv?unitId=${unitId}`);
      expect(response.statusCode, unitId).toBe(400);
      expect(response.json().error.details[0].field).toBe('unitId');
      expect((await admin.get(`/api/v1/districts.geojson?unitId=${unitId}`)).statusCode, unitId).toBe(400);
    }
  });

  it('imports polygons from GeoJSON in EPSG:2180, all or nothing', async () => {
    expect((await importCsv(header + `${unitB},55,Wielokąty,,\n`)).statusCode).toBe(200);
    const ring = [
      [22.88, 51.3],
      [22.9, 51.3],
      [22.9, 51.31],
      [22.88, 51.31],
      [22.88, 51.3],
    ].map((p) => toEpsg2180(p as [number, number]));
    const collection = {
      type: 'FeatureCollection',
      crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::2180' } },
      features: [
        { type: 'Feature', properties: { unit: unitB, district: 55 }, geometry: { type: 'Polygon', coordinates: [ring] } },
        { type: 'Feature', properties: { unit: unitB, district: 999 }, geometry: { type: 'Polygon', coordinates: [ring] } },
      ],
    };
    const strict = await admin.request({
      method: 'POST',
      url: '/api/v1/districts/polygons',
      payload: JSON.stringify(collection),
      headers: { 'content-type': 'application/geo+json' },
    });
    expect(strict.statusCode).toBe(422);
    expect(strict.json().error.details.rejected).toEqual([{ feature: 1, message: `Nie ma rejonu nr 999 w jednostce „${unitB}”.` }]);
    const located = async () =>
      ((await admin.get('/api/v1/locate?lat=51.305&lon=22.89')).json().matches ?? []).map(
        (m: { district: { id: string } }) => m.district.id,
      );
    expect(await located()).not.toContain(`${unitB}/55`);
    const partial = await admin.request({
      method: 'POST',
      url: '/api/v1/districts/polygons?partial=true',
      payload: JSON.stringify(collection),
      headers: { 'content-type': 'application/geo+json' },
    });
    expect(partial.json().updated).toEqual([`${unitB}/55`]);
    expect(await located()).toContain(`${unitB}/55`);
    const geojson = (await admin.get(`/api/v1/districts.geojson?unitId=${unitB}`)).json();
    expect(geojson.features.map((f: { properties: { district: number } }) => f.properties.district)).toContain(55);
  });

  it('parses the free-text descriptions police websites publish, without saving', async () => {
    const text =
      'Rejon służbowy nr 3 obejmuje ulice: Lubelską (parzyste od numeru 10 do numeru 120), Polną. Miejscowości: Serniki, Wola Sernicka.';
    const response = await admin.request({
      method: 'POST',
      url: '/api/v1/districts/parse-area?locality=Lubart%C3%B3w',
      payload: text,
      headers: { 'content-type': 'text/plain' },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().rules).toEqual(
      expect.arrayContaining([
        { locality: 'Lubartów', street: 'Lubelska', numbers: [{ from: '10', to: '120', parity: 'even' }] },
        { locality: 'Lubartów', street: 'Polna', numbers: null },
        { locality: 'Serniki', street: null, numbers: null },
        { locality: 'Wola Sernicka', street: null, numbers: null },
      ]),
    );
    const empty = await admin.request({
      method: 'POST',
      url: '/api/v1/districts/parse-area',
      payload: ' ',
      headers: { 'content-type': 'text/plain' },
    });
    expect(empty.statusCode).toBe(400);
  });
});

describe('the district poster', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('pglite');
  });
  afterAll(() => t.close());

  it('is an A4 PDF with the officer, phone, e-mail, area and Polish letters intact', async () => {
    const b1 = world.districts.b1;
    const response = await t.app.inject(`/rejony/${b1.id}/plakat.pdf`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    const text = execFileSync('pdftotext', ['-layout', '-', '-'], { input: response.rawPayload }).toString();
    expect(text).toContain(`Rejon służbowy nr ${b1.number}`);
    expect(text).toContain(world.units.b.name);
    expect(text).toContain(`${b1.officer.rank} ${b1.officer.firstName} ${b1.officer.lastName}`);
    expect(text).toContain(b1.phone);
    expect(text).toContain('Leśna');
    expect(text).toContain(`http://localhost:80/rejony/${b1.id}`);
    const size = execFileSync('pdfinfo', ['-'], { input: response.rawPayload }).toString();
    expect(size).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
  });
});
