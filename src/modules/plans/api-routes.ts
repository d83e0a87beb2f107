import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { FromSchema } from 'json-schema-to-ts';
import type { Config } from '../../platform/config/config.js';
import type { Database } from '../../platform/db/database.js';
import { requireAllowed } from '../../platform/auth/guards.js';
import { AppError } from '../../platform/http/errors.js';
import { absoluteUrl } from '../../platform/http/site-url.js';
import { errorResponses } from '../../platform/http/openapi.js';
import { actorOf } from '../../platform/http/request-context.js';
import type { DocumentWorkers } from '../../platform/documents/document-workers.js';
import { formatBytes, type Lang } from '../../platform/i18n/i18n.js';
import { zipLimits } from '../../platform/documents/zip-reader.js';
import { acceptedKindsText, pdfLimits } from '../../platform/documents/document-kind.js';
import { importPlanDocument } from './import/import-plan.js';
import { batchLimits, importBatch, presentBatch } from './import/batch.js';
import { uploadedFiles } from '../../platform/http/uploads.js';
import { documentRateLimit, parsedOf, readPlan } from './import/plan-reader.js';
import type { PlanSource } from './import/read-document.js';
import type { ParsedPlan } from './import/parse-plan.js';
import { createPlan, deleteDraft, planSettings, transitionPlan, updatePlan } from './manage-plans.js';
import { commentPlace, eventName, planErrors, statusName } from './messages.js';
import { stepNotice } from './step-notices.js';
import { planTiming } from './rules.js';
import { warsawToday } from '../../platform/i18n/calendar.js';
import type { Plan, PlanContent } from './model.js';
import { publishedView, planUrl, workingView } from './read-plans.js';
import { findPlan, listEvents, listPlans, listVersions, type ReviewComment } from './repository.js';
import { planSourceInfo } from './import/source-repository.js';
import { sendPlanSource } from './import/source-download.js';
import { createPlanBody, transitionBody, updatePlanBody } from './schemas.js';
import {
  batchAnswerSchema,
  importAnswerSchema,
  parseAnswerSchema,
  planDetailSchema,
  planListSchema,
  planSchema,
  planVersionsSchema,
  transitionAnswerSchema,
} from './api-schemas.js';
import { searchQuery } from './search/stems.js';

const idParams = {
  type: 'object',
  additionalProperties: false,
  required: ['id'],
  properties: { id: { type: 'string', maxLength: 64 } },
} as const;

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

/** The plan document of a request: a text/plain body, or a file of any accepted kind in the multipart field "file". */
function documentSource(request: FastifyRequest): PlanSource {
  const body = request.body as unknown;
  if (typeof body === 'string') return { text: body };
  const file = (body as { file?: Buffer } | undefined)?.file;
  if (Buffer.isBuffer(file)) return { file };
  throw new AppError(400, 'empty_body', {
    pl: `Wyślij plan jako tekst (text/plain) albo plik w polu „file”: ${acceptedKindsText.pl}.`,
    en: `Send the plan as text (text/plain) or a file in the field "file": ${acceptedKindsText.en}.`,
  });
}

