import { describe, expect, it } from 'vitest';
import { eventAgeProblem, oldestEventDay, parseEventDate, parseEventTime, readEventTime, type EventTime } from './event-time.js';

// 21:40 in Poland (winter time) on Saturday 5 December 2026.
const now = new Date('2026-12-05T20:40:00Z');
const read = (date: string | null, time: string | null = null, when = now) => readEventTime({ date, time }, when);
const problems = (result: ReturnType<typeof readEventTime>) => (result.ok ? [] : result.errors.map((e) => e.field));

describe('parsing what people type', () => {
  it('reads the browser form and the Polish typed forms of a day', () => {
    const cases: [string, string][] = [
      ['2026-12-05', '2026-12-05'],
      ['5.12.2026', '2026-12-05'],
      [' 05.12.2026 r. ', '2026-12-05'],
      ['5/12/2026', '2026-12-05'],
      ['29-02-2028', '2028-02-29'],
    ];
    for (const [typed, day] of cases) expect(parseEventDate(typed), typed).toBe(day);
  });

  it('refuses what is not a real day', () => {
    for (const typed of ['31.11.2026', '2026-13-01', '12.2026', '5.12.26', 'wczoraj', '2026-12-05T21:30', '00.01.2026']) {
      expect(parseEventDate(typed), typed).toBeNull();
    }
  });

  it('reads times as browsers send them and as typed', () => {
    const cases: [string, string][] = [
      ['21:30', '21:30'],
      ['21:30:00', '21:30'],
      ['9:05', '09:05'],
      ['21.30', '21:30'],
      ['00:00', '00:00'],
    ];
    for (const [typed, time] of cases) expect(parseEventTime(typed), typed).toBe(time);
    for (const typed of ['24:00', '21:60', '2130', '21', 'wieczorem', '9:5']) expect(parseEventTime(typed), typed).toBeNull();
  });
});

describe('readEventTime', () => {
  it('keeps "no time given" apart from midnight', () => {
    expect(read('5.12.2026')).toEqual({ ok: true, value: { date: '2026-12-05', time: null } });
    expect(read('5.12.2026', '00:00')).toEqual({ ok: true, value: { date: '2026-12-05', time: '00:00' } });
    expect(read('', '')).toEqual({ ok: true, value: null });
  });

  it('refuses a time without a day, and names each bad field', () => {
    expect(problems(read(null, '21:30'))).toEqual(['eventDate']);
    expect(problems(read('31.11.2026', '25:00'))).toEqual(['eventDate', 'eventTime']);
  });

  it('refuses a day after today in Poland, even when UTC is still on the day before', () => {
    // 23:30 UTC on 5 December is already 6 December in Poland.
    const lateEvening = new Date('2026-12-05T23:30:00Z');
    expect(read('2026-12-06', null, lateEvening).ok).toBe(true);
    expect(problems(read('2026-12-07', null, lateEvening))).toEqual(['eventDate']);
    expect(problems(read('2026-12-06'))).toEqual(['eventDate']);
  });

  it('refuses a time later than now, allowing five minutes of a fast clock', () => {
    expect(read('2026-12-05', '21:45').ok).toBe(true);
    const late = read('2026-12-05', '21:46');
    expect(!late.ok && late.errors[0]).toMatchObject({ field: 'eventTime', message: { pl: 'Czas zdarzenia nie może być w przyszłości.' } });
  });

  it('refuses 02:30 on the last Sunday of March: that hour does not exist in Poland', () => {
    const result = read('29.03.2026', '02:30');
    expect(problems(result)).toEqual(['eventTime']);
    expect(!result.ok && result.errors[0]!.message.pl).toBe(
      'Godziny 02:30 nie było 29 marca 2026 r.: tej nocy zegary przestawiono z 2:00 na 3:00. Podaj godzinę sprzed 2:00 albo od 3:00.',
    );
    expect(!result.ok && result.errors[0]!.message.en).toContain('There was no 02:30 on 29 March 2026');
    expect(read('29.03.2026', '01:59').ok).toBe(true);
    expect(read('29.03.2026', '03:00').ok).toBe(true);
  });

  it('takes 02:30 on the last Sunday of October as the wall clock showed it (the hour happens twice)', () => {
    expect(read('25.10.2026', '02:30')).toEqual({ ok: true, value: { date: '2026-10-25', time: '02:30' } });
  });

  it('in the repeated hour, is not in the future once its first occurrence has passed', () => {
    // 02:40 summer time (00:40 UTC): the second 02:30 (01:30 UTC) is still ahead, the first is not.
    const firstPass = new Date('2026-10-25T00:40:00Z');
    expect(read('2026-10-25', '02:30', firstPass).ok).toBe(true);
    expect(problems(read('2026-10-25', '02:50', firstPass))).toEqual(['eventTime']);
  });
});

describe('eventAgeProblem', () => {
  const event = (date: string): EventTime => ({ date, time: '12:00' });

  it('counts Polish calendar days back from today', () => {
    expect(oldestEventDay(now, 30)).toBe('2026-11-05');
    expect(eventAgeProblem(event('2026-11-05'), now, 30)).toBeNull();
    expect(eventAgeProblem(event('2026-11-04'), now, 30)).toEqual({
      field: 'eventDate',
      message: {
        pl: 'Data zdarzenia może sięgać najwyżej 30 dni wstecz (najwcześniej 5 listopada 2026).',
        en: 'The date of the event may go back at most 30 days (5 November 2026 at the earliest).',
      },
    });
  });

  it('follows the limit it is given, in Polish plural forms', () => {
    expect(eventAgeProblem(event('2026-12-04'), now, 1)).toBeNull();
    expect(eventAgeProblem(event('2026-12-03'), now, 1)?.message.pl).toContain('najwyżej 1 dzień wstecz');
    expect(eventAgeProblem(event('2026-12-02'), now, 2)?.message.pl).toContain('najwyżej 2 dni wstecz');
    expect(eventAgeProblem(event('2025-12-05'), now, 365)).toBeNull();
  });
});
