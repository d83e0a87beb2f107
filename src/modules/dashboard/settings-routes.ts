import { createElement } from 'react';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../platform/db/database.js';
import { requireAllowed } from '../../platform/auth/guards.js';
import type { FieldError } from '../../platform/http/errors.js';
import { formErrorsFrom, formFields } from '../../platform/http/forms.js';
import { errorResponses } from '../../platform/http/openapi.js';
import { actorOf, pageContext } from '../../platform/http/request-context.js';
import { sendPage } from '../../platform/render/render.js';
import { dashboardSettings } from './read-dashboard.js';
import { parseReminderDays, updateDashboardSettings } from './manage-settings.js';
import { defaultDashboardSettings, reminderDayCount, settingDayLimit, type DashboardSettings } from './rules.js';
import { DashboardSettingsPage, settingsMessages, settingsUrl } from './settings-page.js';

const properties = {
  soonDays: {
    type: 'integer',
    minimum: 1,
    maximum: settingDayLimit,
    description: `A deadline shows as approaching on the dashboard from this many days before it (default ${defaultDashboardSettings.soonDays})`,
  },
  reminderDays: {
    type: 'array',
    maxItems: reminderDayCount,
    uniqueItems: true,
    items: { type: 'integer', minimum: 0, maximum: settingDayLimit },
    description: `E-mail reminders go this many days before each deadline, 0 on its day (default ${defaultDashboardSettings.reminderDays.join(', ')})`,
  },
};
const settingsObject = { type: 'object', required: ['soonDays', 'reminderDays'], properties };
const response = { type: 'object', required: ['settings', 'defaults'], properties: { settings: settingsObject, defaults: settingsObject } };
const patchBody = { type: 'object', additionalProperties: false, minProperties: 1, properties };

/**
 * The dashboard's settings (national): the API (/api/v1/settings/dashboard) and the page
 * (/admin/dashboard/settings), both for a national administrator only.
 */
export function registerDashboardSettings(app: FastifyInstance, db: Db): void {
  const present = (settings: DashboardSettings) => ({ settings, defaults: defaultDashboardSettings });

  app.get(
    '/api/v1/settings/dashboard',
    {
      config: { access: 'settings.national' },
      schema: {
        tags: ['settings'],
        summary: 'When the dashboard shows a deadline as approaching, and how many days before deadlines e-mail reminders go',
        response: { 200: response, ...errorResponses(401, 403) },
      },
    },
    async (request) => {
      requireAllowed(request, 'settings.national');
      return present(await dashboardSettings(db));
    },
  );

  app.patch<{ Body: Partial<DashboardSettings> }>(
    '/api/v1/settings/dashboard',
    {
      config: { access: 'settings.national' },
      schema: {
        tags: ['settings'],
        summary: 'Change the dashboard and reminder settings (national administrator); the given fields only, all or nothing',
        body: patchBody,
        response: { 200: response, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => {
      const principal = requireAllowed(request, 'settings.national');
      return present(await updateDashboardSettings(db, principal, actorOf(request), request.body, request.lang));
    },
  );

  const show = async (request: FastifyRequest, reply: FastifyReply, errors: FieldError[] = [], values: Record<string, string> = {}) => {
    requireAllowed(request, 'settings.national');
    const saved = (request.query as Record<string, unknown>).notice === 'saved' && errors.length === 0;
    return sendPage(
      reply,
      createElement(DashboardSettingsPage, {
        ctx: pageContext(request, reply, saved ? settingsMessages[request.lang].saved : null),
        settings: await dashboardSettings(db),
        defaults: defaultDashboardSettings,
        errors,
        values,
      }),
      errors.length ? 400 : 200,
    );
  };

  app.get(settingsUrl, { config: { access: 'settings.national' }, schema: { hide: true } }, async (request, reply) => show(request, reply));

  app.post(settingsUrl, { config: { access: 'settings.national' }, schema: { hide: true } }, async (request, reply) => {
    const principal = requireAllowed(request, 'settings.national');
    const fields = formFields(request.body);
    const soon = fields.soonDays?.trim() ?? '';
    try {
      await updateDashboardSettings(
        db,
        principal,
        actorOf(request),
        { soonDays: /^\d{1,3}$/.test(soon) ? Number(soon) : Number.NaN, reminderDays: parseReminderDays(fields.reminderDays ?? '') },
        request.lang,
      );
    } catch (error) {
      return show(request, reply, formErrorsFrom(error, request.lang), fields);
    }
    return reply.redirect(`${settingsUrl}?notice=saved`, 303);
  });
}
