import { isCalendarDay } from '../../platform/i18n/calendar.js';
import type { Localized } from '../../platform/i18n/i18n.js';

/**
 * Meetings and debates with residents (spotkania, debaty społeczne): what an event is, what makes
 * it valid, and what may be changed when. Plain functions; the use cases apply them.
 */
export const meetingKinds = ['meeting', 'debate', 'consultation', 'other'] as const;
export type MeetingKind = (typeof meetingKinds)[number];

export const kindLabels: Record<MeetingKind, Localized> = {
  meeting: { pl: 'Spotkanie z mieszkańcami', en: 'Meeting with residents' },
  debate: { pl: 'Debata społeczna', en: 'Public debate' },
  consultation: { pl: 'Dyżur dzielnicowego', en: "District officer's consultation hours" },
  other: { pl: 'Inne wydarzenie', en: 'Other event' },
};

export function isMeetingKind(value: unknown): value is MeetingKind {
  return typeof value === 'string' && (meetingKinds as readonly string[]).includes(value);
}

/** What the staff give for an event: its day and wall-clock times in Polish time. */
export interface MeetingDetails {
  kind: string;
  /** YYYY-MM-DD, in Poland. */
  day: string;
  /** HH:MM, Europe/Warsaw. */
  startsAt: string;
  endsAt: string;
  place: string;
  topic: string;
  /** One or more districts, all of the organising unit. */
  districtIds: readonly string[];
}

/** A problem with one field, worded for the person. */
export interface FieldProblem {
  field: string;
  message: Localized;
}

const time = /^([01]\d|2[0-3]):[0-5]\d$/;
export const placeMax = 300;
export const topicMax = 500;
export const topicsRaisedMax = 4000;
export const participantsMax = 100000;
export const cancelReasonMin = 3;
export const cancelReasonMax = 500;

/** The first problem with an event's details (null: none), for a unit, as of `today` in Poland. */
export function detailsProblem(details: MeetingDetails, unitId: string, today: string): FieldProblem | null {
  if (!isMeetingKind(details.kind))
    return { field: 'kind', message: { pl: 'Wybierz rodzaj wydarzenia.', en: 'Choose the kind of event.' } };
  if (!isCalendarDay(details.day))
    return { field: 'day', message: { pl: 'Podaj datę w postaci RRRR-MM-DD.', en: 'Give the date as YYYY-MM-DD.' } };
  if (details.day < today) return { field: 'day', message: { pl: 'Data wydarzenia już minęła.', en: 'The date of the event has passed.' } };
  if (!time.test(details.startsAt))
    return { field: 'startsAt', message: { pl: 'Podaj godzinę rozpoczęcia jako GG:MM.', en: 'Give the start time as HH:MM.' } };
  if (!time.test(details.endsAt))
    return { field: 'endsAt', message: { pl: 'Podaj godzinę zakończenia jako GG:MM.', en: 'Give the end time as HH:MM.' } };
  if (details.endsAt <= details.startsAt)
    return {
      field: 'endsAt',
      message: { pl: 'Wydarzenie musi kończyć się po rozpoczęciu.', en: 'The event must end after it starts.' },
    };
  const place = details.place.trim();
  if (place.length === 0 || place.length > placeMax)
    return {
      field: 'place',
      message: { pl: `Podaj miejsce (adres), do ${placeMax} znaków.`, en: `Give the place (address), up to ${placeMax} characters.` },
    };
  const topic = details.topic.trim();
  if (topic.length === 0 || topic.length > topicMax)
    return { field: 'topic', message: { pl: `Podaj temat, do ${topicMax} znaków.`, en: `Give the topic, up to ${topicMax} characters.` } };
  const districts = details.districtIds;
  if (districts.length === 0 || districts.length > 50)
    return {
      field: 'districtIds',
      message: { pl: 'Wybierz od 1 do 50 rejonów, których dotyczy wydarzenie.', en: 'Choose 1 to 50 districts the event concerns.' },
    };
  if (new Set(districts).size !== districts.length)
    return { field: 'districtIds', message: { pl: 'Rejon podano dwa razy.', en: 'A district is given twice.' } };
  if (districts.some((d) => d.slice(0, d.lastIndexOf('/')) !== unitId))
    return {
      field: 'districtIds',
      message: {
        pl: 'Wszystkie rejony muszą należeć do jednostki organizującej wydarzenie.',
        en: 'Every district must belong to the unit organising the event.',
      },
    };
  return null;
}

