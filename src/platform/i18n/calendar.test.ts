import { describe, expect, it } from 'vitest';
import { isCalendarDay } from './calendar.js';

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
