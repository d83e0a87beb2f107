import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { backends } from '../../../../test/support/databases.js';
import { browserFor, createTestApp, TestClient, type TestApp } from '../../../../test/support/app.js';
import { inFactory, makeHeldReport, makeReport } from '../../../../test/support/factories.js';
import { world } from '../../../../test/support/world.js';
import { warsawToday } from '../../../platform/i18n/calendar.js';
import type { PlanContent } from '../model.js';
import { evidenceWindow, lastHalf } from './window.js';

/**
 * The drafting panel on the draft of a3 (unit A), whose officer drafts; the reports are made here:
 * in a3 (counted, and ones that must not be: a prank, a held one, one of this month) and in b1.
 */
const district = world.districts.a3;
const other = world.districts.b1;
const window = evidenceWindow(warsawToday());
const early = `${window.months[1]}-15`;
const late = `${lastHalf(window)[2]}-15`;

/** What a3 gets: [category, day, status, metres east of its middle, address]. */
const a3Reports: [string, string, string, number, string][] = [
  ['vandalism', early, 'confirmed', 0, 'Borowo, ul. Lipowa 3'],
  ['vandalism', late, 'new', 40, 'Borowo, ul. Lipowa 5'],
  ['vandalism', late, 'not_confirmed', 80, 'Borowo, ul. Lipowa 7'],
  ['drinking-in-public', early, 'eliminated', 2000, 'Borowo, Rynek 1'],
  ['drinking-in-public', late, 'verifying', 2030, 'Borowo, Rynek 2'],
];
const counted = (category: string) => a3Reports.filter(([c]) => c === category);

