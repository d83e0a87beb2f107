import type { Actor } from '../platform/audit/actor.js';
import type { Db } from '../platform/db/database.js';
import { addDays, warsawToday } from '../platform/i18n/calendar.js';
import { cancelMeeting, createMeeting, recordOutcome } from '../modules/meetings/index.js';

/**
 * Meetings and debates of the demo districts (invented), dated from the day the demo loads, so a
 * fresh start always shows what residents see on a district page: events to come, one cancelled
 * with its reason, and one held, with how many came and what they raised.
 */
interface DemoMeeting {
  districtIds: string[];
  kind: string;
  /** Days from the day the demo loads. */
  inDays: number;
  startsAt: string;
  endsAt: string;
  place: string;
  topic: string;
  cancelReason?: string;
  outcome?: { participants: number; topicsRaised: string };
}

export const demoMeetings: DemoMeeting[] = [
  {
    districtIds: ['kpp-lubartow/3'],
    kind: 'meeting',
    inDays: 9,
    startsAt: '17:00',
    endsAt: '18:30',
    place: 'Klub osiedlowy, ul. Powstańców Warszawy 12, Lubartów',
    topic: 'Oszustwa „na wnuczka” i „na policjanta”: jak je rozpoznać i komu o nich powiedzieć',
  },
  {
    districtIds: ['kpp-lubartow/1', 'kpp-lubartow/3'],
    kind: 'debate',
    inDays: 23,
    startsAt: '18:00',
    endsAt: '20:00',
    place: 'Lubartowski Ośrodek Kultury, ul. Szaniawskiego 2, Lubartów',
    topic: 'Debata społeczna o bezpieczeństwie w centrum miasta i na osiedlach',
  },
  {
    districtIds: ['kpp-lubartow/3'],
    kind: 'consultation',
    inDays: 16,
    startsAt: '10:00',
    endsAt: '12:00',
    place: 'Komenda Powiatowa Policji w Lubartowie, pokój 12',
    topic: 'Dyżur dzielnicowego: zgłoszenia i pytania mieszkańców',
    cancelReason: 'Dzielnicowy zabezpiecza w tym czasie imprezę masową; nowy termin podamy na stronie rejonu.',
  },
  {
    districtIds: ['kpp-lubartow/3'],
    kind: 'meeting',
    inDays: -20,
    startsAt: '17:00',
    endsAt: '18:00',
    place: 'Szkoła Podstawowa nr 4, ul. Powstańców Warszawy 22, Lubartów',
    topic: 'Bezpieczna droga do szkoły: spotkanie z rodzicami',
    outcome: {
      participants: 34,
      topicsRaised: 'Parkowanie przy wejściu do szkoły rano; brak oświetlenia przejścia dla pieszych przy ul. Lubelskiej.',
    },
  },
  {
    districtIds: ['kpp-leczna/3'],
    kind: 'meeting',
    inDays: 12,
    startsAt: '18:00',
    endsAt: '19:30',
    place: 'Świetlica osiedlowa, Osiedle Bobrowniki, Łęczna',
    topic: 'Zebranie z Radą Osiedla Bobrowniki: monitoring i oświetlenie osiedla',
  },
];

/** Creates the demo events as the system (no person); a past one is created as on its own day. */
export async function loadDemoMeetings(db: Db, actor: Actor, today = warsawToday()): Promise<void> {
  for (const { inDays, cancelReason, outcome, ...details } of demoMeetings) {
    const day = addDays(today, inDays);
    const asOf = inDays < 0 ? day : today;
    const meeting = await createMeeting(db, null, actor, { ...details, day }, asOf);
    if (cancelReason) await cancelMeeting(db, null, actor, meeting.id, cancelReason, asOf);
    if (outcome) await recordOutcome(db, null, actor, meeting.id, outcome, today);
  }
}
