import type { Localized } from '../../../platform/i18n/i18n.js';
import { addDays, isCalendarDay } from '../../../platform/i18n/calendar.js';
import type { PlanAction, PlanStatus } from '../model.js';

/**
 * The action log (dziennik działań): what an officer did to carry out a published plan. Plain
 * data and pure rules; SQL in repository.ts, writes in manage-action-log.ts.
 */

/** What was done (rodzaj działania). */
export const entryKinds = ['patrol', 'meeting', 'debate', 'leaflets', 'talk', 'check', 'partner_meeting', 'other'] as const;
export type EntryKind = (typeof entryKinds)[number];

export const entryKindLabels: Record<EntryKind, Localized> = {
  patrol: { pl: 'Patrol miejsca', en: 'Patrol of a place' },
  meeting: { pl: 'Spotkanie', en: 'Meeting' },
  debate: { pl: 'Debata', en: 'Debate' },
  leaflets: { pl: 'Ulotki', en: 'Leaflets' },
  talk: { pl: 'Pogadanka', en: 'Talk' },
  check: { pl: 'Kontrola', en: 'Check' },
  partner_meeting: { pl: 'Spotkanie z partnerem', en: 'Partner meeting' },
  other: { pl: 'Inne', en: 'Other' },
};

export function isEntryKind(value: unknown): value is EntryKind {
  return (entryKinds as readonly unknown[]).includes(value);
}

/** One entry (wpis dziennika działań). */
export interface LogEntry {
  id: string;
  planId: string;
  /** The version being carried out when it was recorded, and the action's position and text in it. */
  planVersion: number;
  actionIndex: number;
  actionText: string;
  kind: EntryKind;
  day: string;
  time: string | null;
  place: string;
  withWhom: string;
  note: string;
  /** The officer's mark that this finishes the action. */
  completes: boolean;
  /** The author's login; pages name the person (`recordedByName`, where the list read it). */
  recordedBy: string;
  recordedByName?: string;
  recordedAt: Date;
  correctedAt: Date | null;
  withdrawnAt: Date | null;
}

/** Only a plan being carried out takes entries: published, or started (in progress). */
export function takesEntries(status: PlanStatus): boolean {
  return status === 'published' || status === 'in_progress';
}

/** How long after recording an entry its author may still correct or withdraw it. */
export const correctionDays = 7;

/**
 * Who may correct or withdraw an entry: only its author, while it is not withdrawn, up to
 * `correctionDays` calendar days (in Poland) after the day it was recorded, and while the plan is
 * still carried out. Later, what was recorded stands: an evaluation may rest on it.
 */
export function mayChangeEntry(
  entry: Pick<LogEntry, 'recordedBy' | 'withdrawnAt'> & { recordedDay: string },
  by: string,
  planStatus: PlanStatus,
  today: string,
): boolean {
  return (
    entry.recordedBy === by && entry.withdrawnAt === null && takesEntries(planStatus) && today <= addDays(entry.recordedDay, correctionDays)
  );
}

/** The status of one plan action, as the plan page shows it. */
export const actionProgresses = ['not_started', 'in_progress', 'done', 'late'] as const;
export type ActionProgress = (typeof actionProgresses)[number];

export const actionProgressLabels: Record<ActionProgress, Localized> = {
  not_started: { pl: 'Nierozpoczęte', en: 'Not started' },
  in_progress: { pl: 'W toku', en: 'In progress' },
  done: { pl: 'Wykonane', en: 'Done' },
  late: { pl: 'Opóźnione', en: 'Late' },
};

/**
 * An action's status from its dates, today and its live (not withdrawn) entries. The first row
 * that holds wins:
 *
 * | status        | when                                                        | why                                                     |
 * |---------------|-------------------------------------------------------------|---------------------------------------------------------|
 * | `done`        | the plan marks it done, or a live entry finishes it         | the officer said so; dates no longer matter             |
 * | `late`        | its deadline (`to`) is before today and it is not done      | a passed deadline shows even with entries: work remains |
 * | `in_progress` | it has at least one live entry                              | something was done, its time is not over                |
 * | `not_started` | otherwise (before `from`, or within its dates with nothing) | only entries show work; a started period proves nothing |
 *
 * An action with no dates is never late. A deadline day itself is still on time.
 */
