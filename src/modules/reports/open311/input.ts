import { AppError } from '../../../platform/http/errors.js';
import type { Localized } from '../../../platform/i18n/i18n.js';

/** A parameter that could not be read (400): which one, and why, in both languages. */
export class ParameterProblem extends AppError {
  constructor(
    readonly parameter: string,
    text: Localized,
  ) {
    super(400, 'invalid_parameter', text, { parameter });
  }
}

// W3C note on ISO 8601 (https://www.w3.org/TR/NOTE-datetime): YYYY-MM-DDThh:mm[:ss[.s]]TZD, where
// the specification requires the zone: Z or ±hh:mm. A "+" sent unencoded in a query string arrives
// as a space, so " 01:00" at the end is read as "+01:00".
const w3cDateTime = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|([+\- ])(\d{2}):?(\d{2}))$/;

/** Reads a W3C date-time with its time zone; null when the text is not one (or names no real moment). */
export function parseW3cDateTime(text: string): Date | null {
  const m = w3cDateTime.exec(text.trim());
  if (!m) return null;
  const [year, month, day, hour, minute] = [m[1], m[2], m[3], m[4], m[5]].map(Number) as [number, number, number, number, number];
  const second = m[6] === undefined ? 0 : Number(m[6]);
  const millis = m[7] === undefined ? 0 : Number(m[7].padEnd(3, '0').slice(0, 3));
  // Year 0000 exists in JavaScript (1 BC) but not in PostgreSQL, which failed on it with a 500.
  if (year < 1 || month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return null;
  if (new Date(Date.UTC(year, month, 0)).getUTCDate() < day) return null;
  let offsetMinutes = 0;
  if (m[8] !== 'Z') {
    const [oh, om] = [Number(m[10]), Number(m[11])];
    if (oh > 14 || om > 59) return null;
    offsetMinutes = (m[9] === '-' ? -1 : 1) * (oh * 60 + om);
  }
  const utc = new Date(0);
  utc.setUTCFullYear(year, month - 1, day);
  utc.setUTCHours(hour, minute, second, millis);
  const instant = new Date(utc.getTime() - offsetMinutes * 60_000);
  // An offset can carry a time past year 9999 or before year 1 (9999-12-31T23:59:59-14:00), which
  // PostgreSQL cannot read from the driver's text: such a time is no date we can search by.
  const utcYear = instant.getUTCFullYear();
  return utcYear < 1 || utcYear > 9999 ? null : instant;
}

export function dateParameter(name: string, value: string | undefined): Date | null {
  if (value === undefined || value.trim() === '') return null;
  const date = parseW3cDateTime(value);
  if (!date) {
    throw new ParameterProblem(name, {
      pl: `Parametr ${name} musi być datą i godziną ze strefą czasową w formacie W3C (ISO 8601), np. 2026-11-05T08:15:30Z lub 2026-11-05T09:15:30+01:00.`,
      en: `The parameter ${name} must be a date and time with a time zone in the W3C (ISO 8601) format, e.g. 2026-11-05T08:15:30Z or 2026-11-05T09:15:30+01:00.`,
    });
  }
  return date;
}

/** "a,b,,c " → ["a", "b", "c"], without repeats; undefined or empty → null (no filter). */
export function commaList(value: string | undefined): string[] | null {
  if (value === undefined) return null;
  const items = [
    ...new Set(
      value
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s !== ''),
    ),
  ];
  return items.length ? items : null;
}

export const maxIdsPerQuery = 100;

/** service_request_id=12,15: public report numbers. */
export function idList(name: string, value: string | undefined): number[] | null {
  const items = commaList(value);
  if (!items) return null;
  if (items.length > maxIdsPerQuery) {
    throw new ParameterProblem(name, {
      pl: `Parametr ${name} może zawierać najwyżej ${maxIdsPerQuery} numerów.`,
      en: `The parameter ${name} may hold at most ${maxIdsPerQuery} numbers.`,
    });
  }
  const bad = items.find((s) => !/^[1-9]\d{0,15}$/.test(s) || !Number.isSafeInteger(Number(s)));
  if (bad !== undefined) {
    throw new ParameterProblem(name, {
      pl: `Parametr ${name} zawiera nieprawidłowy numer zgłoszenia „${bad}”; podaj liczby całkowite dodatnie oddzielone przecinkami.`,
      en: `The parameter ${name} holds an invalid request number "${bad}"; give positive whole numbers separated by commas.`,
    });
  }
  return items.map(Number);
}

/** status=open,closed. */
export function statusList(value: string | undefined): ('open' | 'closed')[] | null {
  const items = commaList(value);
  if (!items) return null;
  const bad = items.find((s) => s !== 'open' && s !== 'closed');
  if (bad !== undefined) {
    throw new ParameterProblem('status', {
      pl: `Nieznany status „${bad}”: dozwolone są open i closed (oddzielone przecinkiem).`,
      en: `Unknown status "${bad}": use open and/or closed (comma-separated).`,
    });
  }
  return items as ('open' | 'closed')[];
}

/**
 * A coordinate from a JSON number or a form field's text. Empty text is "not given"; anything
 * else that is not a plain decimal number is a 400.
 */
export function coordinate(name: string, value: number | string | undefined | null): number | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw notANumber(name);
    return value;
  }
  const text = value.trim();
  if (text === '') return null;
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(text)) throw notANumber(name);
  return Number(text);
}

const notANumber = (name: string) =>
  new ParameterProblem(name, {
    pl: `Parametr ${name} musi być liczbą dziesiętną w stopniach WGS84, np. 51.4597.`,
    en: `The parameter ${name} must be a decimal number in WGS84 degrees, e.g. 51.4597.`,
  });

/** Optional text fields: empty and whitespace-only mean "not given". */
export function optionalText(value: string | undefined | null): string | null {
  if (value === undefined || value === null) return null;
  return value.trim() === '' ? null : value;
}
