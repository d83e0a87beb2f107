import type { Db } from '../../../platform/db/database.js';
import type { Trx } from '../../../platform/audit/actor.js';
import { AppError } from '../../../platform/http/errors.js';
import type { Evaluation, Plan } from '../model.js';
import { readEvaluationCounts, readFrozenMeasure } from '../measure/read-measure.js';
import { measureLines } from '../measure/measure-block.js';
import { evaluationFromInput, type EvaluationInput, type FrozenCounts } from './evaluation-input.js';

/**
 * The counts of the indicator frozen when the plan was approved, read at its evaluation (up to its
 * last day, or today for a plan evaluated early); null when the plan has none (approved before
 * indicators were frozen, or its goal is not a count) or nothing was counted: then the supervisor
 * types the counts in.
 * The measure is described in Polish, the plan's language, as it stood when judged.
 */
export async function frozenCountsOf(db: Db | Trx, plan: Pick<Plan, 'id'>): Promise<FrozenCounts | null> {
  const measure = await readFrozenMeasure(db, plan.id);
  if (measure?.kind !== 'count') return null;
  const counts = await readEvaluationCounts(db, measure);
  // A period not begun has nothing to judge, and an indicator nobody has counted (no data imported,
  // no report confirmed) is no evidence of a change: the supervisor's typed counts decide instead,
  // marked "entered" on the report. Once the frozen indicator has counts, they are the only ones.
  if (counts.periodDays === 0 || counts.baseline + counts.period === 0) return null;
  const lines = new Map(measureLines(measure, 'pl').lines);
  return {
    ...counts,
    measure: {
      what: lines.get('Co jest liczone') ?? measure.label,
      where: lines.get('Gdzie') ?? '',
      source: measure.spec.source === 'reports' ? 'potwierdzone zgłoszenia mieszkańców' : 'dane wskaźnikowe jednostki',
      baselineWindows: measure.baselineWindows,
      comparisonArea: lines.get('Obszar porównawczy') ?? null,
      rule: lines.get('Reguła') ?? null,
    },
  };
}

/** The evaluation to store from the supervisor's input, or a 400 with what to correct (in Polish and English). */
export async function evaluationToStore(trx: Trx, plan: Plan, input: EvaluationInput): Promise<Evaluation> {
  const result = evaluationFromInput(plan.content.goal, input, await frozenCountsOf(trx, plan));
  if ('problem' in result) throw new AppError(400, result.problem.code, result.problem.message, { field: result.problem.field });
  return result.evaluation;
}
