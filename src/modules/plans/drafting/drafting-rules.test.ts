import { describe, expect, it } from 'vitest';
import { kmzbCategories } from '../../reports/rules/categories.js';
import { emptyContent, threatCategories, type PlanContent } from '../model.js';
import { mappedReportCategories, planCategoryOf } from './category-map.js';
import { baselineFrom, periodName, reportCount, threatDraft } from './draft.js';
import { planCategoriesOf, summarise, type CountedReport } from './evidence.js';
import { prefillBaseline, prefillThreat } from './prefill.js';
import { trendOf } from './trend.js';
import { evidenceWindow, lastHalf } from './window.js';

describe('the evidence window: 12 whole months before the current one, in Poland', () => {
  it.each([
    ['2026-12-05', '2025-12', '2026-11', '2025-12-01', '2026-11-30'],
    ['2026-01-31', '2025-01', '2025-12', '2025-01-01', '2025-12-31'],
    ['2024-03-10', '2023-03', '2024-02', '2023-03-01', '2024-02-29'],
  ])('on %s: %s … %s (%s – %s)', (today, firstMonth, lastMonth, from, to) => {
    const window = evidenceWindow(today);
    expect(window.months).toHaveLength(12);
    expect([window.months[0], window.months[11], window.from, window.to]).toEqual([firstMonth, lastMonth, from, to]);
    expect(lastHalf(window)).toEqual(window.months.slice(6));
  });
});

describe('the trend: the last half-year against the one before', () => {
  it.each([
    [8, 2, 'down', -75],
    [3, 4, 'up', 33],
    [4, 4, 'same', 0],
    [0, 3, 'up', null],
    [0, 0, 'same', null],
  ] as const)('%i → %i: %s %s', (before, after, direction, percent) => expect(trendOf(before, after)).toEqual({ direction, percent }));
});

describe('report categories as plan threat categories', () => {
  it('maps every category of the KMZB catalogue explicitly, to a plan category', () => {
    expect(kmzbCategories.filter((c) => !mappedReportCategories.includes(c.code))).toEqual([]);
    for (const code of mappedReportCategories) expect(threatCategories).toContain(planCategoryOf(code));
  });

  it.each([
    ['speeding', 'road_safety'],
    ['illegal-parking', 'parking'],
    ['drinking-in-public', 'alcohol_in_public'],
    ['minors-at-risk-gathering', 'youth_demoralisation'],
    ['destruction-of-greenery', 'vandalism'],
    ['drug-use', 'drugs'],
    ['stray-dogs', 'animals'],
    ['nowa-kategoria', 'other'],
    ['constructor', 'other'],
  ])('%s → %s', (code, category) => expect(planCategoryOf(code)).toBe(category));
});

describe('plural forms of counts', () => {
  it.each([
    [1, '1 zgłoszenie', '1 report'],
    [2, '2 zgłoszenia', '2 reports'],
    [5, '5 zgłoszeń', '5 reports'],
    [12, '12 zgłoszeń', '12 reports'],
    [22, '22 zgłoszenia', '22 reports'],
    [0, '0 zgłoszeń', '0 reports'],
  ])('%i', (count, pl, en) => {
    expect(reportCount(count, 'pl')).toBe(pl);
    expect(reportCount(count, 'en')).toBe(en);
  });

  it('names periods as plans do', () => {
    expect(periodName(['2025-12', '2026-01', '2026-11'], 'pl')).toBe('grudzień 2025 – listopad 2026');
    expect(periodName(['2026-01', '2026-06'], 'pl')).toBe('styczeń – czerwiec 2026');
    expect(periodName(['2025-12', '2026-11'], 'en')).toBe('December 2025 – November 2026');
  });
});

/** Reports on the given days (noon in Poland) of a category, some confirmed. */
const reportsOn = (categoryId: string, days: string[], confirmed = 0, address: string | null = null): CountedReport[] =>
  days.map((day, i) => ({ categoryId, confirmed: i < confirmed, createdAt: new Date(`${day}T11:00:00Z`), position: null, address }));
