import { describe, expect, it } from 'vitest';
import { calendarText, escapeText, foldLine, type CalendarEvent } from './icalendar.js';
import { eventsOf, readCalendar, unescapeText } from '../../../test/support/icalendar.js';

const event: CalendarEvent = {
  uid: '3f1c0b8e-0000-4000-8000-000000000001@dzielnicowy',
  sequence: 2,
  day: '2027-07-15',
  startsAt: '17:30',
  endsAt: '19:00',
  summary: 'Debata społeczna: bezpieczeństwo, drogi; szkoła',
  location: 'Świetlica, ul. Łąkowa 5\nTestowo',
  description: 'Zapraszamy mieszkańców rejonów 1, 2. '.repeat(6),
  url: 'https://example.org/rejony/kpp-a/1',
  cancelled: false,
  updatedAt: new Date('2027-07-01T10:00:00Z'),
};

describe('the iCalendar feed', () => {
  it('escapes text and folds long lines without splitting a character', () => {
    expect(escapeText('a\\b;c,d\ne')).toBe('a\\\\b\\;c\\,d\\ne');
    const long = `SUMMARY:${'żółć'.repeat(40)}`;
    const folded = foldLine(long);
    for (const line of folded.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    expect(folded.replace(/\r\n /g, '')).toBe(long);
  });

  it('reads back with the event’s UID, DTSTAMP, SEQUENCE, times in Europe/Warsaw and its text', () => {
    const now = new Date('2027-07-02T08:09:10.123Z');
    const text = calendarText('Rejon 1, Testowo', [event, { ...event, uid: 'other@dzielnicowy', cancelled: true, sequence: 3 }], now);
    const all = readCalendar(text);
    expect(all[0]).toEqual({ name: 'BEGIN', params: '', value: 'VCALENDAR' });
    expect(all.find((p) => p.name === 'VERSION')?.value).toBe('2.0');
    expect(all.filter((p) => p.name === 'TZID').map((p) => p.value)).toEqual(['Europe/Warsaw']);
    const [first, second] = eventsOf(text);
    expect(first!.UID!.value).toBe(event.uid);
    expect(first!.DTSTAMP!.value).toBe('20270702T080910Z');
    expect(first!.SEQUENCE!.value).toBe('2');
    expect(first!.DTSTART).toEqual({ params: ';TZID=Europe/Warsaw', value: '20270715T173000' });
    expect(first!.DTEND).toEqual({ params: ';TZID=Europe/Warsaw', value: '20270715T190000' });
    expect(unescapeText(first!.SUMMARY!.value)).toBe(event.summary);
    expect(unescapeText(first!.LOCATION!.value)).toBe(event.location);
    expect(unescapeText(first!.DESCRIPTION!.value)).toBe(event.description);
    expect(first!.STATUS!.value).toBe('CONFIRMED');
    expect(second!.STATUS!.value).toBe('CANCELLED');
    expect(second!.SEQUENCE!.value).toBe('3');
  });
});
