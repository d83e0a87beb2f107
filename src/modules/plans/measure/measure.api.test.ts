import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { backends } from '../../../../test/support/databases.js';
import { TestClient, createTestApp, type TestApp } from '../../../../test/support/app.js';
import { world } from '../../../../test/support/world.js';
import { addDays, warsawToday } from '../../../platform/i18n/calendar.js';
import { readEvaluationCounts, readFrozenMeasure, type CountMeasure } from '../index.js';
import { evaluateGoal } from '../evaluation/verdict.js';

const district = world.districts.a1;
const people = { officer: world.officerOf.a1!, supervisor: world.supervisorOf.a };

const contentWith = (year: number, goal: object) => ({
  threat: { category: 'theft_burglary', places: 'os. Słoneczne', description: 'Włamania do piwnic.', sources: ['residents'] },
  goal: {
    description: 'Mniej włamań do piwnic.',
    indicator: { what: 'włamania do piwnic', where: 'os. Słoneczne', source: 'KSIP' },
    baseline: null,
    ...goal,
  },
  actions: [
    { description: 'Kontrole piwnic z administracją.', from: `${year}-07-01`, to: `${year}-09-30`, who: 'dzielnicowy', status: 'planned' },
  ],
  partners: [],
  communication: ['spotkania z mieszkańcami'],
  signature: null,
});

