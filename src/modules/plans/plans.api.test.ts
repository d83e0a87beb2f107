import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../../../test/support/databases.js';
import { TestClient, createTestApp, type TestApp } from '../../../test/support/app.js';
import { world } from '../../../test/support/world.js';

/** Who acts: unit A's people on a1, a staff member of another unit and one of another voivodeship. */
const people = {
  officer: world.officerOf.a1!,
  supervisor: world.supervisorOf.a,
  commander: world.accounts.commanderA,
  admin: world.accounts.voivodeshipAdmin,
  otherVoivodeship: world.supervisorOf.c,
  otherUnit: world.officerOf.b1!,
};
type Who = keyof typeof people;
const district = world.districts.a1;

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
  partners: [{ name: 'Miejski Ośrodek Pomocy Społecznej w Borowie', tasks: 'informowanie podopiecznych' }],
  communication: ['strona internetowa KPP', 'spotkania z mieszkańcami'],
  signature: 'sierż. Piotr Nowicki',
};

describe.each(backends)('priority action plans on %s', (backend) => {
  let t: TestApp;
  const clients: Record<string, TestClient> = {};
  const as = (who: Who) => clients[who]!;
  beforeAll(async () => {
    t = await createTestApp(backend);
    for (const [who, account] of Object.entries(people)) {
      clients[who] = new TestClient(t.app);
      await clients[who].signIn(account);
    }
  });
  afterAll(() => t.close());

  let period = 0;
  /** A fresh draft in a1 for its own half-year, so drafts never overlap. */
  const newDraft = async () => {
    period++;
    const year = 2030 + period;
    const response = await as('officer').send('POST', '/api/v1/plans', {
      districtId: district.id,
      periodFrom: `${year}-01-01`,
      periodTo: `${year}-06-30`,
      content: { ...content, actions: [{ ...content.actions[0], from: `${year}-01-01`, to: `${year}-03-31` }] },
    });
    expect(response.statusCode).toBe(201);
    return response.json().id as string;
  };
  const move = (who: Who, id: string, transition: string, extra: object = {}) =>
    as(who).send('POST', `/api/v1/plans/${id}/transitions`, { transition, ...extra });

  it('runs the whole lifecycle: draft → submitted → returned → submitted → approved → published → in progress → evaluated → closed', async () => {
    const id = await newDraft();
    const year = 2030 + period; // the draft's own half-year, whichever test made a draft before

    const submitted = (await move('officer', id, 'submit')).json();
    expect(submitted.status).toBe('submitted');
    // What happened and what comes next, with the approval days of the settings (7 by default).
    expect(submitted.message).toMatch(/^Plan przekazano do zatwierdzenia\. Kierownik ma 7 dni \(do \d{1,2} \p{L}+ \d{4}\)/u);
    const returned = await move('supervisor', id, 'return', {
      comments: [{ section: 'actions', item: 0, text: 'Podaj liczbę spotkań.' }],
    });
    expect(returned.json().status).toBe('returned');
    const edited = await as('officer').send('PATCH', `/api/v1/plans/${id}`, {
      content: {
        ...content,
        actions: [{ ...content.actions[0], description: 'Trzy spotkania z seniorami.', from: `${year}-01-01`, to: `${year}-03-31` }],
      },
    });
    expect(edited.statusCode).toBe(200);
    expect((await move('officer', id, 'submit')).json()).toMatchObject({ status: 'submitted', version: 2 });
    expect((await move('commander', id, 'approve')).json().status).toBe('approved');
    const published = (await move('supervisor', id, 'publish')).json();
    expect(published).toMatchObject({ status: 'published', publishedVersion: 2 });
    expect((await move('officer', id, 'start')).json().status).toBe('in_progress');
    const evaluated = await move('supervisor', id, 'evaluate', {
      evaluation: { outcome: 'insufficient_data', measuredValue: null, note: 'Brak danych z SWD.' },
    });
    expect(evaluated.json()).toMatchObject({ status: 'evaluated', evaluation: { outcome: 'insufficient_data' } });
    expect((await move('supervisor', id, 'close')).json().status).toBe('closed');

    const history = (await as('supervisor').get(`/api/v1/plans/${id}/versions`)).json();
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
    expect(history.events[2]).toMatchObject({ actor_label: people.supervisor.login, from_status: 'submitted', to_status: 'returned' });
    // For people: the name, the step and the status in words.
    expect(history.events[2]).toMatchObject({
      actor_name: people.supervisor.displayName,
      stepName: 'Zwrot do poprawy',
      statusName: 'zwrócony do poprawy',
    });
    expect(history.versions[0]).toMatchObject({
      submittedByName: people.officer.displayName,
      decidedByName: people.commander.displayName,
    });
  });

  it('keeps the returned version and its comments; approved plans are frozen, and a change is a new version that the public does not see until published', async () => {
    const id = await newDraft();
    const year = 2030 + period;
    await move('officer', id, 'submit');
    await move('supervisor', id, 'return', { comments: [{ section: 'goal', item: null, text: 'Określ miernik.' }] });
    await move('officer', id, 'submit');
    await move('supervisor', id, 'approve');
    await move('supervisor', id, 'publish');
    const frozen = await as('officer').send('PATCH', `/api/v1/plans/${id}`, { content });
    expect(frozen.statusCode).toBe(409);
    expect(frozen.json().error.code).toBe('plan_frozen');
    expect((await move('officer', id, 'revise')).json()).toMatchObject({ status: 'draft', version: 3, publishedVersion: 2 });
    const newText = {
      ...content,
      goal: { ...content.goal, description: 'Nowy cel w wersji 2.' },
      actions: [{ ...content.actions[0], from: `${year}-01-01`, to: `${year}-03-31` }],
    };
    expect((await as('officer').send('PATCH', `/api/v1/plans/${id}`, { content: newText })).statusCode).toBe(200);
    const publicView = (await new TestClient(t.app).get(`/api/v1/plans/${id}`)).json();
    expect(publicView.working).toBeNull();
    expect(publicView.published).toMatchObject({
      version: 2,
      content: { goal: { description: 'Zmniejszenie liczby oszustw o 20 procent.' } },
    });
    const versions = (await as('supervisor').get(`/api/v1/plans/${id}/versions`)).json().versions;
    expect(versions.map((v: { version: number; decision: string }) => [v.version, v.decision])).toEqual([
      [2, 'approved'],
      [1, 'returned'],
    ]);
    expect(versions[1].comments).toEqual([{ section: 'goal', item: null, text: 'Określ miernik.', place: 'Cel' }]);
  });

  it('lets only the right people make each move (every role, both sides)', async () => {
    const id = await newDraft();
    // Staff of other units cannot see the working plan: for them it is not found (404), as when reading it.
    const outsiders: Who[] = ['otherUnit', 'otherVoivodeship'];
    const forbidden = async (login: Who, transition: string, extra: object = {}) => {
      const response = await move(login, id, transition, extra);
      expect(outsiders.includes(login) ? [404] : [403, 409], `${login} ${transition}`).toContain(response.statusCode);
    };
    // Draft: only the district officer submits; nobody else edits.
    for (const login of ['supervisor', 'commander', 'otherUnit', 'otherVoivodeship'] as const) await forbidden(login, 'submit');
    expect((await as('supervisor').send('PATCH', `/api/v1/plans/${id}`, { content })).statusCode).toBe(403);
    expect((await as('otherUnit').send('PATCH', `/api/v1/plans/${id}`, { content })).statusCode).toBe(404);
    expect((await as('admin').send('POST', `/api/v1/plans/${id}/transitions`, { transition: 'submit' })).statusCode).toBe(403);
    await move('officer', id, 'submit');
    // Submitted: reviewers of the unit decide; the officer and outsiders cannot.
    for (const login of ['officer', 'otherVoivodeship', 'otherUnit'] as const) await forbidden(login, 'approve');
    await forbidden('otherVoivodeship', 'return', { comments: [{ section: 'general', item: null, text: 'x' }] });
    const noComment = await move('supervisor', id, 'return', { comments: [] });
    expect(noComment.statusCode).toBe(400);
    expect(noComment.json().error.code).toBe('comments_required');
    await move('supervisor', id, 'approve');
    for (const login of ['officer', 'otherVoivodeship'] as const) await forbidden(login, 'publish');
    await move('commander', id, 'publish');
    await forbidden('otherVoivodeship', 'start');
    await forbidden('officer', 'evaluate', { evaluation: { outcome: 'achieved' } });
    const noOutcome = await move('supervisor', id, 'evaluate', {});
    expect(noOutcome.statusCode).toBe(400);
    // Impossible moves are 409 for everyone.
    const closeNow = await move('supervisor', id, 'close');
    expect(closeNow.statusCode).toBe(409);
    expect(closeNow.json().error.code).toBe('invalid_transition');
  });

  it('refuses to submit an incomplete plan, naming each missing field', async () => {
    const created = await as('officer').send('POST', '/api/v1/plans', {
      districtId: district.id,
      periodFrom: '2040-01-01',
      periodTo: '2040-06-30',
    });
    const id = created.json().id;
    const response = await move('officer', id, 'submit');
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details.map((d: { field: string }) => d.field)).toEqual([
      'threat.description',
      'threat.category',
      'goal.description',
      'actions',
      'communication',
    ]);
    expect((await as('officer').send('DELETE', `/api/v1/plans/${id}`)).statusCode).toBe(204);
  });

  it('checks periods: at most six months, any start day, no overlap within a district', async () => {
    const tooLong = await as('officer').send('POST', '/api/v1/plans', {
      districtId: district.id,
      periodFrom: '2041-01-01',
      periodTo: '2041-07-01',
    });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json().error.message).toContain('najwyżej 6 miesięcy');
    const rolling = await as('officer').send('POST', '/api/v1/plans', {
      districtId: district.id,
      periodFrom: '2041-06-26',
      periodTo: '2041-12-25',
    });
    expect(rolling.statusCode).toBe(201);
    const overlap = await as('officer').send('POST', '/api/v1/plans', {
      districtId: district.id,
      periodFrom: '2041-12-01',
      periodTo: '2042-05-31',
    });
    expect(overlap.statusCode).toBe(409);
    expect(overlap.json().error.message).toBe(
      'Rejon ma już plan na okres od 2041-06-26 do 2041-12-25, który pokrywa się z podanym okresem.',
    );
  });

  it('parses documents without saving, and imports a document as a draft of the right district', async () => {
    const text = `Informacja dotycząca realizacji planu działania priorytetowego dla rejonu służbowego nr 1
Komendy Powiatowej Policji w Borowie na okres od 01.07.2043 roku do 31.12.2043 roku
1. Charakterystyka zdiagnozowanego zagrożenia w rejonie służbowym
Dewastacja przystanków.
2. Zakładany cel do osiągnięcia
Zmniejszenie o 30 procent liczby zgłoszeń.
3. Proponowane działania wraz z terminami realizacji
· W lipcu 2043 roku spotkanie z zarządcą.
4. Podmioty współpracujące
· Urząd Miasta Borowo – naprawa wiat.
5. Proponowany sposób przekazania informacji
· strona internetowa`;
    const parsed = await as('officer').request({
      method: 'POST',
      url: '/api/v1/plans/parse',
      payload: text,
      headers: { 'content-type': 'text/plain' },
    });
    expect(parsed.statusCode).toBe(200);
    expect(parsed.json()).toMatchObject({
      unit: world.units.a.name,
      districtNumber: 1,
      period: { from: '2043-07-01', to: '2043-12-31' },
      goal: { target: { direction: 'decrease', percent: 30 } },
    });
    const imported = await as('supervisor').request({
      method: 'POST',
      url: '/api/v1/plans/import',
      payload: text,
      headers: { 'content-type': 'text/plain' },
    });
    expect(imported.statusCode).toBe(201);
    expect(imported.json().plan).toMatchObject({
      districtId: district.id,
      status: 'draft',
      content: { threat: { category: 'vandalism' }, partners: [{ name: 'Urząd Miasta Borowo', tasks: 'naprawa wiat' }] },
    });
    const notAPlan = await as('supervisor').request({
      method: 'POST',
      url: '/api/v1/plans/parse',
      payload: 'Zaproszenie na festyn.',
      headers: { 'content-type': 'text/plain' },
    });
    expect(notAPlan.statusCode).toBe(422);
    expect(notAPlan.json().error.code).toBe('not_a_plan');
    const outside = await as('otherVoivodeship').request({
      method: 'POST',
      url: '/api/v1/plans/import',
      payload: text.replace('2043', '2044').replace('2043', '2044').replace('2043', '2044'),
      headers: { 'content-type': 'text/plain' },
    });
    expect(outside.statusCode).toBe(403);
  });
});
