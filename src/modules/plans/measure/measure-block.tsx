import { dayInPoland } from '../../../platform/i18n/calendar.js';
import { formatCalendarDay, formatNumber, type Lang } from '../../../platform/i18n/i18n.js';
import { districtNumberOf } from '../model.js';
import type { FrozenArea, FrozenMeasure } from './model.js';
import type { Window } from './windows.js';

const span = (w: Window, lang: Lang) => `${formatCalendarDay(w.from, lang)} – ${formatCalendarDay(w.to, lang)}`;
const numbers = (ids: readonly string[]) => ids.map(districtNumberOf).join(', ');
const quoted = (items: readonly string[], lang: Lang) => items.map((c) => (lang === 'pl' ? `„${c}”` : `“${c}”`)).join(', ');

/** "rejon nr 3", or "w obszarze: park przy ul. Lipowej (w rejonie nr 3)" for a goal's drawn area. */
export function whereCounted(area: FrozenArea, lang: Lang): string {
  const district = `${lang === 'pl' ? 'rejon nr' : 'district no.'} ${numbers(area.districtIds)}`;
  if (!area.polygon) return district;
  const name = area.name ?? '';
  return lang === 'pl' ? `w obszarze: ${name} (w rejonie nr ${numbers(area.districtIds)})` : `in the area: ${name} (in ${district})`;
}

/** The measure frozen with the approved version, in one short block: what, where, windows, comparison, rule. */
export function measureLines(measure: FrozenMeasure, lang: Lang): { title: string; lines: [string, string][] } {
  const pl = lang === 'pl';
  const title = pl
    ? `Miernik celu zatwierdzony z wersją ${measure.version} (${formatCalendarDay(dayInPoland(measure.frozenAt), lang)})`
    : `The goal's measure, approved with version ${measure.version} (${formatCalendarDay(dayInPoland(measure.frozenAt), lang)})`;
  if (measure.kind === 'qualitative')
    return {
      title,
      lines: [
        [
          pl ? 'Reguła' : 'Rule',
          pl ? 'cel jakościowy: ocenia przełożony, z uzasadnieniem' : 'a qualitative goal: the supervisor decides, with reasons',
        ],
      ],
    };
  if (measure.kind === 'survey') {
    const share = formatNumber(measure.rule.targetShare * 100, lang);
    return {
      title,
      lines: [
        [
          pl ? 'Reguła' : 'Rule',
          pl
            ? `odsetek pozytywnych odpowiedzi w ankiecie co najmniej ${share} %, wykazany przedziałem ufności Wilsona (95 %)`
            : `a share of positive survey answers of at least ${share}%, shown by the Wilson 95% interval`,
        ],
      ],
    };
  }
  const what = measure.label ? `${measure.label}: ` : '';
  const categories = quoted(measure.spec.categories, lang);
  const counted =
    measure.spec.source === 'reports'
      ? pl
        ? `${what}potwierdzone zgłoszenia mieszkańców, kategorie ${categories}`
        : `${what}confirmed residents' reports, categories ${categories}`
      : pl
        ? `${what}dane wskaźnikowe jednostki, kategorie ${categories}`
        : `${what}the unit's indicator data, categories ${categories}`;
  const percent = formatNumber(measure.rule.targetPercent, lang);
  const change = measure.rule.direction === 'decrease' ? (pl ? 'spadek' : 'a fall') : pl ? 'wzrost' : 'a rise';
  const p = formatNumber(measure.rule.significance, lang);
  return {
    title,
    lines: [
      [pl ? 'Co jest liczone' : 'What is counted', counted],
      [pl ? 'Gdzie' : 'Where', whereCounted(measure.area, lang)],
      [pl ? 'Okres odniesienia' : 'Baseline', measure.baselineWindows.map((w) => span(w, lang)).join(pl ? ' oraz ' : ' and ')],
      [
        pl ? 'Obszar porównawczy' : 'Comparison area',
        measure.comparison
          ? pl
            ? `pozostałe rejony jednostki (nr ${numbers(measure.comparison.districtIds)})`
            : `the unit's other districts (no. ${numbers(measure.comparison.districtIds)})`
          : pl
            ? 'brak (jednostka nie ma innych rejonów)'
            : 'none (the unit has no other district)',
      ],
      [
        pl ? 'Reguła' : 'Rule',
        pl
          ? `cel osiągnięty przy ${change} liczby zdarzeń na dzień o co najmniej ${percent} % względem okresu odniesienia, gdy dokładny test warunkowy da p < ${p}`
          : `achieved with ${change} of the daily count by at least ${percent}% against the baseline, when the exact conditional test gives p < ${p}`,
      ],
    ],
  };
}

export function MeasureBlock({ measure, lang }: { measure: FrozenMeasure; lang: Lang }) {
  const { title, lines } = measureLines(measure, lang);
  return (
    <section className="section-box" aria-labelledby="frozen-measure">
      <h2 id="frozen-measure">{title}</h2>
      <dl className="summary-list">
        {lines.map(([term, text]) => (
          <div key={term} className="summary-list__row">
            <dt>{term}</dt>
            <dd>{text}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
