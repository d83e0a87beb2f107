import { createElement } from 'react';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Database } from '../../../platform/db/database.js';
import { requireAllowed } from '../../../platform/auth/guards.js';
import type { Principal } from '../../../platform/auth/principal.js';
import { AppError, type FieldError } from '../../../platform/http/errors.js';
import { formErrorsFrom, formFields, formNumber } from '../../../platform/http/forms.js';
import { actorOf, pageContext } from '../../../platform/http/request-context.js';
import { sendPage } from '../../../platform/render/render.js';
import type { DocumentWorkers } from '../../../platform/documents/document-workers.js';
import type { Config } from '../../../platform/config/config.js';
import type { Lang } from '../../../platform/i18n/i18n.js';
import type { Option } from '../../../platform/render/components.js';
import { warsawToday } from '../../../platform/i18n/calendar.js';
import { districtChoicesFor } from '../../districts/index.js';
import { importPlanDocument } from '../import/import-plan.js';
import { batchLimits, importBatch, presentBatch } from '../import/batch.js';
import { uploadedFiles } from '../../../platform/http/uploads.js';
import type { BatchView } from './import-report.js';
import { planSourceInfo } from '../import/source-repository.js';
import { sendPlanSource } from '../import/source-download.js';
import type { ParsedPlan } from '../import/parse-plan.js';
import { documentRateLimit, parsedOf, readPlan } from '../import/plan-reader.js';
import type { PlanReading } from '../import/read-document.js';
import { createPlan, deleteDraft, planSettings, transitionPlan, updatePlan } from '../manage-plans.js';
import { isStep, stepNotice, type Step } from '../step-notices.js';
import { planTiming } from '../rules.js';
import { planErrors } from '../messages.js';
import { isPlanStatus, type EvaluationOutcome, type Plan } from '../model.js';
import { planContext, planQueue, workingView } from '../read-plans.js';
import { findPlan, listEvents, listVersions, unitPartners, type ReviewComment } from '../repository.js';
import { planDocument } from '../publication/document.js';
import { isNewDraft, isTransition } from '../workflow.js';
import { applyListIntent, listIntentAnchor, readEditorForm } from './form.js';
import { NewPlanPage, QueuePage, WorkPage } from './pages.js';
import { ImportPage } from './import-page.js';
import { editorMessages } from './messages.js';

/** Where a step lands: the plan's page, which then says what happened and what comes next. */
const doneUrl = (id: string, step: Step) => `/admin/plans/${id}?done=${step}`;

/** Districts a person may start a plan for: those they work with, named with their unit. */
async function districtOptions(database: Database, principal: Principal): Promise<Option[]> {
  return (await districtChoicesFor(database.db, principal)).map((row) => ({ value: row.id, label: `${row.name} (${row.unitName})` }));
}