describe.each(backends)('the measure frozen at approval on %s', (backend) => {
  let t: TestApp;
  const clients: Record<string, TestClient> = {};
  const as = (who: keyof typeof people) => clients[who]!;
  let year = 2040;
  beforeAll(async () => {
    t = await createTestApp(backend);
    for (const [who, account] of Object.entries(people)) {
      clients[who] = new TestClient(t.app);
      await clients[who].signIn(account);
    }
  });
  afterAll(() => t.close());
  const db = () => t.testDb.database.db;
  const move = async (who: keyof typeof people, id: string, transition: string, extra: object = {}) => {
    const response = await as(who).send('POST', `/api/v1/plans/${id}/transitions`, { transition, ...extra });
    expect(response.statusCode, response.body).toBe(200);
  };
  /** A draft for its own half-year (tests are shuffled; plans of one district must not overlap). */
  const draft = async (goal: object) => {
    const y = ++year;
    const response = await as('officer').send('POST', '/api/v1/plans', {
      districtId: district.id,
      periodFrom: `${y}-07-01`,
      periodTo: `${y}-12-31`,
      content: contentWith(y, goal),
    });
    expect(response.statusCode, response.body).toBe(201);
    return { id: response.json().id as string, y };
  };
  const approved = async (goal: object) => {
    const plan = await draft(goal);
    await move('officer', plan.id, 'submit');
    await move('supervisor', plan.id, 'approve');
    return plan;
  };
  const spec = (category: string) => ({ source: 'imported', categories: [category] });
  const countGoal = (category: string) => ({ target: { direction: 'decrease', percent: 20 }, indicatorSpec: spec(category) });

  it('freezes what is counted, where, the windows, the comparison area and the rule', async () => {
    const { id, y } = await approved(countGoal('włamania do piwnic'));
    const measure = await readFrozenMeasure(db(), id);
    expect(measure).toMatchObject({
      kind: 'count',
      version: 1,
      spec: spec('włamania do piwnic'),
      label: 'włamania do piwnic',
      area: { districtIds: [district.id] },
      period: { from: `${y}-07-01`, to: `${y}-12-31` },
      baselineWindows: [
        { from: `${y - 1}-07-01`, to: `${y - 1}-12-31` },
        { from: `${y}-01-01`, to: `${y}-06-30` },
      ],
      rule: { direction: 'decrease', targetPercent: 20, significance: 0.05, test: 'exact_conditional_binomial' },
      frozenBy: people.supervisor.login,
    });
    const comparison = (measure as CountMeasure).comparison!.districtIds;
    expect(comparison).toContain(world.districts.a2.id);
    expect(comparison).not.toContain(district.id);
    expect(comparison.every((d) => d.startsWith(`${district.unitId}/`))).toBe(true);
    // Shown in one block on the staff page and, once published, on the public page.
    const staffPage = await as('supervisor').get(`/admin/plans/${id}`, { accept: 'text/html' });
    expect(staffPage.body).toContain('Miernik celu zatwierdzony z wersją 1');
    expect(staffPage.body).toContain(`1 lipca ${y - 1} – 31 grudnia ${y - 1} oraz 1 stycznia ${y} – 30 czerwca ${y}`);
    await move('supervisor', id, 'publish');
    const publicPage = await new TestClient(t.app).get(`/plany/${id}`, { accept: 'text/html' });
    expect(publicPage.body).toContain('„włamania do piwnic”');
    expect(publicPage.body).toMatch(/pozostałe rejony jednostki \(nr [\d, ]*2/);
    // Never updated or deleted: the database refuses.
    await expect(sql`update plan_measures set kind = 'survey' where plan_id = ${id}`.execute(db())).rejects.toThrow(/frozen/);
    await expect(sql`delete from plan_measures where plan_id = ${id}`.execute(db())).rejects.toThrow(/frozen/);
  });

  it('keeps the frozen indicator while a later version is drafted, submitted and returned; freezes the new one at its approval', async () => {
    const { id, y } = await approved(countGoal('kradzieże z piwnic'));
    await move('supervisor', id, 'publish');
    await move('officer', id, 'revise');
    const changed = await as('officer').send('PATCH', `/api/v1/plans/${id}`, { content: contentWith(y, countGoal('włamania do garaży')) });
    expect(changed.statusCode, changed.body).toBe(200);
    const frozen = async () => (await readFrozenMeasure(db(), id)) as CountMeasure;
    expect((await frozen()).spec.categories).toEqual(['kradzieże z piwnic']);
    await move('officer', id, 'submit');
    await move('supervisor', id, 'return', { comments: [{ section: 'goal', item: null, text: 'Doprecyzuj wskaźnik.' }] });
    expect(await frozen()).toMatchObject({ version: 1, spec: spec('kradzieże z piwnic') });
    await move('officer', id, 'submit');
    await move('supervisor', id, 'approve');
    expect(await frozen()).toMatchObject({ version: 3, spec: spec('włamania do garaży') });
  });

  it('freezes a survey goal’s target share and a qualitative goal’s rule; a count goal without a choice gets its threat’s default', async () => {
    const survey = await approved({ target: { direction: 'increase', percent: 80, kind: 'survey' } });
    expect(await readFrozenMeasure(db(), survey.id)).toMatchObject({
      kind: 'survey',
      rule: { targetShare: 0.8, significance: 0.05, interval: 'wilson' },
    });
    const qualitative = await approved({ indicator: null, target: null });
    expect(await readFrozenMeasure(db(), qualitative.id)).toMatchObject({ kind: 'qualitative', rule: { decidedBy: 'supervisor' } });
    const byDefault = await approved({ target: { direction: 'decrease', percent: 10 } });
    expect(await readFrozenMeasure(db(), byDefault.id)).toMatchObject({
      kind: 'count',
      spec: { source: 'imported', categories: ['kradzieże i włamania'] },
    });
    expect(await readFrozenMeasure(db(), (await draft({})).id)).toBeNull();
  });

  it('counts the frozen windows in the area and the comparison area, and the monthly series', async () => {
    const category = `włamania ${backend} ${++year}`;
    const day = (back: number) => addDays(warsawToday(), -back);
    const supervisor = as('supervisor');
    const lines = [
      `${day(90)},${category},1,4`,
      `${day(70)},${category},1,3`,
      `${day(70)},${category},2,6`,
      `${day(20)},${category},1,1`,
      `${day(0)},${category},3,2`,
      `${day(50)},${category},1,9`,
    ];
    const imported = await supervisor.request({
      method: 'POST',
      url: `/api/v1/units/${district.unitId}/indicator-data`,
      payload: `date,category,district,count\n${lines.join('\n')}\n`,
      headers: { 'content-type': 'text/csv' },
    });
    expect(imported.statusCode, imported.body).toBe(200);
    const measure: CountMeasure = {
      kind: 'count',
      planId: '00000000-0000-0000-0000-000000000000',
      version: 1,
      frozenAt: new Date(),
      frozenBy: 'test',
      spec: { source: 'imported', categories: [category] },
      label: '',
      area: { districtIds: [world.districts.a1.id] },
      period: { from: day(30), to: addDays(warsawToday(), 60) },
      baselineWindows: [{ from: day(100), to: day(61) }],
      comparison: { districtIds: [world.districts.a2.id, world.districts.a3.id] },
      rule: { direction: 'decrease', targetPercent: 20, significance: 0.05, test: 'exact_conditional_binomial' },
    };
    const counts = await readEvaluationCounts(db(), measure);
    expect(counts).toMatchObject({ baseline: 7, baselineDays: 40, period: 1, periodDays: 31, comparison: { baseline: 6, period: 2 } });
    expect(counts.series[0]!.month).toBe(day(100).slice(0, 7));
    expect(counts.series.at(-1)!.month).toBe(warsawToday().slice(0, 7));
    expect(counts.series.reduce((sum, m) => sum + m.count, 0)).toBe(17);
  });

  it('judges a count goal on the counts of its frozen measure, not on counts typed in at the evaluation', async () => {
    const category = `kradzieże ${backend} ${++year}`;
    const today = warsawToday();
    const created = await as('officer').send('POST', '/api/v1/plans', {
      districtId: district.id,
      // Ended before the world's running plan of a1 began (one plan per district at a time).
      periodFrom: addDays(today, -400),
      periodTo: addDays(today, -220),
      content: {
        ...contentWith(2030, countGoal(category)),
        actions: [{ description: 'Kontrole piwnic.', from: null, to: addDays(today, -230), who: 'dzielnicowy', status: 'done' }],
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as string;
    await move('officer', id, 'submit');
    await move('supervisor', id, 'approve');
    await move('supervisor', id, 'publish');
    const measure = await readFrozenMeasure(db(), id);
    if (measure?.kind !== 'count') throw new Error('no count measure frozen');
    const csv = [
      `${measure.baselineWindows[0]!.from},${category},1,8`,
      `${measure.period.from},${category},1,1`,
      `${measure.period.to},${category},2,5`,
    ];
    const imported = await as('supervisor').request({
      method: 'POST',
      url: `/api/v1/units/${district.unitId}/indicator-data`,
      payload: `date,category,district,count\n${csv.join('\n')}\n`,
      headers: { 'content-type': 'text/csv' },
    });
    expect(imported.statusCode, imported.body).toBe(200);

    const evaluated = await as('supervisor').send('POST', `/api/v1/plans/${id}/transitions`, {
      transition: 'evaluate',
      evaluation: { baseline: 3, period: 3, note: 'Liczby z KSIP.' },
    });
    expect(evaluated.statusCode, evaluated.body).toBe(200);
    const evaluation = evaluated.json().evaluation;
    const counts = await readEvaluationCounts(db(), measure);
    const expected = evaluateGoal({
      kind: 'count',
      baseline: 8,
      period: 1,
      baselineLength: counts.baselineDays,
      periodLength: counts.periodDays,
      targetChange: -0.2,
      comparison: { baseline: 0, period: 5 },
    });
    expect(expected.kind === 'count' && expected.p).toBeTypeOf('number');
    expect(evaluation).toMatchObject({ source: 'frozen', measuredValue: 1, outcome: expected.kind === 'count' ? expected.verdict : '' });
    expect(evaluation.p).toBeCloseTo(expected.kind === 'count' ? expected.p : -1, 12);
    expect(evaluation.goal).toMatchObject({ baseline: 8, period: 1, comparison: { baseline: 0, period: 5 } });
  });
});
