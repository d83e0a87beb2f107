import type { Trx } from '../../../platform/audit/actor.js';
import type { Plan } from '../model.js';
import { insertMeasure } from './measure-repository.js';
import { activeDistrictIdsOfUnit } from '../../districts/index.js';
import { measureToFreeze } from './model.js';

/** Writes the approved version's measure (in the approval's transaction); the row is never changed after. */
export async function freezeMeasure(trx: Trx, plan: Plan, frozenBy: string, frozenAt: Date): Promise<void> {
  const measure = measureToFreeze(plan, await activeDistrictIdsOfUnit(trx, plan.unitId), frozenBy, frozenAt);
  const { planId, version, frozenAt: at, frozenBy: by, ...stored } = measure;
  await insertMeasure(trx, { planId, version, unitId: plan.unitId, kind: measure.kind, measure: stored, frozenBy: by, frozenAt: at });
}
