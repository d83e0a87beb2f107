import type { ChangeBus } from '../../../platform/events/changes.js';
import { createElement } from 'react';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../../platform/config/config.js';
import type { Database } from '../../../platform/db/database.js';
import { AppError, ValidationError, type FieldError } from '../../../platform/http/errors.js';
import { formFields, formNumber } from '../../../platform/http/forms.js';
import { actorOf, pageContext } from '../../../platform/http/request-context.js';
import { sendPage } from '../../../platform/render/render.js';
import { residentLabel } from '../../../platform/audit/actor.js';
import type { Locator } from '../../districts/index.js';
import { reportErrors } from '../messages.js';
import { toPublic } from '../model.js';
import { reportCategories, reportOr404, reportSurroundings } from '../read-reports.js';
import { isOffered, type ReportStatus } from '../rules/index.js';
import { similarOpenReports } from '../similar-reports.js';
import { clientLimitRefusal, submitReport } from '../submit-report.js';
import { confirmReport, maySeeReport } from '../verify-report.js';
import { retentionSettings } from '../../privacy/index.js';
import { readSetting } from '../../settings/index.js';
import { uploadedParts } from '../../../platform/http/uploads.js';
import {
  attachmentLimits,
  chooseAgainCode,
  choosePickedFilesAgain,
  type AttachmentServices,
  type IncomingFile,
} from '../attachments/index.js';
import { attachmentUpload } from '../attachments/upload-limits.js';
import { ReportFormPage, ReportStatusPage, SimilarReportsPage, ThanksPage, type ReportFormValues, type RefusedFile } from './pages.js';

const resident = (request: FastifyRequest) => ({ ...actorOf(request), label: residentLabel });

/** The errors, with the file input's own one saying to choose the files again (added to its error, if it has one). */
function withChooseAgain(errors: FieldError[], lang: 'pl' | 'en'): FieldError[] {
  const own = errors.find((e) => e.field === 'attachments');
  const again = choosePickedFilesAgain[lang];
  if (own) return errors.map((e) => (e === own ? { ...e, message: `${e.message} ${again}` } : e));
  return [...errors, { field: 'attachments', code: chooseAgainCode, message: again }];
}

