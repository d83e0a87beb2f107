import { formatNumber, plural, type Lang, type Localized } from '../../../platform/i18n/i18n.js';
import { significanceLevel, verdictLabels, type CountEvaluation, type Evaluation, type SurveyEvaluation } from './verdict.js';

/**
 * The verdict in plain words (wyjaśnienie werdyktu), built from the numbers, for a resident who has
 * never heard of a p-value: what changed, how often chance alone does that, what follows.
 */
export function explainEvaluation(evaluation: Evaluation): Localized {
  if (evaluation.kind === 'count') return { pl: explainCount(evaluation, 'pl'), en: explainCount(evaluation, 'en') };
  if (evaluation.kind === 'survey') return { pl: explainSurvey(evaluation, 'pl'), en: explainSurvey(evaluation, 'en') };
  const decided: Record<typeof evaluation.decision, Localized> = {
    achieved: { pl: 'osiągnięty', en: 'achieved' },
    partly_achieved: { pl: 'częściowo osiągnięty', en: 'partly achieved' },
    not_achieved: { pl: 'nieosiągnięty', en: 'not achieved' },
  };
  const justification = evaluation.goal.justification.trim();
  return {
    pl: `Cel jakościowy: przełożony uznał go za ${decided[evaluation.decision].pl}. Uzasadnienie: ${justification}`,
    en: `A qualitative goal: the supervisor judged it ${decided[evaluation.decision].en}. Justification: ${justification}`,
  };
}

/** The verdict's name, for a heading or the CLI. */
export function evaluationTitle(evaluation: Evaluation): Localized {
  return evaluation.kind === 'qualitative'
    ? { pl: 'Ocena przełożonego', en: "The supervisor's judgement" }
    : verdictLabels[evaluation.verdict];
}

// Polish writes "75 %" (a space before the sign, kept on one line) and "5,5"; English "75%" and "5.5".
function percent(fraction: number, lang: Lang, options: Intl.NumberFormatOptions = { maximumFractionDigits: 0 }): string {
  return `${formatNumber(fraction * 100, lang, options)}${lang === 'pl' ? '\u00a0%' : '%'}`;
}
const signed = (fraction: number, lang: Lang) => `${fraction < 0 ? '−' : '+'}${percent(Math.abs(fraction), lang)}`;

/**
 * "how often chance alone does this", in percent with two significant digits. A p-value just below
 * 0.05 must not be rounded up to "5 %", or the sentence would contradict the verdict.
 */
export function chancePercent(p: number, lang: Lang): string {
  if (p < 0.001) return lang === 'pl' ? 'mniej niż 0,1\u00a0%' : 'less than 0.1%';
  const rounded = Number((p * 100).toPrecision(2));
  const digits: Intl.NumberFormatOptions =
    p < significanceLevel && rounded >= significanceLevel * 100
      ? { maximumSignificantDigits: 3, roundingMode: 'trunc' }
      : { maximumSignificantDigits: 2 };
  return percent(p, lang, digits);
}

const events = (n: number, lang: Lang) =>
  `${formatNumber(n, lang)} ${lang === 'pl' ? plural('pl', n, { one: 'zdarzenie', few: 'zdarzenia', many: 'zdarzeń', other: 'zdarzenia' }) : plural('en', n, { one: 'event', other: 'events' })}`;

