import { allowReportsPerIp } from '../../../test/support/settings.js';
import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { backends } from '../../../test/support/databases.js';
import { TestClient, type TestApp, createTestApp } from '../../../test/support/app.js';
import { world } from '../../../test/support/world.js';
import { inTransaction, systemActor } from '../../platform/audit/actor.js';
import { runRetention } from './erase.js';
import { beginErasure } from './repository.js';
import { scheduleRetention } from './schedule.js';
import { isDue, retentionRule, type PersonalDataPiece, type RetentionSettings } from './rules.js';

const district3 = world.districts.a1.point;
const DAY = 86_400_000;
/** The request id of the audit entries this test writes as the trigger did before migration 0011. */
const LEGACY = 'written-before-0011';

/** Times deliberately different per piece, so each erasure is seen to follow its own setting. */
const settings: RetentionSettings = {
  reportDescriptionDays: 100,
  reportAddressDays: 200,
  reportExactPointDays: 300,
  reportNotesDays: 150,
  reporterIpDays: 20,
  staffIpDays: 60,
  outboxDays: 10,
};

interface Made {
  id: number;
  byAddress: boolean;
  description: string;
  createdDaysAgo: number;
  closedDaysAgo: number | null;
}

describe.each(backends)('data retention on %s', (backend) => {
  let t: TestApp;
  let ip = 0;
  const resident = () => new TestClient(t.app, { headers: { 'x-forwarded-for': `198.51.100.${++ip}` } });
  const staff: Record<string, TestClient> = {};
  const db = () => t.testDb.database.db;
  const made: Made[] = [];
  let parking: string;
  let now: Date;
  const daysAgo = (days: number) => new Date(now.getTime() - days * DAY);

  /** A report as a resident sends it, then closed (with a police note) and aged as the test needs. */
  async function makeReport(byAddress: boolean, createdDaysAgo: number, closedDaysAgo: number | null): Promise<Made> {
    const description = `Opis numer ${made.length} dla Policji`;
    const place = byAddress ? { address: world.districts.a1.address } : { lat: district3.lat + made.length * 0.0001, lon: district3.lon };
    const response = await resident().send('POST', '/api/v1/reports', {
      category: parking,
      ...place,
      description,
      email: `r${made.length}@example.com`,
    });
    expect(response.statusCode).toBe(201);
    const id = response.json().id as number;
    if (closedDaysAgo !== null) {
      const set = (body: object) => staff[world.accounts.supervisorA.login]!.send('POST', `/api/v1/reports/${id}/status`, body);
      expect((await set({ status: 'verifying', note: `Notatka o zgłoszeniu ${id}: rozmowa z Janem Kowalskim` })).statusCode).toBe(200);
      expect((await set({ status: 'not_confirmed' })).statusCode).toBe(200);
    }
    await sql`update reports set created_at = ${daysAgo(createdDaysAgo)}, closed_at = ${closedDaysAgo === null ? null : daysAgo(closedDaysAgo)} where id = ${id}`.execute(
      db(),
    );
    // A copy of the personal values as the audit trigger wrote them before migration 0011.
    await sql`insert into audit_log (at, actor_label, action, entity_type, entity_id, unit_id, after, ip, request_id)
      values (${daysAgo(createdDaysAgo)}, 'mieszkaniec', 'insert', 'reports', ${String(id)}, ${world.units.a.id},
        ${JSON.stringify({ id, status: 'new', description, address: byAddress ? place.address : null, position: byAddress ? null : '(22.6,51.4)' })}::jsonb, '203.0.113.77', ${LEGACY})`.execute(
      db(),
    );
    const report = { id, byAddress, description, createdDaysAgo, closedDaysAgo };
    made.push(report);
    return report;
  }

  beforeAll(async () => {
    t = await createTestApp(backend, { TRUST_PROXY: '1' });
    await allowReportsPerIp(t.testDb.database.db, 5, t.changes);
    for (const login of [
      world.accounts.nationalAdmin.login,
      world.accounts.voivodeshipAdmin.login,
      world.accounts.supervisorA.login,
      world.accounts.officerA1.login,
    ]) {
      staff[login] = new TestClient(t.app, { headers: { 'x-forwarded-for': '203.0.113.1' } });
      await staff[login].signIn(login);
    }
    parking = ((await resident().get('/api/v1/report-categories')).json().categories as { code: string; names: { pl: string } }[]).find(
      (c) => c.names.pl === 'Nieprawidłowe parkowanie',
    )!.code;
  });
  afterAll(() => t.close());

  /** Saves the times this file's checks are written for (each test or block that needs them saves them itself). */
  async function saveSettings() {
    for (const [name, days] of Object.entries(settings)) {
      const saved = await staff[world.accounts.nationalAdmin.login]!.send('PUT', `/api/v1/admin/settings/retention.${name}`, {
        value: days,
      });
      expect(saved.statusCode, name).toBe(200);
    }
  }

  describe('settings', () => {
    // Each test starts from the default times, whichever test changed them before.
    beforeEach(async () => {
      for (const name of Object.keys(settings)) {
        const reset = await staff[world.accounts.nationalAdmin.login]!.send('PUT', `/api/v1/admin/settings/retention.${name}`, {
          value: null,
        });
        expect(reset.statusCode).toBe(200);
      }
    });

    it('shows the times in force to anyone (the settings page changes them)', async () => {
      const shown = await resident().get('/api/v1/settings/retention');
      expect(shown.statusCode).toBe(200);
      expect(shown.json().settings).toEqual(shown.json().defaults);
      await saveSettings();
      expect((await resident().get('/api/v1/settings/retention')).json().settings).toEqual(settings);
      const entries = (await staff[world.accounts.nationalAdmin.login]!.get('/api/v1/audit?action=settings.update')).json().entries;
      expect(entries.find((e: { entityId: string }) => e.entityId === 'retention.reporterIpDays')).toMatchObject({
        actorLabel: world.accounts.nationalAdmin.login,
        before: { value: null },
        after: { value: 20 },
      });
    });

    it('tells residents the same times on the form and on /prywatnosc, linked from every page', async () => {
      await saveSettings();
      const form = (await resident().get('/zglos')).body;
      // The form's notice: each piece with who sees it and how long, from the settings in force.
      const kept = (what: string) => {
        const start = form.indexOf(`<dt>${what}</dt>`);
        expect(start, what).toBeGreaterThan(-1);
        return form.slice(start, form.indexOf('</div>', start));
      };
      expect(kept('Dokładny punkt na mapie')).toContain('300 dni po zamknięciu zgłoszenia');
      expect(kept('Wpisany adres')).toContain('200 dni po zamknięciu zgłoszenia');
      expect(kept('Opis zgłoszenia')).toContain('100 dni po zamknięciu zgłoszenia');
      expect(kept('Adres IP Twojego urządzenia')).toContain('20 dni od zapisania');
      expect(kept('Adres IP Twojego urządzenia')).toContain('Nikt: używa go tylko system');
      expect(kept('Twój e-mail, jeśli go podasz')).toContain('Do zamknięcia zgłoszenia');
      expect(form).not.toMatch(/anonimow/i);
      expect(form).toContain('Nie widzą go nawet policjanci.');
      expect(form).toContain('href="/prywatnosc"');
      const page = await resident().get('/prywatnosc', { 'accept-language': 'en' });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('100 days after the report is closed');
      expect(page.body).toContain('20 days after it is stored');
      expect(page.body).toContain('Until the session ends (12 hours at most)');
      expect((await resident().get('/plany')).body).toContain('href="/prywatnosc"');
    });
  });

  describe('the audit log', () => {
    it('never receives a new report’s description, typed address or exact point', async () => {
      const secret = 'Sąsiad spod siódemki parkuje na trawniku';
      const sent = (
        await resident().send('POST', '/api/v1/reports', { category: parking, address: 'Borowo, ul. Szkolna 7', description: secret })
      ).json();
      const pointed = (
        await resident().send('POST', '/api/v1/reports', {
          category: parking,
          lat: district3.lat,
          lon: district3.lon + 0.001,
          description: secret,
        })
      ).json();
      await staff[world.accounts.supervisorA.login]!.send('POST', `/api/v1/reports/${sent.id}/status`, { status: 'verifying' });
      const entries = await sql<{ before: Record<string, unknown> | null; after: Record<string, unknown> }>`
        select before, after from audit_log where entity_type = 'reports' and entity_id in (${String(sent.id)}, ${String(pointed.id)}) order by id`.execute(
        db(),
      );
      expect(entries.rows).toHaveLength(3);
      const text = JSON.stringify(entries.rows);
      expect(text).not.toContain('Sąsiad');
      expect(text).not.toContain('Legionów');
      expect(text).not.toContain(String(district3.lon + 0.001).slice(0, 7));
      expect(entries.rows.map((r) => r.after.description)).toEqual(['changed', 'changed', 'unchanged']);
    });

    it('stays append-only: only the retention job may replace personal values with "erased"', async () => {
      const [entry] = (await sql<{ id: number }>`select id from audit_log where ip is not null order by id limit 1`.execute(db())).rows;
      await expect(sql`update audit_log set ip = null where id = ${entry!.id}`.execute(db())).rejects.toThrow(/append-only/);
      const retentionTransaction = (statement: ReturnType<typeof sql>) =>
        inTransaction(db(), systemActor('test'), async (trx) => {
          await beginErasure(trx);
          await statement.execute(trx);
        });
      await expect(retentionTransaction(sql`update audit_log set actor_label = 'someone else' where id = ${entry!.id}`)).rejects.toThrow(
        /append-only/,
      );
      await expect(retentionTransaction(sql`update audit_log set ip = '10.0.0.1' where id = ${entry!.id}`)).rejects.toThrow(/append-only/);
      await expect(retentionTransaction(sql`update audit_log set after = '{"invented": 1}' where id = ${entry!.id}`)).rejects.toThrow(
        /append-only/,
      );
      await expect(retentionTransaction(sql`delete from audit_log where id = ${entry!.id}`)).rejects.toThrow(/append-only/);
      await retentionTransaction(sql`update audit_log set ip = null where id = ${entry!.id}`);
      expect((await sql<{ ip: string | null }>`select ip from audit_log where id = ${entry!.id}`.execute(db())).rows[0]!.ip).toBeNull();
    });
  });

  describe('the retention job', () => {
    let firstRun: Awaited<ReturnType<typeof runRetention>>;
    let confirmedOld: number;
    /** The retention runs recorded in the audit log right after the first run (other tests may run the job too). */
    let recordedRuns: { total: number; entries: { actorLabel: string; after: unknown }[] };

    beforeAll(async () => {
      await saveSettings();
      const runsBefore = (await staff[world.accounts.nationalAdmin.login]!.get('/api/v1/audit?action=retention.erase')).json()
        .total as number;
      now = new Date();
      // Closed reports of every age around the times above, by point and by address; open old ones.
      for (const [byAddress, created, closed] of [
        [false, 400.5, 50.5],
        [true, 400.5, 50.5],
        [false, 400.5, 120.5],
        [true, 400.5, 120.5],
        [false, 400.5, 170.5],
        [true, 400.5, 250.5],
        [false, 400.5, 350.5],
        [true, 400.5, 350.5],
        [false, 400.5, null],
        [true, 400.5, null],
        [false, 5.5, null],
        [true, 0.5, 0.25],
      ] as const) {
        await makeReport(byAddress, created, closed);
      }
      // "Me too": one old (due), one recent, on open reports.
      const open = made.find((r) => r.closedDaysAgo === null && r.createdDaysAgo > 100)!;
      const recent = made.find((r) => r.createdDaysAgo < 10 && r.closedDaysAgo === null)!;
      expect((await resident().send('POST', `/api/v1/reports/${open.id}/confirmations`)).statusCode).toBe(200);
      expect((await resident().send('POST', `/api/v1/reports/${recent.id}/confirmations`)).statusCode).toBe(200);
      await sql`update report_confirmations set created_at = ${daysAgo(25)} where report_id = ${open.id}`.execute(db());
      confirmedOld = open.id;
      // Audit entries of people not signed in and of staff, old and recent.
      const officerId = (
        await db().selectFrom('accounts').select('id').where('login', '=', world.accounts.officerA1.login).executeTakeFirstOrThrow()
      ).id;
      for (const [actor, age, address] of [
        [null, 25, '192.0.2.1'],
        [null, 10, '192.0.2.2'],
        [officerId, 70, '192.0.2.3'],
        [officerId, 50, '192.0.2.4'],
      ] as const) {
        await sql`insert into audit_log (at, actor_id, actor_label, action, entity_type, entity_id, ip) values (${daysAgo(age)}, ${actor}, 'x', 'auth.login_failed', 'login', 'x', ${address})`.execute(
          db(),
        );
      }
      // A session that ended long ago, and mail queued 11 and 5 days ago.
      await sql`insert into sessions (token_hash, account_id, created_at, last_seen_at, expires_at, ip, user_agent)
        values ('ended-session', ${officerId}, ${daysAgo(3)}, ${daysAgo(3)}, ${daysAgo(2)}, '192.0.2.9', 'Firefox')`.execute(db());
      await sql`insert into outbox (recipient, subject, body, created_at) values ('old@example.com', 's', 'b', ${daysAgo(11)}), ('new@example.com', 's', 'b', ${daysAgo(5)})`.execute(
        db(),
      );
      // Sign-in throttling counters: forgotten ones (last failure 2 days ago) and one still counting.
      await sql`insert into login_attempts (login_key, source, failures, last_failure_at)
        values ('zgadywany', '192.0.2.50', 7, ${daysAgo(2)}), ('zgadywany', '192.0.2.51', 2, ${daysAgo(0.5)})`.execute(db());
      await sql`insert into login_failure_bursts (login_key, failures, started_at, last_failure_at) values ('zgadywany', 9, ${daysAgo(3)}, ${daysAgo(2)})`.execute(
        db(),
      );
      // Records of reminders sent: one past the time a reminder can be due again (61 days), one not yet.
      await sql`insert into reminders_sent (deadline_key, recipient, days_before, unit_id, sent_at)
        values ('plan:stary:submission:2020-01-01', ${officerId}, 60, ${world.districts.a1.unitId}, ${daysAgo(61.5)}),
               ('plan:nowy:submission:2020-03-01', ${officerId}, 60, ${world.districts.a1.unitId}, ${daysAgo(60.5)})`.execute(db());
      firstRun = await runRetention(t.testDb.database, { now, batchSize: 3 });
      recordedRuns = (await staff[world.accounts.nationalAdmin.login]!.get('/api/v1/audit?action=retention.erase')).json();
      recordedRuns.total -= runsBefore;
    });

    const reportRow = async (id: number) =>
      (
        await sql<{
          description: string;
          address: string | null;
          has_point: boolean;
          has_public_point: boolean;
          reporter_ip: string | null;
          erased: Record<string, number>;
        }>`
        select description, address, position is not null as has_point, public_position is not null as has_public_point, reporter_ip, erased from reports where id = ${id}`.execute(
          db(),
        )
      ).rows[0]!;

    /** The reference: whether the rule table says this piece of this report is due. */
    const piece = (p: PersonalDataPiece, r: Made) =>
      isDue(
        retentionRule(p),
        { createdAt: daysAgo(r.createdDaysAgo), closedAt: r.closedDaysAgo === null ? null : daysAgo(r.closedDaysAgo) },
        settings,
        now,
      );

    it('erases each field of each report exactly when its own time is up, and only then', async () => {
      for (const r of made) {
        const row = await reportRow(r.id);
        const notes = (await db().selectFrom('report_events').select('note').where('report_id', '=', r.id).execute())
          .map((e) => e.note)
          .filter(Boolean);
        const expected = {
          description: piece('reportDescription', r) ? '' : r.description,
          address: r.byAddress && !piece('reportAddress', r) ? world.districts.a1.address : null,
          point: !r.byAddress && !piece('reportExactPoint', r),
          ip: piece('reporterIp', r) ? null : expect.stringMatching(/^198\.51\.100\./),
          notes: r.closedDaysAgo !== null && !piece('reportNotes', r) ? 1 : 0,
        };
        expect({
          id: r.id,
          description: row.description,
          address: row.address,
          point: row.has_point,
          ip: row.reporter_ip,
          notes: notes.length,
        }).toEqual({ id: r.id, ...expected });
        // The public 50 m point stays whatever happens to the exact one.
        expect(row.has_public_point).toBe(!r.byAddress);
      }
      // The ages above were chosen so that every field is erased somewhere and kept somewhere else.
      const erasedKeys = (await Promise.all(made.map((r) => reportRow(r.id)))).flatMap((row) => Object.keys(row.erased));
      for (const key of ['description', 'address', 'position', 'notes', 'reporter_ip']) expect(erasedKeys).toContain(key);
      const due = (p: PersonalDataPiece, only?: (r: Made) => boolean) =>
        made.filter((r) => (only ?? (() => true))(r) && piece(p, r)).length;
      expect(firstRun.counts).toMatchObject({
        reportDescription: due('reportDescription'),
        reportAddress: due('reportAddress', (r) => r.byAddress),
        reportExactPoint: due('reportExactPoint', (r) => !r.byAddress),
        reportNotes: due('reportNotes'),
        reporterIp: due('reporterIp'),
      });
    });

    it('erases the copies in old audit entries field by field, and keeps those of reports still within their time', async () => {
      for (const r of made) {
        const [legacy] = (
          await sql<{
            after: Record<string, unknown>;
          }>`select after from audit_log where entity_type = 'reports' and entity_id = ${String(r.id)} and request_id = ${LEGACY}`.execute(
            db(),
          )
        ).rows;
        expect(legacy!.after.description).toBe(piece('reportDescription', r) ? 'erased' : r.description);
        if (r.byAddress) expect(legacy!.after.address).toBe(piece('reportAddress', r) ? 'erased' : world.districts.a1.address);
        else expect(legacy!.after.position).toBe(piece('reportExactPoint', r) ? 'erased' : '(22.6,51.4)');
        expect(legacy!.after.status).toBe('new');
      }
    });

    it('clears IP addresses in the audit log after their time: residents’ sooner than staff’s', async () => {
      const ips = (await sql<{ ip: string }>`select ip from audit_log where ip like '192.0.2.%' order by ip`.execute(db())).rows.map(
        (r) => r.ip,
      );
      expect(ips).toEqual(['192.0.2.2', '192.0.2.4']);
      // Entries of reports made 400 days ago lost their resident's address, recent ones keep it.
      expect(
        (await sql<{ n: number }>`select count(*)::int as n from audit_log where ip = '203.0.113.77' and at < ${daysAgo(20)}`.execute(db()))
          .rows[0]!.n,
      ).toBe(0);
    });

    it('deletes old "me too" addresses (the count stays), ended sessions, forgotten sign-in attempts and old mail', async () => {
      const confirmations = await db().selectFrom('report_confirmations').select('report_id').execute();
      expect(confirmations.map((c) => Number(c.report_id))).not.toContain(confirmedOld);
      expect(confirmations).toHaveLength(1);
      expect(
        (await db().selectFrom('reports').select('confirmations').where('id', '=', confirmedOld).executeTakeFirstOrThrow()).confirmations,
      ).toBe(1);
      expect(await db().selectFrom('sessions').select('token_hash').where('token_hash', '=', 'ended-session').execute()).toEqual([]);
      expect((await staff[world.accounts.officerA1.login]!.get('/api/v1/session')).statusCode).toBe(200);
      const mail = (await db().selectFrom('outbox').select('recipient').execute()).map((m) => m.recipient);
      expect(mail).toContain('new@example.com');
      expect(mail).not.toContain('old@example.com');
      const attempts = await db().selectFrom('login_attempts').select('source').where('login_key', '=', 'zgadywany').execute();
      expect(attempts.map((a) => a.source)).toEqual(['192.0.2.51']);
      expect(await db().selectFrom('login_failure_bursts').select('login_key').where('login_key', '=', 'zgadywany').execute()).toEqual([]);
      expect(firstRun.counts).toMatchObject({ confirmationIp: 1, session: 1, signInAttempts: 2, outboxMail: 1, sentReminder: 1 });
    });

    it('deletes the records of reminders sent once the same reminder can no longer be due, and keeps the others', async () => {
      const kept = await db().selectFrom('reminders_sent').select('deadline_key').where('deadline_key', 'like', 'plan:%:2020-0%').execute();
      expect(kept.map((r) => r.deadline_key)).toEqual(['plan:nowy:submission:2020-03-01']);
    });

    it('records each run as one audit event with counts and no erased values', async () => {
      const entries = recordedRuns.entries;
      expect(recordedRuns.total).toBe(1);
      expect(entries[0]).toMatchObject({ actorLabel: 'retention', entityType: 'retention', after: { counts: firstRun.counts, settings } });
      expect(JSON.stringify(entries[0])).not.toMatch(/Opis numer|Powstańców|198\.51\.100/);
      // The job's own updates of reports are not logged row by row.
      const rowByRow = await sql<{
        n: number;
      }>`select count(*)::int as n from audit_log where entity_type = 'reports' and actor_label = 'retention'`.execute(db());
      expect(rowByRow.rows[0]!.n).toBe(0);
    });

    it('is idempotent: a second run finds nothing and changes nothing', async () => {
      const snapshot = async () =>
        JSON.stringify((await sql`select * from reports order by id`.execute(db())).rows) +
        JSON.stringify(
          (await sql`select id, before, after, ip from audit_log where entity_type <> 'retention' order by id`.execute(db())).rows,
        );
      const runs = async () =>
        (await staff[world.accounts.nationalAdmin.login]!.get('/api/v1/audit?action=retention.erase')).json().total as number;
      const runsBefore = await runs();
      const before = await snapshot();
      const second = await runRetention(t.testDb.database, { now, batchSize: 3 });
      expect(Object.values(second.counts).every((n) => n === 0)).toBe(true);
      expect(await snapshot()).toBe(before);
      expect(await runs()).toBe(runsBefore + 1);
    });

    it('shows staff an erased field as erased after N days, not as empty', async () => {
      const erased = made.find((r) => r.byAddress && r.closedDaysAgo !== null && r.closedDaysAgo > 200)!;
      const page = (await staff[world.accounts.supervisorA.login]!.get(`/admin/reports/${erased.id}`)).body;
      expect(page).toContain('usunięto po 100 dniach (<a href="/prywatnosc">zasady przechowywania danych</a>)');
      expect(page).toContain('usunięto po 200 dniach');
      expect(page).toContain('Notatki wewnętrzne (jeśli były): <em class="erased">usunięto po 150 dniach');
      const english = (await staff[world.accounts.supervisorA.login]!.get(`/admin/reports/${erased.id}`, { 'accept-language': 'en' })).body;
      expect(english).toContain('erased after 100 days (<a href="/prywatnosc">data retention</a>)');
      const api = (await staff[world.accounts.supervisorA.login]!.get(`/api/v1/reports/${erased.id}`)).json();
      expect(api.internal).toMatchObject({
        description: '',
        address: null,
        erased: { description: 100, address: 200, notes: 150, reporter_ip: 20 },
      });
      const point = made.find((r) => !r.byAddress && r.closedDaysAgo !== null && r.closedDaysAgo > 300)!;
      expect((await staff[world.accounts.supervisorA.login]!.get(`/admin/reports/${point.id}`)).body).toContain('usunięto po 300 dniach');
      // The public page and the map are untouched: they never held any of it.
      expect((await resident().get(`/zgloszenia/${point.id}`)).statusCode).toBe(200);
      expect((await resident().get(`/api/v1/reports/${point.id}`)).json().position).toMatchObject({ approximate: true });
    });
  });

  it('runs by itself in the app process, and stopping waits for a run under way', async () => {
    const events = async () =>
      (await sql<{ n: number }>`select count(*)::int as n from audit_log where action = 'retention.erase'`.execute(db())).rows[0]!.n;
    const before = await events();
    const stop = scheduleRetention(t.testDb.database, t.changes, { owner: 'test', schedule: { firstAfterMs: 1, everyMs: 60_000 } });
    await expect.poll(events, { timeout: 20_000 }).toBe(before + 1);
    await stop();
    expect(await events()).toBe(before + 1);
    // Stopped (the app shutting down), a run ends after its current batch and says so.
    const stopped = await runRetention(t.testDb.database, { signal: AbortSignal.abort() });
    expect(stopped.batches).toBe(0);
    const [entry] = (await staff[world.accounts.nationalAdmin.login]!.get('/api/v1/audit?action=retention.erase&pageSize=1')).json()
      .entries;
    expect(entry.after).toMatchObject({ stopped: true, batches: 0 });
  });
});

