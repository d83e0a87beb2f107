/**
 * npm run bench: measures the running application and writes BENCHMARKS.md.
 * Every throughput number is compared with a baseline measured in the same run on the same
 * machine (a bare node:http server answering the same JSON, or the same server's /health), so
 * runs on different machines compare by ratio. Nothing here is a test: no thresholds.
 * BENCH_ONLY=foundation|locator|logging|plans|reports|documents|attachments|retention|plan-reader|plan-queue|dashboard|
 * durability|load runs one part
 * and replaces only that part of the file (`load`, the 10-minute mixed load on two instances: `npm run bench:load`).
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { projectRoot, appVersion } from '../src/platform/config/config.js';
import {
  baselineSource,
  connections,
  durationSeconds,
  fmt,
  load,
  mainScript,
  median,
  start,
  startRuns,
  tempDir,
  withServerDatabase,
  type Load,
} from './harness.js';
import { locatorBenchmarks } from './locator.js';
import { plansBenchmarks } from './plans.js';
import { reportsBenchmarks } from './reports.js';
import { documentsBenchmarks } from './documents.js';
import { attachmentsBenchmarks } from './attachments.js';
import { retentionBenchmarks } from './retention.js';
import { planReaderBenchmarks } from './plan-reader.js';
import { planQueueBenchmarks } from './plan-queue.js';
import { dashboardBenchmarks } from './dashboard.js';
import { loggingBenchmarks } from './logging.js';
import { mixedLoadBenchmark } from './load-mixed.js';
import { durabilityBenchmarks } from './durability.js';

async function coldStarts(label: string, env: () => Record<string, string>, prepare?: (env: Record<string, string>) => Promise<void>) {
  const times: number[] = [];
  for (let i = 0; i < startRuns; i++) {
    const runEnv = env();
    if (prepare) await prepare(runEnv);
    const server = await start([mainScript], runEnv);
    times.push(server.millisToHealth);
    await server.stop();
    if (runEnv.DATA_DIR) rmSync(runEnv.DATA_DIR, { recursive: true, force: true });
  }
  console.log(`${label}: ${times.map((t) => t.toFixed(0)).join(', ')} ms`);
  return { label, median: median(times), min: Math.min(...times), max: Math.max(...times) };
}

const only = process.env.BENCH_ONLY;
const onlyParts = only?.split(',').map((p) => p.trim()) ?? [];
const wanted = (part: string) => !only || onlyParts.includes(part);

/** Cold starts and /health on both back ends. */
async function foundationBenchmarks(row: (name: string, l: Load) => string, baselineRow: string): Promise<string> {
  const starts = [
    await coldStarts('Embedded, new data directory, no demo data (initdb + migrations)', () => ({
      DATA_DIR: tempDir(),
      DEMO_DATA: 'false',
    })),
    await coldStarts('Embedded, new data directory, with demo data', () => ({ DATA_DIR: tempDir() })),
    await coldStarts(
      'Embedded, restart on an existing data directory with demo data',
      () => ({ DATA_DIR: tempDir() }),
      async (env) => {
        const first = await start([mainScript], env);
        await first.stop();
      },
    ),
  ];

  const embeddedDir = tempDir();
  const embedded = await start([mainScript], { DATA_DIR: embeddedDir });
  const embeddedLoad = await load(`${embedded.url}/health`);
  await embedded.stop();
  rmSync(embeddedDir, { recursive: true, force: true });
  console.log(`/health embedded: ${embeddedLoad.requestsPerSecond.toFixed(0)} req/s`);

  const postgresLoad = await withServerDatabase(async (url) => {
    const server = await start([mainScript], { DATABASE_URL: url });
    const result = await load(`${server.url}/health`);
    await server.stop();
    return result;
  });
  console.log(`/health postgres: ${postgresLoad.requestsPerSecond.toFixed(0)} req/s`);

  return `## Cold start to the first \`/health\` answer

Time from spawning \`node dist/src/main.js\` to the first HTTP 200 from \`/health\`, ${startRuns} runs each.

| scenario | median | min | max |
|---|---|---|---|
${starts.map((s) => `| ${s.label} | ${fmt(s.median)} ms | ${fmt(s.min)} ms | ${fmt(s.max)} ms |`).join('\n')}

## \`GET /health\` throughput

\`/health\` runs \`select 1\` on the database for every request. Baseline: a bare node:http server
answering the same JSON without a database, in its own process.

| target | requests/s | of baseline | p50 latency (ms) | p99 latency (ms) | errors |
|---|---|---|---|---|---|
${baselineRow}
${row('/health, embedded PGlite', embeddedLoad)}
${row('/health, PostgreSQL 15 server (pool of 10)', postgresLoad)}`;
}

