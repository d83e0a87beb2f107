import type { Localized } from '../../platform/i18n/i18n.js';

/**
 * Every rule that regulations or a commander set, as data (ustawienia): its default, unit, range,
 * the sentence that explains it and the regulation it comes from. The admin page and API list
 * exactly these; the code reads them only through `readSetting` (index.ts), never as constants.
 *
 * `tighten` says which way a voivodeship (KWP/KSP) may move a value for its units: 'lower' for a
 * limit or a deadline in days (fewer files, sooner take-up), 'higher' where more is stricter (a
 * plan submitted more days ahead); null where one national value must hold (the per-IP limit is
 * counted before the report's place is known; mail, the map and the dashboard are the same for all).
 */
export type SettingUnit = 'days' | 'reports' | 'files' | 'megabytes' | 'minutes' | 'months' | 'degrees' | 'zoom';
export type SettingGroup = 'reportLimits' | 'verification' | 'plans' | 'retention' | 'attachments' | 'map' | 'dashboard';
export const settingGroups: readonly SettingGroup[] = [
  'reportLimits',
  'verification',
  'plans',
  'retention',
  'attachments',
  'map',
  'dashboard',
];

export interface SettingDefinition {
  group: SettingGroup;
  /** 'integerList': a short list of different whole numbers (the reminder days). */
  type: 'integer' | 'decimal' | 'integerList';
  default: number | readonly number[];
  /** The range of a value (of each number of a list). */
  min: number;
  max: number;
  unit: SettingUnit;
  label: Localized;
  explanation: Localized;
  /** The provision the rule comes from, when one does (Polish citation in both languages' text). */
  regulation: Localized | null;
  tighten: 'lower' | 'higher' | null;
}

interface Texts {
  label: Localized;
  explanation: Localized;
  regulation?: Localized;
}

type Range = readonly [min: number, max: number];
type Integer = SettingDefinition & { type: 'integer'; default: number };

const integer = (
  group: SettingGroup,
  value: number,
  [min, max]: Range,
  unit: SettingUnit,
  tighten: SettingDefinition['tighten'],
  t: Texts,
) => ({ group, type: 'integer', default: value, min, max, unit, tighten, ...t, regulation: t.regulation ?? null }) as Integer;

const halfYear = {
  pl: 'Zarządzenie nr 5 KGP z 20 czerwca 2016 r., § 38 ust. 1',
  en: 'Zarządzenie nr 5 KGP z 20 czerwca 2016 r., § 38 ust. 1',
};
const takeUp = { pl: 'Wytyczne nr 3 KGP z 14 września 2016 r., § 5 ust. 1', en: 'Wytyczne nr 3 KGP z 14 września 2016 r., § 5 ust. 1' };
const gdpr = { pl: 'RODO, art. 5 ust. 1 lit. e (ograniczenie przechowywania)', en: 'GDPR, Art. 5(1)(e) (storage limitation)' };
const kmzb = (pl: string, en: string) => ({ pl: `Regulamin KMZB: ${pl}`, en: `KMZB terms: ${en}` });

/** A retention period in days after the piece's clock starts (privacy/rules.ts says which clock). */
// A report's personal data may be kept shorter in a voivodeship ('lower'). IP addresses (of reporters,
// "me too" and residents' audit entries alike), staff IPs and the outbox belong to no one unit: one
// national period holds for them.
const retention = (value: number, max: number, pl: string, en: string, tighten: 'lower' | null = 'lower') =>
  integer('retention', value, [1, max], 'days', tighten, {
    label: { pl: `Przechowywanie: ${pl}`, en: `Keep ${en}` },
    explanation: { pl: `Po tylu dniach zadanie retencji usuwa ${pl}.`, en: `After this many days the retention job erases ${en}.` },
    regulation: gdpr,
  });

