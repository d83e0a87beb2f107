import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../app.js';
import { loadConfig } from '../config/config.js';
import type { LogStream } from '../http/server.js';
import { backends, createTestDatabase, type TestDatabase } from '../../../test/support/databases.js';
import { world } from '../../../test/support/world.js';

/** A log stream for the app that keeps the lines it writes. */
function logLines(): { lines: Array<Record<string, unknown>>; stream: LogStream } {
  const lines: Array<Record<string, unknown>> = [];
  return { lines, stream: { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) } };
}

const METRICS_TOKEN = 'metrics-token-for-the-test-0123456789';
const LOCAL = '127.0.0.1';
const OUTSIDE = '203.0.113.9';

/**
 * One line of the Prometheus text format (0.0.4): a comment, a sample with optional labels and
 * timestamp, or blank. Values as Prometheus reads them (Go's ParseFloat: NaN and Inf in any case;
 * prom-client writes an empty event-loop histogram's mean as "Nan").
 */
const expositionLine =
  /^(|# (HELP|TYPE) [a-zA-Z_:][a-zA-Z0-9_:]* .*|[a-zA-Z_:][a-zA-Z0-9_:]*(\{([a-zA-Z_][a-zA-Z0-9_]*="([^"\\\n]|\\.)*",?)*\})? ([Nn][Aa][Nn]|[+-]?[Ii][Nn][Ff]|[+-]?\d+(\.\d+)?([eE][+-]?\d+)?)( -?\d+)?)$/;

/** The value of one series in an exposition, 0 when absent. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number {
  const wanted = Object.entries(labels).map(([key, value]) => `${key}="${value}"`);
  for (const line of text.split('\n')) {
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)/.exec(line);
    if (!match || match[1] !== name) continue;
    const have = (match[2] ?? '').split(/,(?=[a-zA-Z_]+=")/);
    if (wanted.every((pair) => have.includes(pair))) return Number(match[3]);
  }
  return 0;
}

describe.each(backends)('observability on %s', (backend) => {
  let testDb: TestDatabase;
  let app: FastifyInstance;
  const log = logLines();
  const scrape = async (remoteAddress = LOCAL, headers: Record<string, string> = {}) =>
    app.inject({ url: '/metrics', remoteAddress, headers });

  beforeAll(async () => {
    testDb = await createTestDatabase(backend, { world: true });
    const config = loadConfig({
      DATA_DIR: path.join(os.tmpdir(), 'dz-unused'),
      LOG_LEVEL: 'info',
      RETENTION_JOB: 'false',
      REMINDER_JOB: 'false',
      METRICS_TOKEN,
      SLOW_QUERY_MS: '0',
      LOGIN_RATE_LIMIT_PER_MINUTE: '1',
      TRUST_PROXY: '10.0.0.0/8',
    });
    app = await buildApp(config, testDb.database, { logStream: log.stream });
  });
  afterAll(async () => {
    await app?.close();
    await testDb?.drop();
  });

  it('answers /metrics in the Prometheus text format, every line valid, with process metrics', async () => {
    const response = await scrape();
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    const bad = response.body.split('\n').filter((line) => !expositionLine.test(line));
    expect(bad).toEqual([]);
    for (const name of [
      'dz_http_requests_total',
      'dz_db_pool_connections',
      'dz_outbox_unsent',
      'dz_index_ready',
      'process_cpu_user_seconds_total',
    ])
      expect(response.body, name).toContain(`# TYPE ${name} `);
    expect(sample(response.body, 'dz_db_pool_connections', { state: 'max' })).toBe(backend === 'pglite' ? 1 : 10);
    expect(sample(response.body, 'dz_index_ready', { index: 'locator' })).toBe(1);
  });

  it('counts requests under the route pattern, not the URL, with their latency', async () => {
    const route = { method: 'GET', route: '/api/v1/units/:id', status: '2xx' };
    const before = sample((await scrape()).body, 'dz_http_requests_total', route);
    for (const unit of [world.units.a, world.units.b, world.units.a])
      expect((await app.inject({ url: `/api/v1/units/${unit.id}` })).statusCode).toBe(200);
    const after = (await scrape()).body;
    expect(sample(after, 'dz_http_requests_total', route)).toBe(before + 3);
    expect(sample(after, 'dz_http_request_duration_seconds_count', { method: 'GET', route: '/api/v1/units/:id' })).toBeGreaterThanOrEqual(
      3,
    );
    expect(after).not.toContain(String(world.units.b.id) + '"');
    expect(after).not.toContain(`/api/v1/units/${world.units.b.id}`);
    // Paths that match no route are one series, whatever they are.
    await app.inject({ url: '/no/such/path/12345' });
    const unmatched = (await scrape()).body;
    expect(sample(unmatched, 'dz_http_requests_total', { route: 'unmatched', status: '4xx' })).toBeGreaterThanOrEqual(1);
    expect(unmatched).not.toContain('12345');
  });

  it('counts 429s by the limit that refused them', async () => {
    const signIn = () =>
      app.inject({
        method: 'POST',
        url: '/api/v1/session',
        remoteAddress: '198.51.100.77',
        headers: { 'content-type': 'application/json' },
        payload: JSON.stringify({ login: 'nikt.taki', password: 'not the password' }),
      });
    const labels = { limit: 'too_many_requests', route: '/api/v1/session' };
    const before = sample((await scrape()).body, 'dz_rate_limit_refusals_total', labels);
    expect((await signIn()).statusCode).toBe(401);
    expect((await signIn()).statusCode).toBe(429);
    expect(sample((await scrape()).body, 'dz_rate_limit_refusals_total', labels)).toBe(before + 1);
  });

  it('shows /metrics to the token from anywhere and to this machine; to anyone else it does not exist', async () => {
    expect((await scrape(OUTSIDE)).statusCode).toBe(404);
    expect((await scrape(OUTSIDE, { authorization: 'Bearer wrong-token-wrong-token-wrong' })).statusCode).toBe(404);
    expect((await scrape(OUTSIDE, { authorization: `Basic ${METRICS_TOKEN}` })).statusCode).toBe(404);
    expect((await scrape(OUTSIDE, { authorization: `Bearer ${METRICS_TOKEN}` })).statusCode).toBe(200);
    expect((await scrape('::1')).statusCode).toBe(200);
    // Through a proxy on this machine the request is the internet's, not this machine's.
    expect((await scrape(LOCAL, { 'x-forwarded-for': OUTSIDE })).statusCode).toBe(404);
    expect((await scrape(LOCAL, { forwarded: `for=${OUTSIDE}` })).statusCode).toBe(404);
  });

  it('logs slow queries at warn with their SQL and duration, never their parameters', async () => {
    const secret = `tajny.login.${backend}`;
    const from = log.lines.length;
    await app.inject({
      method: 'POST',
      url: '/api/v1/session',
      remoteAddress: '198.51.100.78',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ login: secret, password: 'haslo-ktorego-nie-ma' }),
    });
    const slow = log.lines.slice(from).filter((line) => line.msg === 'slow query');
    expect(slow.length).toBeGreaterThan(0);
    for (const line of slow) {
      expect(line.level).toBe(40);
      expect(typeof line.durationMs).toBe('number');
      expect(JSON.stringify(line)).not.toContain(secret);
    }
    expect(slow.some((line) => /\$1/.test(String(line.sql)))).toBe(true);
    expect(sample((await scrape()).body, 'dz_db_slow_queries_total')).toBeGreaterThan(0);
  });

  it('logs every line of a request with its id, taken from a trusted proxy only when it is a sane token', async () => {
    const idOf = async (remoteAddress: string, requestId: string) => {
      const from = log.lines.length;
      const response = await app.inject({ url: '/health/live', remoteAddress, headers: { 'x-request-id': requestId } });
      const lines = log.lines.slice(from).filter((line) => line.reqId !== undefined);
      expect(lines.length).toBeGreaterThanOrEqual(2);
      expect(new Set(lines.map((line) => line.reqId))).toEqual(new Set([response.headers['x-request-id']]));
      return response.headers['x-request-id'];
    };
    expect(await idOf('10.1.2.3', 'proxy-id-42')).toBe('proxy-id-42');
    // From a client, or not a token: a new id.
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
    expect(await idOf(OUTSIDE, 'client-chosen-id')).toMatch(uuid);
    expect(await idOf('10.1.2.3', 'spaces and "quotes"')).toMatch(uuid);
    expect(await idOf('10.1.2.3', 'x'.repeat(129))).toMatch(uuid);
  });

  it('is live without the database and ready once migrations and indexes are in', async () => {
    const live = await app.inject('/health/live');
    expect(live.statusCode).toBe(200);
    expect(live.json()).toEqual({ status: 'ok', version: expect.any(String) });
    let ready = await app.inject('/health/ready');
    // The report index loads in the background after start-up.
    for (let i = 0; i < 100 && ready.statusCode !== 200; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      ready = await app.inject('/health/ready');
    }
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({
      status: 'ready',
      database: 'ok',
      migrations: 'applied',
      indexes: { locator: 'ready', reports: 'ready' },
      version: expect.any(String),
    });
  });
});

describe('readiness before the database is ready', () => {
  it('is 503 while a migration this code knows is not applied, and while the database does not answer; live stays 200', async () => {
    const testDb = await createTestDatabase('pglite', { world: true });
    const newest = await testDb.database.db
      .selectFrom('schema_migrations')
      .select('version')
      .orderBy('version', 'desc')
      .executeTakeFirstOrThrow();
    await testDb.database.db.deleteFrom('schema_migrations').where('version', '=', newest.version).execute();
    const app = await buildApp(
      loadConfig({ DATA_DIR: path.join(os.tmpdir(), 'dz-unused'), LOG_LEVEL: 'silent', RETENTION_JOB: 'false', REMINDER_JOB: 'false' }),
      testDb.database,
    );
    try {
      const pending = await app.inject('/health/ready');
      expect(pending.statusCode).toBe(503);
      expect(pending.json()).toMatchObject({ status: 'not_ready', database: 'ok', migrations: 'pending' });
      await testDb.database.close();
      const down = await app.inject('/health/ready');
      expect(down.statusCode).toBe(503);
      expect(down.json()).toMatchObject({ status: 'not_ready', database: 'unavailable', migrations: 'unknown' });
      expect((await app.inject('/health/live')).statusCode).toBe(200);
    } finally {
      await app.close();
      await testDb.drop();
    }
  });
});
