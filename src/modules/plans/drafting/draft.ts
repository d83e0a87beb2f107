import { plural, type Lang, type Localized } from '../../../platform/i18n/i18n.js';
import type { ThreatCategory } from '../model.js';
import { hotspotsOf, type Hotspot } from './hotspots.js';
import { reportsOf, type EvidenceSummary } from './evidence.js';
import { halfMonths, lastHalf } from './window.js';

/*
 * The words the pre-fill writes into a plan: a period named as plans name it, counts with their
 * Polish plural forms (1 zgłoszenie, 2 zgłoszenia, 5 zgłoszeń, 22 zgłoszenia), the places.
 */

const monthFormat: Record<Lang, Intl.DateTimeFormat> = {
  pl: new Intl.DateTimeFormat('pl-PL', { month: 'long', year: 'numeric', timeZone: 'UTC' }),
  en: new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }),
};

/** "2025-12" → "grudzień 2025" / "December 2025". */
export function monthName(month: string, lang: Lang): string {
  return monthFormat[lang].format(new Date(`${month}-01T12:00:00Z`));
}

/** Months from first to last: "grudzień 2025 – listopad 2026", or "styczeń – czerwiec 2026" within one year. */
export function periodName(months: readonly string[], lang: Lang): string {
  const [first, last] = [months[0]!, months[months.length - 1]!];
  if (first.slice(0, 4) === last.slice(0, 4)) {
    const [from, to] = [monthName(first, lang), monthName(last, lang)];
    return `${from.slice(0, from.lastIndexOf(' '))} – ${to}`;
  }
  return `${monthName(first, lang)} – ${monthName(last, lang)}`;
}

/** "1 zgłoszenie", "2 zgłoszenia", "5 zgłoszeń", "22 zgłoszenia" / "1 report", "5 reports". */
export function reportCount(count: number, lang: Lang): string {
  const word =
    lang === 'pl'
      ? plural(lang, count, { one: 'zgłoszenie', few: 'zgłoszenia', many: 'zgłoszeń', other: 'zgłoszenia' })
      : plural(lang, count, { one: 'report', other: 'reports' });
  return `${count} ${word}`;
}

/** "w tym 1 potwierdzone", "w tym 5 potwierdzonych" / "1 confirmed". */
function confirmedCount(count: number, lang: Lang): string {
  if (lang === 'en') return `${count} confirmed`;
  return `w tym ${count} ${plural(lang, count, { one: 'potwierdzone', few: 'potwierdzone', many: 'potwierdzonych', other: 'potwierdzonego' })}`;
}

/** A place as the plan names it: its street, or (with no address among its reports) where its reports lie. */
export function placeName(hotspot: Hotspot, lang: Lang): string {
  if (hotspot.label) return hotspot.label;
  const { lat, lon } = hotspot.center!;
  return `${lang === 'pl' ? 'okolice punktu' : 'around'} ${lat.toFixed(5)}, ${lon.toFixed(5)}`;
}

/** The places of a category's reports, each with its count: "ul. Lipowa, Borowo (7 zgłoszeń); Rynek (2 zgłoszenia)". */
export function placesText(hotspots: readonly Hotspot[], lang: Lang): string {
  return hotspots.map((h) => `${placeName(h, lang)} (${reportCount(h.count, lang)})`).join('; ');
}

export interface ThreatDraft {
  places: string;
  description: string;
}

/**
 * The threat section's draft for one plan category: its report categories with counts and the
 * confirmed among them, the last half-year against the one before, the places most reported.
 */
export function threatDraft(
  summary: EvidenceSummary,
  category: ThreatCategory,
  names: ReadonlyMap<string, Localized>,
  lang: Lang,
): ThreatDraft {
  const counts = summary.categories.filter((c) => c.planCategory === category);
  const hotspots = hotspotsOf(reportsOf(summary, category));
  const period = periodName(summary.window.months, lang);
  const [before, after] = counts.reduce(([b, a], c) => [b + c.before, a + c.after], [0, 0]);
  const quoted = (code: string) => (lang === 'pl' ? `„${names.get(code)?.pl ?? code}”` : `"${names.get(code)?.en ?? code}"`);
  const lines = counts.map(
    (c) =>
      `${reportCount(c.count, lang)} ${lang === 'pl' ? 'w kategorii' : 'in the category'} ${quoted(c.code)} (${confirmedCount(c.confirmed, lang)})`,
  );
  const sentences =
    lang === 'pl'
      ? [
          `Zgłoszenia mieszkańców w Krajowej Mapie Zagrożeń Bezpieczeństwa z rejonu (${period}): ${lines.length ? lines.join(', ') : 'brak zgłoszeń'}.`,
          counts.length > 0 &&
            `W ostatnich ${halfMonths} miesiącach ${reportCount(after, lang)} wobec ${before} w poprzednich ${halfMonths} miesiącach.`,
          hotspots.length > 0 && `Najwięcej zgłoszeń dotyczyło miejsc: ${placesText(hotspots, lang)}.`,
        ]
      : [
          `Residents' reports in the National Map of Security Threats from the district (${period}): ${lines.length ? lines.join(', ') : 'none'}.`,
          counts.length > 0 &&
            `In the last ${halfMonths} months ${reportCount(after, lang)}, against ${before} in the ${halfMonths} months before.`,
          hotspots.length > 0 && `Most reports concerned these places: ${placesText(hotspots, lang)}.`,
        ];
  return { places: placesText(hotspots, lang), description: sentences.filter(Boolean).join(' ') };
}

export type BaselineSpan = 'half' | 'year';

/** The goal's baseline from the reports: the category's count over the last half of the window or the whole, the period named. */
export function baselineFrom(
  summary: EvidenceSummary,
  category: ThreatCategory,
  span: BaselineSpan,
  lang: Lang,
): { period: string; value: number } {
  const months = span === 'half' ? lastHalf(summary.window) : summary.window.months;
  const counts = summary.categories.filter((c) => c.planCategory === category);
  const value = counts.reduce((sum, c) => sum + (span === 'half' ? c.after : c.count), 0);
  return { period: periodName(months, lang), value };
}
