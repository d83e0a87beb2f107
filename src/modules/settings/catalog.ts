import type { Localized } from '../../platform/i18n/i18n.js';

/**
 * Every rule that regulations or a commander set, as data (ustawienia): its default, unit, range,
 * the sentence that explains it and the regulation it comes from. The admin page and API list
 * exactly these; the code reads them only through `readSetting` (index.ts), never as constants.
 *
 * `tighten` says which way a voivodeship (KWP/KSP) may move a value for its units: 'lower' for a
 * limit or a deadline in days (fewer files, sooner take-up), 'higher' where more is stricter (a
 * plan submitted more days ahead); null where one national value must hold (the per-IP limit is
 * counted before the report's place is known).
 */
export type SettingUnit = 'days' | 'count' | 'megabytes' | 'minutes' | 'months' | 'degrees' | 'zoom';
export type SettingGroup = 'reportLimits' | 'verification' | 'plans' | 'retention' | 'attachments' | 'map' | 'dashboard';

export interface SettingDefinition {
  group: SettingGroup;
  /** 'integerList': a short list of whole numbers (the reminder days). */
  type: 'integer' | 'decimal' | 'integerList';
  default: number | readonly number[];
  min: number;
  max: number;
  unit: SettingUnit;
  label: Localized;
  explanation: Localized;
  /** The provision the rule comes from, when one does (Polish citation in both languages' text). */
  regulation: Localized | null;
  tighten: 'lower' | 'higher' | null;
}

export const settingCatalog = {
  // The report form (issue 17). KMZB takes at most 3 files of 5 MB in all (domain.md, "Intake").
  'attachments.maxFiles': {
    group: 'attachments',
    type: 'integer',
    default: 3,
    min: 0,
    max: 10,
    unit: 'count',
    label: { pl: 'Liczba załączników zgłoszenia', en: 'Attachments per report' },
    explanation: {
      pl: 'Ile plików (zdjęć, nagrań, dokumentów) mieszkaniec może dołączyć do jednego zgłoszenia. 0 wyłącza załączniki.',
      en: 'How many files (photos, videos, documents) a resident may attach to one report. 0 turns attachments off.',
    },
    regulation: { pl: 'Regulamin KMZB: do 3 załączników', en: 'KMZB terms: up to 3 attachments' },
    tighten: 'lower',
  },
  'attachments.maxTotalMegabytes': {
    group: 'attachments',
    type: 'integer',
    default: 5,
    min: 1,
    max: 50,
    unit: 'megabytes',
    label: { pl: 'Łączny rozmiar załączników', en: 'Total size of attachments' },
    explanation: {
      pl: 'Największy łączny rozmiar plików jednego zgłoszenia, liczony przed usunięciem ukrytych danych ze zdjęć.',
      en: 'The largest total size of one report’s files, counted before hidden data are removed from photos.',
    },
    regulation: { pl: 'Regulamin KMZB: łącznie do 5 MB', en: 'KMZB terms: 5 MB in all' },
    tighten: 'lower',
  },
  // Older events are history, not a threat to verify on the spot.
  'reports.eventMaxAgeDays': {
    group: 'reportLimits',
    type: 'integer',
    default: 30,
    min: 1,
    max: 365,
    unit: 'days',
    label: { pl: 'Najstarsze zdarzenie do zgłoszenia', en: 'Oldest event that may be reported' },
    explanation: {
      pl: 'Ile dni wstecz może sięgać data zdarzenia podana w zgłoszeniu.',
      en: 'How many days back the date of the reported event may go.',
    },
    regulation: null,
    tighten: 'lower',
  },
} as const satisfies Record<string, SettingDefinition>;

export type SettingId = keyof typeof settingCatalog;
/** The value type of a setting: a list for 'integerList', otherwise a number. */
export type SettingValue<Id extends SettingId> = (typeof settingCatalog)[Id]['type'] extends 'integerList' ? number[] : number;
export const settingIds = Object.keys(settingCatalog) as SettingId[];
