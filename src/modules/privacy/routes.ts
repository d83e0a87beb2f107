import { createElement } from 'react';
import type { FastifyInstance } from 'fastify';
import type { Config } from '../../platform/config/config.js';
import type { Database } from '../../platform/db/database.js';
import { requireAllowed } from '../../platform/auth/guards.js';
import { errorResponses } from '../../platform/http/openapi.js';
import { actorOf, pageContext } from '../../platform/http/request-context.js';
import { sendPage } from '../../platform/render/render.js';
import { parseRateLimit } from '../../platform/config/report-rate-limit.js';
import { PrivacyPage } from './pages.js';
import { defaultRetentionSettings, retentionSettingNames, retentionSettingSpecs, type RetentionSettings } from './rules.js';
import { retentionSettings, updateRetentionSettings } from './settings.js';

// The schema is made from the same table as the rules, so the API documents the ranges they enforce.
const settingProperties = Object.fromEntries(
  retentionSettingNames.map((name) => {
    const spec = retentionSettingSpecs[name];
    return [
      name,
      { type: 'integer', minimum: spec.min, maximum: spec.max, description: `Days: ${spec.name.en} (default ${spec.default})` },
    ];
  }),
);

const settingsObject = { type: 'object', required: retentionSettingNames, properties: settingProperties };
const settingsResponse = {
  type: 'object',
  required: ['settings', 'defaults'],
  properties: { settings: settingsObject, defaults: settingsObject },
};
const settingsPatch = { type: 'object', additionalProperties: false, minProperties: 1, properties: settingProperties };

/** The retention settings (API) and the public privacy page /prywatnosc. */
export function registerPrivacyRoutes(app: FastifyInstance, config: Config, database: Database): void {
  const db = database.db;
  // Reporters' IP addresses must outlive the per-address limit's window (whole days).
  const limit = parseRateLimit(config.reportRateLimit);
  const minIpDays = limit.ok ? Math.ceil(limit.value.windowSeconds / 86_400) : 1;
  const present = (settings: RetentionSettings) => ({ settings, defaults: defaultRetentionSettings });

  app.get(
    '/api/v1/settings/retention',
    {
      config: { access: 'public' },
      schema: {
        tags: ['settings'],
        summary: 'How many days each piece of personal data is kept (the rules shown on /prywatnosc)',
        response: { 200: settingsResponse },
      },
    },
    async () => present(await retentionSettings(db)),
  );

  app.patch<{ Body: Partial<RetentionSettings> }>(
    '/api/v1/settings/retention',
    {
      config: { access: 'settings.national' },
      schema: {
        tags: ['settings'],
        summary: 'Change retention times in days (national administrator); the given fields only, all or nothing',
        body: settingsPatch,
        response: { 200: settingsResponse, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => {
      const principal = requireAllowed(request, 'settings.national');
      return present(await updateRetentionSettings(db, principal, actorOf(request), request.body, { lang: request.lang, minIpDays }));
    },
  );

  app.get('/prywatnosc', { config: { access: 'public' }, schema: { hide: true } }, async (request, reply) =>
    sendPage(
      reply,
      createElement(PrivacyPage, {
        ctx: pageContext(request, reply),
        settings: await retentionSettings(db),
        sessionMaxHours: config.sessionMaxHours,
      }),
    ),
  );
}
