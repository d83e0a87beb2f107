import { formatDuration, type Localized } from '../../platform/i18n/i18n.js';

export const reportErrors = {
  notFound: (): Localized => ({ pl: 'Nie ma takiego zgłoszenia.', en: 'No such report.' }),
  outsideArea: (): Localized => ({
    pl: 'Wskazane miejsce leży poza obszarem jednostek Policji w tym systemie. Wskaż miejsce w Polsce, na terenie obsługiwanej jednostki.',
    en: 'This place is outside the area of the police units in this system. Choose a place in Poland, within a unit we serve.',
  }),
  addressNotFound: (): Localized => ({
    pl: 'Nie znaleźliśmy tego adresu w żadnym rejonie służbowym. Sprawdź nazwę miejscowości i ulicy albo wskaż miejsce na mapie.',
    en: 'We could not find this address in any district. Check the town and street names, or choose the place on the map.',
  }),
  tooMany: (seconds: number, limit: Localized): Localized => ({
    pl: `Z tego adresu IP wysłano już najwięcej zgłoszeń, ile można (${limit.pl}). Kolejne możesz wysłać za ${formatDuration(seconds, 'pl')}. W nagłych sprawach dzwoń pod 112.`,
    en: `The most reports allowed from this IP address (${limit.en}) have been sent. You can send another in ${formatDuration(seconds, 'en')}. In an emergency call 112.`,
  }),
  notYours: (): Localized => ({
    pl: 'To zgłoszenie należy do rejonu lub jednostki, w których nie masz uprawnień.',
    en: 'This report belongs to a district or unit you have no rights in.',
  }),
  districtNotInUnit: (): Localized => ({
    pl: 'Rejon musi należeć do jednostki, której dotyczy zgłoszenie, albo do jednostki jej podległej.',
    en: 'The district must belong to the report’s unit or a unit below it.',
  }),
  alreadyConfirmed: (): Localized => ({
    pl: 'To zgłoszenie zostało już potwierdzone z tego adresu IP. Dziękujemy.',
    en: 'You have already confirmed this report from this IP address. Thank you.',
  }),
  closedReport: (): Localized => ({
    pl: 'To zgłoszenie jest już zamknięte; jeśli zagrożenie wróciło, wyślij nowe zgłoszenie.',
    en: 'This report is closed; if the threat is back, send a new report.',
  }),
};
