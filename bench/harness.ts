/** Shared pieces of the benchmarks: spawning the app, loading it with autocannon, a scratch database. */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { projectRoot, type DatabaseTarget } from '../src/platform/config/config.js';

export const durationSeconds = Number(process.env.BENCH_DURATION ?? 10);
export const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);
export const startRuns = Number(process.env.BENCH_START_RUNS ?? 3);
const serverUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
export const mainScript = path.join(projectRoot, 'dist', 'src', 'main.js');

export interface Started {
  url: string;
  millisToHealth: number;
  /** The server process, e.g. for its memory in /proc. */
  pid: number;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  const net = await import('node:net');
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const port = (server.address() as { port: number }).port;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Spawns a server and measures the time from spawn to its first 200 answer on `probe`.
 * Its standard output is dropped unless `stdout` names a file descriptor.
 */
export async function start(
  args: string[],
  env: Record<string, string>,
  probe = '/health',
  stdout: 'ignore' | number = 'ignore',
): Promise<Started> {
  const port = await freePort();
  const begin = performance.now();
  const child = spawn(process.execPath, args, {
    cwd: projectRoot,
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'warn', HOST: '127.0.0.1', PORT: String(port), ...env },
    stdio: ['ignore', stdout, 'pipe'],
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
    pid: child.pid!,
    stop: () =>
      new Promise((resolve) => {
        // A server that has exited already (crashed under load) has nothing left to stop.
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

export const baselineSource = `
const http = require('node:http');
const body = JSON.stringify({ status: 'ok', database: 'none', version: '0' });
http.createServer((req, res) => { res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' }); res.end(body); })
  .listen(Number(process.env.PORT), '127.0.0.1');`;

export interface Load {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

export async function load(url: string, paths?: string[]): Promise<Load> {
  const result = await autocannon({
    url,
    connections,
    duration: durationSeconds,
    ...(paths ? { requests: paths.map((path) => ({ method: 'GET' as const, path })) } : {}),
  });
  return loadOf(result);
}

/** What a benchmark reports of an autocannon run. */
export function loadOf(result: autocannon.Result): Load {
  return {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors,
    non2xx: result.non2xx,
  };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

export async function withServerDatabase<T>(work: (url: string) => Promise<T>, name = `dz_bench_${process.pid}`): Promise<T> {
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

export const tempDir = () => mkdtempSync(path.join(os.tmpdir(), 'dz-bench-'));

/** One back end a benchmark measures: its name in the tables, the database to write into, the app's environment for it. */
export interface Backend {
  label: string;
  target: DatabaseTarget;
  env: Record<string, string>;
}

/** `work` on a new database of the PostgreSQL server (dropped after). */
export function onServerDatabase<T>(work: (backend: Backend) => Promise<T>): Promise<T> {
  return withServerDatabase((url) =>
    work({ label: 'PostgreSQL 15 server', target: { kind: 'postgres', url }, env: { DATABASE_URL: url } }),
  );
}

/** `work` on an embedded database in a new data directory (removed after). */
export async function onEmbeddedDatabase<T>(work: (backend: Backend) => Promise<T>): Promise<T> {
  const dir = tempDir();
  try {
    return await work({ label: 'embedded PGlite', target: { kind: 'embedded', dataDir: dir }, env: { DATA_DIR: dir } });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export const fmt = (n: number) => n.toLocaleString('en-GB', { maximumFractionDigits: 0 });

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export function heapUsed(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
}

/**
 * Waits until the public map answers from its in-memory index (it loads after start-up; SQL answers
 * meanwhile), so what is measured is the index; returns the milliseconds waited.
 */
export async function reportIndexReady(url: string, limitMs: number): Promise<number> {
  const started = performance.now();
  for (;;) {
    const probe = await fetch(`${url}/api/v1/reports/map?bbox=14,49,24,55&zoom=6`, { headers: { 'x-forwarded-for': '172.18.0.1' } });
    await probe.arrayBuffer();
    if (probe.headers.get('x-report-index') === 'ready') return performance.now() - started;
    if (performance.now() - started > limitMs) throw new Error(`report index not ready after ${limitMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, Math.min(1000, limitMs / 100)));
  }
}