describe.each(backends)('drafting a plan from evidence on %s', (backend) => {
  let t: TestApp;
  let period = 0;
  let runningPlanId = '';

  const db = () => t.testDb.database.db;
  const setReport = (id: number, values: { category: string; day: string; status?: string; east?: number; address?: string }) =>
    inFactory(db(), async (trx) => {
      const lon = district.point.lon + (values.east ?? 0) / 70_000;
      await sql`update reports set category_id = ${values.category}, created_at = ${`${values.day}T10:00:00Z`}::timestamptz,
        status = ${values.status ?? 'new'}, address = ${values.address ?? null},
        position = point(${lon}, ${district.point.lat}), public_position = point(${lon}, ${district.point.lat})
        where id = ${id}`.execute(trx);
    });
  const contentOf = async (id: string) =>
    (await db().selectFrom('plans').select('content').where('id', '=', id).executeTakeFirstOrThrow()).content as PlanContent;
  /** A draft of a3 of its own: each test drafts a half-year later than any other. */
  const draft = async (content?: Partial<PlanContent>) => {
    const officer = await browserFor(t, world.officerOf.a3!);
    period++;
    const [year, month] = warsawToday().split('-').map(Number) as [number, number];
    const from = new Date(Date.UTC(year, month - 1 + 12 + period * 7, 1)).toISOString().slice(0, 10);
    const to = new Date(Date.UTC(year, month - 1 + 12 + period * 7 + 5, 28)).toISOString().slice(0, 10);
    const created = await officer.client.postForm(
      '/admin/plans/new',
      { districtId: district.id, periodFrom: from, periodTo: to },
      officer.token,
    );
    expect(created.statusCode).toBe(303);
    const id = (created.headers.location as string).split('?')[0]!.split('/').pop()!;
    if (content) {
      const current = await contentOf(id);
      await inFactory(db(), (trx) =>
        trx
          .updateTable('plans')
          .set({ content: JSON.stringify({ ...current, ...content }) })
          .where('id', '=', id)
          .execute(),
      );
    }
    return { id, ...officer };
  };
  const auditRows = async (id: string) =>
    Number(
      (
        await db()
          .selectFrom('audit_log')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('entity_id', '=', id)
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    t = await createTestApp(backend);
    for (const [category, day, status, east, address] of a3Reports)
      await setReport(await makeReport(db(), district.unitId, district.id), { category, day, status, east, address });
    // Not counted: a prank, a report held for review, one of the current month, one of another district.
    await setReport(await makeReport(db(), district.unitId, district.id), { category: 'vandalism', day: late, status: 'joke' });
    await setReport(await makeHeldReport(db(), district.unitId, district.id), { category: 'vandalism', day: late });
    await setReport(await makeReport(db(), district.unitId, district.id), { category: 'vandalism', day: warsawToday() });
    await setReport(await makeReport(db(), other.unitId, other.id), { category: 'vandalism', day: late, address: 'Grabowo, ul. Obca 1' });
    runningPlanId = (await new TestClient(t.app).get(`/api/v1/plans?districtId=${world.districts.a1.id}`)).json().plans[0].id;
  });
  afterAll(() => t.close());

  it('shows the district’s counts by category and month, its places and similar published plans, and no other district’s reports', async () => {
    const { id, client } = await draft();
    const page = await client.get(`/admin/plans/${id}`);
    expect(page.statusCode).toBe(200);
    const panel = page.body.slice(page.body.indexOf('id="evidence"'));
    expect(panel).toContain('Akty wandalizmu');
    // Category, plan category, reports, confirmed, trend (1 in the first half, 2 in the last).
    const vandalism = counted('vandalism');
    const confirmed = vandalism.filter(([, , status]) => status === 'confirmed').length;
    expect(panel).toMatch(
      new RegExp(`Akty wandalizmu</th><td[^>]*>[^<]*akty wandalizmu</td><td[^>]*>${vandalism.length}</td><td[^>]*>${confirmed}</td>`),
    );
    expect(panel).toContain(`wzrost: 1 → 2 (+100%)`);
    expect(panel).toContain(`Borowo, ul. Lipowa: ${vandalism.length} zgłoszenia`);
    expect(panel).toContain('Borowo, Rynek: 2 zgłoszenia');
    expect(panel).toContain('data-map="points"');
    expect(panel).not.toContain('Obca');
    expect(panel).not.toContain('Zgłoszenie z fabryki testów.'); // descriptions are never shown
    // The total row: the prank, the held report, this month's and b1's are not counted.
    expect(panel).toMatch(new RegExp(`Razem</th><td[^>]*></td><td[^>]*>${a3Reports.length}</td>`));
    expect(panel).toContain(`href="/plany/${runningPlanId}"`);
  });

  it('shows the district’s imported indicator counts by category over the window, not another district’s', async () => {
    const supervisor = new TestClient(t.app);
    await supervisor.signIn(world.supervisorOf.a);
    const number = (id: string) => id.slice(id.lastIndexOf('/') + 1);
    const category = `interwencje domowe ${backend}`;
    const lines = [
      `${early},${category},${number(district.id)},4`,
      `${late},${category},${number(district.id)},3`,
      `${late},${category},${number(world.districts.a1.id)},50`,
      `2001-01-01,${category},${number(district.id)},70`,
    ];
    const imported = await supervisor.request({
      method: 'POST',
      url: `/api/v1/units/${district.unitId}/indicator-data`,
      payload: `date,category,district,count\n${lines.join('\n')}\n`,
      headers: { 'content-type': 'text/csv' },
    });
    expect(imported.statusCode, imported.body).toBe(200);
    const { id, client } = await draft();
    const panel = (await client.get(`/admin/plans/${id}`)).body;
    const indicators = panel.slice(panel.indexOf('id="evidence"'));
    // 4 + 3 in a3 within the window; a1's 50 and a3's count of 2001 (outside the window) are not shown.
    expect(indicators).toMatch(new RegExp(`${category}</t[hd]><td[^>]*>7</td>`));
  });

  it('writes the threat section from the reports and records it in the audit log', async () => {
    const { id, client, token } = await draft();
    const before = await auditRows(id);
    const response = await client.postForm(`/admin/plans/${id}/evidence/threat`, { category: 'vandalism' }, token);
    expect(response.statusCode).toBe(303);
    const threat = (await contentOf(id)).threat;
    expect(threat.category).toBe('vandalism');
    expect(threat.description).toContain(`${counted('vandalism').length} zgłoszenia w kategorii „Akty wandalizmu” (w tym 1 potwierdzone)`);
    expect(threat.places).toBe(`Borowo, ul. Lipowa (${counted('vandalism').length} zgłoszenia)`);
    expect(threat.sources).toEqual(['residents', 'kmzb']);
    expect(await auditRows(id)).toBeGreaterThan(before);
    expect((await client.get(response.headers.location as string)).body).toContain('Dane o zgłoszeniach wpisano do sekcji zagrożenia.');
  });

  it('appends to what the officer wrote and says so', async () => {
    const own = 'Mieszkańcy skarżą się na niszczenie wiat.';
    const { id, client, token } = await draft({ threat: { category: 'public_order', places: '', description: own, sources: [] } });
    const response = await client.postForm(`/admin/plans/${id}/evidence/threat`, { category: 'vandalism' }, token);
    const threat = (await contentOf(id)).threat;
    expect(threat.description.startsWith(`${own}\n\n`)).toBe(true);
    expect(threat.category).toBe('public_order');
    const page = (await client.get(response.headers.location as string)).body;
    expect(page).toContain('dopisano na końcu: opis zagrożenia');
    expect(page).toContain('Kategoria zagrożenia wybrana wcześniej została bez zmian.');
  });

  it('writes the goal’s baseline, asks before replacing it, replaces it when confirmed', async () => {
    const { id, client, token } = await draft();
    const url = `/admin/plans/${id}/evidence/baseline`;
    expect((await client.postForm(url, { baselineCategory: 'vandalism', span: 'half' }, token)).statusCode).toBe(303);
    const lateVandalism = counted('vandalism').filter(([, day]) => day === late).length;
    expect((await contentOf(id)).goal.baseline?.value).toBe(lateVandalism);
    expect((await contentOf(id)).goal.indicator?.source).toBe('Krajowa Mapa Zagrożeń Bezpieczeństwa');

    const asked = await client.postForm(url, { baselineCategory: 'vandalism', span: 'year' }, token);
    expect(asked.statusCode).toBe(409);
    expect(asked.body).toContain(`Cel ma już wartość bazową (${lateVandalism}`);
    expect((await contentOf(id)).goal.baseline?.value).toBe(lateVandalism);

    expect((await client.postForm(url, { baselineCategory: 'vandalism', span: 'year', replace: '1' }, token)).statusCode).toBe(303);
    expect((await contentOf(id)).goal.baseline?.value).toBe(counted('vandalism').length);
  });

  it('refuses a category not in the list with a clear error, storing nothing', async () => {
    const { id, client, token } = await draft();
    const before = await contentOf(id);
    const response = await client.postForm(`/admin/plans/${id}/evidence/threat`, { category: 'nie-ma-takiej' }, token);
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('Wybierz kategorię zagrożenia z listy.');
    const span = await client.postForm(`/admin/plans/${id}/evidence/baseline`, { baselineCategory: 'vandalism', span: '7' }, token);
    expect(span.statusCode).toBe(400);
    expect(await contentOf(id)).toEqual(before);
  });

  it('is for the district’s officer only: another officer gets 404, the supervisor 403 and no panel', async () => {
    const { id } = await draft();
    const before = await contentOf(id);
    const stranger = await browserFor(t, world.officerOf.b1!);
    expect(
      (await stranger.client.postForm(`/admin/plans/${id}/evidence/threat`, { category: 'vandalism' }, stranger.token)).statusCode,
    ).toBe(404);
    const supervisor = await browserFor(t, world.supervisorOf.a);
    expect(
      (await supervisor.client.postForm(`/admin/plans/${id}/evidence/threat`, { category: 'vandalism' }, supervisor.token)).statusCode,
    ).toBe(403);
    const page = await supervisor.client.get(`/admin/plans/${id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain('id="evidence"');
    expect(await contentOf(id)).toEqual(before);
  });
});
