import type { RateLimitPolicy } from '../../../platform/config/report-rate-limit.js';
import { formatNumber, plural, type Lang, type Localized } from '../../../platform/i18n/i18n.js';
import { findCategory, inSeason, type ReportCategory } from './categories.js';
import type { LonLat } from './geo.js';
import { readEventTime, type EventTime, type EventTimeError } from './event-time.js';
import { emailMaxLength, looksLikeEmail } from '../../../platform/mail/address.js';
export { emailMaxLength };

/**
 * A resident's report as the form or API sends it (anonymous, no account). The position is a
 * point on the map or, when the resident searched an address instead, the address text (the
 * caller geocodes it). The event's date and time are read here, in Polish time.
 */
export interface ReportSubmission {
  categoryCode: string;
  lat?: number | null;
  lon?: number | null;
  address?: string | null;
  description?: string | null;
  email?: string | null;
  /** The day of the event and its time, as typed (rules/event-time.ts reads them). */
  eventDate?: string | null;
  eventTime?: string | null;
  /** A form field hidden from people; bots fill it in. */
  honeypot?: string | null;
}

export interface AcceptedSubmission {
  category: ReportCategory;
  position: LonLat | null;
  address: string | null;
  /** Trimmed; null when empty. Visible only to police. */
  description: string | null;
  email: string | null;
  event: EventTime | null;
}

export interface FieldError {
  field: 'categoryCode' | 'location' | 'lat' | 'lon' | 'address' | 'description' | 'email' | EventTimeError['field'] | 'honeypot';
  message: Localized;
}

export type IntakeResult =
  | { ok: true; value: AcceptedSubmission }
  /** `spam`: the honeypot was filled; answer as if accepted and drop it, so bots learn nothing. */
  | { ok: false; errors: FieldError[]; spam: boolean };

export const descriptionMaxLength = 500;

/** Poland's bounding box with a margin: a cheap check before the point-in-unit lookup. */
export const polandBounds = { minLat: 49.0, maxLat: 55.1, minLon: 14.1, maxLon: 24.2 } as const;

const length = (text: string) => [...text].length;
const blank = (text: string | null | undefined) => (text ?? '').trim() === '';

/** "maj–wrzesień" / "May–September": the months a seasonal category is offered. */
function seasonText(season: NonNullable<ReportCategory['season']>): Localized {
  const month = (locale: string, m: number) =>
    new Intl.DateTimeFormat(locale, { month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2000, m - 1, 1)));
  return {
    pl: `${month('pl-PL', season.fromMonth)}–${month('pl-PL', season.toMonth)}`,
    en: `${month('en-GB', season.fromMonth)}–${month('en-GB', season.toMonth)}`,
  };
}

/** Checks a submission against the catalogue at `now`; every problem is reported at once. */
export function validateSubmission(input: ReportSubmission, catalogue: readonly ReportCategory[], now: Date): IntakeResult {
  if (!blank(input.honeypot)) {
    return { ok: false, spam: true, errors: [{ field: 'honeypot', message: { pl: 'Zgłoszenie odrzucone.', en: 'Submission rejected.' } }] };
  }
  const errors: FieldError[] = [];
  const fail = (field: FieldError['field'], pl: string, en: string) => errors.push({ field, message: { pl, en } });

  const category = findCategory(catalogue, input.categoryCode);
  if (!category) fail('categoryCode', 'Wybierz kategorię zagrożenia z listy.', 'Choose a threat category from the list.');
  else if (!category.active)
    fail(
      'categoryCode',
      `Kategoria „${category.name.pl}” nie jest już dostępna.`,
      `The category "${category.name.en}" is no longer available.`,
    );
  else if (!inSeason(category, now)) {
    const months = seasonText(category.season!);
    fail(
      'categoryCode',
      `Kategoria „${category.name.pl}” jest dostępna tylko w miesiącach ${months.pl}.`,
      `The category "${category.name.en}" is available only in ${months.en}.`,
    );
  }

  const position = checkPosition(input, fail);
  const address = blank(input.address) ? null : input.address!.trim();
  if (address !== null && (length(address) < 3 || length(address) > 200))
    fail('address', 'Adres musi mieć od 3 do 200 znaków.', 'The address must be 3 to 200 characters long.');

  const description = blank(input.description) ? null : input.description!.trim();
  if (description === null && category?.descriptionRequired) {
    fail(
      'description',
      `W kategorii „${category.name.pl}” opis zagrożenia jest wymagany.`,
      `A description is required in the category "${category.name.en}".`,
    );
  }
  if (description !== null && length(description) > descriptionMaxLength) {
    fail(
      'description',
      `Opis może mieć najwyżej ${descriptionMaxLength} znaków (obecnie ${length(description)}).`,
      `The description may be at most ${descriptionMaxLength} characters long (now ${length(description)}).`,
    );
  }

  const email = blank(input.email) ? null : input.email!.trim();
  if (email !== null && email.length > emailMaxLength)
    fail(
      'email',
      `Adres e-mail może mieć najwyżej ${emailMaxLength} znaki.`,
      `The email address may be at most ${emailMaxLength} characters long.`,
    );
  else if (email !== null && !looksLikeEmail(email))
    fail(
      'email',
      'Podaj poprawny adres e-mail, np. jan.kowalski@example.pl.',
      'Enter a valid email address, e.g. jan.kowalski@example.com.',
    );

  // How old an event may be is a setting of the report's unit, known only once it is placed (submit-report.ts).
  const event = readEventTime({ date: input.eventDate, time: input.eventTime }, now);
  if (!event.ok) errors.push(...event.errors);

  if (errors.length > 0 || !category) return { ok: false, spam: false, errors };
  return { ok: true, value: { category, position, address, description, email, event: event.ok ? event.value : null } };
}

