import { describe, expect, it } from 'vitest';
import {
  defaultRetentionSettings,
  isDue,
  retentionCutoff,
  retentionDays,
  retentionRule,
  retentionRules,
  retentionSettingNames,
  sentReminderDays,
  type RecordClocks,
  type RetentionSettings,
} from './rules.js';
import { defaultThrottle } from '../accounts/index.js';
import { settingDayLimit } from '../dashboard/rules.js';
import { reminderStage } from '../dashboard/reminders/rules.js';
import { addDays } from '../../platform/i18n/calendar.js';

const DAY = 86_400_000;
const now = new Date('2027-03-01T12:00:00Z');
const ago = (days: number) => new Date(now.getTime() - days * DAY);

describe('what is due for erasure', () => {
  it('has one rule per piece, and every setting stops at least one clock', () => {
    const pieces = retentionRules.map((r) => r.piece);
    expect(new Set(pieces).size).toBe(pieces.length);
    const used = new Set(retentionRules.map((r) => r.setting).filter(Boolean));
    expect([...used].sort()).toEqual([...retentionSettingNames].sort());
  });

  it('deletes sign-in throttling counters exactly when the throttle forgets them, whatever the settings', () => {
    const rule = retentionRule('signInAttempts');
    const longest = Object.fromEntries(retentionSettingNames.map((n) => [n, 90])) as unknown as RetentionSettings;
    expect(retentionDays(rule, defaultRetentionSettings) * 24).toBe(defaultThrottle.forgetAfterHours);
    expect(retentionDays(rule, longest) * 24).toBe(defaultThrottle.forgetAfterHours);
  });

  it('keeps the record of a reminder sent as long as the dashboard could send the same reminder again', () => {
    // Walk the days around one deadline with the reminder days furthest apart the settings allow: a
    // stage is claimed on the first day it is due (or later, when the job missed a day), so its record
    // must outlive the last day it is due again.
    const due = '2027-06-30';
    for (const days of [[settingDayLimit], [settingDayLimit, 0], [settingDayLimit, 30, 7, 1, 0], [0]]) {
      const daysDue = new Map<number, string[]>();
      for (let offset = -settingDayLimit - 30; offset <= 60; offset++) {
        const today = addDays(due, offset);
        const stage = reminderStage(due, today, days);
        if (stage !== null) daysDue.set(stage, [...(daysDue.get(stage) ?? []), today]);
      }
      expect(daysDue.size).toBe(days.length + 1); // each day's stage, and the missed one
      for (const [stage, list] of daysDue) {
        const span = (Date.parse(list.at(-1)!) - Date.parse(list[0]!)) / DAY;
        // One day more than the span: the record's clock is the moment it was sent, the stage's days are Polish.
        expect(span + 1, `stage ${stage} of ${days.join(', ')}`).toBeLessThanOrEqual(sentReminderDays);
      }
    }
    // The longest: a stage of 60 days is due from 60 days before the deadline to its day.
    expect(sentReminderDays).toBe(settingDayLimit + 1);
  });

  // Every rule of the table, just before and just after its time.
  for (const rule of retentionRules) {
    const days = rule.setting ? defaultRetentionSettings[rule.setting] : (rule.fixedDays ?? 0);
    const clock = (at: Date | null): RecordClocks =>
      rule.clock === 'closed' ? { createdAt: ago(10_000), closedAt: at } : rule.clock === 'created' ? { createdAt: at } : { endsAt: at };

    it(`${rule.piece}: due ${days} days after its clock (${rule.clock}) starts, not a minute sooner`, () => {
      expect(isDue(rule, clock(new Date(ago(days).getTime() - 60_000)), defaultRetentionSettings, now)).toBe(true);
      expect(isDue(rule, clock(new Date(ago(days).getTime() + 60_000)), defaultRetentionSettings, now)).toBe(false);
      expect(retentionCutoff(rule, defaultRetentionSettings, now)).toEqual(ago(days));
    });

    if (rule.clock === 'closed') {
      it(`${rule.piece}: never due while the report is open, however old`, () => {
        expect(isDue(rule, { createdAt: ago(5000), closedAt: null }, defaultRetentionSettings, now)).toBe(false);
      });
    }
  }

  it('follows the settings: a longer time keeps what the default would erase', () => {
    const rule = retentionRules.find((r) => r.piece === 'reportDescription')!;
    const closed = { closedAt: ago(200) };
    expect(isDue(rule, closed, defaultRetentionSettings, now)).toBe(true);
    expect(isDue(rule, closed, { ...defaultRetentionSettings, reportDescriptionDays: 365 }, now)).toBe(false);
  });

  it('erases the e-mail when the report closes, by the status change and not by the job', () => {
    const rule = retentionRules.find((r) => r.piece === 'reporterEmail')!;
    expect(rule).toMatchObject({ setting: null, clock: 'closed', erasedBy: 'status_change' });
    expect(isDue(rule, { closedAt: new Date(now.getTime() - 1) }, defaultRetentionSettings, now)).toBe(true);
  });
});
