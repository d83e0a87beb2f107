import { createElement } from 'react';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ChangeBus } from '../../../platform/events/changes.js';
import type { Database } from '../../../platform/db/database.js';
import { requireAllowed } from '../../../platform/auth/guards.js';
import { AppError, type FieldError } from '../../../platform/http/errors.js';
import { formErrorsFrom } from '../../../platform/http/forms.js';
import { actorOf, pageContext } from '../../../platform/http/request-context.js';
import { sendPage } from '../../../platform/render/render.js';
import type { DocumentWorkers } from '../../../platform/documents/document-workers.js';
import type { Config } from '../../../platform/config/config.js';
import type { Lang } from '../../../platform/i18n/i18n.js';
import { uploadedFiles } from '../../../platform/http/uploads.js';
import { importPlanDocument } from '../import/import-plan.js';
import { batchLimits, importBatch, presentBatch } from '../import/batch.js';
import type { ParsedPlan } from '../import/parse-plan.js';
import { documentRateLimit, parsedOf, readPlan } from '../import/plan-reader.js';
import type { PlanReading } from '../import/read-document.js';
import type { BatchView } from './import-report.js';
import { ImportPage } from './import-page.js';
import { districtOptions } from './route-helpers.js';

/** Staff import plans: pasted text or one file becomes a draft after a preview; many files (or a ZIP) go through the batch import. */
export function registerPlanImportPages(
  app: FastifyInstance,
  config: Config,
  database: Database,
  changes: ChangeBus,
  documents: DocumentWorkers,
): void {
  const db = database.db;

  const showImport = async (
    request: FastifyRequest,
    reply: FastifyReply,
    values: { text: string; districtId?: string | undefined },
    parsed: ParsedPlan | null,
    errors: FieldError[],
    status = 422,
    batch: BatchView | null = null,
  ) => {
    const principal = requireAllowed(request, 'plan.start');
    return sendPage(
      reply,
      createElement(ImportPage, {
        ctx: pageContext(request, reply),
        districts: await districtOptions(database, principal),
        text: values.text,
        districtId: values.districtId,
        parsed,
        warnings: parsed?.warnings.map((w) => w[request.lang]) ?? [],
        errors,
        batch,
      }),
      errors.length ? status : 200,
    );
  };
  const nothingToRead = (lang: Lang): FieldError[] => [
    {
      field: 'text',
      code: 'required',
      message: lang === 'pl' ? 'Wklej tekst planu albo wybierz plik.' : 'Paste the plan text or choose a file.',
    },
  ];
  const textErrors = (error: unknown, lang: Lang) =>
    formErrorsFrom(error, lang).map((e) => ({ ...e, field: e.field === 'form' ? 'text' : e.field }));

  app.get('/admin/plans/import', { config: { access: 'plan.start' }, schema: { hide: true } }, (request, reply) =>
    showImport(request, reply, { text: '' }, null, []),
  );

  // Several files at once (or a ZIP): the batch limits, and the files' names kept for the report (platform/http/uploads.ts).
  const importRoute = {
    schema: { hide: true },
    bodyLimit: batchLimits.totalBytes,
    config: {
      access: 'plan.start' as const,
      rateLimit: documentRateLimit(config),
      multipartOptions: { limits: { files: batchLimits.files, fields: 20 } },
    },
  };
  app.post('/admin/plans/import', importRoute, async (request, reply) => {
    const principal = requireAllowed(request, 'plan.start');
    const body = (request.body ?? {}) as { text?: string; districtId?: string; intent?: string };
    const districtId = body.districtId || undefined;
    const pasted = typeof body.text === 'string' ? body.text : '';
    const files = uploadedFiles(request, 'file');
    const batch = async (dryRun: boolean) => {
      if (files.length === 0)
        return showImport(
          request,
          reply,
          { text: pasted, districtId },
          null,
          [{ field: 'file', code: 'required', message: request.lang === 'pl' ? 'Wybierz pliki planów.' : 'Choose the plan files.' }],
          400,
        );
      try {
        const reports = await importBatch(db, changes, documents, principal, actorOf(request), files, { dryRun, districtId });
        return await showImport(request, reply, { text: '', districtId }, null, [], 200, {
          dryRun,
          ...presentBatch(reports, request.lang),
        });
      } catch (error) {
        return showImport(request, reply, { text: pasted, districtId }, null, textErrors(error, request.lang), (error as AppError).status);
      }
    };
    // Many files (or the buttons for files) go through the batch import; one file or pasted text as before.
    if (body.intent === 'preview-files' || body.intent === 'import-files') return batch(body.intent === 'preview-files');
    if (files.length > 1) return batch(true);
    if (files.length === 0 && !pasted.trim())
      return showImport(request, reply, { text: pasted, districtId }, null, nothingToRead(request.lang));
    let reading: PlanReading;
    try {
      if (files[0] && files[0].bytes.length > batchLimits.fileBytes)
        throw new AppError(413, 'payload_too_large', {
          pl: 'Przesłany plik jest za duży dla tej operacji.',
          en: 'The uploaded file is too large for this request.',
        });
      // The file, when one is chosen, wins over the pasted text, as before.
      reading = await readPlan(documents, files[0] ? { file: files[0].bytes } : { text: pasted });
    } catch (error) {
      // One ZIP of files: a batch, previewed first.
      if (error instanceof AppError && error.code === 'document_is_archive') return batch(true);
      // A file over a limit, broken or binary: the form again, with the reason, and the limit's status.
      const errors = textErrors(error, request.lang);
      return showImport(request, reply, { text: pasted, districtId }, null, errors, (error as AppError).status);
    }
    const { text, parsed } = reading;
    if (!text.trim()) return showImport(request, reply, { text, districtId }, null, nothingToRead(request.lang));
    try {
      const recognised = parsedOf(reading);
      if (body.intent === 'create') {
        const { plan } = await importPlanDocument(db, changes, principal, actorOf(request), recognised, { districtId });
        return reply.redirect(`/admin/plans/${plan.id}`, 303);
      }
      return await showImport(request, reply, { text, districtId }, recognised, []);
    } catch (error) {
      return showImport(request, reply, { text, districtId }, parsed, textErrors(error, request.lang));
    }
  });
}
