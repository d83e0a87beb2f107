import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.js';
import { loadConfig } from '../config/config.js';
import { openDatabase, type Database } from '../db/database.js';
import { createTestDatabase, describeOnServer, type TestDatabase } from '../../../test/support/databases.js';
import type { FastifyInstance } from 'fastify';
import { createTestApp } from '../../../test/support/app.js';
import { world } from '../../../test/support/world.js';

/** A TCP proxy to PostgreSQL that the test can cut, to make the database unreachable for real. */
function proxyTo(target: URL) {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(Number(target.port || 5432), target.hostname);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => socket.destroy());
    }
    client.pipe(upstream).pipe(client);
  });
  return {
    server,
    listen: (port = 0) =>
      new Promise<number>((resolve) => server.listen(port, '127.0.0.1', () => resolve((server.address() as net.AddressInfo).port))),
    cut: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      }),
  };
}

/** The log lines the app writes from now on (pino's destination, shared by every request's logger). */
function captureLog(app: FastifyInstance): Array<Record<string, unknown>> {
  const lines: Array<Record<string, unknown>> = [];
  let owner: object | null = app.log;
  let key: symbol | undefined;
  while (owner && !(key = Object.getOwnPropertySymbols(owner).find((s) => s.description === 'pino.stream')))
    owner = Object.getPrototypeOf(owner);
  const stream = (app.log as unknown as Record<symbol, { write(line: string): boolean }>)[key!]!;
  stream.write = (line: string) => lines.push(JSON.parse(line)) > 0;
  return lines;
}

describeOnServer('GET /health on the PostgreSQL server back end', () => {
  let test: TestDatabase;
  let database: Database;
  let app: FastifyInstance;
  let proxy: ReturnType<typeof proxyTo>;
  let port: number;

  beforeAll(async () => {
    test = await createTestDatabase('postgres');
    const url = new URL(test.url!);
    proxy = proxyTo(url);
    port = await proxy.listen();
    const viaProxy = new URL(url);
    viaProxy.hostname = '127.0.0.1';
    viaProxy.port = String(port);
    database = await openDatabase({ kind: 'postgres', url: viaProxy.toString() });
    app = await buildApp(loadConfig({ DATABASE_URL: viaProxy.toString(), LOG_LEVEL: 'warn' }), database);
  });
  afterAll(async () => {
    await app.close();
    await database.close();
    await proxy.cut().catch(() => undefined);
    await test.drop();
  });

  it('answers ok while the database is reachable', async () => {
    const response = await app.inject('/health');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ status: 'ok', database: 'postgres' });
  });

  it('answers 503 "unavailable" when the database is unreachable, keeps the reason for the log, and recovers', async () => {
    const log = captureLog(app);
    await proxy.cut();
    const down = await app.inject('/health');
    expect(down.statusCode).toBe(503);
    expect(down.json()).toEqual({ status: 'unavailable', database: 'postgres', version: expect.any(String) });
    const [entry, ...more] = log.filter((line) => line.msg === 'health check failed: the database does not answer');
    expect(more).toHaveLength(0);
    const detail = String((entry!.err as { message: string }).message);
    expect(detail.length).toBeGreaterThan(0);
    expect(down.body).not.toContain(detail);
    expect(down.body).not.toContain(String(port));
    // Every other request says the same: an outage (503, try again), not a fault of ours (500).
    for (const [url, accept] of [
      ['/api/v1/units', 'application/json'],
      [`/jednostki/${world.units.a.id}`, 'text/html'],
    ] as const) {
      const page = await app.inject({ url, headers: { accept } });
      expect(page.statusCode, url).toBe(503);
      expect(page.headers['retry-after']).toBe('30');
      expect(page.body).toContain('chwilowo niedostępny');
      expect(page.body).not.toContain(String(port));
    }
    proxy = proxyTo(new URL(test.url!));
    await proxy.listen(port);
    const up = await app.inject('/health');
    expect(up.statusCode).toBe(200);
  });
});

describe('GET /health on the embedded database', () => {
  it('answers 503 "unavailable", without the error, once the database is closed', async () => {
    const t = await createTestApp('pglite', { LOG_LEVEL: 'warn' });
    try {
      const log = captureLog(t.app);
      expect((await t.app.inject('/health')).statusCode).toBe(200);
      // The report map's index may still be loading: the app closes all the same (report-feed.test.ts).
      await t.testDb.database.close();
      const down = await t.app.inject('/health');
      expect(down.statusCode).toBe(503);
      expect(down.json()).toEqual({ status: 'unavailable', database: 'embedded', version: expect.any(String) });
      expect(log.some((line) => line.msg === 'health check failed: the database does not answer' && line.err)).toBe(true);
      const api = await t.app.inject({ url: '/api/v1/units', headers: { 'accept-language': 'en' } });
      expect(api.statusCode).toBe(503);
      expect(api.json().error).toMatchObject({
        code: 'database_unavailable',
        message: expect.stringContaining('unavailable for a moment'),
      });
    } finally {
      await t.close();
    }
  });
});
