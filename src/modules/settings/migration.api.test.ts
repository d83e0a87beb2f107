import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, createTestDatabase, type TestDatabase } from '../../../test/support/databases.js';
import { migrate, readMigrations } from '../../platform/db/migrate.js';
import { readSetting, readSettingsAs } from './read-settings.js';

/** The migration that made setting_values, found by its name (its number changes when branches merge). */
const all = readMigrations();
const settingsMigration = all.find((m) => m.name.includes('setting_values'))!;

describe.each(backends)('settings kept in app_settings before, carried into setting_values on %s', (backend) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(backend, { migrated: false });
    await migrate(
      t.database.db,
      all.filter((m) => m.version < settingsMigration.version),
    );
    // An installation that changed its settings the old way: a longer take-up, a damaged retention time.
    await sql`update app_settings set value = '{"takeUpDays": 7, "verifyDays": 5}' where key = 'report_settings'`.execute(t.database.db);
    await sql`insert into app_settings (key, value) values ('retention_settings', '{"outboxDays": 45, "reporterIpDays": "x"}')`.execute(
      t.database.db,
    );
    await migrate(t.database.db, all);
  });
  afterAll(() => t.drop());

  it('keeps each changed value as the national one, and a damaged value falls back to the default', async () => {
    expect(await readSetting(t.database.db, 'reports.takeUpDays')).toBe(7);
    expect(await readSettingsAs(t.database.db, { outbox: 'retention.outboxDays', ip: 'retention.reporterIpDays' })).toEqual({
      outbox: 45,
      ip: 30,
    });
    const carried = await t.database.db
      .selectFrom('setting_values')
      .select(['id', 'unit_id', 'value'])
      .where('id', 'like', 'retention.%')
      .orderBy('id')
      .execute();
    expect(carried).toEqual([
      { id: 'retention.outboxDays', unit_id: null, value: 45 },
      { id: 'retention.reporterIpDays', unit_id: null, value: 'x' },
    ]);
  });

  it('keeps no row for a value an installation only got as its default (0027), and keeps the chosen ones', async () => {
    const national = await t.database.db
      .selectFrom('setting_values')
      .select(['id', 'value'])
      .where('unit_id', 'is', null)
      .where('id', 'like', 'reports.%')
      .orderBy('id')
      .execute();
    // takeUpDays was changed to 7 the old way; verifyDays and the flood limits were only installed
    expect(national).toEqual([{ id: 'reports.takeUpDays', value: 7 }]);
    expect(await readSetting(t.database.db, 'reports.verifyDays')).toBe(5);
  });

  it('leaves no old row of the five groups to be read another way', async () => {
    const left = await t.database.db
      .selectFrom('app_settings')
      .select('key')
      .where('key', 'in', ['report_flood_settings', 'report_settings', 'plan_settings', 'retention_settings', 'dashboard_settings'])
      .execute();
    expect(left).toEqual([]);
  });
});
