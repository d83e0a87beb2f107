import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { backends, createTestDatabase, type TestDatabase } from '../../../../test/support/databases.js';
import { inFactory } from '../../../../test/support/factories.js';
import type { Db } from '../../../platform/db/database.js';
import { storeSettings } from '../../../../test/support/settings.js';
import { addDays, warsawToday } from '../../../platform/i18n/calendar.js';
import { emptyContent } from '../../plans/model.js';
import { runReminders } from './job.js';

const today = warsawToday();
const publicUrl = 'https://dzielnicowy.example.pl';
const unit = 'kpp-rm';
const neighbour = 'kpp-rm-obok';

/**
 * A unit whose districts each hold one case: 1 its officer's (a draft due for submission in 7
 * days, a current plan with an action due tomorrow, one late and one finished in the action
 * log), 2 served today by a substitute (a late action) with a plan waiting for approval and a
 * report past its take-up limit, 3 vacant (a draft due tomorrow), 4 served by an officer without
 * an e-mail address; a neighbouring unit with a draft of its own.
 */
async function buildUnit(db: Db): Promise<Record<string, string>> {
  const ids: Record<string, string> = {};
  await sql`insert into units (id, kind, name) values ('kgp', 'KGP', 'Komenda Główna Policji') on conflict do nothing`.execute(db);
  await sql`insert into units (id, parent_id, kind, name) values (${unit}, 'kgp', 'KPP', 'KPP Przypomnień'), (${neighbour}, 'kgp', 'KPP', 'KPP Obok')`.execute(
    db,
  );
  await sql`insert into districts (id, unit_id, number, name)
    select ${unit} || '/' || n, ${unit}, n, 'Rejon ' || n || ' Przypomnień' from generate_series(1, 4) n`.execute(db);
  await sql`insert into districts (id, unit_id, number, name) values (${`${neighbour}/1`}, ${neighbour}, 1, 'Rejon 1 Obok')`.execute(db);
  for (const [login, role, unitId, email, active] of [
    ['rm.anna', 'officer', unit, 'anna@example.pl', true],
    ['rm.bartek', 'officer', unit, 'bartek@example.pl', true],
    ['rm.cezary', 'officer', unit, null, true],
    ['rm.sylwia', 'supervisor', unit, 'sylwia@example.pl', true],
    ['rm.komendant', 'commander', unit, 'komendant@example.pl', true],
    ['rm.dawny', 'supervisor', unit, 'dawny@example.pl', false],
    ['rm.obok', 'supervisor', neighbour, 'obok@example.pl', true],
  ] as const) {
    const row = await sql<{ id: string }>`insert into accounts (login, display_name, email, role, unit_id, password_hash, active)
      values (${login}, ${login}, ${email}, ${role}, ${unitId}, 'x', ${active}) returning id`.execute(db);
    ids[login] = row.rows[0]!.id;
  }
  const serve = async (login: string, district: number, kind: 'regular' | 'substitute') => {
    const officer = await sql<{ id: string }>`insert into officers (unit_id, rank, first_name, last_name, account_id)
      values (${unit}, 'st. asp.', ${login}, 'Testowy', ${ids[login]}) returning id`.execute(db);
    await sql`insert into assignments (district_id, unit_id, officer_id, kind, starts_on)
      values (${`${unit}/${district}`}, ${unit}, ${officer.rows[0]!.id}, ${kind}, ${addDays(today, -30)})`.execute(db);
  };
  await serve('rm.anna', 1, 'regular');
  await serve('rm.bartek', 2, 'substitute');
  await serve('rm.cezary', 4, 'regular');
  const action = (description: string, to: string) => ({ description, from: null, to, who: 'dzielnicowy', status: 'planned' });
  const plan = async (
    name: string,
    district: string,
    status: string,
    from: string,
    to: string,
    actions: unknown[],
    submittedDaysAgo?: number,
  ) => {
    const content = JSON.stringify({ ...emptyContent(), actions });
    const done = (days: number | undefined) => (days === undefined ? null : new Date(Date.now() - days * 86_400_000));
    const row = await sql<{
      id: string;
    }>`insert into plans (district_id, unit_id, period_from, period_to, status, published_version, content,
        submitted_at, approved_at, published_at)
      values (${district}, ${district.split('/')[0]}, ${from}, ${to}, ${status}, ${status === 'published' ? 1 : null}, ${content}::jsonb,
        ${done(submittedDaysAgo)}, ${status === 'published' ? done(40) : null}, ${status === 'published' ? done(40) : null}) returning id`.execute(
      db,
    );
    ids[name] = row.rows[0]!.id;
  };
  await plan('draft1', `${unit}/1`, 'draft', addDays(today, 21), addDays(today, 100), []);
  await plan(
    'current1',
    `${unit}/1`,
    'published',
    addDays(today, -30),
    addDays(today, 20),
    [
      action('Patrole przy szkole', addDays(today, 1)),
      action('Debata z mieszkańcami', addDays(today, -2)),
      action('Ulotki o oszustwach', addDays(today, 1)),
      action('Spotkanie z radą osiedla', addDays(today, 30)),
    ],
    50,
  );
  await sql`insert into plan_action_log (plan_id, unit_id, plan_version, action_index, action_text, kind, day, completes, recorded_by)
    values (${ids.current1}, ${unit}, 1, 2, 'Ulotki o oszustwach', 'leaflets', ${today}, true, 'rm.anna')`.execute(db);
  await plan(
    'current2',
    `${unit}/2`,
    'published',
    addDays(today, -30),
    addDays(today, 5),
    [action('Patrole nocne', addDays(today, -1))],
    50,
  );
  await plan('submitted2', `${unit}/2`, 'submitted', addDays(today, 10), addDays(today, 100), [], 6);
  await plan('draft3', `${unit}/3`, 'draft', addDays(today, 15), addDays(today, 100), []);
  await plan('draft4', `${unit}/4`, 'draft', addDays(today, 21), addDays(today, 100), []);
  await plan('draftObok', `${neighbour}/1`, 'draft', addDays(today, 21), addDays(today, 100), []);
  await sql`insert into report_categories (id, name_pl, name_en) values ('rm', 'Kategoria rm', 'Category rm') on conflict do nothing`.execute(
    db,
  );
  const report = await sql<{ id: number }>`insert into reports (category_id, unit_id, district_id, address, status, created_at)
    values ('rm', ${unit}, ${`${unit}/2`}, 'ul. Testowa 1', 'new', now() - interval '10 days') returning id`.execute(db);
  ids.report = String(report.rows[0]!.id);
  return ids;
}

