import { defineMessages, formatNumber, plural } from '../../platform/i18n/i18n.js';

export const meetingMessages = defineMessages({
  pl: {
    heading: 'Spotkania i debaty',
    upcoming: 'Najbliższe',
    past: 'Minione',
    none: 'Nie zapowiedziano żadnych spotkań.',
    calendar: 'Kalendarz spotkań (iCalendar, .ics)',
    cancelled: 'Odwołane',
    cancelReason: 'Powód odwołania',
    /** The reason in one line, for the calendar feed and the followers' e-mail. */
    cancelledBecause: (reason: string) => `Odwołane. Powód: ${reason}`,
    place: 'Miejsce',
    participants: (n: number) =>
      `Uczestnicy: ${formatNumber(n, 'pl')} ${plural('pl', n, { one: 'osoba', few: 'osoby', many: 'osób', other: 'osoby' })}`,
    topicsRaised: 'Poruszone tematy',
    noOutcome: 'Przebieg spotkania nie został jeszcze opisany.',
  },
  en: {
    heading: 'Meetings and debates',
    upcoming: 'Coming up',
    past: 'Past',
    none: 'No meetings have been announced.',
    calendar: 'Calendar of meetings (iCalendar, .ics)',
    cancelled: 'Cancelled',
    cancelReason: 'Reason for cancelling',
    cancelledBecause: (reason: string) => `Cancelled. Reason: ${reason}`,
    place: 'Place',
    participants: (n: number) => `Participants: ${formatNumber(n, 'en')} ${plural('en', n, { one: 'person', other: 'people' })}`,
    topicsRaised: 'Topics raised',
    noOutcome: 'The outcome has not been recorded yet.',
  },
});