export function actionProgress(
  action: Pick<PlanAction, 'to' | 'status'>,
  entries: readonly Pick<LogEntry, 'completes' | 'withdrawnAt'>[],
  today: string,
): ActionProgress {
  const live = entries.filter((e) => e.withdrawnAt === null);
  if (action.status === 'done' || live.some((e) => e.completes)) return 'done';
  if (action.to !== null && action.to < today) return 'late';
  if (live.length > 0) return 'in_progress';
  return 'not_started';
}

/** What an officer sends for an entry, before it is checked. */
export interface EntryInput {
  actionIndex: number;
  kind: string;
  day: string;
  time?: string | undefined;
  place?: string | undefined;
  withWhom?: string | undefined;
  note?: string | undefined;
  completes?: boolean | undefined;
}

export interface EntryProblem {
  field: keyof EntryInput;
  code: string;
  message: Localized;
}

/** Work may start before a published plan's period (preparing leaflets, arranging a debate): this many days. */
export const preparationDays = 60;

export const entryLimits = { place: 200, withWhom: 200, note: 1000 } as const;

/**
 * What is wrong with an entry, field by field (empty: nothing). The day is a calendar day, not in
 * the future and at most `preparationDays` before the plan's period begins; the action is one of
 * the plan's.
 */
export function entryProblems(input: EntryInput, context: { actionCount: number; periodFrom: string; today: string }): EntryProblem[] {
  const problems: EntryProblem[] = [];
  if (!Number.isInteger(input.actionIndex) || input.actionIndex < 0 || input.actionIndex >= context.actionCount) {
    problems.push({
      field: 'actionIndex',
      code: 'unknown_action',
      message: { pl: 'Wybierz działanie z planu.', en: 'Choose one of the plan’s actions.' },
    });
  }
  if (!isEntryKind(input.kind)) {
    problems.push({ field: 'kind', code: 'unknown_kind', message: { pl: 'Wybierz rodzaj działania.', en: 'Choose what was done.' } });
  }
  if (!isCalendarDay(input.day)) {
    problems.push({
      field: 'day',
      code: 'invalid_day',
      message: { pl: 'Podaj datę w postaci RRRR-MM-DD.', en: 'Give the date as YYYY-MM-DD.' },
    });
  } else if (input.day > context.today) {
    problems.push({
      field: 'day',
      code: 'future_day',
      message: { pl: 'Data nie może być z przyszłości.', en: 'The date cannot be in the future.' },
    });
  } else if (input.day < addDays(context.periodFrom, -preparationDays)) {
    const earliest = addDays(context.periodFrom, -preparationDays);
    problems.push({
      field: 'day',
      code: 'before_period',
      message: {
        pl: `Data nie może być wcześniejsza niż ${earliest} (${preparationDays} dni przed początkiem planu).`,
        en: `The date cannot be before ${earliest} (${preparationDays} days before the plan starts).`,
      },
    });
  }
  if (input.time !== undefined && input.time !== '' && !/^([01]\d|2[0-3]):[0-5]\d$/.test(input.time)) {
    problems.push({
      field: 'time',
      code: 'invalid_time',
      message: { pl: 'Podaj godzinę w postaci GG:MM.', en: 'Give the time as HH:MM.' },
    });
  }
  for (const field of ['place', 'withWhom', 'note'] as const) {
    const value = input[field];
    if (value !== undefined && value.trim().length > entryLimits[field]) {
      const limit = entryLimits[field];
      problems.push({ field, code: 'too_long', message: { pl: `Najwyżej ${limit} znaków.`, en: `At most ${limit} characters.` } });
    }
  }
  return problems;
}
