/**
 * Benchmark of the staff plan queue (BENCH_ONLY=plan-queue): /admin/plans of a unit with 200
 * districts and eight half-year plans in each (every status), read by `planQueue` in a fixed
 * number of statements, against the path it replaced in the same run (the list, then about seven
 * queries per plan; test/support/plan-queue.ts), on both back ends.
 */
import type { KyselyPlugin } from 'kysely';
import type { DatabaseTarget } from '../src/platform/config/config.js';
import type { Principal } from '../src/platform/auth/principal.js';
import type { Db } from '../src/platform/db/database.js';
import { openDatabase } from '../src/platform/db/database.js';
import { migrate } from '../src/platform/db/migrate.js';
import type { PlanStatus } from '../src/modules/plans/model.js';
import { planQueue, type QueueEntry } from '../src/modules/plans/read-plans.js';
import { fillQueueUnit, queueBefore } from '../test/support/plan-queue.js';
import { fmt, median, onEmbeddedDatabase, onServerDatabase } from './harness.js';

const districts = Number(process.env.BENCH_QUEUE_DISTRICTS ?? 200);
const plansPerDistrict = 8;
const runs = { now: 20, before: 3 };

/** Counts the statements a piece of work sends, whatever it is. */
function counted(db: Db): { db: Db; statements: () => number } {
  let count = 0;
  const plugin: KyselyPlugin = {
    transformQuery: (args) => ((count += 1), args.node),
    transformResult: (args) => Promise.resolve(args.result),
  };
  return { db: db.withPlugin(plugin), statements: () => count };
}

interface Case {
  label: string;
  rows: number;
  now: { ms: number; statements: number };
  before: { ms: number; statements: number };
}

async function time(
  db: Db,
  work: (db: Db) => Promise<QueueEntry[]>,
  count: number,
): Promise<{ ms: number; statements: number; rows: number }> {
  const probe = counted(db);
  const rows = (await work(probe.db)).length;
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    await work(db);
    times.push(performance.now() - started);
  }
  return { ms: median(times), statements: probe.statements(), rows };
}

async function measure(label: string, target: DatabaseTarget): Promise<Case[]> {
  const database = await openDatabase(target);
  try {
    await migrate(database.db);
    const unit = await fillQueueUnit(database.db, { districts, plansPerDistrict, prefix: 'bench' });
    const cases: [string, Principal, PlanStatus | undefined][] = [
      ['supervisor, every status', unit.people.supervisor, undefined],
      ['supervisor, awaiting approval', unit.people.supervisor, 'submitted'],
      ['officer of one district', unit.people.officer, undefined],
    ];
    const results: Case[] = [];
    for (const [name, principal, status] of cases) {
      const now = await time(database.db, (db) => planQueue(db, principal, { status }), runs.now);
      const before = await time(database.db, (db) => queueBefore(db, principal, status), runs.before);
      console.log(
        `${label}, ${name}: ${now.rows} rows, ${fmt(now.ms)} ms in ${now.statements} statements; before ${fmt(before.ms)} ms in ${before.statements}`,
      );
      results.push({ label: `${label}, ${name}`, rows: now.rows, now, before });
    }
    return results;
  } finally {
    await database.close();
  }
}

export async function planQueueBenchmarks(): Promise<string> {
  const server = await onServerDatabase(({ label, target }) => measure(label, target));
  const embedded = await onEmbeddedDatabase(({ label, target }) => measure(label, target));
  const ms = (value: number) => (value < 10 ? value.toFixed(1) : fmt(value));
  const row = (c: Case) =>
    `| ${c.label} | ${fmt(c.rows)} | ${ms(c.now.ms)} ms | ${c.now.statements} | ${ms(c.before.ms)} ms | ${fmt(c.before.statements)} | ${(c.before.ms / c.now.ms).toFixed(0)}× |`;
  return `## The staff plan queue (\`/admin/plans\`)

A unit of ${fmt(districts)} districts with ${plansPerDistrict} half-year plans each (${fmt(districts * plansPerDistrict)} plans, every status), a
neighbouring unit with plans of its own; the queue shows at most 500 plans. "Now" is \`planQueue\`
(plans/read-plans.ts: the districts an officer serves, the settings, and one statement for the
plans with their names), the median of ${runs.now} runs; "before" is the path it replaced, measured in the
same run (the list, then the names and the working view of each plan), the median of ${runs.before} runs.
Statements are those one reading sends. Time in the process, without HTTP and rendering.

| back end, who reads | rows | now | statements | before | statements | before / now |
|---|---|---|---|---|---|---|
${[...server, ...embedded].map(row).join('\n')}`;
}