export const settingCatalog = {
  // Report limits (limity zgłoszeń). The per-IP limit is counted before the report's place is known.
  'reports.perIpPerDay': integer('reportLimits', 1, [1, 100_000], 'reports', null, {
    label: { pl: 'Zgłoszenia z jednego adresu IP na dobę', en: 'Reports per IP address per day' },
    explanation: {
      pl: 'Ile zgłoszeń przyjmujemy z jednego adresu IP w ciągu 24 godzin.',
      en: 'How many reports one IP address may send in 24 hours.',
    },
    regulation: kmzb('jedno zgłoszenie z adresu IP na dobę', 'one report per IP address per day'),
  }),
  'reports.perIpPer10Minutes': integer('reportLimits', 1, [1, 100_000], 'reports', null, {
    label: { pl: 'Zgłoszenia z jednego adresu IP na 10 minut', en: 'Reports per IP address per 10 minutes' },
    explanation: {
      pl: 'Hamuje serię zgłoszeń wysłanych naraz; nie może być większy niż limit dobowy.',
      en: 'Slows down a series sent at once; never more than the daily limit.',
    },
  }),
  // Floods (napływ zgłoszeń), counted per district and hour whoever sends them (reports/rules/floods.ts).
  'reports.categoryPerHour': integer('reportLimits', 5, [1, 10_000], 'reports', 'lower', {
    label: { pl: 'Zgłoszenia jednej kategorii w rejonie na godzinę', en: 'Reports of one category per district and hour' },
    explanation: {
      pl: 'Kolejne zgłoszenia czekają na przegląd, zanim trafią na mapę.',
      en: 'Further reports wait for review before they reach the map.',
    },
  }),
  'reports.districtPerHour': integer('reportLimits', 15, [1, 10_000], 'reports', 'lower', {
    label: { pl: 'Wszystkie zgłoszenia w rejonie na godzinę', en: 'All reports per district and hour' },
    explanation: {
      pl: 'Kolejne zgłoszenia czekają na przegląd, zanim trafią na mapę.',
      en: 'Further reports wait for review before they reach the map.',
    },
  }),
  'reports.mailedPerHour': integer('reportLimits', 5, [0, 10_000], 'reports', null, {
    label: { pl: 'Pojedyncze e-maile do rejonu na godzinę', en: 'Single e-mails to a district per hour' },
    explanation: {
      pl: 'Pozostałe zgłoszenia godziny trafiają do zestawienia. 0: wszystkie.',
      en: 'The hour’s other reports go into the digest. 0: all of them.',
    },
  }),
  'reports.digestMinutes': integer('reportLimits', 60, [1, 1440], 'minutes', null, {
    label: { pl: 'Okres zestawienia zgłoszeń', en: 'Digest period' },
    explanation: {
      pl: 'Jak długo zestawienie zbiera zgłoszenia, zanim zostanie wysłane.',
      en: 'How long a digest collects reports before it is mailed.',
    },
  }),
  // Older events are history, not a threat to verify on the spot.
  'reports.eventMaxAgeDays': integer('reportLimits', 30, [1, 365], 'days', 'lower', {
    label: { pl: 'Najstarsze zdarzenie do zgłoszenia', en: 'Oldest event that may be reported' },
    explanation: {
      pl: 'Ile dni wstecz może sięgać data zdarzenia podana w zgłoszeniu.',
      en: 'How many days back the date of the reported event may go.',
    },
  }),
  // Verification (weryfikacja zgłoszeń): Polish calendar days (reports/rules/deadlines.ts).
  'reports.takeUpDays': integer('verification', 3, [1, 90], 'days', 'lower', {
    label: { pl: 'Termin podjęcia zgłoszenia', en: 'Time to take up a report' },
    explanation: {
      pl: 'W tylu dniach koordynator podejmuje nowe zgłoszenie i zakłada kartę weryfikacji. Zmiana dotyczy także zgłoszeń już przyjętych: termin liczy się z wartości obowiązującej.',
      en: 'Within this many days the coordinator takes up a new report and opens its verification card. A change applies to reports already received too: the deadline is computed from the value in force.',
    },
    regulation: takeUp,
  }),
  'reports.verifyDays': integer('verification', 5, [1, 90], 'days', 'lower', {
    label: { pl: 'Termin weryfikacji zgłoszenia', en: 'Time to verify a report' },
    explanation: {
      pl: 'W tylu dniach od podjęcia zapada decyzja w sprawie zgłoszenia. Zmiana dotyczy także zgłoszeń już przyjętych: termin liczy się z wartości obowiązującej.',
      en: 'Within this many days of take-up the report is decided. A change applies to reports already received too: the deadline is computed from the value in force.',
    },
  }),
  // Priority action plans (plany działań priorytetowych), plans/rules.ts.
  'plans.maxPeriodMonths': integer('plans', 6, [1, 12], 'months', 'lower', {
    label: { pl: 'Najdłuższy okres planu', en: 'Longest plan period' },
    explanation: {
      pl: 'Plan działań priorytetowych obejmuje najwyżej tyle miesięcy.',
      en: 'A priority action plan covers at most this many months.',
    },
    regulation: halfYear,
  }),
  'plans.submitDaysBeforeStart': integer('plans', 14, [0, 90], 'days', 'higher', {
    label: { pl: 'Złożenie planu przed początkiem okresu', en: 'Submitting a plan before its period' },
    explanation: {
      pl: 'Tyle dni przed początkiem okresu dzielnicowy składa plan.',
      en: 'The officer submits the plan this many days before its period starts.',
    },
  }),
  'plans.approvalDays': integer('plans', 7, [1, 60], 'days', 'lower', {
    label: { pl: 'Termin zatwierdzenia planu', en: 'Time to approve a plan' },
    explanation: {
      pl: 'W tylu dniach od złożenia przełożony zatwierdza plan. Zmiana dotyczy także planów już złożonych: termin liczy się z wartości obowiązującej.',
      en: 'Within this many days of submission the supervisor approves the plan. A change applies to plans already submitted too: the deadline is computed from the value in force.',
    },
  }),
  'plans.publicationDays': integer('plans', 7, [1, 60], 'days', 'lower', {
    label: { pl: 'Termin publikacji planu', en: 'Time to publish a plan' },
    explanation: {
      pl: 'W tylu dniach od zatwierdzenia plan trafia na stronę jednostki. Zmiana dotyczy także planów już złożonych: termin liczy się z wartości obowiązującej.',
      en: 'Within this many days of approval the plan is published. A change applies to plans already submitted too: the deadline is computed from the value in force.',
    },
  }),
  'plans.evaluationDaysAfterEnd': integer('plans', 14, [1, 90], 'days', 'lower', {
    label: { pl: 'Termin oceny planu', en: 'Time to evaluate a plan' },
    explanation: {
      pl: 'W tylu dniach od końca okresu przełożony ocenia realizację planu. Zmiana dotyczy także planów już złożonych: termin liczy się z wartości obowiązującej.',
      en: 'Within this many days of the period’s end the plan is evaluated. A change applies to plans already submitted too: the deadline is computed from the value in force.',
    },
  }),
  // Retention (privacy/rules.ts explains each default). A voivodeship's shorter period for a
  // report's description, address, exact point or notes is erased by an extra pass over its units.
  'retention.reportDescriptionDays': retention(180, 1825, 'opis zgłoszenia', 'the report’s description'),
  'retention.reportAddressDays': retention(180, 1825, 'wpisany adres', 'the typed address'),
  'retention.reportExactPointDays': retention(180, 1825, 'dokładny punkt', 'the exact point'),
  'retention.reportNotesDays': retention(180, 1825, 'notatki policji do zgłoszenia', 'police notes on the report'),
  'retention.reporterIpDays': retention(30, 90, 'adres IP zgłaszającego', 'the reporter’s IP address', null),
  'retention.staffIpDays': retention(
    90,
    365,
    'adres IP pracownika w dzienniku zmian',
    'a staff member’s IP address in the audit log',
    null,
  ),
  'retention.outboxDays': retention(30, 90, 'wiadomości e-mail w kolejce wysyłki', 'e-mail messages in the outbox', null),
  // The report form (issue 17). KMZB takes at most 3 files of 5 MB in all (domain.md, "Intake").
  'attachments.maxFiles': integer('attachments', 3, [0, 10], 'files', 'lower', {
    label: { pl: 'Liczba załączników zgłoszenia', en: 'Attachments per report' },
    explanation: {
      pl: 'Ile plików (zdjęć, nagrań, dokumentów) mieszkaniec może dołączyć do jednego zgłoszenia. 0 wyłącza załączniki.',
      en: 'How many files (photos, videos, documents) a resident may attach to one report. 0 turns attachments off.',
    },
    regulation: kmzb('do 3 załączników', 'up to 3 attachments'),
  }),
  'attachments.maxTotalMegabytes': integer('attachments', 5, [1, 50], 'megabytes', 'lower', {
    label: { pl: 'Łączny rozmiar załączników', en: 'Total size of attachments' },
    explanation: {
      pl: 'Największy łączny rozmiar plików jednego zgłoszenia, liczony przed usunięciem ukrytych danych ze zdjęć.',
      en: 'The largest total size of one report’s files, counted before hidden data are removed from photos.',
    },
    regulation: kmzb('łącznie do 5 MB', '5 MB in all'),
  }),
  // The public map's first view (within Poland); without JavaScript there is no map to move.
  'map.centreLatitude': {
    ...integer('map', 0, [49, 55], 'degrees', null, {
      label: { pl: 'Środek mapy: szerokość geograficzna', en: 'Map centre: latitude' },
      explanation: {
        pl: 'Gdzie otwiera się publiczna mapa zgłoszeń (stopnie, np. 52,1).',
        en: 'Where the public report map opens (degrees, e.g. 52.1).',
      },
    }),
    type: 'decimal',
    default: 52.1,
  },
  'map.centreLongitude': {
    ...integer('map', 0, [14, 24.2], 'degrees', null, {
      label: { pl: 'Środek mapy: długość geograficzna', en: 'Map centre: longitude' },
      explanation: {
        pl: 'Gdzie otwiera się publiczna mapa zgłoszeń (stopnie, np. 19,4).',
        en: 'Where the public report map opens (degrees, e.g. 19.4).',
      },
    }),
    type: 'decimal',
    default: 19.4,
  },
  'map.zoom': integer('map', 6, [5, 18], 'zoom', null, {
    label: { pl: 'Powiększenie mapy', en: 'Map zoom' },
    explanation: { pl: '6 pokazuje cały kraj, 12 miasto, 16 ulicę.', en: '6 shows the whole country, 12 a city, 16 a street.' },
  }),
  // The supervisor dashboard (dashboard/rules.ts).
  'dashboard.soonDays': integer('dashboard', 7, [1, 60], 'days', null, {
    label: { pl: 'Termin „zbliża się” na tyle dni przed nim', en: 'A deadline is "approaching" this many days before it' },
    explanation: {
      pl: 'Od tylu dni przed terminem tablica oznacza go jako zbliżający się.',
      en: 'From this many days before it the dashboard marks a deadline.',
    },
  }),
  'dashboard.reminderDays': {
    ...integer('dashboard', 0, [0, 60], 'days', null, {
      label: { pl: 'Przypomnienia e-mailem przed terminem', en: 'E-mail reminders before a deadline' },
      explanation: {
        pl: 'Na tyle dni przed terminem idzie przypomnienie (najwyżej 5 różnych, oddzielonych przecinkami; 0 to ostatni dzień).',
        en: 'Reminders go this many days before a deadline (at most 5 different ones, separated by commas; 0 is the last day).',
      },
    }),
    type: 'integerList',
    default: [7, 1],
  },
} as const satisfies Record<string, SettingDefinition>;

