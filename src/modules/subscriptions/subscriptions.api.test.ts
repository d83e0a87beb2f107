import { DOMParser } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../../../test/support/databases.js';
import { TestClient, createTestApp, csrfFromHtml, type TestApp } from '../../../test/support/app.js';
import { inFactory, makeAssignment, makeCompletePlan, makeDistrict } from '../../../test/support/factories.js';
import { fakeSmtp } from '../../../test/support/fake-smtp.js';
import { world } from '../../../test/support/world.js';
import { addDays, warsawToday } from '../../platform/i18n/calendar.js';
import { MailSender } from '../../platform/mail/outbox.js';
import { runRetention } from '../privacy/erase.js';
import { tellFollowers } from './notify.js';

const unitA = world.districts.a1.unitId;
const { b1 } = world.districts;
// Districts of unit A made for this file, one per test that publishes or announces something there
// (a district has one plan per period); officer A1 serves them as a substitute, so may submit.
const numbers = { flow: 21, feed: 22, english: 23, evaluated: 24, cancelled: 25 } as const;
const own = (key: keyof typeof numbers) => `${unitA}/${numbers[key]}`;

describe.each(backends)('following a district on %s', (backend) => {
  let t: TestApp;
  const smtp = fakeSmtp();
  let smtpPort: number;
  let officer: TestClient;
  let supervisor: TestClient;
  let serial = 0;
  const address = () => `mieszkanka.${++serial}.${backend}@example.pl`;
  // Each test from its own client address: the subscribe limit counts per address.
  const resident = (lang: 'pl' | 'en' = 'pl') => {
    const client = new TestClient(t.app, { headers: { accept: 'text/html' }, remoteAddress: `203.0.113.${++serial}` });
    if (lang === 'en') client.cookies.set('lang', 'en');
    return client;
  };
  const db = () => t.testDb.database.db;

  beforeAll(async () => {
    [t, smtpPort] = await Promise.all([
      createTestApp(backend, {}, async (trx) => {
        const account = await trx
          .selectFrom('accounts')
          .select('id')
          .where('login', '=', world.accounts.officerA1.login)
          .executeTakeFirstOrThrow();
        const { id: officerId } = await trx
          .selectFrom('officers')
          .select('id')
          .where('account_id', '=', account.id)
          .executeTakeFirstOrThrow();
        for (const n of Object.values(numbers))
          await makeAssignment(trx, unitA, officerId, await makeDistrict(trx, unitA, n), 'substitute');
      }),
      smtp.listen(),
    ]);
    officer = new TestClient(t.app, { headers: { accept: 'application/json' } });
    supervisor = new TestClient(t.app, { headers: { accept: 'application/json' } });
    await officer.signIn(world.accounts.officerA1);
    await supervisor.signIn(world.accounts.supervisorA);
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  const follow = async (client: TestClient, districtId: string, fields: Record<string, string>) => {
    const page = await client.get(`/rejony/${districtId}`);
    expect(page.statusCode).toBe(200);
    return client.postForm(`/rejony/${districtId}/obserwuj`, fields, csrfFromHtml(page.body));
  };
  const mailsTo = (email: string) => db().selectFrom('outbox').selectAll().where('recipient', '=', email).orderBy('id').execute();
  const linkIn = (body: string, kind: 'potwierdz' | 'wypisz') => {
    const match = new RegExp(`https?://[^\\s]+/obserwuj/${kind}/[A-Za-z0-9_-]{43}`).exec(body);
    expect(match, body).not.toBeNull();
    return new URL(match![0]).pathname;
  };
  const subscriptionsOf = (email: string) => db().selectFrom('subscriptions').selectAll().where('email', '=', email).execute();
  /** Subscribes and confirms through the links, as a resident does; returns the unsubscribe path. */
  const confirmed = async (client: TestClient, districtId: string, email: string) => {
    expect((await follow(client, districtId, { email, website: '' })).statusCode).toBe(303);
    const [mail] = await mailsTo(email);
    const confirmPath = linkIn(mail!.body, 'potwierdz');
    const page = await client.get(confirmPath);
    expect((await client.postForm(confirmPath, {}, csrfFromHtml(page.body))).statusCode).toBe(200);
    return linkIn(mail!.body, 'wypisz');
  };
  const publishPlanOf = async (districtId: string) => {
    const id = await makeCompletePlan(db(), districtId);
    expect((await officer.send('POST', `/api/v1/plans/${id}/transitions`, { transition: 'submit' })).statusCode).toBe(200);
    for (const transition of ['approve', 'publish'])
      expect((await supervisor.send('POST', `/api/v1/plans/${id}/transitions`, { transition })).statusCode).toBe(200);
    return id;
  };
  const tell = () => tellFollowers(db(), t.config.publicUrl);

  it('subscribes, confirms by POST (not by opening the link), mails a published plan of that district only, and one-click unsubscribes', async () => {
    const client = resident();
    const email = address();
    const elsewhere = address();
    const answer = await follow(client, own('flow'), { email, website: '' });
    expect(answer.statusCode).toBe(303);
    expect(answer.headers.location).toBe(`/rejony/${own('flow')}/obserwuj?wyslano=1`);
    expect((await client.get(answer.headers.location!)).body).toContain('Sprawdź skrzynkę e-mail');

    const [confirmation] = await mailsTo(email);
    expect(confirmation!.subject).toContain('Potwierdź obserwowanie: Rejon 21');
    expect(confirmation!.headers).toEqual({
      'List-Unsubscribe': expect.stringMatching(/^<http.+\/obserwuj\/wypisz\/.+>$/),
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    });
    const confirmPath = linkIn(confirmation!.body, 'potwierdz');
    // The raw token is in the mail only; the database keeps its hash.
    const [stored] = await subscriptionsOf(email);
    expect(stored!.confirm_hash).not.toContain(confirmPath.split('/').pop());
    // A mail scanner opening the link confirms nothing: the page asks for a button press.
    const page = await client.get(confirmPath);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Potwierdzam');
    expect((await subscriptionsOf(email))[0]!.confirmed_at).toBeNull();
    expect((await client.postForm(confirmPath, {}, csrfFromHtml(page.body))).statusCode).toBe(200);
    expect((await subscriptionsOf(email))[0]!.confirmed_at).not.toBeNull();
    // The link worked once.
    expect((await client.get(confirmPath)).statusCode).toBe(404);
    await confirmed(resident(), b1.id, elsewhere);

    const planId = await publishPlanOf(own('flow'));
    await tell();
    const news = (await mailsTo(email)).slice(1);
    expect(news).toHaveLength(1);
    expect(news[0]!.subject).toMatch(/^Rejon 21 .*: Opublikowano plan działania priorytetowego \(/);
    expect(news[0]!.body).toContain(`/plany/${planId}`);
    expect(await mailsTo(elsewhere)).toHaveLength(1);
    // Told once, however often the notifier runs.
    await tell();
    expect((await mailsTo(email)).slice(1)).toHaveLength(1);

    // The headers reach the SMTP server.
    const sender = new MailSender(db(), `smtp://127.0.0.1:${smtpPort}`, 'Dzielnicowy <no-reply@example.com>');
    await sender.sendPending();
    await sender.stop();
    // Long headers are folded onto continuation lines (RFC 5322 §2.2.3): read them unfolded.
    const delivered = smtp.received
      .filter((m) => m.to.join().includes(email))
      .map((m) => ({ ...m, data: m.data.replace(/\n[ \t]+/g, ' ') }));
    expect(delivered.length).toBe(2);
    const unsubscribe = linkIn(news[0]!.body, 'wypisz');
    expect(delivered[1]!.data).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click$/m);
    expect(delivered[1]!.data).toContain(`List-Unsubscribe: <${t.config.publicUrl}${unsubscribe}>`);

    // RFC 8058: a mail program's POST, no cookie, no CSRF token.
    const oneClick = await t.app.inject({
      method: 'POST',
      url: unsubscribe,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'List-Unsubscribe=One-Click',
    });
    expect(oneClick.statusCode).toBe(200);
    expect(await subscriptionsOf(email)).toEqual([]);
    expect((await client.get(unsubscribe)).statusCode).toBe(404);

    const meeting = await officer.send('POST', '/api/v1/meetings', {
      kind: 'meeting',
      day: addDays(warsawToday(), 3),
      startsAt: '18:00',
      endsAt: '19:00',
      place: 'Szkoła, ul. Polna 2',
      topic: 'Parkowanie pod szkołą',
      districtIds: [own('flow')],
    });
    expect(meeting.statusCode).toBe(201);
    await tell();
    expect(await db().selectFrom('outbox').select('id').where('body', 'like', '%Parkowanie pod szkołą%').execute()).toEqual([]);

    // The audit log says what happened to the subscription, never the address or the hashes.
    const audit = await db()
      .selectFrom('audit_log')
      .select(['action', 'before', 'after'])
      .where('entity_id', '=', stored!.id)
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['insert', 'update', 'delete']);
    expect(JSON.stringify(audit)).not.toContain(email);
    expect(JSON.stringify(audit)).not.toContain(stored!.unsubscribe_hash);
  });

  it('tells followers of an evaluation with a link to its report (sprawozdanie), which a resident can open', async () => {
    const email = address();
    await confirmed(resident(), own('evaluated'), email);
    const planId = await publishPlanOf(own('evaluated'));
    const evaluated = await supervisor.send('POST', `/api/v1/plans/${planId}/transitions`, {
      transition: 'evaluate',
      evaluation: { decision: 'achieved', justification: 'Wszystkie spotkania się odbyły.' },
    });
    expect(evaluated.statusCode, evaluated.body).toBe(200);
    await tell();
    const news = (await mailsTo(email)).slice(1);
    expect(news.map((mail) => mail.subject)).toEqual([
      expect.stringMatching(/: Opublikowano plan działania priorytetowego \(/),
      expect.stringMatching(/: Ocena realizacji planu działania priorytetowego \(/),
    ]);
    const link = new RegExp(`https?://[^\\s]+/plany/${planId}/sprawozdanie`).exec(news[1]!.body);
    expect(link, news[1]!.body).not.toBeNull();
    const report = await resident().get(new URL(link![0]).pathname);
    expect(report.statusCode).toBe(200);
  });

  it('answers the same for a new, a waiting and a confirmed address, and mails a link only to the new one', async () => {
    const client = resident();
    const email = address();
    const answers = [];
    answers.push(await follow(client, world.districts.a2.id, { email, website: '' }));
    answers.push(await follow(client, world.districts.a2.id, { email, website: '' }));
    const [mail] = await mailsTo(email);
    const confirmPath = linkIn(mail!.body, 'potwierdz');
    await client.postForm(confirmPath, {}, csrfFromHtml((await client.get(confirmPath)).body));
    answers.push(await follow(client, world.districts.a2.id, { email: `  ${email.replace('example.pl', 'EXAMPLE.PL')} `, website: '' }));
    expect(new Set(answers.map((a) => `${a.statusCode} ${a.headers.location}`)).size).toBe(1);
    expect(answers[0]!.statusCode).toBe(303);
    expect(await mailsTo(email)).toHaveLength(1);
    expect(await subscriptionsOf(email)).toHaveLength(1);
  });

  it('refuses a malformed address in Polish and in English with a 400, storing nothing', async () => {
    for (const [lang, text] of [
      ['pl', 'Podaj poprawny adres e-mail'],
      ['en', 'Enter a valid e-mail address'],
    ] as const) {
      const answer = await follow(resident(lang), world.districts.a3.id, { email: 'nie-adres@', website: '' });
      expect(answer.statusCode).toBe(400);
      expect(answer.body).toContain(text);
      expect(answer.body).toContain('value="nie-adres@"');
    }
    expect(await subscriptionsOf('nie-adres@')).toEqual([]);
    expect((await follow(resident(), world.districts.a3.id, { email: '', website: '' })).body).toContain('Podaj adres e-mail.');
  });

  it('drops what a bot sends (the honeypot filled) with the same answer, and answers 404 for a district that does not exist', async () => {
    const email = address();
    const answer = await follow(resident(), world.districts.a3.id, { email, website: 'https://spam.example' });
    expect(answer.statusCode).toBe(303);
    expect(await subscriptionsOf(email)).toEqual([]);
    expect(await mailsTo(email)).toEqual([]);
    const client = resident();
    const token = csrfFromHtml((await client.get(`/rejony/${world.districts.a3.id}`)).body);
    expect((await client.postForm(`/rejony/${unitA}/999/obserwuj`, { email }, token)).statusCode).toBe(404);
  });

  it('limits subscribing from one client address: 429 with a Polish message and Retry-After', async () => {
    const client = resident();
    const token = csrfFromHtml((await client.get(`/rejony/${world.districts.a3.id}`)).body);
    const statuses = [];
    for (let i = 0; i < 11; i++)
      statuses.push((await client.postForm(`/rejony/${world.districts.a3.id}/obserwuj`, { email: address() }, token)).statusCode);
    expect(statuses.slice(0, 10)).toEqual(Array.from({ length: 10 }, () => 303));
    const refused = await client.postForm(`/rejony/${world.districts.a3.id}/obserwuj`, { email: address() }, token);
    expect(refused.statusCode).toBe(429);
    expect(refused.body).toContain('Za dużo żądań');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('lets a confirmation link expire after 7 days, and the retention job erases the unconfirmed address', async () => {
    const client = resident();
    const email = address();
    await follow(client, world.districts.a3.id, { email, website: '' });
    const confirmPath = linkIn((await mailsTo(email))[0]!.body, 'potwierdz');
    await inFactory(db(), (trx) =>
      trx
        .updateTable('subscriptions')
        .set({ confirm_sent_at: new Date(Date.now() - 7 * 86_400_000 - 60_000) })
        .where('email', '=', email)
        .execute(),
    );
    const page = await client.get(confirmPath);
    expect(page.statusCode).toBe(404);
    expect(page.body).toContain('Link nie działa');
    const run = await runRetention(t.testDb.database);
    expect(run.counts.pendingSubscription).toBeGreaterThanOrEqual(1);
    expect(await subscriptionsOf(email)).toEqual([]);
  });

  it('writes to a follower in English when they subscribed in English', async () => {
    const email = address();
    await confirmed(resident('en'), own('english'), email);
    expect((await mailsTo(email))[0]!.subject).toMatch(/^Confirm following: Rejon 23/);
    await publishPlanOf(own('english'));
    await tell();
    const [, news] = await mailsTo(email);
    expect(news!.subject).toMatch(/^Rejon 23 .*: Priority action plan published \(/);
    expect(news!.body).toContain('Unsubscribe with one click');
  });

  it('tells followers of a cancelled meeting why it was cancelled, in their language', async () => {
    const [polish, english] = [address(), address()];
    await confirmed(resident(), own('cancelled'), polish);
    await confirmed(resident('en'), own('cancelled'), english);
    const meeting = await officer.send('POST', '/api/v1/meetings', {
      kind: 'meeting',
      day: addDays(warsawToday(), 4),
      startsAt: '18:00',
      endsAt: '19:00',
      place: 'Remiza OSP',
      topic: 'Bezpieczeństwo nad rzeką',
      districtIds: [own('cancelled')],
    });
    expect(meeting.statusCode).toBe(201);
    await tell();
    const reason = 'Remiza zalana po burzy.';
    expect((await officer.send('POST', `/api/v1/meetings/${meeting.json().id}/cancel`, { reason })).statusCode).toBe(200);
    await tell();
    const [, announced, cancelled] = await mailsTo(polish);
    expect(announced!.subject).toMatch(/: Spotkanie z mieszkańcami, /);
    expect(cancelled!.subject).toMatch(/: Odwołane: Spotkanie z mieszkańcami, /);
    expect(cancelled!.body).toContain(`Odwołane. Powód: ${reason}\nBezpieczeństwo nad rzeką`);
    const inEnglish = (await mailsTo(english))[2]!;
    expect(inEnglish.subject).toMatch(/: Cancelled: Meeting with residents, /);
    expect(inEnglish.body).toContain(`Cancelled. Reason: ${reason}`);
  });

  it('serves the district’s news as Atom 1.0, newest first, text escaped, linked from the district page', async () => {
    const hostile = `Spotkanie <script>alert("x")</script> & 'cudzysłów' ]]>`;
    const planId = await publishPlanOf(own('feed'));
    const meeting = await officer.send('POST', '/api/v1/meetings', {
      kind: 'debate',
      day: addDays(warsawToday(), 5),
      startsAt: '17:00',
      endsAt: '18:30',
      place: 'Świetlica <b>„Pod Lipą”</b>',
      topic: hostile,
      districtIds: [own('feed')],
    });
    expect(meeting.statusCode).toBe(201);
    const other = await officer.send('POST', '/api/v1/meetings', {
      kind: 'meeting',
      day: addDays(warsawToday(), 5),
      startsAt: '10:00',
      endsAt: '11:00',
      place: 'Gdzie indziej',
      topic: 'Spotkanie w innym rejonie',
      districtIds: [world.districts.a1.id],
    });
    expect(other.statusCode).toBe(201);

    const response = await t.app.inject(`/rejony/${own('feed')}/aktualnosci.atom`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/atom+xml; charset=utf-8');
    const doc = new DOMParser().parseFromString(response.body, 'text/xml');
    const feed = doc.querySelector('feed')!;
    expect(feed.getAttribute('xmlns')).toBe('http://www.w3.org/2005/Atom');
    const child = (el: Element, name: string) => [...el.children].find((c) => c.localName === name)?.textContent ?? null;
    expect(child(feed, 'id')).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
    const entries = [...feed.children].filter((c) => c.localName === 'entry');
    expect(entries.map((e) => child(e, 'title'))).toEqual([
      expect.stringMatching(/^Debata społeczna, /),
      expect.stringMatching(/^Opublikowano plan działania priorytetowego \(/),
    ]);
    expect(child(entries[0], 'summary')).toBe(`${hostile}\nMiejsce: Świetlica <b>„Pod Lipą”</b>`);
    expect(entries[1]!.querySelector('link')!.getAttribute('href')).toMatch(new RegExp(`/plany/${planId}$`));
    const updated = entries.map((e) => Date.parse(child(e, 'updated')!));
    expect(updated[0]).toBeGreaterThanOrEqual(updated[1]!);
    for (const entry of entries) expect(child(entry, 'id')).toMatch(/^urn:uuid:/);
    expect(child(feed, 'updated')).toBe(child(entries[0], 'updated'));
    // The same ids on every read (RFC 4287: ids never change), whatever the host.
    const again = await t.app.inject({ url: `/rejony/${own('feed')}/aktualnosci.atom`, headers: { host: 'inny.example' } });
    expect(new DOMParser().parseFromString(again.body, 'text/xml').querySelector('feed > id')!.textContent).toBe(child(feed, 'id'));

    const page = (await resident().get(`/rejony/${own('feed')}`)).body;
    const head = page.slice(0, page.indexOf('</head>'));
    expect(head).toMatch(
      new RegExp(`<link rel="alternate" type="application/atom\\+xml" title="[^"]+" href="/rejony/${own('feed')}/aktualnosci.atom"`),
    );
    expect(page.slice(page.indexOf('</head>'))).toContain(`<a href="/rejony/${own('feed')}/aktualnosci.atom">`);
    expect((await t.app.inject(`/rejony/${unitA}/999/aktualnosci.atom`)).statusCode).toBe(404);
  });
});
