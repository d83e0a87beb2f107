import type { ChangeBus } from '../../../platform/events/changes.js';
import { createElement } from 'react';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../../platform/config/config.js';
import type { Database } from '../../../platform/db/database.js';
import { reportSettings, reportSettingsByUnit } from '../read-report-settings.js';
import { requireAllowed } from '../../../platform/auth/guards.js';
import { roleMay, seesWholeUnit } from '../../../platform/auth/policy.js';
import type { Principal } from '../../../platform/auth/principal.js';
import { AppError, type FieldError } from '../../../platform/http/errors.js';
import { formErrorsFrom, formFields } from '../../../platform/http/forms.js';
import { actorOf, pageContext } from '../../../platform/http/request-context.js';
import type { Option } from '../../../platform/render/components.js';
import { sendPage } from '../../../platform/render/render.js';
import { districtChoicesFor } from '../../districts/index.js';
import { reportErrors } from '../messages.js';
import type { StoredCategory } from '../model.js';
import { reportCategories, reportOr404, reportsPage, reportSurroundings } from '../read-reports.js';
import { reportTarget } from '../route-target.js';
import {
  availableStatuses,
  openStatuses,
  reportDeadlines,
  reportStatuses,
  reviewActions,
  reviewProblem,
  type ReportStatus,
  type ReviewAction,
} from '../rules/index.js';
import { reviewReports } from '../review-report.js';
import { assignReport, changeManyStatuses, changeReportStatus, reportAccess } from '../verify-report.js';
import { staffReportMessages } from './messages.js';
import { ReportDetailPage, ReportQueuePage, type QueueFilter } from './pages.js';
import { registerCategoryPages } from './category-routes.js';
import { noticeOf } from './notices.js';
import { reportAttachments } from '../attachments/index.js';

const isStatus = (value: string | undefined): value is ReportStatus => (reportStatuses as readonly string[]).includes(value ?? '');
const isReview = (value: string | undefined): value is ReviewAction => (reviewActions as readonly string[]).includes(value ?? '');
/** The numbers of the reports ticked in a queue form. */
const tickedIds = (body: Record<string, unknown>) =>
  ([] as unknown[])
    .concat(body.ids ?? [])
    .map(Number)
    .filter((n) => Number.isSafeInteger(n) && n > 0);

/** Districts a person works with, as choices. */
async function districtOptions(database: Database, principal: Principal): Promise<Option[]> {
  return (await districtChoicesFor(database.db, principal)).map((d) => ({ value: d.id, label: d.name }));
}

