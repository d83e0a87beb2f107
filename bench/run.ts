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
import { AreaIndex, measureLookupsPerSecond } from '../src/modules/districts/matching/area-index.js';
import { foldText } from '../src/modules/districts/matching/normalize.js';
import { PolygonIndex, measurePointLookupsPerSecond } from '../src/modules/districts/geometry/polygon-index.js';
import { randomPointsInside } from '../src/modules/districts/geometry/synthetic.js';
import { generateNationalRegister, sampleAddresses, type NationalRegister } from './national-register.js';
import { writeRegister } from './load-register.js';

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

async function load(url: string, paths?: string[]): Promise<Load> {
  const result = await autocannon({
    url,
    connections,
    duration: durationSeconds,
    ...(paths ? { requests: paths.map((path) => ({ method: 'GET' as const, path })) } : {}),
  });
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

  const locator = await locatorBenchmarks();

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

${locator.report(row)}
`;
  writeFileSync(path.join(projectRoot, 'BENCHMARKS.md'), report);
  console.log('Wrote BENCHMARKS.md');
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

function heapUsed(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
}

/** The national-scale register: in-process indexes, start-up, and GET /api/v1/locate over HTTP. */
async function locatorBenchmarks() {
  let started = performance.now();
  const register: NationalRegister = generateNationalRegister();
  const generateMs = performance.now() - started;
  const rules = register.districts.flatMap((d) => d.rules.map((rule) => ({ ...rule, districtId: d.id })));
  const addresses = sampleAddresses(register, 20_000, 99);
  console.log(`register: ${register.units.length} units, ${register.districts.length} districts, ${register.ruleCount} rules (${generateMs.toFixed(0)} ms)`);

  const before = heapUsed();
  started = performance.now();
  const areaIndex = new AreaIndex(rules);
  const areaBuildMs = performance.now() - started;
  const areaBytes = heapUsed() - before;
  const found = addresses.filter((a) => areaIndex.locate(a).matches.length > 0).length;
  const foldPerSecond = (() => {
    let count = 0;
    const t0 = performance.now();
    while (performance.now() - t0 < 2000) for (let i = 0; i < 1000; i++) foldText(addresses[count++ % addresses.length]!);
    return count / ((performance.now() - t0) / 1000);
  })();
  const addressPerSecond = measureLookupsPerSecond(areaIndex, addresses, 3);

  const beforePolygons = heapUsed();
  started = performance.now();
  const polygons = register.districts.map((d) => ({ id: d.id, geometry: d.polygon }));
  const polygonIndex = new PolygonIndex(polygons);
  const polygonBuildMs = performance.now() - started;
  const polygonBytes = heapUsed() - beforePolygons;
  const points = randomPointsInside(polygons, 20_000, 5);
  const pointsCorrect = points.filter(({ id, point }) => polygonIndex.locate(point[0], point[1])[0] === id).length;
  const pointPerSecond = measurePointLookupsPerSecond(polygonIndex, points.map((p) => p.point), 3);
  console.log(`addresses: ${addressPerSecond.toFixed(0)}/s (${found}/${addresses.length} found); points: ${pointPerSecond.toFixed(0)}/s`);

  // Start-up and HTTP, embedded: the register written into a fresh data directory first.
  const dataDir = tempDir();
  started = performance.now();
  await writeRegister({ kind: 'embedded', dataDir }, register);
  const writeMs = performance.now() - started;
  const startups: number[] = [];
  let embeddedServer: Started | null = null;
  for (let i = 0; i < startRuns; i++) {
    const server = await start([mainScript], { DATA_DIR: dataDir, DEMO_DATA: 'false' });
    startups.push(server.millisToHealth);
    if (i === startRuns - 1) embeddedServer = server;
    else await server.stop();
  }
  const locatePaths = addresses.slice(0, 500).map((a) => `/api/v1/locate?address=${encodeURIComponent(a)}`);
  const embeddedHealth = await load(`${embeddedServer!.url}/health`);
  const embeddedLocate = await load(embeddedServer!.url, locatePaths);
  const embeddedPoint = await load(embeddedServer!.url, points.slice(0, 500).map(({ point }) => `/api/v1/locate?lat=${point[1]}&lon=${point[0]}`));
  await embeddedServer!.stop();
  rmSync(dataDir, { recursive: true, force: true });
  console.log(`embedded: start-up ${median(startups).toFixed(0)} ms, locate ${embeddedLocate.requestsPerSecond.toFixed(0)} req/s vs health ${embeddedHealth.requestsPerSecond.toFixed(0)}`);

  const serverResult = await withServerDatabase(async (url) => {
    await writeRegister({ kind: 'postgres', url }, register);
    const server = await start([mainScript], { DATABASE_URL: url });
    const health = await load(`${server.url}/health`);
    const locate = await load(server.url, locatePaths);
    await server.stop();
    return { startup: server.millisToHealth, health, locate };
  });
  console.log(`postgres: locate ${serverResult.locate.requestsPerSecond.toFixed(0)} req/s vs health ${serverResult.health.requestsPerSecond.toFixed(0)}`);

  const fmt = (n: number) => n.toLocaleString('en-GB', { maximumFractionDigits: 0 });
  const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;
  const ratio = (a: Load, b: Load) => `${((a.requestsPerSecond / b.requestsPerSecond) * 100).toFixed(0)} %`;
  return {
    report: (row: (name: string, l: Load) => string) => `## The locator at national scale

A synthetic register (bench/national-register.ts, seeded): ${fmt(register.units.length)} units, ${fmt(register.districts.length)} districts,
${fmt(register.ruleCount)} street rules in ${fmt(new Set(rules.map((r) => r.locality)).size)} towns, ${fmt(register.districts.length)} polygons of 100 vertices.
Addresses: ${fmt(addresses.length)} typed in four styles ("Town, ul. Street 12", "Street 12, Town", "Town Street 12/2",
lower case "ul. street 12 town"); ${fmt(found)} of them found (${((found / addresses.length) * 100).toFixed(1)} %).

### In process, one core

| measure | value |
|---|---|
| address lookups (AreaIndex.locate on free text) | ${fmt(addressPerSecond)} /s |
| baseline in the same run: folding the same texts only | ${fmt(foldPerSecond)} /s |
| point lookups (PolygonIndex.locate) | ${fmt(pointPerSecond)} /s (${fmt(pointsCorrect)} of ${fmt(points.length)} points in their own polygon) |
| address index: build time / heap | ${fmt(areaBuildMs)} ms / ${mb(areaBytes)} |
| polygon index: build time / heap | ${fmt(polygonBuildMs)} ms / ${mb(polygonBytes)} (arrays: ${mb(polygonIndex.memoryBytes())}) |

### Start-up with the national register

Writing the register into a new embedded database took ${fmt(writeMs)} ms (not part of start-up).
Start-up is from spawning the server to its first \`/health\` answer; the register is loaded and indexed before the server listens.

| back end | start-up |
|---|---|
| embedded PGlite (median of ${startRuns}) | ${fmt(median(startups))} ms (min ${fmt(Math.min(...startups))}, max ${fmt(Math.max(...startups))}) |
| PostgreSQL 15 server (one run) | ${fmt(serverResult.startup)} ms |

### \`GET /api/v1/locate\` over HTTP, against \`/health\` of the same server in the same run

500 different addresses (or points) cycled by ${connections} connections for ${durationSeconds} s each.

| target | requests/s | of baseline | p50 latency (ms) | p99 latency (ms) | errors |
|---|---|---|---|---|---|
${row('/health, embedded, national register loaded', embeddedHealth)}
${row('/api/v1/locate?address=…, embedded', embeddedLocate)}
${row('/api/v1/locate?lat=…&lon=…, embedded', embeddedPoint)}
${row('/health, PostgreSQL server, national register loaded', serverResult.health)}
${row('/api/v1/locate?address=…, PostgreSQL server', serverResult.locate)}

The "of baseline" column is relative to the bare node:http baseline above. Locate against the same
server's /health: embedded ${ratio(embeddedLocate, embeddedHealth)}, PostgreSQL server ${ratio(serverResult.locate, serverResult.health)}.`,
  };
}
