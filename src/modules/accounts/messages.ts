import { defineMessages, formatDateTime, formatNumber, plural, type Localized } from '../../platform/i18n/i18n.js';
import type { Mail } from '../../platform/mail/outbox.js';
import type { PasswordProblem } from './model.js';
import { passwordLength } from './model.js';

export const accountMessages = defineMessages({
  pl: {
    signInTitle: 'Logowanie dla funkcjonariuszy i administratorów',
    signInLead: 'Zaloguj się kontem nadanym przez administratora jednostki.',
    login: 'Login',
    password: 'Hasło',
    signInButton: 'Zaloguj się',
    signedOut: 'Wylogowano.',
    residentsNote: 'Mieszkańcy nie potrzebują konta: wyszukiwanie dzielnicowego i zgłoszenia są dostępne bez logowania.',
    accountTitle: 'Moje konto',
    displayName: 'Imię i nazwisko',
    email: 'Adres e-mail',
    role: 'Rola',
    unit: 'Jednostka',
    status: 'Stan',
    active: 'Aktywne',
    inactive: 'Zablokowane',
    lastSignIn: 'Ostatnie logowanie',
    never: 'nigdy',
    changePassword: 'Zmień hasło',
    currentPassword: 'Obecne hasło',
    newPassword: 'Nowe hasło',
    newPasswordHint: `Co najmniej ${passwordLength.min} znaków. Najlepiej kilka słów, np. „zielony rower jedzie nad Wieprz”.`,
    confirmPassword: 'Powtórz nowe hasło',
    savePassword: 'Zapisz nowe hasło',
    passwordChanged: 'Hasło zostało zmienione. Pozostałe sesje zostały zakończone.',
    accountsTitle: 'Konta użytkowników',
    accountsLead: 'Konta funkcjonariuszy i administratorów w Twoich jednostkach.',
    newAccount: 'Dodaj konto',
    filter: 'Filtruj',
    search: 'Szukaj (login, imię i nazwisko, e-mail)',
    anyUnit: 'Wszystkie jednostki',
    anyRole: 'Wszystkie role',
    noAccounts: 'Brak kont spełniających kryteria.',
    accountsCount: (n: number) =>
      `${formatNumber(n, 'pl')} ${plural('pl', n, { one: 'konto', few: 'konta', many: 'kont', other: 'konta' })}`,
    createTitle: 'Nowe konto',
    createButton: 'Utwórz konto',
    initialPassword: 'Hasło początkowe',
    initialPasswordHint: `Co najmniej ${passwordLength.min} znaków. Przekaż je użytkownikowi bezpiecznie; może je zmienić po zalogowaniu.`,
    editTitle: (login: string) => `Konto ${login}`,
    saveButton: 'Zapisz zmiany',
    activeLabel: 'Konto aktywne',
    activeHint: 'Zablokowane konto nie może się zalogować; jego sesje zostają zakończone.',
    resetPassword: 'Nowe hasło (opcjonalnie)',
    resetPasswordHint: 'Zostaw puste, aby nie zmieniać hasła.',
    created: 'Konto zostało utworzone.',
    saved: 'Zmiany zostały zapisane.',
    history: 'Historia zmian tego konta',
    backToList: 'Wróć do listy kont',
    loginHint: 'Litery, cyfry, kropka, łącznik lub podkreślenie; od 2 do 64 znaków.',
  },
  en: {
    signInTitle: 'Sign in for officers and administrators',
    signInLead: 'Sign in with the account your unit administrator gave you.',
    login: 'Login',
    password: 'Password',
    signInButton: 'Sign in',
    signedOut: 'You have signed out.',
    residentsNote: 'Residents do not need an account: finding your officer and reporting are open to everyone.',
    accountTitle: 'My account',
    displayName: 'Full name',
    email: 'E-mail address',
    role: 'Role',
    unit: 'Unit',
    status: 'Status',
    active: 'Active',
    inactive: 'Disabled',
    lastSignIn: 'Last sign-in',
    never: 'never',
    changePassword: 'Change password',
    currentPassword: 'Current password',
    newPassword: 'New password',
    newPasswordHint: `At least ${passwordLength.min} characters. A few words work best, e.g. "green bike rides by the river".`,
    confirmPassword: 'Repeat the new password',
    savePassword: 'Save new password',
    passwordChanged: 'Your password has been changed. Your other sessions have been ended.',
    accountsTitle: 'User accounts',
    accountsLead: 'Accounts of officers and administrators in your units.',
    newAccount: 'Add account',
    filter: 'Filter',
    search: 'Search (login, name, e-mail)',
    anyUnit: 'All units',
    anyRole: 'All roles',
    noAccounts: 'No accounts match.',
    accountsCount: (n: number) => `${formatNumber(n, 'en')} ${plural('en', n, { one: 'account', other: 'accounts' })}`,
    createTitle: 'New account',
    createButton: 'Create account',
    initialPassword: 'Initial password',
    initialPasswordHint: `At least ${passwordLength.min} characters. Pass it on securely; the user can change it after signing in.`,
    editTitle: (login: string) => `Account ${login}`,
    saveButton: 'Save changes',
    activeLabel: 'Account active',
    activeHint: 'A disabled account cannot sign in; its sessions are ended.',
    resetPassword: 'New password (optional)',
    resetPasswordHint: 'Leave empty to keep the password.',
    created: 'The account has been created.',
    saved: 'Your changes have been saved.',
    history: 'History of this account',
    backToList: 'Back to the list of accounts',
    loginHint: 'Letters, digits, dot, hyphen or underscore; 2 to 64 characters.',
  },
});

