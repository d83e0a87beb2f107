import type { Db } from '../../platform/db/database.js';
import { freezeMeasure } from './measure/freeze.js';
import { readSettingsAs, readSettingsByUnit } from '../settings/index.js';
import type { ChangeBus } from '../../platform/events/changes.js';
import { inTransaction, type Actor, type Trx } from '../../platform/audit/actor.js';
import type { Principal } from '../../platform/auth/principal.js';
import { AppError, httpErrors, ValidationError } from '../../platform/http/errors.js';
import type { Lang } from '../../platform/i18n/i18n.js';
import { isCalendarDay, warsawToday } from '../../platform/i18n/calendar.js';
import { can } from '../../platform/auth/policy.js';
import { findDistrict, type MultiPolygon } from '../districts/index.js';
import { goalAreaProblem, normalGoalArea } from './measure/goal-area.js';
import { factsOf, isAllowed } from '../access/index.js';
import { categoryNames, planErrors } from './messages.js';
import { emptyContent, type Plan, type PlanContent, type PlanStatus, type ReviewComment } from './model.js';
import {
  decideVersion,
  deletePlanRow,
  findPlan,
  insertEvent,
  insertPlan,
  insertVersion,
  listVersions,
  overlappingPlan,
  submitterOf,
  updatePlanRow,
} from './repository.js';
import { completenessProblems, periodProblem, planSettingIds, type PlanSettings } from './rules.js';
import { planSearchText, stems } from './search/stems.js';
import { isEditable, isNewDraft, mayImportArchived, mayTransition, nextStatus, type Standing, type Transition } from './workflow.js';
import { insertPlanSource, type SourceFile } from './import/source-repository.js';
import { queueMail } from '../../platform/mail/outbox.js';
import { decisionMail } from './decision-mail.js';
import { linkPlanPartners } from '../partners/index.js';
import type { EvaluationInput } from './evaluation/evaluation-input.js';
import { evaluationToStore } from './evaluation/store-evaluation.js';

/** Every change of plans goes through here, so caches of public plan pages learn of it. */
function changePlans<T>(db: Db, changes: ChangeBus, actor: Actor, work: (trx: Trx) => Promise<T>): Promise<T> {
  return inTransaction(db, actor, work).finally(() => changes.emit('plans'));
}

/** The plan deadlines in force for a unit (a voivodeship may tighten them for its units), or the national ones. */
export async function planSettings(db: Db | Trx, unitId: string | null = null): Promise<PlanSettings> {
  return readSettingsAs(db, planSettingIds, { unitId });
}

/** The plan deadlines of each unit among `unitIds` (a dashboard of several units' districts). */
export function planSettingsByUnit(db: Db | Trx, unitIds: Iterable<string>): Promise<Map<string, PlanSettings>> {
  return readSettingsByUnit(db, planSettingIds, unitIds);
}

/** How a person stands to a plan: who may see its working version, write it, review it (platform/auth/policy.ts). */
export async function planAccess(
  db: Db | Trx,
  principal: Principal | null,
  plan: Pick<Plan, 'districtId' | 'unitId'>,
): Promise<{ canRead: boolean; canDelete: boolean; standing: Standing }> {
  const { subject, resource } = await factsOf(db, principal, plan);
  return {
    canRead: can(subject, 'plan.read_working', resource),
    canDelete: can(subject, 'plan.delete_draft', resource),
    standing: { isDistrictOfficer: can(subject, 'plan.edit', resource), isReviewer: can(subject, 'plan.review', resource) },
  };
}

/** How a person stands to a district: its officer (or today's substitute), a reviewer of its unit, or neither. */
export async function standingOf(db: Db | Trx, principal: Principal | null, districtId: string, unitId: string): Promise<Standing> {
  return (await planAccess(db, principal, { districtId, unitId })).standing;
}

/** Staff who may see a plan that is not published: the district's officer and staff of its unit. */
export async function canSeeWorkingPlan(
  db: Db | Trx,
  principal: Principal | null,
  plan: Pick<Plan, 'districtId' | 'unitId'>,
): Promise<boolean> {
  return isAllowed(db, principal, 'plan.read_working', plan);
}

