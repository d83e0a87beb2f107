import type { DeadlineKind } from '../../plans/index.js';

/**
 * E-mail reminders before deadlines (przypomnienia o terminach): which deadline is reminded of
 * today, to whom, and how one person's reminders make one e-mail. Plain functions over plain
 * data; the deadlines come from the dashboard's `openDeadlines` (plans and the action log) and
 * the reports' rules.
 */
export type ReminderKind = DeadlineKind | 'action' | 'report';

/** Whose work a deadline is: the district's officer, or the unit's supervisors and commander. */
export type Audience = 'officer' | 'unit';

/**
 * | deadline     | reminded             | why                                                          |
 * |--------------|----------------------|--------------------------------------------------------------|
 * | `submission` | the district officer | the officer drafts and submits the plan                       |
 * | `evaluation` | the district officer | the officer reports how the plan went, for the evaluation     |
 * | `action`     | the district officer | the officer (or the day's substitute) carries the actions out |
 * | `approval`   | the unit's reviewers | a supervisor or commander approves or returns the plan        |
 * | `publication`| the unit's reviewers | the approved plan is published by them                        |
 * | `report`     | the unit's reviewers | a report past its limit needs a decision above the officer    |
 *
 * A district with nobody to serve it today (a vacancy, no substitute, or no e-mail on file)
 * passes the officer's reminders to the unit's reviewers: someone must hear of them.
 */
export const audienceOf: Record<ReminderKind, Audience> = {
  submission: 'officer',
  evaluation: 'officer',
  action: 'officer',
  approval: 'unit',
  publication: 'unit',
  report: 'unit',
};

/** The stage of a reminder after its deadline: one e-mail that it was missed. */
export const missedStage = -1;

/** How long after a missed deadline its one reminder may still go (not a flood of old ones on the first run). */
export const missedWindowDays = 14;

/** Whole days from `from` to `to` ("YYYY-MM-DD"; negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T12:00:00Z`) - Date.parse(`${from}T12:00:00Z`)) / 86_400_000);
}

/**
 * The reminder a deadline is due for today, as its stage, or null:
 *
 * - before the deadline, the nearest reminder day not yet passed: with "7, 1", from 7 days before
 *   the stage is 7, on the last day before it 1. A day the job did not run (or a deadline set
 *   with less time left, such as an approval due 7 days after submission) still gets its
 *   reminder, late rather than never; each stage goes once (reminders_sent).
 * - after the deadline (`missed`), the missed stage, within `missedWindowDays`.
 * - `onlyMissed` (reports: their limits are days, a reminder before would come with each report).
 */
export function reminderStage(due: string, today: string, reminderDays: readonly number[], onlyMissed = false): number | null {
  const left = daysBetween(today, due);
  if (left < 0) return -left <= missedWindowDays ? missedStage : null;
  if (onlyMissed) return null;
  const ahead = reminderDays.filter((d) => d >= left);
  return ahead.length ? Math.min(...ahead) : null;
}

/** One deadline in a reminder, with what the e-mail says of it. */
export interface ReminderItem {
  /** The deadline's identity and day: the same deadline moved to another day is a new one. */
  key: string;
  kind: ReminderKind;
  due: string;
  stage: number;
  districtId: string;
  districtName: string;
  unitId: string;
  unitName: string;
  planId: string | null;
  /** An action's number from 1 and its description; a report's number. */
  action: number | null;
  description: string | null;
  reportId: number | null;
  /** Passed to the unit because the district has nobody to serve it today. */
  vacancy: boolean;
}

export interface Recipient {
  accountId: string;
  email: string;
  name: string;
}

export interface Reminder {
  recipient: Recipient;
  items: ReminderItem[];
}

/**
 * One e-mail per person: their items from every district and role merged (a supervisor who is
 * also a district's substitute gets one e-mail), each deadline once, missed ones first, then by
 * day, district and key; people ordered by e-mail address for a stable run.
 */
export function mergeByRecipient(pairs: readonly { recipient: Recipient; item: ReminderItem }[]): Reminder[] {
  const byPerson = new Map<string, Reminder>();
  for (const { recipient, item } of pairs) {
    const reminder = byPerson.get(recipient.accountId) ?? { recipient, items: [] };
    byPerson.set(recipient.accountId, reminder);
    if (!reminder.items.some((i) => i.key === item.key && i.stage === item.stage)) reminder.items.push(item);
  }
  const order = (a: ReminderItem, b: ReminderItem) =>
    Number(b.stage === missedStage) - Number(a.stage === missedStage) ||
    a.due.localeCompare(b.due) ||
    a.districtName.localeCompare(b.districtName, 'pl') ||
    a.key.localeCompare(b.key);
  return [...byPerson.values()]
    .map((r) => ({ recipient: r.recipient, items: r.items.sort(order) }))
    .sort((a, b) => a.recipient.email.localeCompare(b.recipient.email) || a.recipient.accountId.localeCompare(b.recipient.accountId));
}