const window = evidenceWindow('2026-12-05');
const repeat = (day: string, n: number) => Array.from({ length: n }, () => day);

describe('the summary of a district’s reports', () => {
  it('counts by category and month, the confirmed, the two halves; days outside the window in Poland are left out', () => {
    const reports = [
      ...reportsOn('vandalism', [...repeat('2026-01-15', 3), ...repeat('2026-09-10', 2)], 2),
      ...reportsOn('speeding', ['2026-11-30']),
      // 00:30 on 1 December 2025 in Warsaw is still 30 November in UTC: in the window.
      { categoryId: 'speeding', confirmed: true, createdAt: new Date('2025-11-30T23:30:00Z'), position: null, address: null },
      // 00:30 on 1 December 2026 in Warsaw: after the window; and a report of November 2025: before it.
      { categoryId: 'speeding', confirmed: false, createdAt: new Date('2026-11-30T23:30:00Z'), position: null, address: null },
      ...reportsOn('vandalism', ['2025-11-20']),
    ];
    const summary = summarise(reports, window);
    expect(summary.total).toBe(7);
    expect(summary.confirmed).toBe(3);
    expect(summary.categories.map((c) => [c.code, c.count, c.confirmed, c.before, c.after, c.trend.direction])).toEqual([
      ['vandalism', 5, 2, 3, 2, 'down'],
      ['speeding', 2, 1, 1, 1, 'same'],
    ]);
    const byMonth = Object.fromEntries(summary.months.map((m) => [m.month, m.count]));
    expect([byMonth['2025-12'], byMonth['2026-01'], byMonth['2026-09'], byMonth['2026-11']]).toEqual([1, 3, 2, 1]);
    expect(summary.months.reduce((sum, m) => sum + m.count, 0)).toBe(7);
    expect(planCategoriesOf(summary).map((c) => [c.category, c.count])).toEqual([
      ['vandalism', 5],
      ['road_safety', 2],
    ]);
  });
});

describe('the threat section’s draft and the baseline', () => {
  const names = new Map([
    ['vandalism', { pl: 'Akty wandalizmu', en: 'Vandalism' }],
    ['destruction-of-greenery', { pl: 'Niszczenie zieleni', en: 'Destruction of greenery' }],
    ['speeding', { pl: 'Przekraczanie dozwolonej prędkości', en: 'Speeding' }],
  ]);
  const summary = summarise(
    [
      ...reportsOn('vandalism', [...repeat('2026-02-01', 10), ...repeat('2026-08-01', 12)], 5, 'ul. Lipowa 3'),
      ...reportsOn('destruction-of-greenery', ['2026-10-01'], 1, 'Park Miejski'),
      ...reportsOn('speeding', repeat('2026-10-01', 2), 2, 'ul. Szybka 1'),
    ],
    window,
  );

  it('lists the category’s report categories with plural forms, the halves and the places, in Polish', () => {
    const draft = threatDraft(summary, 'vandalism', names, 'pl');
    expect(draft.description).toBe(
      'Zgłoszenia mieszkańców w Krajowej Mapie Zagrożeń Bezpieczeństwa z rejonu (grudzień 2025 – listopad 2026): ' +
        '22 zgłoszenia w kategorii „Akty wandalizmu” (w tym 5 potwierdzonych), 1 zgłoszenie w kategorii „Niszczenie zieleni” (w tym 1 potwierdzone). ' +
        'W ostatnich 6 miesiącach 13 zgłoszeń wobec 10 w poprzednich 6 miesiącach. ' +
        'Najwięcej zgłoszeń dotyczyło miejsc: ul. Lipowa (22 zgłoszenia).',
    );
    expect(draft.places).toBe('ul. Lipowa (22 zgłoszenia)');
    expect(threatDraft(summary, 'road_safety', names, 'pl').description).toContain(
      '2 zgłoszenia w kategorii „Przekraczanie dozwolonej prędkości” (w tym 2 potwierdzone)',
    );
    expect(threatDraft(summary, 'drugs', names, 'en').description).toContain('(December 2025 – November 2026): none.');
  });

  it('counts the baseline over the last 6 or the 12 months, the period named', () => {
    expect(baselineFrom(summary, 'vandalism', 'half', 'pl')).toEqual({ period: 'czerwiec – listopad 2026', value: 13 });
    expect(baselineFrom(summary, 'vandalism', 'year', 'pl')).toEqual({ period: 'grudzień 2025 – listopad 2026', value: 23 });
    expect(baselineFrom(summary, 'drugs', 'year', 'pl').value).toBe(0);
  });
});