function trimContent(content: PlanContent): PlanContent {
  return {
    threat: {
      ...content.threat,
      places: content.threat.places?.trim() ?? '',
      description: content.threat.description.trim(),
      sources: content.threat.sources ?? [],
    },
    goal: {
      ...content.goal,
      description: content.goal.description.trim(),
      indicator: content.goal.indicator ?? null,
      baseline: content.goal.baseline ?? null,
      target: content.goal.target ?? null,
      ...(content.goal.indicatorSpec
        ? {
            indicatorSpec: {
              source: content.goal.indicatorSpec.source,
              categories: [...new Set(content.goal.indicatorSpec.categories.map((c) => c.trim().replace(/\s+/g, ' ')).filter(Boolean))],
            },
          }
        : {}),
      ...(content.goal.area ? { area: normalGoalArea(content.goal.area) } : {}),
    },
    actions: content.actions.map((a) => ({
      description: a.description.trim(),
      from: a.from ?? null,
      to: a.to ?? null,
      who: a.who?.trim() ?? '',
      status: a.status ?? 'planned',
    })),
    partners: content.partners.map((p) => ({
      ...(p.partnerId ? { partnerId: p.partnerId } : {}),
      name: p.name.trim(),
      tasks: p.tasks?.trim() ?? '',
      ...(p.newPartner ? { newPartner: true } : {}),
    })),
    communication: content.communication.map((c) => c.trim()).filter(Boolean),
    signature: content.signature?.trim() || null,
  };
}

/**
 * The content as saved: trimmed, its goal's area checked against the district (400 with the field
 * when it cannot be counted), each partner linked to the registry of the plan's unit (a new name is added to it).
 */
async function savedContent(
  trx: Trx,
  district: { id: string; unitId: string; polygon?: MultiPolygon | null },
  content: PlanContent,
  before?: PlanContent,
): Promise<PlanContent> {
  const trimmed = trimContent(content);
  if (trimmed.goal.area) {
    const outline = district.polygon !== undefined ? district.polygon : ((await findDistrict(trx, district.id))?.polygon ?? null);
    const problem = goalAreaProblem(trimmed, outline);
    if (problem) throw new AppError(400, 'invalid_goal_area', problem.message, { field: problem.field });
  }
  return { ...trimmed, partners: await linkPlanPartners(trx, district.unitId, trimmed.partners, before?.partners) };
}

function searchStemsOf(content: PlanContent): string {
  const category = content.threat.category ? [categoryNames.pl[content.threat.category] ?? ''] : [];
  return stems(planSearchText(content, category)).join(' ');
}

/** Why a period cannot be a plan of the district (a bad day, too long, overlapping another plan), or null. */
export async function periodError(
  db: Db | Trx,
  district: { id: string; unitId: string },
  from: string,
  to: string,
  exceptId?: string,
): Promise<AppError | null> {
  // Before any query: a text that is no calendar day ("-1e309") failed in the database as a 500.
  for (const [field, day] of [
    ['periodFrom', from],
    ['periodTo', to],
  ] as const) {
    if (!isCalendarDay(day)) return new AppError(400, 'invalid_date', planErrors.badDay(day), { field });
  }
  const problem = periodProblem(from, to, await planSettings(db, district.unitId));
  if (problem) return new AppError(400, 'invalid_period', problem, { field: 'periodTo' });
  const clash = await overlappingPlan(db, district.id, from, to, exceptId);
  if (clash)
    return new AppError(409, 'plan_period_overlap', planErrors.overlap(clash.period_from, clash.period_to), {
      field: 'periodFrom',
      planId: clash.id,
    });
  return null;
}

async function assertPeriod(
  trx: Trx,
  district: { id: string; unitId: string },
  from: string,
  to: string,
  exceptId?: string,
): Promise<void> {
  const error = await periodError(trx, district, from, to, exceptId);
  if (error) throw error;
}

/** Who may start a plan for a district: its officer (or today's substitute), or staff of its unit (e.g. to import one). */
export async function mayStartPlan(db: Db | Trx, principal: Principal, district: { id: string; unitId: string }): Promise<boolean> {
  return isAllowed(db, principal, 'plan.start', { unitId: district.unitId, districtId: district.id });
}

export interface NewPlan {
  districtId: string;
  periodFrom: string;
  periodTo: string;
  content?: PlanContent | undefined;
  previousPlanId?: string | null | undefined;
}

/**
 * A new draft for a district: written by its officer, or prepared (e.g. imported) by staff of
 * its unit. `principal` null is the system (demo data). `status` other than draft is for imports
 * of plans that were already published elsewhere.
 */
export async function createPlan(
  db: Db,
  changes: ChangeBus,
  principal: Principal | null,
  actor: Actor,
  input: NewPlan,
  status: PlanStatus = 'draft',
): Promise<Plan> {
  return changePlans(db, changes, actor, async (trx) => {
    const district = await findDistrict(trx, input.districtId);
    if (!district || district.retiredAt)
      throw new AppError(422, 'district_not_found', planErrors.districtNotFound(), { field: 'districtId' });
    if (principal && !(await mayStartPlan(trx, principal, district))) throw httpErrors.forbidden(planErrors.notYourDistrict());
    await assertPeriod(trx, district, input.periodFrom, input.periodTo);
    const content = await savedContent(trx, district, input.content ?? emptyContent());
    const id = await insertPlan(
      trx,
      {
        districtId: district.id,
        unitId: district.unitId,
        periodFrom: input.periodFrom,
        periodTo: input.periodTo,
        content,
        previousPlanId: input.previousPlanId ?? null,
        searchStems: searchStemsOf(content),
      },
      status,
    );
    await insertEvent(trx, { planId: id, actor: actor.label, transition: 'create', from: null, to: status, version: 1 });
    return (await findPlan(trx, id))!;
  });
}

