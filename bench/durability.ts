/**
 * Durability of the embedded database and its backups (BENCH_ONLY=durability): committed writes
 * per second with PGLITE_DURABILITY=full (every commit fsynced) and relaxed (fsync off), one
 * write after another as the app makes them (PGlite has one connection), each setting on a new
 * data directory, rounds alternating so a busy moment of the machine hurts both; then the time
 * and size of a backup and of a restore of the database written.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import type { Durability } from '../src/platform/config/config.js';
import { openDatabase, type Database } from '../src/platform/db/database.js';
import { migrate } from '../src/platform/db/migrate.js';
import { backupOf, restoreBackup } from '../src/platform/db/backup/index.js';
import { systemActor } from '../src/platform/audit/actor.js';
import { ensureCategories } from '../src/modules/reports/manage-categories.js';
import { storeNewReport } from '../src/modules/reports/repository.js';
import { defaultFloodSettings } from '../src/modules/reports/rules/floods.js';
import { snapToGrid } from '../src/modules/reports/rules/geo.js';
import { fmt, median, tempDir } from './harness.js';

const writes = Number(process.env.BENCH_DURABILITY_WRITES ?? 2000);
const reports = Number(process.env.BENCH_DURABILITY_REPORTS ?? 500);
const rounds = 3;
const durabilities: Durability[] = ['relaxed', 'full'];

async function onNewDataDir<T>(durability: Durability, work: (database: Database) => Promise<T>): Promise<T> {
  const dir = tempDir();
  const database = await openDatabase({ kind: 'embedded', dataDir: dir, durability });
  try {
    await migrate(database.db);
    return await work(database);
  } finally {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Single-row committed inserts into a table shaped like ours (text, jsonb, timestamps, a secondary index). */
async function rowWrites(database: Database): Promise<number> {
  await sql`create table bench_rows (id bigint generated always as identity primary key, label text not null,
    details jsonb not null, at timestamptz not null default now())`.execute(database.db);
  await sql`create index on bench_rows (label, at)`.execute(database.db);
  const started = performance.now();
  for (let i = 0; i < writes; i++) {
    await sql`insert into bench_rows (label, details) values (${`row ${i % 50}`}, ${JSON.stringify({ n: i, text: 'x'.repeat(120) })})`.execute(
      database.db,
    );
  }
  return writes / ((performance.now() - started) / 1000);
}

/** A resident's report stored as a submission stores it: limits, report, first event and audit in one transaction. */
async function reportWrites(database: Database): Promise<number> {
  await sql`insert into units (id, kind, name) values ('kgp', 'KGP', 'Komenda Główna Policji')`.execute(database.db);
  await ensureCategories(database.db);
  const flood = { since: new Date(Date.now() - 3600_000), settings: defaultFloodSettings };
  const actor = { ...systemActor('mieszkaniec'), ip: '10.0.0.1' };
  const started = performance.now();
  for (let i = 0; i < reports; i++) {
    const position = { lon: 22.6 + (i % 100) * 1e-4, lat: 51.4 };
    const client = { key: `10.1.${i >> 8}.${i % 256}`, since: new Date(Date.now() - 86_400_000), max: 1 };
    await storeNewReport(
      database.db,
      {
        categoryId: 'illegal-dumping',
        unitId: 'kgp',
        districtId: null,
        position,
        publicPosition: snapToGrid(position.lon, position.lat),
        address: null,
        description: `Zgłoszenie numer ${i}: dzikie wysypisko za garażami.`,
        email: null,
        reporterIp: client.key,
        event: null,
      },
      actor,
      client,
      flood,
      null, // a report outside any district is mailed to nobody (submit-report.ts)
    );
  }
  return reports / ((performance.now() - started) / 1000);
}

/** Backup of the database the writes left, and its restore into a new directory with each setting. */
async function backupAndRestore(database: Database): Promise<{ backupMs: number; bytes: number; restoreMs: Record<Durability, number> }> {
  const started = performance.now();
  const backup = await backupOf(database);
  const backupMs = performance.now() - started;
  const restoreMs = {} as Record<Durability, number>;
  for (const durability of durabilities) {
    const dir = tempDir();
    try {
      const restoring = performance.now();
      await restoreBackup(backup, { kind: 'embedded', dataDir: path.join(dir, 'data'), durability });
      restoreMs[durability] = performance.now() - restoring;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return { backupMs, bytes: backup.length, restoreMs };
}

export async function durabilityBenchmarks(): Promise<string> {
  const rowRates: Record<Durability, number[]> = { relaxed: [], full: [] };
  const reportRates: Record<Durability, number[]> = { relaxed: [], full: [] };
  for (let round = 0; round < rounds; round++) {
    for (const durability of durabilities) {
      await onNewDataDir(durability, async (database) => {
        rowRates[durability].push(await rowWrites(database));
        reportRates[durability].push(await reportWrites(database));
      });
      console.log(
        `durability ${durability}, round ${round + 1}: ${fmt(rowRates[durability].at(-1)!)} rows/s, ${fmt(reportRates[durability].at(-1)!)} reports/s`,
      );
    }
  }
  const copy = await onNewDataDir('full', async (database) => {
    await rowWrites(database);
    await reportWrites(database);
    return await backupAndRestore(database);
  });
  console.log(
    `backup ${fmt(copy.backupMs)} ms, ${fmt(copy.bytes / 1024)} KiB; restore ${fmt(copy.restoreMs.full)} ms full, ${fmt(copy.restoreMs.relaxed)} ms relaxed`,
  );
  const row = (d: Durability) =>
    `| ${d} | ${fmt(median(rowRates[d]))} (${rowRates[d].map(fmt).join(', ')}) | ${fmt(median(reportRates[d]))} (${reportRates[d].map(fmt).join(', ')}) |`;
  // A negative cost is the noise of a shared machine: rounds then differ more than the settings do.
  const cost = (rates: Record<Durability, number[]>, what: string) => {
    const share = (1 - median(rates.full) / median(rates.relaxed)) * 100;
    return share < 5 ? `nothing measurable of ${what} (rounds differ more than the settings)` : `${share.toFixed(0)} % of ${what}`;
  };
  return `## Embedded database: durability and backups

Committed writes per second, one after another as the app makes them (PGlite has one connection),
on a new data directory each round (median of ${rounds}, each round in brackets): ${fmt(writes)} single-row
inserts into a table shaped like ours, then ${fmt(reports)} reports stored as a submission stores them (client
and flood limits, the report, its first event and the audit row in one transaction).
\`full\` (the default) fsyncs the WAL at every commit and the data files at checkpoints;
\`relaxed\` (\`PGLITE_DURABILITY=relaxed\`) leaves writing to the operating system. Full durability
costs ${cost(rowRates, 'single-row writes')} and ${cost(reportRates, 'report submissions')} on this machine's disk.

| PGLITE_DURABILITY | single-row writes/s | report submissions/s |
|---|---|---|
${row('relaxed')}
${row('full')}

Backup (\`npm run cli -- backup\`) of the database these writes left (migrated, ${fmt(writes)} rows, ${fmt(reports)} reports):
${fmt(copy.backupMs)} ms (checkpoint, dump, secrets removed in a second in-memory copy, gzip), ${fmt(copy.bytes / 1024)} KiB.
Restore into a new directory, migrations checked: ${fmt(copy.restoreMs.full)} ms with \`full\` (PostgreSQL
fsyncs every file of a copy taken from a running database when it first opens it), ${fmt(copy.restoreMs.relaxed)} ms with \`relaxed\`.`;
}
