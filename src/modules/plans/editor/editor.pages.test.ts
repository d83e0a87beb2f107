import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClient, browserFor, createTestApp, type TestApp } from '../../../../test/support/app.js';
import { world } from '../../../../test/support/world.js';

/**
 * a3 of unit A has no plans in the world: each test drafts there for a half-year of its own. Its
 * officer edits, unit A's supervisor reviews, an officer of unit B is a stranger.
 */
const district = world.districts.a3;
const officerA3 = world.officerOf.a3!;
const supervisorA = world.supervisorOf.a;
const strangerB1 = world.officerOf.b1!;
/** Unit A's name as plans write it, in the genitive; read back in the nominative (world.units.a.name). */
const borowo = 'Komendy Powiatowej Policji w Borowie';

const filled = {
  periodFrom: '2027-01-01',
  periodTo: '2027-06-30',
  'threat.category': 'alcohol_in_public',
  'threat.places': 'plac zabaw w Woli Borowskiej',
  'threat.description': 'Wieczorami grupuje się młodzież spożywająca alkohol.',
  'threat.sources.residents': 'on',
  'goal.description': 'Zmniejszenie liczby interwencji o połowę.',
  'goal.measurable': 'on',
  'goal.indicator.what': 'interwencje w SWD',
  'goal.baseline.period': 'II półrocze 2026',
  'goal.baseline.value': '12',
  'goal.target.direction': 'decrease',
  'goal.target.percent': '50',
  'actions.0.description': 'Kontrole miejsca w godzinach wieczornych.',
  'actions.0.from': '2027-01',
  'actions.0.to': '2027-06',
  'actions.0.who': 'dzielnicowy',
  'actions.0.status': 'planned',
  'partners.0.name': 'Spółdzielnia Mieszkaniowa w Borowie',
  'partners.0.tasks': 'monitoring',
  'communication.std.0': 'on',
  'communication.other': 'rozmowy z mieszkańcami',
};