/* A voivodeship's shorter periods (settings, issue 17): its units' reports only, in a pass of its own. */
describe.each(backends)('data retention tightened by a voivodeship on %s', (backend) => {
  let t: TestApp;
  const zalesie = world.units.voivodeship.id;

  beforeAll(async () => {
    t = await createTestApp(backend, { TRUST_PROXY: '1' });
    await allowReportsPerIp(t.testDb.database.db, 5, t.changes);
  });
  afterAll(() => t.close());

  it('erases a report of its own units after its shorter period, while another voivodeship keeps the national one', async () => {
    const db = t.testDb.database.db;
    const resident = new TestClient(t.app, { headers: { 'x-forwarded-for': '198.51.100.200' } });
    const category = ((await resident.get('/api/v1/report-categories')).json().categories as { code: string }[])[0]!.code;
    const ids: number[] = [];
    for (const n of [1, 2]) {
      const sent = await resident.send('POST', '/api/v1/reports', {
        category,
        ...world.districts.a1.point,
        description: `Opis ${n} dla Policji`,
      });
      expect(sent.statusCode).toBe(201);
      ids.push(sent.json().id as number);
    }
    const [own, other] = ids as [number, number];
    // Both closed 100 days ago; the second belongs to a unit of the other voivodeship.
    await sql`update reports set status = 'not_confirmed', closed_at = now() - interval '100 days' where id in (${own}, ${other})`.execute(
      db,
    );
    await sql`update reports set unit_id = ${world.units.c.id}, district_id = null where id = ${other}`.execute(db);
    const regional = new TestClient(t.app, { headers: { 'x-forwarded-for': '203.0.113.1' } });
    await regional.signIn(world.accounts.voivodeshipAdmin);
    const description = (id: number) =>
      db.selectFrom('reports').select(['description', 'erased']).where('id', '=', id).executeTakeFirstOrThrow();

    // With the national 180 days nothing is due yet.
    await runRetention(t.testDb.database);
    expect((await description(own)).description).toBe('Opis 1 dla Policji');

    const tightened = await regional.send('PUT', '/api/v1/admin/settings/retention.reportDescriptionDays', { value: 60, unitId: zalesie });
    expect(tightened.statusCode).toBe(200);
    const run = await runRetention(t.testDb.database);
    expect(run.counts.reportDescription).toBe(1);
    expect(await description(own)).toMatchObject({ description: '', erased: { description: 60 } });
    expect((await description(other)).description).toBe('Opis 2 dla Policji');
    const [entry] = (
      await sql<{ after: { voivodeships?: Record<string, { reportDescriptionDays: number }> } }>`
        select after from audit_log where action = 'retention.erase' order by id desc limit 1`.execute(db)
    ).rows;
    expect(entry!.after.voivodeships?.[zalesie]?.reportDescriptionDays).toBe(60);

    // The reporter's IP address is one national period (it sits in rows of no one unit): refused.
    const ip = await regional.send('PUT', '/api/v1/admin/settings/retention.reporterIpDays', { value: 5, unitId: zalesie });
    expect(ip.statusCode).toBe(400);
  });
});
