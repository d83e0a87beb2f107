import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../../../test/support/databases.js';
import { TestClient, createTestApp, type TestApp } from '../../../test/support/app.js';
import { world } from '../../../test/support/world.js';
import { addDays, dayInPoland } from '../../platform/i18n/calendar.js';

/** A complete plan for a period: one action inside it. */
const contentFor = (from: string, to: string) => ({
  threat: { category: 'fraud', places: '', description: 'Oszustwa wobec seniorów.', sources: ['residents'] },
  goal: { description: 'Mniej oszustw.', indicator: null, baseline: null, target: null },
  actions: [{ description: 'Spotkania z seniorami.', from, to, who: 'dzielnicowy', status: 'planned' }],
  partners: [],
  communication: ['strona internetowa KPP'],
  signature: null,
});

// a3 has no plan in the world: its officer (the substitute of a2) publishes three here.
const district = world.districts.a3;

describe.each(backends)('current, upcoming and past plans on %s', (backend) => {
  let t: TestApp;
  const officer = () => clients.officer!;
  const clients: Record<string, TestClient> = {};
  const ids: Record<'past' | 'current' | 'upcoming', string> = { past: '', current: '', upcoming: '' };
  const today = dayInPoland(new Date());
  const periods = {
    past: ['2019-02-01', '2019-07-31'],
    current: [addDays(today, -60), addDays(today, 60)],
    upcoming: ['2095-01-01', '2095-06-30'],
  } as const;

  beforeAll(async () => {
    t = await createTestApp(backend);
    clients.officer = new TestClient(t.app);
    await clients.officer.signIn(world.officerOf.a3!);
    clients.supervisor = new TestClient(t.app);
    await clients.supervisor.signIn(world.supervisorOf.a);
    // Three published plans of one district, one of each timing.
    for (const timing of ['past', 'current', 'upcoming'] as const) {
      const [from, to] = periods[timing];
      const created = await officer().send('POST', '/api/v1/plans', {
        districtId: district.id,
        periodFrom: from,
        periodTo: to,
        content: contentFor(from, to),
      });
      expect(created.statusCode).toBe(201);
      ids[timing] = created.json().id;
      for (const [who, transition] of [
        ['officer', 'submit'],
        ['supervisor', 'approve'],
        ['supervisor', 'publish'],
      ] as const) {
        expect((await clients[who]!.send('POST', `/api/v1/plans/${ids[timing]}/transitions`, { transition })).statusCode).toBe(200);
      }
    }
  });
  afterAll(() => t.close());

  it('labels every plan in the API with its timing', async () => {
    const list = (await new TestClient(t.app).get(`/api/v1/plans?districtId=${district.id}&pageSize=50`)).json();
    const timingOf = (id: string) => list.plans.find((p: { id: string }) => p.id === id)?.timing;
    expect([timingOf(ids.past), timingOf(ids.current), timingOf(ids.upcoming)]).toEqual(['past', 'current', 'upcoming']);
    expect((await new TestClient(t.app).get(`/api/v1/plans/${ids.past}`)).json().published.timing).toBe('past');
    const staffView = (await officer().get(`/api/v1/plans/${ids.upcoming}`)).json();
    expect([staffView.published.timing, staffView.working.timing]).toEqual(['upcoming', 'upcoming']);
  });

  it('shows the current and the coming plan on the district page, never the past one as current', async () => {
    const page = (await new TestClient(t.app, { headers: { accept: 'text/html' } }).get(`/rejony/${district.id}`)).body;
    expect(page).toMatch(new RegExp(`<a href="/plany/${ids.current}">Plan bieżący: `));
    expect(page).toMatch(new RegExp(`<a href="/plany/${ids.upcoming}">Plan na nadchodzący okres: 1 stycznia 2095 – 30 czerwca 2095</a>`));
    expect(page).not.toContain(`/plany/${ids.past}`);
  });

  it('says on the plan page and in the library that a plan is archived or upcoming', async () => {
    const browser = new TestClient(t.app, { headers: { accept: 'text/html' } });
    const past = (await browser.get(`/plany/${ids.past}`)).body;
    expect(past).toContain('plan archiwalny (okres zakończony)');
    expect(past).toContain('Okres tego planu zakończył się 31 lipca 2019: to plan archiwalny, nie bieżący plan rejonu.');
    expect((await browser.get(`/plany/${ids.upcoming}`)).body).toContain('Ten plan dotyczy nadchodzącego okresu');
    const current = (await browser.get(`/plany/${ids.current}`)).body;
    // Its own label (the similar plans below it have theirs).
    const meta = current.slice(current.indexOf('class="plan-meta"'), current.indexOf('class="plan-document"'));
    expect(meta).toContain('plan bieżący');
    expect(meta).not.toContain('plan archiwalny');
    const library = (await browser.get('/plany?year=2019')).body;
    expect(library.slice(library.indexOf(`/plany/${ids.past}`))).toMatch(
      /^[^]*?<strong class="tag tag--grey">plan archiwalny \(okres zakończony\)<\/strong>/,
    );
  });

  it('labels the latest past plan as archived when no plan is current', async () => {
    // A district whose only published plan is long over (b1's other plan waits for review, unpublished).
    const grabowo = new TestClient(t.app);
    await grabowo.signIn(world.officerOf.b1!);
    const reviewer = new TestClient(t.app);
    await reviewer.signIn(world.supervisorOf.b);
    const created = await grabowo.send('POST', '/api/v1/plans', {
      districtId: world.districts.b1.id,
      periodFrom: '2019-02-01',
      periodTo: '2019-07-31',
      content: contentFor('2019-02-01', '2019-07-31'),
    });
    const id = created.json().id as string;
    await grabowo.send('POST', `/api/v1/plans/${id}/transitions`, { transition: 'submit' });
    await reviewer.send('POST', `/api/v1/plans/${id}/transitions`, { transition: 'approve' });
    await reviewer.send('POST', `/api/v1/plans/${id}/transitions`, { transition: 'publish' });
    const page = (await new TestClient(t.app, { headers: { accept: 'text/html' } }).get(`/rejony/${world.districts.b1.id}`)).body;
    const plans = page.slice(page.indexOf('Plan działania priorytetowego</h2>'));
    expect(plans).not.toContain('Plan bieżący');
    expect(plans).toContain('Rejon nie ma obecnie bieżącego planu działania priorytetowego.');
    expect(plans).toMatch(/>Plan archiwalny \(okres zakończony\): [^<]+<\/a>/);
  });
});
