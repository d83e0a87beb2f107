import { createElement } from 'react';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ChangeBus } from '../../../platform/events/changes.js';
import type { Database } from '../../../platform/db/database.js';
import { requireAllowed } from '../../../platform/auth/guards.js';
import type { Principal } from '../../../platform/auth/principal.js';
import { AppError, type FieldError } from '../../../platform/http/errors.js';
import { formErrorsFrom, formFields, formNumber } from '../../../platform/http/forms.js';
import { actorOf, pageContext } from '../../../platform/http/request-context.js';
import { sendPage } from '../../../platform/render/render.js';
import type { Config } from '../../../platform/config/config.js';
import { warsawToday } from '../../../platform/i18n/calendar.js';
import { sendPlanSource } from '../import/source-download.js';
import { mayReadActionLog, readPlanLog } from '../action-log/manage-action-log.js';
import { deleteDraft, planSettings, transitionPlan, updatePlan, type TransitionInput } from '../manage-plans.js';
import { isStep, stepNotice } from '../step-notices.js';
import { planTiming } from '../rules.js';
import { planErrors } from '../messages.js';
import type { Plan, ReviewComment } from '../model.js';
import { planOr404, workingPlanOr404, workPageFacts } from '../read-plan-details.js';
import { workingView } from '../read-plans.js';
import { planDocument } from '../publication/document.js';
import { isNewDraft, isTransition } from '../workflow.js';
import { applyListIntent, listIntentAnchor, readEditorForm } from './form.js';
import { WorkPage } from './pages.js';
import { doneUrl } from './route-helpers.js';
import { planTarget } from '../route-target.js';
import { readEvidence } from '../drafting/read-evidence.js';
import { filledNotice } from '../drafting/messages.js';
import { registerDraftingRoutes } from '../drafting/routes.js';

