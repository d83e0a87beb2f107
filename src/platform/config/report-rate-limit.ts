import type { Localized } from '../i18n/i18n.js';

/** How many reports one IP address may send in a window: one a day by default (domain.md). */
export interface RateLimitPolicy {
  max: number;
  windowSeconds: number;
}

export const defaultRateLimit: RateLimitPolicy = { max: 1, windowSeconds: 86_400 };

const unitSeconds: Record<string, number> = {
  s: 1,
  sec: 1,
  second: 1,
  m: 60,
  min: 60,
  minute: 60,
  h: 3600,
  hour: 3600,
  d: 86_400,
  day: 86_400,
};
const maxWindowSeconds = 366 * 86_400;

/** Reads "1/day", "5/hour", "10/60s", "3/2h": a count, a slash, an optional multiplier and a unit. */
export function parseRateLimit(text: string): { ok: true; value: RateLimitPolicy } | { ok: false; error: Localized } {
  const match = /^\s*(\d{1,6})\s*\/\s*(\d{1,8})?\s*([a-z]+)\s*$/i.exec(text);
  const unit = match?.[3]?.toLowerCase().replace(/(?<=.{2})s$/, '');
  const size = unit !== undefined && Object.hasOwn(unitSeconds, unit) ? unitSeconds[unit] : undefined;
  if (!match || size === undefined) {
    return {
      ok: false,
      error: {
        pl: `Nieprawidłowy limit „${text.trim()}”: podaj liczbę i okres, np. „1/day”, „5/hour” lub „10/60s”.`,
        en: `Invalid limit "${text.trim()}": give a count and a period, e.g. "1/day", "5/hour" or "10/60s".`,
      },
    };
  }
  const max = Number(match[1]);
  const windowSeconds = Number(match[2] ?? 1) * size;
  if (max < 1)
    return {
      ok: false,
      error: { pl: 'Limit musi dopuszczać co najmniej jedno zgłoszenie.', en: 'The limit must allow at least one report.' },
    };
  if (windowSeconds < 1 || windowSeconds > maxWindowSeconds) {
    return {
      ok: false,
      error: { pl: 'Okres limitu musi wynosić od 1 sekundy do 366 dni.', en: 'The limit period must be from 1 second to 366 days.' },
    };
  }
  return { ok: true, value: { max, windowSeconds } };
}

/** The canonical text of a policy, read back by parseRateLimit: "1/day", "5/2h", "10/90s". */
export function formatRateLimit(policy: RateLimitPolicy): string {
  const { max, windowSeconds: w } = policy;
  const [size, short, long] =
    w % 86_400 === 0 ? [86_400, 'd', 'day'] : w % 3600 === 0 ? [3600, 'h', 'hour'] : w % 60 === 0 ? [60, 'min', 'min'] : [1, 's', 's'];
  const count = w / size;
  return count === 1 ? `${max}/${long}` : `${max}/${count}${short}`;
}
