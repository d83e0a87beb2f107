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
import { readPlanLog, recordEntry, withdrawLogEntry } from './manage-action-log.js';
import { ActionLogPage } from './pages.js';
import { formatCalendarDay } from '../../../platform/i18n/i18n.js';

const notices = {
  saved: { pl: 'Wpis zapisano.', en: 'The entry was saved.' },
  withdrawn: { pl: 'Wpis wycofano.', en: 'The entry was withdrawn.' },
};

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
    const log = await readPlanLog(db, requireAllowed(request, 'plan.read_log'), id);
    const context = await planContext(db, log.plan);
    const notice = (request.query as Record<string, unknown>).notice;
    const text = !errors.length && (notice === 'saved' || notice === 'withdrawn') ? notices[notice][request.lang] : null;
    const planTitle = `${context.unitName}, ${request.lang === 'pl' ? 'rejon' : 'district'} ${context.districtNumber}, ${formatCalendarDay(log.plan.periodFrom, request.lang)} – ${formatCalendarDay(log.plan.periodTo, request.lang)}`;
    return sendPage(
      reply,
      createElement(ActionLogPage, { ctx: pageContext(request, reply, text), log, planTitle, today: warsawToday(), errors, values }),
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
          {
            actionIndex: /^\d{1,4}$/.test(index) ? Number(index) : -1,
            kind: fields.kind ?? '',
            day: fields.day ?? '',
            time: fields.time?.trim() ?? '',
            place: fields.place ?? '',
            withWhom: fields.withWhom ?? '',
            note: fields.note ?? '',
            completes: fields.completes === 'on',
          },
          request.lang,
        );
      } catch (error) {
        return show(request, reply, request.params.id, formErrorsFrom(error, request.lang), fields);
      }
      return reply.redirect(`${url(request.params.id)}?notice=saved`, 303);
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
