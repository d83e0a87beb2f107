import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { FromSchema } from 'json-schema-to-ts';
import type { Config } from '../../platform/config/config.js';
import type { Database } from '../../platform/db/database.js';
import { requireRole, requireSignedIn } from '../../platform/auth/guards.js';
import { AppError } from '../../platform/http/errors.js';
import { errorResponses } from '../../platform/http/openapi.js';
import { actorOf } from '../../platform/http/request-context.js';
import type { DocumentWorkers } from '../../platform/documents/document-workers.js';
import { formatBytes, type Lang } from '../../platform/i18n/i18n.js';
import { zipLimits } from '../../platform/documents/zip-reader.js';
import { importPlanDocument } from './import/import-plan.js';
import { documentRateLimit, parsedOf, readPlan } from './import/plan-reader.js';
import type { PlanSource } from './import/read-document.js';
import type { ParsedPlan } from './import/parse-plan.js';
import { createPlan, deleteDraft, transitionPlan, updatePlan } from './manage-plans.js';
import { planErrors } from './messages.js';
import type { Plan, PlanContent } from './model.js';
import { publishedView, planUrl, workingView } from './read-plans.js';
import { findPlan, listEvents, listPlans, listVersions, type ReviewComment } from './repository.js';
import { createPlanBody, transitionBody, updatePlanBody } from './schemas.js';
import { searchQuery } from './search/stems.js';

const idParams = { type: 'object', additionalProperties: false, required: ['id'], properties: { id: { type: 'string', maxLength: 64 } } } as const;

export function presentParsed(parsed: ParsedPlan, lang: Lang) {
  return { ...parsed, warnings: parsed.warnings.map((w) => w[lang]) };
}

function presentPlan(plan: Plan) {
  return {
    id: plan.id,
    url: planUrl(plan.id),
    districtId: plan.districtId,
    unitId: plan.unitId,
    periodFrom: plan.periodFrom,
    periodTo: plan.periodTo,
    status: plan.status,
    version: plan.version,
    publishedVersion: plan.publishedVersion,
    content: plan.content,
    evaluation: plan.evaluation,
    submittedAt: plan.submittedAt?.toISOString() ?? null,
    approvedAt: plan.approvedAt?.toISOString() ?? null,
    publishedAt: plan.publishedAt?.toISOString() ?? null,
  };
}

/** The largest plan document accepted, as text or as an uploaded file. */
const DOCUMENT_UPLOAD_LIMIT = 5 * 1024 * 1024;

/** The plan document of a request: a text/plain body, or a .txt/.docx file in the multipart field "file". */
function documentSource(request: FastifyRequest): PlanSource {
  const body = request.body as unknown;
  if (typeof body === 'string') return { text: body };
  const file = (body as { file?: Buffer } | undefined)?.file;
  if (Buffer.isBuffer(file)) return { file };
  throw new AppError(400, 'empty_body', { pl: 'Wyślij plan jako tekst (text/plain) albo plik .txt/.docx w polu „file”.', en: 'Send the plan as text (text/plain) or a .txt/.docx file in the field "file".' });
}

