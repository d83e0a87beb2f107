import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { backends, describeOnServer } from '../../../test/support/databases.js';
import { TestClient, appOn, csrfFromHtml, type TestApp, createTestApp } from '../../../test/support/app.js';
import { WORLD_PASSWORD, world } from '../../../test/support/world.js';
import { openDatabase } from '../../platform/db/database.js';
import { settingIds } from './catalog.js';

const url = '/api/v1/admin/settings';
const zalesie = world.units.voivodeship.id;
const pojezierze = world.units.otherVoivodeship.id;

describe.each(backends)('settings an administrator can change, on %s', (backend) => {
  let t: TestApp;
  let ip = 0;
  let year = 2040;
  const as: Record<string, TestClient> = {};
  const national = () => as[world.accounts.nationalAdmin.login]!;
  const regional = () => as[world.accounts.voivodeshipAdmin.login]!;
  const resident = () => new TestClient(t.app, { headers: { 'x-forwarded-for': `10.8.0.${++ip}` } });
  const stored = () =>
    t.testDb.database.db.selectFrom('setting_values').select(['id', 'unit_id', 'value']).orderBy('id').orderBy('unit_id').execute();
  const auditCount = async () =>
    Number(
      (
        await t.testDb.database.db
          .selectFrom('audit_log')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  /** A plan of five months in a new half-year of the district, by someone who may start one there. */
  const fiveMonthPlan = (client: TestClient, districtId: string) => {
    year++;
    return client.send('POST', '/api/v1/plans', { districtId, periodFrom: `${year}-01-01`, periodTo: `${year}-05-31` });
  };

  beforeAll(async () => {
    t = await createTestApp(backend, { TRUST_PROXY: '1' });
    for (const account of [
      world.accounts.nationalAdmin,
      world.accounts.voivodeshipAdmin,
      world.accounts.supervisorA,
      world.accounts.supervisorC,
      world.accounts.officerA1,
    ]) {
      as[account.login] = new TestClient(t.app, { headers: { 'x-forwarded-for': '203.0.113.7' } });
      await as[account.login]!.signIn(account);
    }
  });
  afterAll(() => t.close());
  // Every test starts from the defaults, through the API (so the app's cached values follow).
  beforeEach(async () => {
    for (const row of await stored()) {
      const reset = row.unit_id
        ? await national().send('DELETE', `${url}/${row.id}?unitId=${row.unit_id}`)
        : await national().send('PUT', `${url}/${row.id}`, { value: null });
      expect(reset.statusCode, row.id).toBeLessThan(300);
    }
  });

  it('lists every setting with its default, range and regulation to administrators only', async () => {
    const listed = await national().get(url);
    expect(listed.statusCode).toBe(200);
    const settings = listed.json().settings as { id: string; default: unknown; national: { value: unknown; changedAt: unknown } }[];
    expect(settings.map((s) => s.id)).toEqual(settingIds);
    const takeUp = settings.find((s) => s.id === 'reports.takeUpDays')!;
    expect(takeUp).toMatchObject({ default: 3, min: 1, max: 90, unit: 'days', tighten: 'lower', national: { value: 3, changedAt: null } });
    expect((await regional().get(url)).statusCode).toBe(200);
    expect((await as[world.accounts.supervisorA.login]!.get(url)).statusCode).toBe(403);
    expect((await as[world.accounts.officerA1.login]!.get(url)).statusCode).toBe(403);
    expect((await resident().get(url)).statusCode).toBe(401);
  });

  it('applies a national change to the next request, without a restart, and audits it with the value before', async () => {
    const categories = (await resident().get('/api/v1/report-categories')).json().categories as { code: string; names: { pl: string } }[];
    const parking = categories.find((c) => c.names.pl === 'Nieprawidłowe parkowanie')!.code;
    const point = world.districts.a1.point;
    const send = async () =>
      (await resident().send('POST', '/api/v1/reports', { category: parking, lat: point.lat, lon: point.lon })).json().id as number;
    const before = await send();
    const changed = await national().send('PUT', `${url}/reports.categoryPerHour`, { value: 1 });
    expect(changed.statusCode).toBe(200);
    expect(changed.json().national).toMatchObject({ value: 1, changedBy: world.accounts.nationalAdmin.displayName });
    const after = await send();
    const holds = await t.testDb.database.db
      .selectFrom('reports')
      .select(['id', 'hold'])
      .where('id', 'in', [before, after])
      .orderBy('id')
      .execute();
    // The first report of the hour went through; the second is one over the new limit of 1.
    expect(holds.map((r) => r.hold)).toEqual([null, 'held']);
    const audit = (await national().get('/api/v1/audit?action=settings.update')).json().entries as {
      entityId: string;
      before: unknown;
      after: unknown;
    }[];
    expect(audit.find((e) => e.entityId === 'reports.categoryPerHour')).toMatchObject({ before: { value: null }, after: { value: 1 } });
  });

  it('opens the locator map and the report map where the map settings say, on the next request', async () => {
    const firstView = async (path: string) =>
      /data-center="([^"]+)"[^>]*data-zoom="(\d+)"/.exec((await resident().get(path)).body)?.slice(1);
    const before = await firstView('/');
    expect(before).toEqual(await firstView('/zgloszenia'));
    for (const [id, value] of [
      ['map.centreLatitude', 51.25],
      ['map.centreLongitude', 22.57],
      ['map.zoom', 9],
    ] as const)
      expect((await national().send('PUT', `${url}/${id}`, { value })).statusCode).toBe(200);
    expect(await firstView('/')).toEqual(['51.25,22.57', '9']);
    expect(await firstView('/zgloszenia')).toEqual(['51.25,22.57', '9']);
    expect(before).not.toEqual(['51.25,22.57', '9']);
  });

  it('lets a voivodeship tighten a setting for its own units only; another voivodeship keeps the national value', async () => {
    expect((await fiveMonthPlan(as[world.accounts.officerA1.login]!, world.districts.a1.id)).statusCode).toBe(201);
    const tightened = await regional().send('PUT', `${url}/plans.maxPeriodMonths`, { value: 3, unitId: zalesie });
    expect(tightened.statusCode).toBe(200);
    expect(tightened.json().voivodeships).toEqual([expect.objectContaining({ unitId: zalesie, value: 3 })]);
    const refused = await fiveMonthPlan(as[world.accounts.officerA1.login]!, world.districts.a1.id);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.code).toBe('invalid_period');
    expect((await fiveMonthPlan(as[world.accounts.supervisorC.login]!, world.districts.c1.id)).statusCode).toBe(201);
    // Removed: its units follow the national value again.
    expect((await regional().send('DELETE', `${url}/plans.maxPeriodMonths?unitId=${zalesie}`)).statusCode).toBe(204);
    expect((await fiveMonthPlan(as[world.accounts.officerA1.login]!, world.districts.a1.id)).statusCode).toBe(201);
    expect((await regional().send('DELETE', `${url}/plans.maxPeriodMonths?unitId=${zalesie}`)).statusCode).toBe(404);
  });

  it('refuses loosening, national-only settings, other units and bad values with a 4xx naming the field, storing nothing', async () => {
    const audited = await auditCount();
    const cases: [TestClient, string, object, number, string][] = [
      [regional(), 'reports.takeUpDays', { value: 5, unitId: zalesie }, 400, 'województwo może tylko zaostrzyć'],
      [regional(), 'reports.takeUpDays', { value: 3, unitId: zalesie }, 400, 'musi być mniejsza'],
      [regional(), 'reports.perIpPerDay', { value: 1, unitId: zalesie }, 400, 'jedno dla całego kraju'],
      [regional(), 'reports.takeUpDays', { value: 2, unitId: world.units.a.id }, 400, 'tylko komenda wojewódzka'],
      [regional(), 'reports.takeUpDays', { value: 2, unitId: pojezierze }, 403, ''],
      [regional(), 'reports.takeUpDays', { value: 2 }, 403, 'administrator krajowy'],
      [national(), 'reports.takeUpDays', { value: 0 }, 400, 'od 1 do 90'],
      [national(), 'reports.takeUpDays', { value: 2.5 }, 400, 'liczbą całkowitą'],
      [national(), 'reports.noSuchThing', { value: 2 }, 400, 'Nie ma ustawienia'],
      [national(), 'dashboard.reminderDays', { value: [3, 3] }, 400, 'różnych'],
      [national(), 'reports.perIpPer10Minutes', { value: 2 }, 400, 'limit dobowy'],
      [as[world.accounts.officerA1.login]!, 'reports.takeUpDays', { value: 2 }, 403, ''],
    ];
    for (const [client, id, body, status, text] of cases) {
      const answer = await client.send('PUT', `${url}/${id}`, body);
      expect(answer.statusCode, `${id} ${JSON.stringify(body)}`).toBe(status);
      expect(answer.json().error.message + JSON.stringify(answer.json().error.details ?? '')).toContain(text);
    }
    const english = await national().send('PUT', `${url}/reports.takeUpDays`, { value: 91 }, { 'accept-language': 'en' });
    expect(english.json().error.details).toEqual([
      expect.objectContaining({ field: 'reports.takeUpDays', message: expect.stringContaining('from 1 to 90') }),
    ]);
    expect(await stored()).toEqual([]);
    expect(await auditCount()).toBe(audited);
  });

  /** A field's hint and input on the settings page as `client` sees it. */
  const field = async (client: TestClient, id: string) => {
    const page = (await client.get('/admin/settings')).body;
    const hint = new RegExp(`id="field-${id.replace('.', '\\.')}-hint">([^<]*)<`).exec(page)?.[1];
    const input = new RegExp(`<input[^>]*name="${id.replace('.', '\\.')}"[^>]*>`).exec(page)?.[0];
    return { page, hint, input };
  };
  const zalesieName = world.units.voivodeship.name;

  it('marks a voivodeship value the stricter national one overrides as without effect, naming the unit', async () => {
    expect((await regional().send('PUT', `${url}/reports.takeUpDays`, { value: 2, unitId: zalesie })).statusCode).toBe(200);
    const listed = async () =>
      ((await national().get(url)).json().settings as { id: string; voivodeships: object[] }[]).find((s) => s.id === 'reports.takeUpDays')!
        .voivodeships;
    expect(await listed()).toEqual([expect.objectContaining({ unitId: zalesie, unitName: zalesieName, inEffect: true })]);
    const active = (await field(national(), 'reports.takeUpDays')).page;
    expect(active).toContain(`${zalesieName}: 2 dni`);
    expect(active).not.toContain('nie działa');
    expect(active).not.toContain(`, ${zalesie}:`);
    // The national value is lowered below the voivodeship's: Zalesie's 2 days stay stored but do nothing.
    expect((await national().send('PUT', `${url}/reports.takeUpDays`, { value: 1 })).statusCode).toBe(200);
    expect(await listed()).toEqual([expect.objectContaining({ unitId: zalesie, inEffect: false })]);
    expect((await field(national(), 'reports.takeUpDays')).page).toContain('nie działa: wartość krajowa jest surowsza');
    const english = await national().get('/admin/settings', { 'accept-language': 'en' });
    expect(english.body).toContain('no effect: the national value is stricter');
    expect((await field(regional(), 'reports.takeUpDays')).hint).toContain('Zapisana wartość województwa nie działa');
  });

  it('tells a voivodeship administrator the range stricter than the national value, and gives numeric keyboards', async () => {
    const takeUp = await field(regional(), 'reports.takeUpDays');
    expect(takeUp.hint).toContain('Od 1 do 2.');
    expect(takeUp.input).toMatch(/inputmode="numeric"/i);
    expect((await field(regional(), 'plans.submitDaysBeforeStart')).hint).toContain('Od 15 do 90.');
    expect((await national().send('PUT', `${url}/reports.takeUpDays`, { value: 6 })).statusCode).toBe(200);
    expect((await field(regional(), 'reports.takeUpDays')).hint).toContain('Od 1 do 5.');
    // The national administrator keeps the catalogue's range.
    expect((await field(national(), 'reports.takeUpDays')).hint).toContain('Od 1 do 90.');
    expect((await field(national(), 'map.centreLatitude')).input).toMatch(/inputmode="decimal"/i);
    expect((await field(national(), 'dashboard.reminderDays')).input).not.toMatch(/inputmode/i);
    // At the strictest national value a voivodeship has nothing left to type.
    expect((await national().send('PUT', `${url}/reports.takeUpDays`, { value: 1 })).statusCode).toBe(200);
    const none = await field(regional(), 'reports.takeUpDays');
    expect(none.hint).toContain('nie może jej zaostrzyć');
    expect(none.hint).not.toContain('Od 1 do');
  });

  it('lets a national administrator change a voivodeship’s tightening on the page, as its own administrator would', async () => {
    const choice = (await national().get('/admin/settings')).body;
    expect(choice).toMatch(new RegExp(`<option value="${zalesie}"[^>]*>${zalesieName}</option>`));
    const page = await national().get(`/admin/settings?wojewodztwo=${zalesie}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`${zalesieName}: zaostrzenia dla jednostek tej komendy, tak jak widzi je jej administrator.`);
    expect(page.body).toMatch(new RegExp(`<input type="hidden" name="unitId" value="${zalesie}"/>`));
    expect(page.body).toContain('Wróć do wartości krajowych');
    const takeUp = new RegExp('id="field-reports\\.takeUpDays-hint">([^<]*)<').exec(page.body)?.[1];
    expect(takeUp).toContain('Od 1 do 2.');
    const takeUpFor = (unitId: string, days: string) =>
      national().postForm('/admin/settings', { _csrf: csrfFromHtml(page.body), group: 'verification', unitId, 'reports.takeUpDays': days });
    const sent = await takeUpFor(zalesie, '2');
    expect(sent.statusCode).toBe(303);
    expect(sent.headers.location).toBe(`/admin/settings?wojewodztwo=${zalesie}&notice=saved#verification`);
    expect(await stored()).toEqual([{ id: 'reports.takeUpDays', unit_id: zalesie, value: 2 }]);
    const own = await field(regional(), 'reports.takeUpDays');
    expect(own.input).toMatch(/value="2"/);
    // who changed the voivodeship's value, and when, as national values say it
    expect(own.hint).toMatch(/Ostatnia zmiana: [^,]+, \d{1,2}\.\d{2}\.\d{4}/);
    // not a number: the error names the range this form offers, not the catalogue's
    const word = await takeUpFor(zalesie, 'abc');
    expect(word.statusCode).toBe(400);
    expect(word.body).toContain('liczbą całkowitą od 1 do 2');
    // Loosening is refused for the national administrator too, on the page, with the value kept as typed.
    const looser = await takeUpFor(zalesie, '5');
    expect(looser.statusCode).toBe(400);
    expect(looser.body).toContain('województwo może tylko zaostrzyć');
    expect(await stored()).toEqual([{ id: 'reports.takeUpDays', unit_id: zalesie, value: 2 }]);
    // No such voivodeship command: 404; another voivodeship asked by a voivodeship administrator: 403.
    expect((await national().get('/admin/settings?wojewodztwo=nie-ma-takiej')).statusCode).toBe(404);
    expect((await national().get(`/admin/settings?wojewodztwo=${world.units.a.id}`)).statusCode).toBe(404);
    expect((await regional().get(`/admin/settings?wojewodztwo=${pojezierze}`)).statusCode).toBe(403);
    // a form naming a county unit is no voivodeship's: 404, nothing stored
    expect((await takeUpFor(world.units.a.id, '1')).statusCode).toBe(404);
    expect(await stored()).toEqual([{ id: 'reports.takeUpDays', unit_id: zalesie, value: 2 }]);
    expect((await regional().get(`/admin/settings?wojewodztwo=${zalesie}`)).statusCode).toBe(200);
  });

  it('names a settings change in the audit log by its label and its scope, national or the voivodeship', async () => {
    expect((await regional().send('PUT', `${url}/attachments.maxFiles`, { value: 1, unitId: zalesie })).statusCode).toBe(200);
    expect((await national().send('PUT', `${url}/attachments.maxFiles`, { value: 2 })).statusCode).toBe(200);
    const entries = (await national().get('/api/v1/audit?entityType=setting&entityId=attachments.maxFiles')).json().entries as {
      unitId: string | null;
    }[];
    expect(entries.map((e) => e.unitId)).toEqual([null, zalesie]);
    const page = (await national().get('/admin/audit?entityType=setting')).body;
    expect(page).toContain(`Liczba załączników zgłoszenia (${zalesieName})`);
    expect(page).toContain('Liczba załączników zgłoszenia (krajowe)');
    expect(page).not.toContain('attachme…');
    const english = (await national().get('/admin/audit?entityType=setting', { 'accept-language': 'en' })).body;
    expect(english).toContain('Attachments per report (national)');
  });

  it('counts reports per client with the per-IP limits in force at each report, the burst one first', async () => {
    const category = (
      (await resident().get('/api/v1/report-categories')).json().categories as { code: string; names: { pl: string } }[]
    ).find((c) => c.names.pl === 'Nieprawidłowe parkowanie')!.code;
    const client = resident();
    const point = world.districts.b1.point;
    const send = (i: number) => client.send('POST', '/api/v1/reports', { category, lat: point.lat + i * 0.0003, lon: point.lon });
    expect((await national().send('PUT', `${url}/reports.perIpPerDay`, { value: 3 })).statusCode).toBe(200);
    expect((await send(0)).statusCode).toBe(201);
    // The burst limit is still 1 in 10 minutes.
    const burst = await send(1);
    expect(burst.statusCode).toBe(429);
    expect(burst.json().error.message).toContain('1 zgłoszenie na 10 minut');
    expect((await national().send('PUT', `${url}/reports.perIpPer10Minutes`, { value: 3 })).statusCode).toBe(200);
    expect((await send(2)).statusCode).toBe(201);
    expect((await send(3)).statusCode).toBe(201);
    const daily = await send(4);
    expect(daily.statusCode).toBe(429);
    expect(daily.json().error.message).toContain('3 zgłoszenia na dobę');
  });

  it('takes the burst limit and the daily one together when the daily one is raised first', async () => {
    expect((await national().send('PUT', `${url}/reports.perIpPerDay`, { value: 5 })).statusCode).toBe(200);
    expect((await national().send('PUT', `${url}/reports.perIpPer10Minutes`, { value: 2 })).statusCode).toBe(200);
    const lowered = await national().send('PUT', `${url}/reports.perIpPerDay`, { value: 1 });
    expect(lowered.statusCode).toBe(400);
    expect(lowered.json().error.details[0].field).toBe('reports.perIpPer10Minutes');
  });
});

describeOnServer('a setting changed through one instance', () => {
  let first: TestApp;
  let second: TestApp;
  beforeAll(async () => {
    first = await createTestApp('postgres');
    const database = await openDatabase({ kind: 'postgres', url: first.testDb.url! });
    second = await appOn({ ...first.testDb, database, drop: () => database.close() }, {}, WORLD_PASSWORD);
  });
  afterAll(async () => {
    await second?.close();
    await first?.close();
  });

  it('holds on the other instance at once, through the shared change bus', async () => {
    const read = async (app: TestApp) => {
      const client = new TestClient(app.app);
      await client.signIn(world.accounts.nationalAdmin);
      return (await client.get(url)).json().settings.find((s: { id: string }) => s.id === 'reports.verifyDays').national.value as number;
    };
    // Both have read (and keep) the value before the change.
    expect([await read(first), await read(second)]).toEqual([5, 5]);
    const admin = new TestClient(first.app);
    await admin.signIn(world.accounts.nationalAdmin);
    expect((await admin.send('PUT', `${url}/reports.verifyDays`, { value: 4 })).statusCode).toBe(200);
    await expect.poll(() => read(second)).toBe(4);
  });
});
