/**
 * Benchmark of the dashboard (BENCH_ONLY=dashboard): /admin/dashboard of a unit with 200 districts,
 * eight half-year plans in each (every status) and ten reports waiting in each, read by
 * `readDashboard` (four statements whatever the number of districts), on both back ends.
 */
import type { DatabaseTarget } from '../src/platform/config/config.js';
import { openDatabase } from '../src/platform/db/database.js';
import { migrate } from '../src/platform/db/migrate.js';
import { readDashboard } from '../src/modules/dashboard/index.js';
import { addOpenReports, fillQueueUnit } from '../test/support/plan-queue.js';
import { fmt, median, onEmbeddedDatabase, onServerDatabase } from './harness.js';

const districts = Number(process.env.BENCH_DASHBOARD_DISTRICTS ?? 200);
const runs = 20;

async function measure(label: string, target: DatabaseTarget): Promise<{ label: string; rows: number; ms: number }[]> {
  const database = await openDatabase(target);
  try {
    await migrate(database.db);
    const unit = await fillQueueUnit(database.db, { districts, plansPerDistrict: 8, prefix: 'tablica' });
    await addOpenReports(database.db, unit.unitId, 10);
    const results = [];
    for (const [name, scope] of [
      ['the whole unit', { subtreeOf: unit.unitId }],
      ['the voivodeship above it', { subtreeOf: unit.parentId }],
      ['one officer', { ids: [`${unit.unitId}/1`] }],
    ] as const) {
      const rows = (await readDashboard(database.db, scope)).length;
      const times: number[] = [];
      for (let i = 0; i < runs; i++) {
        const started = performance.now();
        await readDashboard(database.db, scope);
        times.push(performance.now() - started);
      }
      console.log(`${label}, ${name}: ${rows} rows, ${median(times).toFixed(1)} ms`);
      results.push({ label: `${label}, ${name}`, rows, ms: median(times) });
    }
    return results;
  } finally {
    await database.close();
  }
}

export async function dashboardBenchmarks(): Promise<string> {
  const server = await onServerDatabase(({ label, target }) => measure(label, target));
  const embedded = await onEmbeddedDatabase(({ label, target }) => measure(label, target));
  return `## The dashboard (\`/admin/dashboard\`)

A unit of ${fmt(districts)} districts with 8 half-year plans each (every status) and 10 reports waiting in each, a
neighbouring unit with plans of its own. \`readDashboard\` (dashboard/read-dashboard.ts: four statements
whatever the number of districts, the rules in memory), the median of ${runs} runs, in the process,
without HTTP and rendering.

| back end, whose dashboard | rows | time |
|---|---|---|
${[...server, ...embedded].map((c) => `| ${c.label} | ${fmt(c.rows)} | ${c.ms.toFixed(1)} ms |`).join('\n')}`;
}
