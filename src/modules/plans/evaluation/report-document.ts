import { formatCalendarDay, formatNumber, type Lang } from '../../../platform/i18n/i18n.js';
import { categoryNames } from '../messages.js';
import { dottedDate, type Block, type PlanDocument, type TableData } from '../publication/document.js';
import { monthName } from '../publication/months.js';
import { chartMonths, countChartSvg } from './chart.js';
import { evaluationTitle, explainEvaluation } from './explain.js';
import { actionOutcomeLabels } from './process-score.js';
import type { EvaluationReport } from './report.js';
import { evaluationOutcomeLabels } from '../model.js';

/**
 * The evaluation report as the publication's document model (publication/document.ts): one set of
 * words for the page, the PDF and the DOCX, the chart as SVG with its numbers as a table.
 */

const words = {
  pl: {
    title: (n: number) => `Sprawozdanie z realizacji planu działania priorytetowego dla rejonu służbowego nr ${n}`,
    period: (from: string, to: string) => `za okres od ${from} roku do ${to} roku`,
    headings: ['Plan', 'Miernik celu', 'Ocena celu', 'Wskaźnik w czasie', 'Realizacja działań', 'Uwagi przełożonego'],
    district: 'Rejon',
    unit: 'Jednostka',
    officer: 'Dzielnicowy (podpis planu)',
    category: 'Kategoria zagrożenia',
    threat: 'Zagrożenie',
    goal: 'Cel',
    evaluatedOn: 'Data oceny',
    what: 'Co jest liczone',
    where: 'Gdzie',
    source: 'Źródło danych',
    baselineWindows: 'Okresy bazowe',
    comparisonArea: 'Obszar odniesienia',
    rule: 'Reguła oceny',
    defaultRule: 'cel osiągnięty, gdy zmiana sięga celu, a test jednostronny daje p < 0,05',
    noMeasure: 'Plan nie ma miernika zamrożonego przy zatwierdzeniu.',
    entered: 'Liczby zdarzeń wpisał przełożony przy ocenie (plan zatwierdzono bez zamrożonego miernika).',
    verdict: 'Werdykt',
    counts: 'Liczba zdarzeń',
    countsValue: (b: string, bd: string, k: string, kd: string) => `okres bazowy: ${b} (${bd} dni), okres planu: ${k} (${kd} dni)`,
    comparison: (b: string, k: string) => `obszar odniesienia: ${b} → ${k}`,
    p: 'Wartość p (test jednostronny)',
    legacy: 'Ocenę zapisano, zanim system zaczął wyliczać werdykt z liczb: znany jest tylko wynik wybrany przez przełożonego.',
    measured: 'Wartość zmierzona',
    chartTitle: (what: string) => `Liczba zdarzeń w miesiącach: ${what}`,
    chartDesc: (from: string, to: string) =>
      `Słupki: liczba zdarzeń w każdym miesiącu. Zacieniono okres planu (${from} – ${to}) i okresy bazowe. Te same liczby są w tabeli pod wykresem.`,
    chartTable: 'Liczba zdarzeń w miesiącach (dane wykresu)',
    month: 'Miesiąc',
    count: 'Liczba zdarzeń',
    window: 'Okres',
    inPeriod: 'okres planu',
    inBaseline: 'okres bazowy',
    noSeries: 'Brak miesięcznych danych wskaźnika, więc nie ma wykresu: ocena opiera się na liczbach podanych wyżej.',
    processSummary: (done: number, due: number, share: string) =>
      `W terminie wykonano ${done} z ${due} działań, których termin minął (${share}).`,
    nothingDue: 'Termin żadnego działania jeszcze nie minął.',
    processApart: 'Ocena realizacji działań stoi obok oceny celu i jej nie zmienia: działania wykonane w terminie nie dowodzą skutku.',
    actionsTable: 'Działania planu i ich wykonanie',
    action: 'Działanie',
    deadline: 'Termin',
    state: 'Wykonanie',
    noNote: 'Brak uwag.',
  },
  en: {
    title: (n: number) => `Evaluation report of the priority action plan for district no. ${n}`,
    period: (from: string, to: string) => `for the period ${from} to ${to}`,
    headings: [
      'The plan',
      'The goal’s indicator',
      'The verdict',
      'The indicator over time',
      'The actions carried out',
      'The supervisor’s note',
    ],
    district: 'District',
    unit: 'Police unit',
    officer: 'District officer (signed the plan)',
    category: 'Threat category',
    threat: 'Threat',
    goal: 'Goal',
    evaluatedOn: 'Evaluated on',
    what: 'What is counted',
    where: 'Where',
    source: 'Data source',
    baselineWindows: 'Baseline windows',
    comparisonArea: 'Comparison area',
    rule: 'Decision rule',
    defaultRule: 'achieved when the change meets the target and the one-sided test gives p < 0.05',
    noMeasure: 'The plan has no indicator frozen at approval.',
    entered: 'The counts were entered by the supervisor at the evaluation (the plan was approved without a frozen indicator).',
    verdict: 'Verdict',
    counts: 'Events counted',
    countsValue: (b: string, bd: string, k: string, kd: string) => `baseline: ${b} (${bd} days), plan period: ${k} (${kd} days)`,
    comparison: (b: string, k: string) => `comparison area: ${b} → ${k}`,
    p: 'p-value (one-sided test)',
    legacy: 'This evaluation was saved before verdicts were computed from counts: only the outcome the supervisor chose is known.',
    measured: 'Measured value',
    chartTitle: (what: string) => `Events per month: ${what}`,
    chartDesc: (from: string, to: string) =>
      `Bars: events counted in each month. Shaded: the plan's period (${from} – ${to}) and the baseline windows. The table below the chart gives the same numbers.`,
    chartTable: 'Events per month (the chart’s data)',
    month: 'Month',
    count: 'Events',
    window: 'Window',
    inPeriod: 'plan period',
    inBaseline: 'baseline',
    noSeries: 'No monthly counts of the indicator, so no chart: the verdict rests on the counts above.',
    processSummary: (done: number, due: number, share: string) =>
      `${done} of ${due} actions whose deadline has passed were done on time (${share}).`,
    nothingDue: 'No action’s deadline has passed yet.',
    processApart: 'The actions are assessed beside the verdict and do not change it: actions done on time do not prove an effect.',
    actionsTable: 'The plan’s actions and how they were carried out',
    action: 'Action',
    deadline: 'Deadline',
    state: 'Carried out',
    noNote: 'No note.',
  },
};

