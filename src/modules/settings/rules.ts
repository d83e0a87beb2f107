import type { Localized } from '../../platform/i18n/i18n.js';
import { maxListLength, settingCatalog, type SettingDefinition, type SettingId } from './catalog.js';

/**
 * What a value of a setting may be, and which value holds where. Plain functions over plain data:
 * the catalogue's ranges, the voivodeship's tightening and the rules that tie two settings together.
 */
export type StoredValue = number | number[];

export interface SettingProblem {
  id: SettingId;
  message: Localized;
}

const isWhole = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value);
const inRange = (value: number, d: SettingDefinition) => value >= d.min && value <= d.max;
const number = (value: number) => ({ pl: String(value).replace('.', ','), en: String(value) });

/**
 * Why `value` is not acceptable for `id` (in range, whole where it must be, a short list of different
 * days), or null. `shown`: the range the message names, where the person may type less than the
 * catalogue's (a voivodeship's stricter range; the check itself is the catalogue's).
 */
export function valueProblem(id: SettingId, value: unknown, shown?: { min: number; max: number } | null): Localized | null {
  const d: SettingDefinition = settingCatalog[id];
  const range = shown && shown.min <= shown.max ? shown : d;
  const [min, max] = [number(range.min), number(range.max)];
  if (d.type === 'integerList') {
    if (!Array.isArray(value) || !value.every((v) => isWhole(v) && inRange(v, d)))
      return {
        pl: `${d.label.pl}: podaj liczby całkowite od ${min.pl} do ${max.pl}, oddzielone przecinkami.`,
        en: `${d.label.en}: give whole numbers from ${min.en} to ${max.en}, separated by commas.`,
      };
    if (new Set(value).size !== value.length || value.length > maxListLength)
      return {
        pl: `${d.label.pl}: podaj najwyżej ${maxListLength} różnych liczb.`,
        en: `${d.label.en}: give at most ${maxListLength} different numbers.`,
      };
    return null;
  }
  const ok = d.type === 'integer' ? isWhole(value) : typeof value === 'number' && Number.isFinite(value);
  if (ok && inRange(value as number, d)) return null;
  const kind = d.type === 'integer' ? { pl: 'liczbą całkowitą', en: 'a whole number' } : { pl: 'liczbą', en: 'a number' };
  return {
    pl: `${d.label.pl}: wartość musi być ${kind.pl} od ${min.pl} do ${max.pl}.`,
    en: `${d.label.en}: the value must be ${kind.en} from ${min.en} to ${max.en}.`,
  };
}

/** A list is kept sorted from the furthest day, so "1, 7" and "7, 1" are one value. */
export function normalValue(value: StoredValue): StoredValue {
  return Array.isArray(value) ? [...value].sort((a, b) => b - a) : value;
}

/**
 * Whether `candidate` is stricter than `base` in the setting's direction. A list is stricter when
 * it reminds of everything the base does and more (it can only add reminders).
 */
export function isStricter(id: SettingId, candidate: StoredValue, base: StoredValue): boolean {
  const { tighten } = settingCatalog[id] as SettingDefinition;
  if (tighten === null || Array.isArray(candidate) || Array.isArray(base)) return false;
  return tighten === 'lower' ? candidate < base : candidate > base;
}

/**
 * The value in force: the national one (stored, else the default), replaced by a voivodeship's
 * value only where that is stricter. A voivodeship value that is no longer stricter (the national
 * one was tightened since) simply stops counting; a damaged stored value counts as missing.
 */
export function effectiveValue(id: SettingId, national: unknown, voivodeship: unknown): StoredValue {
  const d: SettingDefinition = settingCatalog[id];
  const base = national !== undefined && valueProblem(id, national) === null ? (national as StoredValue) : defaultValue(id);
  if (d.tighten === null || voivodeship === undefined || valueProblem(id, voivodeship) !== null) return base;
  return isStricter(id, voivodeship as StoredValue, base) ? (voivodeship as StoredValue) : base;
}

export function defaultValue(id: SettingId): StoredValue {
  const value: number | readonly number[] = settingCatalog[id].default;
  return typeof value === 'number' ? value : [...value];
}

/**
 * Why a voivodeship value cannot be stored: the setting has no voivodeship values, or the value is
 * not stricter than the national one in force.
 */
export function voivodeshipProblem(id: SettingId, value: StoredValue, national: StoredValue): Localized | null {
  const d: SettingDefinition = settingCatalog[id];
  if (d.tighten === null)
    return {
      pl: `${d.label.pl}: to ustawienie jest jedno dla całego kraju; województwo nie może go zmienić.`,
      en: `${d.label.en}: this setting is one for the whole country; a voivodeship cannot change it.`,
    };
  if (isStricter(id, value, national)) return null;
  const way = d.tighten === 'lower' ? { pl: 'mniejsza', en: 'lower' } : { pl: 'większa', en: 'higher' };
  return {
    pl: `${d.label.pl}: województwo może tylko zaostrzyć wartość krajową (${number(national as number).pl}): musi być ${way.pl}.`,
    en: `${d.label.en}: a voivodeship may only tighten the national value (${number(national as number).en}): it must be ${way.en}.`,
  };
}

/**
 * The values a voivodeship may store for `id` while `national` holds: those stricter than it and in
 * the catalogue's range (whole numbers, so one step from the national value). null: the full range
 * (a setting without voivodeship values, or not a whole number). An empty range (min > max) means
 * the national value is already the strictest there is.
 */
export function voivodeshipRange(id: SettingId, national: StoredValue): { min: number; max: number } | null {
  const d: SettingDefinition = settingCatalog[id];
  if (d.tighten === null || d.type !== 'integer' || Array.isArray(national)) return null;
  return d.tighten === 'lower' ? { min: d.min, max: Math.min(d.max, national - 1) } : { min: Math.max(d.min, national + 1), max: d.max };
}

/**
 * Rules that tie settings together, checked on every change against all values in force (one
 * scope): the burst limit is a part of the daily one, and reporters' IP addresses are kept at
 * least as long as the per-IP limit counts back (a day), or it would count reports whose address
 * is already gone.
 */
const crossRules: { ids: readonly SettingId[]; problem: (v: (id: SettingId) => StoredValue) => SettingProblem | null }[] = [
  {
    ids: ['reports.perIpPer10Minutes', 'reports.perIpPerDay'],
    problem: (v) =>
      (v('reports.perIpPer10Minutes') as number) > (v('reports.perIpPerDay') as number)
        ? {
            id: 'reports.perIpPer10Minutes',
            message: {
              pl: 'Limit zgłoszeń z adresu IP na 10 minut nie może być większy niż limit dobowy.',
              en: 'The per-IP limit for 10 minutes cannot exceed the daily one.',
            },
          }
        : null,
  },
  {
    ids: ['retention.reporterIpDays'],
    problem: (v) =>
      (v('retention.reporterIpDays') as number) < perIpWindowDays
        ? {
            id: 'retention.reporterIpDays',
            message: {
              pl: `Adres IP zgłaszającego trzeba przechowywać co najmniej ${perIpWindowDays} dzień: tyle obejmuje limit zgłoszeń z jednego adresu.`,
              en: `The reporter's IP address must be kept for at least ${perIpWindowDays} day: the per-address report limit counts that far back.`,
            },
          }
        : null,
  },
];

/** The per-IP limit counts one day back. */
export const perIpWindowDays = 1;

/** Problems of settings tied together, for values that are each in range. */
export function crossProblems(values: (id: SettingId) => StoredValue): SettingProblem[] {
  return crossRules.map((rule) => rule.problem(values)).filter((p): p is SettingProblem => p !== null);
}
