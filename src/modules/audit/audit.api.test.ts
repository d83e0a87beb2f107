import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../../../test/support/databases.js';
import { TestClient, createTestApp, type TestApp } from '../../../test/support/app.js';
import { world } from '../../../test/support/world.js';

const { a: unitA, c: otherVoivodeshipUnit } = world.units;
const regionalAdmin = world.accounts.voivodeshipAdmin;

describe.each(backends)('audit log on %s', (backend) => {
  let t: TestApp;
  let national: TestClient;
  let regional: TestClient;
  let accountId: string;
  beforeAll(async () => {
    t = await createTestApp(backend);
    national = new TestClient(t.app);
    regional = new TestClient(t.app);
    await national.signIn(world.accounts.nationalAdmin);
    await regional.signIn(regionalAdmin);
    const created = await regional.send('POST', '/api/v1/accounts', {
      login: 'audyt.test',
      displayName: 'Audyt Test',
      role: 'officer',
      unitId: unitA.id,
      password: 'pierwsze długie hasło',
    });
    accountId = created.json().id;
    await regional.send('PATCH', `/api/v1/accounts/${accountId}`, { role: 'supervisor', password: 'drugie długie hasło' });
  });
  afterAll(() => t.close());

  it('records who changed which record, when, with before and after, and hides secrets', async () => {
    const response = await regional.get(`/api/v1/audit?entityType=accounts&entityId=${accountId}`);
    expect(response.statusCode).toBe(200);
    const [update, insert] = response.json().entries;
    expect(insert).toMatchObject({ action: 'insert', actorLabel: regionalAdmin.login, unitId: unitA.id, before: null });
    expect(insert.after).toMatchObject({ login: 'audyt.test', role: 'officer', password_hash: 'changed' });
    expect(update).toMatchObject({ action: 'update', actorLabel: regionalAdmin.login });
    expect(update.before).toMatchObject({ role: 'officer', password_hash: 'hidden' });
    expect(update.after).toMatchObject({ role: 'supervisor', password_hash: 'changed' });
    expect(update.actorId).toEqual(expect.any(String));
    expect(update.ip).toBe('127.0.0.1');
    expect(JSON.stringify(response.json())).not.toContain('$argon2');
  });

  it('cannot be changed or deleted, even with direct SQL', async () => {
    const db = t.testDb.database.db;
    await expect(sql`update audit_log set actor_label = 'someone else'`.execute(db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_log`.execute(db)).rejects.toThrow(/append-only/);
    await expect(sql`truncate audit_log`.execute(db)).rejects.toThrow(/append-only/);
    const count = await db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBeGreaterThan(0);
  });

  it('records changes made outside the API too (the triggers see every write)', async () => {
    const db = t.testDb.database.db;
    const unit = otherVoivodeshipUnit;
    await sql`update units set name = ${`${unit.name} (zmiana)`} where id = ${unit.id}`.execute(db);
    const [entry] = (await national.get(`/api/v1/audit?entityType=units&entityId=${unit.id}&action=update`)).json().entries;
    expect(entry).toMatchObject({ actorLabel: 'system', before: { name: unit.name } });
  });

  it('shows administrators only the entries of their units', async () => {
    const regionalView = (await regional.get('/api/v1/audit?pageSize=200')).json();
    const units = new Set(regionalView.entries.map((e: { unitId: string | null }) => e.unitId));
    expect(units.has(otherVoivodeshipUnit.id)).toBe(false);
    expect(units.has(null)).toBe(false);
    expect(units.has(unitA.id)).toBe(true);
    const nationalView = (await national.get('/api/v1/audit?pageSize=1')).json();
    expect(nationalView.total).toBeGreaterThan(regionalView.total);
  });

  it('filters by action, actor and day, and pages through the results', async () => {
    const logins = (await national.get(`/api/v1/audit?action=auth.login&actor=${regionalAdmin.login}`)).json();
    expect(logins.entries.length).toBeGreaterThan(0);
    expect(
      logins.entries.every(
        (e: { action: string; actorLabel: string }) => e.action === 'auth.login' && e.actorLabel === regionalAdmin.login,
      ),
    ).toBe(true);
    const future = (await national.get('/api/v1/audit?from=2999-01-01')).json();
    expect(future.total).toBe(0);
    const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Warsaw' }).format(new Date());
    const todays = (await national.get(`/api/v1/audit?from=${today}&to=${today}`)).json();
    expect(todays.total).toBe((await national.get('/api/v1/audit')).json().total);
    const page2 = (await national.get('/api/v1/audit?pageSize=2&page=2')).json();
    const page1 = (await national.get('/api/v1/audit?pageSize=2&page=1')).json();
    expect(page2.entries[0].id).toBeLessThan(page1.entries[1].id);
  });

  it('is for administrators only, and its page renders the history in Polish', async () => {
    const officer = new TestClient(t.app);
    await officer.signIn(world.officerOf.a1!);
    expect((await officer.get('/api/v1/audit')).statusCode).toBe(403);
    const page = await regional.get(`/admin/audit?entityType=accounts&entityId=${accountId}`, { accept: 'text/html' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Dziennik zmian');
    expect(page.body).toContain('utworzenie');
    expect(page.body).toContain('zmienione');
    // The role in the record's details reads as a word, not as its code.
    expect(page.body).toContain('<td>kierownik dzielnicowych</td>');
    expect(page.body).not.toContain('<td>supervisor</td>');
  });

  describe('the page, as an administrator reads a plan edit, a report and a category', () => {
    let planId: string;
    let reportId: number;
    let category: { code: string; names: { pl: string; en: string } };
    beforeAll(async () => {
      const officer = new TestClient(t.app);
      await officer.signIn(world.officerOf.a1!);
      const created = await officer.send('POST', '/api/v1/plans', {
        districtId: world.districts.a1.id,
        periodFrom: '2041-01-01',
        periodTo: '2041-06-30',
      });
      planId = created.json().id;
      const content = (await officer.get(`/api/v1/plans/${planId}`)).json().working.content;
      const edited = await officer.send('PATCH', `/api/v1/plans/${planId}`, {
        content: { ...content, goal: { ...content.goal, description: 'Mniej kradzieży rowerów przy Lipowej.' } },
      });
      expect(edited.statusCode, edited.body).toBe(200);
      const resident = new TestClient(t.app, { remoteAddress: '198.51.100.77' });
      category = ((await resident.get('/api/v1/report-categories')).json().categories as (typeof category)[]).find(
        (c) => c.names.pl === 'Nieprawidłowe parkowanie',
      )!;
      const report = await resident.send('POST', '/api/v1/reports', {
        category: category.code,
        address: world.districts.a1.address,
        email: 'jan@example.com',
      });
      expect(report.statusCode, report.body).toBe(201);
      reportId = report.json().id;
    });
    const page = async (query: string, lang = 'pl') => {
      const response = await national.get(`/admin/audit?${query}`, { accept: 'text/html', 'accept-language': lang });
      expect(response.statusCode).toBe(200);
      return response.body;
    };

    it("shows which parts of a plan's content changed, and not its derived search columns", async () => {
      const html = await page(`entityType=plans&entityId=${planId}&action=update`);
      expect(html).toContain('zmienione części: Cel');
      expect(html).not.toMatch(/search_stems|search_vector|'\p{L}+':\d+/u);
      // The "after" cell names the parts rather than only counting them.
      expect(html).not.toMatch(/<td>dane złożone[^<]*<\/td><\/tr>/);
    });

    it("reads hidden values and category codes in the page's language, and the resident as a word", async () => {
      const pl = await page(`entityType=reports&entityId=${reportId}`);
      expect(pl).toContain('<td>zmienione</td>');
      expect(pl).not.toContain('<td>changed</td>');
      expect(pl).toContain(`<td>${category.names.pl}</td>`);
      expect(pl).not.toContain(`<td>${category.code}</td>`);
      const en = await page(`entityType=reports&entityId=${reportId}`, 'en');
      expect(en).toContain('<td>changed</td>');
      expect(en).toContain(`<td>${category.names.en}</td>`);
      expect(en).toContain('resident');
      expect(en).not.toContain('mieszkaniec');
    });

    it('names a category record by its name, offers every record type, and names each nested region after its entry', async () => {
      await sql`update report_categories set position = position + 1 where id = ${category.code}`.execute(t.testDb.database.db);
      const html = await page(`entityType=report_categories&entityId=${category.code}`);
      expect(html).toContain(`>${category.names.pl}</a>`);
      const filter = (await page('pageSize=1')).match(/<select[^>]*name="entityType"[\s\S]*?<\/select>/)![0];
      for (const type of ['plan działania', 'zgłoszenie zagrożenia', 'kategoria zagrożeń', 'konto'])
        expect(filter).toContain(`>${type}</option>`);
      const labels = [...(await page('')).matchAll(/role="region" aria-label="([^"]*)"/g)].map((match) => match[1]);
      expect(labels.length).toBeGreaterThan(2);
      expect(new Set(labels).size).toBe(labels.length);
      expect(labels.slice(1).every((label) => label!.startsWith('Zmiany: '))).toBe(true);
    });
  });

  it('shows the resident in the English report history as a word, not the stored Polish label', async () => {
    const resident = new TestClient(t.app, { remoteAddress: '198.51.100.78' });
    const code = (await resident.get('/api/v1/report-categories')).json().categories[0].code;
    const report = await resident.send('POST', '/api/v1/reports', { category: code, address: world.districts.a1.address });
    const page = await regional.get(`/admin/reports/${report.json().id}`, { accept: 'text/html', 'accept-language': 'en' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('resident');
    expect(page.body).not.toContain('mieszkaniec');
  });
});
