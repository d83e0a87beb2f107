import { createElement } from 'react';
import type { FastifyInstance } from 'fastify';
import type { Config } from '../../platform/config/config.js';
import type { Database } from '../../platform/db/database.js';
import { pageContext } from '../../platform/http/request-context.js';
import { sendPage } from '../../platform/render/render.js';
import { settingCatalog } from '../settings/index.js';
import { PrivacyPage } from './pages.js';
import { defaultRetentionSettings, retentionSettingIds, retentionSettingNames, type RetentionSettings } from './rules.js';
import { retentionSettings } from './settings.js';

// The schema is made from the settings catalogue, so the API documents the ranges they enforce.
const settingProperties = Object.fromEntries(
  retentionSettingNames.map((name) => {
    const setting = settingCatalog[retentionSettingIds[name]];
    return [
      name,
      {
        type: 'integer',
        minimum: setting.min,
        maximum: setting.max,
        description: `Days: ${setting.label.en} (default ${setting.default})`,
      },
    ];
  }),
);

const settingsObject = { type: 'object', required: retentionSettingNames, properties: settingProperties };
const settingsResponse = {
  type: 'object',
  required: ['settings', 'defaults'],
  properties: { settings: settingsObject, defaults: settingsObject },
};

/** The retention periods (read-only API; an administrator changes them at /admin/settings) and the public privacy page /prywatnosc. */
export function registerPrivacyRoutes(app: FastifyInstance, config: Config, database: Database): void {
  const db = database.db;
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
