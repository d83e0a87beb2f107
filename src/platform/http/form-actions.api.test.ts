import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../../../test/support/databases.js';
import { browserFor, type TestApp, createTestApp } from '../../../test/support/app.js';
import { world } from '../../../test/support/world.js';

/**
 * A failed staff action shows its error at the action's address; reloading that page (a GET)
 * lands on the page the action belongs to, never on "not found" (form-actions.ts).
 */
describe.each(backends)('reloading a staff action address on %s', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(backend);
  });
  afterAll(async () => {
    await t.close();
  });

  it('a failed "return for correction" reloads as the plan page', async () => {
    const { client: supervisor, token } = await browserFor(t, world.accounts.supervisorA.login);
    const queue = await supervisor.get('/admin/plans');
    const planPath = /href="(\/admin\/plans\/[0-9a-f-]{36})"/.exec(queue.body)![1]!;
    // Returning without any comment is refused and shown at the action's address...
    const failed = await supervisor.postForm(`${planPath}/review`, { intent: 'return' }, token);
    expect(failed.statusCode).toBe(400);
    // ...which, reloaded, is the plan page itself.
    const reloaded = await supervisor.get(`${planPath}/review?x=1`);
    expect(reloaded.statusCode).toBe(303);
    expect(reloaded.headers.location).toBe(planPath);
    expect((await supervisor.get(planPath)).statusCode).toBe(200);
  });

  it('does the same for report actions, and leaves addresses without a page alone', async () => {
    const anonymous = await t.app.inject({ method: 'GET', url: '/admin/reports/17/status' });
    expect(anonymous.statusCode).toBe(303);
    expect(anonymous.headers.location).toBe('/admin/reports/17');
    // /admin/assignments/:id is no page: its action stays unknown to GET.
    expect((await t.app.inject({ method: 'GET', url: '/admin/assignments/5/end' })).statusCode).toBe(404);
  });
});