export function registerPlanApi(app: FastifyInstance, config: Config, database: Database, documents: DocumentWorkers): void {
  const db = database.db;
  const tags = ['plans'];

  app.post(
    '/api/v1/plans/parse',
    {
      bodyLimit: DOCUMENT_UPLOAD_LIMIT,
      config: { rateLimit: documentRateLimit(config) },
      schema: {
        tags,
        summary: `Read a plan document (text/plain, or a .txt/.docx file as multipart field "file") into its parts, without saving. Limits: ${formatBytes(DOCUMENT_UPLOAD_LIMIT, 'en')} uploaded; a .docx may expand to ${formatBytes(zipLimits.entryBytes, 'en')}, compressed at most ${zipLimits.ratio} times; ${config.documentRateLimitPerMinute} documents a minute per client without an account.`,
        consumes: ['text/plain', 'multipart/form-data'],
        response: { 200: { type: 'object', additionalProperties: true }, ...errorResponses(400, 413, 415, 422, 429, 503) },
      },
    },
    async (request) => presentParsed(parsedOf(await readPlan(documents, documentSource(request))), request.lang),
  );

  app.post<{ Querystring: { districtId?: string } }>(
    '/api/v1/plans/import',
    {
      bodyLimit: DOCUMENT_UPLOAD_LIMIT,
      config: { rateLimit: documentRateLimit(config) },
      schema: {
        tags,
        summary: 'Import a plan document as a draft of its district (found from the unit and district number, or given); the limits of /parse apply',
        consumes: ['text/plain', 'multipart/form-data'],
        querystring: { type: 'object', additionalProperties: false, properties: { districtId: { type: 'string', maxLength: 80 } } },
        response: { 201: { type: 'object', additionalProperties: true }, ...errorResponses(400, 401, 403, 409, 413, 415, 422, 429, 503) },
      },
    },
    async (request, reply) => {
      const principal = requireSignedIn(request);
      const reading = await readPlan(documents, documentSource(request));
      const { plan, parsed } = await importPlanDocument(db, principal, actorOf(request), parsedOf(reading), { districtId: request.query.districtId });
      return reply.status(201).header('location', `/api/v1/plans/${plan.id}`).send({ plan: presentPlan(plan), parsed: presentParsed(parsed, request.lang) });
    },
  );

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
      schema: {
        tags,
        summary: 'Published plans, newest period first: full-text search in Polish (word forms found together), filters by unit, district, category and year. `total` counts up to 200 (or to the end of the next page), with or without a search; `totalIsExact` false means more.',
        querystring: listQuery,
        response: { 200: { type: 'object', additionalProperties: true }, ...errorResponses(400) },
      },
    },
    async (request) => {
      const q = request.query;
      const result = await listPlans(db, {
        publishedOnly: true,
        subtreeOf: q.unitId,
        districtId: q.districtId,
        category: q.category,
        year: q.year,
        query: q.q ? searchQuery(q.q) : null,
        page: q.page ?? 1,
        pageSize: q.pageSize ?? 20,
      });
      const plans = await Promise.all(
        result.plans.map(async (plan) => {
          const view = (await publishedView(db, plan))!;
          return { id: plan.id, url: `${config.publicUrl}${planUrl(plan.id)}`, districtId: plan.districtId, unitId: plan.unitId, periodFrom: view.periodFrom, periodTo: view.periodTo, category: view.content.threat.category, goal: view.content.goal.description };
        }),
      );
      return { plans, total: result.total, totalIsExact: result.exact, page: q.page ?? 1, hasNextPage: result.hasNextPage };
    },
  );

  app.get<{ Params: FromSchema<typeof idParams> }>(
    '/api/v1/plans/:id',
    {
      schema: {
        tags,
        summary: 'One plan: its published version for everyone; for staff of its unit also the working version, deadlines and next steps',
        params: idParams,
        response: { 200: { type: 'object', additionalProperties: true }, ...errorResponses(404) },
      },
    },
    async (request) => {
      const plan = await findPlan(db, request.params.id);
      if (!plan) throw new AppError(404, 'plan_not_found', planErrors.notFound());
      const working = await workingView(db, request.principal, plan);
      const published = await publishedView(db, plan);
      if (!working && !published) throw new AppError(404, 'plan_not_found', planErrors.notFound());
      return {
        published: published && { ...published, url: `${config.publicUrl}${planUrl(plan.id)}`, pdf: `${config.publicUrl}${planUrl(plan.id)}/plan.pdf`, docx: `${config.publicUrl}${planUrl(plan.id)}/plan.docx` },
        working: working && { ...presentPlan(plan), ...working },
      };
    },
  );

  app.post<{ Body: FromSchema<typeof createPlanBody> }>(
    '/api/v1/plans',
    { schema: { tags, summary: 'Start a draft plan for a district', body: createPlanBody, response: { 201: { type: 'object', additionalProperties: true }, ...errorResponses(400, 401, 403, 409, 422) } } },
    async (request, reply) => {
      const principal = requireSignedIn(request);
      const plan = await createPlan(db, principal, actorOf(request), { ...request.body, content: request.body.content as PlanContent | undefined });
      return reply.status(201).header('location', `/api/v1/plans/${plan.id}`).send(presentPlan(plan));
    },
  );

  app.patch<{ Params: FromSchema<typeof idParams>; Body: FromSchema<typeof updatePlanBody> }>(
    '/api/v1/plans/:id',
    { schema: { tags, summary: 'Change a draft (the district officer); also used by the editor to autosave', params: idParams, body: updatePlanBody, response: { 200: { type: 'object', additionalProperties: true }, ...errorResponses(400, 401, 403, 404, 409) } } },
    async (request) => {
      const principal = requireSignedIn(request);
      return presentPlan(await updatePlan(db, principal, actorOf(request), request.params.id, { ...request.body, content: request.body.content as PlanContent | undefined }));
    },
  );

  app.delete<{ Params: FromSchema<typeof idParams> }>(
    '/api/v1/plans/:id',
    { schema: { tags, summary: 'Delete a draft that was never submitted', params: idParams, response: { 204: { type: 'null' }, ...errorResponses(401, 403, 404, 409) } } },
    async (request, reply) => {
      await deleteDraft(db, requireSignedIn(request), actorOf(request), request.params.id);
      return reply.status(204).send();
    },
  );

  app.post<{ Params: FromSchema<typeof idParams>; Body: FromSchema<typeof transitionBody> }>(
    '/api/v1/plans/:id/transitions',
    {
      schema: {
        tags,
        summary: 'Move a plan along its lifecycle: submit, approve, return (with comments), publish, revise, start, evaluate, close',
        params: idParams,
        body: transitionBody,
        response: { 200: { type: 'object', additionalProperties: true }, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const principal = requireRole(request, 'officer', 'supervisor', 'commander');
      const plan = await transitionPlan(
        db,
        principal,
        actorOf(request),
        request.params.id,
        { transition: request.body.transition, comments: request.body.comments as ReviewComment[] | undefined, evaluation: request.body.evaluation, note: request.body.note },
        request.lang,
      );
      return presentPlan(plan);
    },
  );

  app.get<{ Params: FromSchema<typeof idParams> }>(
    '/api/v1/plans/:id/versions',
    { schema: { tags, summary: 'Every submitted version with its review, and the history of the plan (staff)', params: idParams, response: { 200: { type: 'object', additionalProperties: true }, ...errorResponses(401, 404) } } },
    async (request) => {
      const plan = await findPlan(db, request.params.id);
      if (!plan || !(await workingView(db, request.principal, plan))) throw new AppError(404, 'plan_not_found', planErrors.notFound());
      return { versions: await listVersions(db, plan.id), events: await listEvents(db, plan.id) };
    },
  );

}
