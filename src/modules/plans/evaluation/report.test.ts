import { describe, expect, it } from 'vitest';
import type { Evaluation, PlanContent } from '../model.js';
import { buildEvaluationReport, type ReportInputs } from './report.js';
import { reportDocument } from './report-document.js';
import { evaluateGoal } from './verdict.js';
import { documentWords } from '../publication/document.js';

const content: PlanContent = {
  threat: { category: 'theft_burglary', places: 'ul. Polna', description: 'Kradzieże z piwnic.', sources: ['residents'] },
  goal: {
    description: 'Mniej kradzieży z piwnic o 30 %.',
    indicator: { what: 'kradzieże z piwnic', where: 'ul. Polna', source: 'KSIP' },
    baseline: null,
    target: { direction: 'decrease', percent: 30 },
  },
  actions: [
    { description: 'Obchody piwnic.', from: '2026-01-01', to: '2026-03-31', who: 'dzielnicowy', status: 'planned' },
    { description: 'Spotkanie ze spółdzielnią.', from: null, to: '2026-02-28', who: 'dzielnicowy', status: 'planned' },
  ],
  partners: [],
  communication: [],
  signature: 'st. sierż. Jan Nowak',
};
const countGoal = {
  kind: 'count',
  baseline: 14,
  period: 4,
  baselineLength: 181,
  periodLength: 181,
  targetChange: -0.3,
  comparison: null,
} as const;
const inputs = (evaluation: Evaluation): ReportInputs => ({
  plan: { id: 'p1', periodFrom: '2026-01-01', periodTo: '2026-06-30', content, evaluation, evaluatedAt: new Date('2026-07-10T10:00:00Z') },
  context: { districtName: 'Rejon 3', districtNumber: 3, unitName: 'KPP Testowo' },
  entries: [{ actionIndex: 0, day: '2026-03-20', completes: true, withdrawnAt: null }],
  today: '2026-12-01',
});

describe('the evaluation report’s data', () => {
  it('recomputes the verdict from the stored numbers and puts the process score beside it', () => {
    const report = buildEvaluationReport(
      inputs({ outcome: 'achieved', measuredValue: 4, note: 'Dobrze.', goal: countGoal, p: 0.01, source: 'entered' }),
    );
    expect(report.evaluation).toEqual(evaluateGoal(countGoal));
    expect(report.counts).toEqual({ baseline: 14, period: 4, baselineDays: 181, periodDays: 181, comparison: null });
    expect(report.plan).toMatchObject({ officer: 'st. sierż. Jan Nowak', evaluatedOn: '2026-07-10', districtNumber: 3 });
    // Without a frozen measure: the plan's own words about its indicator, no windows, no area.
    expect(report.measure).toEqual({
      what: 'kradzieże z piwnic',
      where: 'ul. Polna',
      source: 'KSIP',
      baselineWindows: [],
      comparisonArea: null,
      rule: null,
    });
    expect(report.process).toMatchObject({ due: 2, onTime: 1, share: 0.5 });
    expect(report.source).toBe('entered');
  });

  it('reads an evaluation saved before verdicts were computed: the outcome only', () => {
    const report = buildEvaluationReport(inputs({ outcome: 'not_achieved', measuredValue: 12, note: '' }));
    expect(report).toMatchObject({ evaluation: null, counts: null, outcome: 'not_achieved', source: null, series: [] });
    const words = documentWords(reportDocument(report, 'pl')).join('\n');
    expect(words).toContain('Werdykt: cel nieosiągnięty');
    expect(words).toContain('zanim system zaczął wyliczać werdykt');
    expect(words).not.toContain('Wskaźnik w czasie');
  });

  it('makes one document for page, PDF and DOCX: verdict, p-value, process, in Polish or English', () => {
    const report = buildEvaluationReport(inputs({ outcome: 'achieved', measuredValue: 4, note: '', goal: countGoal, p: 0.01 }));
    const pl = documentWords(reportDocument(report, 'pl')).join('\n');
    expect(pl).toContain('Sprawozdanie z realizacji planu działania priorytetowego dla rejonu służbowego nr 3');
    expect(pl).toContain('Werdykt: Cel osiągnięty');
    expect(pl).toMatch(/Wartość p \(test jednostronny\): 0,0\d/);
    expect(pl).toContain('W terminie wykonano 1 z 2 działań, których termin minął (50\u00a0%).');
    expect(pl).toContain('Brak uwag.');
    const en = documentWords(reportDocument(report, 'en')).join('\n');
    expect(en).toContain('Verdict: Goal achieved');
    expect(en).toMatch(/p-value \(one-sided test\): 0\.0\d/);
  });
});
