import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { processTestOptions, startAppAndWait } from '../support/process.js';
import { createDataDir } from '../support/databases.js';

/**
 * The log of the built app as `npm start` writes it into a pipe (systemd, Docker): JSON lines, each
 * line of a request with its id, none lost when the process stops (the buffered writer is flushed);
 * LOG_FORMAT=pretty gives readable lines instead.
 */
describe('the log of the application process', processTestOptions, () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  /** Starts the app, asks /health/live through a "proxy" on loopback with a request id, stops it; its output. */
  const run = async (env: Record<string, string>) => {
    const dataDir = await createDataDir('dz-logging-', 'migrated');
    dirs.push(dataDir);
    const app = await startAppAndWait({ DATA_DIR: dataDir, DEMO_DATA: 'false', LOG_LEVEL: 'info', TRUST_PROXY: 'loopback', ...env });
    const response = await fetch(`${app.url}/health/live`, { headers: { 'x-request-id': 'trace-from-proxy-1' } });
    expect(response.headers.get('x-request-id')).toBe('trace-from-proxy-1');
    expect(await app.stop()).toBe(0);
    return app.output();
  };

  it('writes JSON lines into a pipe, every line of a request carrying its id, and loses none at the stop', async () => {
    const output = await run({});
    const lines = output.split('\n').filter((line) => line.startsWith('{'));
    const entries = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    const ofRequest = entries.filter((entry) => entry.reqId === 'trace-from-proxy-1');
    expect(ofRequest.map((entry) => entry.msg)).toEqual(['incoming request', 'request completed']);
    // Written after the request: the buffer was flushed when the process exited.
    expect(entries.some((entry) => entry.msg === 'shutting down: finishing requests in flight')).toBe(true);
  });

  it('writes readable lines with LOG_FORMAT=pretty', async () => {
    const output = await run({ LOG_FORMAT: 'pretty' });
    const completed = output.split('\n').filter((line) => line.includes('request completed'));
    expect(completed.length).toBeGreaterThan(0);
    expect(completed.every((line) => !line.trimStart().startsWith('{'))).toBe(true);
    expect(output).toContain('trace-from-proxy-1');
  });
});
