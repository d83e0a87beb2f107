import { ValidationError, type FieldError } from '../../platform/http/errors.js';
import type { Lang } from '../../platform/i18n/i18n.js';
import type { PlanStatus } from '../plans/index.js';
import { staffingFilters, type DashboardFilter, type StaffingFilter } from './read-dashboard.js';
import { dashboardMessages } from './messages.js';

/** A closed plan is never current on the dashboard (it reads only plans still in play). */
export const planStatusesForFilter: readonly PlanStatus[] = [
  'draft',
  'submitted',
  'returned',
  'approved',
  'published',
  'in_progress',
  'evaluated',
];

export interface DashboardQuery extends DashboardFilter {
  unit?: string | undefined;
}

const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);

/** The dashboard's query string, checked: an unknown filter value is a 400 naming the field, never silently ignored. */
export function readDashboardQuery(raw: Record<string, unknown>, lang: Lang): DashboardQuery {
  const errors: FieldError[] = [];
  const bad = (field: string) => errors.push({ field, code: 'invalid', message: dashboardMessages[lang].badFilter(field) });
  const status = text(raw.status);
  if (status !== undefined && status !== 'none' && !(planStatusesForFilter as string[]).includes(status)) bad('status');
  const staffing = text(raw.staffing);
  if (staffing !== undefined && !(staffingFilters as readonly string[]).includes(staffing)) bad('staffing');
  const problems = text(raw.problems);
  if (problems !== undefined && problems !== 'on') bad('problems');
  if (errors.length) throw new ValidationError(errors);
  return {
    unit: text(raw.unit),
    status: status as PlanStatus | 'none' | undefined,
    staffing: staffing as StaffingFilter | undefined,
    problemsOnly: problems === 'on',
  };
}
