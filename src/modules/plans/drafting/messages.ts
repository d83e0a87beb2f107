import { defineMessages, type Lang } from '../../../platform/i18n/i18n.js';
import type { ThreatField } from './prefill.js';

export const draftingMessages = defineMessages({
  pl: {
    title: 'Dane do diagnozy zagrożeń',
    lead: (period: string) =>
      `Zgłoszenia mieszkańców z rejonu (Krajowa Mapa Zagrożeń Bezpieczeństwa) z 12 pełnych miesięcy: ${period}. Nie liczymy żartów, duplikatów ani zgłoszeń czekających na sprawdzenie. Opisy zgłoszeń i dane zgłaszających nie są tu pokazywane.`,
    noReports: 'W tym okresie z rejonu nie było zgłoszeń.',
    byCategory: 'Zgłoszenia według kategorii',
    category: 'Kategoria zgłoszenia',
    planCategory: 'Kategoria zagrożenia w planie',
    reports: 'Zgłoszenia',
    confirmed: 'Potwierdzone',
    trend: (half: number) => `Ostatnie ${half} mies. wobec ${half} wcześniejszych`,
    trendWords: { up: 'wzrost', down: 'spadek', same: 'bez zmian' },
    total: 'Razem',
    hotspots: 'Miejsca, których dotyczy najwięcej zgłoszeń',
    noHotspots: 'Żadne miejsce nie powtarza się w zgłoszeniach (co najmniej 2 zgłoszenia w promieniu 150 m lub przy tej samej ulicy).',
    mapLabel: 'Mapa miejsc z największą liczbą zgłoszeń',
    mapNoScript: 'Mapa wymaga JavaScriptu; miejsca są wymienione powyżej.',
    byMonth: 'Zgłoszenia według miesięcy',
    month: 'Miesiąc',
    indicators: 'Dane o zdarzeniach i interwencjach',
    noIndicators: 'Dla rejonu nie zaimportowano jeszcze danych o zdarzeniach i interwencjach.',
    indicatorCategory: 'Kategoria',
    count: 'Liczba',
    prefill: 'Wypełnij plan na podstawie danych',
    prefillHint: 'Tekst już wpisany w planie zostaje: dane zostaną dopisane na jego końcu. Wybrana wcześniej kategoria się nie zmienia.',
    threatCategory: 'Kategoria zagrożenia',
    useInThreat: 'Wstaw do sekcji zagrożenia',
    span: 'Okres wartości bazowej',
    spans: { half: (period: string) => `ostatnie 6 miesięcy (${period})`, year: (period: string) => `ostatnie 12 miesięcy (${period})` },
    useAsBaseline: 'Użyj jako wartości bazowej celu',
    replaceBaseline: (value: number, period: string) => `Zastąp wartość bazową celu (obecnie: ${value}, ${period})`,
    similar: 'Podobne opublikowane plany',
    noSimilar: 'W bibliotece nie ma jeszcze podobnych opublikowanych planów.',
    similarHint: 'Ta sama kategoria zagrożenia, ta sama jednostka lub podobny opis zagrożenia.',
    notEvaluated: 'nieoceniony',
    filled: {
      threat: 'Dane o zgłoszeniach wpisano do sekcji zagrożenia.',
      appended: (fields: string) => `Dane o zgłoszeniach dopisano na końcu: ${fields}. Wcześniejszy tekst został bez zmian.`,
      keptCategory: 'Kategoria zagrożenia wybrana wcześniej została bez zmian.',
      baseline: 'Wartość bazową celu wpisano z danych o zgłoszeniach.',
      replaced: 'Wartość bazową celu zastąpiono nową, z danych o zgłoszeniach.',
      area: 'Obszar celu wyznaczono wokół zgłoszeń z tego miejsca (sekcja 2).',
      areaReplaced: 'Obszar celu zastąpiono nowym, wokół zgłoszeń z tego miejsca (sekcja 2).',
    },
    fieldNames: { places: 'miejsca', description: 'opis zagrożenia' } satisfies Record<ThreatField, string>,
    badCategory: 'Wybierz kategorię zagrożenia z listy.',
    badSpan: 'Wybierz okres: 6 albo 12 miesięcy.',
    badHotspot: 'Tego miejsca nie ma już wśród miejsc ze zgłoszeniami albo nie ma ono punktów na mapie. Odśwież stronę.',
    useAsArea: 'Liczy cel tylko w tym miejscu',
    replaceArea: (name: string) => `Zastąp obszar celu („${name}”) tym miejscem`,
  },
  en: {
    title: 'Evidence for the threat diagnosis',
    lead: (period: string) =>
      `Residents' reports from the district (National Map of Security Threats) over 12 whole months: ${period}. Pranks, duplicates and reports awaiting review are not counted. Report descriptions and reporters' details are not shown here.`,
    noReports: 'There were no reports from the district in this period.',
    byCategory: 'Reports by category',
    category: 'Report category',
    planCategory: 'Threat category in the plan',
    reports: 'Reports',
    confirmed: 'Confirmed',
    trend: (half: number) => `Last ${half} months against the ${half} before`,
    trendWords: { up: 'up', down: 'down', same: 'no change' },
    total: 'Total',
    hotspots: 'Places with the most reports',
    noHotspots: 'No place recurs in the reports (at least 2 reports within 150 m or on the same street).',
    mapLabel: 'Map of the places with the most reports',
    mapNoScript: 'The map needs JavaScript; the places are listed above.',
    byMonth: 'Reports by month',
    month: 'Month',
    indicators: 'Incident and intervention data',
    noIndicators: 'No incident or intervention data has been imported for the district yet.',
    indicatorCategory: 'Category',
    count: 'Count',
    prefill: 'Fill in the plan from the evidence',
    prefillHint: 'Text already in the plan stays: the evidence is added at its end. A category chosen before does not change.',
    threatCategory: 'Threat category',
    useInThreat: 'Use in the threat section',
    span: 'Baseline period',
    spans: { half: (period: string) => `last 6 months (${period})`, year: (period: string) => `last 12 months (${period})` },
    useAsBaseline: "Use as the goal's baseline",
    replaceBaseline: (value: number, period: string) => `Replace the goal's baseline (now: ${value}, ${period})`,
    similar: 'Similar published plans',
    noSimilar: 'The library has no similar published plans yet.',
    similarHint: 'The same threat category, the same unit or a similar threat description.',
    notEvaluated: 'not evaluated',
    filled: {
      threat: 'The report figures were written into the threat section.',
      appended: (fields: string) => `The report figures were added at the end of: ${fields}. The earlier text is unchanged.`,
      keptCategory: 'The threat category chosen before is unchanged.',
      baseline: "The goal's baseline was written from the report figures.",
      replaced: "The goal's baseline was replaced with one from the report figures.",
      area: "The goal's area was drawn around the reports of that place (section 2).",
      areaReplaced: "The goal's area was replaced with one around the reports of that place (section 2).",
    },
    fieldNames: { places: 'places', description: 'threat description' } satisfies Record<ThreatField, string>,
    badCategory: 'Choose a threat category from the list.',
    badSpan: 'Choose the period: 6 or 12 months.',
    badHotspot: 'This place is no longer among the places with reports, or it has no points on the map. Reload the page.',
    useAsArea: 'Count the goal only in this place',
    replaceArea: (name: string) => `Replace the goal's area ("${name}") with this place`,
  },
});

/** After a pre-fill (`?filled=threat&appended=places,description&kept=1`): what was written and what was left as it was. */
export function filledNotice(query: Record<string, unknown>, lang: Lang): string | null {
  const m = draftingMessages[lang].filled;
  const fields = (typeof query.appended === 'string' ? query.appended : '')
    .split(',')
    .filter((f): f is ThreatField => f === 'places' || f === 'description')
    .map((f) => draftingMessages[lang].fieldNames[f]);
  switch (query.filled) {
    case 'threat':
      return [fields.length ? m.appended(fields.join(', ')) : m.threat, query.kept === '1' ? m.keptCategory : ''].join(' ').trim();
    case 'baseline':
      return query.replaced === '1' ? m.replaced : m.baseline;
    case 'area':
      return query.replaced === '1' ? m.areaReplaced : m.area;
    default:
      return null;
  }
}