function explainCount(e: CountEvaluation, lang: Lang): string {
  const { baseline, period, baselineLength, periodLength, targetChange } = e.goal;
  const pl = lang === 'pl';
  const [b, k] = [formatNumber(baseline, lang), formatNumber(period, lang)];
  if (e.reason === 'nothing_counted')
    return pl
      ? 'Ani w okresie bazowym, ani w badanym nie odnotowano żadnych zdarzeń, więc nie ma czego porównać.'
      : 'No events were counted in either the baseline or the evaluated period, so there is nothing to compare.';
  if (e.change === null)
    return pl
      ? `W okresie bazowym nie odnotowano zdarzeń (w badanym: ${k}), więc zmiany w procentach nie da się policzyć.`
      : `No events were counted in the baseline (${k} in the evaluated period), so a change in percent cannot be computed.`;
  const sameLength = baselineLength === periodLength;
  const moved = period === baseline ? 'same' : period < baseline ? 'down' : 'up';
  const verb = pl ? { down: 'spadła', up: 'wzrosła' } : { down: 'fell', up: 'rose' };
  const inBrackets = sameLength ? ` (${signed(e.change, lang)})` : '';
  const sentences = [
    moved === 'same'
      ? pl
        ? `Liczba zdarzeń nie zmieniła się (${b}).`
        : `The number of events did not change (${b}).`
      : pl
        ? `Liczba zdarzeń ${verb[moved]} z ${b} do ${k}${inBrackets}.`
        : `The number of events ${verb[moved]} from ${b} to ${k}${inBrackets}.`,
  ];
  if (!sameLength)
    sentences.push(
      pl
        ? `Okresy mają różną długość; w przeliczeniu na tę samą długość zmiana wynosi ${signed(e.change, lang)}.`
        : `The periods differ in length; per the same length of time the change is ${signed(e.change, lang)}.`,
    );
  const wanted = e.direction === 'decrease' ? (pl ? 'spadek' : 'a fall') : pl ? 'wzrost' : 'a rise';
  const target = targetChange === null ? null : percent(Math.abs(targetChange), lang);
  if (e.reason === 'too_few_to_show') {
    sentences.push(
      pl
        ? `Łącznie to tylko ${events(baseline + period, lang)}: nawet gdyby wszystkie przypadły na jeden okres, mogłoby to być dziełem przypadku, więc te dane nie wystarczą do oceny celu.`
        : `That is only ${events(baseline + period, lang)} in all: even if all of them had fallen in one period, chance could explain it, so these data cannot judge the goal.`,
    );
  } else if (e.reason === 'target_not_met') {
    sentences.push(
      pl
        ? `Cel zakładał ${wanted}${target ? ` o co najmniej ${target}` : ''}, więc nie został osiągnięty.`
        : `The goal was ${wanted}${target ? ` of at least ${target}` : ''}, so it was not achieved.`,
    );
  } else {
    const change = e.direction === 'decrease' ? (pl ? 'spadek' : 'fall') : pl ? 'wzrost' : 'rise';
    const chance = chancePercent(e.p, lang);
    sentences.push(
      e.reason === 'not_significant'
        ? pl
          ? `Taki ${change} zdarza się przypadkiem w ${chance} przypadków, więc nie można uznać, że cel osiągnięto dzięki działaniom.`
          : `A ${change} like this happens by chance ${chance} of the time, so the goal cannot be credited to the actions.`
        : pl
          ? `Taki ${change} zdarza się przypadkiem tylko w ${chance} przypadków, więc cel (${wanted}${target ? ` o ${target}` : ''}) uznano za osiągnięty.`
          : `A ${change} like this happens by chance only ${chance} of the time, so the goal (${wanted}${target ? ` of ${target}` : ''}) is achieved.`,
    );
  }
  if (e.relative !== undefined) sentences.push(explainRelative(e, lang));
  return sentences.join(' ');
}

