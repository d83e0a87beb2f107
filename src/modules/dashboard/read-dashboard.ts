import type { Db } from '../../platform/db/database.js';
import { readSettingsAs } from '../settings/index.js';
import { warsawToday } from '../../platform/i18n/calendar.js';
import {
  planDeadlines,
  planSettingsByUnit,
  planTiming,
  readEvaluationCounts,
  readFrozenMeasure,
  type DeadlineKind,
  type PlanContent,
  type PlanSettings,
  type PlanStatus,
} from '../plans/index.js';
import { reportDeadlines, reportSettingsByUnit, type ReportStatus } from '../reports/index.js';
import { completedKey, dashboardData, type CompletedActions, type DashboardScope, type PlanRow } from './repository.js';
import {
  actionDeadline,
  deadlineState,
  dashboardSettingIds,
  goalStanding,
  planGap,
  type DashboardSettings,
  type GoalStanding,
  type DeadlineState,
  type PlanGap,
} from './rules.js';

export interface DashboardPlan {
  id: string;
  status: PlanStatus;
  periodFrom: string;
  periodTo: string;
}

/** A deadline not met yet: a plan step's, or a plan action's (`action`: its number from 1, with its description). */
export interface OpenDeadline {
  planId: string;
  kind: DeadlineKind | 'action';
  action: number | null;
  description: string | null;
  due: string;
}

/** A deadline shown on the dashboard, approaching or overdue (for an action: late). */
export interface DashboardDeadline extends OpenDeadline {
  state: DeadlineState;
}

/**
 * Every deadline of a plan still to meet: its steps (plans/rules.ts) and its actions, an action
 * being met when the plan or the action log says it is done (dashboard/rules.ts). Shared by the
 * dashboard and the e-mail reminders, so both speak of the same deadlines.
 */
export function openDeadlines(plan: PlanRow, completed: CompletedActions, today: string, settings: PlanSettings): OpenDeadline[] {
  const open: OpenDeadline[] = planDeadlines(plan, today, settings)
    .filter((d) => d.doneOn === null)
    .map((d) => ({ planId: plan.id, kind: d.kind, action: null, description: null, due: d.due }));
  ((plan.content as PlanContent | null)?.actions ?? []).forEach((action, index) => {
    const deadline = actionDeadline(action, completed.has(completedKey(plan.id, index)));
    if (deadline && !deadline.done)
      open.push({ planId: plan.id, kind: 'action', action: index + 1, description: action.description, due: deadline.due });
  });
  return open;
}

export interface DashboardRow {
  districtId: string;
  districtNumber: number;
  districtName: string;
  unitName: string;
  /** The district's own officer today, null when the post is vacant. */
  officer: string | null;
  /** Today's substitute, if any. */
  substitute: string | null;
  current: DashboardPlan | null;
  next: DashboardPlan | null;
  gap: PlanGap | null;
  /** The plans' steps (submission, approval, publication, evaluation) approaching or overdue. */
  deadlines: DashboardDeadline[];
  /** The plans' actions due soon or late (not done in the plan nor in its action log). */
  actions: DashboardDeadline[];
  /** Reports waiting on the police (new or being verified), and those of them past their limit. */
  unverifiedReports: number;
  overdueReports: number;
  /** The current plan's count goal on its frozen measure's counts so far; null when nothing can be said yet. */
  goal: GoalStanding | null;
}

/** Whether a row needs someone: a vacancy, a gap in plans, a deadline approaching or overdue, an overdue report, a goal at risk. */
export function hasProblem(row: DashboardRow): boolean {
  return (
    row.officer === null ||
    row.gap !== null ||
    row.deadlines.length > 0 ||
    row.actions.length > 0 ||
    row.overdueReports > 0 ||
    row.goal?.state === 'at_risk'
  );
}

/** National: the dashboard and reminders work alike for every unit. */
export async function dashboardSettings(db: Db): Promise<DashboardSettings> {
  return readSettingsAs(db, dashboardSettingIds);
}

const plainPlan = (plan: PlanRow): DashboardPlan => ({
  id: plan.id,
  status: plan.status as PlanStatus,
  periodFrom: plan.periodFrom,
  periodTo: plan.periodTo,
});

