import type { Db } from '../../platform/db/database.js';
import type { Principal } from '../../platform/auth/principal.js';
import { warsawToday } from '../../platform/i18n/calendar.js';
import { findDistrict, personDistricts } from '../districts/index.js';
import { findUnit } from '../units/index.js';
import type { Plan, PlanContent, PlanStatus } from './model.js';
import { queuedPlans, type QueuedPlan } from './list-repository.js';
import { listVersions, publishedPlansOfDistrict } from './repository.js';
import { planDeadlines, planTiming, type Deadline, type PlanTiming } from './rules.js';
import { timingName } from './messages.js';
import { formatCalendarDay } from '../../platform/i18n/i18n.js';
import { availableTransitions, isEditable, isPublishedStatus, type Transition } from './workflow.js';
import { planAccess, planSettings } from './manage-plans.js';
import { planDocument, type PlanDocument } from './publication/document.js';
import type { Lang } from '../../platform/i18n/i18n.js';

export function planUrl(id: string): string {
  return `/plany/${id}`;
}

/** What residents see: the published version, which stays while a changed version awaits approval. */
export async function publishedView(
  db: Db,
  plan: Plan,
): Promise<{ version: number; periodFrom: string; periodTo: string; content: PlanContent } | null> {
  if (plan.publishedVersion === null) return null;
  if (plan.publishedVersion === plan.version && isPublishedStatus(plan.status)) {
    return { version: plan.version, periodFrom: plan.periodFrom, periodTo: plan.periodTo, content: plan.content };
  }
  const version = (await listVersions(db, plan.id)).find((v) => v.version === plan.publishedVersion);
  return version
    ? { version: version.version, periodFrom: version.periodFrom, periodTo: version.periodTo, content: version.content }
    : null;
}

export interface PlanContext {
  districtNumber: number;
  districtName: string;
  unitName: string;
}

export async function planContext(db: Db, plan: Pick<Plan, 'districtId' | 'unitId'>): Promise<PlanContext> {
  const [district, unit] = await Promise.all([findDistrict(db, plan.districtId), findUnit(db, plan.unitId)]);
  return { districtNumber: district?.number ?? 0, districtName: district?.name ?? plan.districtId, unitName: unit?.name ?? plan.unitId };
}

/** The published document of a plan, for its page, PDF and DOCX alike; null when not published. */
export async function publishedDocument(
  db: Db,
  plan: Plan,
  lang: Lang = 'pl',
): Promise<{
  document: PlanDocument;
  context: PlanContext;
  version: number;
  periodFrom: string;
  periodTo: string;
  content: PlanContent;
} | null> {
  const view = await publishedView(db, plan);
  if (!view) return null;
  const context = await planContext(db, plan);
  return {
    ...view,
    context,
    document: planDocument(
      {
        districtNumber: context.districtNumber,
        unitName: context.unitName,
        periodFrom: view.periodFrom,
        periodTo: view.periodTo,
        version: view.version,
        content: view.content,
      },
      lang,
    ),
  };
}

export interface WorkingView {
  deadlines: Deadline[];
  transitions: Transition[];
  canEdit: boolean;
  isDistrictOfficer: boolean;
  isReviewer: boolean;
}

/** What staff see of a plan beyond its published text: deadlines and what they may do next. */
export async function workingView(db: Db, principal: Principal | null, plan: Plan): Promise<WorkingView | null> {
  const { canRead, standing } = await planAccess(db, principal, plan);
  if (!canRead) return null;
  return {
    deadlines: planDeadlines(plan, warsawToday(), await planSettings(db, plan.unitId)),
    transitions: availableTransitions(plan.status, standing),
    canEdit: standing.isDistrictOfficer && isEditable(plan.status),
    isDistrictOfficer: standing.isDistrictOfficer,
    isReviewer: standing.isReviewer,
  };
}

export interface DistrictPlanLink {
  url: string;
  timing: PlanTiming;
  /** "Plan bieżący: 1 lipca 2026 – 31 grudnia 2026". */
  label: string;
}

/**
 * The plans a district page links to: the current one, the next one when already published, and,
 * when none is current, the latest past one, labelled as archived (never passed off as current).
 */
export async function districtPlanLinks(db: Db, districtId: string, lang: Lang, today = warsawToday()): Promise<DistrictPlanLink[]> {
  const plans = (await publishedPlansOfDistrict(db, districtId)).map((plan) => ({ ...plan, timing: planTiming(plan, today) }));
  const upcoming = plans.filter((p) => p.timing === 'upcoming').at(-1);
  const current = plans.find((p) => p.timing === 'current');
  const past = current ? undefined : plans.find((p) => p.timing === 'past');
  const day = (value: string) => formatCalendarDay(value, lang);
  return [current, upcoming, past]
    .filter((p) => p !== undefined)
    .map((p) => {
      const name = timingName(p.timing, lang);
      return {
        url: planUrl(p.id),
        timing: p.timing,
        label: `${name.charAt(0).toLocaleUpperCase(lang)}${name.slice(1)}: ${day(p.periodFrom)} – ${day(p.periodTo)}`,
      };
    });
}

/** The most plans the staff queue shows at once. */
export const queueLimit = 500;

export interface QueueEntry extends QueuedPlan {
  overdue: Deadline[];
}

/**
 * The staff queue (/admin/plans): the plans of the person's units, an officer's only of the
 * districts they serve today; plans that need someone now first (overdue, then awaiting
 * approval). Who the person is is worked out once, not once per plan: every plan listed is one
 * they may see at work (canSeeWorkingPlan), by the same two facts.
 */
export async function planQueue(
  db: Db,
  principal: Principal,
  filter: { status?: PlanStatus | undefined },
  today = warsawToday(),
): Promise<QueueEntry[]> {
  const mine = await personDistricts(db, principal, today);
  const served = 'ids' in mine ? mine.ids : null;
  const [queued, settings] = await Promise.all([
    queuedPlans(db, {
      subtreeOf: principal.unitId,
      statuses: filter.status ? [filter.status] : undefined,
      districtIds: served,
      limit: queueLimit,
    }),
    planSettings(db, principal.unitId),
  ]);
  const entries = queued.map((row) => ({ ...row, overdue: planDeadlines(row.plan, today, settings).filter((d) => d.overdue) }));
  const awaiting = (entry: QueueEntry) => Number(entry.plan.status === 'submitted');
  return entries.sort(
    (a, b) => b.overdue.length - a.overdue.length || awaiting(b) - awaiting(a) || b.plan.periodFrom.localeCompare(a.plan.periodFrom),
  );
}
