import { describe, expect, it } from 'vitest';
import { dayInPoland, isCalendarDay, timeInPoland, warsawInstants } from './calendar.js';

describe('isCalendarDay', () => {
  it('takes real days written YYYY-MM-DD', () => {
    for (const day of ['2026-11-05', '2028-02-29', '0001-01-01', '9999-12-31']) expect(isCalendarDay(day), day).toBe(true);
  });

  it('refuses days that do not exist, other forms, and year 0000 (PostgreSQL has no year 0)', () => {
    for (const day of [
      '2026-02-30',
      '2026-13-01',
      '2026-1-5',
      '',
      '20261105',
      '2026-11-05T00:00',
      '0000-01-01',
      '-1e309',
      '+275760-09-13',
    ]) {
      expect(isCalendarDay(day), day).toBe(false);
    }
  });
});

describe('warsawInstants', () => {
  it('finds the one instant of an ordinary winter and summer time', () => {
    expect(warsawInstants('2026-12-05', '21:30')).toEqual([new Date('2026-12-05T20:30:00Z')]);
    expect(warsawInstants('2026-07-14', '00:05')).toEqual([new Date('2026-07-13T22:05:00Z')]);
  });

  it('finds none in the hour skipped when clocks go forward (29 March 2026, 02:00 → 03:00)', () => {
    expect(warsawInstants('2026-03-29', '02:30')).toEqual([]);
    expect(warsawInstants('2026-03-29', '01:59')).toEqual([new Date('2026-03-29T00:59:00Z')]);
    expect(warsawInstants('2026-03-29', '03:00')).toEqual([new Date('2026-03-29T01:00:00Z')]);
  });

  it('finds both, earliest first, in the hour repeated when clocks go back (25 October 2026)', () => {
    expect(warsawInstants('2026-10-25', '02:30')).toEqual([new Date('2026-10-25T00:30:00Z'), new Date('2026-10-25T01:30:00Z')]);
    expect(warsawInstants('2026-10-25', '03:00')).toEqual([new Date('2026-10-25T02:00:00Z')]);
  });

  it('gives back the wall-clock time it was asked for', () => {
    for (const [day, time] of [
      ['2026-10-25', '02:59'],
      ['2027-03-28', '03:00'],
      ['2026-01-01', '00:00'],
    ] as const) {
      for (const instant of warsawInstants(day, time)) expect([dayInPoland(instant), timeInPoland(instant)]).toEqual([day, time]);
    }
  });
});