/**
 * The dashboard of a unit (every active district of it and the units below) or of an officer
 * (the districts they serve today): one row per district, from four statements whatever the
 * number of districts (repository.ts), the rules applied in memory; then the goals of carried-out
 * plans on their frozen measures.
 */
export async function readDashboard(db: Db, scope: DashboardScope, now = new Date()): Promise<DashboardRow[]> {
  const today = warsawToday(now);
  const data = await dashboardData(db, scope, today);
  // Deadlines are each unit's own: a voivodeship may have tightened them for its units.
  const units = data.districts.map((d) => d.unitId);
  const [planRules, reportRules, settings] = await Promise.all([
    planSettingsByUnit(db, units),
    reportSettingsByUnit(db, units),
    dashboardSettings(db),
  ]);
  const group = <T extends { districtId: string }>(items: T[]) => {
    const map = new Map<string, T[]>();
    for (const item of items) map.set(item.districtId, [...(map.get(item.districtId) ?? []), item]);
    return map;
  };
  const serviceOf = group(data.service);
  const plansOf = group(data.plans);
  const reportsOf = group(data.reports);
  const rows = data.districts.map((district) => {
    const plans = planRules.get(district.unitId)!;
    const reports = reportRules.get(district.unitId)!;
    const service = serviceOf.get(district.id) ?? [];
    const districtPlans = plansOf.get(district.id) ?? [];
    // Of several plans in one period (a returned draft beside the published one), the one furthest on.
    const current = districtPlans.filter((p) => planTiming(p, today) === 'current').at(-1) ?? null;
    const next = districtPlans.find((p) => planTiming(p, today) === 'upcoming') ?? null;
    const shown = districtPlans
      .flatMap((plan) => openDeadlines(plan, data.completed, today, plans))
      .flatMap((d) => {
        const state = deadlineState(d.due, false, today, settings);
        return state ? [{ ...d, state }] : [];
      })
      .sort((a, b) => a.due.localeCompare(b.due));
    const open = reportsOf.get(district.id) ?? [];
    const overdueReports = open.filter((r) =>
      reportDeadlines({ ...r, status: r.status as ReportStatus }, reports, now).some((d) => d.overdue),
    ).length;
    return {
      districtId: district.id,
      districtNumber: district.number,
      districtName: district.name,
      unitName: district.unitName,
      officer: service.find((s) => s.kind === 'regular')?.name ?? null,
      substitute: service.find((s) => s.kind === 'substitute')?.name ?? null,
      current: current && plainPlan(current),
      next: next && plainPlan(next),
      gap: planGap({ current, hasNext: next !== null }, today, { ...settings, submitDaysBeforeStart: plans.submitDaysBeforeStart }),
      deadlines: shown.filter((d) => d.kind !== 'action'),
      actions: shown.filter((d) => d.kind === 'action'),
      unverifiedReports: open.length,
      overdueReports,
      goal: null as GoalStanding | null,
    };
  });
  // Goals at risk: only carried-out plans are measured, each by its own frozen measure (a few
  // statements per such plan; a unit has tens of districts, not thousands).
  const carriedOut = new Set<PlanStatus>(['published', 'in_progress']);
  await Promise.all(
    rows.map(async (row) => {
      if (!row.current || !carriedOut.has(row.current.status)) return;
      const measure = await readFrozenMeasure(db, row.current.id);
      if (measure?.kind !== 'count') return;
      row.goal = goalStanding(await readEvaluationCounts(db, measure, today), measure.rule);
    }),
  );
  return rows;
}

export const staffingFilters = ['vacant', 'substitute'] as const;
export type StaffingFilter = (typeof staffingFilters)[number];

export interface DashboardFilter {
  /** The current plan's status, or "none" for districts without a current plan. */
  status?: PlanStatus | 'none' | undefined;
  problemsOnly?: boolean | undefined;
  staffing?: StaffingFilter | undefined;
}

/** The rows a filter keeps (the page and its CSV apply the same). */
export function filterRows(rows: DashboardRow[], filter: DashboardFilter): DashboardRow[] {
  return rows.filter(
    (row) =>
      (filter.status === undefined || (filter.status === 'none' ? row.current === null : row.current?.status === filter.status)) &&
      (!filter.problemsOnly || hasProblem(row)) &&
      (filter.staffing === undefined || (filter.staffing === 'vacant' ? row.officer === null : row.substitute !== null)),
  );
}
