import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClient, createTestApp, type TestApp } from '../../../test/support/app.js';
import { world } from '../../../test/support/world.js';
import type { ChangeTopic } from './changes.js';

/*
 * Each app has its own change bus: a write through one app refreshes that app's caches (the public
 * report map, the public plan page) before its next answer, and another app in the same process
 * hears nothing of it (the old module-level registries told every app of every change).
 */
describe('one change bus per app', () => {
  const apps: TestApp[] = [];
  const heard: Record<ChangeTopic, number>[] = [];
  const status = (body: string) => /Stan: <strong[^>]*>([^<]+)</.exec(body)?.[1];

  beforeAll(async () => {
    for (let i = 0; i < 2; i++) {
      const t = await createTestApp('pglite');
      const counts = { plans: 0, reports: 0, register: 0, settings: 0 };
      t.changes.on('plans', () => counts.plans++);
      t.changes.on('reports', () => counts.reports++);
      apps.push(t);
      heard.push(counts);
    }
  });
  afterAll(async () => {
    for (const t of apps) await t.close();
  });

  it('shows a report sent through the API on that app’s public map at once, and only that app hears of it', async () => {
    const [first] = apps;
    const resident = new TestClient(first!.app);
    const point = world.districts.a1.point;
    const box = [point.lon - 0.002, point.lat - 0.002, point.lon + 0.002, point.lat + 0.002].join(',');
    const map = () => resident.get(`/api/v1/reports/map?bbox=${box}&zoom=16&category=vandalism`);
    // The in-memory index answers once loaded (before that, SQL would be fresh anyway).
    await expect.poll(async () => (await map()).headers['x-report-index'], { timeout: 20_000 }).toBe('ready');
    const before = (await map()).json<{ reports: { id: number }[] }>().reports.length;
    const sent = await resident.send('POST', '/api/v1/reports', { category: 'vandalism', lon: point.lon, lat: point.lat });
    expect(sent.statusCode).toBe(201);
    const answer = (await map()).json<{ reports: { id: number }[] }>();
    expect(answer.reports).toHaveLength(before + 1);
    expect(answer.reports.map((r) => r.id)).toContain(sent.json().id);
    expect(heard[0]!.reports).toBe(1);
    expect(heard[1]!.reports).toBe(0);
  });

  it('shows a plan changed through the API on that app’s public plan page at once, and only that app hears of it', async () => {
    const [, second] = apps;
    const browser = new TestClient(second!.app, { headers: { accept: 'text/html' } });
    const supervisor = new TestClient(second!.app);
    await supervisor.signIn(world.supervisorOf.b);
    const { id } = await second!.testDb.database.db
      .selectFrom('plans')
      .select('id')
      .where('district_id', '=', world.districts.b1.id)
      .where('status', '=', 'submitted')
      .executeTakeFirstOrThrow();
    for (const transition of ['approve', 'publish'])
      expect((await supervisor.send('POST', `/api/v1/plans/${id}/transitions`, { transition })).statusCode).toBe(200);
    // The page is now in the public cache; the next change must reach it before the next answer.
    expect(status((await browser.get(`/plany/${id}`)).body)).toBe('opublikowany');
    const heardBefore = heard[1]!.plans;
    expect((await supervisor.send('POST', `/api/v1/plans/${id}/transitions`, { transition: 'start' })).statusCode).toBe(200);
    expect(status((await browser.get(`/plany/${id}`)).body)).toBe('w realizacji');
    expect(heard[1]!.plans).toBe(heardBefore + 1);
    expect(heard[0]!.plans).toBe(0);
  });
});
