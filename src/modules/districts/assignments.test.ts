import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { coversDay, dayBefore, isCalendarDay, periodsOverlap, servingOn } from './assignments.js';
import { warsawToday } from '../../platform/i18n/calendar.js';
import type { Assignment } from './model.js';

const a = (kind: Assignment['kind'], startsOn: string, endsOn: string | null, id = `${kind}-${startsOn}`): Assignment => ({
  id,
  districtId: 'kpp-lubartow/3',
  officerId: `o-${id}`,
  kind,
  startsOn,
  endsOn,
});

describe('assignments', () => {
  it('finds the regular officer and a substitute of a day', () => {
    const history = [
      a('regular', '2024-01-01', '2025-06-30'),
      a('regular', '2025-07-01', null),
      a('substitute', '2026-02-01', '2026-02-14'),
    ];
    expect(servingOn(history, '2025-06-30').regular?.startsOn).toBe('2024-01-01');
    expect(servingOn(history, '2025-07-01').regular?.startsOn).toBe('2025-07-01');
    expect(servingOn(history, '2026-02-10')).toMatchObject({ regular: { startsOn: '2025-07-01' }, substitute: { startsOn: '2026-02-01' } });
    expect(servingOn(history, '2023-12-31')).toEqual({ regular: null, substitute: null });
  });

  it('treats periods as inclusive calendar days', () => {
    expect(periodsOverlap(a('regular', '2024-01-01', '2024-06-30'), a('regular', '2024-06-30', null))).toBe(true);
    expect(periodsOverlap(a('regular', '2024-01-01', '2024-06-29'), a('regular', '2024-06-30', null))).toBe(false);
    expect(periodsOverlap(a('regular', '2024-01-01', null), a('regular', '2030-01-01', null))).toBe(true);
    expect(coversDay(a('regular', '2024-01-01', '2024-01-01'), '2024-01-01')).toBe(true);
  });

  it('overlap is symmetric', () => {
    const day = fc
      .date({ min: new Date('2000-01-01'), max: new Date('2040-01-01'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    const period = fc
      .tuple(day, fc.option(day))
      .map(([s, e]) => (e === null || e >= s ? { startsOn: s, endsOn: e } : { startsOn: e, endsOn: s }));
    fc.assert(fc.property(period, period, (p, q) => periodsOverlap(p, q) === periodsOverlap(q, p)));
  });

  it('does calendar arithmetic on days, across months and leap years', () => {
    expect(dayBefore('2026-03-01')).toBe('2026-02-28');
    expect(dayBefore('2024-03-01')).toBe('2024-02-29');
    expect(dayBefore('2026-01-01')).toBe('2025-12-31');
    expect(isCalendarDay('2026-02-29')).toBe(false);
    expect(isCalendarDay('2024-02-29')).toBe(true);
    expect(isCalendarDay('2024-2-9')).toBe(false);
  });

  it('knows the day in Poland, not in UTC', () => {
    expect(warsawToday(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
    expect(warsawToday(new Date('2026-07-01T21:59:00Z'))).toBe('2026-07-01');
  });
});
