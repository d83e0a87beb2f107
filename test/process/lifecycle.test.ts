import { existsSync, mkdtempSync, rmSync, readFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { processTestOptions, startApp, startAppAndWait, type RunningApp } from '../support/process.js';
import { createDataDir, createTestDatabase, describeOnServer } from '../support/databases.js';
import { inFactory, makeAccount, makeUnit } from '../support/factories.js';
import { WORLD_PASSWORD, world } from '../support/world.js';

const admin = world.accounts.nationalAdmin;
const version = JSON.parse(readFileSync(path.join(import.meta.dirname, '../../package.json'), 'utf8')).version;

/** Signs in over HTTP; returns the cookie header and CSRF token. */
async function signIn(url: string, login: string, password = WORLD_PASSWORD) {
  const response = await fetch(`${url}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login, password }),
  });
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return {
    status: response.status,
    cookie,
    csrf: response.status === 200 ? ((await response.json()) as { csrfToken: string }).csrfToken : '',
  };
}

/** What `npm start` prints when it has loaded the demo data (src/serve.ts). */
const demoLoaded = 'Demo data loaded';

describe('the embedded application as a process', processTestOptions, () => {
  it('starts on a new data directory as `npm start` does: initialises it, loads the demo data once, reports its health', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'dz-process-new-'));
    const started: RunningApp[] = [];
    try {
      const first = await startAppAndWait({ DATA_DIR: dataDir });
      started.push(first);
      const firstStart = {
        health: await (await fetch(`${first.url}/health`)).json(),
        locked: existsSync(path.join(dataDir, 'dzielnicowy.lock')),
        demoLoaded: first.output().includes(demoLoaded),
      };
      expect(await first.stop()).toBe(0);
      expect(firstStart).toEqual({ health: { status: 'ok', database: 'embedded', version }, locked: true, demoLoaded: true });
      // The demo data is loaded on the first start only.
      const second = await startAppAndWait({ DATA_DIR: dataDir });
      started.push(second);
      expect(second.output()).not.toContain(demoLoaded);
      expect(await second.stop()).toBe(0);
    } finally {
      for (const app of started) await app.stop('SIGKILL'); // those a failed expectation left running
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('the embedded application as a process, on the test world', processTestOptions, () => {
  let dataDir: string;
  let app: RunningApp | undefined;
  /** What the first start answered (taken then: later tests stop and restart the app). */
  let firstStart: { health: unknown; locked: boolean; adminSignIn: number };
  /** The app on the world's data directory, without the demo data. */
  const start = (env: Record<string, string> = {}) => startAppAndWait({ DATA_DIR: dataDir, DEMO_DATA: 'false', ...env });
  beforeAll(async () => {
    dataDir = await createDataDir('dz-process-', 'world');
    app = await start();
    firstStart = {
      health: await (await fetch(`${app.url}/health`)).json(),
      locked: existsSync(path.join(dataDir, 'dzielnicowy.lock')),
      adminSignIn: (await signIn(app.url, admin.login)).status,
    };
  });
  afterAll(async () => {
    await app?.stop('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });
  /** The app on the data directory, started again if a test before this one stopped it. */
  async function running(): Promise<RunningApp> {
    if (app?.child.exitCode !== null || app.child.signalCode !== null) app = await start();
    return app;
  }

  it('starts on a data directory, locks it, lets its accounts sign in and reports its health', () => {
    expect(firstStart).toEqual({ health: { status: 'ok', database: 'embedded', version }, locked: true, adminSignIn: 200 });
  });

  it('refuses a second start on the same data directory with a clear message', async () => {
    const first = await running();
    const second = startApp({ DATA_DIR: dataDir, PORT: '0' });
    expect(await second.exited).toBe(1);
    expect(second.output()).toContain('jest już używany przez działający proces');
    expect(second.output()).toContain('is already in use by a running process');
    // The first one is unharmed.
    expect((await fetch(`${first.url}/health`)).status).toBe(200);
  });

  it('finishes a request in flight on SIGTERM, exits cleanly, and keeps every record for the next start', async () => {
    // With the info log, the test sees when the app has taken the request and when it has begun to shut down.
    if (app && app.child.exitCode === null && app.child.signalCode === null) await app.stop('SIGINT');
    app = await start({ LOG_LEVEL: 'info' });
    const linesWith = (text: string) => app!.output().split(text).length - 1;
    const national = await signIn(app.url, admin.login);
    const created = await fetch(`${app.url}/api/v1/accounts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: national.cookie, 'x-csrf-token': national.csrf },
      body: JSON.stringify({
        login: 'po.restarcie',
        displayName: 'Po Restarcie',
        role: 'officer',
        unitId: world.units.c.id,
        password: 'hasło po restarcie 1',
      }),
    });
    expect(created.status).toBe(201);

    // A request whose body is still on its way when the signal comes.
    const body = JSON.stringify({ login: 'po.restarcie', password: 'hasło po restarcie 1' });
    const socket = net.connect(app.port, '127.0.0.1');
    await new Promise((resolve) => socket.once('connect', resolve));
    let answer = '';
    socket.on('data', (chunk: Buffer) => (answer += chunk.toString()));
    const closed = new Promise((resolve) => socket.once('close', resolve));
    const taken = linesWith('incoming request');
    socket.write(
      `POST /api/v1/session HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n`,
    );
    // The app has the request (its headers) before the signal, and is shutting down before the body comes.
    await expect.poll(() => linesWith('incoming request'), { timeout: 30_000 }).toBeGreaterThan(taken);
    app.child.kill('SIGTERM');
    await expect.poll(() => linesWith('shutting down: finishing requests in flight'), { timeout: 30_000 }).toBe(1);
    socket.write(body); // write, not end: a half-closed socket would be dropped by Node before the answer
    await closed;
    expect(answer).toMatch(/^HTTP\/1\.1 200 OK/);
    expect(await app.exited).toBe(0);
    expect(existsSync(path.join(dataDir, 'dzielnicowy.lock'))).toBe(false);

    app = await start();
    expect((await signIn(app.url, 'po.restarcie', 'hasło po restarcie 1')).status).toBe(200);
    // Every record is there once, nothing made twice: the new account and the world's administrator.
    const again = await signIn(app.url, admin.login);
    for (const login of ['po.restarcie', admin.login]) {
      const list = await (
        await fetch(`${app.url}/api/v1/accounts?q=${encodeURIComponent(login)}&pageSize=100`, { headers: { cookie: again.cookie } })
      ).json();
      expect(list.accounts.filter((a: { login: string }) => a.login === login)).toHaveLength(1);
    }
  });

  it('takes over the lock left by a crashed process', async () => {
    await (await running()).stop('SIGKILL');
    expect(existsSync(path.join(dataDir, 'dzielnicowy.lock'))).toBe(true);
    app = await start();
    expect((await signIn(app.url, admin.login)).status).toBe(200);
    expect(await app.stop('SIGINT')).toBe(0);
  });

  it('explains a bad configuration instead of crashing', async () => {
    const badDataDir = mkdtempSync(path.join(os.tmpdir(), 'dz-bad-config-'));
    const bad = startApp({ DATA_DIR: badDataDir, PORT: 'osiemdziesiąt' });
    expect(await bad.exited).toBe(1);
    rmSync(badDataDir, { recursive: true, force: true });
    expect(bad.output()).toContain('Błąd konfiguracji / Configuration error: PORT="osiemdziesiąt"');
    expect(bad.output()).not.toMatch(/\n\s+at /); // no stack trace
  });
});

describeOnServer('the same application on the PostgreSQL server', () => {
  it('starts with DATABASE_URL, migrates, and reports the server back end', async () => {
    const test = await createTestDatabase('postgres', { migrated: false });
    const app = await startAppAndWait({ DATABASE_URL: test.url!, DEMO_DATA: 'false' });
    try {
      expect(await (await fetch(`${app.url}/health`)).json()).toMatchObject({ status: 'ok', database: 'postgres' });
      // The app has migrated the empty database: an account written into it can sign in through the app.
      await inFactory(test.database.db, async (trx) => makeAccount(trx, 'na.serwerze', 'admin', await makeUnit(trx, 'kgp', 'KGP', null)));
      expect((await signIn(app.url, 'na.serwerze')).status).toBe(200);
    } finally {
      expect(await app.stop()).toBe(0);
      await test.drop();
    }
  });
});
