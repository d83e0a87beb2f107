import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.js';
import { loadConfig } from '../config/config.js';
import { openDatabase, type Database } from '../db/database.js';
import { createTestDatabase, describeOnServer, type TestDatabase } from '../../../test/support/databases.js';
import type { FastifyInstance } from 'fastify';
import type { LogStream } from './server.js';
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

/** A log stream for the app that keeps the lines it writes. */
function logLines(): { lines: Array<Record<string, unknown>>; stream: LogStream } {
  const lines: Array<Record<string, unknown>> = [];
  return { lines, stream: { write: (line: string) => void lines.push(JSON.parse(line)) } };
}

describeOnServer('GET /health on the PostgreSQL server back end', () => {
  let test: TestDatabase;
  let database: Database;
  let app: FastifyInstance;
  let proxy: ReturnType<typeof proxyTo>;
  let port: number;
  const log = logLines();

  beforeAll(async () => {
    test = await createTestDatabase('postgres');
    const url = new URL(test.url!);
    proxy = proxyTo(url);
    port = await proxy.listen();
    const viaProxy = new URL(url);
    viaProxy.hostname = '127.0.0.1';
    viaProxy.port = String(port);
    database = await openDatabase({ kind: 'postgres', url: viaProxy.toString() });
    app = await buildApp(loadConfig({ DATABASE_URL: viaProxy.toString(), LOG_LEVEL: 'warn' }), database, { logStream: log.stream });
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
    const linesBefore = log.lines.length;
    await proxy.cut();
    const down = await app.inject('/health');
    expect(down.statusCode).toBe(503);
    expect(down.json()).toEqual({ status: 'unavailable', database: 'postgres', version: expect.any(String) });
    const [entry, ...more] = log.lines
      .slice(linesBefore)
      .filter((line) => line.msg === 'health check failed: the database does not answer');
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
    const testDb = await createTestDatabase('pglite', { world: true });
    const log = logLines();
    const app = await buildApp(loadConfig({ DATA_DIR: path.join(os.tmpdir(), 'dz-unused'), LOG_LEVEL: 'warn' }), testDb.database, {
      logStream: log.stream,
    });
    try {
      expect((await app.inject('/health')).statusCode).toBe(200);
      // The report map's index may still be loading: the app closes all the same (report-feed.test.ts).
      await testDb.database.close();
      const down = await app.inject('/health');
      expect(down.statusCode).toBe(503);
      expect(down.json()).toEqual({ status: 'unavailable', database: 'embedded', version: expect.any(String) });
      expect(log.lines.some((line) => line.msg === 'health check failed: the database does not answer' && line.err)).toBe(true);
      const api = await app.inject({ url: '/api/v1/units', headers: { 'accept-language': 'en' } });
      expect(api.statusCode).toBe(503);
      expect(api.json().error).toMatchObject({
        code: 'database_unavailable',
        message: expect.stringContaining('unavailable for a moment'),
      });
    } finally {
      await app.close();
      await testDb.drop();
    }
  });
});
