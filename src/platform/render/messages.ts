import { defineMessages } from '../i18n/i18n.js';
import type { Role } from '../auth/principal.js';
import type { Lang } from '../i18n/i18n.js';
import { residentLabel } from '../audit/actor.js';

export const layoutMessages = defineMessages({
  pl: {
    appName: 'Dzielnicowy',
    errorTitlePrefix: 'Błąd: ',
    tagline: 'Twój dzielnicowy, plany działań i zgłoszenia zagrożeń w jednym miejscu',
    skipToContent: 'Przejdź do treści',
    mainNav: 'Menu główne',
    home: 'Strona główna',
    plans: 'Plany działań',
    reports: 'Zgłoś zagrożenie',
    reportsMap: 'Mapa zagrożeń',
    admin: 'Panel',
    account: 'Moje konto',
    signIn: 'Zaloguj się',
    signOut: 'Wyloguj się',
    signedInAs: 'Zalogowano jako',
    switchLanguage: 'English',
    switchLanguageLabel: 'Switch to English',
    apiDocs: 'API (OpenAPI)',
    privacy: 'Prywatność i przechowywanie danych',
    footerNote:
      'Serwis nie służy do zgłaszania nagłych zdarzeń. W sytuacji zagrożenia życia, zdrowia lub mienia dzwoń pod numer alarmowy 112 (Policja: także 997).',
    openSource: 'Oprogramowanie otwarte (AGPL-3.0)',
    breadcrumbs: 'Ścieżka nawigacji',
  },
  en: {
    appName: 'Dzielnicowy',
    errorTitlePrefix: 'Error: ',
    tagline: 'Your district officer, action plans and threat reports in one place',
    skipToContent: 'Skip to main content',
    mainNav: 'Main menu',
    home: 'Home',
    plans: 'Action plans',
    reports: 'Report a threat',
    reportsMap: 'Threat map',
    admin: 'Workspace',
    account: 'My account',
    signIn: 'Sign in',
    signOut: 'Sign out',
    signedInAs: 'Signed in as',
    switchLanguage: 'Polski',
    switchLanguageLabel: 'Przełącz na język polski',
    apiDocs: 'API (OpenAPI)',
    privacy: 'Privacy and data retention',
    footerNote:
      'This service is not for emergencies. If life, health or property is in danger, call the emergency number 112 (police: also 997).',
    openSource: 'Open-source software (AGPL-3.0)',
    breadcrumbs: 'Breadcrumbs',
  },
});

export const roleNames = defineMessages<Record<Role, string>>({
  pl: {
    admin: 'administrator',
    commander: 'komendant / naczelnik',
    supervisor: 'kierownik dzielnicowych',
    officer: 'dzielnicowy',
  },
  en: {
    admin: 'administrator',
    commander: 'commander',
    supervisor: 'supervisor of district officers',
    officer: 'district officer',
  },
});

const actorNames = defineMessages({ pl: { resident: 'mieszkaniec' }, en: { resident: 'resident' } });

/**
 * Who made a change, as a page shows it: a login stays a login, the stored label of an anonymous
 * resident reads in the page's language. The one place a stored actor label becomes words.
 */
export function actorName(label: string, lang: Lang): string {
  return label === residentLabel ? actorNames[lang].resident : label;
}
