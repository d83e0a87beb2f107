/** Languages of the UI and API: Polish first, English second. */
export type Lang = 'pl' | 'en';
export const languages: readonly Lang[] = ['pl', 'en'];
export const defaultLang: Lang = 'pl';

/** A text in every language; errors carry one so the handler can answer in the request's language. */
export type Localized = Record<Lang, string>;

/** A message catalogue: the English half must have exactly the Polish half's keys and types. */
export function defineMessages<T>(catalogue: { pl: T; en: T }): { pl: T; en: T } {
  return catalogue;
}

/**
 * The word for a code read from data (an audit action, an event kind) in one of a catalogue's
 * tables, or undefined for a code the table lacks. Own keys only: "constructor" is not a word.
 */
export function wordFor(table: Readonly<Record<string, string>>, code: string): string | undefined {
  return Object.hasOwn(table, code) ? table[code] : undefined;
}

export function isLang(value: unknown): value is Lang {
  return value === 'pl' || value === 'en';
}

/** Picks pl or en from an Accept-Language header by the client's preference order. */
export function negotiateLang(header: string | undefined): Lang {
  if (!header) return defaultLang;
  const ranked = header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
      return { base: tag.split('-')[0]!, q: q === undefined ? 1 : Number(q), index };
    })
    .filter((entry) => entry.q > 0 && !Number.isNaN(entry.q))
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return ranked.map((entry) => entry.base).find(isLang) ?? defaultLang;
}

const pluralRules = { pl: new Intl.PluralRules('pl-PL'), en: new Intl.PluralRules('en-GB') };

/**
 * Polish has three plural forms for whole numbers: 1 znak, 2–4 / 22–24 znaki, 5–21 / 25 znaków;
 * fractions take the "other" form (1,5 znaku). English: one / other.
 */
export interface PluralForms {
  one: string;
  few?: string;
  many?: string;
  other: string;
}

export function plural(lang: Lang, count: number, forms: PluralForms): string {
  const category = pluralRules[lang].select(count);
  if (category === 'one') return forms.one;
  if (category === 'few') return forms.few ?? forms.other;
  if (category === 'many') return forms.many ?? forms.other;
  return forms.other;
}

const locales: Record<Lang, string> = { pl: 'pl-PL', en: 'en-GB' };
const timeZone = 'Europe/Warsaw';

// Intl formatters are costly to build (a page formats dozens of dates), so each is made once.
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
function formatter<T extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, make: () => T): T {
  let found = formatters.get(key) as T | undefined;
  if (!found) formatters.set(key, (found = make()));
  return found;
}

export function formatNumber(value: number, lang: Lang, options?: Intl.NumberFormatOptions): string {
  return formatter(`n|${lang}|${options ? JSON.stringify(options) : ''}`, () => new Intl.NumberFormat(locales[lang], options)).format(
    value,
  );
}

/** "5 listopada 2026" / "5 November 2026". */
export function formatDate(value: Date, lang: Lang): string {
  return formatter(`d|${lang}`, () => new Intl.DateTimeFormat(locales[lang], { dateStyle: 'long', timeZone })).format(value);
}

/**
 * A calendar day as periods and deadlines are stored ("2026-07-01") in the language's form
 * ("1 lipca 2026"); noon UTC keeps it the same day in Poland.
 */
export function formatCalendarDay(day: string, lang: Lang): string {
  return formatDate(new Date(`${day}T12:00:00Z`), lang);
}

/** "5.11.2026, 14:03" / "05/11/2026, 14:03", in Polish time. */
export function formatDateTime(value: Date, lang: Lang): string {
  return formatter(`dt|${lang}`, () => new Intl.DateTimeFormat(locales[lang], { dateStyle: 'short', timeStyle: 'short', timeZone })).format(
    value,
  );
}

/** "2 minuty", "5 minut", "1 minuta": durations in words for messages such as Retry-After. */
export function formatDuration(seconds: number, lang: Lang): string {
  const units =
    lang === 'pl'
      ? [
          { size: 3600, forms: { one: 'godzina', few: 'godziny', many: 'godzin', other: 'godziny' } },
          { size: 60, forms: { one: 'minuta', few: 'minuty', many: 'minut', other: 'minuty' } },
          { size: 1, forms: { one: 'sekunda', few: 'sekundy', many: 'sekund', other: 'sekundy' } },
        ]
      : [
          { size: 3600, forms: { one: 'hour', other: 'hours' } },
          { size: 60, forms: { one: 'minute', other: 'minutes' } },
          { size: 1, forms: { one: 'second', other: 'seconds' } },
        ];
  const unit = units.find((u) => seconds >= u.size) ?? units[units.length - 1]!;
  const count = Math.max(1, Math.ceil(seconds / unit.size));
  return `${formatNumber(count, lang)} ${plural(lang, count, unit.forms)}`;
}

/**
 * "32 MB", "1,5 GB", "512 kB", "900 B": sizes of files and limits. Binary multiples (every limit here
 * is a multiple of 1024 × 1024) named as residents and Windows name them: a "5 MB" limit and a file
 * shown as "4,8 MB" must be the same kind of megabyte, and "MiB" is a word few people know.
 */
export function formatBytes(bytes: number, lang: Lang): string {
  const units = ['B', 'kB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  // Megabytes with two decimals: a file of 5,01 MB must not read "5 MB" beside a 5 MB limit it exceeds.
  return `${formatNumber(value, lang, { maximumFractionDigits: unit >= 2 ? 2 : 1 })} ${units[unit]}`;
}
