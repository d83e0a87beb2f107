import type { Db } from '../platform/db/database.js';
import { inTransaction, systemActor } from '../platform/audit/actor.js';
import { evaluationFromInput, updatePlanRow, type FrozenCounts, type PlanContent } from '../modules/plans/index.js';

/**
 * The demo's evaluated plan: KPP Lubartów, district 3, January–June 2024 (seed 002, drinking at a
 * playground, "fewer offences and interventions by 50 %"), evaluated in July 2024 from monthly
 * counts as a measure frozen at approval would give them. The counts are invented (demo data), in
 * the range of a small town's district; its report (/plany/:id/sprawozdanie) shows the chart.
 */
const monthly = {
  // The same half-year a year before, and the previous half-year: the two baseline windows.
  '2023-01': 4, '2023-02': 3, '2023-03': 5, '2023-04': 6, '2023-05': 7, '2023-06': 8,
  '2023-07': 9, '2023-08': 8, '2023-09': 6, '2023-10': 4, '2023-11': 3, '2023-12': 2,
  // The plan's half-year.
  '2024-01': 2, '2024-02': 1, '2024-03': 2, '2024-04': 1, '2024-05': 3, '2024-06': 2,
} as const; // prettier-ignore

export async function evaluateDemoPlan(db: Db, plan: { id: string; content: PlanContent }): Promise<void> {
  const series = Object.entries(monthly).map(([month, count]) => ({ month, count }));
  const sum = (prefix: string, months: readonly string[]) =>
    series.filter((s) => s.month.startsWith(prefix) && months.includes(s.month.slice(5))).reduce((n, s) => n + s.count, 0);
  const half = (first: boolean) => (first ? ['01', '02', '03', '04', '05', '06'] : ['07', '08', '09', '10', '11', '12']);
  const frozen: FrozenCounts = {
    measure: {
      what: 'wykroczenia i interwencje Policji (spożywanie alkoholu, zakłócanie porządku)',
      where: 'plac zabaw przy ul. Kolejowej w Lubartowie',
      source: 'SWD PP i KSIP (dane przykładowe)',
      baselineWindows: [
        { from: '2023-07-01', to: '2023-12-31' },
        { from: '2023-01-01', to: '2023-06-30' },
      ],
      comparisonArea: 'pozostałe rejony KPP w Lubartowie',
      rule: 'cel osiągnięty, gdy liczba zdarzeń spadnie o co najmniej 50 %, a test jednostronny da p < 0,05',
    },
    baseline: sum('2023', half(true)) + sum('2023', half(false)),
    period: sum('2024', half(true)),
    baselineDays: 365,
    periodDays: 182,
    comparison: { baseline: 1184, period: 571 },
    series,
  };
  const result = evaluationFromInput(plan.content.goal, { note: 'Dane przekazał Zespół Wykroczeń KPP w Lubartowie.' }, frozen);
  if (!('evaluation' in result)) throw new Error(`demo evaluation: ${result.problem.message.pl}`);
  await inTransaction(db, systemActor('demo-data'), (trx) =>
    updatePlanRow(trx, plan.id, { status: 'evaluated', evaluation: result.evaluation, evaluatedAt: new Date('2024-07-10T10:00:00Z') }),
  );
}
