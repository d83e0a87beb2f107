import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { loadConfig, type Config } from '../../src/platform/config/config.js';
import { buildApp } from '../../src/app.js';
import { createTestDatabase, type Backend, type TestDatabase } from './databases.js';
import { withResponseLog } from './response-schemas.js';
import { WORLD_PASSWORD } from './world.js';
import { inFactory } from './factories.js';
import type { Trx } from '../../src/platform/audit/actor.js';
import { createChangeBus, type ChangeBus } from '../../src/platform/events/changes.js';

export interface TestApp {
  app: FastifyInstance;
  config: Config;
  testDb: TestDatabase;
  /** The app's own change bus (each test app has its own). */
  changes: ChangeBus;
  close(): Promise<void>;
}

/** The password a client signs in with unless told otherwise: the one of the register the app was given. */
const passwords = new WeakMap<FastifyInstance, string>();

/**
 * The real application on a fresh test database with the test world (world.ts) in it, and what
 * `addToWorld` writes (in one factory transaction) before the app starts and loads its indexes.
 */
export async function createTestApp(
  backend: Backend,
  env: Record<string, string> = {},
  addToWorld?: (trx: Trx) => Promise<unknown>,
): Promise<TestApp> {
  const testDb = await createTestDatabase(backend, { world: true });
  if (addToWorld) await inFactory(testDb.database.db, addToWorld);
  return appOn(testDb, env, WORLD_PASSWORD);
}

/** The real application on `testDb` (filled by the caller), whose accounts sign in with `password`. */
export async function appOn(testDb: TestDatabase, env: Record<string, string>, password: string): Promise<TestApp> {
  // No retention or reminder job of its own (they would write mid-test): a test runs the job, or asks with RETENTION_JOB / REMINDER_JOB.
  const config = loadConfig({
    DATA_DIR: path.join(os.tmpdir(), 'dz-unused'),
    LOG_LEVEL: 'silent',
    RETENTION_JOB: 'false',
    REMINDER_JOB: 'false',
    ...env,
  });
  const changes = createChangeBus((error) => {
    throw error;
  });
  const app = await withResponseLog(() => buildApp(config, testDb.database, { changes }));
  passwords.set(app, password);
  return {
    app,
    config,
    testDb,
    changes,
    async close() {
      await app.close();
      await testDb.drop();
    },
  };
}

export type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** A browser-like client for app.inject: keeps cookies, sends the CSRF token on writes. */
export class TestClient {
  readonly cookies = new Map<string, string>();
  csrfToken: string | null = null;

  constructor(
    private readonly app: FastifyInstance,
    /** `remoteAddress`: the address the request comes from (app.inject's socket address). */
    private readonly defaults: { headers?: Record<string, string>; remoteAddress?: string } = {},
  ) {}

  async request(options: {
    method: Method;
    url: string;
    payload?: unknown;
    headers?: Record<string, string>;
    csrf?: boolean;
    /** The client's address (default 127.0.0.1): tests that send many requests spread them over addresses. */
    remoteAddress?: string;
  }): Promise<LightMyRequestResponse> {
    const headers: Record<string, string> = { ...this.defaults.headers, ...options.headers };
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (options.csrf !== false && options.method !== 'GET' && this.csrfToken) headers['x-csrf-token'] = this.csrfToken;
    const payload =
      options.payload === undefined || typeof options.payload === 'string' || Buffer.isBuffer(options.payload)
        ? options.payload
        : JSON.stringify(options.payload);
    if (payload !== undefined && !Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) {
      headers['content-type'] = 'application/json';
    }
    const remoteAddress = options.remoteAddress ?? this.defaults.remoteAddress;
    const response = await this.app.inject({
      method: options.method,
      url: options.url,
      headers,
      payload,
      ...(remoteAddress ? { remoteAddress } : {}),
    });
    for (const cookie of response.cookies as { name: string; value: string; maxAge?: number; expires?: Date }[]) {
      const expired = cookie.maxAge === 0 || (cookie.expires && cookie.expires.getTime() <= Date.now()) || cookie.value === '';
      if (expired) this.cookies.delete(cookie.name);
      else this.cookies.set(cookie.name, cookie.value);
    }
    return response;
  }

  get(url: string, headers?: Record<string, string>) {
    return this.request({ method: 'GET', url, ...(headers ? { headers } : {}) });
  }

  send(method: Method, url: string, payload?: unknown, headers?: Record<string, string>) {
    return this.request({ method, url, payload, ...(headers ? { headers } : {}) });
  }

  /** Signs in through the API and keeps the session cookie and CSRF token. */
  async signIn(who: string | { login: string }, password = passwordOf(this.app)): Promise<LightMyRequestResponse> {
    const login = typeof who === 'string' ? who : who.login;
    const response = await this.request({ method: 'POST', url: '/api/v1/session', payload: { login, password }, csrf: false });
    if (response.statusCode === 200) this.csrfToken = response.json().csrfToken;
    return response;
  }

  /** A form post as a browser makes it (urlencoded, with the _csrf field from the page). */
  async postForm(url: string, fields: Record<string, string>, csrfToken: string | null = this.csrfToken) {
    const body = new URLSearchParams({ ...fields, ...(csrfToken ? { _csrf: csrfToken } : {}) }).toString();
    return this.request({
      method: 'POST',
      url,
      payload: body,
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
      csrf: false,
    });
  }
}

/** A browser signed in through the sign-in page, with the CSRF token the admin pages put into their forms. */
export async function browserFor(t: TestApp, who: string | { login: string }): Promise<{ client: TestClient; token: string }> {
  const client = new TestClient(t.app, { headers: { accept: 'text/html' } });
  const page = await client.get('/login');
  const login = typeof who === 'string' ? who : who.login;
  await client.postForm('/login', { login, password: passwordOf(t.app) }, csrfFromHtml(page.body));
  return { client, token: csrfFromHtml((await client.get('/admin/plans')).body) };
}

function passwordOf(app: FastifyInstance): string {
  return passwords.get(app) ?? WORLD_PASSWORD;
}

/** The CSRF token a page put into its forms. */
export function csrfFromHtml(html: string): string {
  const match = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!match) throw new Error('no CSRF field on the page');
  return match[1]!;
}
