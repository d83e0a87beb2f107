import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, createTestDatabase, type TestDatabase } from '../../../test/support/databases.js';
import { migrate, readMigrations } from './migrate.js';

/*
 * The migration that split the event's instant into a day and an optional time: reports stored
 * before it were only ever a day (the form sent a date, stored at 12:00Z; the API an instant), so
 * they become a day in Poland with no time, never midnight.
 */
const all = readMigrations();
const split = all.find((m) => m.name === 'report_event_time')!;
const category = 'vandalism';

describe.each(backends)('the event time migration on %s', (backend) => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await createTestDatabase(backend, { migrated: false });
    const db = test.database.db;
    await migrate(
      db,
      all.filter((m) => m.version < split.version),
    );
    await sql`insert into units (id, kind, name) values ('kpp-test', 'KPP', 'KPP Testowa')`.execute(db);
    await sql`insert into report_categories (id, name_pl, name_en) values (${category}, 'Akty wandalizmu', 'Vandalism')`.execute(db);
    // The form's noon UTC, an API instant late in the Polish evening (the next day in Poland), none.
    for (const at of ['2026-11-20T12:00:00Z', '2026-07-14T22:30:00Z', null]) {
      await sql`insert into reports (category_id, unit_id, address, event_at) values (${category}, 'kpp-test', 'ul. Testowa 1', ${at}::timestamptz)`.execute(
        db,
      );
    }
    await migrate(db, all);
  });
  afterAll(() => test.drop());

  it('carries old reports over as a day in Poland without a time', async () => {
    const rows = await sql<{ event_date: string | null; event_time: string | null }>`
      select event_date::text as event_date, event_time::text as event_time from reports order by id`.execute(test.database.db);
    expect(rows.rows).toEqual([
      { event_date: '2026-11-20', event_time: null },
      { event_date: '2026-07-15', event_time: null },
      { event_date: null, event_time: null },
    ]);
  });

  it('refuses a time without a day', async () => {
    const category = (await sql<{ id: string }>`select id from report_categories order by id limit 1`.execute(test.database.db)).rows[0]!
      .id;
    await expect(
      sql`insert into reports (category_id, unit_id, address, event_time) values (${category}, 'kpp-test', 'ul. Testowa 1', '21:30')`.execute(
        test.database.db,
      ),
    ).rejects.toThrow(/reports_event_time_needs_date/);
  });
});