describe.each(backends)('e-mail reminders before deadlines on %s', (backend) => {
  let testDb: TestDatabase;
  let db: Db;
  let ids: Record<string, string>;
  const outbox = () => db.selectFrom('outbox').select(['recipient', 'subject', 'body']).orderBy('recipient').execute();
  const run = () => runReminders(db, { publicUrl });
  const keysOf = (done: Awaited<ReturnType<typeof run>>, email: string) =>
    done.mails.find((m) => m.mail.to === email)?.reminder.items.map((i) => i.key.split(':').slice(0, -1).join(':')) ?? [];

  beforeAll(async () => {
    testDb = await createTestDatabase(backend);
    db = testDb.database.db;
    ids = await buildUnit(db);
  });
  afterAll(() => testDb.drop());
  // Each test starts with nothing sent and the default settings.
  beforeEach(async () => {
    await inFactory(db, async (trx) => {
      await trx.deleteFrom('reminders_sent').execute();
      await trx.deleteFrom('outbox').execute();
      await trx.deleteFrom('setting_values').where('id', 'like', 'dashboard.%').execute();
    });
  });

  it('mails each person responsible once, with all their deadlines, and nobody else', async () => {
    const done = await run();
    const mails = await outbox();
    expect(mails.map((m) => m.recipient)).toEqual([
      'anna@example.pl',
      'bartek@example.pl',
      'komendant@example.pl',
      'obok@example.pl',
      'sylwia@example.pl',
    ]);
    // The officer: her draft's submission (7 days), the action due tomorrow and the late one; not the action done in the log.
    expect(keysOf(done, 'anna@example.pl').sort()).toEqual(
      [`plan:${ids.current1}:action:1`, `plan:${ids.current1}:action:2`, `plan:${ids.draft1}:submission`].sort(),
    );
    // The day's substitute of a district without its officer.
    expect(keysOf(done, 'bartek@example.pl')).toEqual([`plan:${ids.current2}:action:1`]);
    // The unit's reviewers (not the deactivated one): approval, the report past its limit, and the
    // officer's deadlines of a vacant district and of one whose officer has no e-mail.
    for (const reviewer of ['sylwia@example.pl', 'komendant@example.pl'])
      expect(keysOf(done, reviewer).sort()).toEqual(
        [
          `plan:${ids.draft3}:submission`,
          `plan:${ids.draft4}:submission`,
          `plan:${ids.submitted2}:approval`,
          `report:${ids.report}:take_up`,
        ].sort(),
      );
    expect(keysOf(done, 'obok@example.pl')).toEqual([`plan:${ids.draftObok}:submission`]);
  });

  it('writes a Polish e-mail with each deadline, when it falls, and links to its page and the dashboard', async () => {
    await run();
    const anna = (await outbox()).find((m) => m.recipient === 'anna@example.pl')!;
    expect(anna.subject).toBe('Dzielnicowy: 3 terminy, w tym 1 po terminie');
    expect(anna.body).toContain('Dzień dobry, rm.anna.');
    expect(anna.body).toContain('Rejon 1 Przypomnień (KPP Przypomnień):');
    expect(anna.body).toContain('działanie planu: działanie nr 2 „Debata z mieszkańcami”');
    expect(anna.body).toContain('termin minął');
    expect(anna.body).toContain('jutro ostatni dzień');
    expect(anna.body).toContain('zostało 7 dni');
    expect(anna.body).toContain(`${publicUrl}/admin/plans/${ids.current1}/dziennik`);
    expect(anna.body).toContain(`${publicUrl}/admin/plans/${ids.draft1}\n`);
    expect(anna.body).toContain(`${publicUrl}/admin/dashboard`);
    const sylwia = (await outbox()).find((m) => m.recipient === 'sylwia@example.pl')!;
    expect(sylwia.body).toContain(`${publicUrl}/admin/reports/${ids.report}`);
    expect(sylwia.body).toContain('Rejon 3 Przypomnień (KPP Przypomnień) — nikt w obsadzie rejonu');
  });

  it('sends nothing new on a rerun, nor when two instances run at once', async () => {
    const [first, second] = await Promise.all([run(), run()]);
    expect(first.mails.length + second.mails.length).toBe(5);
    expect((await run()).mails).toEqual([]);
    expect(await outbox()).toHaveLength(5);
    const sent = await db
      .selectFrom('reminders_sent')
      .select(({ fn }) => fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    // One row per person and deadline: 3 for the officer, 1 for the substitute, 4 for each reviewer, 1 next door.
    expect(Number(sent.n)).toBe([...first.mails, ...second.mails].reduce((n, m) => n + m.reminder.items.length, 0));
    expect(Number(sent.n)).toBe(13);
  });

  it('moves the reminders with the setting: another day before, or none before a deadline', async () => {
    await storeSettings(db, { 'dashboard.soonDays': 7, 'dashboard.reminderDays': [3] });
    const threeDays = await run();
    // Due in 7 days: not yet with "3"; due tomorrow: the 3-day stage, late rather than never.
    expect(keysOf(threeDays, 'anna@example.pl').sort()).toEqual([`plan:${ids.current1}:action:1`, `plan:${ids.current1}:action:2`].sort());
    expect(
      threeDays.mails
        .find((m) => m.mail.to === 'anna@example.pl')!
        .reminder.items.map((i) => i.stage)
        .sort(),
    ).toEqual([-1, 3]);
    await storeSettings(db, { 'dashboard.soonDays': 7, 'dashboard.reminderDays': [] });
    await inFactory(db, (trx) => trx.deleteFrom('reminders_sent').execute());
    expect(keysOf(await run(), 'anna@example.pl')).toEqual([`plan:${ids.current1}:action:2`]);
  });

  it('passes an officer’s deadlines to the unit while the officer’s account is deactivated', async () => {
    await inFactory(db, (trx) => trx.updateTable('accounts').set({ active: false }).where('id', '=', ids['rm.anna']!).execute());
    try {
      const done = await run();
      expect(done.mails.map((m) => m.mail.to)).not.toContain('anna@example.pl');
      expect(keysOf(done, 'sylwia@example.pl')).toContain(`plan:${ids.draft1}:submission`);
    } finally {
      await inFactory(db, (trx) => trx.updateTable('accounts').set({ active: true }).where('id', '=', ids['rm.anna']!).execute());
    }
  });

  it('tells in a dry run what a run would send, and sends and records nothing', async () => {
    const dry = await runReminders(db, { publicUrl, dryRun: true });
    expect(await outbox()).toEqual([]);
    expect(await db.selectFrom('reminders_sent').selectAll().execute()).toEqual([]);
    const real = await run();
    expect(dry.mails.map((m) => m.mail)).toEqual(real.mails.map((m) => m.mail));
    expect((await runReminders(db, { publicUrl, dryRun: true })).mails).toEqual([]);
  });
});
