import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../../../test/support/databases.js';
import { TestClient, csrfFromHtml, type TestApp, createTestApp } from '../../../test/support/app.js';
import { world } from '../../../test/support/world.js';
import { queueDueDigests } from './floods/digests.js';
import { storeNewReport } from './repository.js';
import { storeSettings } from '../../../test/support/settings.js';

/*
 * Issue 11: 3,000 reports from 3,000 addresses in 11 s were all published and each mailed to the
 * district. Here, with small limits (3 of a kind, 6 in all per district and hour, 3 mailed one by
 * one), floods from many addresses: the excess is stored held for review (nothing lost), not
 * public, not mailed one by one; the district gets one digest; staff release or reject.
 */

const limits = { categoryPerHour: 3, districtPerHour: 6, mailedPerHour: 3, digestMinutes: 30 };
// Four districts of the test world, so that each test's flood is its own; a1 is the signed-in officer's.
const pointA1 = world.districts.a1.point;
const pointA3 = world.districts.a3.point;
const pointA2 = world.districts.a2.point;
const pointB2 = world.districts.b2.point;
const emailA2 = world.districts.a2.email;
const emailA3 = world.districts.a3.email;
const later = () => new Date(Date.now() + 2 * 3600_000);

describe.each(backends)('floods of threat reports on %s', (backend) => {
  let t: TestApp;
  let ip = 0;
  const resident = () => new TestClient(t.app, { headers: { 'x-forwarded-for': `10.1.${Math.floor(++ip / 250)}.${ip % 250}` } });
  const db = () => t.testDb.database.db;
  const outbox = (to: string) => db().selectFrom('outbox').selectAll().where('recipient', '=', to).orderBy('id').execute();
  const staff: Record<string, TestClient> = {};
  let parking: string;
  let categories: string[];

  /**
   * A flood of parking reports at one point, all sent at once: the answers, and the ids of the
   * reports let through and of the held ones. Each test floods a district of its own (the limits
   * count per district and hour), so none depends on another test's reports.
   */
  async function floodAt(point: { lat: number; lon: number }, count: number) {
    const answers = await Promise.all(
      Array.from({ length: count }, (_, i) =>
        resident().send('POST', '/api/v1/reports', {
          category: parking,
          lat: point.lat,
          lon: point.lon,
          description: `Fałszywka ${i}`,
          email: `nadawca${i}@example.com`,
        }),
      ),
    );
    expect(answers.map((a) => a.statusCode)).toEqual(Array(count).fill(201));
    const bodies = answers.map((a) => a.json());
    const flood = { bodies, open: [] as number[], held: [] as number[] };
    for (const body of bodies) (body.awaitingReview ? flood.held : flood.open).push(body.id);
    return flood;
  }

  beforeAll(async () => {
    t = await createTestApp(backend, { TRUST_PROXY: '1' });
    await storeSettings(
      db(),
      {
        'reports.categoryPerHour': limits.categoryPerHour,
        'reports.districtPerHour': limits.districtPerHour,
        'reports.mailedPerHour': limits.mailedPerHour,
        'reports.digestMinutes': limits.digestMinutes,
      },
      { changes: t.changes },
    );
    for (const login of [world.accounts.officerA1.login, world.accounts.supervisorA.login, world.accounts.officerB1.login]) {
      staff[login] = new TestClient(t.app, { headers: { 'x-forwarded-for': '203.0.113.1' } });
      await staff[login].signIn(login);
    }
    const all = (await resident().get('/api/v1/report-categories')).json().categories as {
      code: string;
      active: boolean;
      season: unknown;
      descriptionRequired: boolean;
      names: { pl: string };
    }[];
    parking = all.find((c) => c.names.pl === 'Nieprawidłowe parkowanie')!.code;
    categories = all.filter((c) => c.active && !c.season && !c.descriptionRequired).map((c) => c.code);
  });
  afterAll(() => t.close());

  it('holds a flood of one kind from 30 addresses at once beyond the limit: 3 mailed, 27 held, one digest, nothing lost', async () => {
    const flood = await floodAt(pointA2, 30);
    const bodies = flood.bodies;
    expect([flood.open.length, flood.held.length]).toEqual([3, 27]);
    // A held report's answer shows no place: it may be one of the fakes.
    expect(bodies.filter((b) => b.awaitingReview).every((b) => b.position === null && b.districtId === null)).toBe(true);

    const rows = await db()
      .selectFrom('reports')
      .select(['id', 'hold', 'digest_id'])
      .where('id', 'in', [...flood.open, ...flood.held])
      .execute();
    expect(rows).toHaveLength(30);
    expect(
      rows
        .filter((r) => r.hold === 'held')
        .map((r) => r.id)
        .sort(),
    ).toEqual([...flood.held].sort());
    expect(new Set(rows.filter((r) => r.hold === 'held').map((r) => r.digest_id)).size).toBe(1);
    const single = (await outbox(emailA2)).filter((m) => m.subject.startsWith('Nowe zgłoszenie'));
    expect(single.map((m) => Number(/nr (\d+)/.exec(m.subject)![1])).sort()).toEqual([...flood.open].sort());

    // Each report has its audit row and its events; the held ones a "held" event too.
    const audit = await db()
      .selectFrom('audit_log')
      .select('entity_id')
      .where('entity_type', '=', 'reports')
      .where('action', '=', 'insert')
      .where(
        'entity_id',
        'in',
        rows.map((r) => String(r.id)),
      )
      .execute();
    expect(audit).toHaveLength(30);
    const heldEvents = await db()
      .selectFrom('report_events')
      .select('report_id')
      .where('kind', '=', 'held')
      .where('report_id', 'in', flood.held)
      .execute();
    expect(heldEvents).toHaveLength(27);

    // The digest goes out once its period is over: one e-mail, counts by kind, a link to the queue.
    await queueDueDigests(db(), { publicUrl: t.config.publicUrl, now: later() });
    await queueDueDigests(db(), { publicUrl: t.config.publicUrl, now: later() });
    const digests = (await outbox(emailA2)).filter((m) => !m.subject.startsWith('Nowe zgłoszenie'));
    expect(digests).toHaveLength(1);
    expect(digests[0]!.subject).toContain('27');
    expect(digests[0]!.body).toContain('Nieprawidłowe parkowanie: 27 (wstrzymane do sprawdzenia: 27)');
    expect(digests[0]!.body).toContain(
      `${t.config.publicUrl}/admin/reports?district=${encodeURIComponent(world.districts.a2.id)}&held=only`,
    );
    expect(digests[0]!.body).not.toContain('Fałszywka');
    const digestId = String(rows.find((r) => r.hold === 'held')!.digest_id);
    const digestAudit = await db()
      .selectFrom('audit_log')
      .select('action')
      .where('entity_type', '=', 'report_digests')
      .where('entity_id', '=', digestId)
      .execute();
    expect(digestAudit.map((a) => a.action).sort()).toEqual(['insert', 'update']);
  });

  it('shows held reports nowhere in public until reviewed, and says on their own page that they await review', async () => {
    const flood = await floodAt(pointB2, 5);
    expect([flood.open.length, flood.held.length]).toEqual([3, 2]);
    // Other tests' reports may be listed too: this flood's open ones must be, its held ones not.
    const shown = (ids: number[]) => {
      expect(ids).toEqual(expect.arrayContaining(flood.open));
      for (const id of flood.held) expect(ids).not.toContain(id);
    };
    shown(
      (
        (await resident().get(`/api/v1/reports/nearby?category=${parking}&lat=${pointB2.lat}&lon=${pointB2.lon}`)).json().reports as {
          id: number;
        }[]
      ).map((r) => r.id),
    );
    shown(
      (await resident().get(`/open311/v2/requests.json?service_code=${parking}`))
        .json<{ service_request_id: string }[]>()
        .map((r) => Number(r.service_request_id)),
    );
    shown((await resident().get(`/zgloszenia.geojson?category=${parking}`)).json().features.map((f: { id: number }) => f.id));
    const list = await resident().get(`/zgloszenia?category=${parking}`);
    expect(list.body).not.toContain(`/zgloszenia/${flood.held[0]}"`);
    const page = await resident().get(`/zgloszenia/${flood.held[0]}`, { accept: 'text/html' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Czeka na sprawdzenie');
    expect(page.body).not.toMatch(/\d+\.\d{5}, \d+\.\d{5}/);
    expect((await resident().send('POST', `/api/v1/reports/${flood.held[0]}/confirmations`)).statusCode).toBe(404);
  });

  it('holds a flood spread over many kinds by the district’s limit for all kinds, and mails the rest in the digest', async () => {
    const answers = [];
    for (const category of categories.slice(0, 8))
      answers.push((await resident().send('POST', '/api/v1/reports', { category, lat: pointA3.lat, lon: pointA3.lon })).json());
    expect(answers.map((a) => a.awaitingReview)).toEqual([false, false, false, false, false, false, true, true]);
    expect((await outbox(emailA3)).filter((m) => m.subject.startsWith('Nowe zgłoszenie'))).toHaveLength(3);
    await queueDueDigests(db(), { publicUrl: t.config.publicUrl, now: later() });
    const [digest] = (await outbox(emailA3)).filter((m) => !m.subject.startsWith('Nowe zgłoszenie'));
    expect(digest!.subject).toContain('5');
    expect(digest!.body).toMatch(/wstrzymane do sprawdzenia: 1\)/);
  });

  it('counts a unit’s reports in no district per unit, and mails nobody', async () => {
    const actor = { accountId: null, label: 'mieszkaniec', ip: null };
    const flood = { since: new Date(Date.now() - 3600_000), settings: limits };
    const holds = [];
    for (let i = 0; i < 4; i++) {
      const newReport = {
        categoryId: parking,
        unitId: world.units.c.id,
        districtId: null,
        position: null,
        publicPosition: null,
        address: `Olszyny ${i}`,
        description: '',
        email: null,
        reporterIp: null,
        event: null,
      };
      holds.push((await storeNewReport(db(), newReport, actor, null, flood, null)).report!.hold);
    }
    expect(holds).toEqual([null, null, null, 'held']);
  });

  it('lets the district’s officer and supervisors release or reject held reports, one or many, all or nothing', async () => {
    // District a1 is the officer's; another test's reports there this hour may have used up the
    // limit, so all 30 may be held: the counts below follow the held ones.
    const flood = await floodAt(pointA1, 30);
    expect(flood.held.length).toBeGreaterThanOrEqual(27);
    const [released, rejected, ...rest] = flood.held;
    const officer = staff[world.accounts.officerA1.login]!;
    // Held reports are reviewed first; a status change waits.
    expect((await officer.send('POST', `/api/v1/reports/${released}/status`, { status: 'verifying' })).statusCode).toBe(409);
    expect(
      (await staff[world.accounts.officerB1.login]!.send('POST', `/api/v1/reports/${released}/review`, { action: 'release' })).statusCode,
    ).toBe(404);
    const release = await officer.send('POST', `/api/v1/reports/${released}/review`, {
      action: 'release',
      note: 'Prawdziwe: sprawdzone na miejscu.',
    });
    expect(release.statusCode).toBe(200);
    expect(release.json()).toMatchObject({ id: released, awaitingReview: false, districtId: world.districts.a1.id });
    expect((await resident().get(`/api/v1/reports/${released}`)).json().position.approximate).toBe(true);
    expect((await officer.send('POST', `/api/v1/reports/${released}/review`, { action: 'reject' })).statusCode).toBe(409);

    const fromFlood = async () =>
      (await sql<{ n: number }>`select count(*)::int as n from outbox where recipient like 'nadawca%'`.execute(db())).rows[0]!.n;
    expect(await fromFlood()).toBe(0);
    const reject = await officer.send('POST', `/api/v1/reports/${rejected}/review`, { action: 'reject' });
    expect(reject.json()).toMatchObject({ status: 'joke', awaitingReview: false, position: null });
    expect(
      (await resident().get(`/api/v1/reports/nearby?category=${parking}&lat=${pointA1.lat}&lon=${pointA1.lon}`))
        .json()
        .reports.map((r: { id: number }) => r.id),
    ).not.toContain(rejected);

    // Many at once: one report that cannot be reviewed rejects the whole request.
    const supervisor = staff[world.accounts.supervisorA.login]!;
    const mixed = await supervisor.send('POST', '/api/v1/reports/review', { ids: [rest[0], released], action: 'reject' });
    expect(mixed.statusCode).toBe(409);
    expect(mixed.json().error.message).toContain(String(released));
    expect((await db().selectFrom('reports').select('hold').where('id', '=', rest[0]!).executeTakeFirstOrThrow()).hold).toBe('held');
    const bulk = await supervisor.send('POST', '/api/v1/reports/review', {
      ids: rest,
      action: 'reject',
      note: 'Napływ fałszywych zgłoszeń',
    });
    expect(bulk.statusCode).toBe(200);
    expect(bulk.json().reports).toHaveLength(rest.length);

    // Nothing lost, nothing mailed to the addresses a flood gave; every decision is in the history and the audit log.
    const holds = await db().selectFrom('reports').select(['hold', 'email']).where('id', 'in', flood.held).execute();
    expect(holds.filter((r) => r.hold === 'rejected')).toHaveLength(flood.held.length - 1);
    expect(holds.every((r) => r.email === null || r.hold === null)).toBe(true);
    expect(await fromFlood()).toBe(0);
    const kinds = await db()
      .selectFrom('report_events')
      .select('kind')
      .where('report_id', 'in', flood.held)
      .where('kind', 'in', ['released', 'rejected'])
      .execute();
    expect(kinds).toHaveLength(flood.held.length);
    const updates = await db()
      .selectFrom('audit_log')
      .select('entity_id')
      .where('entity_type', '=', 'reports')
      .where('action', '=', 'update')
      .where('entity_id', 'in', flood.held.map(String))
      .execute();
    expect(new Set(updates.map((u) => u.entity_id)).size).toBe(flood.held.length);
  });

  it('marks held reports in the staff queue and on the report page, with the review forms', async () => {
    const more = [];
    // Five in the officer's district a1: at least two beyond the limit of three, whatever came before.
    for (let i = 0; i < 5; i++)
      more.push((await resident().send('POST', '/api/v1/reports', { category: parking, address: `Borowo, ul. Kwiatowa ${i + 1}` })).json());
    const held = more.filter((r) => r.awaitingReview).map((r) => r.id as number);
    expect(held.length).toBeGreaterThanOrEqual(2);
    const officer = new TestClient(t.app, { headers: { accept: 'text/html' } });
    await officer.signIn(world.accounts.officerA1.login);
    const queue = await officer.get('/admin/reports');
    expect(queue.body).not.toContain(`href="/admin/reports/${held[0]}"`);
    expect(queue.body).toMatch(/\d+ zgłosze\S+ czek\S+ na sprawdzenie: wstrzymano je/);
    expect(queue.body).toContain('href="/admin/reports?held=only"');
    const heldQueue = await officer.get('/admin/reports?held=only');
    expect(heldQueue.body).toContain(`href="/admin/reports/${held[0]}"`);
    expect(heldQueue.body).toContain('Wstrzymane');
    const detail = await officer.get(`/admin/reports/${held[0]}`);
    expect(detail.body).toContain('Zwolnij');
    const released = await officer.postForm(`/admin/reports/${held[0]}/review`, { review: 'release' }, csrfFromHtml(detail.body));
    expect(released.statusCode).toBe(303);
    expect((await officer.get(released.headers.location as string)).body).toContain('Zgłoszenie zwolnione');
    const supervisor = new TestClient(t.app, { headers: { accept: 'text/html' } });
    await supervisor.signIn(world.accounts.supervisorA.login);
    const page = await supervisor.get('/admin/reports?held=only');
    const body = new URLSearchParams([
      ...held.slice(1).map((id) => ['ids', String(id)]),
      ['review', 'reject'],
      ['_csrf', csrfFromHtml(page.body)],
    ]).toString();
    const done = await supervisor.request({
      method: 'POST',
      url: '/admin/reports/review',
      payload: body,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      csrf: false,
    });
    expect(done.statusCode).toBe(303);
    expect((await supervisor.get(done.headers.location as string)).body).toContain('Odrzucono');
  });
});