export function registerPlanApi(app: FastifyInstance, config: Config, database: Database, documents: DocumentWorkers): void {
  const db = database.db;
  const tags = ['plans'];

  app.post(
    '/api/v1/plans/parse',
    {
      bodyLimit: DOCUMENT_UPLOAD_LIMIT,
      config: { access: 'public', rateLimit: documentRateLimit(config) },
      schema: {
        tags,
        summary: `Read a plan document (text/plain, or a file as multipart field "file": ${acceptedKindsText.en}; the kind is told from the bytes) into its parts, without saving. The answer has the first plan's fields and \`plans\`, every plan found. Limits: ${formatBytes(DOCUMENT_UPLOAD_LIMIT, 'en')} uploaded; a .docx/.odt may expand to ${formatBytes(zipLimits.entryBytes, 'en')}, compressed at most ${zipLimits.ratio} times; a PDF at most ${pdfLimits.pages} pages; ${config.documentTimeLimitSeconds} s of reading; ${config.documentRateLimitPerMinute} documents a minute per client without an account. A scanned PDF answers 422 document_scanned, a file of another kind 415 unsupported_document.`,
        consumes: ['text/plain', 'multipart/form-data'],
        response: { 200: parseAnswerSchema, ...errorResponses(400, 413, 415, 422, 429, 503) },
      },
    },
    async (request) => {
      const reading = await readPlan(documents, documentSource(request));
      // The first plan's fields as before; `plans` has every plan the document holds.
      return {
        ...presentParsed(parsedOf(reading), request.lang),
        kind: reading.kind,
        plans: reading.plans.map((plan) => presentParsed(plan, request.lang)),
      };
    },
  );

  app.post<{ Querystring: { dryRun?: boolean; districtId?: string } }>(
    '/api/v1/plans/import-batch',
    {
      bodyLimit: batchLimits.totalBytes,
      config: {
        access: 'plan.start',
        rateLimit: documentRateLimit(config),
        multipartOptions: { limits: { files: batchLimits.files, fields: 20 } },
      },
      schema: {
        tags,
        summary: `Import many plan documents at once: several files in multipart fields "file", or a ZIP of them. Each file is read and reported on its own (plans found with district and period, warnings, or why it was refused); a plan of a past period becomes an archived published plan (a supervisor or commander of its unit only; the file is kept), a current or future one a draft. dryRun=true reads and checks without saving. Limits: ${batchLimits.files} files (counting those in archives), ${formatBytes(batchLimits.fileBytes, 'en')} a file, ${formatBytes(batchLimits.totalBytes, 'en')} together; files are read one after another.`,
        consumes: ['multipart/form-data'],
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: { dryRun: { type: 'boolean', default: false }, districtId: { type: 'string', maxLength: 80 } },
        },
        response: { 200: batchAnswerSchema, ...errorResponses(400, 401, 413, 429, 503) },
      },
    },
    async (request) => {
      const principal = requireAllowed(request, 'plan.start');
      const files = uploadedFiles(request, 'file');
      if (files.length === 0)
        throw new AppError(400, 'empty_body', {
          pl: 'Wyślij pliki planów w polach „file” (multipart/form-data).',
          en: 'Send the plan files in fields "file" (multipart/form-data).',
        });
      const reports = await importBatch(db, documents, principal, actorOf(request), files, {
        dryRun: request.query.dryRun ?? false,
        districtId: request.query.districtId,
      });
      return { dryRun: request.query.dryRun ?? false, ...presentBatch(reports, request.lang) };
    },
  );

  app.post<{ Querystring: { districtId?: string } }>(
    '/api/v1/plans/import',
    {
      bodyLimit: DOCUMENT_UPLOAD_LIMIT,
      config: { access: 'plan.start', rateLimit: documentRateLimit(config) },
      schema: {
        tags,
        summary:
          'Import a plan document as a draft of its district (found from the unit and district number, or given); the limits of /parse apply',
        consumes: ['text/plain', 'multipart/form-data'],
        querystring: { type: 'object', additionalProperties: false, properties: { districtId: { type: 'string', maxLength: 80 } } },
        response: { 201: importAnswerSchema, ...errorResponses(400, 401, 403, 409, 413, 415, 422, 429, 503) },
      },
    },
    async (request, reply) => {
      const principal = requireAllowed(request, 'plan.start');
      const reading = await readPlan(documents, documentSource(request));
      const { plan, parsed } = await importPlanDocument(db, principal, actorOf(request), parsedOf(reading), {
        districtId: request.query.districtId,
      });
      return reply
        .status(201)
        .header('location', `/api/v1/plans/${plan.id}`)
        .send({ plan: presentPlan(plan), parsed: presentParsed(parsed, request.lang) });
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
      const today = warsawToday();
      const plans = await Promise.all(
        result.plans.map(async (plan) => {
          const view = (await publishedView(db, plan))!;
          return {
            id: plan.id,
            url: absoluteUrl(request, config, planUrl(plan.id)),
            districtId: plan.districtId,
            unitId: plan.unitId,
            periodFrom: view.periodFrom,
            periodTo: view.periodTo,
            timing: planTiming(view, today),
            category: view.content.threat.category,
            goal: view.content.goal.description,
          };
        }),
      );
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
      const plan = await findPlan(db, request.params.id);
      if (!plan) throw new AppError(404, 'plan_not_found', planErrors.notFound());
      const working = await workingView(db, request.principal, plan);
      const published = await publishedView(db, plan);
      if (!working && !published) throw new AppError(404, 'plan_not_found', planErrors.notFound());
      const source = await planSourceInfo(db, plan.id);
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
      const plan = await createPlan(db, principal, actorOf(request), {
        ...request.body,
        content: request.body.content as PlanContent | undefined,
      });
      return reply.status(201).header('location', `/api/v1/plans/${plan.id}`).send(presentPlan(plan));
    },
  );

  app.patch<{ Params: FromSchema<typeof idParams>; Body: FromSchema<typeof updatePlanBody> }>(
    '/api/v1/plans/:id',
    {
      config: { access: 'plan.edit' },
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
        await updatePlan(db, principal, actorOf(request), request.params.id, {
          ...request.body,
          content: request.body.content as PlanContent | undefined,
        }),
      );
    },
  );

  app.delete<{ Params: FromSchema<typeof idParams> }>(
    '/api/v1/plans/:id',
    {
      config: { access: 'plan.delete_draft' },
      schema: {
        tags,
        summary: 'Delete a draft that was never submitted',
        params: idParams,
        response: { 204: { type: 'null' }, ...errorResponses(401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      await deleteDraft(db, requireAllowed(request, 'plan.delete_draft'), actorOf(request), request.params.id);
      return reply.status(204).send();
    },
  );

  app.post<{ Params: FromSchema<typeof idParams>; Body: FromSchema<typeof transitionBody> }>(
    '/api/v1/plans/:id/transitions',
    {
      config: { access: 'plan.read_working' },
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
        message: stepNotice(request.body.transition, plan, await planSettings(db), warsawToday())[request.lang],
      };
    },
  );

  app.get<{ Params: FromSchema<typeof idParams> }>(
    '/api/v1/plans/:id/versions',
    {
      config: { access: 'plan.read_working' },
      schema: {
        tags,
        summary: 'Every submitted version with its review, and the history of the plan (staff)',
        params: idParams,
        response: { 200: planVersionsSchema, ...errorResponses(401, 404) },
      },
    },
    async (request) => {
      const plan = await findPlan(db, request.params.id);
      if (!plan || !(await workingView(db, request.principal, plan))) throw new AppError(404, 'plan_not_found', planErrors.notFound());
      const lang = request.lang;
      // Codes for programs, words for people: each comment's place ("Cel", "Działanie 1"), each step and status, each person's name.
      const versions = (await listVersions(db, plan.id)).map((v) => ({
        ...v,
        comments: v.comments.map((c) => ({ ...c, place: commentPlace(c, lang) })),
      }));
      const events = (await listEvents(db, plan.id)).map((e) => ({
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
      config: { access: 'plan.read_working' },
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
