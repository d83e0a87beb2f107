import { defineMessages, formatNumber, plural, type Lang } from '../../platform/i18n/i18n.js';
import type { PersonalDataPiece } from './rules.js';

/** "180 dni", "1 dzień" / "180 days", "1 day". */
export function formatDays(days: number, lang: Lang): string {
  return `${formatNumber(days, lang)} ${plural(lang, days, lang === 'pl' ? { one: 'dzień', other: 'dni' } : { one: 'day', other: 'days' })}`;
}

/** "po 180 dniach", "po 1 dniu" / "after 180 days". */
export function afterDays(days: number, lang: Lang): string {
  return lang === 'pl'
    ? `po ${formatNumber(days, lang)} ${plural('pl', days, { one: 'dniu', other: 'dniach' })}`
    : `after ${formatDays(days, lang)}`;
}

/** What staff pages show instead of an erased value: "usunięto po 180 dniach (…)". */
export function erasedAfter(days: number, lang: Lang): { text: string; rules: string } {
  return lang === 'pl'
    ? { text: `usunięto ${afterDays(days, lang)}`, rules: 'zasady przechowywania danych' }
    : { text: `erased ${afterDays(days, lang)}`, rules: 'data retention' };
}

interface PieceText {
  what: string;
  why: string;
  who: string;
}

