import type { ChangeBus } from '../../platform/events/changes.js';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { FromSchema } from 'json-schema-to-ts';
import type { Config } from '../../platform/config/config.js';
import type { Database } from '../../platform/db/database.js';
import { requireAllowed } from '../../platform/auth/guards.js';
import { AppError, ValidationError } from '../../platform/http/errors.js';
import { dayInPoland, timeInPoland } from '../../platform/i18n/calendar.js';
import { errorResponses } from '../../platform/http/openapi.js';
import { actorOf } from '../../platform/http/request-context.js';
import { siteOrigin } from '../../platform/http/site-url.js';
import type { Lang } from '../../platform/i18n/i18n.js';
import type { Locator } from '../districts/index.js';
import { addCategory, updateCategory } from './manage-categories.js';
import { reportUrl, toPublic, type PublicReport, type Report, type StoredCategory } from './model.js';
import { reportCategories, reportHistory, reportOr404 } from './read-reports.js';
import { awaitingReviewLabel, proximityLabels, publicStatus, similarRadiusMeters, statusLabels } from './rules/index.js';
import { similarOpenReports } from './similar-reports.js';
import {
  acceptedSchema,
  categoryListSchema,
  categorySchema,
  internalReportListSchema,
  internalReportSchema,
  nearbyReportsSchema,
  publicReportSchema,
  reportDetailSchema,
} from './api-schemas.js';
import { submitReport } from './submit-report.js';
import { assignReport, changeManyStatuses, changeReportStatus, confirmReport, maySeeReport } from './verify-report.js';
import { reviewReports } from './review-report.js';
import {
  assignmentBody,
  bulkReviewBody,
  bulkStatusBody,
  categoryBody,
  categoryUpdateBody,
  idParams,
  nearbyQuery,
  reportBody,
  reportFormBody,
  reviewBody,
  statusBody,
} from './schemas.js';
import { reportTarget } from './route-target.js';
import { formNumber } from '../../platform/http/forms.js';
import { uploadedParts } from '../../platform/http/uploads.js';
import {
  acceptedAttachmentsText,
  attachmentUrl,
  reportAttachments,
  type AttachmentServices,
  type IncomingFile,
} from './attachments/index.js';
import { attachmentUpload } from './attachments/upload-limits.js';

export function presentCategory(category: StoredCategory, lang: Lang) {
  return {
    code: category.code,
    name: category.name[lang],
    names: category.name,
    active: category.active,
    descriptionRequired: category.descriptionRequired,
    road: category.roadCategory,
    season: category.season ?? null,
  };
}

/** What anyone may see; `publicPosition` is approximate (a 50 m grid), and absent while the report awaits review. */
/** `site`: where absolute links point (http/site-url.ts). */
export function presentPublic(report: PublicReport, site: Pick<Config, 'publicUrl'>, lang: Lang) {
  return {
    id: report.id,
    url: `${site.publicUrl}${reportUrl(report.id)}`,
    category: report.categoryId,
    status: report.status,
    statusName: (report.awaitingReview ? awaitingReviewLabel : statusLabels[report.status])[lang],
    open: publicStatus(report.status) === 'open',
    position: report.publicPosition && { ...report.publicPosition, approximate: true },
    unitId: report.unitId,
    districtId: report.districtId,
    createdAt: report.createdAt.toISOString(),
    statusChangedAt: report.statusChangedAt.toISOString(),
    confirmations: report.confirmations,
    forwardedTo: report.forwardedTo,
    duplicateOf: report.duplicateOf,
    awaitingReview: report.awaitingReview,
  };
}

/** The police view adds the description, the exact point and the address; never the e-mail or IP. */
function presentInternal(report: Report, site: Pick<Config, 'publicUrl'>, lang: Lang) {
  return {
    ...presentPublic(toPublic(report), site, lang),
    // Police see the district of a held report too (the public does not).
    districtId: report.districtId,
    // `erased`: fields the retention job erased, with the days they were kept (an empty description then means "erased").
    internal: {
      description: report.description,
      position: report.position,
      address: report.address,
      eventDate: report.event?.date ?? null,
      eventTime: report.event?.time ?? null,
      hasEmail: report.hasEmail,
      hold: report.hold,
      erased: report.erased,
    },
  };
}

/**
 * The event's day and time from the body: `eventDate` and `eventTime` as typed, or the older
 * `eventAt` instant, taken at its day and minute in Poland (not both ways at once).
 */
