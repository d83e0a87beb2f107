import { describe, expect, it } from 'vitest';
import { addMonths, daysOf, defaultBaselineWindows } from './windows.js';

describe('default baseline windows', () => {
  it('takes the previous half-year and the same half-year a year before', () => {
    expect(defaultBaselineWindows({ from: '2026-07-01', to: '2026-12-31' })).toEqual([
      { from: '2025-07-01', to: '2025-12-31' },
      { from: '2026-01-01', to: '2026-06-30' },
    ]);
  });

  it('handles a period crossing a year', () => {
    expect(defaultBaselineWindows({ from: '2026-10-01', to: '2027-03-31' })).toEqual([
      { from: '2025-10-01', to: '2026-03-31' },
      { from: '2026-04-01', to: '2026-09-30' },
    ]);
  });

  it('keeps month ends in leap years and starts on 29 February without inventing a day', () => {
    expect(defaultBaselineWindows({ from: '2025-03-01', to: '2025-08-31' })[0]).toEqual({ from: '2024-03-01', to: '2024-08-31' });
    // A whole-months period ending in February: last year's February has 29 days.
    expect(defaultBaselineWindows({ from: '2024-09-01', to: '2025-02-28' })[0]).toEqual({ from: '2023-09-01', to: '2024-02-29' });
    // A period starting on 29 February (not whole months): a year earlier starts on 28 February.
    const windows = defaultBaselineWindows({ from: '2028-02-29', to: '2028-05-15' });
    expect(windows.map((w) => w.from)).toEqual(['2027-02-28', '2027-12-14']);
    expect(daysOf(windows[1]!)).toBe(daysOf({ from: '2028-02-29', to: '2028-05-15' }));
    expect(windows[1]!.to).toBe('2028-02-28');
  });

  it('uses the same number of days for a period that is not whole months', () => {
    expect(defaultBaselineWindows({ from: '2026-04-10', to: '2026-07-09' })).toEqual([
      { from: '2025-04-10', to: '2025-07-09' },
      { from: '2026-01-09', to: '2026-04-09' },
    ]);
    // 184 days: the two windows would share three days, so they are joined.
    expect(defaultBaselineWindows({ from: '2026-03-15', to: '2026-09-14' })).toEqual([{ from: '2025-03-15', to: '2026-03-14' }]);
  });

  it('joins the windows of a year-long plan into one (no day counted twice)', () => {
    expect(defaultBaselineWindows({ from: '2026-01-01', to: '2026-12-31' })).toEqual([{ from: '2025-01-01', to: '2025-12-31' }]);
  });

  it('moves days by whole months', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2024-02-29', -12, false)).toBe('2023-02-28');
    expect(addMonths('2026-01-15', -13)).toBe('2024-12-15');
  });
});
