import type { Db } from '../../platform/db/database.js';
import { subtreeOf } from '../access/index.js';

/** Which districts a dashboard shows: every active one of a unit's subtree, or an officer's own (`all`: the reminder job's). */
export type DashboardScope = { subtreeOf: string } | { ids: readonly string[] } | 'all';

export interface DistrictRow {
  id: string;
  unitId: string;
  number: number;
  name: string;
  unitName: string;
}

export interface ServiceRow {
  districtId: string;
  kind: string;
  name: string;
}

export interface PlanRow {
  id: string;
  districtId: string;
  status: string;
  periodFrom: string;
  periodTo: string;
  content: unknown;
  submittedAt: Date | null;
  approvedAt: Date | null;
  publishedAt: Date | null;
  evaluatedAt: Date | null;
}

export interface OpenReportRow {
  id: number;
  districtId: string;
  status: string;
  createdAt: Date;
  verifyingSince: Date | null;
}

/** Actions finished in the action log: a live entry marks them done ("planId:index"). */
export type CompletedActions = ReadonlySet<string>;
export const completedKey = (planId: string, index: number) => `${planId}:${index}`;

export interface DashboardData {
  districts: DistrictRow[];
  service: ServiceRow[];
  plans: PlanRow[];
  reports: OpenReportRow[];
  completed: CompletedActions;
}

const nothing = (): DashboardData => ({ districts: [], service: [], plans: [], reports: [], completed: new Set() });

/**
 * The dashboard's data in five statements, whatever the number of districts: the districts with
 * their unit's name, then for those districts (their ids as one parameter list) today's
 * assignments with the officers' names, the plans still in play (not closed), the reports
 * waiting on the police (new or verifying, not rejected by a flood limit), and the plan actions
 * that a live entry of the action log finishes.
 */
export async function dashboardData(db: Db, scope: DashboardScope, today: string): Promise<DashboardData> {
  if (scope !== 'all' && 'ids' in scope && scope.ids.length === 0) return nothing();
  let listed = db
    .selectFrom('districts as d')
    .innerJoin('units as u', 'u.id', 'd.unit_id')
    .select(['d.id', 'd.unit_id', 'd.number', 'd.name', 'u.name as unit_name'])
    .where('d.retired_at', 'is', null);
  if (scope !== 'all')
    listed = 'ids' in scope ? listed.where('d.id', 'in', scope.ids) : listed.where('d.unit_id', 'in', subtreeOf(scope.subtreeOf));
  const districts = await listed.orderBy('u.name').orderBy('d.number').execute();
  const ids = districts.map((d) => d.id);
  if (ids.length === 0) return nothing();
  const [service, plans, reports, completed] = await Promise.all([
    db
      .selectFrom('assignments as a')
      .innerJoin('officers as o', 'o.id', 'a.officer_id')
      .select(['a.district_id', 'a.kind', 'o.rank', 'o.first_name', 'o.last_name'])
      .where('a.district_id', 'in', ids)
      .where('o.retired_at', 'is', null)
      .where('a.starts_on', '<=', today)
      .where((eb) => eb.or([eb('a.ends_on', 'is', null), eb('a.ends_on', '>=', today)]))
      .orderBy('a.starts_on')
      .execute(),
    db
      .selectFrom('plans as p')
      .select([
        'p.id',
        'p.district_id',
        'p.status',
        'p.period_from',
        'p.period_to',
        'p.content',
        'p.submitted_at',
        'p.approved_at',
        'p.published_at',
        'p.evaluated_at',
      ])
      .where('p.district_id', 'in', ids)
      .where('p.status', '<>', 'closed')
      .orderBy('p.period_from')
      .execute(),
    db
      .selectFrom('reports as r')
      .select(['r.id', 'r.district_id', 'r.status', 'r.created_at', 'r.verifying_since'])
      .where('r.district_id', 'in', ids)
      .where('r.status', 'in', ['new', 'verifying'])
      .where((eb) => eb.or([eb('r.hold', 'is', null), eb('r.hold', '<>', 'rejected')]))
      .execute(),
    db
      .selectFrom('plan_action_log as l')
      .innerJoin('plans as p', 'p.id', 'l.plan_id')
      .select(['l.plan_id', 'l.action_index'])
      .distinct()
      .where('p.district_id', 'in', ids)
      .where('p.status', '<>', 'closed')
      .where('l.completes', '=', true)
      .where('l.withdrawn_at', 'is', null)
      .execute(),
  ]);
  return {
    districts: districts.map((d) => ({ id: d.id, unitId: d.unit_id, number: d.number, name: d.name, unitName: d.unit_name })),
    service: service.map((s) => ({ districtId: s.district_id, kind: s.kind, name: `${s.rank} ${s.first_name} ${s.last_name}`.trim() })),
    plans: plans.map((p) => ({
      id: p.id,
      districtId: p.district_id,
      status: p.status,
      periodFrom: p.period_from,
      periodTo: p.period_to,
      content: p.content,
      submittedAt: p.submitted_at,
      approvedAt: p.approved_at,
      publishedAt: p.published_at,
      evaluatedAt: p.evaluated_at,
    })),
    completed: new Set(completed.map((c) => completedKey(c.plan_id, c.action_index))),
    reports: reports.map((r) => ({
      id: r.id,
      districtId: r.district_id!,
      status: r.status,
      createdAt: new Date(r.created_at as unknown as string | Date),
      verifyingSince: r.verifying_since,
    })),
  };
}
