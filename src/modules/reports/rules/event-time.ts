import { addDays, isCalendarDay, warsawInstants, warsawToday } from '../../../platform/i18n/calendar.js';
import { formatCalendarDay, formatNumber, plural, type Lang, type Localized } from '../../../platform/i18n/i18n.js';

/**
 * When the reported event happened (czas zdarzenia): a calendar day in Poland and, only when the
 * resident gave one, the wall-clock time there. "No time given" is `time: null`, never midnight.
 * The time is kept as the clock showed it, not as an instant: in the hour repeated when clocks go
 * back (last Sunday of October) "02:30" is what the resident saw, and which of the two it was
 * nobody can say.
 */
export interface EventTime {
  /** "YYYY-MM-DD", the day in Poland. */
  date: string;
  /** "HH:MM", Polish wall-clock time; null: not given. */
  time: string | null;
}

export interface EventTimeError {
  field: 'eventDate' | 'eventTime';
  message: Localized;
}

// A phone whose clock runs a little fast must not make "just now" a future event.
const clockSkewMs = 5 * 60 * 1000;

/**
 * A day as browsers send it ("2026-12-05") or as people type it where the browser has no date
 * picker ("5.12.2026", "05/12/2026", "5-12-2026"); null when it is not a real day.
 */
export function parseEventDate(text: string): string | null {
  const value = text.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value);
  const typed = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})(?:\s*r\.?)?$/.exec(value);
  const [year, month, day] = iso ? [iso[1]!, iso[2]!, iso[3]!] : typed ? [typed[3]!, typed[2]!, typed[1]!] : [];
  if (!year) return null;
  const date = `${year}-${month!.padStart(2, '0')}-${day!.padStart(2, '0')}`;
  return isCalendarDay(date) ? date : null;
}

/** A time as browsers send it ("21:30", "21:30:00") or as typed ("9:05", "21.30"); null when it is not one. */
export function parseEventTime(text: string): string | null {
  const match = /^(\d{1,2})[:.](\d{2})(?::\d{2})?$/.exec(text.trim());
  if (!match) return null;
  const [hour, minute] = [Number(match[1]), Number(match[2])];
  return hour <= 23 && minute <= 59 ? `${String(hour).padStart(2, '0')}:${match[2]}` : null;
}

/** The earliest instant the event can have been: in the repeated October hour, the first of the two. */
export function eventStart(event: EventTime): Date | null {
  return warsawInstants(event.date, event.time ?? '00:00')[0] ?? null;
}

/**
 * Reads the date and time as typed and checks what needs no setting: a real day and time, a time
 * that existed (not in the hour skipped in March), not in the future (with a time: the instant
 * against `now`; a day alone: not after today in Poland). A time without a day is refused: a time
 * alone says nothing. Blank both: no event time (`value: null`).
 */
export function readEventTime(
  input: { date?: string | null; time?: string | null },
  now: Date,
): { ok: true; value: EventTime | null } | { ok: false; errors: EventTimeError[] } {
  const errors: EventTimeError[] = [];
  const fail = (field: EventTimeError['field'], pl: string, en: string) => errors.push({ field, message: { pl, en } });
  const dateText = (input.date ?? '').trim();
  const timeText = (input.time ?? '').trim();
  if (dateText === '' && timeText === '') return { ok: true, value: null };

  const date = dateText === '' ? null : parseEventDate(dateText);
  const time = timeText === '' ? null : parseEventTime(timeText);
  if (dateText === '')
    fail(
      'eventDate',
      'Podaj też datę zdarzenia (sama godzina nie wystarczy).',
      'Give the date of the event too (a time alone is not enough).',
    );
  else if (date === null)
    fail('eventDate', 'Podaj prawdziwą datę zdarzenia, np. 5.12.2026 albo 2026-12-05.', 'Give a real date of the event, e.g. 2026-12-05.');
  if (timeText !== '' && time === null) fail('eventTime', 'Podaj godzinę jako GG:MM, np. 21:30.', 'Give the time as HH:MM, e.g. 21:30.');
  if (errors.length > 0 || date === null) return { ok: false, errors };

  const event: EventTime = { date, time };
  const start = eventStart(event);
  if (date > warsawToday(now)) {
    fail('eventDate', 'Data zdarzenia nie może być w przyszłości.', 'The date of the event cannot be in the future.');
  } else if (time !== null && start === null) {
    fail(
      'eventTime',
      `Godziny ${time} nie było ${formatCalendarDay(date, 'pl')} r.: tej nocy zegary przestawiono z 2:00 na 3:00. Podaj godzinę sprzed 2:00 albo od 3:00.`,
      `There was no ${time} on ${formatCalendarDay(date, 'en')}: that night clocks went forward from 02:00 to 03:00. Give a time before 02:00 or from 03:00.`,
    );
  } else if (start !== null && time !== null && start.getTime() > now.getTime() + clockSkewMs) {
    fail('eventTime', 'Czas zdarzenia nie może być w przyszłości.', 'The time of the event cannot be in the future.');
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value: event };
}

/** "5 grudnia 2026, 21:30" / "5 December 2026, 21:30"; the day alone when no time was given. */
export function formatEventTime(event: EventTime, lang: Lang): string {
  const day = formatCalendarDay(event.date, lang);
  return event.time === null ? day : `${day}, ${event.time}`;
}

/** The earliest day an event may have happened, `maxAgeDays` back from today in Poland. */
export function oldestEventDay(now: Date, maxAgeDays: number): string {
  return addDays(warsawToday(now), -maxAgeDays);
}

/**
 * Too old to report (the setting reports.eventMaxAgeDays, read for the report's unit): counted in
 * Polish calendar days, the time of day aside, so "30 days back" means the same to everyone.
 */
export function eventAgeProblem(event: EventTime, now: Date, maxAgeDays: number): EventTimeError | null {
  const oldest = oldestEventDay(now, maxAgeDays);
  if (event.date >= oldest) return null;
  const days = (lang: 'pl' | 'en') =>
    `${formatNumber(maxAgeDays, lang)} ${plural(lang, maxAgeDays, lang === 'pl' ? { one: 'dzień', other: 'dni' } : { one: 'day', other: 'days' })}`;
  return {
    field: 'eventDate',
    message: {
      pl: `Data zdarzenia może sięgać najwyżej ${days('pl')} wstecz (najwcześniej ${formatCalendarDay(oldest, 'pl')}).`,
      en: `The date of the event may go back at most ${days('en')} (${formatCalendarDay(oldest, 'en')} at the earliest).`,
    },
  };
}
