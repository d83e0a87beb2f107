import type { Db } from '../../../platform/db/database.js';
import type { Trx } from '../../../platform/audit/actor.js';
import { AppError } from '../../../platform/http/errors.js';
import type { Evaluation, Plan } from '../model.js';
import { evaluationFromInput, type EvaluationInput, type FrozenCounts } from './evaluation-input.js';

/**
 * The counts of the indicator frozen when the plan was approved, read at its evaluation; null when
 * the plan has none (approved before indicators were frozen, or its goal is not a count). The
 * indicators' part of issue 15 (readFrozenMeasure, readEvaluationCounts) answers here once it is
 * merged; until then every count goal falls back to the counts the supervisor types in.
 */
export function frozenCountsOf(_db: Db | Trx, _plan: Pick<Plan, 'id'>): Promise<FrozenCounts | null> {
  return Promise.resolve(null);
}

/** The evaluation to store from the supervisor's input, or a 400 with what to correct (in Polish and English). */
export async function evaluationToStore(trx: Trx, plan: Plan, input: EvaluationInput): Promise<Evaluation> {
  const result = evaluationFromInput(plan.content.goal, input, await frozenCountsOf(trx, plan));
  if ('problem' in result) throw new AppError(400, result.problem.code, result.problem.message, { field: result.problem.field });
  return result.evaluation;
}
