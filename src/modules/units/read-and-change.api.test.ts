import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../../../test/support/databases.js';
import { browserFor, TestClient, type TestApp, createTestApp } from '../../../test/support/app.js';
import { world } from '../../../test/support/world.js';

/**
 * One rule for reading and changing a thing outside one's scope (units/scope.ts): reports and
 * working plans, which are not public, are "not found" (404) to GET and POST alike; the register,
 * which is public, is 403 to both. Never 404 to GET and 403 to POST for the same thing.
 */
describe.each(backends)('the same answer to reading and changing on %s', (backend) => {
  let t: TestApp;
  let reportId: number;
  let planId: string;
  beforeAll(async () => {
    t = await createTestApp(backend);
    const resident = new TestClient(t.app, { remoteAddress: '198.51.100.31' });
    const categories = (await resident.get('/api/v1/report-categories')).json().categories as { code: string; names: { pl: string } }[];
    const parking = categories.find((c) => c.names.pl === 'Nieprawidłowe parkowanie')!.code;
    const report = await resident.send('POST', '/api/v1/reports', { category: parking, address: world.districts.a1.address });
    expect(report.statusCode).toBe(201);
    reportId = report.json().id;
    const officer = new TestClient(t.app);
    await officer.signIn(world.accounts.officerA1.login);
    const plan = await officer.send('POST', '/api/v1/plans', {
      districtId: world.districts.a1.id,
      periodFrom: '2041-01-01',
      periodTo: '2041-06-30',
    });
    expect(plan.statusCode).toBe(201);
    planId = plan.json().id;
  });
  afterAll(() => t.close());

  it('answers 404 to the staff report page and to every change of it, for police of another unit', async () => {
    const outsider = await browserFor(t, world.accounts.supervisorC.login);
    expect((await outsider.client.get(`/admin/reports/${reportId}`)).statusCode).toBe(404);
    expect((await outsider.client.postForm(`/admin/reports/${reportId}/status`, { status: 'verifying' }, outsider.token)).statusCode).toBe(
      404,
    );
    expect(
      (await outsider.client.postForm(`/admin/reports/${reportId}/assign`, { districtId: world.districts.c1.id }, outsider.token))
        .statusCode,
    ).toBe(404);
    const api = new TestClient(t.app);
    await api.signIn(world.accounts.supervisorC.login);
    // The API shows anyone the public view; the internal part, and every change, are not found.
    expect((await api.get(`/api/v1/reports/${reportId}`)).json().internal).toBeUndefined();
    expect((await api.send('POST', `/api/v1/reports/${reportId}/status`, { status: 'verifying' })).statusCode).toBe(404);
    expect((await api.send('POST', `/api/v1/reports/${reportId}/assignment`, { districtId: null })).statusCode).toBe(404);
    // Nothing changed.
    expect((await api.get(`/api/v1/reports/${reportId}`)).json().status).toBe('new');
    // The unit's own supervisor reads it and may change it: the rule does not hide it from them.
    const own = await browserFor(t, world.accounts.supervisorA.login);
    expect((await own.client.get(`/admin/reports/${reportId}`)).statusCode).toBe(200);
  });

  it('answers 404 to a draft plan’s page and to every change of it, and 403 to staff who see it but may not change it', async () => {
    const outsider = await browserFor(t, world.accounts.officerB1.login);
    expect((await outsider.client.get(`/admin/plans/${planId}`)).statusCode).toBe(404);
    expect(
      (await outsider.client.postForm(`/admin/plans/${planId}`, { intent: 'save', 'threat.description': 'x' }, outsider.token)).statusCode,
    ).toBe(404);
    const api = new TestClient(t.app);
    await api.signIn(world.accounts.officerB1.login);
    expect((await api.get(`/api/v1/plans/${planId}`)).statusCode).toBe(404);
    expect((await api.send('POST', `/api/v1/plans/${planId}/transitions`, { transition: 'submit' })).statusCode).toBe(404);
    expect((await api.send('PATCH', `/api/v1/plans/${planId}`, { periodTo: '2041-06-29' })).statusCode).toBe(404);
    expect((await api.send('DELETE', `/api/v1/plans/${planId}`)).statusCode).toBe(404);
    // The unit's supervisor reads the draft but does not write it: 403, on the page and in the API.
    const supervisor = await browserFor(t, world.accounts.supervisorA.login);
    expect((await supervisor.client.get(`/admin/plans/${planId}`)).statusCode).toBe(200);
    expect(
      (
        await supervisor.client.postForm(
          `/admin/plans/${planId}`,
          { intent: 'save', 'threat.description': 'x', periodFrom: '2041-01-01', periodTo: '2041-06-30' },
          supervisor.token,
        )
      ).statusCode,
    ).toBe(403);
  });

  it('answers 403 to reading and to changing a unit of the public register outside one’s scope', async () => {
    const commander = await browserFor(t, world.accounts.commanderA.login);
    expect((await commander.client.get(`/admin/units/${world.units.c.id}`)).statusCode).toBe(403);
    expect(
      (
        await commander.client.postForm(
          `/admin/units/${world.units.c.id}`,
          { name: world.units.c.name, phone: '+48 000 100 099' },
          commander.token,
        )
      ).statusCode,
    ).toBe(403);
    const stored = await t.testDb.database.db
      .selectFrom('units')
      .select('phone')
      .where('id', '=', world.units.c.id)
      .executeTakeFirstOrThrow();
    expect(stored.phone).toBe(world.units.c.phone);
  });
});
