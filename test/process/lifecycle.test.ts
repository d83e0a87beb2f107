import { existsSync, mkdtempSync, rmSync, readFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, startAppAndWait, type RunningApp } from '../support/process.js';
import { DEMO_PASSWORD } from '../../src/demo/demo-data.js';
import { createTestDatabase, describeOnServer } from '../support/databases.js';

/** Signs in over HTTP; returns the cookie header and CSRF token. */
async function signIn(url: string, login: string, password = DEMO_PASSWORD) {
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

describe('the embedded application as a process', () => {
  let dataDir: string;
  let app: RunningApp | undefined;
  /** What the first start on the new data directory answered (taken then: later tests stop and restart the app). */
  let firstStart: { health: unknown; locked: boolean; adminSignIn: number };
  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'dz-process-'));
    app = await startAppAndWait({ DATA_DIR: dataDir });
    firstStart = {
      health: await (await fetch(`${app.url}/health`)).json(),
      locked: existsSync(path.join(dataDir, 'dzielnicowy.lock')),
      adminSignIn: (await signIn(app.url, 'admin')).status,
    };
  });
  afterAll(async () => {
    await app?.stop('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });
  /** The app on the data directory, started again if a test before this one stopped it. */
  async function running(): Promise<RunningApp> {
    if (app?.child.exitCode !== null || app.child.signalCode !== null) app = await startAppAndWait({ DATA_DIR: dataDir });
    return app;
  }

  it('starts on a new data directory with the demo data and reports its health', () => {
    const version = JSON.parse(readFileSync(path.join(import.meta.dirname, '../../package.json'), 'utf8')).version;
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
    app = await running();
    const admin = await signIn(app.url, 'admin');
    const created = await fetch(`${app.url}/api/v1/accounts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: admin.cookie, 'x-csrf-token': admin.csrf },
      body: JSON.stringify({
        login: 'po.restarcie',
        displayName: 'Po Restarcie',
        role: 'officer',
        unitId: 'kpp-sejny',
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
    socket.write(
      `POST /api/v1/session HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n`,
    );
    await new Promise((resolve) => setTimeout(resolve, 200));
    app.child.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 300));
    socket.write(body); // write, not end: a half-closed socket would be dropped by Node before the answer
    await closed;
    expect(answer).toMatch(/^HTTP\/1\.1 200 OK/);
    expect(await app.exited).toBe(0);
    expect(existsSync(path.join(dataDir, 'dzielnicowy.lock'))).toBe(false);

    app = await startAppAndWait({ DATA_DIR: dataDir });
    expect((await signIn(app.url, 'po.restarcie', 'hasło po restarcie 1')).status).toBe(200);
    // Demo data is loaded on the first start only: still exactly one demo administrator.
    const national = await signIn(app.url, 'admin');
    const list = await (await fetch(`${app.url}/api/v1/accounts?q=admin&pageSize=100`, { headers: { cookie: national.cookie } })).json();
    expect(list.accounts.filter((a: { login: string }) => a.login === 'admin')).toHaveLength(1);
  });

  it('takes over the lock left by a crashed process', async () => {
    await (await running()).stop('SIGKILL');
    expect(existsSync(path.join(dataDir, 'dzielnicowy.lock'))).toBe(true);
    app = await startAppAndWait({ DATA_DIR: dataDir });
    expect((await signIn(app.url, 'admin')).status).toBe(200);
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
    const app = await startAppAndWait({ DATABASE_URL: test.url!, DEMO_DATA: 'true' });
    try {
      expect(await (await fetch(`${app.url}/health`)).json()).toMatchObject({ status: 'ok', database: 'postgres' });
      expect((await signIn(app.url, 'admin')).status).toBe(200);
    } finally {
      expect(await app.stop()).toBe(0);
      await test.drop();
    }
  });
});
