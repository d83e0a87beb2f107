/**
 * The plans module's border: what other modules, src/app.ts, bench/ and test/ may import from it
 * (docs/architecture.md, "Where a module's border is"). Its other files are its own.
 */
export { registerPlanApi } from './api-routes.js';
export { districtPlanLinks } from './read-plans.js';
export { registerPlanPages } from './public/routes.js';
export { registerPlanEditor } from './editor/routes.js';
export { importPlanFiles } from './import/cli-import.js';
export { evaluateCommand, evaluateUsage, EvaluateUsageError } from './evaluation/cli-evaluate.js';
export { importPlanDocument, parseDocument } from './import/import-plan.js';
export { decideVersion, insertVersion, updatePlanRow } from './repository.js';
export { categoryNames, commentPlace, isCommentSection, statusNames } from './messages.js';
export { isPlanStatus } from './model.js';
export { planDeadlines, planTiming, type DeadlineKind, type PlanSettings } from './rules.js';
export { planSettings, planSettingsByUnit } from './manage-plans.js';
export type { Plan, PlanContent, PlanStatus } from './model.js';
export { readFrozenMeasure, readEvaluationCounts, type EvaluationCounts } from './measure/read-measure.js';
export type { FrozenMeasure, CountMeasure, SurveyMeasure, QualitativeMeasure } from './measure/model.js';
export { defaultBaselineWindows } from './measure/windows.js';
export { freezeMeasure } from './measure/freeze.js';
export { evaluationFromInput, type FrozenCounts } from './evaluation/evaluation-input.js';
