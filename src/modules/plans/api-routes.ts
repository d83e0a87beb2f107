import type { FastifyInstance } from 'fastify';
import type { FromSchema } from 'json-schema-to-ts';
import type { ChangeBus } from '../../platform/events/changes.js';
import type { Config } from '../../platform/config/config.js';
import type { Database } from '../../platform/db/database.js';
import { requireAllowed } from '../../platform/auth/guards.js';
import { absoluteUrl } from '../../platform/http/site-url.js';
import { errorResponses } from '../../platform/http/openapi.js';
import { actorOf } from '../../platform/http/request-context.js';
import type { DocumentWorkers } from '../../platform/documents/document-workers.js';
import { createPlan, deleteDraft, planSettings, transitionPlan, updatePlan } from './manage-plans.js';
import { commentPlace, eventName, statusName } from './messages.js';
import { stepNotice } from './step-notices.js';
import { planTiming } from './rules.js';
import { warsawToday } from '../../platform/i18n/calendar.js';
import type { PlanContent, ReviewComment } from './model.js';
import { planUrl } from './read-plans.js';
import { planDetail, planHistory, publishedPlans, workingPlanOr404 } from './read-plan-details.js';
import { presentPlan } from './present-plan.js';
import { registerPlanImportApi } from './import/api-routes.js';
import { sendPlanSource } from './import/source-download.js';
import { createPlanBody, transitionBody, updatePlanBody } from './schemas.js';
import { planDetailSchema, planListSchema, planSchema, planVersionsSchema, transitionAnswerSchema } from './api-schemas.js';
import { searchQuery } from './search/stems.js';
import { planTarget } from './route-target.js';
import { registerActionLogApi } from './action-log/api-routes.js';

const idParams = {
  type: 'object',
  additionalProperties: false,
  required: ['id'],
  properties: { id: { type: 'string', maxLength: 64 } },
} as const;

