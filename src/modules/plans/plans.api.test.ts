import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../../../test/support/databases.js';
import { TestClient, type TestApp } from '../../../test/support/app.js';
import { createDemoTestApp } from '../../../test/support/demo-app.js';

const content = {
  threat: {
    category: 'fraud',
    places: 'osiedle Powstańców Warszawy',
    description: 'Oszustwa metodą „na wnuczka” wobec seniorów.',
    sources: ['residents', 'patrols'],
  },
  goal: {
    description: 'Zmniejszenie liczby oszustw o 20 procent.',
    indicator: null,
    baseline: { period: 'II półrocze 2026', value: 8 },
    target: { direction: 'decrease', percent: 20 },
  },
  actions: [
    { description: 'Spotkania z seniorami w klubie seniora.', from: '2027-01-01', to: '2027-03-31', who: 'dzielnicowy', status: 'planned' },
  ],
  partners: [{ name: 'Miejski Ośrodek Pomocy Społecznej w Lubartowie', tasks: 'informowanie podopiecznych' }],
  communication: ['strona internetowa KPP', 'spotkania z mieszkańcami'],
  signature: 'sierż. Piotr Nowicki',
};

describe.each(backends)('priority action plans on %s', (backend) => {
  let t: TestApp;
  const clients: Record<string, TestClient> = {};
  const as = (login: string) => clients[login]!;
  beforeAll(async () => {
    t = await createDemoTestApp(backend);
    for (const login of [
      'dzielnicowy.lubartow',
      'kierownik.lubartow',
      'komendant.lubartow',
      'admin.lublin',
      'kierownik.sejny',
      'dzielnicowy.leczna',
    ]) {
      clients[login] = new TestClient(t.app);
      await clients[login].signIn(login);
    }
  });
  afterAll(() => t.close());

  let period = 0;
  /** A fresh draft in kpp-lubartow/3 for its own half-year, so drafts never overlap. */
  const newDraft = async () => {
    period++;
    const year = 2030 + period;
    const response = await as('dzielnicowy.lubartow').send('POST', '/api/v1/plans', {
      districtId: 'kpp-lubartow/3',
      periodFrom: `${year}-01-01`,
      periodTo: `${year}-06-30`,
      content: { ...content, actions: [{ ...content.actions[0], from: `${year}-01-01`, to: `${year}-03-31` }] },
    });
    expect(response.statusCode).toBe(201);
    return response.json().id as string;
  };
  const move = (login: string, id: string, transition: string, extra: object = {}) =>
    as(login).send('POST', `/api/v1/plans/${id}/transitions`, { transition, ...extra });

  it('runs the whole lifecycle: draft → submitted → returned → submitted → approved → published → in progress → evaluated → closed', async () => {
    const id = await newDraft();
    const year = 2030 + period; // the draft's own half-year, whichever test made a draft before

    const submitted = (await move('dzielnicowy.lubartow', id, 'submit')).json();
    expect(submitted.status).toBe('submitted');
    // What happened and what comes next, with the approval days of the settings (7 by default).
    expect(submitted.message).toMatch(/^Plan przekazano do zatwierdzenia\. Kierownik ma 7 dni \(do \d{1,2} \p{L}+ \d{4}\)/u);
    const returned = await move('kierownik.lubartow', id, 'return', {
      comments: [{ section: 'actions', item: 0, text: 'Podaj liczbę spotkań.' }],
    });
    expect(returned.json().status).toBe('returned');
    const edited = await as('dzielnicowy.lubartow').send('PATCH', `/api/v1/plans/${id}`, {
      content: {
        ...content,
        actions: [{ ...content.actions[0], description: 'Trzy spotkania z seniorami.', from: `${year}-01-01`, to: `${year}-03-31` }],
      },
    });
    expect(edited.statusCode).toBe(200);
    expect((await move('dzielnicowy.lubartow', id, 'submit')).json()).toMatchObject({ status: 'submitted', version: 2 });
    expect((await move('komendant.lubartow', id, 'approve')).json().status).toBe('approved');
    const published = (await move('kierownik.lubartow', id, 'publish')).json();
    expect(published).toMatchObject({ status: 'published', publishedVersion: 2 });
    expect((await move('dzielnicowy.lubartow', id, 'start')).json().status).toBe('in_progress');
    const evaluated = await move('kierownik.lubartow', id, 'evaluate', {
      evaluation: { outcome: 'insufficient_data', measuredValue: null, note: 'Brak danych z SWD.' },
    });
    expect(evaluated.json()).toMatchObject({ status: 'evaluated', evaluation: { outcome: 'insufficient_data' } });
    expect((await move('kierownik.lubartow', id, 'close')).json().status).toBe('closed');

    const history = (await as('kierownik.lubartow').get(`/api/v1/plans/${id}/versions`)).json();
    expect(history.versions.map((v: { version: number; decision: string }) => [v.version, v.decision])).toEqual([
      [2, 'approved'],
      [1, 'returned'],
    ]);
    // The place in words beside the code: "Działanie 1", never "actions 1".
    expect(history.versions[1].comments).toEqual([{ section: 'actions', item: 0, text: 'Podaj liczbę spotkań.', place: 'Działanie 1' }]);
    expect(history.versions[0].content.actions[0].description).toBe('Trzy spotkania z seniorami.');
    expect(history.events.map((e: { transition: string }) => e.transition)).toEqual([
      'create',
      'submit',
      'return',
      'submit',
      'approve',
      'publish',
      'start',
      'evaluate',
      'close',
    ]);
    expect(history.events[2]).toMatchObject({ actor_label: 'kierownik.lubartow', from_status: 'submitted', to_status: 'returned' });
    // For people: the name, the step and the status in words.
    expect(history.events[2]).toMatchObject({
      actor_name: 'kom. Joanna Sadowska (demo)',
      stepName: 'Zwrot do poprawy',
      statusName: 'zwrócony do poprawy',
    });
    expect(history.versions[0]).toMatchObject({
      submittedByName: 'sierż. Piotr Nowicki (demo)',
      decidedByName: 'insp. Marek Wysocki (demo)',
    });
  });

  it('keeps the returned version and its comments; approved plans are frozen, and a change is a new version that the public does not see until published', async () => {
    const id = await newDraft();
    const year = 2030 + period;
    await move('dzielnicowy.lubartow', id, 'submit');
    await move('kierownik.lubartow', id, 'return', { comments: [{ section: 'goal', item: null, text: 'Określ miernik.' }] });
    await move('dzielnicowy.lubartow', id, 'submit');
    await move('kierownik.lubartow', id, 'approve');
    await move('kierownik.lubartow', id, 'publish');
    const frozen = await as('dzielnicowy.lubartow').send('PATCH', `/api/v1/plans/${id}`, { content });
    expect(frozen.statusCode).toBe(409);
    expect(frozen.json().error.code).toBe('plan_frozen');
    expect((await move('dzielnicowy.lubartow', id, 'revise')).json()).toMatchObject({ status: 'draft', version: 3, publishedVersion: 2 });
    const newText = {
      ...content,
      goal: { ...content.goal, description: 'Nowy cel w wersji 2.' },
      actions: [{ ...content.actions[0], from: `${year}-01-01`, to: `${year}-03-31` }],
    };
    expect((await as('dzielnicowy.lubartow').send('PATCH', `/api/v1/plans/${id}`, { content: newText })).statusCode).toBe(200);
    const publicView = (await new TestClient(t.app).get(`/api/v1/plans/${id}`)).json();
    expect(publicView.working).toBeNull();
    expect(publicView.published).toMatchObject({
      version: 2,
      content: { goal: { description: 'Zmniejszenie liczby oszustw o 20 procent.' } },
    });
    const versions = (await as('kierownik.lubartow').get(`/api/v1/plans/${id}/versions`)).json().versions;
    expect(versions.map((v: { version: number; decision: string }) => [v.version, v.decision])).toEqual([
      [2, 'approved'],
      [1, 'returned'],
    ]);
    expect(versions[1].comments).toEqual([{ section: 'goal', item: null, text: 'Określ miernik.', place: 'Cel' }]);
  });

  it('lets only the right people make each move (every role, both sides)', async () => {
    const id = await newDraft();
    // Staff of other units cannot see the working plan: for them it is not found (404), as when reading it.
    const outsiders = ['dzielnicowy.leczna', 'kierownik.sejny'];
    const forbidden = async (login: string, transition: string, extra: object = {}) => {
      const response = await move(login, id, transition, extra);
      expect(outsiders.includes(login) ? [404] : [403, 409], `${login} ${transition}`).toContain(response.statusCode);
    };
    // Draft: only the district officer submits; nobody else edits.
    for (const login of ['kierownik.lubartow', 'komendant.lubartow', 'dzielnicowy.leczna', 'kierownik.sejny'])
      await forbidden(login, 'submit');
    expect((await as('kierownik.lubartow').send('PATCH', `/api/v1/plans/${id}`, { content })).statusCode).toBe(403);
    expect((await as('dzielnicowy.leczna').send('PATCH', `/api/v1/plans/${id}`, { content })).statusCode).toBe(404);
    expect((await as('admin.lublin').send('POST', `/api/v1/plans/${id}/transitions`, { transition: 'submit' })).statusCode).toBe(403);
    await move('dzielnicowy.lubartow', id, 'submit');
    // Submitted: reviewers of the unit decide; the officer and outsiders cannot.
    for (const login of ['dzielnicowy.lubartow', 'kierownik.sejny', 'dzielnicowy.leczna']) await forbidden(login, 'approve');
    await forbidden('kierownik.sejny', 'return', { comments: [{ section: 'general', item: null, text: 'x' }] });
    const noComment = await move('kierownik.lubartow', id, 'return', { comments: [] });
    expect(noComment.statusCode).toBe(400);
    expect(noComment.json().error.code).toBe('comments_required');
    await move('kierownik.lubartow', id, 'approve');
    for (const login of ['dzielnicowy.lubartow', 'kierownik.sejny']) await forbidden(login, 'publish');
    await move('komendant.lubartow', id, 'publish');
    await forbidden('kierownik.sejny', 'start');
    await forbidden('dzielnicowy.lubartow', 'evaluate', { evaluation: { outcome: 'achieved' } });
    const noOutcome = await move('kierownik.lubartow', id, 'evaluate', {});
    expect(noOutcome.statusCode).toBe(400);
    // Impossible moves are 409 for everyone.
    const closeNow = await move('kierownik.lubartow', id, 'close');
    expect(closeNow.statusCode).toBe(409);
    expect(closeNow.json().error.code).toBe('invalid_transition');
  });

  it('refuses to submit an incomplete plan, naming each missing field', async () => {
    const created = await as('dzielnicowy.lubartow').send('POST', '/api/v1/plans', {
      districtId: 'kpp-lubartow/3',
      periodFrom: '2040-01-01',
      periodTo: '2040-06-30',
    });
    const id = created.json().id;
    const response = await move('dzielnicowy.lubartow', id, 'submit');
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details.map((d: { field: string }) => d.field)).toEqual([
      'threat.description',
      'threat.category',
      'goal.description',
      'actions',
      'communication',
    ]);
    expect((await as('dzielnicowy.lubartow').send('DELETE', `/api/v1/plans/${id}`)).statusCode).toBe(204);
  });

  it('checks periods: at most six months, any start day, no overlap within a district', async () => {
    const tooLong = await as('dzielnicowy.lubartow').send('POST', '/api/v1/plans', {
      districtId: 'kpp-lubartow/3',
      periodFrom: '2041-01-01',
      periodTo: '2041-07-01',
    });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json().error.message).toContain('najwyżej 6 miesięcy');
    const rolling = await as('dzielnicowy.lubartow').send('POST', '/api/v1/plans', {
      districtId: 'kpp-lubartow/3',
      periodFrom: '2041-06-26',
      periodTo: '2041-12-25',
    });
    expect(rolling.statusCode).toBe(201);
    const overlap = await as('dzielnicowy.lubartow').send('POST', '/api/v1/plans', {
      districtId: 'kpp-lubartow/3',
      periodFrom: '2041-12-01',
      periodTo: '2042-05-31',
    });
    expect(overlap.statusCode).toBe(409);
    expect(overlap.json().error.message).toBe(
      'Rejon ma już plan na okres od 2041-06-26 do 2041-12-25, który pokrywa się z podanym okresem.',
    );
  });

  it('parses documents without saving, and imports a document as a draft of the right district', async () => {
    const text = `Informacja dotycząca realizacji planu działania priorytetowego dla rejonu służbowego nr 3
Komendy Powiatowej Policji w Lubartowie na okres od 01.07.2043 roku do 31.12.2043 roku
1. Charakterystyka zdiagnozowanego zagrożenia w rejonie służbowym
Dewastacja przystanków.
2. Zakładany cel do osiągnięcia
Zmniejszenie o 30 procent liczby zgłoszeń.
3. Proponowane działania wraz z terminami realizacji
· W lipcu 2043 roku spotkanie z zarządcą.
4. Podmioty współpracujące
· Urząd Miasta Lubartów – naprawa wiat.
5. Proponowany sposób przekazania informacji
· strona internetowa`;
    const parsed = await as('dzielnicowy.lubartow').request({
      method: 'POST',
      url: '/api/v1/plans/parse',
      payload: text,
      headers: { 'content-type': 'text/plain' },
    });
    expect(parsed.statusCode).toBe(200);
    expect(parsed.json()).toMatchObject({
      unit: 'Komenda Powiatowa Policji w Lubartowie',
      districtNumber: 3,
      period: { from: '2043-07-01', to: '2043-12-31' },
      goal: { target: { direction: 'decrease', percent: 30 } },
    });
    const imported = await as('kierownik.lubartow').request({
      method: 'POST',
      url: '/api/v1/plans/import',
      payload: text,
      headers: { 'content-type': 'text/plain' },
    });
    expect(imported.statusCode).toBe(201);
    expect(imported.json().plan).toMatchObject({
      districtId: 'kpp-lubartow/3',
      status: 'draft',
      content: { threat: { category: 'vandalism' }, partners: [{ name: 'Urząd Miasta Lubartów', tasks: 'naprawa wiat' }] },
    });
    const notAPlan = await as('kierownik.lubartow').request({
      method: 'POST',
      url: '/api/v1/plans/parse',
      payload: 'Zaproszenie na festyn.',
      headers: { 'content-type': 'text/plain' },
    });
    expect(notAPlan.statusCode).toBe(422);
    expect(notAPlan.json().error.code).toBe('not_a_plan');
    const outside = await as('kierownik.sejny').request({
      method: 'POST',
      url: '/api/v1/plans/import',
      payload: text.replace('2043', '2044').replace('2043', '2044').replace('2043', '2044'),
      headers: { 'content-type': 'text/plain' },
    });
    expect(outside.statusCode).toBe(403);
  });

  it('publishes the four seed plans with their real periods, searchable in Polish word forms', async () => {
    const all = (await new TestClient(t.app).get('/api/v1/plans?pageSize=100')).json();
    const seeds = all.plans.filter((p: { periodFrom: string }) => p.periodFrom < '2030-01-01');
    expect(seeds.map((p: { districtId: string; periodFrom: string }) => `${p.districtId} ${p.periodFrom}`).sort()).toEqual([
      'kpp-krasnystaw/2 2026-07-01',
      'kpp-leczna/3 2025-07-01',
      'kpp-lubartow/3 2024-01-01',
      'kpp-lubartow/7 2024-07-01',
    ]);
    for (const q of ['oszustwa', 'oszustw', 'OSZUSTWAMI seniorów']) {
      const found = (await new TestClient(t.app).get(`/api/v1/plans?q=${encodeURIComponent(q)}`)).json();
      expect(
        found.plans.map((p: { districtId: string }) => p.districtId),
        q,
      ).toEqual(expect.arrayContaining(['kpp-krasnystaw/2', 'kpp-lubartow/7']));
      expect(
        found.plans.map((p: { districtId: string }) => p.districtId),
        q,
      ).not.toContain('kpp-leczna/3');
    }
    const cameras = (await new TestClient(t.app).get(`/api/v1/plans?q=${encodeURIComponent('kamer monitoringu')}`)).json();
    expect(cameras.plans.map((p: { districtId: string }) => p.districtId)).toEqual(['kpp-leczna/3']);
    const byCategory = (await new TestClient(t.app).get('/api/v1/plans?category=fraud&year=2024')).json();
    expect(byCategory.plans.map((p: { districtId: string }) => p.districtId)).toEqual(['kpp-lubartow/7']);
  });
});
