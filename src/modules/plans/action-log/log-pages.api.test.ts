import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../../../../test/support/databases.js';
import { browserFor, TestClient, createTestApp, type TestApp } from '../../../../test/support/app.js';
import { completePlanContent, inFactory, makePlanIn } from '../../../../test/support/factories.js';
import { world } from '../../../../test/support/world.js';
import { addDays, warsawToday } from '../../../platform/i18n/calendar.js';

/**
 * The action log on the pages: each action of a plan carried out in a3 with the status its entries
 * give it (late, in progress, done, not started), on the plan's staff page, the log page and the
 * public page; correcting an entry; withdrawn entries and entries of a dropped action shown apart.
 */
const officer = world.officerOf.a3!;
type Browser = Awaited<ReturnType<typeof browserFor>>;

describe.each(backends)('the action log pages on %s', (backend) => {
  let t: TestApp;
  let planId = '';
  let as: Browser;
  const today = warsawToday();
  const logPage = () => `/admin/plans/${planId}/dziennik`;
  /** The heading of an action's part of a page, with its status tag. */
  const headingOf = (html: string, id: string) => html.slice(html.indexOf(`id="${id}"`), html.indexOf('</h', html.indexOf(`id="${id}"`)));
  const record = async (fields: Record<string, string>) => {
    const saved = await as.client.postForm(logPage(), { day: '', ...fields }, as.token);
    expect(saved.statusCode, saved.body).toBe(303);
    const entry = await t.testDb.database.db
      .selectFrom('plan_action_log')
      .select('id')
      .where('plan_id', '=', planId)
      .orderBy('recorded_at', 'desc')
      .executeTakeFirstOrThrow();
    return entry.id;
  };
  const entryRow = (id: string) =>
    t.testDb.database.db.selectFrom('plan_action_log').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  beforeAll(async () => {
    t = await createTestApp(backend);
    const from = addDays(today, -60);
    const to = addDays(today, 60);
    const base = completePlanContent(from, to);
    const action = (description: string, until: string) => ({
      description,
      from,
      to: until,
      who: 'dzielnicowy',
      status: 'planned' as const,
    });
    planId = await makePlanIn(t.testDb.database.db, 'in_progress', {
      districtId: world.districts.a3.id,
      periodFrom: from,
      periodTo: to,
      by: officer.login,
      content: {
        ...base,
        actions: [
          action('Patrole parku przy ul. Lipowej.', addDays(today, -10)),
          action('Ulotki o oszustwach w skrzynkach.', to),
          action('Debata o bezpieczeństwie seniorów.', to),
          action('Pogadanki w szkole.', to),
        ],
      },
    });
    as = await browserFor(t, officer);
    await record({ actionIndex: '0', kind: 'patrol', place: 'Park przy ul. Lipowej' });
    await record({ actionIndex: '1', kind: 'leaflets', place: 'Bloki przy ul. Kwiatowej 3', withWhom: 'Pan Jan Kowalski' });
    await record({ actionIndex: '2', kind: 'debate', completes: 'on' });
    // An entry of an action a later version dropped (the plan now has four actions).
    await inFactory(t.testDb.database.db, (trx) =>
      trx
        .insertInto('plan_action_log')
        .values({
          plan_id: planId,
          unit_id: world.districts.a3.unitId,
          plan_version: 1,
          action_index: 4,
          action_text: 'Kontrole sklepów z alkoholem.',
          kind: 'check',
          day: addDays(today, -20),
          place: 'Sklep przy ul. Polnej',
          recorded_by: officer.login,
        })
        .execute(),
    );
  });
  afterAll(() => t.close());

  it('shows each action’s status from its entries on the plan’s staff page (a passed deadline is late), with a link to add an entry for it', async () => {
    const page = (await as.client.get(`/admin/plans/${planId}`)).body;
    expect(page).toContain('Realizacja działań');
    expect(headingOf(page, 'progress-0')).toContain('Opóźnione');
    expect(headingOf(page, 'progress-1')).toContain('W toku');
    expect(headingOf(page, 'progress-2')).toContain('Wykonane');
    expect(headingOf(page, 'progress-3')).toContain('Nierozpoczęte');
    expect(page).toContain('Bloki przy ul. Kwiatowej 3');
    expect(page).toContain(`href="${logPage()}?action=3#add-entry"`);
    // The supervisor reads the statuses and entries but adds none.
    const supervisor = await browserFor(t, world.supervisorOf.a);
    const read = (await supervisor.client.get(`/admin/plans/${planId}`)).body;
    expect(headingOf(read, 'progress-0')).toContain('Opóźnione');
    expect(read).not.toContain('?action=3#add-entry');
    // The log page tells the same.
    const log = (await as.client.get(`${logPage()}?action=3`)).body;
    expect(headingOf(log, 'action-0')).toContain('Opóźnione');
    expect(log).toMatch(/checked="" id="field-actionIndex-3"|id="field-actionIndex-3"[^>]*checked/);
  });

  it('shows each action’s status and its number of entries on the public page, never the entries’ text', async () => {
    const page = (await new TestClient(t.app, { headers: { accept: 'text/html' } }).get(`/plany/${planId}`)).body;
    expect(page).toContain('Realizacja działań');
    expect(page).toMatch(/Patrole parku przy ul\. Lipowej\. <strong class="tag tag--red">Opóźnione<\/strong> · 1 wpis w dzienniku/);
    expect(page).toMatch(/Pogadanki w szkole\. <strong class="tag tag--grey">Nierozpoczęte<\/strong> · 0 wpisów w dzienniku/);
    expect(page).not.toContain('Bloki przy ul. Kwiatowej 3');
    expect(page).not.toContain('Jan Kowalski');
  });

  it('corrects an entry on its page: prefilled, a wrong day refused in Polish with nothing changed, then saved and marked corrected', async () => {
    const id = await record({ actionIndex: '1', kind: 'leaflets', place: 'ul. Różana' });
    const url = `${logPage()}/${id}`;
    expect((await as.client.get(logPage())).body).toContain(`href="${url}"`);
    const form = await as.client.get(url);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('value="ul. Różana"');
    const wrong = await as.client.postForm(url, { kind: 'leaflets', day: addDays(today, 2), place: 'ul. Różana 7' }, as.token);
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('Data nie może być z przyszłości.');
    expect(wrong.body).toContain('value="ul. Różana 7"');
    expect((await entryRow(id)).place).toBe('ul. Różana');
    const saved = await as.client.postForm(url, { kind: 'leaflets', day: today, place: 'ul. Różana 7' }, as.token);
    expect([saved.statusCode, saved.headers.location]).toEqual([303, `${logPage()}?notice=corrected`]);
    expect((await entryRow(id)).place).toBe('ul. Różana 7');
    const log = (await as.client.get(`${logPage()}?notice=corrected`)).body;
    expect(log).toContain('Wpis poprawiono.');
    expect(log).toMatch(/ul\. Różana 7.{0,200}poprawiony/s);
    // Nobody but the author corrects it: another officer of the unit does not even see the plan's log.
    const other = await browserFor(t, world.officerOf.a1!);
    expect([403, 404]).toContain((await other.client.get(url)).statusCode);
    const refused = await other.client.postForm(url, { kind: 'talk', day: today }, other.token);
    expect([403, 404]).toContain(refused.statusCode);
    expect((await entryRow(id)).kind).toBe('leaflets');
  });

  it('keeps a withdrawn entry on the log page, struck through and marked, and shows entries of a dropped action apart', async () => {
    const id = await record({ actionIndex: '1', kind: 'talk', place: 'Klub seniora „Pod Lipami”' });
    const withdrawn = await as.client.postForm(`${logPage()}/${id}/withdraw`, {}, as.token);
    expect(withdrawn.statusCode).toBe(303);
    const log = (await as.client.get(logPage())).body;
    expect(log).toMatch(
      /<li class="log-entry log-entry--withdrawn"><strong class="tag tag--grey">Wycofany<\/strong> <s>.{0,300}Klub seniora/s,
    );
    // No longer changeable: no correction link for it.
    expect(log).not.toContain(`href="${logPage()}/${id}"`);
    const orphans = log.slice(log.indexOf('id="orphans"'));
    expect(orphans).toContain('Wpisy do działań, których nie ma w obecnej wersji planu');
    expect(orphans).toContain('Sklep przy ul. Polnej');
    expect(orphans).toContain('zapisany do działania: „Kontrole sklepów z alkoholem.”');
  });

  it('speaks English to a person reading English', async () => {
    const english = await browserFor(t, officer);
    english.client.cookies.set('lang', 'en');
    const log = (await english.client.get(logPage())).body;
    expect(log).toContain('<h1>Action log</h1>');
    expect(headingOf(log, 'action-0')).toContain('Late');
    expect(headingOf(log, 'action-3')).toContain('Not started');
    expect(log).toContain('Entries for actions the current version of the plan no longer has');
    expect(log).toContain('recorded for the action: „Kontrole sklepów z alkoholem.”');
    const bad = await english.client.postForm(logPage(), { actionIndex: '1', day: addDays(today, 3) }, english.token);
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('The date cannot be in the future.');
    expect(bad.body).toContain('Choose what was done.');
    const plan = (await english.client.get(`/admin/plans/${planId}`)).body;
    expect(plan).toContain('Progress of the actions');
    expect(plan).toContain('Add an entry for this action');
  });
});