export function registerReportPages(
  app: FastifyInstance,
  config: Config,
  database: Database,
  changes: ChangeBus,
  locator: Locator,
  /** Where report attachments are kept, and where HEIC photos are decoded. */
  uploads: AttachmentServices,
): void {
  const db = database.db;
  const map = config.mapTiles;
  const offered = async () => (await reportCategories(db)).filter((c) => isOffered(c, new Date()));
  const burst = { max: 30, timeWindow: 60_000 };

  const showForm = async (
    request: FastifyRequest,
    reply: FastifyReply,
    values: ReportFormValues,
    errors: FieldError[],
    status = 200,
    suggestions: string[] = [],
    /**
     * Files came with the submission: the browser drops them after an error, so the resident must
     * choose them again (the island puts back those it held; `refused`: one it must leave out).
     */
    hadFiles = false,
    refused: RefusedFile | null = null,
  ) =>
    sendPage(
      reply,
      createElement(ReportFormPage, {
        ctx: pageContext(request, reply),
        categories: await offered(),
        values,
        errors: hadFiles ? withChooseAgain(errors, request.lang) : errors,
        suggestions,
        map,
        retention: await retentionSettings(db),
        eventMaxAgeDays: await readSetting(db, 'reports.eventMaxAgeDays'),
        attachments: await attachmentLimits(db, null),
        refusedFile: hadFiles ? refused : null,
      }),
      status,
    );

  app.get('/zglos', { config: { access: 'public' }, schema: { hide: true } }, async (request, reply) => showForm(request, reply, {}, []));

  app.post(
    '/zglos',
    { schema: { hide: true }, config: { access: 'public', rateLimit: burst, ...attachmentUpload } },
    async (request, reply) => {
      const fields = formFields(request.body);
      const attached: IncomingFile[] = uploadedParts(request, 'attachments').map((p) => ({
        name: p.name,
        declaredType: p.type || null,
        bytes: p.bytes,
      }));
      const hadFiles = attached.length > 0;
      const values: ReportFormValues = {
        category: fields.category?.slice(0, 60),
        address: fields.address?.slice(0, 300),
        lat: fields.lat?.slice(0, 30),
        lon: fields.lon?.slice(0, 30),
        description: fields.description?.slice(0, 2000),
        eventDate: fields.eventDate?.slice(0, 40),
        eventTime: fields.eventTime?.slice(0, 20),
        email: fields.email?.slice(0, 300),
      };
      const lang = request.lang;
      const lat = formNumber(values.lat);
      const lon = formNumber(values.lon);
      const numberErrors: FieldError[] = [];
      if (Number.isNaN(lat))
        numberErrors.push({
          field: 'lat',
          code: 'invalid',
          message: lang === 'pl' ? 'Szerokość geograficzna musi być liczbą, np. 51,4597.' : 'Latitude must be a number, e.g. 51.4597.',
        });
      if (Number.isNaN(lon))
        numberErrors.push({
          field: 'lon',
          code: 'invalid',
          message: lang === 'pl' ? 'Długość geograficzna musi być liczbą, np. 22,6027.' : 'Longitude must be a number, e.g. 22.6027.',
        });
      if (numberErrors.length) return showForm(request, reply, values, numberErrors, 400, [], hadFiles);
      // With both a point and an address, the point (from the map) is more exact.
      const point = lat !== null && lon !== null ? { lat, lon } : null;
      const address = point ? null : values.address?.trim() || null;

      try {
        const register = await locator.current();
        if (fields.force !== '1' && values.category && (point || address)) {
          const similar = await similarOpenReports(db, register, values.category, point ?? { address: address! }).catch(
            (error: unknown) => {
              if (error instanceof AppError && error.status === 422) return []; // the submission below explains it
              throw error;
            },
          );
          if (similar.length > 0) {
            // A client at its limit learns so now, not after answering the question below.
            const refusal = await clientLimitRefusal(db, resident(request));
            if (refusal) throw refusal;
            const category = (await reportCategories(db)).find((c) => c.code === values.category);
            return sendPage(
              reply,
              createElement(SimilarReportsPage, {
                ctx: pageContext(request, reply),
                similar: similar.slice(0, 10).map(({ report, proximity }) => ({ report: toPublic(report), proximity })),
                values,
                categoryName: category?.name[lang] ?? values.category,
                retention: await retentionSettings(db),
                // The files did not come along to this page: "send anyway" asks for them again.
                attachments: hadFiles ? await attachmentLimits(db, null) : null,
              }),
            );
          }
        }
        const result = await submitReport(
          db,
          changes,
          register,
          resident(request),
          {
            categoryCode: values.category ?? '',
            lat: point?.lat ?? null,
            lon: point?.lon ?? null,
            address,
            description: values.description ?? null,
            email: values.email ?? null,
            eventDate: values.eventDate ?? null,
            eventTime: values.eventTime ?? null,
            honeypot: fields.website ?? null,
          },
          { publicUrl: config.publicUrl, lang, attachments: { files: attached, ...uploads } },
        );
        if (result.spam) return reply.redirect('/zglos/dziekujemy', 303);
        return reply.redirect(`/zgloszenia/${result.report.id}?wyslano=1`, 303);
      } catch (error) {
        if (error instanceof ValidationError) return showForm(request, reply, values, error.fieldErrors, 400, [], hadFiles);
        const details =
          error instanceof AppError ? ((error.details ?? {}) as { field?: string; suggestions?: string[]; file?: string }) : {};
        if (error instanceof AppError && ([422, 429].includes(error.status) || details.field === 'attachments')) {
          // The limit that refused, for /metrics (the page answers it itself, not the error handler).
          if (error.status === 429) request.refusal = error.code;
          for (const [name, value] of Object.entries(error.headers)) reply.header(name, value);
          return showForm(
            request,
            reply,
            values,
            [{ field: details.field ?? 'form', code: error.code, message: error.text[lang] }],
            error.status,
            details.suggestions ?? [],
            hadFiles,
            // one file refused for itself: the others were fine and may come back
            typeof details.file === 'string' && error instanceof AppError ? { name: details.file, message: error.text[lang] } : null,
          );
        }
        throw error;
      }
    },
  );

  app.get('/zglos/dziekujemy', { config: { access: 'public' }, schema: { hide: true } }, async (request, reply) =>
    sendPage(reply, createElement(ThanksPage, { ctx: pageContext(request, reply) })),
  );

  const showReport = async (
    request: FastifyRequest<{ Params: { id: string }; Querystring: Record<string, string | undefined> }>,
    reply: FastifyReply,
    thanks: 'new' | 'confirmed' | null,
  ) => {
    const report = await reportOr404(db, Number(request.params.id));
    const { category, districtName, unitName, events } = await reportSurroundings(db, report);
    // Only status changes are public: never who made them or their internal notes.
    const history = events
      .filter((e) => e.to_status && (e.kind === 'created' || e.kind === 'status'))
      .map((e) => ({ at: e.at, status: e.to_status as ReportStatus }));
    return sendPage(
      reply,
      createElement(ReportStatusPage, {
        ctx: pageContext(request, reply),
        report: toPublic(report),
        categoryName: category?.name[request.lang] ?? report.categoryId,
        districtName,
        unitName,
        history,
        thanks,
        staffUrl: (await maySeeReport(db, request.principal, report)) ? `/admin/reports/${report.id}` : null,
      }),
    );
  };

  app.get<{ Params: { id: string }; Querystring: Record<string, string | undefined> }>(
    '/zgloszenia/:id',
    { config: { access: 'public' }, schema: { hide: true } },
    (request, reply) =>
      showReport(request, reply, request.query.wyslano === '1' ? 'new' : request.query.potwierdzono === '1' ? 'confirmed' : null),
  );

  app.post<{ Params: { id: string } }>(
    '/zgloszenia/:id/potwierdz',
    { schema: { hide: true }, config: { access: 'public', rateLimit: burst } },
    async (request, reply) => {
      const id = Number(request.params.id);
      if (!Number.isSafeInteger(id) || id < 1) throw new AppError(404, 'report_not_found', reportErrors.notFound());
      try {
        await confirmReport(db, changes, resident(request), id);
      } catch (error) {
        // Confirming twice is not a failure for the resident: show the report with the thanks.
        if (!(error instanceof AppError && error.code === 'already_confirmed')) throw error;
      }
      return reply.redirect(`/zgloszenia/${id}?potwierdzono=1`, 303);
    },
  );
}