function eventFields(b: { eventAt?: string | null; eventDate?: string | null; eventTime?: string | null }, lang: Lang) {
  if (!b.eventAt) return { eventDate: b.eventDate ?? null, eventTime: b.eventTime ?? null };
  if (b.eventDate || b.eventTime)
    throw new ValidationError([
      {
        field: 'eventAt',
        code: 'invalid',
        message:
          lang === 'pl'
            ? 'Podaj eventDate i eventTime albo eventAt, nie oba sposoby naraz.'
            : 'Give eventDate and eventTime, or eventAt, not both.',
      },
    ]);
  const at = new Date(b.eventAt);
  return { eventDate: dayInPoland(at), eventTime: timeInPoland(at) };
}

export function registerReportApi(
  app: FastifyInstance,
  config: Config,
  database: Database,
  changes: ChangeBus,
  locator: Locator,
  /** Where report attachments are kept, and where HEIC photos are decoded. */
  uploads: AttachmentServices,
): void {
  const db = database.db;
  const tags = ['reports'];
  // A burst guard in front of the per-day policy, which lives in the database (see submit-report.ts).
  const burst = { max: 30, timeWindow: 60_000 };
  const site = (request: FastifyRequest) => ({ publicUrl: siteOrigin(request, config) });

  app.get(
    '/api/v1/report-categories',
    {
      config: { access: 'public' },
      schema: { tags, summary: 'The threat categories (KMZB catalogue), active and retired', response: { 200: categoryListSchema } },
    },
    async (request) => ({
      categories: (await reportCategories(db)).map((c) => presentCategory(c, request.lang)),
    }),
  );

  app.post<{ Body: FromSchema<typeof categoryBody> }>(
    '/api/v1/report-categories',
    {
      config: { access: 'report.categories' },
      schema: {
        tags,
        summary: 'Add a category (admin)',
        body: categoryBody,
        response: { 201: categorySchema, ...errorResponses(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const principal = requireAllowed(request, 'report.categories');
      const b = request.body;
      const category = await addCategory(db, principal, actorOf(request), {
        code: b.code,
        name: b.name,
        descriptionRequired: b.descriptionRequired ?? false,
        road: b.road ?? false,
        season: b.season ?? null,
      });
      return reply.status(201).send(presentCategory(category, request.lang));
    },
  );

  app.patch<{ Params: { code: string }; Body: FromSchema<typeof categoryUpdateBody> }>(
    '/api/v1/report-categories/:code',
    {
      config: { access: 'report.categories' },
      schema: {
        tags,
        summary: 'Rename, retire or change a category (admin); its code stays',
        body: categoryUpdateBody,
        response: { 200: categorySchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const principal = requireAllowed(request, 'report.categories');
      const b = request.body;
      const category = await updateCategory(db, principal, actorOf(request), request.params.code, {
        name: b.name,
        active: b.active,
        descriptionRequired: b.descriptionRequired,
        road: b.road,
        season: b.season ?? null,
      });
      return presentCategory(category, request.lang);
    },
  );

  /** A coordinate of either body: a number (JSON) or text (multipart); text that is no number is a 400. */
  const coordinate = (value: number | string | null | undefined, field: 'lat' | 'lon', lang: Lang): number | null => {
    if (typeof value !== 'string') return value ?? null;
    const n = formNumber(value);
    if (Number.isNaN(n)) {
      const message = lang === 'pl' ? `${field} musi być liczbą, np. 51.4597.` : `${field} must be a number, e.g. 51.4597.`;
      throw new ValidationError([{ field, code: 'invalid', message }]);
    }
    return n;
  };

  app.post<{ Body: FromSchema<typeof reportBody> | FromSchema<typeof reportFormBody> }>(
    '/api/v1/reports',
    {
      config: { access: 'public', rateLimit: burst, ...attachmentUpload },
      schema: {
        tags,
        summary: `Report a local threat (no account; the IP address is kept for the per-address limit, see /prywatnosc). Place: lat+lon, or an address. The description is seen only by police. As JSON, or as multipart/form-data with the same fields as text and files in parts named "attachments" (seen only by police; ${acceptedAttachmentsText.en}; at most the settings' attachments.maxFiles files and attachments.maxTotalMegabytes MB together, 3 and 5 by default; photos lose EXIF/XMP, videos their location boxes). A refused file answers 400 (too many, empty, attachments off), 413 (too large, decompression bomb) or 415 (kind not taken, or a name or type that lies about it), naming the file; nothing is stored then.`,
        body: { content: { 'application/json': { schema: reportBody }, 'multipart/form-data': { schema: reportFormBody } } },
        response: { 201: publicReportSchema, 202: acceptedSchema, ...errorResponses(400, 413, 415, 422, 429) },
      },
    },
    async (request, reply) => {
      const b = request.body;
      const lang = request.lang;
      const multipart = request.isMultipart();
      // A form sends every field, empty ones as "": those are not given (JSON sends null or leaves them out).
      const given = (value: string | null | undefined) => (multipart && !value?.trim() ? null : (value ?? null));
      const attachments: IncomingFile[] = multipart
        ? uploadedParts(request, 'attachments').map((p) => ({ name: p.name, declaredType: p.type || null, bytes: p.bytes }))
        : [];
      const result = await submitReport(
        db,
        changes,
        await locator.current(),
        { ...actorOf(request), label: 'mieszkaniec' },
        {
          categoryCode: b.category,
          lat: coordinate(b.lat, 'lat', lang),
          lon: coordinate(b.lon, 'lon', lang),
          address: given(b.address),
          description: given(b.description),
          email: given(b.email),
          ...eventFields({ eventAt: given(b.eventAt), eventDate: given(b.eventDate), eventTime: given(b.eventTime) }, lang),
          honeypot: given(b.website),
        },
        { publicUrl: config.publicUrl, lang, attachments: { files: attachments, ...uploads } },
      );
      // A bot that filled the honeypot is told nothing useful.
      if (result.spam) return reply.status(202).send({ accepted: true });
      const report = result.report;
      return reply
        .status(201)
        .header('location', `/api/v1/reports/${report.id}`)
        .send(presentPublic(toPublic(report), site(request), lang));
    },
  );

  app.get<{ Querystring: FromSchema<typeof nearbyQuery> }>(
    '/api/v1/reports/nearby',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: `Open reports of a category whose public (50 m grid) point is within ${similarRadiusMeters} m of a point, or given by address on the same street: confirm one instead of a duplicate. How near: proximity (within_100_m, within_250_m, same_street, same_locality), never a distance from the exact point`,
        querystring: nearbyQuery,
        response: { 200: nearbyReportsSchema, ...errorResponses(400, 422) },
      },
    },
    async (request) => {
      const q = request.query;
      const where = q.lat !== undefined && q.lon !== undefined ? { lat: q.lat, lon: q.lon } : q.address ? { address: q.address } : null;
      if (!where)
        throw new AppError(400, 'location_required', { pl: 'Podaj lat i lon albo address.', en: 'Give lat and lon, or address.' });
      const found = await similarOpenReports(db, await locator.current(), q.category, where);
      return {
        reports: found.map(({ report, proximity }) => ({
          ...presentPublic(toPublic(report), site(request), request.lang),
          proximity,
          proximityText: proximityLabels[proximity][request.lang],
        })),
      };
    },
  );

  app.get<{ Params: FromSchema<typeof idParams> }>(
    '/api/v1/reports/:id',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'A report: public view, plus the description, exact point and history for its police',
        params: idParams,
        response: { 200: reportDetailSchema, ...errorResponses(404) },
      },
    },
    async (request) => {
      const report = await reportOr404(db, request.params.id);
      if (!(await maySeeReport(db, request.principal, report))) return presentPublic(toPublic(report), site(request), request.lang);
      const [events, files] = await Promise.all([reportHistory(db, report.id), reportAttachments(db, report.id)]);
      return {
        ...presentInternal(report, site(request), request.lang),
        // The files themselves are downloaded one by one by their police (never embedded here).
        attachments: files.map((a) => ({
          position: a.position,
          kind: a.kind,
          contentType: a.contentType,
          size: a.size,
          url: `${site(request).publicUrl}${attachmentUrl(a.reportId, a.position)}`,
        })),
        history: events.map((e) => ({
          at: e.at.toISOString(),
          actor: e.actor_label,
          kind: e.kind,
          from: e.from_status,
          to: e.to_status,
          districtId: e.district_id,
          note: e.note,
        })),
      };
    },
  );

  app.post<{ Params: FromSchema<typeof idParams> }>(
    '/api/v1/reports/:id/confirmations',
    {
      config: { access: 'public', rateLimit: burst },
      schema: {
        tags,
        summary: '"Me too": confirm an open report (once per IP address)',
        params: idParams,
        response: { 200: publicReportSchema, ...errorResponses(404, 409, 429) },
      },
    },
    async (request) => {
      const report = await confirmReport(db, changes, { ...actorOf(request), label: 'mieszkaniec' }, request.params.id);
      return presentPublic(toPublic(report), site(request), request.lang);
    },
  );

  app.post<{ Params: FromSchema<typeof idParams>; Body: FromSchema<typeof statusBody> }>(
    '/api/v1/reports/:id/status',
    {
      config: { access: 'report.verify', target: reportTarget(db) },
      schema: {
        tags,
        summary: 'Change the status (district officer or supervisor); the note is internal',
        params: idParams,
        body: statusBody,
        response: { 200: internalReportSchema, ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) => {
      const principal = requireAllowed(request, 'report.verify');
      const b = request.body;
      const report = await changeReportStatus(
        db,
        changes,
        principal,
        actorOf(request),
        request.params.id,
        { to: b.status, note: b.note, forwardedTo: b.forwardedTo, duplicateOf: b.duplicateOf },
        { publicUrl: config.publicUrl },
      );
      return presentInternal(report, site(request), request.lang);
    },
  );

  app.post<{ Body: FromSchema<typeof bulkStatusBody> }>(
    '/api/v1/reports/status',
    {
      config: { access: 'report.supervise' },
      schema: {
        tags,
        summary: 'Change the status of many reports at once (all or nothing)',
        body: bulkStatusBody,
        response: { 200: internalReportListSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const principal = requireAllowed(request, 'report.supervise');
      const b = request.body;
      const reports = await changeManyStatuses(
        db,
        changes,
        principal,
        actorOf(request),
        b.ids,
        { to: b.status, note: b.note, forwardedTo: b.forwardedTo },
        { publicUrl: config.publicUrl, lang: request.lang },
      );
      return { reports: reports.map((r) => presentInternal(r, site(request), request.lang)) };
    },
  );

  app.post<{ Params: FromSchema<typeof idParams>; Body: FromSchema<typeof reviewBody> }>(
    '/api/v1/reports/:id/review',
    {
      config: { access: 'report.verify', target: reportTarget(db) },
      schema: {
        tags,
        summary:
          'Review a report held by a flood limit (district officer or supervisor): release it (public from now on) or reject it (closed as a prank, never public, the reporter not mailed)',
        params: idParams,
        body: reviewBody,
        response: { 200: internalReportSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const principal = requireAllowed(request, 'report.verify');
      const [report] = await reviewReports(
        db,
        changes,
        principal,
        actorOf(request),
        [request.params.id],
        request.body.action,
        request.body.note,
      );
      return presentInternal(report!, site(request), request.lang);
    },
  );

  app.post<{ Body: FromSchema<typeof bulkReviewBody> }>(
    '/api/v1/reports/review',
    {
      config: { access: 'report.verify' },
      schema: {
        tags,
        summary: 'Review many held reports at once (all or nothing)',
        body: bulkReviewBody,
        response: { 200: internalReportListSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const principal = requireAllowed(request, 'report.verify');
      const reports = await reviewReports(
        db,
        changes,
        principal,
        actorOf(request),
        request.body.ids,
        request.body.action,
        request.body.note,
      );
      return { reports: reports.map((r) => presentInternal(r, site(request), request.lang)) };
    },
  );

  app.post<{ Params: FromSchema<typeof idParams>; Body: FromSchema<typeof assignmentBody> }>(
    '/api/v1/reports/:id/assignment',
    {
      config: { access: 'report.supervise', target: reportTarget(db) },
      schema: {
        tags,
        summary: 'Give the report to a district of the unit (supervisor), or back to the unit with null',
        params: idParams,
        body: assignmentBody,
        response: { 200: internalReportSchema, ...errorResponses(400, 401, 403, 404, 422) },
      },
    },
    async (request) => {
      const principal = requireAllowed(request, 'report.supervise');
      const report = await assignReport(
        db,
        changes,
        principal,
        actorOf(request),
        request.params.id,
        request.body.districtId,
        request.body.note,
      );
      return presentInternal(report, site(request), request.lang);
    },
  );
}