function checkPosition(input: ReportSubmission, fail: (field: FieldError['field'], pl: string, en: string) => void): LonLat | null {
  const hasLat = input.lat !== null && input.lat !== undefined;
  const hasLon = input.lon !== null && input.lon !== undefined;
  if (!hasLat && !hasLon) {
    if (blank(input.address))
      fail('location', 'Wskaż miejsce na mapie albo podaj adres.', 'Mark the place on the map or enter an address.');
    return null;
  }
  if (!hasLat || !hasLon) {
    fail(
      hasLat ? 'lon' : 'lat',
      'Podaj obie współrzędne: szerokość i długość geograficzną.',
      'Give both coordinates: latitude and longitude.',
    );
    return null;
  }
  const { lat, lon } = input as { lat: number; lon: number };
  const b = polandBounds;
  const latOk = Number.isFinite(lat) && lat >= b.minLat && lat <= b.maxLat;
  const lonOk = Number.isFinite(lon) && lon >= b.minLon && lon <= b.maxLon;
  if (!latOk) fail('lat', 'Wskazane miejsce leży poza Polską (szerokość geograficzna).', 'The place is outside Poland (latitude).');
  if (!lonOk) fail('lon', 'Wskazane miejsce leży poza Polską (długość geograficzna).', 'The place is outside Poland (longitude).');
  return latOk && lonOk ? { lon, lat } : null;
}

// The period of a limit in the accusative Polish takes after "na" (na dobę, na 2 godziny, na 5 minut).
const periods: { size: number; pl: { one: string; few: string; many: string }; en: [string, string] }[] = [
  { size: 86_400, pl: { one: 'dobę', few: 'dni', many: 'dni' }, en: ['a day', 'days'] },
  { size: 3600, pl: { one: 'godzinę', few: 'godziny', many: 'godzin' }, en: ['an hour', 'hours'] },
  { size: 60, pl: { one: 'minutę', few: 'minuty', many: 'minut' }, en: ['a minute', 'minutes'] },
  { size: 1, pl: { one: 'sekundę', few: 'sekundy', many: 'sekund' }, en: ['a second', 'seconds'] },
];

/**
 * A limit as people say it: "1 zgłoszenie na dobę", "5 zgłoszeń na 2 godziny" / "1 report a day",
 * "5 reports per 2 hours". Pages and messages use this.
 */
export function describeRateLimit(policy: RateLimitPolicy, lang: Lang): string {
  const { max, windowSeconds: w } = policy;
  const period = periods.find((p) => w % p.size === 0)!;
  const count = w / period.size;
  if (lang === 'pl') {
    const reports = plural('pl', max, { one: 'zgłoszenie', few: 'zgłoszenia', many: 'zgłoszeń', other: 'zgłoszenia' });
    const unit =
      count === 1
        ? period.pl.one
        : plural('pl', count, { one: period.pl.one, few: period.pl.few, many: period.pl.many, other: period.pl.few });
    return `${formatNumber(max, 'pl')} ${reports} na ${count === 1 ? '' : `${formatNumber(count, 'pl')} `}${unit}`;
  }
  const reports = max === 1 ? 'report' : 'reports';
  return `${formatNumber(max, 'en')} ${reports} ${count === 1 ? period.en[0] : `per ${formatNumber(count, 'en')} ${period.en[1]}`}`;
}