export function registerPlanEditor(app: FastifyInstance, config: Config, database: Database, documents: DocumentWorkers): void {
  const db = database.db;

  app.get<{ Querystring: { status?: string; done?: string } }>(
    '/admin/plans',
    { config: { access: 'plan.read_working' }, schema: { hide: true } },
    async (request, reply) => {
      const principal = requireAllowed(request, 'plan.read_working');
      const status = isPlanStatus(request.query.status) ? request.query.status : undefined;
      const rows = await planQueue(db, principal, { status });
      const notice = request.query.done === 'delete' ? editorMessages[request.lang].draftDeleted : null;
      return sendPage(reply, createElement(QueuePage, { ctx: pageContext(request, reply, notice), rows, status, canCreate: true }));
    },
  );

  app.get('/admin/plans/new', { config: { access: 'plan.start' }, schema: { hide: true } }, async (request, reply) => {
    const principal = requireAllowed(request, 'plan.start');
    return sendPage(
      reply,
      createElement(NewPlanPage, {
        ctx: pageContext(request, reply),
        districts: await districtOptions(database, principal),
        values: {},
        errors: [],
      }),
    );
  });

  app.post('/admin/plans/new', { config: { access: 'plan.start' }, schema: { hide: true } }, async (request, reply) => {
    const principal = requireAllowed(request, 'plan.start');
    const fields = formFields(request.body);
    let errors: FieldError[] = [];
    const missing = (field: string) =>
      !fields[field] &&
      errors.push({ field, code: 'required', message: request.lang === 'pl' ? 'To pole jest wymagane.' : 'This field is required.' });
    missing('districtId');
    missing('periodFrom');
    missing('periodTo');
    if (errors.length === 0) {
      try {
        const plan = await createPlan(db, principal, actorOf(request), {
          districtId: fields.districtId!,
          periodFrom: fields.periodFrom!,
          periodTo: fields.periodTo!,
        });
        return reply.redirect(doneUrl(plan.id, 'create'), 303);
      } catch (error) {
        errors = formErrorsFrom(error, request.lang);
      }
    }
    return sendPage(
      reply,
      createElement(NewPlanPage, {
        ctx: pageContext(request, reply),
        districts: await districtOptions(database, principal),
        values: fields,
        errors,
      }),
      400,
    );
  });

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
        const reports = await importBatch(db, documents, principal, actorOf(request), files, { dryRun, districtId });
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
        const { plan } = await importPlanDocument(db, principal, actorOf(request), recognised, { districtId });
        return reply.redirect(`/admin/plans/${plan.id}`, 303);
      }
      return await showImport(request, reply, { text, districtId }, recognised, []);
    } catch (error) {
      return showImport(request, reply, { text, districtId }, parsed, textErrors(error, request.lang));
    }
  });

  const loadWorking = async (request: FastifyRequest, id: string) => {
    const principal = requireAllowed(request, 'plan.read_working');
    const plan = await findPlan(db, id);
    const working = plan && (await workingView(db, principal, plan));
    if (!plan || !working) throw new AppError(404, 'plan_not_found', planErrors.notFound());
    return { principal, plan, working };
  };

  const showWork = async (
    request: FastifyRequest,
    reply: FastifyReply,
    plan: Plan,
    override: { content?: Plan['content']; periodFrom?: string; periodTo?: string; errors?: FieldError[] } = {},
  ) => {
    const principal = requireAllowed(request, 'plan.read_working');
    const working = (await workingView(db, principal, plan))!;
    const context = await planContext(db, plan);
    const content = override.content ?? plan.content;
    const versions = await listVersions(db, plan.id);
    // After a step (?done=submit): what happened and what comes next, in words from one place.
    const done = (request.query as Record<string, unknown>).done;
    const notice =
      isStep(done) && !override.errors?.length ? stepNotice(done, plan, await planSettings(db), warsawToday())[request.lang] : null;
    const ctx = pageContext(request, reply, notice);
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
        deadlines: working.deadlines,
        transitions: working.transitions,
        canEdit: working.canEdit,
        canDelete: isNewDraft(plan, versions.length),
        versions,
        events: await listEvents(db, plan.id),
        partners: (await unitPartners(db, plan.unitId)).map((p) => p.name),
        errors: override.errors ?? [],
        periodFrom: override.periodFrom ?? plan.periodFrom,
        periodTo: override.periodTo ?? plan.periodTo,
        source: (await planSourceInfo(db, plan.id)) ?? null,
        timing: planTiming(plan, warsawToday()),
      }),
      override.errors?.length ? 400 : 200,
    );
  };

  app.get<{ Params: { id: string } }>(
    '/admin/plans/:id',
    { config: { access: 'plan.read_working' }, schema: { hide: true } },
    async (request, reply) => {
      const { plan } = await loadWorking(request, request.params.id);
      return showWork(request, reply, plan);
    },
  );

  app.post<{ Params: { id: string } }>(
    '/admin/plans/:id',
    { config: { access: 'plan.read_working' }, schema: { hide: true } },
    async (request, reply) => {
      const { principal, plan } = await loadWorking(request, request.params.id);
      const fields = formFields(request.body);
      const intent = fields.intent ?? 'save';
      const read = readEditorForm(fields, plan.content, request.lang);
      const content = applyListIntent(read.content, intent);
      if (read.errors.length) {
        if (intent === 'autosave')
          return reply.status(400).send({ error: { code: 'validation_failed', message: read.errors[0]!.message, details: read.errors } });
        return showWork(request, reply, plan, { content, periodFrom: read.periodFrom, periodTo: read.periodTo, errors: read.errors });
      }
      try {
        const saved = await updatePlan(db, principal, actorOf(request), plan.id, {
          content,
          periodFrom: read.periodFrom || undefined,
          periodTo: read.periodTo || undefined,
        });
        if (intent === 'autosave') return reply.status(200).send({ savedAt: new Date().toISOString() });
        if (intent === 'submit') {
          await transitionPlan(db, principal, actorOf(request), plan.id, { transition: 'submit' }, request.lang);
          return reply.redirect(doneUrl(plan.id, 'submit'), 303);
        }
        return reply.redirect(`${doneUrl(saved.id, 'save')}${listIntentAnchor(content, intent)}`, 303);
      } catch (error) {
        if (intent === 'autosave' && error instanceof AppError)
          return reply.status(error.status).send({ error: { code: error.code, message: error.text[request.lang] } });
        const errors = formErrorsFrom(error, request.lang);
        return showWork(request, reply, (await findPlan(db, plan.id))!, {
          content,
          periodFrom: read.periodFrom,
          periodTo: read.periodTo,
          errors,
        });
      }
    },
  );

  app.post<{ Params: { id: string } }>(
    '/admin/plans/:id/review',
    { config: { access: 'plan.read_working' }, schema: { hide: true } },
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
      if (transition !== 'approve' && transition !== 'return') {
        return showWork(request, reply, plan, {
          errors: [{ field: 'comments', code: 'invalid', message: planErrors.unknownTransition()[request.lang] }],
        });
      }
      try {
        await transitionPlan(db, principal, actorOf(request), plan.id, { transition, comments, siteUrl: config.publicUrl }, request.lang);
      } catch (error) {
        return showWork(request, reply, plan, {
          errors: formErrorsFrom(error, request.lang).map((e) => ({ ...e, field: e.field === 'form' ? 'comments' : e.field })),
        });
      }
      return reply.redirect(doneUrl(plan.id, transition), 303);
    },
  );

  app.post<{ Params: { id: string } }>(
    '/admin/plans/:id/transition',
    { config: { access: 'plan.read_working' }, schema: { hide: true } },
    async (request, reply) => {
      const { principal, plan } = await loadWorking(request, request.params.id);
      const fields = formFields(request.body);
      const transition = fields.transition;
      // Only the page's own buttons name transitions; anything else is a mistake of the sender, not a state conflict.
      if (!isTransition(transition))
        return showWork(request, reply, plan, {
          errors: [{ field: 'transition', code: 'invalid', message: planErrors.unknownTransition()[request.lang] }],
        });
      try {
        await transitionPlan(
          db,
          principal,
          actorOf(request),
          plan.id,
          {
            transition,
            // The outcome and the number are checked by the use case (the API sends them too).
            evaluation:
              transition === 'evaluate'
                ? { outcome: fields.outcome as EvaluationOutcome, measuredValue: formNumber(fields.measuredValue), note: fields.note ?? '' }
                : undefined,
          },
          request.lang,
        );
      } catch (error) {
        return showWork(request, reply, plan, { errors: formErrorsFrom(error, request.lang) });
      }
      return reply.redirect(doneUrl(plan.id, transition), 303);
    },
  );

  app.get<{ Params: { id: string } }>(
    '/admin/plans/:id/source',
    { config: { access: 'plan.read_working' }, schema: { hide: true } },
    async (request, reply) => {
      requireAllowed(request, 'plan.read_working');
      return sendPlanSource(db, request, reply, request.params.id);
    },
  );

  app.post<{ Params: { id: string } }>(
    '/admin/plans/:id/delete',
    { config: { access: 'plan.read_working' }, schema: { hide: true } },
    async (request, reply) => {
      const { principal, plan } = await loadWorking(request, request.params.id);
      await deleteDraft(db, principal, actorOf(request), plan.id);
      return reply.redirect('/admin/plans?done=delete', 303);
    },
  );
}
