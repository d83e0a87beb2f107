import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Config } from '../../../platform/config/config.js';
import type { Database } from '../../../platform/db/database.js';
import type { ChangeBus } from '../../../platform/events/changes.js';
import { requireAllowed } from '../../../platform/auth/guards.js';
import { AppError } from '../../../platform/http/errors.js';
import { errorResponses } from '../../../platform/http/openapi.js';
import { actorOf } from '../../../platform/http/request-context.js';
import type { DocumentWorkers } from '../../../platform/documents/document-workers.js';
import { formatBytes } from '../../../platform/i18n/i18n.js';
import { zipLimits } from '../../../platform/documents/zip-reader.js';
import { acceptedKindsText, pdfLimits } from '../../../platform/documents/document-kind.js';
import { uploadedFiles } from '../../../platform/http/uploads.js';
import { importPlanDocument } from './import-plan.js';
import { batchLimits, importBatch, presentBatch } from './batch.js';
import { documentRateLimit, parsedOf, readPlan } from './plan-reader.js';
import type { PlanSource } from './read-document.js';
import { presentParsed, presentPlan } from '../present-plan.js';
import { batchAnswerSchema, importAnswerSchema, parseAnswerSchema } from '../api-schemas.js';

/** The largest plan document accepted, as text or as an uploaded file. */
const DOCUMENT_UPLOAD_LIMIT = 5 * 1024 * 1024;

/** The plan document of a request: a text/plain body, or a file of any accepted kind in the multipart field "file". */
function documentSource(request: FastifyRequest): PlanSource {
  const body = request.body;
  if (typeof body === 'string') return { text: body };
  const file = (body as { file?: Buffer } | undefined)?.file;
  if (Buffer.isBuffer(file)) return { file };
  throw new AppError(400, 'empty_body', {
    pl: `Wyślij plan jako tekst (text/plain) albo plik w polu „file”: ${acceptedKindsText.pl}.`,
    en: `Send the plan as text (text/plain) or a file in the field "file": ${acceptedKindsText.en}.`,
  });
}

/** Plan documents through the API: read without saving, import one as a draft, or many at once. */
export function registerPlanImportApi(
  app: FastifyInstance,
  config: Config,
  database: Database,
  changes: ChangeBus,
  documents: DocumentWorkers,
): void {
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
      const reports = await importBatch(db, changes, documents, principal, actorOf(request), files, {
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
      const { plan, parsed } = await importPlanDocument(db, changes, principal, actorOf(request), parsedOf(reading), {
        districtId: request.query.districtId,
      });
      return reply
        .status(201)
        .header('location', `/api/v1/plans/${plan.id}`)
        .send({ plan: presentPlan(plan), parsed: presentParsed(parsed, request.lang) });
    },
  );
}
