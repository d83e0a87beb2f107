import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { backends } from '../../../test/support/databases.js';
import { TestClient, type TestApp, createTestApp } from '../../../test/support/app.js';
import { world } from '../../../test/support/world.js';
import { defaultFloodSettings, floodSettingsKey } from './rules/index.js';

const district3 = world.districts.a1.point;
const url = '/api/v1/settings/report-floods';

describe.each(backends)('flood limits of threat reports as settings on %s', (backend) => {
  let t: TestApp;
  let ip = 0;
  const as: Record<string, TestClient> = {};
  const resident = () => new TestClient(t.app, { headers: { 'x-forwarded-for': `10.9.0.${++ip}` } });
  const stored = async () =>
    (await t.testDb.database.db.selectFrom('app_settings').select('value').where('key', '=', floodSettingsKey).executeTakeFirst())?.value;

  beforeAll(async () => {
    t = await createTestApp(backend, { TRUST_PROXY: '1' });
    for (const login of [
      world.accounts.nationalAdmin.login,
      world.accounts.voivodeshipAdmin.login,
      world.accounts.supervisorA.login,
      world.accounts.officerA1.login,
    ]) {
      as[login] = new TestClient(t.app, { headers: { 'x-forwarded-for': '203.0.113.9' } });
      await as[login].signIn(login);
    }
  });
  afterAll(() => t.close());
  // Each test starts from the default limits, whichever test changed them before (through the app,
  // which keeps the settings it read for a few seconds).
  beforeEach(async () => {
    const reset = await as[world.accounts.nationalAdmin.login]!.send('PATCH', url, defaultFloodSettings);
    expect(reset.statusCode).toBe(200);
  });

  it('shows the limits in force with the defaults to supervisors, not to officers or anonymous callers', async () => {
    const read = await as[world.accounts.supervisorA.login]!.get(url);
    expect(read.statusCode).toBe(200);
    expect(read.json()).toEqual({ settings: defaultFloodSettings, defaults: defaultFloodSettings });
    expect((await as[world.accounts.officerA1.login]!.get(url)).statusCode).toBe(403);
    expect((await resident().get(url)).statusCode).toBe(401);
  });

  it('lets only a national administrator change them', async () => {
    const regional = await as[world.accounts.voivodeshipAdmin.login]!.send('PATCH', url, { categoryPerHour: 50 });
    expect(regional.statusCode).toBe(403);
    expect(regional.json().error.message).toBe(
      'Limity napływu zgłoszeń zmienia tylko administrator krajowy (jednostki najwyższego szczebla).',
    );
    expect((await as[world.accounts.supervisorA.login]!.send('PATCH', url, { categoryPerHour: 50 })).statusCode).toBe(403);
    expect(await stored()).toEqual(defaultFloodSettings);
  });

  it('refuses a limit that is switched off or not a whole number, naming the field, and stores nothing', async () => {
    for (const body of [
      { categoryPerHour: 0 },
      { mailedPerHour: 1.5 },
      { digestMinutes: 100_000 },
      { districtPerHour: '9' },
      { hourlyCap: 3 },
      {},
    ]) {
      const refused = await as[world.accounts.nationalAdmin.login]!.send('PATCH', url, body, { 'accept-language': 'en' });
      expect(refused.statusCode, JSON.stringify(body)).toBe(400);
      expect(refused.json().error.code).toBe('validation_failed');
    }
    expect(await stored()).toEqual(defaultFloodSettings);
  });

  it('applies a change at once to the next submissions and records it in the audit log', async () => {
    const changed = await as[world.accounts.nationalAdmin.login]!.send('PATCH', url, { categoryPerHour: 1, districtPerHour: 1 });
    expect(changed.statusCode).toBe(200);
    expect(changed.json().settings).toEqual({ ...defaultFloodSettings, categoryPerHour: 1, districtPerHour: 1 });
    expect(await stored()).toEqual({ ...defaultFloodSettings, categoryPerHour: 1, districtPerHour: 1 });

    const categories = (await resident().get('/api/v1/report-categories')).json().categories as { code: string; names: { pl: string } }[];
    const parking = categories.find((c) => c.names.pl === 'Nieprawidłowe parkowanie')!.code;
    const ids: number[] = [];
    for (let i = 0; i < 2; i++) {
      const sent = await resident().send('POST', '/api/v1/reports', { category: parking, lat: district3.lat, lon: district3.lon });
      expect(sent.statusCode).toBe(201);
      ids.push(sent.json().id);
    }
    const holds = await t.testDb.database.db.selectFrom('reports').select(['id', 'hold']).where('id', 'in', ids).orderBy('id').execute();
    expect(holds.map((r) => r.hold)).toEqual([null, 'held']);

    const audit = (await as[world.accounts.nationalAdmin.login]!.get('/api/v1/audit?action=settings.update')).json().entries as {
      entityId: string;
      before: unknown;
      after: unknown;
    }[];
    const entry = audit.find((e) => e.entityId === floodSettingsKey);
    expect(entry).toMatchObject({ before: defaultFloodSettings, after: { categoryPerHour: 1, districtPerHour: 1 } });
  });
});