async function main() {
  const started = new Date();
  console.log(`Benchmarks: ${durationSeconds} s per load test, ${connections} connections, ${startRuns} starts per scenario`);

  const baseline = await start(['-e', baselineSource], {}, '/');
  const baselineLoad = await load(baseline.url);
  await baseline.stop();
  console.log(`baseline node:http: ${baselineLoad.requestsPerSecond.toFixed(0)} req/s`);
  const row = (name: string, l: Load) =>
    `| ${name} | ${fmt(l.requestsPerSecond)} | ${((l.requestsPerSecond / baselineLoad.requestsPerSecond) * 100).toFixed(1)} % | ${l.p50} | ${l.p99} | ${l.errors + l.non2xx} |`;

  const cpu = os.cpus();
  const machine = `${cpu[0]?.model ?? 'unknown CPU'}, ${cpu.length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB RAM, ${os.platform()} ${os.release()}`;
  // Each part is marked so a later BENCH_ONLY run can replace it alone; it names its own date and baseline.
  const part = async (name: string, make: () => string | Promise<string>) =>
    `<!-- bench:${name} -->\n_Measured ${new Date().toISOString()} on ${machine}; baseline node:http ${fmt(baselineLoad.requestsPerSecond)} requests/s in the same run._\n\n${await make()}\n<!-- /bench:${name} -->`;
  const sections = new Map<string, string>();
  if (wanted('foundation'))
    sections.set(
      'foundation',
      await part('foundation', () => foundationBenchmarks(row, row('baseline: bare node:http, static JSON', baselineLoad))),
    );
  if (wanted('locator')) sections.set('locator', await part('locator', async () => (await locatorBenchmarks()).report(row)));
  if (wanted('logging')) sections.set('logging', await part('logging', () => loggingBenchmarks(row)));
  if (wanted('plans')) sections.set('plans', await part('plans', () => plansBenchmarks(row)));
  if (wanted('reports')) sections.set('reports', await part('reports', () => reportsBenchmarks(row)));
  if (wanted('documents')) sections.set('documents', await part('documents', () => documentsBenchmarks(row)));
  if (wanted('attachments')) sections.set('attachments', await part('attachments', () => attachmentsBenchmarks()));
  if (wanted('retention')) sections.set('retention', await part('retention', () => retentionBenchmarks()));
  if (wanted('plan-reader')) sections.set('plan-reader', await part('plan-reader', () => planReaderBenchmarks()));
  if (wanted('plan-queue')) sections.set('plan-queue', await part('plan-queue', () => planQueueBenchmarks()));
  if (wanted('dashboard')) sections.set('dashboard', await part('dashboard', () => dashboardBenchmarks()));
  if (wanted('load')) sections.set('load', await part('load', () => mixedLoadBenchmark()));
  if (wanted('durability')) sections.set('durability', await part('durability', () => durabilityBenchmarks()));

  const file = path.join(projectRoot, 'BENCHMARKS.md');
  if (only && existsSync(file)) {
    let current = readFileSync(file, 'utf8');
    for (const [name, text] of sections) {
      const marker = new RegExp(`<!-- bench:${name} -->[\\s\\S]*?<!-- /bench:${name} -->`);
      current = marker.test(current) ? current.replace(marker, () => text) : `${current.trimEnd()}\n\n${text}\n`;
    }
    writeFileSync(file, current);
    console.log(`Replaced ${[...sections.keys()].join(', ')} in BENCHMARKS.md`);
    return;
  }
  const report = `# Benchmarks

Written by \`npm run bench\` (bench/run.ts); do not edit by hand. Numbers are measurements of one run,
not promises: compare ratios to the baseline measured in the same run rather than absolute values.

- Date: ${started.toISOString()}
- Machine: ${machine}
- Node.js ${process.version}; Dzielnicowy ${appVersion}
- Load: autocannon, ${connections} connections, ${durationSeconds} s per target, from the same machine

${[...sections.values()].join('\n\n')}
`;
  writeFileSync(file, report);
  console.log('Wrote BENCHMARKS.md');
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