/** The plans API: the library and one plan for everyone, drafting and the lifecycle for staff; documents in import/api-routes.ts. */
export function registerPlanApi(
  app: FastifyInstance,
  config: Config,
  database: Database,
  changes: ChangeBus,
  documents: DocumentWorkers,
): void {
  const db = database.db;
  const tags = ['plans'];
  registerPlanImportApi(app, config, database, changes, documents);
  registerActionLogApi(app, db);

  const listQuery = {
    type: 'object',
    additionalProperties: false,
    properties: {
      q: { type: 'string', maxLength: 200 },
      unitId: { type: 'string', maxLength: 60 },
      districtId: { type: 'string', maxLength: 80 },
      category: { type: 'string', maxLength: 60 },
      year: { type: 'integer', minimum: 2000, maximum: 2100 },
      page: { type: 'integer', minimum: 1, maximum: 10_000, default: 1 },
      pageSize: { type: 'integer', minimum: 1, maximum: 100, default: 20 },
    },
  } as const;

  app.get<{ Querystring: FromSchema<typeof listQuery> }>(
    '/api/v1/plans',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary:
          'Published plans, newest period first, each with `timing` ("current", "upcoming" or "past": whether its period is running, to come or over): full-text search in Polish (word forms found together), filters by unit, district, category and year. `total` counts up to 200 (or to the end of the next page), with or without a search; `totalIsExact` false means more.',
        querystring: listQuery,
        response: { 200: planListSchema, ...errorResponses(400) },
      },
    },
    async (request) => {
      const q = request.query;
      const result = await publishedPlans(db, {
        subtreeOf: q.unitId,
        districtId: q.districtId,
        category: q.category,
        year: q.year,
        query: q.q ? searchQuery(q.q) : null,
        page: q.page ?? 1,
        pageSize: q.pageSize ?? 20,
      });
      const today = warsawToday();
      const plans = result.plans.map(({ plan, view }) => ({
        id: plan.id,
        url: absoluteUrl(request, config, planUrl(plan.id)),
        districtId: plan.districtId,
        unitId: plan.unitId,
        periodFrom: view.periodFrom,
        periodTo: view.periodTo,
        timing: planTiming(view, today),
        category: view.content.threat.category,
        goal: view.content.goal.description,
      }));
      return { plans, total: result.total, totalIsExact: result.exact, page: q.page ?? 1, hasNextPage: result.hasNextPage };
    },
  );

  app.get<{ Params: FromSchema<typeof idParams> }>(
    '/api/v1/plans/:id',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'One plan: its published version for everyone; for staff of its unit also the working version, deadlines and next steps',
        params: idParams,
        response: { 200: planDetailSchema, ...errorResponses(404) },
      },
    },
    async (request) => {
      const { plan, working, published, source } = await planDetail(db, request.principal, request.params.id);
      return {
        // Imported into the archive from a file (zaimportowany): when and from what; the file itself is for staff.
        imported: source
          ? {
              importedAt: source.importedAt.toISOString(),
              fileName: source.fileName,
              mediaType: source.mediaType,
              size: source.size,
              sha256: source.sha256,
            }
          : null,
        // timing: "current" | "upcoming" | "past", by the one rule (rules.ts planTiming).
        published: published && {
          ...published,
          timing: planTiming(published, warsawToday()),
          url: absoluteUrl(request, config, planUrl(plan.id)),
          pdf: absoluteUrl(request, config, `${planUrl(plan.id)}/plan.pdf`),
          docx: absoluteUrl(request, config, `${planUrl(plan.id)}/plan.docx`),
        },
        working: working && { ...presentPlan(plan), ...working, timing: planTiming(plan, warsawToday()) },
      };
    },
  );

  app.post<{ Body: FromSchema<typeof createPlanBody> }>(
    '/api/v1/plans',
    {
      config: { access: 'plan.start' },
      schema: {
        tags,
        summary: 'Start a draft plan for a district',
        body: createPlanBody,
        response: { 201: planSchema, ...errorResponses(400, 401, 403, 409, 422) },
      },
    },
    async (request, reply) => {
      const principal = requireAllowed(request, 'plan.start');
      const plan = await createPlan(db, changes, principal, actorOf(request), {
        ...request.body,
        content: request.body.content as PlanContent | undefined,
      });
      return reply.status(201).header('location', `/api/v1/plans/${plan.id}`).send(presentPlan(plan));
    },
  );

  app.patch<{ Params: FromSchema<typeof idParams>; Body: FromSchema<typeof updatePlanBody> }>(
    '/api/v1/plans/:id',
    {
      config: { access: 'plan.edit', target: planTarget(db) },
      schema: {
        tags,
        summary: 'Change a draft (the district officer); also used by the editor to autosave',
        params: idParams,
        body: updatePlanBody,
        response: { 200: planSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const principal = requireAllowed(request, 'plan.edit');
      return presentPlan(
        await updatePlan(db, changes, principal, actorOf(request), request.params.id, {
          ...request.body,
          content: request.body.content as PlanContent | undefined,
        }),
      );
    },
  );

  app.delete<{ Params: FromSchema<typeof idParams> }>(
    '/api/v1/plans/:id',
    {
      config: { access: 'plan.delete_draft', target: planTarget(db) },
      schema: {
        tags,
        summary: 'Delete a draft that was never submitted',
        params: idParams,
        response: { 204: { type: 'null' }, ...errorResponses(401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      await deleteDraft(db, changes, requireAllowed(request, 'plan.delete_draft'), actorOf(request), request.params.id);
      return reply.status(204).send();
    },
  );

  app.post<{ Params: FromSchema<typeof idParams>; Body: FromSchema<typeof transitionBody> }>(
    '/api/v1/plans/:id/transitions',
    {
      config: { access: 'plan.read_working', target: planTarget(db) },
      schema: {
        tags,
        summary: 'Move a plan along its lifecycle: submit, approve, return (with comments), publish, revise, start, evaluate, close',
        params: idParams,
        body: transitionBody,
        response: { 200: transitionAnswerSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const principal = requireAllowed(request, 'plan.read_working');
      const plan = await transitionPlan(
        db,
        changes,
        principal,
        actorOf(request),
        request.params.id,
        {
          transition: request.body.transition,
          comments: request.body.comments as ReviewComment[] | undefined,
          evaluation: request.body.evaluation,
          note: request.body.note,
          siteUrl: config.publicUrl,
        },
        request.lang,
      );
      // What happened and what comes next, in the request's language (the page says the same).
      return {
        ...presentPlan(plan),
        message: stepNotice(request.body.transition, plan, await planSettings(db, plan.unitId), warsawToday())[request.lang],
      };
    },
  );

  app.get<{ Params: FromSchema<typeof idParams> }>(
    '/api/v1/plans/:id/versions',
    {
      config: { access: 'plan.read_working', target: planTarget(db) },
      schema: {
        tags,
        summary: 'Every submitted version with its review, and the history of the plan (staff)',
        params: idParams,
        response: { 200: planVersionsSchema, ...errorResponses(401, 404) },
      },
    },
    async (request) => {
      const { plan } = await workingPlanOr404(db, request.principal, request.params.id);
      const history = await planHistory(db, plan.id);
      const lang = request.lang;
      // Codes for programs, words for people: each comment's place ("Cel", "Działanie 1"), each step and status, each person's name.
      const versions = history.versions.map((v) => ({
        ...v,
        comments: v.comments.map((c) => ({ ...c, place: commentPlace(c, lang) })),
      }));
      const events = history.events.map((e) => ({
        ...e,
        stepName: eventName(e.transition, lang),
        statusName: statusName(e.to_status, lang),
      }));
      return { versions, events };
    },
  );

  app.get<{ Params: FromSchema<typeof idParams> }>(
    '/api/v1/plans/:id/source',
    {
      config: { access: 'plan.read_working', target: planTarget(db) },
      schema: {
        tags,
        summary: 'The file an imported plan was read from, unchanged (staff of its unit)',
        params: idParams,
        response: { ...errorResponses(401, 404) },
      },
    },
    async (request, reply) => sendPlanSource(db, request, reply, request.params.id),
  );
}
