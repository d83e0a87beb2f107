import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../../../../test/support/databases.js';
import { TestClient, createTestApp, csrfFromHtml, type TestApp } from '../../../../test/support/app.js';
import { world, worldPlanContent } from '../../../../test/support/world.js';
import { docxText } from '../../../platform/documents/docx-text.js';
import { explainEvaluation } from '../evaluation/explain.js';
import { evaluateGoal, verdictLabels } from '../evaluation/verdict.js';
import type { PlanContent } from '../model.js';

/** Whitespace-insensitive: PDF and DOCX wrap lines differently (and pdftotext reads a no-break space as a space). */
const flat = (text: string) => text.replace(/[\s\u00a0]+/g, ' ').trim();

/**
 * The evaluation report (sprawozdanie) of plans in a3 of the world: each test makes its own plan in
 * a half-year of its own (far in the future: evaluation does not wait for the period's end), so
 * no test reads another's writes.
 */
describe.each(backends)('the evaluation report on %s', (backend) => {
  let t: TestApp;
  let officer: TestClient;
  let supervisor: TestClient;
  let anonymous: TestClient;
  let year = 2040;
  beforeAll(async () => {
    t = await createTestApp(backend);
    officer = new TestClient(t.app);
    await officer.signIn(world.officerOf.a3!);
    supervisor = new TestClient(t.app);
    await supervisor.signIn(world.supervisorOf.a);
    anonymous = new TestClient(t.app, { headers: { accept: 'text/html' } });
  });
  afterAll(() => t.close());

  /** A published plan of a3 whose goal has `target` (null: a goal with no indicator). */
  const publishedPlan = async (target: PlanContent['goal']['target']): Promise<string> => {
    const from = `${++year}-01-01`;
    const to = `${year}-06-30`;
    const content = worldPlanContent('Kradzieże z piwnic przy ul. Polnej.', from, to);
    const created = await officer.send('POST', '/api/v1/plans', {
      districtId: world.districts.a3.id,
      periodFrom: from,
      periodTo: to,
      content: { ...content, goal: { ...content.goal, target } },
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as string;
    for (const [who, transition] of [
      [officer, 'submit'],
      [supervisor, 'approve'],
      [supervisor, 'publish'],
    ] as const)
      expect((await who.send('POST', `/api/v1/plans/${id}/transitions`, { transition })).statusCode).toBe(200);
    return id;
  };
  const evaluate = (id: string, evaluation: object) =>
    supervisor.send('POST', `/api/v1/plans/${id}/transitions`, { transition: 'evaluate', evaluation });
  const statusOf = async (id: string) => (await supervisor.get(`/api/v1/plans/${id}`)).json().working.status as string;

  it('is a 404 that says when it will exist before the evaluation, and the page with the computed verdict after it', async () => {
    const id = await publishedPlan({ direction: 'decrease', percent: 20 });
    const before = await anonymous.get(`/plany/${id}/sprawozdanie`);
    expect(before.statusCode).toBe(404);
    expect(before.body).toContain('pojawi się po ocenie realizacji celu');
    expect((await anonymous.get(`/plany/${id}/sprawozdanie.pdf`)).statusCode).toBe(404);

    const evaluated = await evaluate(id, { baseline: 8, period: 1, note: 'Dane z KSIP.' });
    expect(evaluated.statusCode, evaluated.body).toBe(200);
    const goal = {
      kind: 'count',
      baseline: 8,
      period: 1,
      baselineLength: 1,
      periodLength: 1,
      targetChange: -0.2,
      comparison: null,
    } as const;
    const expected = evaluateGoal(goal);
    expect(evaluated.json().evaluation).toMatchObject({
      outcome: expected.kind === 'count' ? expected.verdict : '',
      goal,
      source: 'entered',
    });
    expect(evaluated.json().evaluation.p).toBeCloseTo(expected.kind === 'count' ? expected.p : -1, 12);

    const page = await anonymous.get(`/plany/${id}/sprawozdanie`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Sprawozdanie z realizacji planu działania priorytetowego dla rejonu służbowego nr 3');
    expect(page.body).toContain(verdictLabels[expected.kind === 'count' ? expected.verdict : 'achieved'].pl);
    expect(page.body).toContain(explainEvaluation(expected).pl);
    expect(page.body).toContain('Dane z KSIP.');
    // Counts typed in: no monthly series, so no chart, and the report says why.
    expect(page.body).not.toContain('<svg');
    expect(page.body).toContain('Brak miesięcznych danych wskaźnika');
    // The plan's page links to it.
    expect((await anonymous.get(`/plany/${id}`)).body).toContain(`href="/plany/${id}/sprawozdanie"`);
  });

  it('gives the same verdict as a PDF and a DOCX, and in English with the language switch', async () => {
    const id = await publishedPlan({ direction: 'decrease', percent: 20 });
    expect((await evaluate(id, { baseline: 8, period: 2 })).statusCode).toBe(200);
    const expected = evaluateGoal({ kind: 'count', baseline: 8, period: 2, baselineLength: 1, periodLength: 1, targetChange: -0.2 });
    const pdf = await t.app.inject(`/plany/${id}/sprawozdanie.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const pdfText = flat(execFileSync('pdftotext', ['-', '-'], { input: pdf.rawPayload }).toString());
    expect(pdfText).toContain(flat(verdictLabels.consistent_with_chance.pl));
    expect(pdfText).toContain(flat('Sprawozdanie z realizacji'));
    const docx = await t.app.inject(`/plany/${id}/sprawozdanie.docx`);
    expect(docx.headers['content-disposition']).toMatch(/^attachment; filename="sprawozdanie-/);
    const docxWords = flat(await docxText(docx.rawPayload));
    expect(docxWords).toContain(flat(explainEvaluation(expected).pl));
    expect(docxWords).toContain('Działania planu i ich wykonanie');

    const english = await t.app.inject({ url: `/plany/${id}/sprawozdanie`, cookies: { lang: 'en' }, headers: { accept: 'text/html' } });
    expect(english.body).toContain('Evaluation report of the priority action plan');
    expect(english.body).toContain(explainEvaluation(expected).en);
  });

  it('draws the chart of the monthly counts kept with the evaluation, with its numbers in a table', async () => {
    const id = await publishedPlan({ direction: 'decrease', percent: 20 });
    expect((await evaluate(id, { baseline: 12, period: 3 })).statusCode).toBe(200);
    // As an evaluation from a frozen measure keeps them (the indicators' part fills these).
    const series = [
      { month: `${year - 1}-11`, count: 5 },
      { month: `${year - 1}-12`, count: 7 },
      { month: `${year}-02`, count: 2 },
      { month: `${year}-05`, count: 1 },
    ];
    const stored = (await supervisor.get(`/api/v1/plans/${id}`)).json().working.evaluation;
    await t.testDb.database.db
      .updateTable('plans')
      .set({
        evaluation: JSON.stringify({
          ...stored,
          source: 'frozen',
          series,
          measure: {
            what: 'kradzieże z piwnic',
            where: 'ul. Polna',
            source: 'KSIP',
            baselineWindows: [{ from: `${year - 1}-07-01`, to: `${year - 1}-12-31` }],
            comparisonArea: 'reszta KPP',
            rule: null,
          },
        }),
      })
      .where('id', '=', id)
      .execute();
    const page = (await anonymous.get(`/plany/${id}/sprawozdanie`)).body;
    // July of the baseline to June of the plan: twelve months, one bar each; the months not listed counted nothing.
    expect(page.match(/<rect class="bar"/g)).toHaveLength(12);
    expect(page).toContain(`data-month="${year - 1}-12" data-count="7"`);
    expect(page).toContain(`class="period" data-from="${year}-01" data-to="${year}-06"`);
    expect(page).toContain('role="img"');
    expect(page).toContain(`<th scope="row" data-label="Miesiąc">grudzień ${year - 1}</th>`);
    expect(page).toContain('kradzieże z piwnic');
    const pdfText = flat(
      execFileSync('pdftotext', ['-', '-'], { input: (await t.app.inject(`/plany/${id}/sprawozdanie.pdf`)).rawPayload }).toString(),
    );
    expect(pdfText).toContain('okres planu');
    expect(pdfText).toContain(flat(`grudzień ${year - 1}`));
  });

  it('judges a survey goal by the share and its interval, and a small survey says how little it shows', async () => {
    const id = await publishedPlan({ direction: 'increase', percent: 80, kind: 'survey' });
    const response = await evaluate(id, { asked: 12, positive: 12 });
    expect(response.statusCode, response.body).toBe(200);
    const expected = evaluateGoal({ kind: 'survey', asked: 12, positive: 12, targetShare: 0.8 });
    expect(response.json().evaluation.outcome).toBe(expected.kind === 'survey' ? expected.verdict : '');
    const page = (await anonymous.get(`/plany/${id}/sprawozdanie`)).body;
    expect(page).toContain(explainEvaluation(expected).pl);
    expect(page).toContain('tak mała ankieta nie wykazałaby');
  });

  it('refuses evaluations without the numbers of the goal, in Polish, and stores nothing', async () => {
    const qualitative = await publishedPlan(null);
    const count = await publishedPlan({ direction: 'decrease', percent: 20 });
    const survey = await publishedPlan({ direction: 'increase', percent: 80, kind: 'survey' });
    for (const [id, evaluation, code, message] of [
      [qualitative, { decision: 'achieved', justification: '   ' }, 'justification_required', 'Uzasadnij ocenę'],
      [qualitative, { outcome: 'achieved' }, 'decision_required', 'Wybierz ocenę celu'],
      [count, { outcome: 'achieved' }, 'counts_required', 'Podaj liczbę zdarzeń'],
      [count, { baseline: 5 }, 'invalid_number', 'liczba zdarzeń musi być całkowita'],
      [survey, { asked: 10, positive: 11 }, 'invalid_number', 'od 0 do liczby badanych'],
      [survey, { asked: 10 }, 'survey_required', 'Podaj liczbę zapytanych'],
    ] as const) {
      const response = await evaluate(id, evaluation);
      expect(response.statusCode, JSON.stringify(evaluation)).toBe(400);
      expect(response.json().error).toMatchObject({ code });
      expect(response.json().error.message).toContain(message);
      expect(await statusOf(id)).toBe('published');
    }
    // The staff page's form: the same rule, the message beside its field.
    const form = await supervisor.get(`/admin/plans/${qualitative}`, { accept: 'text/html' });
    const page = await supervisor.postForm(
      `/admin/plans/${qualitative}/transition`,
      { transition: 'evaluate', decision: 'partly_achieved', justification: '' },
      csrfFromHtml(form.body),
    );
    expect(page.statusCode).toBe(400);
    expect(page.body).toContain('Uzasadnij ocenę');
    expect(await statusOf(qualitative)).toBe('published');
  });

  it('shows a qualitative goal with the supervisor’s decision and justification, and the process score beside it', async () => {
    const id = await publishedPlan(null);
    const response = await evaluate(id, { decision: 'partly_achieved', justification: 'Monitoring zamontowano w dwóch z trzech miejsc.' });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().evaluation).toMatchObject({ outcome: 'partly_achieved', p: null });
    const page = (await anonymous.get(`/plany/${id}/sprawozdanie`)).body;
    expect(page).toContain('częściowo osiągnięty. Uzasadnienie: Monitoring zamontowano w dwóch z trzech miejsc.');
    // The plan's one action ends on the plan's last day, in the future: nothing is due yet.
    expect(page).toContain('Termin żadnego działania jeszcze nie minął.');
    expect(page).toContain('Termin jeszcze nie minął');
  });
});
