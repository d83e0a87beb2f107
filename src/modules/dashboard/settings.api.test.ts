import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { backends } from '../../../test/support/databases.js';
import { TestClient, browserFor, createTestApp, csrfFromHtml, type TestApp } from '../../../test/support/app.js';
import { world } from '../../../test/support/world.js';
import { dashboardSettingsKey, defaultDashboardSettings } from './rules.js';

const api = '/api/v1/settings/dashboard';
const page = '/admin/dashboard/settings';

describe.each(backends)('the dashboard and reminder settings on %s', (backend) => {
  let t: TestApp;
  const as: Record<string, TestClient> = {};
  const stored = async () =>
    (await t.testDb.database.db.selectFrom('app_settings').select('value').where('key', '=', dashboardSettingsKey).executeTakeFirst())
      ?.value;

  beforeAll(async () => {
    t = await createTestApp(backend);
    for (const who of [
      world.accounts.nationalAdmin,
      world.accounts.voivodeshipAdmin,
      world.accounts.supervisorA,
      world.accounts.officerA1,
    ]) {
      as[who.login] = new TestClient(t.app);
      await as[who.login]!.signIn(who.login);
    }
  });
  afterAll(() => t.close());
  beforeEach(async () => {
    expect((await as[world.accounts.nationalAdmin.login]!.send('PATCH', api, defaultDashboardSettings)).statusCode).toBe(200);
  });
  const national = () => as[world.accounts.nationalAdmin.login]!;

  it('shows the settings with their defaults to a national administrator', async () => {
    const read = await national().get(api);
    expect(read.statusCode).toBe(200);
    expect(read.json()).toEqual({ settings: defaultDashboardSettings, defaults: defaultDashboardSettings });
  });

  it('lets a national administrator change them, storing the reminder days furthest first, with an audit record', async () => {
    const changed = await national().send('PATCH', api, { reminderDays: [1, 14, 0] });
    expect(changed.statusCode).toBe(200);
    expect(changed.json().settings).toEqual({ soonDays: defaultDashboardSettings.soonDays, reminderDays: [14, 1, 0] });
    expect(await stored()).toEqual({ soonDays: defaultDashboardSettings.soonDays, reminderDays: [14, 1, 0] });
    const audit = await t.testDb.database.db
      .selectFrom('audit_log')
      .select(['action'])
      .where('entity_id', '=', dashboardSettingsKey)
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(audit.action).toBe('settings.update');
  });

  it('refuses bad values with 400 and a Polish message naming the field, and stores nothing', async () => {
    for (const [body, field] of [
      [{ soonDays: 0 }, 'soonDays'],
      [{ soonDays: 61 }, 'soonDays'],
      [{ reminderDays: [61] }, 'reminderDays'],
      [{ reminderDays: [-1] }, 'reminderDays'],
      [{ reminderDays: [2, 2] }, 'reminderDays'],
      [{ reminderDays: [1, 2, 3, 4, 5, 6] }, 'reminderDays'],
      [{ reminderDays: '7' }, 'reminderDays'],
      [{ other: 1 }, 'other'],
    ] as const) {
      const response = await national().send('PATCH', api, body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(JSON.stringify(response.json()), JSON.stringify(body)).toContain(field);
    }
    expect(await stored()).toEqual(defaultDashboardSettings);
  });

  it('refuses officers, supervisors and regional administrators (403) and anonymous callers (401)', async () => {
    for (const login of [world.accounts.officerA1.login, world.accounts.supervisorA.login]) {
      expect((await as[login]!.get(api)).statusCode).toBe(403);
      expect((await as[login]!.send('PATCH', api, { soonDays: 3 })).statusCode).toBe(403);
    }
    const regional = await as[world.accounts.voivodeshipAdmin.login]!.send('PATCH', api, { soonDays: 3 });
    expect(regional.statusCode).toBe(403);
    expect(regional.json().error.message).toBe(
      'Ustawienia tablicy i przypomnień zmienia tylko administrator krajowy (jednostki najwyższego szczebla).',
    );
    expect((await new TestClient(t.app).get(api)).statusCode).toBe(401);
    expect(await stored()).toEqual(defaultDashboardSettings);
  });

  it('has a page whose form saves the settings and shows bad values back with a Polish error', async () => {
    const { client } = await browserFor(t, world.accounts.nationalAdmin);
    const form = await client.get(page);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('value="7, 1"');
    const bad = await client.postForm(page, { soonDays: '7', reminderDays: '7, jutro' }, csrfFromHtml(form.body));
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Dni przypomnień muszą być liczbami całkowitymi od 0 do 60, oddzielonymi przecinkami.');
    expect(bad.body).toContain('value="7, jutro"');
    expect(await stored()).toEqual(defaultDashboardSettings);
    const good = await client.postForm(page, { soonDays: '10', reminderDays: '3 14' }, csrfFromHtml(form.body));
    expect(good.statusCode).toBe(303);
    expect(await stored()).toEqual({ soonDays: 10, reminderDays: [14, 3] });
    expect((await client.get(good.headers.location as string)).body).toContain('Ustawienia zapisano.');
  });

  it('refuses the page to an officer (403)', async () => {
    const { client } = await browserFor(t, world.accounts.officerA1);
    expect((await client.get(page)).statusCode).toBe(403);
  });

  it('links the page from the staff start page only for those it opens to, not a regional administrator', async () => {
    for (const [who, linked] of [
      [world.accounts.nationalAdmin, true],
      [world.accounts.voivodeshipAdmin, false],
      [world.accounts.supervisorA, false],
    ] as const) {
      const { client, token } = await browserFor(t, who);
      const home = await client.get('/admin');
      expect(home.statusCode).toBe(200);
      // Both administrators see the cards their role opens (accounts), so the page was the full one.
      if (who.role === 'admin') expect(home.body).toContain('href="/admin/accounts"');
      expect(home.body.includes(`href="${page}"`), who.login).toBe(linked);
      // Why: saving is the national administrator's alone.
      const days = linked ? '9' : '11';
      const saved = await client.postForm(page, { soonDays: days, reminderDays: `${days}, 2` }, token);
      expect(saved.statusCode, who.login).toBe(linked ? 303 : 403);
    }
    // The national administrator's save (the first) stands; the others stored nothing.
    expect(await stored()).toEqual({ soonDays: 9, reminderDays: [9, 2] });
  });
});