const paragraph = (text: string): Block => ({ kind: 'paragraph', text });

export function reportDocument(report: EvaluationReport, lang: Lang): PlanDocument {
  const w = words[lang];
  const { plan, measure, counts, evaluation } = report;
  const n = (x: number, digits = 0) => formatNumber(x, lang, { maximumFractionDigits: digits });
  const day = (d: string) => formatCalendarDay(d, lang);
  const planFacts: [string, string][] = [
    [w.district, plan.districtName],
    [w.unit, plan.unitName],
    ...(plan.officer ? [[w.officer, plan.officer] as [string, string]] : []),
    ...(plan.category ? [[w.category, categoryNames[lang][plan.category] ?? plan.category] as [string, string]] : []),
    [w.goal, plan.goal],
    [w.evaluatedOn, day(plan.evaluatedOn)],
  ];
  const measureBlocks: Block[] = measure
    ? [
        {
          kind: 'facts',
          rows: [
            [w.what, measure.what],
            [w.where, measure.where],
            [w.source, measure.source],
            ...(measure.baselineWindows.length
              ? [[w.baselineWindows, measure.baselineWindows.map((b) => `${day(b.from)} – ${day(b.to)}`).join('; ')] as [string, string]]
              : []),
            ...(measure.comparisonArea ? [[w.comparisonArea, measure.comparisonArea] as [string, string]] : []),
            [w.rule, measure.rule ?? w.defaultRule],
          ].filter(([, value]) => value) as [string, string][],
        },
      ]
    : [paragraph(w.noMeasure)];
  if (report.source === 'entered') measureBlocks.push(paragraph(w.entered));
  const verdictBlocks: Block[] = evaluation
    ? [paragraph(`${w.verdict}: ${evaluationTitle(evaluation)[lang]}`), paragraph(explainEvaluation(evaluation)[lang])]
    : [paragraph(`${w.verdict}: ${evaluationOutcomeLabels[report.outcome][lang]}`), paragraph(w.legacy)];
  if (counts) {
    const rows: [string, string][] = [
      [w.counts, w.countsValue(n(counts.baseline), n(counts.baselineDays), n(counts.period), n(counts.periodDays))],
    ];
    if (counts.comparison) rows.push([w.comparisonArea, w.comparison(n(counts.comparison.baseline), n(counts.comparison.period))]);
    if (evaluation?.kind === 'count') rows.push([w.p, formatNumber(evaluation.p, lang, { maximumSignificantDigits: 2 })]);
    verdictBlocks.push({ kind: 'facts', rows });
  }
  return {
    title: w.title(plan.districtNumber),
    subtitle: [plan.unitName, w.period(dottedDate(plan.periodFrom), dottedDate(plan.periodTo))],
    sections: [
      [{ kind: 'facts', rows: planFacts } as Block, paragraph(`${w.threat}: ${plan.threat}`)],
      measureBlocks,
      verdictBlocks,
      counts ? [chartBlock(report, lang)] : [],
      processBlocks(report, lang),
      [paragraph(report.note || w.noNote)],
    ]
      .map((blocks, i) => ({ number: i + 1, heading: w.headings[i]!, blocks }))
      .filter((section) => section.blocks.length > 0)
      .map((section, i) => ({ ...section, number: i + 1 })),
    signature: null,
    footer: `${plan.unitName} · ${w.title(plan.districtNumber)}`,
  };
}

