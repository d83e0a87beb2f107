import { accessSync, constants } from 'node:fs';
import pg from 'pg';

/**
 * What this machine offers the tests: the PostgreSQL server and Chromium. Probed once per run in
 * the global setup (test/support/global-setup.ts) and handed to test files through `inject`, so a
 * newcomer without either still runs the rest; under CI both are required.
 */
export interface TestEnvironment {
  /** Null when the server answered; otherwise why not. */
  postgresMissing: string | null;
  chromiumMissing: string | null;
}

export const serverUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** host:port of the server URL, without the user or password. */
function serverAddress(): string {
  try {
    const url = new URL(serverUrl);
    return `${url.hostname}:${url.port || '5432'}`;
  } catch {
    return 'TEST_DATABASE_URL (not a URL)';
  }
}

async function probePostgres(): Promise<string | null> {
  const client = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 3000 });
  // A refused connection also emits 'error' on the client; without a listener it would crash the run.
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('select 1');
    return null;
  } catch (error) {
    const code = (error as { code?: string }).code;
    return `PostgreSQL at ${serverAddress()} not reachable (${code ?? (error as Error).message})`;
  } finally {
    await client.end().catch(() => undefined);
  }
}

function probeChromium(): string | null {
  try {
    accessSync(chromiumPath, constants.X_OK);
    return null;
  } catch {
    return `Chromium not found at ${chromiumPath}`;
  }
}

export async function probeEnvironment(): Promise<TestEnvironment> {
  return { postgresMissing: await probePostgres(), chromiumMissing: probeChromium() };
}

/**
 * The one line a run prints about what it left out, or under CI the error that stops it. Null when
 * nothing is missing.
 */
export function environmentNotice(environment: TestEnvironment, ci: boolean): { line: string; fatal: boolean } | null {
  const parts: string[] = [];
  if (environment.postgresMissing)
    parts.push(
      `${environment.postgresMissing}: PostgreSQL server tests ${ci ? 'cannot run' : 'skipped'}; start it or set TEST_DATABASE_URL`,
    );
  if (environment.chromiumMissing)
    parts.push(`${environment.chromiumMissing}: browser tests ${ci ? 'cannot run' : 'skipped'}; install chromium or set CHROMIUM_PATH`);
  if (parts.length === 0) return null;
  return ci
    ? { line: `CI=true requires every test: ${parts.join('. ')}.`, fatal: true }
    : { line: `Skipped: ${parts.join('. ')}.`, fatal: false };
}
