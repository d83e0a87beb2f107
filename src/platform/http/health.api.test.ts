import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.js';
import { loadConfig } from '../config/config.js';
import { openDatabase, type Database } from '../db/database.js';
import { createTestDatabase, type TestDatabase } from '../../../test/support/databases.js';
import type { FastifyInstance } from 'fastify';

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
    listen: (port = 0) => new Promise<number>((resolve) => server.listen(port, '127.0.0.1', () => resolve((server.address() as net.AddressInfo).port))),
    cut: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      }),
  };
}

describe('GET /health on the PostgreSQL server back end', () => {
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
    app = await buildApp(loadConfig({ DATABASE_URL: viaProxy.toString(), LOG_LEVEL: 'silent' }), database);
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

  it('answers 503 with the reason when the database is unreachable, and recovers', async () => {
    await proxy.cut();
    const down = await app.inject('/health');
    expect(down.statusCode).toBe(503);
    expect(down.json()).toMatchObject({ status: 'unavailable', database: 'postgres' });
    expect(down.json().reason).toMatch(/^database unreachable \(.+\)/);
    proxy = proxyTo(new URL(test.url!));
    await proxy.listen(port);
    const up = await app.inject('/health');
    expect(up.statusCode).toBe(200);
  });
});
