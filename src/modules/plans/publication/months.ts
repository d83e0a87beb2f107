import type { Lang } from '../../../platform/i18n/i18n.js';

const names: Record<Lang, string[]> = {
  pl: ['styczeń', 'luty', 'marzec', 'kwiecień', 'maj', 'czerwiec', 'lipiec', 'sierpień', 'wrzesień', 'październik', 'listopad', 'grudzień'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

/** The month's name in the nominative ("lipiec"), as plans write time frames. */
export function monthName(month: number, lang: Lang): string {
  return names[lang][month - 1] ?? String(month);
}

const short: Record<Lang, string[]> = {
  pl: ['sty', 'lut', 'mar', 'kwi', 'maj', 'cze', 'lip', 'sie', 'wrz', 'paź', 'lis', 'gru'],
  en: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
};

/** The month's short name ("paź"), for chart axes. */
export function shortMonthName(month: number, lang: Lang): string {
  return short[lang][month - 1] ?? String(month);
}