/** What the staff record afterwards. */
export interface MeetingOutcome {
  participants: number;
  topicsRaised: string;
}

export function outcomeProblem(outcome: MeetingOutcome): FieldProblem | null {
  if (!Number.isInteger(outcome.participants) || outcome.participants < 0 || outcome.participants > participantsMax)
    return {
      field: 'participants',
      message: {
        pl: `Liczba uczestników: liczba całkowita od 0 do ${participantsMax}.`,
        en: `Participants: a whole number from 0 to ${participantsMax}.`,
      },
    };
  if (outcome.topicsRaised.trim().length > topicsRaisedMax)
    return {
      field: 'topicsRaised',
      message: { pl: `Poruszone tematy: do ${topicsRaisedMax} znaków.`, en: `Topics raised: up to ${topicsRaisedMax} characters.` },
    };
  return null;
}

/**
 * Why an event is cancelled: residents who planned to come read it on the pages, in their
 * calendars and in the followers' e-mail, so it is required (a few words at least).
 */
export function cancelReasonProblem(reason: string): FieldProblem | null {
  const length = reason.trim().length;
  if (length >= cancelReasonMin && length <= cancelReasonMax) return null;
  return {
    field: 'reason',
    message: {
      pl: `Podaj powód odwołania, od ${cancelReasonMin} do ${cancelReasonMax} znaków: mieszkańcy zobaczą go przy wydarzeniu.`,
      en: `Give the reason for cancelling, ${cancelReasonMin} to ${cancelReasonMax} characters: residents will see it with the event.`,
    },
  };
}

/** An event as the rules see it. */
export interface MeetingState {
  day: string;
  cancelled: boolean;
}

export type MeetingChange = 'details' | 'cancel' | 'outcome';

/**
 * What may be done to an event on `today`: its details are changed, and it is cancelled, until its
 * day ends; what happened (participants, topics raised) is recorded from its day on. A cancelled
 * event stays as it is.
 */
export function changeProblem(meeting: MeetingState, change: MeetingChange, today: string): Localized | null {
  if (meeting.cancelled)
    return { pl: 'Wydarzenie zostało odwołane; nie można go już zmienić.', en: 'The event was cancelled; it can no longer be changed.' };
  if ((change === 'details' || change === 'cancel') && meeting.day < today)
    return {
      pl: 'Wydarzenie już się odbyło; można tylko zapisać liczbę uczestników i poruszone tematy.',
      en: 'The event has taken place; only the participants and the topics raised can be recorded.',
    };
  if (change === 'outcome' && meeting.day > today)
    return {
      pl: 'Uczestników i poruszone tematy zapisuje się po wydarzeniu.',
      en: 'Participants and topics raised are recorded after the event.',
    };
  return null;
}

/** Upcoming events first (soonest first), then past ones (latest first). */
export function listingOrder<T extends { day: string; startsAt: string }>(
  events: readonly T[],
  today: string,
): { upcoming: T[]; past: T[] } {
  const key = (e: T) => `${e.day}T${e.startsAt}`;
  const upcoming = events.filter((e) => e.day >= today).sort((a, b) => key(a).localeCompare(key(b)));
  const past = events.filter((e) => e.day < today).sort((a, b) => key(b).localeCompare(key(a)));
  return { upcoming, past };
}

/** How the staff list sorts their events. */
export interface StaffGroups<T> {
  /** Past, not cancelled, nothing recorded yet: the staff's to-do, shown first. */
  needsOutcome: T[];
  /** Today and later, not cancelled: soonest first. */
  upcoming: T[];
  /** Past with the outcome recorded: latest first. */
  past: T[];
  /** Cancelled, whenever they were to be: latest first. */
  cancelled: T[];
}

/**
 * The staff list's groups. An event of today is still upcoming (it may be changed until the day
 * ends) though its outcome can already be recorded; the day after, an event with nothing recorded
 * waits in "needs the outcome".
 */
export function staffGroups<T extends { day: string; startsAt: string; cancelled: boolean; participants: number | null }>(
  events: readonly T[],
  today: string,
): StaffGroups<T> {
  const live = events.filter((e) => !e.cancelled);
  const { upcoming, past } = listingOrder(live, today);
  return {
    needsOutcome: past.filter((e) => e.participants === null),
    upcoming,
    past: past.filter((e) => e.participants !== null),
    cancelled: listingOrder(
      events.filter((e) => e.cancelled),
      '9999-12-31',
    ).past,
  };
}
