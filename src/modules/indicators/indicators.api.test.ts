import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { backends } from '../../../test/support/databases.js';
import { TestClient, type TestApp, createTestApp } from '../../../test/support/app.js';
import { makeCategory, makeReport } from '../../../test/support/factories.js';
import { multipartBody } from '../../../test/support/multipart.js';
import { world } from '../../../test/support/world.js';
import { addDays, warsawToday } from '../../platform/i18n/calendar.js';
import { countIndicator, monthlySeries } from './index.js';

const { a1, a2, b1 } = world.districts;
const unitA = a1.unitId;
const path = (unitId: string) => `/api/v1/units/${unitId}/indicator-data`;

describe.each(backends)('indicator data on %s', (backend) => {
  let t: TestApp;
  const as: Record<string, TestClient> = {};
  let serial = 0;
  // Each test counts its own category, so the shuffled tests never see each other's data.
  const category = () => `kradzież testowa ${backend} ${++serial}`;
  const day = (back: number) => addDays(warsawToday(), -back);

  beforeAll(async () => {
    t = await createTestApp(backend);
    for (const who of [
      world.accounts.officerA1,
      world.accounts.supervisorA,
      world.accounts.commanderA,
      world.accounts.supervisorB,
      world.accounts.voivodeshipAdmin,
    ]) {
      as[who.login] = new TestClient(t.app, { headers: { accept: 'application/json' } });
      await as[who.login]!.signIn(who.login);
    }
  });
  afterAll(() => t.close());
  const supervisor = () => as[world.accounts.supervisorA.login]!;
  const csv = (client: TestClient, text: string, unitId = unitA) =>
    client.request({ method: 'POST', url: `${path(unitId)}?name=rejestr.csv`, payload: text, headers: { 'content-type': 'text/csv' } });
  const imported = (cat: string, districtIds: string[], from = day(400), to = warsawToday()) =>
    countIndicator(t.testDb.database.db, { source: 'imported', categories: [cat] }, { districtIds }, { from, to });
  const storedImports = async () =>
    Number(
      (
        await t.testDb.database.db
          .selectFrom('indicator_imports')
          .select((e) => e.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('stores the accepted lines, lists the rejected ones with reasons, and counts them per district (points placed by polygon)', async () => {
    const cat = category();
    const text = [
      'Data;Kategoria;Rejon;Liczba',
      `${day(10)};${cat};1;3`,
      `${day(11)};${cat};${a2.id};2`,
      `${day(12)};${cat};${b1.id};5`,
      `${day(12)};${cat};9;5`,
      `31.02.2026;${cat};1;1`,
    ].join('\r\n');
    const response = await csv(supervisor(), text);
    expect(response.statusCode).toBe(200);
    const report = response.json();
    expect(report).toMatchObject({ fileName: 'rejestr.csv', lines: 5, accepted: 2, cells: 2 });
    expect(report.rejected.map((r: { line: number }) => r.line)).toEqual([4, 5, 6]);
    expect(report.rejected[0].reason.pl).toContain(b1.id);
    expect(await imported(cat, [a1.id])).toBe(3);
    expect(await imported(cat, [a1.id, a2.id])).toBe(5);

    const points = [
      'date,category,lat,lon,count',
      `${day(5)},${cat},${a1.point.lat},${a1.point.lon},4`,
      `${day(5)},${cat},${b1.point.lat},${b1.point.lon},1`,
    ].join('\n');
    const byPoint = (await csv(supervisor(), points)).json();
    expect(byPoint.accepted).toBe(1);
    expect(byPoint.rejected[0].reason.en).toBe('the point lies in no district of this unit');
    expect(await imported(cat, [a1.id])).toBe(7);
    const audited = await t.testDb.database.db
      .selectFrom('audit_log')
      .select((e) => e.fn.countAll().as('n'))
      .where('entity_type', '=', 'indicator_counts')
      .executeTakeFirstOrThrow();
    expect(Number(audited.n)).toBeGreaterThanOrEqual(3);
  });

  it('does not double the counts when the same file is imported again; a corrected file replaces the cells it names', async () => {
    const cat = category();
    const text = `date,category,district,count\n${day(20)},${cat},1,4\n${day(21)},${cat},1,1\n`;
    expect((await csv(supervisor(), text)).statusCode).toBe(200);
    expect((await csv(as[world.accounts.commanderA.login]!, text)).statusCode).toBe(200);
    expect(await imported(cat, [a1.id])).toBe(5);
    await csv(supervisor(), `date,category,district,count\n${day(20)},${cat},1,2\n`);
    expect(await imported(cat, [a1.id])).toBe(3);
  });

  it('takes a multipart upload as the form sends it', async () => {
    const cat = category();
    const { payload, contentType } = await multipartBody({
      file: {
        filename: 'marzec.csv',
        data: new TextEncoder().encode(`\uFEFFdata;kategoria;rejon;liczba\n${day(3)};${cat};2;6\n`),
        type: 'text/csv',
      },
    });
    const response = await supervisor().request({ method: 'POST', url: path(unitA), payload, headers: { 'content-type': contentType } });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ fileName: 'marzec.csv', accepted: 1 });
    expect(await imported(cat, [a2.id])).toBe(6);
  });

  it('answers 400 and stores nothing for an unusable file', async () => {
    const cat = category();
    const before = await storedImports();
    for (const text of [
      '',
      'kto,co,gdzie\nx,y,z\n',
      `date,category,district,count\n${day(1)},${cat},99,1\n`,
      'date,category,district,count\n"2026-01-01,x',
    ]) {
      const response = await csv(supervisor(), text);
      expect(response.statusCode, JSON.stringify(text)).toBe(400);
      expect(response.json().error.code).toBe('indicator_file_unusable');
      expect(response.json().error.message).toMatch(/Nic nie zapisano/);
    }
    expect(await storedImports()).toBe(before);
    expect(await imported(cat, [a1.id, a2.id])).toBe(0);
  });

  it('refuses an officer and other units (403), an unknown unit (404), and stores nothing', async () => {
    const cat = category();
    const text = `date,category,district,count\n${day(2)},${cat},1,1\n`;
    expect((await csv(as[world.accounts.officerA1.login]!, text)).statusCode).toBe(403);
    expect((await csv(as[world.accounts.supervisorB.login]!, text)).statusCode).toBe(403);
    expect((await csv(as[world.accounts.voivodeshipAdmin.login]!, text)).statusCode).toBe(403);
    expect((await csv(supervisor(), text, 'kpp-nieznana')).statusCode).toBe(404);
    expect((await supervisor().get(path('kpp-nieznana'))).statusCode).toBe(404);
    expect((await as[world.accounts.supervisorB.login]!.get(path(unitA))).statusCode).toBe(403);
    expect(await imported(cat, [a1.id])).toBe(0);
  });

  it('lists the unit’s categories with monthly counts and its last imports, and shows them on the staff page', async () => {
    const cat = category();
    await csv(supervisor(), `date,category,district,count\n${day(0)},${cat},1,2\n${day(0)},${cat},2,3\n${day(1)},${cat},3,x\n`);
    const summary = (await supervisor().get(path(unitA))).json();
    const row = summary.categories.find((c: { category: string }) => c.category === cat);
    expect(row.total).toBe(5);
    expect(row.months.at(-1)).toBe(5);
    expect(summary.months.at(-1)).toBe(warsawToday().slice(0, 7));
    expect(summary.imports.some((i: { rejected: number; accepted: number }) => i.accepted === 2 && i.rejected === 1)).toBe(true);
    const page = await supervisor().get(`/admin/units/${unitA}/indicators`, { accept: 'text/html' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(cat);
    expect(page.body).toContain('Import z pliku CSV');
  });

  it('counts confirmed threat reports of the chosen categories in the area, by the day they were made', async () => {
    const code = await makeCategory(t.testDb.database.db, `wskaznik-${backend}-${++serial}`);
    const db = t.testDb.database.db;
    const make = async (district: string, status: string, daysBack: number) => {
      const id = await makeReport(db, unitA, district);
      await sql`update reports set category_id = ${code}, status = ${status},
        forwarded_to = ${status === 'forwarded' ? 'Urząd Gminy' : null},
        created_at = (${day(daysBack)}::date + time '10:00') at time zone 'Europe/Warsaw' where id = ${id}`.execute(db);
    };
    await make(a1.id, 'confirmed', 40);
    await make(a1.id, 'eliminated', 40);
    await make(a1.id, 'forwarded', 10);
    await make(a1.id, 'not_confirmed', 10);
    await make(a1.id, 'new', 10);
    await make(a2.id, 'confirmed', 10);
    const spec = { source: 'reports' as const, categories: [code] };
    expect(await countIndicator(db, spec, { districtIds: [a1.id] }, { from: day(60), to: warsawToday() })).toBe(3);
    expect(await countIndicator(db, spec, { districtIds: [a1.id] }, { from: day(10), to: day(10) })).toBe(1);
    expect(await countIndicator(db, spec, { districtIds: [a1.id, a2.id] }, { from: day(20), to: warsawToday() })).toBe(2);
    const series = await monthlySeries(db, spec, { districtIds: [a1.id] }, day(60), warsawToday());
    expect(series.reduce((s, m) => s + m.count, 0)).toBe(3);
    expect(series.map((m) => m.month)).toEqual([...new Set(series.map((m) => m.month))].sort());
    expect(series.find((m) => m.month === day(10).slice(0, 7))!.count).toBeGreaterThanOrEqual(1);
  });
});
