import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDataDir } from '../support/databases.js';
import { startAppAndWait, type RunningApp } from '../support/process.js';

describe('the request log', () => {
  let dataDir: string;
  let app: RunningApp | undefined;
  beforeAll(async () => {
    // A migrated database: a new directory would cost the process seconds of initialising and migrating.
    dataDir = await createDataDir('dz-request-log-');
    app = await startAppAndWait({ DATA_DIR: dataDir, LOG_LEVEL: 'info' });
  });
  afterAll(async () => {
    await app?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('records what was asked for, but no client address (docs/privacy.md: logs keep no IP)', async () => {
    const response = await fetch(`${app!.url}/szukaj?adres=Lubart%C3%B3w`);
    expect(response.status).toBe(200);
    // pino writes each line as it comes; the line reaches the pipe a moment after the answer.
    const logged = () =>
      app!
        .output()
        .split('\n')
        .filter((line) => line.includes('/szukaj?adres='));
    await expect.poll(() => logged().length, { timeout: 10_000 }).toBeGreaterThan(0);
    const lines = logged();
    for (const line of lines) {
      const entry = JSON.parse(line) as { req?: Record<string, unknown> };
      expect(entry.req).toBeDefined();
      expect(Object.keys(entry.req!)).not.toContain('remoteAddress');
      expect(line).not.toContain('127.0.0.1');
    }
  });
});
