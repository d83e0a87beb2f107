/**
 * Benchmark of the retention job (BENCH_ONLY=retention): a database of BENCH_RETENTION_REPORTS
 * reports (100,000 by default) whose personal data is mostly past its time, as on the day the job
 * is first switched on, and the run that erases it on both back ends; then a second run with
 * nothing due, which is what every hourly run costs afterwards.
 */
import { sql } from 'kysely';
import type { DatabaseTarget } from '../src/platform/config/config.js';
import { openDatabase, type Database } from '../src/platform/db/database.js';
import { migrate } from '../src/platform/db/migrate.js';
import { ensureCategories } from '../src/modules/reports/manage-categories.js';
import { runRetention } from '../src/modules/privacy/index.js';
import { type RetentionRun } from '../src/modules/privacy/erase.js';
import { fmt, onEmbeddedDatabase, onServerDatabase } from './harness.js';

const reportCount = Number(process.env.BENCH_RETENTION_REPORTS ?? 100_000);

/**
 * Reports made 200–700 days ago; four in five closed 190–400 days ago (past the default 180 days),
 * half placed by point and half by address, each with a description, an IP address, a police note,
 * an audit entry as the trigger wrote it before migration 0011, and every fifth with a "me too".
 */
async function fill(database: Database): Promise<void> {
  const db = database.db;
  await migrate(db);
  await sql`insert into units (id, kind, name) values ('kgp', 'KGP', 'Komenda Główna Policji') on conflict do nothing`.execute(db);
  await ensureCategories(db);
  // A bulk load of synthetic data, not changes people made: the audit trigger sits this one out.
  await sql`alter table reports disable trigger reports_audit`.execute(db);
  const batch = 20_000;
  for (let from = 1; from <= reportCount; from += batch) {
    const to = Math.min(reportCount, from + batch - 1);
    await sql`insert into reports (category_id, unit_id, status, position, public_position, address, description, reporter_ip, created_at, closed_at)
      select 'illegal-dumping', 'kgp', case when i % 5 = 0 then 'verifying' else 'not_confirmed' end,
        case when i % 2 = 0 then point(22.6 + (i % 1000) * 1e-4, 51.4) end, case when i % 2 = 0 then point(22.6, 51.4) end,
        case when i % 2 = 1 then 'Lubartów, ul. Lubelska ' || (i % 200) end, 'Opis zgłoszenia numer ' || i,
        '10.' || (i / 65536) % 256 || '.' || (i / 256) % 256 || '.' || i % 256,
        now() - interval '1 day' * (200 + i % 500), case when i % 5 <> 0 then now() - interval '1 day' * (190 + i % 210) end
      from generate_series(${from}::int, ${to}::int) i`.execute(db);
  }
  await sql`alter table reports enable trigger reports_audit`.execute(db);
  await sql`insert into report_events (report_id, actor_label, kind, to_status, note, at) select id, 'x', 'status', status, 'Notatka ' || id, created_at from reports`.execute(
    db,
  );
  await sql`insert into report_confirmations (report_id, reporter_ip, created_at) select id, '10.200.0.1', created_at from reports where id % 5 = 0`.execute(
    db,
  );
  await sql`insert into audit_log (at, actor_label, action, entity_type, entity_id, unit_id, after, ip)
    select created_at, 'mieszkaniec', 'insert', 'reports', id::text, 'kgp', jsonb_build_object('description', description, 'address', address, 'position', position::text), reporter_ip from reports`.execute(
    db,
  );
  await sql`vacuum analyze`.execute(db);
}

interface Measured {
  label: string;
  first: RetentionRun;
  firstWallMs: number;
  second: RetentionRun;
}

async function measure(label: string, target: DatabaseTarget): Promise<Measured> {
  const database = await openDatabase(target);
  try {
    const loadStarted = performance.now();
    await fill(database);
    console.log(`${label}: ${fmt(reportCount)} reports loaded in ${fmt((performance.now() - loadStarted) / 1000)} s`);
    const started = performance.now();
    const first = await runRetention(database);
    const firstWallMs = performance.now() - started;
    const second = await runRetention(database);
    console.log(
      `${label}: first run ${fmt(first.ms)} ms (${first.batches} transactions, longest ${first.longestBatchMs} ms), wall ${fmt(firstWallMs)} ms; second ${second.ms} ms`,
    );
    return { label, first, firstWallMs, second };
  } finally {
    await database.close();
  }
}

export async function retentionBenchmarks(): Promise<string> {
  const server = await onServerDatabase(({ label, target }) => measure(label, target));
  const embedded = await onEmbeddedDatabase(({ label, target }) => measure(label, target));
  const erased = (run: RetentionRun) =>
    run.counts.reportDescription + run.counts.reportAddress + run.counts.reportExactPoint + run.counts.reportNotes + run.counts.reporterIp;
  const row = (m: Measured) =>
    `| ${m.label} | ${fmt(m.first.ms / 1000)} s | ${fmt(m.firstWallMs / 1000)} s | ${fmt(m.first.batches)} | ${fmt(m.first.longestBatchMs)} ms | ${fmt(erased(m.first) / (m.first.ms / 1000))} | ${fmt(m.second.ms)} ms |`;
  const c = server.first.counts;
  return `## Data retention: the erasure job over ${fmt(reportCount)} reports

Four in five reports closed more than 180 days ago, each with a description, a typed address or an
exact point, a police note, an IP address and an audit entry written before migration 0011; every
fifth with a "me too": the backlog on the day the job is first switched on. Default settings and
batch sizes (1,000 rows on the server, 200 embedded), one transaction each. The first run erased
${fmt(c.reportDescription)} descriptions, ${fmt(c.reportAddress)} addresses, ${fmt(c.reportExactPoint)} exact points, the notes of ${fmt(c.reportNotes)} reports,
${fmt(c.reporterIp)} reporters' IP addresses, ${fmt(c.confirmationIp)} "me too" addresses, ${fmt(c.auditCopies)} copies in audit entries
and ${fmt(c.residentAuditIp)} audit IP addresses. "Wall" adds the audit event and, on the embedded database, the VACUUM
that follows a run that erased something. The longest transaction is the longest time any row stayed
locked (on the embedded database: the longest time other requests waited). The second run, with
nothing due, is what every hourly run costs afterwards. Compare with the baseline above: a slower
baseline means a busier machine.

| back end | first run | wall | transactions | longest transaction | fields erased per second | second run (nothing due) |
|---|---|---|---|---|---|---|
${row(server)}
${row(embedded)}`;
}