export const privacyMessages = defineMessages({
  pl: {
    title: 'Prywatność: jakie dane zapisujemy i jak długo',
    lead: 'Zgłaszając zagrożenie, nie zakładasz konta i nie podajesz imienia, nazwiska ani telefonu. System zapisuje jednak adres IP Twojego urządzenia, a jeśli go podasz, także e-mail. Poniżej jest wszystko, co system zapisuje, kto to widzi i kiedy to usuwamy. Usuwanie odbywa się samo, co godzinę.',
    residentsTitle: 'Gdy zgłaszasz zagrożenie',
    staffTitle: 'Policjanci i pracownicy korzystający z systemu',
    why: 'Po co',
    who: 'Kto to widzi',
    howLong: 'Jak długo',
    afterClosing: (days: string) => `${days} po zamknięciu zgłoszenia`,
    afterMade: (days: string) => `${days} od zapisania`,
    untilClosed: 'Do zamknięcia zgłoszenia',
    untilSessionEnds: (hours: number) => `Do końca sesji (najwyżej ${formatNumber(hours, 'pl')} godz.)`,
    forever: 'Bez limitu',
    reopened: 'Jeśli zgłoszenie zostanie ponownie otwarte, odliczanie zaczyna się od nowa po jego zamknięciu.',
    neverTitle: 'Czego nie zbieramy',
    never: [
      'Imienia, nazwiska, numeru telefonu ani adresu zamieszkania osoby zgłaszającej: nie pytamy o nie.',
      'Kont mieszkańców: zgłoszenie i potwierdzenie „mnie też to dotyczy” nie wymagają logowania.',
      'Ciasteczek śledzących ani statystyk odwiedzin: zapisujemy tylko ciasteczko z wybranym językiem, ciasteczko zabezpieczające formularze (CSRF) oraz, dla pracowników, ciasteczko sesji. Pliki dołączone do zgłoszenia przeglądarka zachowuje przy wysyłaniu formularza na Twoim urządzeniu (najwyżej 30 minut), by po błędzie w formularzu nie trzeba było wybierać ich ponownie; usuwa je, gdy zgłoszenie zostanie przyjęte.',
      'Skryptów i czcionek innych firm. Jeśli administrator włączył zewnętrzny serwer podkładu mapy, Twoja przeglądarka pobiera z niego obrazki mapy i ten serwer widzi Twój adres IP.',
    ],
    logsTitle: 'Dzienniki serwera',
    logs: 'Serwer zapisuje techniczny dziennik żądań (adres strony, adres IP, czas odpowiedzi) do wykrywania awarii i ataków. Aplikacja nie przechowuje go sama: trzyma go system operacyjny serwera przez czas ustalony przez administratora; zalecamy najwyżej 14 dni.',
    rightsTitle: 'Twoje prawa',
    rights:
      'Dane w zgłoszeniach przetwarza jednostka Policji, do której trafiło zgłoszenie. Ponieważ zgłoszenie nie jest powiązane z kontem ani nazwiskiem, system nie potrafi wskazać, które zgłoszenie jest Twoje; jeśli chcesz poprawić lub usunąć swoje zgłoszenie wcześniej, skontaktuj się z dzielnicowym i podaj numer zgłoszenia.',
    settingsNote: 'Terminy ustala administrator krajowy systemu; ta strona zawsze pokazuje terminy obowiązujące teraz.',
    pieces: {
      publicPart: {
        what: 'Rodzaj zagrożenia, data, status i miejsce z dokładnością do ok. 50 m',
        why: 'by mieszkańcy widzieli zgłoszenia na mapie; nie pozwalają ustalić, kto zgłosił',
        who: 'Wszyscy (mapa i lista zgłoszeń)',
      },
      reportDescription: { what: 'Opis zgłoszenia', why: 'by dzielnicowy mógł sprawdzić zgłoszenie', who: 'Tylko Policja' },
      reportAddress: { what: 'Wpisany adres', why: 'by dzielnicowy wiedział, gdzie pojechać', who: 'Tylko Policja' },
      reportExactPoint: { what: 'Dokładny punkt na mapie', why: 'by dzielnicowy wiedział, gdzie pojechać', who: 'Tylko Policja' },
      reportNotes: { what: 'Notatki policjantów do zgłoszenia', why: 'wyjaśniają, co ustalono', who: 'Tylko Policja' },
      reporterEmail: {
        what: 'Twój e-mail, jeśli go podasz',
        why: 'tylko do powiadomień o zmianie statusu',
        who: 'Nikt: nie widzą go nawet policjanci, używa go tylko system',
      },
      reporterIp: {
        what: 'Adres IP Twojego urządzenia',
        why: 'do limitu zgłoszeń z jednego adresu i ochrony przed nadużyciami',
        who: 'Nikt: używa go tylko system',
      },
      confirmationIp: {
        what: 'Adres IP przy potwierdzeniu „mnie też to dotyczy”',
        why: 'by jedna osoba nie potwierdzała wiele razy (liczba potwierdzeń zostaje)',
        who: 'Nikt: używa go tylko system',
      },
      residentAuditIp: {
        what: 'Adres IP w dzienniku zmian (zgłoszenia, potwierdzenia, nieudane logowania)',
        why: 'do wyjaśniania nadużyć',
        who: 'Administratorzy systemu',
      },
      outboxMail: {
        what: 'Wiadomości e-mail do wysłania (adresat i treść)',
        why: 'by je wysłać i wyjaśnić, gdyby nie dotarły; po wysłaniu adres jest skracany do pierwszej litery',
        who: 'Administratorzy systemu',
      },
      pendingSubscription: {
        what: 'E-mail podany do obserwowania rejonu, zanim go potwierdzisz',
        why: 'by wysłać link potwierdzający',
        who: 'Nikt: używa go tylko system',
      },
      subscriberEmail: {
        what: 'E-mail osoby obserwującej rejon (po potwierdzeniu) i język wiadomości',
        why: 'tylko do powiadomień o planach, ich ocenie i spotkaniach w rejonie',
        who: 'Nikt: nie widzą go nawet policjanci, używa go tylko system',
      },
      staffAccount: {
        what: 'Konto: login, imię i nazwisko, e-mail służbowy, rola, jednostka',
        why: 'do logowania i uprawnień',
        who: 'Administratorzy jednostki',
      },
      officerPublic: {
        what: 'Stopień, imię i nazwisko dzielnicowego oraz telefon i e-mail rejonu',
        why: 'by mieszkańcy wiedzieli, do kogo się zwrócić',
        who: 'Wszyscy',
      },
      session: { what: 'Sesja: adres IP i przeglądarka', why: 'do bezpieczeństwa logowania', who: 'Nikt: używa ich tylko system' },
      signInAttempts: {
        what: 'Nieudane próby logowania: wpisany login i adres IP (lub sieć /64), z którego próbowano',
        why: 'by spowalniać zgadywanie haseł z jednego miejsca, nie blokując właściciela konta',
        who: 'Nikt: używa ich tylko system',
      },
      sentReminder: {
        what: 'Zapis, o którym terminie i kiedy wysłano pracownikowi przypomnienie e-mailem',
        why: 'by nie wysłać tego samego przypomnienia dwa razy',
        who: 'Nikt: używa go tylko system',
      },
      staffAudit: {
        what: 'Dziennik zmian: kto, kiedy i co zmienił, logowania',
        why: 'rozliczalność pracy z danymi',
        who: 'Administratorzy (swoich jednostek)',
      },
      staffAuditIp: {
        what: 'Adres IP pracownika w dzienniku zmian',
        why: 'do wyjaśniania nadużyć konta',
        who: 'Administratorzy (swoich jednostek)',
      },
    } satisfies Record<PersonalDataPiece | 'publicPart' | 'staffAccount' | 'officerPublic' | 'staffAudit' | 'subscriberEmail', PieceText>,
    untilUnsubscribed: 'Do rezygnacji (link w każdej wiadomości): wtedy adres usuwamy od razu',
    accountLifetime: 'Dopóki konto istnieje (zablokowane konto zostaje, bo wskazuje je dziennik zmian)',
    officerLifetime: 'Dopóki policjant jest w rejestrze jednostki',
  },
  en: {
    title: 'Privacy: what data we keep and for how long',
    lead: 'To report a threat you need no account and give no name or phone number. The system does keep your device’s IP address and, if you give it, your e-mail. Below is everything the system keeps, who sees it and when we erase it. Erasure runs by itself, every hour.',
    residentsTitle: 'When you report a threat',
    staffTitle: 'Police officers and staff who use the system',
    why: 'Why',
    who: 'Who sees it',
    howLong: 'How long',
    afterClosing: (days: string) => `${days} after the report is closed`,
    afterMade: (days: string) => `${days} after it is stored`,
    untilClosed: 'Until the report is closed',
    untilSessionEnds: (hours: number) => `Until the session ends (${formatNumber(hours, 'en')} hours at most)`,
    forever: 'No limit',
    reopened: 'If a report is reopened, the count starts again when it is closed.',
    neverTitle: 'What we never collect',
    never: [
      'Your name, phone number or home address as a reporter: we do not ask for them.',
      'Accounts for residents: reporting and "me too" need no sign-in.',
      'Tracking cookies or visitor statistics: we set only a cookie with your language, a cookie protecting forms (CSRF) and, for staff, a session cookie. When you send the form, your browser keeps the attached files on your device (30 minutes at most), so that an error in the form does not make you choose them again; it deletes them once the report is taken.',
      'Scripts or fonts of other companies. If the administrator has turned on an external map tile server, your browser loads map images from it and that server sees your IP address.',
    ],
    logsTitle: 'Server logs',
    logs: 'The server writes a technical log of requests (page address, IP address, response time) to detect faults and attacks. The application does not keep it itself: the server’s operating system keeps it for as long as the administrator sets; we recommend 14 days at most.',
    rightsTitle: 'Your rights',
    rights:
      'The police unit the report went to processes the data in it. Because a report is tied to no account or name, the system cannot tell which report is yours; if you want your report corrected or erased sooner, contact the district officer and give the report number.',
    settingsNote: 'The national administrator of the system sets these times; this page always shows the times in force now.',
    pieces: {
      publicPart: {
        what: 'Kind of threat, date, status and the place to about 50 m',
        why: 'so residents see reports on the map; they do not tell who reported',
        who: 'Everyone (the map and the list of reports)',
      },
      reportDescription: { what: 'The description of the report', why: 'so the district officer can verify it', who: 'The police only' },
      reportAddress: { what: 'The address you typed', why: 'so the district officer knows where to go', who: 'The police only' },
      reportExactPoint: { what: 'The exact point on the map', why: 'so the district officer knows where to go', who: 'The police only' },
      reportNotes: { what: 'Police notes on the report', why: 'they record what was found', who: 'The police only' },
      reporterEmail: {
        what: 'Your e-mail, if you give it',
        why: 'only for news of status changes',
        who: 'Nobody: not even the police see it; only the system uses it',
      },
      reporterIp: {
        what: 'Your device’s IP address',
        why: 'for the per-address report limit and against abuse',
        who: 'Nobody: only the system uses it',
      },
      confirmationIp: {
        what: 'The IP address of a "me too" confirmation',
        why: 'so one person cannot confirm many times (the count stays)',
        who: 'Nobody: only the system uses it',
      },
      residentAuditIp: {
        what: 'The IP address in the audit log (reports, confirmations, failed sign-ins)',
        why: 'to investigate abuse',
        who: 'System administrators',
      },
      outboxMail: {
        what: 'E-mail messages to send (recipient and text)',
        why: 'to send them and to investigate one that did not arrive; once sent, the address is cut to its first letter',
        who: 'System administrators',
      },
      pendingSubscription: {
        what: 'An e-mail given to follow a district, before you confirm it',
        why: 'to send the confirmation link',
        who: 'Nobody: only the system uses it',
      },
      subscriberEmail: {
        what: 'The e-mail of a district follower (once confirmed) and the language of the messages',
        why: 'only for news of plans, their evaluation and meetings in the district',
        who: 'Nobody: not even police officers see it; only the system uses it',
      },
      staffAccount: {
        what: 'Account: login, name, work e-mail, role, unit',
        why: 'for signing in and permissions',
        who: 'Administrators of the unit',
      },
      officerPublic: {
        what: 'The district officer’s rank and name, and the district’s phone and e-mail',
        why: 'so residents know whom to contact',
        who: 'Everyone',
      },
      session: { what: 'Session: IP address and browser', why: 'for sign-in security', who: 'Nobody: only the system uses them' },
      signInAttempts: {
        what: 'Failed sign-ins: the login typed and the IP address (or /64 network) they came from',
        why: 'to slow down password guessing from one place without locking the owner out',
        who: 'Nobody: only the system uses them',
      },
      sentReminder: {
        what: 'A record of which deadline a staff member was reminded of by e-mail, and when',
        why: 'so that the same reminder is not sent twice',
        who: 'Nobody: only the system uses it',
      },
      staffAudit: {
        what: 'Audit log: who changed what and when, sign-ins',
        why: 'accountability for work with the data',
        who: 'Administrators (of their units)',
      },
      staffAuditIp: {
        what: 'A staff member’s IP address in the audit log',
        why: 'to investigate a misused account',
        who: 'Administrators (of their units)',
      },
    } satisfies Record<PersonalDataPiece | 'publicPart' | 'staffAccount' | 'officerPublic' | 'staffAudit' | 'subscriberEmail', PieceText>,
    untilUnsubscribed: 'Until you unsubscribe (a link in every message): the address is deleted at once',
    accountLifetime: 'As long as the account exists (a disabled account stays, because the audit log names it)',
    officerLifetime: 'As long as the officer is in the unit’s register',
  },
});
