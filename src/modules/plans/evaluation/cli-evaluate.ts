import { parseArgs } from 'node:util';
import { formatNumber } from '../../../platform/i18n/i18n.js';
import { evaluationTitle, explainEvaluation } from './explain.js';
import { countGoalProblem, evaluateGoal, surveyGoalProblem, type CountGoal, type Goal, type SurveyGoal } from './verdict.js';

export const evaluateUsage = `  evaluate --baseline N --period N [--baseline-length DNI] [--period-length DNI] [--target PROCENT]
           [--comparison-baseline N --comparison-period N]
                                              (liczby zdarzeń; długości w dniach, domyślnie równe; --target -20 to spadek
                                               o 20 %, bez --target każdy spadek / counts of events; lengths in days,
                                               equal by default; --target -20 means 20 % fewer, without it any fall)
  evaluate --asked N --positive N --target-share PROCENT
                                              (ankieta: badani, odpowiedzi pozytywne, docelowy odsetek, np. 80 /
                                               a survey: people asked, positive answers, target share, e.g. 80)
  Nie otwiera bazy danych / opens no database.`;

/** Bad options for `evaluate`: the CLI prints the message and exits with code 2. */
export class EvaluateUsageError extends Error {}

const options = {
  baseline: { type: 'string' },
  period: { type: 'string' },
  'baseline-length': { type: 'string' },
  'period-length': { type: 'string' },
  target: { type: 'string' },
  'comparison-baseline': { type: 'string' },
  'comparison-period': { type: 'string' },
  asked: { type: 'string' },
  positive: { type: 'string' },
  'target-share': { type: 'string' },
} as const;
type Values = Partial<Record<keyof typeof options, string>>;

function numberOption(values: Values, name: keyof typeof options): number | undefined {
  const text = values[name];
  if (text === undefined) return undefined;
  // Accepts "−20" (a typographic minus) and "0,5" as people type them in Polish.
  const value = Number(text.trim().replace('−', '-').replace(',', '.'));
  if (text.trim() === '' || !Number.isFinite(value)) throw new EvaluateUsageError(`--${name}: "${text}" nie jest liczbą / is not a number`);
  return value;
}

// node:util parseArgs takes "--target -20" for two options; every option here is a number, so a
// negative number after an option is its value: "--target=-20".
function joinNegativeValues(args: string[]): string[] {
  const joined: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const [arg, next] = [args[i]!, args[i + 1]];
    if (arg.startsWith('--') && !arg.includes('=') && next !== undefined && /^[-−]\d/.test(next)) {
      joined.push(`${arg}=${next}`);
      i++;
    } else joined.push(arg);
  }
  return joined;
}

/** The goal the options describe, or an EvaluateUsageError naming the option at fault. */
export function goalFromOptions(args: string[]): Goal {
  let values: Values;
  try {
    values = parseArgs({ args: joinNegativeValues(args), options, strict: true, allowPositionals: false }).values;
  } catch (error) {
    throw new EvaluateUsageError((error as Error).message);
  }
  const n = (name: keyof typeof options) => numberOption(values, name);
  const survey = values.asked !== undefined || values.positive !== undefined || values['target-share'] !== undefined;
  const counts = values.baseline !== undefined || values.period !== undefined;
  if (survey && counts) throw new EvaluateUsageError('Podaj liczby zdarzeń albo ankietę, nie oba / give counts or a survey, not both');
  if (survey) {
    const [asked, positive, share] = [n('asked'), n('positive'), n('target-share')];
    if (asked === undefined || positive === undefined || share === undefined)
      throw new EvaluateUsageError(
        'Ankieta wymaga --asked, --positive i --target-share / a survey needs --asked, --positive and --target-share',
      );
    const goal: SurveyGoal = { kind: 'survey', asked, positive, targetShare: share / 100 };
    const problem = surveyGoalProblem(goal);
    if (problem) throw new EvaluateUsageError(`--${problem.pl} / ${problem.en}`);
    return goal;
  }
  const [baseline, period] = [n('baseline'), n('period')];
  if (baseline === undefined || period === undefined)
    throw new EvaluateUsageError('Podaj --baseline i --period (albo ankietę) / give --baseline and --period (or a survey)');
  const [comparisonBaseline, comparisonPeriod] = [n('comparison-baseline'), n('comparison-period')];
  if ((comparisonBaseline === undefined) !== (comparisonPeriod === undefined))
    throw new EvaluateUsageError('Podaj oba: --comparison-baseline i --comparison-period / give both comparison counts');
  const target = n('target');
  const goal: CountGoal = {
    kind: 'count',
    baseline,
    period,
    baselineLength: n('baseline-length') ?? 1,
    periodLength: n('period-length') ?? 1,
    targetChange: target === undefined ? null : target / 100,
    comparison:
      comparisonBaseline === undefined || comparisonPeriod === undefined
        ? null
        : { baseline: comparisonBaseline, period: comparisonPeriod },
  };
  if ((n('baseline-length') === undefined) !== (n('period-length') === undefined))
    throw new EvaluateUsageError('Podaj obie długości albo żadnej / give both --baseline-length and --period-length, or neither');
  const problem = countGoalProblem(goal);
  if (problem) throw new EvaluateUsageError(`--${problem.pl} / ${problem.en}`);
  return goal;
}

/** The lines `npm run cli -- evaluate …` prints: verdict, p-value or interval, explanation in Polish and English. */
export function evaluateCommand(args: string[]): string[] {
  const evaluation = evaluateGoal(goalFromOptions(args));
  const title = evaluationTitle(evaluation);
  const lines = [`Werdykt / verdict: ${title.pl} / ${title.en}${evaluation.kind === 'qualitative' ? '' : ` (${evaluation.verdict})`}`];
  const number = (x: number) => formatNumber(x, 'en', { maximumSignificantDigits: 3, useGrouping: false });
  if (evaluation.kind === 'count') {
    lines.push(`p = ${number(evaluation.p)}`);
    const r = evaluation.relative;
    if (r) lines.push(`Efekt względny / relative effect: ${number(r.ratio)} (95% CI ${number(r.interval.low)}–${number(r.interval.high)})`);
  }
  if (evaluation.kind === 'survey' && evaluation.interval && evaluation.share !== null) {
    const { low, high } = evaluation.interval;
    lines.push(`Odsetek / share: ${number(evaluation.share)} (95% Wilson ${number(low)}–${number(high)})`);
  }
  const text = explainEvaluation(evaluation);
  lines.push('', text.pl, '', text.en);
  return lines;
}