export function registerReportStaffPages(app: FastifyInstance, config: Config, database: Database, changes: ChangeBus): void {
  const db = database.db;
  const categoryName = (categories: StoredCategory[], code: string, lang: 'pl' | 'en') =>
    categories.find((c) => c.code === code)?.name[lang] ?? code;

  const showQueue = async (request: FastifyRequest, reply: FastifyReply, errors: FieldError[] = [], status = 200) => {
    const principal = requireAllowed(request, 'report.read_staff');
    const q = request.query as Record<string, string | undefined>;
    const supervisor = seesWholeUnit(principal.role);
    const districts = await districtOptions(database, principal);
    const filter: QueueFilter = {
      status: q.status === 'all' || isStatus(q.status) ? q.status : undefined,
      category: q.category?.slice(0, 60) || undefined,
      district: q.district === 'none' || districts.some((d) => d.value === q.district) ? q.district : undefined,
      overdue: q.overdue === 'on' ? 'on' : undefined,
      held: q.held === 'only' || q.held === 'all' ? q.held : undefined,
    };
    const scope = {
      subtreeOf: supervisor ? principal.unitId : undefined,
      districtIds: supervisor
        ? filter.district && filter.district !== 'none'
          ? [filter.district]
          : undefined
        : filter.district
          ? [filter.district]
          : districts.map((d) => d.value),
      unassignedOnly: filter.district === 'none',
    };
    const { reports, total } = await reportsPage(db, {
      ...scope,
      held: filter.held === 'only' ? 'only' : filter.held === 'all' ? undefined : 'exclude',
      statuses: filter.status === 'all' ? undefined : filter.status ? [filter.status as ReportStatus] : openStatuses,
      categoryId: filter.category,
      page: 1,
      pageSize: 500,
    });
    // Held reports wait apart (a flood could bury the real ones); the queue says how many and links them.
    const heldCount = filter.held ? 0 : (await reportsPage(db, { ...scope, held: 'only', page: 1, pageSize: 1 })).total;
    const [categories, rules] = await Promise.all([
      reportCategories(db),
      reportSettingsByUnit(
        db,
        reports.map((r) => r.unitId),
      ),
    ]);
    const names = new Map(districts.map((d) => [d.value, d.label]));
    const now = new Date();
    const rows = reports
      .map((report) => ({
        report,
        categoryName: categoryName(categories, report.categoryId, request.lang),
        districtName: report.districtId ? (names.get(report.districtId) ?? report.districtId) : null,
        deadlines: reportDeadlines(report, rules.get(report.unitId)!, now),
      }))
      .filter((row) => filter.overdue !== 'on' || row.deadlines.some((d) => d.overdue));
    const bulkStatuses = reportStatuses.filter((s) => s !== 'new' && s !== 'duplicate');
    return sendPage(
      reply,
      createElement(ReportQueuePage, {
        ctx: pageContext(request, reply, noticeOf(request)),
        rows,
        total: filter.overdue === 'on' ? rows.length : total,
        heldCount,
        filter,
        categories,
        districts,
        supervisor,
        canBulk: roleMay(principal.role, 'report.supervise'),
        bulkStatuses,
        errors,
      }),
      status,
    );
  };

  app.get('/admin/reports', { config: { access: 'report.read_staff' }, schema: { hide: true } }, (request, reply) =>
    showQueue(request, reply),
  );

  app.post('/admin/reports/bulk', { config: { access: 'report.supervise' }, schema: { hide: true } }, async (request, reply) => {
    const principal = requireAllowed(request, 'report.supervise');
    const body = request.body as Record<string, unknown>;
    const ids = tickedIds(body);
    const fields = formFields(body);
    if (ids.length === 0 || !isStatus(fields.status)) {
      const message =
        request.lang === 'pl'
          ? 'Zaznacz co najmniej jedno zgłoszenie i wybierz status.'
          : 'Select at least one report and choose a status.';
      return showQueue(request, reply, [{ field: 'status', code: 'required', message }], 400);
    }
    try {
      const done = await changeManyStatuses(
        db,
        changes,
        principal,
        actorOf(request),
        ids,
        { to: fields.status, note: fields.note, forwardedTo: fields.forwardedTo || null },
        { publicUrl: config.publicUrl, lang: request.lang },
      );
      return reply.redirect(`/admin/reports?notice=changed&n=${done.length}`, 303);
    } catch (error) {
      return showQueue(request, reply, formErrorsFrom(error, request.lang), 409);
    }
  });

  const showReport = async (
    request: FastifyRequest<{ Params: { id: string } }>,
    reply: FastifyReply,
    errors: FieldError[] = [],
    status = 200,
  ) => {
    const principal = requireAllowed(request, 'report.read_staff');
    const report = await reportOr404(db, Number(request.params.id));
    const { canRead, standing } = await reportAccess(db, principal, report);
    if (!canRead) throw new AppError(404, 'report_not_found', reportErrors.notFound());
    const [{ events, category, districtName, unitName }, rules] = await Promise.all([
      reportSurroundings(db, report),
      reportSettings(db, report.unitId),
    ]);
    return sendPage(
      reply,
      createElement(ReportDetailPage, {
        ctx: pageContext(request, reply, noticeOf(request)),
        report,
        categoryName: category?.name[request.lang] ?? report.categoryId,
        districtName,
        unitName,
        deadlines: reportDeadlines(report, rules, new Date()),
        history: events.map((e) => ({
          at: e.at,
          actor: e.actor_label,
          kind: e.kind,
          from: e.from_status,
          to: e.to_status,
          districtId: e.district_id,
          note: e.note,
        })),
        // A held report is reviewed first ("is it real?"); its status changes after that.
        statuses: report.hold === 'held' ? [] : availableStatuses(report.status, standing),
        districts: standing.isSupervisor ? await districtOptions(database, principal) : [],
        canAssign: standing.isSupervisor,
        canReview: reviewProblem(report.hold, 'release', standing) === null,
        errors,
        attachments: await reportAttachments(db, report.id),
      }),
      status,
    );
  };

  app.get<{ Params: { id: string } }>(
    '/admin/reports/:id',
    { config: { access: 'report.read_staff', target: reportTarget(db) }, schema: { hide: true } },
    (request, reply) => showReport(request, reply),
  );

  app.post<{ Params: { id: string } }>(
    '/admin/reports/:id/status',
    { config: { access: 'report.verify', target: reportTarget(db) }, schema: { hide: true } },
    async (request, reply) => {
      const principal = requireAllowed(request, 'report.verify');
      const fields = formFields(request.body);
      const id = Number(request.params.id);
      if (!isStatus(fields.status))
        return showReport(
          request,
          reply,
          [{ field: 'status', code: 'required', message: request.lang === 'pl' ? 'Wybierz nowy status.' : 'Choose the new status.' }],
          400,
        );
      const duplicateOf = fields.duplicateOf?.trim() ? Number(fields.duplicateOf.trim()) : null;
      if (duplicateOf !== null && !Number.isSafeInteger(duplicateOf)) {
        return showReport(
          request,
          reply,
          [
            {
              field: 'duplicateOf',
              code: 'invalid',
              message: request.lang === 'pl' ? 'Podaj numer zgłoszenia (liczbę).' : 'Give the report number (a number).',
            },
          ],
          400,
        );
      }
      try {
        await changeReportStatus(
          db,
          changes,
          principal,
          actorOf(request),
          id,
          { to: fields.status, note: fields.note, forwardedTo: fields.forwardedTo || null, duplicateOf },
          { publicUrl: config.publicUrl },
        );
      } catch (error) {
        const errors = formErrorsFrom(error, request.lang);
        return showReport(request, reply, errors, error instanceof AppError ? error.status : 400);
      }
      return reply.redirect(`/admin/reports/${id}?notice=status`, 303);
    },
  );

  app.post<{ Params: { id: string } }>(
    '/admin/reports/:id/assign',
    { config: { access: 'report.supervise', target: reportTarget(db) }, schema: { hide: true } },
    async (request, reply) => {
      const principal = requireAllowed(request, 'report.supervise');
      const fields = formFields(request.body);
      const id = Number(request.params.id);
      try {
        await assignReport(db, changes, principal, actorOf(request), id, fields.districtId?.trim() || null, fields.note);
      } catch (error) {
        return showReport(request, reply, formErrorsFrom(error, request.lang), error instanceof AppError ? error.status : 400);
      }
      return reply.redirect(`/admin/reports/${id}?notice=assigned`, 303);
    },
  );

  app.post<{ Params: { id: string } }>(
    '/admin/reports/:id/review',
    { config: { access: 'report.verify', target: reportTarget(db) }, schema: { hide: true } },
    async (request, reply) => {
      const principal = requireAllowed(request, 'report.verify');
      const fields = formFields(request.body);
      const id = Number(request.params.id);
      if (!isReview(fields.review))
        return showReport(
          request,
          reply,
          [{ field: 'review', code: 'required', message: staffReportMessages[request.lang].chooseReview }],
          400,
        );
      try {
        await reviewReports(db, changes, principal, actorOf(request), [id], fields.review, fields.note);
      } catch (error) {
        return showReport(request, reply, formErrorsFrom(error, request.lang), error instanceof AppError ? error.status : 400);
      }
      return reply.redirect(`/admin/reports/${id}?notice=${fields.review === 'release' ? 'released' : 'rejected'}`, 303);
    },
  );

  app.post('/admin/reports/review', { config: { access: 'report.verify' }, schema: { hide: true } }, async (request, reply) => {
    const principal = requireAllowed(request, 'report.verify');
    const body = request.body as Record<string, unknown>;
    const ids = tickedIds(body);
    const fields = formFields(body);
    if (ids.length === 0 || !isReview(fields.review))
      return showQueue(
        request,
        reply,
        [{ field: 'review', code: 'required', message: staffReportMessages[request.lang].chooseReview }],
        400,
      );
    try {
      const done = await reviewReports(db, changes, principal, actorOf(request), ids, fields.review, fields.note);
      return reply.redirect(`/admin/reports?held=only&notice=reviewed&n=${done.length}&action=${fields.review}`, 303);
    } catch (error) {
      return showQueue(request, reply, formErrorsFrom(error, request.lang), error instanceof AppError ? error.status : 409);
    }
  });
  registerCategoryPages(app, database);
}