function explainRelative(e: CountEvaluation, lang: Lang): string {
  const pl = lang === 'pl';
  const r = e.relative;
  if (!r)
    return pl
      ? 'Z obszarem odniesienia nie da się porównać: w jednym z obszarów nie odnotowano żadnych zdarzeń.'
      : 'No comparison with the reference area is possible: one of the areas counted no events at all.';
  const n = (x: number) => formatNumber(x, lang, { maximumFractionDigits: 2, minimumFractionDigits: 2 });
  const range = `${n(r.interval.low)}–${n(r.interval.high)}`;
  const head = pl
    ? `Na tle obszaru odniesienia efekt względny wynosi ${n(r.ratio)} (95\u00a0% przedział ufności ${range}${r.corrected ? ', z poprawką 0,5 na zerowe liczby' : ''})`
    : `Against the reference area the relative effect is ${n(r.ratio)} (95% confidence interval ${range}${r.corrected ? ', with 0.5 added to zero counts' : ''})`;
  if (r.interval.low <= 1 && r.interval.high >= 1)
    return pl
      ? `${head}; przedział obejmuje 1, więc zmiana nie różni się wyraźnie od zmiany w obszarze odniesienia.`
      : `${head}; the interval includes 1, so the change does not clearly differ from the reference area's.`;
  // The whole interval below 1: the area did relatively better than the rest of the unit; above 1: worse.
  return r.interval.high < 1
    ? pl
      ? `${head}: w rejonie zdarzeń ubyło wyraźnie bardziej (lub przybyło mniej) niż w obszarze odniesienia.`
      : `${head}: events fell clearly more (or rose less) in the area than in the reference area.`
    : pl
      ? `${head}: w rejonie zdarzeń przybyło wyraźnie bardziej (lub ubyło mniej) niż w obszarze odniesienia.`
      : `${head}: events rose clearly more (or fell less) in the area than in the reference area.`;
}

function explainSurvey(e: SurveyEvaluation, lang: Lang): string {
  const pl = lang === 'pl';
  const { asked, positive, targetShare } = e.goal;
  if (e.share === null || e.interval === null)
    return pl ? 'Nikogo nie zapytano, więc ankieta niczego nie pokazuje.' : 'Nobody was asked, so the survey shows nothing.';
  const people = pl
    ? `${formatNumber(asked, lang)} ${plural('pl', asked, { one: 'osoby', few: 'osób', many: 'osób', other: 'osoby' })}`
    : `${formatNumber(asked, lang)} ${plural('en', asked, { one: 'person', other: 'people' })}`;
  const width = Math.round((e.interval.high - e.interval.low) * 100);
  const points = pl
    ? `${width} ${plural('pl', width, { one: 'punkt procentowy', few: 'punkty procentowe', many: 'punktów procentowych', other: 'punktu procentowego' })}`
    : `${width} percentage ${plural('en', width, { one: 'point', other: 'points' })}`;
  const [share, low, high, target] = [e.share, e.interval.low, e.interval.high, targetShare].map((x) => percent(x, lang));
  const sentences = [
    pl
      ? `Pozytywnie odpowiedziało ${formatNumber(positive, lang)} z ${people} (${share}).`
      : `${formatNumber(positive, lang)} of ${people} answered positively (${share}).`,
    pl
      ? `Przy tej liczbie badanych prawdziwy odsetek wśród mieszkańców leży najpewniej między ${low} a ${high} (95\u00a0% przedział ufności, szeroki na ${points}).`
      : `With this many people asked, the true share among residents most likely lies between ${low} and ${high} (95% confidence interval, ${points} wide).`,
  ];
  const verdict: Record<SurveyEvaluation['reason'], Localized> = {
    nobody_asked: { pl: '', en: '' },
    too_few_to_show: {
      pl: `Nawet gdyby wszyscy odpowiedzieli pozytywnie, tak mała ankieta nie wykazałaby odsetka ${target}; do oceny celu potrzeba więcej badanych.`,
      en: `Even if everyone had answered positively, a survey this small could not show a share of ${target}; judging the goal needs more people asked.`,
    },
    target_not_met: { pl: `Cel (${target}) nie został osiągnięty.`, en: `The goal (${target}) was not achieved.` },
    not_shown: {
      pl: `Wynik sięga celu (${target}), ale dolna granica przedziału jest niższa, więc osiągnięcie celu może być dziełem przypadku.`,
      en: `The result reaches the goal (${target}), but the interval's lower bound is below it, so meeting the goal may be chance.`,
    },
    shown: {
      pl: `Nawet dolna granica przedziału sięga celu (${target}), więc cel uznano za osiągnięty.`,
      en: `Even the interval's lower bound reaches the goal (${target}), so the goal is achieved.`,
    },
  };
  sentences.push(verdict[e.reason][lang]);
  return sentences.join(' ');
}
