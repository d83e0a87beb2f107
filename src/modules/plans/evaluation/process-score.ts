import type { Localized } from '../../../platform/i18n/i18n.js';
import { actionProgress, type LogEntry } from '../action-log/rules.js';
import type { PlanAction } from '../model.js';

/**
 * The process score (ocena procesu): how many of the plan's actions that were due were done on
 * time. It describes the work, not its effect, so it is shown beside the goal's verdict and never
 * changes it: a plan may do everything on time and still not reduce burglaries, or the reverse.
 */

/** How one action stands at the evaluation. */
export const actionOutcomes = ['on_time', 'late', 'not_done', 'not_due', 'cancelled'] as const;
export type ActionOutcome = (typeof actionOutcomes)[number];

export const actionOutcomeLabels: Record<ActionOutcome, Localized> = {
  on_time: { pl: 'Wykonane w terminie', en: 'Done on time' },
  late: { pl: 'Wykonane po terminie', en: 'Done late' },
  not_done: { pl: 'Niewykonane', en: 'Not done' },
  not_due: { pl: 'Termin jeszcze nie minął', en: 'Not yet due' },
  cancelled: { pl: 'Odwołane', en: 'Cancelled' },
};

export interface ActionScore {
  index: number;
  description: string;
  /** The action's own deadline, or the plan's last day when it names none. */
  deadline: string;
  outcome: ActionOutcome;
}

export interface ProcessScore {
  actions: ActionScore[];
  /** Actions whose deadline has passed by `asOf` (cancelled ones are not due). */
  due: number;
  onTime: number;
  /** onTime / due; null when nothing was due (no share of nothing). */
  share: number | null;
}

/**
 * Each action, judged on `asOf` (the evaluation day) by its deadline and its live action-log
 * entries (those recorded under its position, as the action log shows them):
 *
 * | outcome     | when                                                               | why                                                |
 * |-------------|--------------------------------------------------------------------|----------------------------------------------------|
 * | `cancelled` | the plan marks it cancelled                                        | a change of plan, not a failure: not due           |
 * | `on_time`   | done by its deadline or `asOf`, whichever is first                 | the action log's rule (actionProgress) on that day |
 * | `not_due`   | its deadline is after `asOf`                                       | its time is not over yet                           |
 * | `late`      | done by `asOf`, but not by its deadline                            | done, but later than promised                      |
 * | `not_done`  | otherwise                                                          | its deadline passed with nothing finishing it      |
 *
 * An action the plan itself marks done has no date of its own: the plan's record is taken as on
 * time, as the action log's page shows it done. An action with no dates is due at the plan's end.
 */
export function processScore(
  actions: readonly Pick<PlanAction, 'description' | 'to' | 'status'>[],
  entries: readonly Pick<LogEntry, 'actionIndex' | 'day' | 'completes' | 'withdrawnAt'>[],
  periodTo: string,
  asOf: string,
): ProcessScore {
  const scored = actions.map((action, index): ActionScore => {
    const deadline = action.to ?? periodTo;
    const own = entries.filter((e) => e.actionIndex === index);
    const doneBy = (day: string) =>
      actionProgress(
        { to: null, status: action.status },
        own.filter((e) => e.day <= day),
        day,
      ) === 'done';
    const outcome: ActionOutcome =
      action.status === 'cancelled'
        ? 'cancelled'
        : doneBy(deadline < asOf ? deadline : asOf)
          ? 'on_time'
          : deadline > asOf
            ? 'not_due'
            : doneBy(asOf)
              ? 'late'
              : 'not_done';
    return { index, description: action.description, deadline, outcome };
  });
  const due = scored.filter((a) => a.outcome === 'on_time' || a.outcome === 'late' || a.outcome === 'not_done').length;
  const onTime = scored.filter((a) => a.outcome === 'on_time').length;
  return { actions: scored, due, onTime, share: due === 0 ? null : onTime / due };
}