/** One plan's staff page (/admin/plans/:id): the officer writes and submits, the reviewer approves or returns, steps move it on. */
export function registerPlanWorkPages(app: FastifyInstance, config: Config, database: Database, changes: ChangeBus): void {
  const db = database.db;

  const loadWorking = async (request: FastifyRequest, id: string) => {
    const principal = requireAllowed(request, 'plan.read_working');
    return { principal, ...(await workingPlanOr404(db, principal, id)) };
  };

  const showWork = async (
    request: FastifyRequest,
    reply: FastifyReply,
    plan: Plan,
    override: {
      content?: Plan['content'];
      periodFrom?: string;
      periodTo?: string;
      errors?: FieldError[];
      status?: number;
      typedArea?: { name: string; text: string };
    } = {},
  ) => {
    const principal = requireAllowed(request, 'plan.read_working');
    const working = (await workingView(db, principal, plan))!;
    const { context, versions, events, partners, source, measure } = await workPageFacts(db, plan);
    const content = override.content ?? plan.content;
    // After a step (?done=submit): what happened and what comes next, in words from one place.
    const done = (request.query as Record<string, unknown>).done;
    const query = request.query as Record<string, unknown>;
    const notice = override.errors?.length
      ? null
      : isStep(done)
        ? stepNotice(done, plan, await planSettings(db, plan.unitId), warsawToday())[request.lang]
        : filledNotice(query, request.lang);
    const ctx = pageContext(request, reply, notice);
    const showActionLog = await mayReadActionLog(db, principal, plan);
    return sendPage(
      reply,
      createElement(WorkPage, {
        ctx,
        plan,
        districtName: context.districtName,
        unitName: context.unitName,
        content,
        document: planDocument(
          {
            districtNumber: context.districtNumber,
            unitName: context.unitName,
            periodFrom: plan.periodFrom,
            periodTo: plan.periodTo,
            version: plan.version,
            content,
          },
          request.lang,
        ),
        measure,
        deadlines: working.deadlines,
        transitions: working.transitions,
        canEdit: working.canEdit,
        canDelete: isNewDraft(plan, versions.length),
        versions,
        events,
        partners,
        errors: override.errors ?? [],
        typedArea: override.typedArea,
        periodFrom: override.periodFrom ?? plan.periodFrom,
        periodTo: override.periodTo ?? plan.periodTo,
        source,
        timing: planTiming(plan, warsawToday()),
        showActionLog,
        // The drafting panel: for whoever may write this draft, from the district's reports.
        evidence: working.canEdit ? await readEvidence(db, plan) : null,
        map: config.mapTiles,
        log: showActionLog && plan.publishedVersion !== null ? await readPlanLog(db, principal, plan.id) : null,
      }),
      override.errors?.length ? (override.status ?? 400) : 200,
    );
  };

  /** A form that names no transition its buttons offer: the sender's mistake (shown at `field`), never a state conflict. */
  const unknownTransition = (request: FastifyRequest, reply: FastifyReply, plan: Plan, field: string) =>
    showWork(request, reply, plan, { errors: [{ field, code: 'invalid', message: planErrors.unknownTransition()[request.lang] }] });

  /**
   * Moves the plan on from one of the page's forms: on to the page with the step's notice, or back to
   * the page with why not (errors about the whole form under `formField` when the form has one).
   */
  const transitionFromForm = async (
    request: FastifyRequest,
    reply: FastifyReply,
    plan: Plan,
    principal: Principal,
    input: TransitionInput,
    formField?: string,
  ) => {
    try {
      await transitionPlan(db, changes, principal, actorOf(request), plan.id, input, request.lang);
    } catch (error) {
      const errors = formErrorsFrom(error, request.lang);
      return showWork(request, reply, plan, {
        errors: formField ? errors.map((e) => ({ ...e, field: e.field === 'form' ? formField : e.field })) : errors,
      });
    }
    return reply.redirect(doneUrl(plan.id, input.transition), 303);
  };

  registerDraftingRoutes(app, db, changes, (request, reply, plan, errors, status) => showWork(request, reply, plan, { errors, status }));

  app.get<{ Params: { id: string } }>(
    '/admin/plans/:id',
    { config: { access: 'plan.read_working', target: planTarget(db) }, schema: { hide: true } },
    async (request, reply) => {
      const { plan } = await loadWorking(request, request.params.id);
      return showWork(request, reply, plan);
    },
  );

  app.post<{ Params: { id: string } }>(
    '/admin/plans/:id',
    { config: { access: 'plan.read_working', target: planTarget(db) }, schema: { hide: true } },
    async (request, reply) => {
      const { principal, plan } = await loadWorking(request, request.params.id);
      const fields = formFields(request.body);
      const intent = fields.intent ?? 'save';
      const read = readEditorForm(fields, plan.content, request.lang);
      const content = applyListIntent(read.content, intent);
      if (read.errors.length) {
        if (intent === 'autosave')
          return reply.status(400).send({ error: { code: 'validation_failed', message: read.errors[0]!.message, details: read.errors } });
        return showWork(request, reply, plan, {
          content,
          periodFrom: read.periodFrom,
          periodTo: read.periodTo,
          errors: read.errors,
          typedArea: read.typedArea,
        });
      }
      try {
        const saved = await updatePlan(db, changes, principal, actorOf(request), plan.id, {
          content,
          periodFrom: read.periodFrom || undefined,
          periodTo: read.periodTo || undefined,
        });
        if (intent === 'autosave') return reply.status(200).send({ savedAt: new Date().toISOString() });
        if (intent === 'submit') {
          await transitionPlan(db, changes, principal, actorOf(request), plan.id, { transition: 'submit' }, request.lang);
          return reply.redirect(doneUrl(plan.id, 'submit'), 303);
        }
        return reply.redirect(`${doneUrl(saved.id, 'save')}${listIntentAnchor(content, intent)}`, 303);
      } catch (error) {
        if (intent === 'autosave' && error instanceof AppError)
          return reply.status(error.status).send({ error: { code: error.code, message: error.text[request.lang] } });
        const errors = formErrorsFrom(error, request.lang);
        return showWork(request, reply, await planOr404(db, plan.id), {
          content,
          periodFrom: read.periodFrom,
          periodTo: read.periodTo,
          errors,
          typedArea: read.typedArea,
        });
      }
    },
  );

  app.post<{ Params: { id: string } }>(
    '/admin/plans/:id/review',
    { config: { access: 'plan.read_working', target: planTarget(db) }, schema: { hide: true } },
    async (request, reply) => {
      const { principal, plan } = await loadWorking(request, request.params.id);
      const fields = formFields(request.body);
      const comments: ReviewComment[] = [];
      for (const [key, value] of Object.entries(fields)) {
        const match = /^comment\.(threat|goal|partners|communication|general|actions)(?:\.(\d{1,3}))?$/.exec(key);
        if (match && value.trim())
          comments.push({ section: match[1] as ReviewComment['section'], item: match[2] ? Number(match[2]) : null, text: value.trim() });
      }
      // Only the form's two buttons decide; anything else (or nothing) is the sender's mistake, never an approval.
      const transition = fields.intent;
      if (transition !== 'approve' && transition !== 'return') return unknownTransition(request, reply, plan, 'comments');
      return transitionFromForm(request, reply, plan, principal, { transition, comments, siteUrl: config.publicUrl }, 'comments');
    },
  );

  app.post<{ Params: { id: string } }>(
    '/admin/plans/:id/transition',
    { config: { access: 'plan.read_working', target: planTarget(db) }, schema: { hide: true } },
    async (request, reply) => {
      const { principal, plan } = await loadWorking(request, request.params.id);
      const fields = formFields(request.body);
      const transition = fields.transition;
      // Only the page's own buttons name transitions; anything else is a mistake of the sender, not a state conflict.
      if (!isTransition(transition)) return unknownTransition(request, reply, plan, 'transition');
      return transitionFromForm(request, reply, plan, principal, {
        transition,
        // The numbers are checked by the use case (the API sends them too); a number that is not one is NaN there.
        evaluation:
          transition === 'evaluate'
            ? {
                outcome: fields.outcome,
                note: fields.note ?? '',
                baseline: formNumber(fields.baseline),
                period: formNumber(fields.period),
                asked: formNumber(fields.asked),
                positive: formNumber(fields.positive),
                decision: fields.decision,
                justification: fields.justification,
              }
            : undefined,
      });
    },
  );

  app.get<{ Params: { id: string } }>(
    '/admin/plans/:id/source',
    { config: { access: 'plan.read_working', target: planTarget(db) }, schema: { hide: true } },
    async (request, reply) => {
      requireAllowed(request, 'plan.read_working');
      return sendPlanSource(db, request, reply, request.params.id);
    },
  );

  app.post<{ Params: { id: string } }>(
    '/admin/plans/:id/delete',
    { config: { access: 'plan.read_working', target: planTarget(db) }, schema: { hide: true } },
    async (request, reply) => {
      const { principal, plan } = await loadWorking(request, request.params.id);
      await deleteDraft(db, changes, principal, actorOf(request), plan.id);
      return reply.redirect('/admin/plans?done=delete', 303);
    },
  );
}
