/**
 * npm run bench: measures the running application and writes BENCHMARKS.md.
 * Every throughput number is compared with a baseline measured in the same run on the same
 * machine (a bare node:http server answering the same JSON), so runs on different machines
 * compare by ratio. Nothing here is a test: no thresholds, only measurements.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { projectRoot, appVersion } from '../src/platform/config/config.js';

const durationSeconds = Number(process.env.BENCH_DURATION ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);
const startRuns = Number(process.env.BENCH_START_RUNS ?? 3);
const serverUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const mainScript = path.join(projectRoot, 'dist', 'src', 'main.js');

interface Started {
  url: string;
  millisToHealth: number;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  const net = await import('node:net');
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const port = (server.address() as { port: number }).port;
      server.close(() => resolve(port));
    });
  });
}

/** Spawns a server and measures the time from spawn to its first 200 answer on `probe`. */
async function start(args: string[], env: Record<string, string>, probe = '/health'): Promise<Started> {
  const port = await freePort();
  const begin = performance.now();
  const child = spawn(process.execPath, args, {
    cwd: projectRoot,
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'warn', HOST: '127.0.0.1', PORT: String(port), ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  const url = `http://127.0.0.1:${port}`;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited: ${stderr}`);
    try {
      if ((await fetch(`${url}${probe}`)).status === 200) break;
    } catch {
      // not yet
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  const millisToHealth = performance.now() - begin;
  return {
    url,
    millisToHealth,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

const baselineSource = `
const http = require('node:http');
const body = JSON.stringify({ status: 'ok', database: 'none', version: '0' });
http.createServer((req, res) => { res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' }); res.end(body); })
  .listen(Number(process.env.PORT), '127.0.0.1');`;

interface Load {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

async function load(url: string): Promise<Load> {
  const result = await autocannon({ url, connections, duration: durationSeconds });
  return {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors,
    non2xx: result.non2xx,
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function withServerDatabase<T>(work: (url: string) => Promise<T>): Promise<T> {
  const name = `dz_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.query(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  try {
    return await work(url.toString());
  } finally {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

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

const tempDir = () => mkdtempSync(path.join(os.tmpdir(), 'dz-bench-'));

async function main() {
  const started = new Date();
  console.log(`Benchmarks: ${durationSeconds} s per load test, ${connections} connections, ${startRuns} starts per scenario`);

  const starts = [
    await coldStarts('Embedded, new data directory, no demo data (initdb + migrations)', () => ({ DATA_DIR: tempDir(), DEMO_DATA: 'false' })),
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

  const baseline = await start(['-e', baselineSource], {}, '/');
  const baselineLoad = await load(baseline.url);
  await baseline.stop();
  console.log(`baseline node:http: ${baselineLoad.requestsPerSecond.toFixed(0)} req/s`);

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

  const cpu = os.cpus();
  const fmt = (n: number) => n.toLocaleString('en-GB', { maximumFractionDigits: 0 });
  const row = (name: string, l: Load) =>
    `| ${name} | ${fmt(l.requestsPerSecond)} | ${((l.requestsPerSecond / baselineLoad.requestsPerSecond) * 100).toFixed(1)} % | ${l.p50} | ${l.p99} | ${l.errors + l.non2xx} |`;
  const report = `# Benchmarks

Written by \`npm run bench\` (bench/run.ts); do not edit by hand. Numbers are measurements of one run,
not promises: compare ratios to the baseline measured in the same run rather than absolute values.

- Date: ${started.toISOString()}
- Machine: ${cpu[0]?.model ?? 'unknown CPU'}, ${cpu.length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB RAM, ${os.platform()} ${os.release()}
- Node.js ${process.version}; Dzielnicowy ${appVersion}
- Load: autocannon, ${connections} connections, ${durationSeconds} s per target, from the same machine

## Cold start to the first \`/health\` answer

Time from spawning \`node dist/src/main.js\` to the first HTTP 200 from \`/health\`, ${startRuns} runs each.

| scenario | median | min | max |
|---|---|---|---|
${starts.map((s) => `| ${s.label} | ${fmt(s.median)} ms | ${fmt(s.min)} ms | ${fmt(s.max)} ms |`).join('\n')}

## \`GET /health\` throughput

\`/health\` runs \`select 1\` on the database for every request. Baseline: a bare node:http server
answering the same JSON without a database, in its own process.

| target | requests/s | of baseline | p50 latency (ms) | p99 latency (ms) | errors |
|---|---|---|---|---|---|
${row('baseline: bare node:http, static JSON', baselineLoad)}
${row('/health, embedded PGlite', embeddedLoad)}
${row('/health, PostgreSQL 15 server (pool of 10)', postgresLoad)}
`;
  writeFileSync(path.join(projectRoot, 'BENCHMARKS.md'), report);
  console.log('Wrote BENCHMARKS.md');
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
