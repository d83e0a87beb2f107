import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { defaultReportSettings, reportDeadlines } from './deadlines.js';
import { reportStatuses } from './status.js';

const at = (iso: string) => new Date(iso);
const settings = defaultReportSettings;
const fresh = (createdAt: string) => ({ status: 'new' as const, createdAt: at(createdAt), verifyingSince: null });

describe('take-up deadline', () => {
  it('is the creation day plus 3 days, overdue from the next Polish midnight', () => {
    const report = fresh('2026-06-10T08:00:00Z');
    expect(reportDeadlines(report, settings, at('2026-06-13T21:59:59Z'))).toEqual([{ kind: 'take_up', due: '2026-06-13', overdue: false }]);
    expect(reportDeadlines(report, settings, at('2026-06-13T22:00:00Z'))).toEqual([{ kind: 'take_up', due: '2026-06-13', overdue: true }]);
  });

  it('counts from the Polish day of creation, not the UTC one', () => {
    // 00:30 on 11 June in Warsaw is still 10 June in UTC.
    expect(reportDeadlines(fresh('2026-06-10T22:30:00Z'), settings, at('2026-06-14T12:00:00Z'))[0]).toEqual({
      kind: 'take_up',
      due: '2026-06-14',
      overdue: false,
    });
    // 23:59 on 10 June in Warsaw.
    expect(reportDeadlines(fresh('2026-06-10T21:59:00Z'), settings, at('2026-06-14T12:00:00Z'))[0]).toEqual({
      kind: 'take_up',
      due: '2026-06-13',
      overdue: true,
    });
  });

  it('survives the spring DST change (29 March 2026)', () => {
    const report = fresh('2026-03-28T22:59:00Z'); // 23:59 CET on 28 March
    expect(reportDeadlines(report, settings, at('2026-03-31T21:59:00Z'))[0]).toEqual({
      kind: 'take_up',
      due: '2026-03-31',
      overdue: false,
    }); // 23:59 CEST
    expect(reportDeadlines(report, settings, at('2026-03-31T22:00:00Z'))[0]!.overdue).toBe(true); // 00:00 CEST, 1 April
  });

  it('survives the autumn DST change (25 October 2026)', () => {
    const report = fresh('2026-10-24T22:30:00Z'); // 00:30 CEST on 25 October
    expect(reportDeadlines(report, settings, at('2026-10-28T22:59:00Z'))[0]).toEqual({
      kind: 'take_up',
      due: '2026-10-28',
      overdue: false,
    }); // 23:59 CET
    expect(reportDeadlines(report, settings, at('2026-10-28T23:00:00Z'))[0]!.overdue).toBe(true); // 00:00 CET, 29 October
  });

  it('follows the configured number of days', () => {
    expect(reportDeadlines(fresh('2026-12-30T10:00:00Z'), { ...settings, takeUpDays: 5 }, at('2027-01-01T10:00:00Z'))[0]!.due).toBe(
      '2027-01-04',
    );
  });
});

describe('verification deadline', () => {
  it('runs 5 days from the Polish day verification started', () => {
    const report = { status: 'verifying' as const, createdAt: at('2026-06-01T08:00:00Z'), verifyingSince: at('2026-06-02T22:15:00Z') }; // 3 June in Warsaw
    expect(reportDeadlines(report, settings, at('2026-06-08T12:00:00Z'))).toEqual([{ kind: 'verify', due: '2026-06-08', overdue: false }]);
    expect(reportDeadlines(report, settings, at('2026-06-08T22:00:00Z'))[0]!.overdue).toBe(true);
    expect(reportDeadlines(report, { takeUpDays: 3, verifyDays: 10 }, at('2026-06-08T22:00:00Z'))[0]).toEqual({
      kind: 'verify',
      due: '2026-06-13',
      overdue: false,
    });
  });

  it('runs on from the take-up deadline when the start was not recorded', () => {
    const report = { status: 'verifying' as const, createdAt: at('2026-06-01T08:00:00Z'), verifyingSince: null };
    expect(reportDeadlines(report, settings, at('2026-06-05T08:00:00Z'))).toEqual([{ kind: 'verify', due: '2026-06-09', overdue: false }]);
  });
});

describe('deadlines by status', () => {
  it('leave nothing pending once an outcome is recorded', () => {
    for (const status of reportStatuses.filter((s) => s !== 'new' && s !== 'verifying')) {
      expect(
        reportDeadlines({ status, createdAt: at('2020-01-01T00:00:00Z'), verifyingSince: null }, settings, at('2026-01-01T00:00:00Z')),
      ).toEqual([]);
    }
  });

  const instant = fc.date({ min: at('2020-01-01T00:00:00Z'), max: at('2030-12-31T00:00:00Z'), noInvalidDate: true });
  const days = fc.integer({ min: 1, max: 30 });

  it('once overdue, stay overdue as time passes (property)', () => {
    fc.assert(
      fc.property(
        instant,
        fc.integer({ min: 0, max: 40 * 86_400_000 }),
        fc.integer({ min: 0, max: 40 * 86_400_000 }),
        days,
        (createdAt, a, b, takeUpDays) => {
          const check = (offset: number) =>
            reportDeadlines(
              { status: 'new', createdAt, verifyingSince: null },
              { takeUpDays, verifyDays: 5 },
              new Date(createdAt.getTime() + offset),
            )[0]!;
          const [early, late] = [check(Math.min(a, b)), check(Math.max(a, b))];
          expect(early.due).toBe(late.due);
          if (early.overdue) expect(late.overdue).toBe(true);
        },
      ),
    );
  });

  it('are never overdue within N × 24 h − 1 h of the start, and always after N + 2 days (property)', () => {
    // A Polish day lasts 23–25 hours, so these bounds hold across every DST change.
    fc.assert(
      fc.property(instant, days, (createdAt, takeUpDays) => {
        const report = { status: 'new' as const, createdAt, verifyingSince: null };
        const hours = (h: number) => new Date(createdAt.getTime() + h * 3_600_000);
        expect(reportDeadlines(report, { takeUpDays, verifyDays: 1 }, hours(takeUpDays * 24 - 1))[0]!.overdue).toBe(false);
        expect(reportDeadlines(report, { takeUpDays, verifyDays: 1 }, hours((takeUpDays + 2) * 24))[0]!.overdue).toBe(true);
      }),
    );
  });
});
