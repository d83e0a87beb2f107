import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, describeOnServer, type TestDatabase } from '../../../test/support/databases.js';
import { openDatabase, type Database } from '../../platform/db/database.js';
import { ensureCategories } from '../reports/manage-categories.js';
import { runRetention, type RetentionRun } from './erase.js';
import { defaultRetentionSettings } from './rules.js';

const REPORTS = 600;

// Races need real concurrency: the PostgreSQL server only (PGlite serialises everything).
describeOnServer('concurrent retention runs on the PostgreSQL server', () => {
  let t: TestDatabase;
  const instances: Database[] = [];

  beforeAll(async () => {
    t = await createTestDatabase('postgres');
    const db = t.database.db;
    await sql`insert into units (id, kind, name) values ('kgp', 'KGP', 'Komenda Główna Policji')`.execute(db);
    await ensureCategories(db);
    const [category] = (await sql<{ id: string }>`select id from report_categories order by id limit 1`.execute(db)).rows;
    // Reports closed 300 days ago (past every default time), each with all its personal data.
    await sql`insert into reports (category_id, unit_id, status, position, public_position, address, description, email, reporter_ip, created_at, closed_at)
      select ${category!.id}, 'kgp', 'not_confirmed', point(22.6 + i * 1e-5, 51.4), point(22.6, 51.4), 'Lubartów, ul. Lubelska ' || i, 'Opis ' || i, null,
        '10.0.' || (i / 250) || '.' || (i % 250), now() - interval '400 days', now() - interval '300 days'
      from generate_series(1, ${REPORTS}) i`.execute(db);
    await sql`insert into report_events (report_id, actor_label, kind, to_status, note) select id, 'x', 'status', 'not_confirmed', 'Notatka ' || id from reports`.execute(
      db,
    );
    await sql`insert into report_confirmations (report_id, reporter_ip, created_at) select id, '10.1.0.1', now() - interval '40 days' from reports`.execute(
      db,
    );
    await sql`insert into audit_log (at, actor_label, action, entity_type, entity_id, after, ip)
      select now() - interval '400 days', 'mieszkaniec', 'insert', 'reports', id::text, jsonb_build_object('description', description, 'address', address), '10.2.0.1' from reports`.execute(
      db,
    );
    for (let i = 0; i < 3; i++) instances.push(await openDatabase({ kind: 'postgres', url: t.url! }));
  });
  afterAll(async () => {
    await Promise.all(instances.map((d) => d.close()));
    await t.drop();
  });

  it('share the work without waiting on each other: nothing erased twice, nothing left, no deadlock', async () => {
    // Three instances at once, in small batches, so their transactions interleave many times.
    const runs: RetentionRun[] = await Promise.all(
      instances.map((database) => runRetention(database, { batchSize: 20, settings: defaultRetentionSettings })),
    );
    const total = (piece: keyof RetentionRun['counts']) => runs.reduce((sum, run) => sum + run.counts[piece], 0);
    for (const piece of [
      'reportDescription',
      'reportAddress',
      'reportExactPoint',
      'reportNotes',
      'reporterIp',
      'confirmationIp',
    ] as const) {
      expect({ piece, erased: total(piece) }).toEqual({ piece, erased: REPORTS });
    }
    expect(total('auditCopies')).toBe(REPORTS * 2);
    expect(total('residentAuditIp')).toBe(REPORTS);
    // More than one instance did some of the work.
    expect(runs.filter((run) => run.counts.reportDescription > 0).length).toBeGreaterThan(1);

    const db = t.database.db;
    const left = await sql<{ n: number }>`select count(*)::int as n from reports
      where description <> '' or address is not null or position is not null or reporter_ip is not null or not (erased ? 'notes')`.execute(
      db,
    );
    expect(left.rows[0]!.n).toBe(0);
    const notes = await sql<{ n: number }>`select count(*)::int as n from report_events where note is not null`.execute(db);
    expect(notes.rows[0]!.n).toBe(0);
    const copies = await sql<{
      n: number;
    }>`select count(*)::int as n from audit_log where after->>'description' like 'Opis %' or ip = '10.2.0.1'`.execute(db);
    expect(copies.rows[0]!.n).toBe(0);
    const events = await sql<{ n: number }>`select count(*)::int as n from audit_log where action = 'retention.erase'`.execute(db);
    expect(events.rows[0]!.n).toBe(3);
  });
});