export type SettingId = keyof typeof settingCatalog;
/** The value type of a setting: a list for 'integerList', otherwise a number. */
export type SettingValue<Id extends SettingId> = (typeof settingCatalog)[Id]['type'] extends 'integerList' ? number[] : number;
export const settingIds = Object.keys(settingCatalog) as SettingId[];
/** At most this many numbers in a list setting (more reminders before one deadline are noise). */
export const maxListLength = 5;

export function isSettingId(value: unknown): value is SettingId {
  return typeof value === 'string' && Object.hasOwn(settingCatalog, value);
}

export function settingDefinition(id: SettingId): SettingDefinition {
  return settingCatalog[id];
}

/** The defaults of settings under the caller's names, as `readSettingsAs` reads them (a module's settings object). */
export function defaultsOf<Names extends Record<string, SettingId>>(names: Names): { [K in keyof Names]: SettingValue<Names[K]> } {
  return Object.fromEntries(
    Object.entries(names).map(([name, id]) => {
      const value: number | readonly number[] = settingCatalog[id].default;
      return [name, typeof value === 'number' ? value : [...value]];
    }),
  ) as { [K in keyof Names]: SettingValue<Names[K]> };
}

/** A map's first view where nothing on the page gives it one (the report map, the locator). */
export const mapViewSettingIds = { lat: 'map.centreLatitude', lon: 'map.centreLongitude', zoom: 'map.zoom' } as const satisfies Record<
  string,
  SettingId
>;
