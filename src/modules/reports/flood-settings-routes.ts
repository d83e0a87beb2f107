import type { FastifyInstance } from 'fastify';
import type { Database } from '../../platform/db/database.js';
import { requireAllowed } from '../../platform/auth/guards.js';
import { errorResponses } from '../../platform/http/openapi.js';
import { actorOf } from '../../platform/http/request-context.js';
import { floodSettings, updateFloodSettings } from './manage-flood-settings.js';
import { defaultFloodSettings, floodSettingNames, floodSettingSpecs, type FloodSettings } from './rules/index.js';

// Made from the same table as the rules, so the API documents the ranges they enforce.
const descriptions: Record<keyof FloodSettings, string> = {
  categoryPerHour: 'Reports of one category per district (or unit) and hour before more are held for review',
  districtPerHour: 'Reports of all categories per district (or unit) and hour before more are held for review',
  mailedPerHour: 'Reports mailed to a district one by one per hour; the rest go into its digest',
  digestMinutes: 'How long a digest collects reports before it is mailed',
};
const properties = Object.fromEntries(
  floodSettingNames.map((name) => [
    name,
    {
      type: 'integer',
      minimum: floodSettingSpecs[name].min,
      maximum: floodSettingSpecs[name].max,
      description: `${descriptions[name]} (default ${defaultFloodSettings[name]})`,
    },
  ]),
);
const settingsObject = { type: 'object', required: floodSettingNames, properties };
const response = { type: 'object', required: ['settings', 'defaults'], properties: { settings: settingsObject, defaults: settingsObject } };
const patchBody = { type: 'object', additionalProperties: false, minProperties: 1, properties };

/** The flood limits of threat reports: read by staff, changed by a national administrator. */
export function registerFloodSettingsApi(app: FastifyInstance, database: Database): void {
  const db = database.db;
  const present = (settings: FloodSettings) => ({ settings, defaults: defaultFloodSettings });

  app.get(
    '/api/v1/settings/report-floods',
    {
      config: { access: 'report.flood_settings' },
      schema: {
        tags: ['settings'],
        summary: 'Flood limits of threat reports: beyond them reports are held for review and mailed in a digest',
        response: { 200: response, ...errorResponses(401, 403) },
      },
    },
    async (request) => {
      requireAllowed(request, 'report.flood_settings');
      return present(await floodSettings(db));
    },
  );

  app.patch<{ Body: Partial<FloodSettings> }>(
    '/api/v1/settings/report-floods',
    {
      config: { access: 'settings.national' },
      schema: {
        tags: ['settings'],
        summary: 'Change flood limits (national administrator); the given fields only, all or nothing',
        body: patchBody,
        response: { 200: response, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => {
      const principal = requireAllowed(request, 'settings.national');
      return present(await updateFloodSettings(db, principal, actorOf(request), request.body, request.lang));
    },
  );
}