export const passwordProblemText: Record<PasswordProblem, Localized> = {
  too_short: {
    pl: `Hasło musi mieć co najmniej ${passwordLength.min} znaków.`,
    en: `The password must have at least ${passwordLength.min} characters.`,
  },
  too_long: {
    pl: `Hasło może mieć co najwyżej ${passwordLength.max} znaków.`,
    en: `The password may have at most ${passwordLength.max} characters.`,
  },
  contains_login: { pl: 'Hasło nie może zawierać loginu.', en: 'The password must not contain the login.' },
  too_simple: {
    pl: 'To hasło jest zbyt proste lub powszechnie używane. Wybierz inne.',
    en: 'This password is too simple or too common. Choose another one.',
  },
};

export const accountErrors = {
  invalidCredentials: (): Localized => ({
    pl: 'Nieprawidłowy login lub hasło.',
    en: 'Incorrect login or password.',
  }),
  disabled: (): Localized => ({
    pl: 'To konto jest zablokowane. Skontaktuj się z administratorem jednostki.',
    en: 'This account is disabled. Contact your unit administrator.',
  }),
  // Throttling counts per login and network, so the owner elsewhere is not stopped: the text says so.
  throttled: (wait: Localized): Localized => ({
    pl: `Zbyt wiele nieudanych prób logowania na to konto z tej sieci. Spróbuj ponownie za ${wait.pl}.`,
    en: `Too many failed sign-in attempts for this account from this network. Try again in ${wait.en}.`,
  }),
  loginTaken: (login: string): Localized => ({
    pl: `Login „${login}” jest już zajęty.`,
    en: `The login "${login}" is already taken.`,
  }),
  unitNotFound: (unitId: string): Localized => ({
    pl: `Nie ma jednostki „${unitId}”.`,
    en: `There is no unit "${unitId}".`,
  }),
  outOfScope: (): Localized => ({
    pl: 'Ta jednostka nie podlega Twojej jednostce: nie możesz zarządzać jej kontami.',
    en: 'This unit is outside your unit: you cannot manage its accounts.',
  }),
  linkedOutsideUnit: (): Localized => ({
    pl: 'Konto jest powiązane z policjantem innej jednostki: w nowej jednostce obsługiwałoby rejony poza nią. Najpierw zmień powiązanie w danych policjanta.',
    en: "The account is linked to an officer of another unit: in the new unit it would serve districts outside it. Change the officer's link first.",
  }),
  selfLockout: (): Localized => ({
    pl: 'Nie możesz zablokować własnego konta ani odebrać sobie roli administratora czy zmienić swojej jednostki.',
    en: 'You cannot disable your own account, remove your own administrator role or change your own unit.',
  }),
  wrongCurrentPassword: (): Localized => ({
    pl: 'Obecne hasło jest nieprawidłowe.',
    en: 'The current password is incorrect.',
  }),
  passwordsDiffer: (): Localized => ({
    pl: 'Powtórzone hasło różni się od nowego hasła.',
    en: 'The repeated password does not match the new password.',
  }),
  accountNotFound: (): Localized => ({ pl: 'Nie ma takiego konta.', en: 'No such account.' }),
};

/**
 * The e-mail to an account holder whose login had repeated failed sign-ins (one per burst). It
 * names no address or password tried: the holder needs to know that it happens, and what to do.
 */
export function failedSignInsMail(to: string, login: string, failures: number, since: Date): Mail {
  const pl = plural('pl', failures, { one: 'nieudaną próbę', few: 'nieudane próby', many: 'nieudanych prób', other: 'nieudanej próby' });
  const en = plural('en', failures, { one: 'failed sign-in attempt', other: 'failed sign-in attempts' });
  return {
    to,
    subject: `Nieudane próby logowania na konto ${login} / Failed sign-in attempts for ${login}`,
    text: [
      `Od ${formatDateTime(since, 'pl')} odnotowaliśmy ${formatNumber(failures, 'pl')} ${pl} logowania na Twoje konto „${login}” w systemie Dzielnicowy.`,
      'Konto nie jest zablokowane: możesz się logować jak zwykle. Jeśli to nie Ty, ' +
        'zmień hasło (Moje konto → Zmień hasło) i powiadom administratora swojej jednostki.',
      '',
      `Since ${formatDateTime(since, 'en')} there have been ${formatNumber(failures, 'en')} ${en} for your account "${login}" in Dzielnicowy.`,
      'The account is not locked: you can sign in as usual. If it was not you, change your password ' +
        '(My account → Change password) and tell your unit administrator.',
    ].join('\n'),
  };
}