/**
 * One rule for reading and changing (the same as GET /admin/plans/:id and the working part of
 * GET /api/v1/plans/:id): a plan whose working version you may not see is "not found" (404) for
 * every change too, so a refusal never tells a stranger more than reading does; staff who may
 * see it but not make this change get 403.
 */
async function loadForChange(trx: Trx, principal: Principal, id: string) {
  const plan = await findPlan(trx, id);
  const access = plan && (await planAccess(trx, principal, plan));
  if (!plan || !access?.canRead) throw new AppError(404, 'plan_not_found', planErrors.notFound());
  return { plan, ...access };
}

/** The district's officer edits a draft or a returned plan (the autosave calls this too). */
export async function updatePlan(
  db: Db,
  changes: ChangeBus,
  principal: Principal,
  actor: Actor,
  id: string,
  patch: { periodFrom?: string | undefined; periodTo?: string | undefined; content?: PlanContent | undefined },
): Promise<Plan> {
  return changePlans(db, changes, actor, async (trx) => {
    const { plan, standing } = await loadForChange(trx, principal, id);
    if (!standing.isDistrictOfficer) throw httpErrors.forbidden(planErrors.notYourDistrict());
    if (!isEditable(plan.status)) throw new AppError(409, 'plan_frozen', planErrors.notEditable());
    const from = patch.periodFrom ?? plan.periodFrom;
    const to = patch.periodTo ?? plan.periodTo;
    if (from !== plan.periodFrom || to !== plan.periodTo)
      await assertPeriod(trx, { id: plan.districtId, unitId: plan.unitId }, from, to, plan.id);
    const content = patch.content
      ? await savedContent(trx, { id: plan.districtId, unitId: plan.unitId }, patch.content, plan.content)
      : undefined;
    await updatePlanRow(trx, id, { periodFrom: from, periodTo: to, content, searchStems: content ? searchStemsOf(content) : undefined });
    return (await findPlan(trx, id))!;
  });
}

export async function deleteDraft(db: Db, changes: ChangeBus, principal: Principal, actor: Actor, id: string): Promise<void> {
  await changePlans(db, changes, actor, async (trx) => {
    const { plan, canDelete } = await loadForChange(trx, principal, id);
    if (!canDelete) throw httpErrors.forbidden(planErrors.notYourDistrict());
    if (!isNewDraft(plan, (await listVersions(trx, id)).length)) throw new AppError(409, 'plan_not_new', planErrors.onlyNewDrafts());
    await deletePlanRow(trx, id);
  });
}

export interface TransitionInput {
  transition: Transition;
  comments?: ReviewComment[] | undefined;
  evaluation?: EvaluationInput | undefined;
  note?: string | undefined;
  /** The site's address, for the link in the officer's e-mail about a decision. */
  siteUrl?: string | undefined;
}

/** Tells the officer who submitted a version what the reviewer decided, in the same transaction. */
async function tellSubmitter(
  trx: Trx,
  plan: Plan,
  decision: 'approved' | 'returned',
  comments: ReviewComment[],
  actor: Actor,
  principal: Principal,
  siteUrl: string | undefined,
): Promise<void> {
  const submitter = await submitterOf(trx, plan.id, plan.version);
  if (!submitter?.email || submitter.login === actor.label) return;
  const district = await findDistrict(trx, plan.districtId);
  await queueMail(
    trx,
    decisionMail({
      to: submitter.email,
      decision,
      districtName: district?.name ?? '',
      periodFrom: plan.periodFrom,
      periodTo: plan.periodTo,
      version: plan.version,
      comments,
      by: principal.displayName,
      url: siteUrl ? `${siteUrl}/admin/plans/${plan.id}` : null,
    }),
  );
}