describe('the plan editor and the approval round trip, without JavaScript', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('pglite');
  });
  afterAll(() => t.close());

  it('an officer drafts, is told what is missing, completes, submits; the supervisor returns with comments; the officer sees them, resubmits; the supervisor sees the changes, approves and publishes', async () => {
    const officer = await browserFor(t, officerA3);
    const created = await officer.client.postForm(
      '/admin/plans/new',
      { districtId: district.id, periodFrom: '2027-01-01', periodTo: '2027-06-30' },
      officer.token,
    );
    expect(created.statusCode).toBe(303);
    // The page of the new draft, which says what happened (?done=create).
    const url = (created.headers.location as string).split('?')[0]!;
    const id = url.split('/').pop()!;

    // The list buttons work without scripts: add an action row.
    const added = await officer.client.postForm(
      url,
      { periodFrom: '2027-01-01', periodTo: '2027-06-30', intent: 'add-action' },
      officer.token,
    );
    expect(added.statusCode).toBe(303);
    expect((await officer.client.get(url)).body).toContain('name="actions.0.description"');

    const incomplete = await officer.client.postForm(
      url,
      { periodFrom: '2027-01-01', periodTo: '2027-06-30', intent: 'submit', 'threat.description': 'Coś się dzieje.' },
      officer.token,
    );
    expect(incomplete.statusCode).toBe(400);
    expect(incomplete.body).toContain('Wybierz kategorię zagrożenia.');
    expect(incomplete.body).toContain('Opisz zakładany cel (sekcja 2).');
    expect(incomplete.body).toContain('Coś się dzieje.'); // kept

    const badNumber = await officer.client.postForm(url, { ...filled, 'goal.target.percent': 'połowa', intent: 'save' }, officer.token);
    expect(badNumber.statusCode).toBe(400);
    expect(badNumber.body).toContain('Cel liczbowy podaj jako liczbę procent');

    expect((await officer.client.postForm(url, { ...filled, intent: 'submit' }, officer.token)).statusCode).toBe(303);
    expect((await officer.client.get(url)).body).toContain('czeka na zatwierdzenie');

    const supervisor = await browserFor(t, supervisorA);
    const queue = await supervisor.client.get('/admin/plans?status=submitted');
    expect(queue.body).toContain(`/admin/plans/${id}`);
    const review = await supervisor.client.get(url);
    expect(review.body).toContain('Ocena planu przez przełożonego');
    // Only the form's two buttons decide: anything else approves nothing.
    for (const intent of ['toString', 'bogus', '', '__proto__']) {
      const odd = await supervisor.client.postForm(`${url}/review`, { intent, 'comment.general': 'Uwaga.' }, supervisor.token);
      expect(odd.statusCode, intent).toBe(400);
      expect(odd.body).toContain('Nieznana czynność');
    }
    expect((await supervisor.client.postForm(`${url}/review`, { 'comment.general': 'Bez przycisku.' }, supervisor.token)).statusCode).toBe(
      400,
    );
    expect((await officer.client.get(url)).body).toContain('czeka na zatwierdzenie');
    const emptyReturn = await supervisor.client.postForm(`${url}/review`, { intent: 'return' }, supervisor.token);
    expect(emptyReturn.statusCode).toBe(400);
    expect(emptyReturn.body).toContain('Zwracając plan, napisz co najmniej jedną uwagę.');
    const returned = await supervisor.client.postForm(
      `${url}/review`,
      { intent: 'return', 'comment.actions.0': 'Dodaj spotkanie z rodzicami.' },
      supervisor.token,
    );
    expect(returned.statusCode).toBe(303);

    const afterReturn = await officer.client.get(url);
    expect(afterReturn.body).toContain('Uwagi przełożonego do wersji 1');
    expect(afterReturn.body).toContain('Dodaj spotkanie z rodzicami.');
    const second = {
      ...filled,
      'actions.1.description': 'Spotkanie z rodzicami w szkole.',
      'actions.1.from': '2027-03',
      'actions.1.to': '2027-03',
      intent: 'submit',
    };
    expect((await officer.client.postForm(url, second, officer.token)).statusCode).toBe(303);

    const diff = await supervisor.client.get(url);
    expect(diff.body).toContain('Zmiany względem wersji 1');
    // A new action: its text added, with a word for screen readers that do not announce <ins>.
    expect(diff.body).toMatch(/<ins><span class="visually-hidden">dodano: <\/span>Spotkanie z rodzicami w szkole\./);
    expect((await supervisor.client.postForm(`${url}/review`, { intent: 'approve' }, supervisor.token)).statusCode).toBe(303);
    expect((await supervisor.client.postForm(`${url}/transition`, { transition: 'publish' }, supervisor.token)).statusCode).toBe(303);

    const publicPage = await new TestClient(t.app, { headers: { accept: 'text/html' } }).get(`/plany/${id}`);
    expect(publicPage.statusCode).toBe(200);
    expect(publicPage.body).toContain('marzec 2027 – Spotkanie z rodzicami w szkole.');
    expect(publicPage.body).toContain('Cel liczbowy:');
  });

  it('autosaves a draft through the same form, and keeps reviewers and strangers out of the editor', async () => {
    const officer = await browserFor(t, officerA3);
    const created = await officer.client.postForm(
      '/admin/plans/new',
      { districtId: district.id, periodFrom: '2027-07-01', periodTo: '2027-12-31' },
      officer.token,
    );
    const url = (created.headers.location as string).split('?')[0]!;
    const autosave = await officer.client.postForm(
      url,
      { periodFrom: '2027-07-01', periodTo: '2027-12-31', 'threat.description': 'Zapisane automatycznie.', intent: 'autosave' },
      officer.token,
    );
    expect(autosave.statusCode).toBe(200);
    expect(JSON.parse(autosave.body).savedAt).toEqual(expect.any(String));
    expect((await officer.client.get(url)).body).toContain('Zapisane automatycznie.');

    const stranger = await browserFor(t, strangerB1);
    expect((await stranger.client.get(url)).statusCode).toBe(404);
    const supervisor = await browserFor(t, supervisorA);
    const view = await supervisor.client.get(url);
    expect(view.statusCode).toBe(200);
    expect(view.body).not.toContain('name="threat.description"');
    expect(
      (
        await supervisor.client.postForm(
          url,
          { 'threat.description': 'x', intent: 'save', periodFrom: '2027-07-01', periodTo: '2027-12-31' },
          supervisor.token,
        )
      ).statusCode,
    ).toBe(403);
  });

  it('imports a document: shows what was recognised and what was not, then creates the draft', async () => {
    const staff = await browserFor(t, supervisorA);
    const text = `Informacja dotycząca realizacji planu działania priorytetowego dla rejonu służbowego nr ${district.number}
${borowo} na okres od 01.01.2028 roku do 30.06.2028 roku
1. Charakterystyka zdiagnozowanego zagrożenia
Kradzieże z pól.
2. Zakładany cel do osiągnięcia
Mniej kradzieży.
3. Proponowane działania
· Patrole w okresie żniw.
5. Sposób przekazania informacji
· zebrania wiejskie`;
    const preview = await staff.client.request({
      method: 'POST',
      url: '/admin/plans/import',
      payload: new URLSearchParams({ _csrf: staff.token, text, intent: 'recognise' }).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
      csrf: false,
    });
    expect(preview.statusCode).toBe(200);
    expect(preview.body).toContain('Rozpoznano');
    expect(preview.body).toContain(world.units.a.name);
    expect(preview.body).toContain('Nie rozpoznano terminu działania: „Patrole w okresie żniw.”');
    expect(preview.body).toContain('Brak sekcji 4');
    const created = await staff.client.request({
      method: 'POST',
      url: '/admin/plans/import',
      payload: new URLSearchParams({ _csrf: staff.token, text, intent: 'create' }).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
      csrf: false,
    });
    expect(created.statusCode).toBe(303);
    const draft = await staff.client.get(created.headers.location as string);
    expect(draft.body).toContain('Kradzieże z pól.');
  });
});
