/**
 * An iCalendar (RFC 5545) feed of events. Written here rather than with a library: the feed needs
 * one component with a dozen properties, and the rules that matter (escaped text, lines folded at
 * 75 octets without splitting a character, CRLF, a VTIMEZONE for TZID) are tested in
 * icalendar.test.ts by reading the feed back. Measured against ical-generator 11.1.2 (December
 * 2026): 814 KB unpacked (157 KB packed), and a TZID with its VTIMEZONE needs a second package
 * (@touch4it/ical-timezones); this file is under 4 KB.
 */

export interface CalendarEvent {
  /** Stable for the event's life: calendars match changes and cancellations by it. */
  uid: string;
  /** Bumped on every change (SEQUENCE). */
  sequence: number;
  /** YYYY-MM-DD and HH:MM in Europe/Warsaw. */
  day: string;
  startsAt: string;
  endsAt: string;
  summary: string;
  location: string;
  description: string;
  url: string;
  cancelled: boolean;
  /** When the event was last changed (LAST-MODIFIED). */
  updatedAt: Date;
}

/** TEXT values (RFC 5545 3.3.11): backslash, semicolon, comma and line breaks escaped. */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/** Folds a content line to at most 75 octets per line (3.1), never inside a UTF-8 character. */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char, 'utf8');
    // Continuation lines start with a space, which counts towards their 75 octets.
    const limit = parts.length === 0 ? 75 : 74;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

const utcStamp = (value: Date) =>
  value
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
const localStamp = (day: string, time: string) => `${day.replace(/-/g, '')}T${time.replace(':', '')}00`;

/** Europe/Warsaw's rules since 1996 (EU summer time), so TZID times mean the same everywhere. */
const warsawTimezone = [
  'BEGIN:VTIMEZONE',
  'TZID:Europe/Warsaw',
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'TZNAME:CEST',
  'DTSTART:19700329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'TZNAME:CET',
  'DTSTART:19701025T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
];

/** The whole feed as text: CRLF line ends, folded lines. `now` is the DTSTAMP of every event. */
export function calendarText(name: string, events: readonly CalendarEvent[], now: Date): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Dzielnicowy//Spotkania//PL',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(name)}`,
    'X-WR-TIMEZONE:Europe/Warsaw',
    ...warsawTimezone,
  ];
  for (const event of events) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${event.uid}`,
      `DTSTAMP:${utcStamp(now)}`,
      `LAST-MODIFIED:${utcStamp(event.updatedAt)}`,
      `SEQUENCE:${event.sequence}`,
      `DTSTART;TZID=Europe/Warsaw:${localStamp(event.day, event.startsAt)}`,
      `DTEND;TZID=Europe/Warsaw:${localStamp(event.day, event.endsAt)}`,
      `SUMMARY:${escapeText(event.summary)}`,
      `LOCATION:${escapeText(event.location)}`,
      `DESCRIPTION:${escapeText(event.description)}`,
      `URL:${event.url}`,
      `STATUS:${event.cancelled ? 'CANCELLED' : 'CONFIRMED'}`,
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