describe('pre-filling never loses what the officer wrote', () => {
  const draft = { places: 'ul. Lipowa (3 zgłoszenia)', description: 'Zgłoszenia mieszkańców: 3.' };
  const withThreat = (threat: Partial<PlanContent['threat']>): PlanContent => {
    const content = emptyContent();
    return { ...content, threat: { ...content.threat, ...threat } };
  };

  it('fills empty fields, sets the category and adds the sources', () => {
    const result = prefillThreat(withThreat({ sources: ['patrols'] }), 'vandalism', draft);
    expect(result.ok && result.content.threat).toEqual({
      category: 'vandalism',
      places: draft.places,
      description: draft.description,
      sources: ['patrols', 'residents', 'kmzb'],
    });
    expect(result.ok && result.detail).toEqual({ appended: [], keptCategory: false });
  });

  it('appends after text already written, keeps a category chosen before, and adds nothing the second time', () => {
    const first = prefillThreat(withThreat({ category: 'drugs', description: 'Mój opis.', places: 'Rynek' }), 'vandalism', draft);
    expect(first.ok && first.content.threat.description).toBe(`Mój opis.\n\n${draft.description}`);
    expect(first.ok && first.content.threat.places).toBe(`Rynek\n${draft.places}`);
    expect(first.ok && first.content.threat.category).toBe('drugs');
    expect(first.ok && first.detail).toEqual({ appended: ['places', 'description'], keptCategory: true });
    const again = first.ok ? prefillThreat(first.content, 'vandalism', draft) : first;
    expect(again.ok && again.content.threat).toEqual(first.ok && first.content.threat);
    expect(again.ok && again.detail.appended).toEqual([]);
  });

  it('refuses a draft that would make the section too long, instead of cutting it', () => {
    const result = prefillThreat(withThreat({ places: 'x'.repeat(990) }), 'vandalism', draft);
    expect(result.ok).toBe(false);
  });

  const input = {
    baseline: { period: 'czerwiec – listopad 2026', value: 13 },
    indicator: { what: 'zgłoszenia', where: 'rejon', source: 'KMZB' },
    replace: false,
  };
  const withBaseline = (baseline: PlanContent['goal']['baseline'], indicator: PlanContent['goal']['indicator'] = null): PlanContent => {
    const content = emptyContent();
    return { ...content, goal: { ...content.goal, baseline, indicator } };
  };

  it('writes a baseline and an indicator where there were none, keeps an indicator already written', () => {
    const result = prefillBaseline(withBaseline(null), input);
    expect(result.ok && result.content.goal).toMatchObject({ baseline: input.baseline, indicator: input.indicator });
    const own = { what: 'interwencje', where: 'Rynek', source: 'SWD' };
    const kept = prefillBaseline(withBaseline(null, own), input);
    expect(kept.ok && kept.content.goal.indicator).toEqual(own);
  });

  it('asks before replacing a different baseline, and replaces it when confirmed, saying which it replaced', () => {
    const old = { period: 'I półrocze 2026', value: 8 };
    const asked = prefillBaseline(withBaseline(old), input);
    expect(asked.ok).toBe(false);
    expect(!asked.ok && asked.problem.pl).toContain('8, I półrocze 2026');
    const replaced = prefillBaseline(withBaseline(old), { ...input, replace: true });
    expect(replaced.ok && replaced.content.goal.baseline).toEqual(input.baseline);
    expect(replaced.ok && replaced.detail.replaced).toEqual(old);
    const same = prefillBaseline(withBaseline(input.baseline), input);
    expect(same.ok && same.detail.replaced).toBeNull();
  });
});