function chartBlock(report: EvaluationReport, lang: Lang): Block {
  const w = words[lang];
  const { plan, measure, series } = report;
  const input = {
    series,
    period: { from: plan.periodFrom, to: plan.periodTo },
    baselineWindows: measure?.baselineWindows ?? [],
    lang,
    id: `chart-${plan.id}`,
    title: w.chartTitle(measure?.what || plan.goal),
    description: w.chartDesc(formatCalendarDay(plan.periodFrom, lang), formatCalendarDay(plan.periodTo, lang)),
  };
  const svg = countChartSvg(input);
  if (!svg) return paragraph(w.noSeries);
  const table: TableData = {
    caption: w.chartTable,
    head: [w.month, w.count, w.window],
    rows: chartMonths(input).map((m) => [
      `${monthName(Number(m.month.slice(5)), lang)} ${m.month.slice(0, 4)}`,
      formatNumber(m.count, lang),
      [m.inBaseline ? w.inBaseline : '', m.inPeriod ? w.inPeriod : ''].filter(Boolean).join(', '),
    ]),
  };
  const alt = { title: input.title, description: input.description };
  return { kind: 'chart', svg, printSvg: countChartSvg({ ...input, print: true })!, table, alt };
}

function processBlocks(report: EvaluationReport, lang: Lang): Block[] {
  const w = words[lang];
  const { process } = report;
  const share =
    process.share === null
      ? null
      : `${formatNumber(process.share * 100, lang, { maximumFractionDigits: 0 })}${lang === 'pl' ? '\u00a0%' : '%'}`;
  return [
    paragraph(share === null ? w.nothingDue : w.processSummary(process.onTime, process.due, share)),
    paragraph(w.processApart),
    ...(process.actions.length
      ? [
          {
            kind: 'table',
            table: {
              caption: w.actionsTable,
              head: [w.action, w.deadline, w.state],
              rows: process.actions.map((a) => [a.description, dottedDate(a.deadline), actionOutcomeLabels[a.outcome][lang]]),
            },
          } as Block,
        ]
      : []),
  ];
}
