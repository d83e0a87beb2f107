import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../../../test/support/databases.js';
import { browserFor, TestClient, type TestApp, createTestApp } from '../../../test/support/app.js';
import { inFactory } from '../../../test/support/factories.js';
import { eventsOf, unescapeText } from '../../../test/support/icalendar.js';
import { world } from '../../../test/support/world.js';
import { addDays, warsawToday } from '../../platform/i18n/calendar.js';

/**
 * The staff pages of meetings (/admin/meetings), as a browser without JavaScript uses them: a form
 * post each, the use cases' checks and messages, and the access rule for an event of several
 * districts (the person must be allowed in every one).
 */
const { a1, a2, a3 } = world.districts;
type Browser = Awaited<ReturnType<typeof browserFor>>;

describe.each(backends)('the staff pages of meetings on %s', (backend) => {
  let t: TestApp;
  const as: Record<string, Browser> = {};
  let serial = 0;
  const topic = () => `Parkowanie pod szkołą, spotkanie nr ${++serial} (${backend})`;

  /** A form post with repeated fields (ticked districts), as a browser sends it. */
  const post = (who: Browser, url: string, fields: Record<string, string>, districtIds: string[] = []) => {
    const body = new URLSearchParams({ ...fields, _csrf: who.token });
    for (const id of districtIds) body.append('districtIds', id);
    return who.client.request({
      method: 'POST',
      url,
      payload: body.toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
      csrf: false,
    });
  };
  const details = (over: Record<string, string> = {}) => ({
    kind: 'debate',
    day: addDays(warsawToday(), 5),
    startsAt: '17:00',
    endsAt: '18:30',
    place: 'Świetlica „Pod Lipami”, ul. Szkolna 5, Borowo',
    topic: topic(),
    ...over,
  });
  /** An event stored directly (a past day cannot be announced). */
  const stored = (districtIds: string[], day: string, more: Record<string, unknown> = {}) =>
    inFactory(t.testDb.database.db, (trx) =>
      trx
        .insertInto('meetings')
        .values({
          unit_id: a1.unitId,
          district_ids: districtIds,
          kind: 'meeting',
          on_day: day,
          starts_at: '17:00',
          ends_at: '19:00',
          place: 'Remiza OSP, Borowo',
          topic: topic(),
          ...more,
        })
        .returning(['id', 'topic'])
        .executeTakeFirstOrThrow(),
    );
  const row = (id: string) => t.testDb.database.db.selectFrom('meetings').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  beforeAll(async () => {
    t = await createTestApp(backend);
    for (const who of [
      world.accounts.officerA1,
      world.accounts.substituteA,
      world.accounts.supervisorA,
      world.accounts.officerB1,
      world.accounts.voivodeshipAdmin,
    ])
      as[who.login] = await browserFor(t, who);
  });
  afterAll(() => t.close());
  const officer = () => as[world.accounts.officerA1.login]!;
  const supervisor = () => as[world.accounts.supervisorA.login]!;

  it('announces an event from the form: the officer’s district ticked; then on the district page, in its .ics and on the staff list', async () => {
    const form = await officer().client.get('/admin/meetings/new');
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain(`name="districtIds" checked="" value="${a1.id}"`);
    const fields = details();
    const created = await post(officer(), '/admin/meetings', fields, [a1.id]);
    expect(created.statusCode, created.body).toBe(303);
    const page = created.headers.location as string;
    expect(page).toMatch(/^\/admin\/meetings\/[0-9a-f-]{36}\?notice=created$/);
    const shown = await officer().client.get(page);
    expect(shown.body).toContain('Wydarzenie zapowiedziano.');

    const anonymous = new TestClient(t.app, { headers: { accept: 'text/html' } });
    expect((await anonymous.get(`/rejony/${a1.id}`)).body).toContain(fields.topic);
    const feed = await anonymous.get(`/rejony/${a1.id}/spotkania.ics`);
    expect(eventsOf(feed.body).some((e) => unescapeText(e.SUMMARY?.value ?? '').includes(fields.topic))).toBe(true);
    expect((await anonymous.get(`/rejony/${a2.id}`)).body).not.toContain(fields.topic);
    const list = (await officer().client.get('/admin/meetings')).body;
    expect(list.indexOf(fields.topic)).toBeGreaterThan(list.indexOf('Najbliższe'));
  });

  it('shows the API’s messages in Polish (or English) and stores nothing when the form is wrong', async () => {
    const fields = details({ endsAt: '16:00' });
    const wrong = await post(officer(), '/admin/meetings', fields, [a1.id]);
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('Wydarzenie musi kończyć się po rozpoczęciu.');
    expect(wrong.body).toContain('href="#field-endsAt"');
    expect(wrong.body).toContain(fields.place); // kept as typed
    const none = await post(officer(), '/admin/meetings', details(), []);
    expect(none.body).toContain('Wybierz od 1 do 50 rejonów');
    officer().client.cookies.set('lang', 'en');
    const english = await post(officer(), '/admin/meetings', details({ day: '2020-01-01' }), [a1.id]);
    officer().client.cookies.delete('lang');
    expect(english.statusCode).toBe(400);
    expect(english.body).toContain('The date of the event has passed.');
    const stored = await t.testDb.database.db.selectFrom('meetings').select('id').where('topic', '=', fields.topic).execute();
    expect(stored).toEqual([]);
  });

  it('changes an event (its SEQUENCE goes up), then cancels it: marked on the public page, apart on the staff list', async () => {
    const created = await post(officer(), '/admin/meetings', details(), [a1.id]);
    const url = (created.headers.location as string).split('?')[0]!;
    const id = url.split('/').pop()!;
    const changed = await post(officer(), url, details({ place: 'Szkoła Podstawowa nr 2, Borowo', topic: (await row(id)).topic }), [a1.id]);
    expect(changed.statusCode, changed.body).toBe(303);
    expect(await row(id)).toMatchObject({ place: 'Szkoła Podstawowa nr 2, Borowo', sequence: 1 });
    const form = (await officer().client.get(url)).body;
    expect(form).toContain('value="Szkoła Podstawowa nr 2, Borowo"');

    // Without a reason the page comes back with the error beside the field, nothing cancelled.
    const noReason = await post(officer(), `${url}/cancel`, { reason: '  ' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.body).toContain('Podaj powód odwołania, od 3 do 500 znaków');
    expect(noReason.body).toContain('href="#field-reason"');
    expect((await row(id)).cancelled_at).toBeNull();
    const tooLong = await post(officer(), `${url}/cancel`, { reason: `Remont sali. ${'x'.repeat(500)}` });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.body).toContain('Remont sali. xxx'); // kept as typed
    expect((await row(id)).cancel_reason).toBeNull();

    const cancelled = await post(officer(), `${url}/cancel`, { reason: 'Remont sali gimnastycznej.' });
    expect(cancelled.statusCode).toBe(303);
    expect(await row(id)).toMatchObject({ cancelled_at: expect.any(Date), cancel_reason: 'Remont sali gimnastycznej.' });
    expect((await officer().client.get(url)).body).toContain('Powód odwołania: Remont sali gimnastycznej.');
    const list = (await officer().client.get('/admin/meetings?notice=cancelled')).body;
    expect(list).toContain('Wydarzenie odwołano.');
    expect(list.indexOf((await row(id)).topic)).toBeGreaterThan(list.lastIndexOf('Odwołane'));
    const again = await post(officer(), url, details(), [a1.id]);
    expect(again.statusCode).toBe(400);
    expect(again.body).toContain('Wydarzenie zostało odwołane; nie można go już zmienić.');
  });

  it('asks for the outcome of a past event first, and records it (a wrong number in Polish, nothing stored)', async () => {
    const past = await stored([a1.id], addDays(warsawToday(), -2));
    const list = (await officer().client.get('/admin/meetings')).body;
    const waiting = list.indexOf('Po wydarzeniu: zapisz przebieg');
    expect(waiting).toBeGreaterThan(-1);
    expect(list.indexOf(past.topic)).toBeGreaterThan(waiting);
    expect(list.indexOf(past.topic)).toBeLessThan(list.indexOf('Najbliższe'));

    const url = `/admin/meetings/${past.id}`;
    const page = (await officer().client.get(url)).body;
    expect(page).toContain('Wydarzenie już się odbyło');
    expect(page).not.toContain(`action="${url}/cancel"`);
    const wrong = await post(officer(), `${url}/outcome`, { participants: 'dużo', topicsRaised: 'Hałas nocą.' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('Liczba uczestników: liczba całkowita od 0 do 100000.');
    expect(wrong.body).toContain('Hałas nocą.');
    expect((await row(past.id)).participants).toBeNull();
    const saved = await post(officer(), `${url}/outcome`, { participants: '23', topicsRaised: 'Hałas nocą; parkowanie.' });
    expect(saved.statusCode).toBe(303);
    expect(await row(past.id)).toMatchObject({ participants: 23, topics_raised: 'Hałas nocą; parkowanie.' });
    expect((await new TestClient(t.app).get(`/rejony/${a1.id}`)).body).toContain('Uczestnicy: 23 osoby');
  });

  it('refuses another unit’s officer (403, nothing changed) and leaves the event off their list', async () => {
    const event = await stored([a1.id], addDays(warsawToday(), 3));
    const stranger = as[world.accounts.officerB1.login]!;
    expect((await stranger.client.get(`/admin/meetings/${event.id}`)).statusCode).toBe(403);
    expect((await post(stranger, `/admin/meetings/${event.id}/cancel`, { reason: 'Deszcz.' })).statusCode).toBe(403);
    expect((await stranger.client.get('/admin/meetings')).body).not.toContain(event.topic);
    expect((await row(event.id)).cancelled_at).toBeNull();
    expect((await stranger.client.get('/admin/meetings/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    const admin = as[world.accounts.voivodeshipAdmin.login]!;
    expect((await admin.client.get('/admin/meetings')).statusCode).toBe(403);
  });

  it('lets a person act on an event of several districts only when they may manage every one of them', async () => {
    // a1 and a3: the officer of a1 serves one of them, the officer of a3 (a2's substitute) the other.
    const shared = await stored([a1.id, a3.id], addDays(warsawToday(), 4));
    for (const who of [officer(), as[world.accounts.substituteA.login]!]) {
      expect((await who.client.get(`/admin/meetings/${shared.id}`)).statusCode).toBe(403);
      expect((await post(who, `/admin/meetings/${shared.id}/cancel`, { reason: 'Deszcz.' })).statusCode).toBe(403);
    }
    expect((await row(shared.id)).cancelled_at).toBeNull();
    // The officer of a3 serves a2 today too: an event of both is theirs.
    const served = await stored([a2.id, a3.id], addDays(warsawToday(), 4));
    expect((await as[world.accounts.substituteA.login]!.client.get(`/admin/meetings/${served.id}`)).statusCode).toBe(200);
    // The unit's supervisor manages all of them; moving an event to a district one does not serve is refused.
    expect((await supervisor().client.get(`/admin/meetings/${shared.id}`)).statusCode).toBe(200);
    const own = await stored([a1.id], addDays(warsawToday(), 4));
    const moved = await post(officer(), `/admin/meetings/${own.id}`, details({ topic: own.topic }), [a1.id, a2.id]);
    expect(moved.statusCode).toBe(403);
    expect((await row(own.id)).district_ids).toEqual([a1.id]);
    expect((await post(supervisor(), `/admin/meetings/${shared.id}/cancel`, { reason: 'Deszcz.' })).statusCode).toBe(303);
  });
});
