import { createElement } from 'react';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../../platform/db/database.js';
import { requireAllowed } from '../../../platform/auth/guards.js';
import type { FieldError } from '../../../platform/http/errors.js';
import { formErrorsFrom, formFields } from '../../../platform/http/forms.js';
import { actorOf, pageContext } from '../../../platform/http/request-context.js';
import { sendPage } from '../../../platform/render/render.js';
import { warsawToday } from '../../../platform/i18n/calendar.js';
import { planContext } from '../read-plans.js';
import { planTarget } from '../route-target.js';
import { correctLogEntry, entryForCorrection, readPlanLog, recordEntry, withdrawLogEntry } from './manage-action-log.js';
import { ActionLogPage, CorrectEntryPage } from './pages.js';
import type { LogEntry } from './rules.js';
import { formatCalendarDay } from '../../../platform/i18n/i18n.js';

const notices = {
  saved: { pl: 'Wpis zapisano.', en: 'The entry was saved.' },
  corrected: { pl: 'Wpis poprawiono.', en: 'The entry was corrected.' },
  withdrawn: { pl: 'Wpis wycofano.', en: 'The entry was withdrawn.' },
};

/** An entry's fields as typed (the day may be empty: today). */
function entryFromForm(fields: Record<string, string>) {
  return {
    kind: fields.kind ?? '',
    day: fields.day ?? '',
    time: fields.time?.trim() ?? '',
    place: fields.place ?? '',
    withWhom: fields.withWhom ?? '',
    note: fields.note ?? '',
    completes: fields.completes === 'on',
  };
}

/** An entry as the correction form shows it. */
const entryValues = (e: LogEntry): Record<string, string> => ({
  kind: e.kind,
  day: e.day,
  time: e.time ?? '',
  place: e.place,
  withWhom: e.withWhom,
  note: e.note,
  ...(e.completes ? { completes: 'on' } : {}),
});

/** The action log page of a plan (/admin/plans/:id/dziennik): works without JavaScript, a short form for a phone. */
export function registerActionLogPages(app: FastifyInstance, db: Db): void {
  const url = (id: string) => `/admin/plans/${id}/dziennik`;

  const show = async (
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
    errors: FieldError[] = [],
    values: Record<string, string> = {},
  ) => {
    // Withdrawn entries show too, marked: a correction by withdrawing stays visible.
    const log = await readPlanLog(db, requireAllowed(request, 'plan.read_log'), id, warsawToday(), true);
    const context = await planContext(db, log.plan);
    const query = request.query as Record<string, unknown>;
    const notice = query.notice;
    const text =
      !errors.length && typeof notice === 'string' && Object.hasOwn(notices, notice)
        ? notices[notice as keyof typeof notices][request.lang]
        : null;
    // "Add an entry for this action" (the plan's page) comes with the action picked.
    const picked: Record<string, string> =
      typeof query.action === 'string' && /^\d{1,4}$/.test(query.action) ? { actionIndex: query.action } : {};
    const planTitle = `${context.unitName}, ${request.lang === 'pl' ? 'rejon' : 'district'} ${context.districtNumber}, ${formatCalendarDay(log.plan.periodFrom, request.lang)} – ${formatCalendarDay(log.plan.periodTo, request.lang)}`;
    return sendPage(
      reply,
      createElement(ActionLogPage, {
        ctx: pageContext(request, reply, text),
        log,
        planTitle,
        today: warsawToday(),
        errors,
        values: { ...picked, ...values },
      }),
      errors.length ? 400 : 200,
    );
  };

  app.get<{ Params: { id: string } }>(
    '/admin/plans/:id/dziennik',
    { config: { access: 'plan.read_log', target: planTarget(db) }, schema: { hide: true } },
    async (request, reply) => show(request, reply, request.params.id),
  );

  app.post<{ Params: { id: string } }>(
    '/admin/plans/:id/dziennik',
    { config: { access: 'plan.log_action', target: planTarget(db) }, schema: { hide: true } },
    async (request, reply) => {
      const principal = requireAllowed(request, 'plan.log_action');
      const fields = formFields(request.body);
      const index = fields.actionIndex ?? '';
      try {
        await recordEntry(
          db,
          principal,
          actorOf(request),
          request.params.id,
          { actionIndex: /^\d{1,4}$/.test(index) ? Number(index) : -1, ...entryFromForm(fields) },
          request.lang,
        );
      } catch (error) {
        return show(request, reply, request.params.id, formErrorsFrom(error, request.lang), fields);
      }
      return reply.redirect(`${url(request.params.id)}?notice=saved`, 303);
    },
  );

  const showCorrection = async (
    request: FastifyRequest<{ Params: { id: string; entryId: string } }>,
    reply: FastifyReply,
    errors: FieldError[] = [],
    values?: Record<string, string>,
  ) => {
    const { id, entryId } = request.params;
    const entry = await entryForCorrection(db, requireAllowed(request, 'plan.log_action'), id, entryId);
    const page = createElement(CorrectEntryPage, {
      ctx: pageContext(request, reply),
      planId: id,
      entry,
      today: warsawToday(),
      errors,
      values: values ?? entryValues(entry),
    });
    return sendPage(reply, page, errors.length ? 400 : 200);
  };

  app.get<{ Params: { id: string; entryId: string } }>(
    '/admin/plans/:id/dziennik/:entryId',
    { config: { access: 'plan.log_action', target: planTarget(db) }, schema: { hide: true } },
    (request, reply) => showCorrection(request, reply),
  );

  app.post<{ Params: { id: string; entryId: string } }>(
    '/admin/plans/:id/dziennik/:entryId',
    { config: { access: 'plan.log_action', target: planTarget(db) }, schema: { hide: true } },
    async (request, reply) => {
      const principal = requireAllowed(request, 'plan.log_action');
      const fields = formFields(request.body);
      try {
        await correctLogEntry(
          db,
          principal,
          actorOf(request),
          request.params.id,
          request.params.entryId,
          entryFromForm(fields),
          request.lang,
        );
      } catch (error) {
        return showCorrection(request, reply, formErrorsFrom(error, request.lang), fields);
      }
      return reply.redirect(`${url(request.params.id)}?notice=corrected`, 303);
    },
  );

  app.post<{ Params: { id: string; entryId: string } }>(
    '/admin/plans/:id/dziennik/:entryId/withdraw',
    { config: { access: 'plan.log_action', target: planTarget(db) }, schema: { hide: true } },
    async (request, reply) => {
      const principal = requireAllowed(request, 'plan.log_action');
      try {
        await withdrawLogEntry(db, principal, actorOf(request), request.params.id, request.params.entryId);
      } catch (error) {
        return show(request, reply, request.params.id, formErrorsFrom(error, request.lang));
      }
      return reply.redirect(`${url(request.params.id)}?notice=withdrawn`, 303);
    },
  );
}
