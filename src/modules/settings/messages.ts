import { defineMessages, formatNumber, plural, type Lang, type PluralForms } from '../../platform/i18n/i18n.js';
import type { SettingGroup, SettingUnit } from './catalog.js';
import type { StoredValue } from './rules.js';

/** The words of the settings page: each unit in words with its plural forms, the groups' titles. */
const unitWords: Record<SettingUnit, Record<Lang, PluralForms>> = {
  days: { pl: { one: 'dzień', few: 'dni', many: 'dni', other: 'dnia' }, en: { one: 'day', other: 'days' } },
  reports: { pl: { one: 'zgłoszenie', few: 'zgłoszenia', many: 'zgłoszeń', other: 'zgłoszenia' }, en: { one: 'report', other: 'reports' } },
  files: { pl: { one: 'plik', few: 'pliki', many: 'plików', other: 'pliku' }, en: { one: 'file', other: 'files' } },
  megabytes: { pl: { one: 'MB', other: 'MB' }, en: { one: 'MB', other: 'MB' } },
  minutes: { pl: { one: 'minuta', few: 'minuty', many: 'minut', other: 'minuty' }, en: { one: 'minute', other: 'minutes' } },
  months: { pl: { one: 'miesiąc', few: 'miesiące', many: 'miesięcy', other: 'miesiąca' }, en: { one: 'month', other: 'months' } },
  degrees: { pl: { one: 'stopień', few: 'stopnie', many: 'stopni', other: 'stopnia' }, en: { one: 'degree', other: 'degrees' } },
  zoom: { pl: { one: 'poziom', few: 'poziomy', many: 'poziomów', other: 'poziomu' }, en: { one: 'level', other: 'levels' } },
};

/** A value with its unit in words: "3 dni", "1 zgłoszenie", "52,1 stopnia"; a list: "7, 1 (dni)". */
export function valueInWords(value: StoredValue, unit: SettingUnit, lang: Lang): string {
  if (Array.isArray(value)) {
    if (value.length === 0) return lang === 'pl' ? 'brak' : 'none';
    return `${value.map((v) => formatNumber(v, lang)).join(', ')} (${plural(lang, 5, unitWords[unit][lang])})`;
  }
  return `${formatNumber(value, lang)} ${plural(lang, value, unitWords[unit][lang])}`;
}

export const groupTitles: Record<SettingGroup, Record<Lang, string>> = {
  reportLimits: { pl: 'Limity zgłoszeń', en: 'Report limits' },
  verification: { pl: 'Terminy weryfikacji zgłoszeń', en: 'Report verification deadlines' },
  plans: { pl: 'Terminy planów działań priorytetowych', en: 'Priority action plan deadlines' },
  retention: { pl: 'Okresy przechowywania danych osobowych', en: 'Retention of personal data' },
  attachments: { pl: 'Załączniki zgłoszeń', en: 'Report attachments' },
  map: { pl: 'Publiczna mapa zgłoszeń', en: 'Public report map' },
  dashboard: { pl: 'Tablica przełożonego i przypomnienia', en: 'Supervisor dashboard and reminders' },
};

export const settingsMessages = defineMessages({
  pl: {
    title: 'Ustawienia',
    leadNational:
      'Wartości krajowe obowiązują wszystkie jednostki. Komenda wojewódzka może je zaostrzyć dla swoich jednostek tam, gdzie ustawienie na to pozwala. Puste pole przywraca wartość domyślną.',
    // The unit's name stays in the nominative (names are not declined by code): "KWP w Lublinie: zaostrzenia…".
    leadVoivodeship: (unit: string) =>
      `${unit}: zaostrzenia dla jednostek tej komendy. Obowiązują tylko wtedy, gdy są surowsze od wartości krajowej; puste pole oznacza wartość krajową. Pozostałe ustawienia zmienia administrator krajowy.`,
    leadReadOnly: 'Wartości obowiązujące Twoją jednostkę. Zmienia je administrator krajowy lub komendy wojewódzkiej.',
    leadForVoivodeship: (unit: string) =>
      `${unit}: zaostrzenia dla jednostek tej komendy, tak jak widzi je jej administrator. Obowiązują tylko wtedy, gdy są surowsze od wartości krajowej; puste pole oznacza wartość krajową.`,
    voivodeshipChoice: 'Zaostrzenia województwa',
    voivodeshipChoiceHint: 'Ustawienia, które komenda wojewódzka lub stołeczna zaostrzyła dla swoich jednostek, możesz też zmienić za nią.',
    nationalChoice: 'Wartości krajowe',
    show: 'Pokaż',
    backToNational: 'Wróć do wartości krajowych',
    inForce: 'Obowiązuje',
    national: 'Wartość krajowa',
    defaultValue: 'Domyślnie',
    regulation: 'Podstawa',
    lastChange: 'Ostatnia zmiana',
    never: 'nie zmieniano (wartość domyślna)',
    migrated: 'przeniesiona z poprzedniej wersji',
    voivodeships: 'Zaostrzenia województw',
    ownValue: 'Wartość województwa',
    nationalOnly: 'Jedna wartość dla całego kraju.',
    save: (group: string) => `Zapisz: ${group.toLowerCase()}`,
    saved: 'Ustawienia zapisano. Obowiązują od razu we wszystkich instancjach.',
    range: (min: string, max: string) => `Od ${min} do ${max}.`,
    listHint: 'Liczby oddzielone przecinkami.',
    noEffect: 'nie działa: wartość krajowa jest surowsza',
    ownNoEffect: 'Zapisana wartość województwa nie działa: wartość krajowa jest surowsza.',
    cannotTighten: 'Wartość krajowa jest już najsurowsza z możliwych; województwo nie może jej zaostrzyć.',
  },
  en: {
    title: 'Settings',
    leadNational:
      'National values hold for every unit. A voivodeship command may tighten them for its units where the setting allows it. An empty field restores the default.',
    leadVoivodeship: (unit: string) =>
      `Tightening for the units of ${unit}. It holds only where it is stricter than the national value; an empty field means the national value. Other settings are changed by a national administrator.`,
    leadReadOnly: 'The values in force for your unit. A national or voivodeship administrator changes them.',
    leadForVoivodeship: (unit: string) =>
      `Tightening for the units of ${unit}, as that command's administrator sees it. It holds only where it is stricter than the national value; an empty field means the national value.`,
    voivodeshipChoice: 'A voivodeship’s tightening',
    voivodeshipChoiceHint:
      'The settings a voivodeship or metropolitan command has tightened for its units; you may change them on its behalf.',
    nationalChoice: 'National values',
    show: 'Show',
    backToNational: 'Back to the national values',
    inForce: 'In force',
    national: 'National value',
    defaultValue: 'Default',
    regulation: 'Source',
    lastChange: 'Last change',
    never: 'never changed (the default)',
    migrated: 'carried over from the previous version',
    voivodeships: 'Voivodeships’ tightening',
    ownValue: 'Voivodeship value',
    nationalOnly: 'One value for the whole country.',
    save: (group: string) => `Save: ${group.toLowerCase()}`,
    saved: 'The settings were saved. They hold at once on every instance.',
    range: (min: string, max: string) => `From ${min} to ${max}.`,
    listHint: 'Numbers separated by commas.',
    noEffect: 'no effect: the national value is stricter',
    ownNoEffect: 'The voivodeship’s stored value has no effect: the national value is stricter.',
    cannotTighten: 'The national value is already the strictest possible; a voivodeship cannot tighten it.',
  },
});
