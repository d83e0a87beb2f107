import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppAndWait, type RunningApp } from '../support/process.js';

describe('the request log', () => {
  let dataDir: string;
  let app: RunningApp | undefined;
  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'dz-request-log-'));
    app = await startAppAndWait({ DATA_DIR: dataDir, LOG_LEVEL: 'info' });
  });
  afterAll(async () => {
    await app?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('records what was asked for, but no client address (docs/privacy.md: logs keep no IP)', async () => {
    const response = await fetch(`${app!.url}/szukaj?adres=Lubart%C3%B3w`);
    expect(response.status).toBe(200);
    // pino writes each line as it comes; give the line a moment to reach the pipe.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const lines = app!
      .output()
      .split('\n')
      .filter((line) => line.includes('/szukaj?adres='));
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) {
      const entry = JSON.parse(line) as { req?: Record<string, unknown> };
      expect(entry.req).toBeDefined();
      expect(Object.keys(entry.req!)).not.toContain('remoteAddress');
      expect(line).not.toContain('127.0.0.1');
    }
  });
});
