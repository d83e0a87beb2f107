import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../../../test/support/databases.js';
import { TestClient, type TestApp, createTestApp } from '../../../test/support/app.js';
import { world } from '../../../test/support/world.js';
import { addDays, warsawToday } from '../../platform/i18n/calendar.js';
import { eventsOf, unescapeText } from '../../../test/support/icalendar.js';

const { a1, a2, b1 } = world.districts;
const districtPath = (d: { id: string }) => `/api/v1/districts/${d.id}/meetings`;
const feedPath = (d: { id: string }) => `/rejony/${d.id}/spotkania.ics`;

describe.each(backends)('meetings and debates on %s', (backend) => {
  let t: TestApp;
  const as: Record<string, TestClient> = {};
  let serial = 0;
  const details = (over: Record<string, unknown> = {}) => ({
    kind: 'debate',
    day: addDays(warsawToday(), 7),
    startsAt: '17:00',
    endsAt: '19:00',
    place: 'Świetlica, ul. Szkolna 5, Borowo',
    topic: `Bezpieczeństwo pod szkołą; parkowanie, ruch nr ${++serial}`,
    districtIds: [a1.id],
    ...over,
  });
  const meetingsStored = async () =>
    Number(
      (
        await t.testDb.database.db
          .selectFrom('meetings')
          .select((e) => e.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    t = await createTestApp(backend);
    for (const who of [world.accounts.officerA1, world.accounts.supervisorA, world.accounts.supervisorB, world.accounts.voivodeshipAdmin]) {
      as[who.login] = new TestClient(t.app, { headers: { accept: 'application/json' } });
      await as[who.login]!.signIn(who.login);
    }
  });
  afterAll(() => t.close());
  const officer = () => as[world.accounts.officerA1.login]!;
  const supervisor = () => as[world.accounts.supervisorA.login]!;

  it('lets the officer announce an event in their district: listed on the district and unit, in both feeds, audited', async () => {
    const body = details();
    const created = await officer().send('POST', '/api/v1/meetings', body);
    expect(created.statusCode).toBe(201);
    const meeting = created.json();
    expect(meeting).toMatchObject({
      ...body,
      unitId: a1.unitId,
      sequence: 0,
      cancelled: false,
      participants: null,
      kindLabel: 'Debata społeczna',
    });

    const anonymous = new TestClient(t.app);
    const list = (await anonymous.get(districtPath(a1))).json();
    expect(list.upcoming.map((m: { id: string }) => m.id)).toContain(meeting.id);
    expect(list.calendar).toMatch(/\/rejony\/kpp-borowo\/1\/spotkania\.ics$/);
    expect((await anonymous.get(districtPath(a2))).json().upcoming.map((m: { id: string }) => m.id)).not.toContain(meeting.id);
    expect((await anonymous.get(`/api/v1/units/${a1.unitId}/meetings`)).json().upcoming.map((m: { id: string }) => m.id)).toContain(
      meeting.id,
    );

    for (const path of [feedPath(a1), `/jednostki/${a1.unitId}/spotkania.ics`]) {
      const feed = await anonymous.get(path);
      expect(feed.statusCode).toBe(200);
      expect(feed.headers['content-type']).toBe('text/calendar; charset=utf-8');
      const event = eventsOf(feed.body).find((e) => e.UID!.value.startsWith(meeting.id))!;
      expect(event.SEQUENCE!.value).toBe('0');
      expect(event.STATUS!.value).toBe('CONFIRMED');
      expect(event.DTSTART).toEqual({ params: ';TZID=Europe/Warsaw', value: `${body.day.replace(/-/g, '')}T170000` });
      expect(event.DTSTAMP!.value).toMatch(/^\d{8}T\d{6}Z$/);
      expect(unescapeText(event.SUMMARY!.value)).toBe(`Debata społeczna: ${body.topic}`);
      expect(unescapeText(event.LOCATION!.value)).toBe(body.place);
    }
    const audit = await t.testDb.database.db
      .selectFrom('audit_log')
      .select(['action', 'actor_label'])
      .where('entity_type', '=', 'meetings')
      .where('entity_id', '=', meeting.id)
      .execute();
    expect(audit).toEqual([expect.objectContaining({ actor_label: world.accounts.officerA1.login })]);
  });

  it('bumps the SEQUENCE on a change and keeps a cancelled event listed as cancelled, which then stays as it is', async () => {
    const meeting = (await officer().send('POST', '/api/v1/meetings', details())).json();
    const changed = await officer().send('PATCH', `/api/v1/meetings/${meeting.id}`, {
      place: 'Szkoła Podstawowa nr 2, Borowo',
      startsAt: '18:00',
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ sequence: 1, place: 'Szkoła Podstawowa nr 2, Borowo', startsAt: '18:00', endsAt: '19:00' });

    const reason = 'Sala zajęta przez wybory; nowy termin podamy wkrótce.';
    const cancelled = await supervisor().send('POST', `/api/v1/meetings/${meeting.id}/cancel`, { reason: `  ${reason} ` });
    expect(cancelled.statusCode).toBe(200);
    expect(cancelled.json()).toMatchObject({ cancelled: true, cancelReason: reason, sequence: 2 });
    const listed = (await new TestClient(t.app).get(districtPath(a1))).json().upcoming.find((m: { id: string }) => m.id === meeting.id);
    expect(listed).toMatchObject({ cancelled: true, cancelReason: reason });
    const event = eventsOf((await new TestClient(t.app).get(feedPath(a1))).body).find((e) => e.UID!.value.startsWith(meeting.id))!;
    expect(event.STATUS!.value).toBe('CANCELLED');
    expect(event.SEQUENCE!.value).toBe('2');
    // The reason leads the description: a calendar shows its start.
    expect(unescapeText(event.DESCRIPTION!.value).split('\n')[0]).toBe(`Odwołane. Powód: ${reason}`);

    const again = await officer().send('PATCH', `/api/v1/meetings/${meeting.id}`, { topic: 'Inny temat' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toMatch(/odwołane/);
  });

  it('records participants and topics from the event’s day on, not before', async () => {
    const today = (
      await officer().send('POST', '/api/v1/meetings', details({ day: warsawToday(), startsAt: '00:00', endsAt: '00:30' }))
    ).json();
    const later = (await officer().send('POST', '/api/v1/meetings', details())).json();
    const early = await officer().send('POST', `/api/v1/meetings/${later.id}/outcome`, { participants: 12 });
    expect(early.statusCode).toBe(409);
    const recorded = await officer().send('POST', `/api/v1/meetings/${today.id}/outcome`, {
      participants: 34,
      topicsRaised: 'Parkowanie pod szkołą.',
    });
    expect(recorded.statusCode).toBe(200);
    expect(recorded.json()).toMatchObject({ participants: 34, topicsRaised: 'Parkowanie pod szkołą.', sequence: 0 });
    // A past event (made as if announced last week) is listed after the upcoming ones, with what it showed.
    const db = t.testDb.database.db;
    const past = await db
      .insertInto('meetings')
      .values({
        unit_id: a1.unitId,
        district_ids: [a1.id],
        kind: 'meeting',
        on_day: addDays(warsawToday(), -3),
        starts_at: '17:00',
        ends_at: '18:00',
        place: 'Borowo',
        topic: 'Minione spotkanie',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const outcome = await officer().send('POST', `/api/v1/meetings/${past.id}/outcome`, { participants: 8, topicsRaised: 'Oświetlenie.' });
    expect(outcome.statusCode).toBe(200);
    expect((await officer().send('PATCH', `/api/v1/meetings/${past.id}`, { topic: 'Zmiana' })).statusCode).toBe(409);
    const list = (await new TestClient(t.app).get(districtPath(a1))).json();
    expect(list.past.find((m: { id: string }) => m.id === past.id)).toMatchObject({ participants: 8, topicsRaised: 'Oświetlenie.' });
    expect(list.upcoming.find((m: { id: string }) => m.id === past.id)).toBeUndefined();
  });

  it('lets the officer act only for their own districts, a supervisor for the unit, and nobody else; refusals store nothing', async () => {
    const before = await meetingsStored();
    expect((await officer().send('POST', '/api/v1/meetings', details({ districtIds: [a2.id] }))).statusCode).toBe(403);
    expect((await officer().send('POST', '/api/v1/meetings', details({ districtIds: [a1.id, a2.id] }))).statusCode).toBe(403);
    expect((await as[world.accounts.supervisorB.login]!.send('POST', '/api/v1/meetings', details())).statusCode).toBe(403);
    expect((await as[world.accounts.voivodeshipAdmin.login]!.send('POST', '/api/v1/meetings', details())).statusCode).toBe(403);
    expect((await new TestClient(t.app).send('POST', '/api/v1/meetings', details())).statusCode).toBe(401);
    expect(await meetingsStored()).toBe(before);
    const both = await supervisor().send('POST', '/api/v1/meetings', details({ districtIds: [a1.id, a2.id], kind: 'meeting' }));
    expect(both.statusCode).toBe(201);
    // The officer of one of its districts may not change an event of two.
    const reason = { reason: 'Choroba prowadzącego.' };
    expect((await officer().send('POST', `/api/v1/meetings/${both.json().id}/cancel`, reason)).statusCode).toBe(403);
    expect((await as[world.accounts.supervisorB.login]!.send('POST', `/api/v1/meetings/${both.json().id}/cancel`, reason)).statusCode).toBe(
      403,
    );
  });

  it('refuses bad input with a 400 naming the field, in Polish or English, and stores nothing', async () => {
    const before = await meetingsStored();
    const cases: [Record<string, unknown>, string][] = [
      [{ endsAt: '16:00' }, 'endsAt'],
      [{ day: addDays(warsawToday(), -1) }, 'day'],
      [{ day: '2027-02-30' }, 'day'],
      [{ startsAt: '25:00' }, 'startsAt'],
      [{ place: '  ' }, 'place'],
      [{ districtIds: [a1.id, b1.id] }, 'districtIds'],
      [{ districtIds: ['kpp-borowo/999'] }, 'districtIds'],
      [{ kind: 'party' }, 'kind'],
      [{ topic: 5 }, 'topic'],
    ];
    for (const [over, field] of cases) {
      const response = await supervisor().send('POST', '/api/v1/meetings', details(over));
      expect(response.statusCode, JSON.stringify(over)).toBe(400);
      expect(response.body, JSON.stringify(over)).toContain(field);
    }
    const english = await supervisor().send('POST', '/api/v1/meetings', details({ endsAt: '16:00' }), { 'accept-language': 'en' });
    expect(english.json().error.message).toBe('The event must end after it starts.');
    expect(await meetingsStored()).toBe(before);
  });

  it('cancels only with a reason of 3 to 500 characters, saying so in Polish or English, and leaves a refused event as it was', async () => {
    const meeting = (await officer().send('POST', '/api/v1/meetings', details())).json();
    const cancel = (body?: unknown, headers: Record<string, string> = {}) =>
      officer().send('POST', `/api/v1/meetings/${meeting.id}/cancel`, body, headers);
    const missing = await cancel({});
    expect(missing.statusCode).toBe(400);
    expect(JSON.stringify(missing.json().error.details)).toContain('reason');
    expect((await cancel()).statusCode).toBe(400);
    for (const reason of ['', '  ab  ', 'x'.repeat(501)]) {
      const response = await cancel({ reason });
      expect(response.statusCode, reason).toBe(400);
      expect(response.json().error.details?.field ?? response.body, reason).toContain('reason');
    }
    const polish = await cancel({ reason: ' ab ' });
    expect(polish.json().error).toMatchObject({ code: 'invalid_meeting', details: { field: 'reason' } });
    expect(polish.json().error.message).toBe('Podaj powód odwołania, od 3 do 500 znaków: mieszkańcy zobaczą go przy wydarzeniu.');
    const english = await cancel({ reason: 'ab' }, { 'accept-language': 'en' });
    expect(english.json().error.message).toBe('Give the reason for cancelling, 3 to 500 characters: residents will see it with the event.');
    const row = await t.testDb.database.db
      .selectFrom('meetings')
      .select(['cancelled_at', 'cancel_reason', 'sequence'])
      .where('id', '=', meeting.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ cancelled_at: null, cancel_reason: null, sequence: 0 });
    // Exactly three characters will do.
    expect((await cancel({ reason: 'Deszcz'.slice(0, 3) })).json()).toMatchObject({ cancelled: true, cancelReason: 'Des' });
  });

  it('keeps in the database itself that a cancelled meeting has a reason and one not cancelled has none', async () => {
    const meeting = (await officer().send('POST', '/api/v1/meetings', details())).json();
    const db = t.testDb.database.db;
    for (const change of [
      { cancelled_at: new Date() },
      { cancel_reason: 'Powód bez odwołania' },
      { cancelled_at: new Date(), cancel_reason: ' a ' },
    ])
      await expect(db.updateTable('meetings').set(change).where('id', '=', meeting.id).execute(), JSON.stringify(change)).rejects.toThrow(
        /check constraint/,
      );
  });

  it('answers 404 for a district or unit that does not exist, in the API and the feeds', async () => {
    const anonymous = new TestClient(t.app);
    expect((await anonymous.get('/api/v1/districts/kpp-borowo/999/meetings')).statusCode).toBe(404);
    expect((await anonymous.get('/rejony/kpp-borowo/999/spotkania.ics')).statusCode).toBe(404);
    expect((await anonymous.get('/jednostki/nie-ma/spotkania.ics')).statusCode).toBe(404);
    expect((await officer().send('PATCH', '/api/v1/meetings/00000000-0000-4000-8000-000000000000', { topic: 'x' })).statusCode).toBe(404);
    // An id that cannot be one (the hostile crawl's "' OR 1=1 --" answered 500) is not found either, storing nothing.
    for (const id of ["'%20OR%201%3D1%20--", '-1e309', 'x'])
      expect((await officer().send('POST', `/api/v1/meetings/${id}/cancel`, { reason: 'Deszcz.' })).statusCode).toBe(404);
  });

  it('lists the events on the district and unit pages with Polish dates, past ones with what happened, and links the feeds', async () => {
    const day = addDays(warsawToday(), 9);
    const coming = (await officer().send('POST', '/api/v1/meetings', details({ day, topic: 'Debata o oświetleniu ulic' }))).json();
    const db = t.testDb.database.db;
    await db
      .insertInto('meetings')
      .values({
        unit_id: a1.unitId,
        district_ids: [a1.id],
        kind: 'meeting',
        on_day: addDays(warsawToday(), -5),
        starts_at: '10:00',
        ends_at: '11:00',
        place: 'Borowo',
        topic: 'Spotkanie z seniorami',
        participants: 22,
        topics_raised: 'Oszustwa telefoniczne.',
      })
      .execute();
    const page = await new TestClient(t.app).get(`/rejony/${a1.id}`);
    expect(page.statusCode).toBe(200);
    const html = page.body;
    const [y, mo, d] = day.split('-').map(Number);
    const monthsPl = [
      'stycznia',
      'lutego',
      'marca',
      'kwietnia',
      'maja',
      'czerwca',
      'lipca',
      'sierpnia',
      'września',
      'października',
      'listopada',
      'grudnia',
    ];
    expect(html).toContain(`${d} ${monthsPl[mo! - 1]} ${y}`);
    expect(html).toContain('Debata o oświetleniu ulic');
    expect(html).toContain('Uczestnicy: 22 osoby');
    expect(html).toContain('Oszustwa telefoniczne.');
    expect(html).toContain(`href="/rejony/${a1.id}/spotkania.ics"`);
    // Upcoming before past.
    expect(html.indexOf('Debata o oświetleniu ulic')).toBeLessThan(html.indexOf('Spotkanie z seniorami'));
    await supervisor().send('POST', `/api/v1/meetings/${coming.id}/cancel`, { reason: 'Prowadzący zachorował <b>nagle</b>.' });
    const itemOf = (html: string) => {
      const at = html.indexOf('Debata o oświetleniu ulic');
      return html.slice(html.lastIndexOf('<li', at), html.indexOf('</li>', at));
    };
    const item = itemOf((await new TestClient(t.app).get(`/rejony/${a1.id}`)).body);
    expect(item).toContain('Odwołane');
    // The reason beside it, escaped like all text staff type.
    expect(item).toContain('Powód odwołania: Prowadzący zachorował &lt;b&gt;nagle&lt;/b&gt;.');
    const unitPage = (await new TestClient(t.app).get(`/jednostki/${a1.unitId}`)).body;
    expect(unitPage).toContain('Spotkania i debaty');
    expect(itemOf(unitPage)).toContain('Powód odwołania: Prowadzący zachorował');
    const english = await t.app.inject({ url: `/jednostki/${a1.unitId}`, cookies: { lang: 'en' }, headers: { accept: 'text/html' } });
    expect(itemOf(english.body)).toContain('Reason for cancelling: Prowadzący zachorował');
    expect(unitPage).toContain(`href="/jednostki/${a1.unitId}/spotkania.ics"`);
  });
});