/** Moves a plan along its lifecycle, recording who and when; see workflow.ts for who may do what. */
export async function transitionPlan(
  db: Db,
  changes: ChangeBus,
  principal: Principal,
  actor: Actor,
  id: string,
  input: TransitionInput,
  lang: Lang = 'pl',
): Promise<Plan> {
  return changePlans(db, changes, actor, async (trx) => {
    const { plan, standing } = await loadForChange(trx, principal, id);
    const to = nextStatus(plan.status, input.transition);
    if (!to || !mayTransition(plan.status, input.transition, standing)) {
      const status = plan.status;
      throw new AppError(
        to ? 403 : 409,
        to ? 'forbidden' : 'invalid_transition',
        planErrors.transitionNotAllowed(input.transition, status),
      );
    }
    const now = new Date();
    const patch: Parameters<typeof updatePlanRow>[2] = { status: to };
    switch (input.transition) {
      case 'submit': {
        const problems = completenessProblems(plan.content, { from: plan.periodFrom, to: plan.periodTo });
        if (problems.length) {
          throw new ValidationError(
            problems.map((p) => ({ field: p.field, code: 'incomplete', message: p.message[lang] })),
            planErrors.incomplete(),
          );
        }
        await insertVersion(trx, plan.id, {
          version: plan.version,
          periodFrom: plan.periodFrom,
          periodTo: plan.periodTo,
          content: plan.content,
          submittedBy: actor.label,
        });
        patch.submittedAt = now;
        break;
      }
      case 'approve':
        await decideVersion(trx, plan.id, plan.version, 'approved', input.comments ?? [], actor.label);
        // What the goal will be judged by is fixed now, with this version (measure/freeze.ts).
        await freezeMeasure(trx, plan, actor.label, now);
        await tellSubmitter(trx, plan, 'approved', input.comments ?? [], actor, principal, input.siteUrl);
        patch.approvedAt = now;
        break;
      case 'return':
        if (!input.comments?.some((c) => c.text.trim()))
          throw new AppError(400, 'comments_required', planErrors.commentsRequired(), { field: 'comments' });
        await decideVersion(trx, plan.id, plan.version, 'returned', input.comments, actor.label);
        await tellSubmitter(trx, plan, 'returned', input.comments, actor, principal, input.siteUrl);
        // The returned version stays as it was, with its comments; the officer writes the next one.
        patch.version = plan.version + 1;
        break;
      case 'publish':
        patch.publishedVersion = plan.version;
        patch.publishedAt = now;
        break;
      case 'revise':
        patch.version = plan.version + 1;
        patch.approvedAt = null;
        break;
      case 'evaluate':
        // The verdict is computed from the numbers of the goal's kind (evaluation/evaluation-input.ts).
        patch.evaluation = await evaluationToStore(trx, plan, input.evaluation ?? {});
        patch.evaluatedAt = now;
        break;
      default:
        break;
    }
    await updatePlanRow(trx, plan.id, patch);
    await insertEvent(trx, {
      planId: plan.id,
      actor: actor.label,
      transition: input.transition,
      from: plan.status,
      to,
      version: patch.version ?? plan.version,
      note: input.note ?? null,
    });
    return (await findPlan(trx, plan.id))!;
  });
}

/** The status of a finished plan that was published before it came here: its life is over (see importArchivedPlan). */
export const ARCHIVED_STATUS: PlanStatus = 'closed';

/**
 * A plan of a past period, already published on the unit's website, imported straight into the
 * library: closed and published as version 1, with the file it was read from kept beside it (the
 * "imported" marker). Only a reviewer of the plan's unit may (workflow.ts); a period that is not
 * over yet (409) or overlaps another plan of the district (409) is refused. Audited like any save.
 */
export async function importArchivedPlan(
  db: Db,
  changes: ChangeBus,
  principal: Principal,
  actor: Actor,
  input: NewPlan & { content: PlanContent },
  source: SourceFile,
): Promise<Plan> {
  return changePlans(db, changes, actor, async (trx) => {
    const district = await findDistrict(trx, input.districtId);
    if (!district || district.retiredAt)
      throw new AppError(422, 'district_not_found', planErrors.districtNotFound(), { field: 'districtId' });
    if (!mayImportArchived(await standingOf(trx, principal, district.id, district.unitId)))
      throw httpErrors.forbidden(planErrors.archiveNotAllowed());
    if (input.periodTo >= warsawToday())
      throw new AppError(409, 'plan_not_past', planErrors.archiveNotPast(input.periodTo), { field: 'periodTo' });
    await assertPeriod(trx, district, input.periodFrom, input.periodTo);
    const content = await savedContent(trx, district, input.content);
    const id = await insertPlan(
      trx,
      {
        districtId: district.id,
        unitId: district.unitId,
        periodFrom: input.periodFrom,
        periodTo: input.periodTo,
        content,
        previousPlanId: null,
        searchStems: searchStemsOf(content),
      },
      ARCHIVED_STATUS,
    );
    // Published when its period began, as far as anyone here knows: the library and the feed of new
    // plans (newest first) keep an import of old plans in their past instead of at the top.
    await updatePlanRow(trx, id, { publishedVersion: 1, publishedAt: new Date(`${input.periodFrom}T12:00:00Z`) });
    await insertEvent(trx, { planId: id, actor: actor.label, transition: 'import', from: null, to: ARCHIVED_STATUS, version: 1 });
    await insertPlanSource(trx, id, district.unitId, source, actor.label);
    return (await findPlan(trx, id))!;
  });
}

export { searchStemsOf };
