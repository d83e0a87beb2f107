import { describe, expect, it } from 'vitest';
import { calendarText, escapeText, foldLine, type CalendarEvent } from './icalendar.js';

/** A strict reader of what calendarText writes: CRLF only, lines of at most 75 octets, unfolded and split into properties. */
export function readCalendar(text: string): { name: string; params: string; value: string }[] {
  expect(text.endsWith('\r\n')).toBe(true);
  expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  const physical = text.slice(0, -2).split('\r\n');
  for (const line of physical) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
  const logical: string[] = [];
  for (const line of physical) {
    if (line.startsWith(' ')) logical[logical.length - 1] += line.slice(1);
    else logical.push(line);
  }
  return logical.map((line) => {
    const match = /^([A-Z-]+)((?:;[^:]*)?):(.*)$/.exec(line);
    if (!match) throw new Error(`not a content line: ${line}`);
    return { name: match[1]!, params: match[2]!, value: match[3]! };
  });
}

/** TEXT values back (RFC 5545 3.3.11). */
export const unescapeText = (value: string) => value.replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));

/** The VEVENTs of a feed, each as its properties by name. */
export function eventsOf(text: string): Record<string, { params: string; value: string }>[] {
  const events: Record<string, { params: string; value: string }>[] = [];
  let current: Record<string, { params: string; value: string }> | null = null;
  for (const p of readCalendar(text)) {
    if (p.name === 'BEGIN' && p.value === 'VEVENT') current = {};
    else if (p.name === 'END' && p.value === 'VEVENT') {
      events.push(current!);
      current = null;
    } else if (current) current[p.name] = { params: p.params, value: p.value };
  }
  return events;
}

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
