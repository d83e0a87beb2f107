import { describe, expect, it } from 'vitest';
import { daysBetween, mergeByRecipient, missedStage, missedWindowDays, reminderStage, type Recipient, type ReminderItem } from './rules.js';

describe('which deadlines fall on the reminder days', () => {
  const days = [7, 1];

  it('reminds on each configured day before a deadline, and on its last day with 0', () => {
    expect(reminderStage('2026-03-10', '2026-03-03', days)).toBe(7);
    expect(reminderStage('2026-03-10', '2026-03-09', days)).toBe(1);
    expect(reminderStage('2026-03-10', '2026-03-02', days)).toBeNull();
    expect(reminderStage('2026-03-10', '2026-03-10', [0])).toBe(0);
    expect(reminderStage('2026-03-10', '2026-03-09', [0])).toBeNull();
  });

  it('keeps the stage of the nearest reminder day not yet passed, so a day without a run loses nothing', () => {
    // 5 days before: the 7-day reminder (sent once; reminders_sent keeps it from repeating).
    expect(reminderStage('2026-03-10', '2026-03-05', days)).toBe(7);
    // On the last day with "7, 1": still the 1-day stage.
    expect(reminderStage('2026-03-10', '2026-03-10', days)).toBe(1);
  });

  it('follows a changed setting', () => {
    expect(reminderStage('2026-03-10', '2026-03-07', [3])).toBe(3);
    expect(reminderStage('2026-03-10', '2026-03-06', [3])).toBeNull();
    expect(reminderStage('2026-03-10', '2026-03-06', [14, 3])).toBe(14);
  });

  it('gives a missed deadline one stage, within the window after it, also without reminder days', () => {
    expect(reminderStage('2026-03-10', '2026-03-11', days)).toBe(missedStage);
    expect(reminderStage('2026-03-10', '2026-03-11', [])).toBe(missedStage);
    expect(reminderStage('2026-03-10', '2026-03-10', [])).toBeNull();
    expect(reminderStage('2026-03-10', `2026-03-${10 + missedWindowDays}`, days)).toBe(missedStage);
    expect(reminderStage('2026-03-10', `2026-03-${11 + missedWindowDays}`, days)).toBeNull();
  });

  it('reminds of reports only once they are missed', () => {
    expect(reminderStage('2026-03-10', '2026-03-09', days, true)).toBeNull();
    expect(reminderStage('2026-03-10', '2026-03-11', days, true)).toBe(missedStage);
  });

  it('counts days across months and years', () => {
    expect(daysBetween('2026-02-27', '2026-03-02')).toBe(3);
    expect(daysBetween('2026-12-31', '2027-01-01')).toBe(1);
    expect(daysBetween('2026-03-29', '2026-03-28')).toBe(-1);
  });
});

describe('one e-mail per person', () => {
  const person = (id: string, email: string): Recipient => ({ accountId: id, email, name: id });
  const item = (key: string, due: string, stage: number, districtName = 'Rejon 1'): ReminderItem => ({
    key,
    kind: 'submission',
    due,
    stage,
    districtId: districtName,
    districtName,
    unitId: 'kpp',
    unitName: 'KPP',
    planId: 'p',
    action: null,
    description: null,
    reportId: null,
    vacancy: false,
  });

  it('merges a person’s items from every district, each deadline once, missed first, then by day', () => {
    const anna = person('a', 'anna@example.pl');
    const jan = person('j', 'jan@example.pl');
    const merged = mergeByRecipient([
      { recipient: jan, item: item('k1', '2026-03-10', 7) },
      { recipient: anna, item: item('k1', '2026-03-10', 7) },
      { recipient: anna, item: item('k2', '2026-03-05', 1, 'Rejon 2') },
      { recipient: anna, item: item('k1', '2026-03-10', 7) },
      { recipient: anna, item: item('k3', '2026-03-20', missedStage) },
    ]);
    expect(merged.map((r) => r.recipient.email)).toEqual(['anna@example.pl', 'jan@example.pl']);
    expect(merged[0]!.items.map((i) => i.key)).toEqual(['k3', 'k2', 'k1']);
    expect(merged[1]!.items.map((i) => i.key)).toEqual(['k1']);
  });

  it('keeps two stages of one deadline apart (a rerun on another day is another reminder)', () => {
    const anna = person('a', 'anna@example.pl');
    const merged = mergeByRecipient([
      { recipient: anna, item: item('k1', '2026-03-10', 7) },
      { recipient: anna, item: item('k1', '2026-03-10', 1) },
    ]);
    expect(merged[0]!.items.map((i) => i.stage)).toEqual([7, 1]);
  });
});
