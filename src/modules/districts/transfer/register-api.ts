import type { FastifyInstance } from 'fastify';
import type { Database } from '../../../platform/db/database.js';
import { requireAllowed } from '../../../platform/auth/guards.js';
import { errorResponses } from '../../../platform/http/openapi.js';
import { actorOf } from '../../../platform/http/request-context.js';
import type { Lang } from '../../../platform/i18n/i18n.js';
import { unitIdPattern } from '../../units/index.js';
import { importRegister, type PlannedDistrict, type RegisterImport } from './register-import.js';
import { localizeUnresolved, registerPreviewSchema } from './register-schemas.js';
import { REGISTER_UPLOAD_LIMIT, registerTextOf } from './register-source.js';
import { parseRegisterText, type RegisterEntry, type RegisterReading } from './register-text.js';
import type { DocumentWorkers } from '../../../platform/documents/document-workers.js';

type Query = { unitId?: string; locality?: string; dryRun?: boolean };

const query = (unitRequired: boolean) =>
  ({
    type: 'object',
    additionalProperties: false,
    ...(unitRequired ? { required: ['unitId'] } : {}),
    properties: {
      unitId: { type: 'string', maxLength: 60, pattern: `^(${unitIdPattern})$`, description: 'The unit whose register the page is' },
      locality: { type: 'string', maxLength: 100, description: 'Town the listed streets belong to' },
      dryRun: { type: 'boolean', default: false, description: 'Only show what would be saved' },
    },
  }) as const;

function presentDistrict(district: RegisterEntry | PlannedDistrict, lang: Lang) {
  const planned = 'action' in district ? district : null;
  return {
    number: district.number,
    ...(planned ? { id: planned.id, action: planned.action } : {}),
    officer: district.officer ? { ...district.officer, ...(planned?.officerAction ? { action: planned.officerAction } : {}) } : null,
    phone: district.phone,
    mobile: district.mobile,
    email: district.email,
    areaText: district.areaText,
    rules: district.rules,
    unresolved: localizeUnresolved(district.unresolved, lang),
    warnings: district.warnings.map((w) => w[lang]),
  };
}

/** The answer of parse-register and import-register: what was read, and (with a unit) what saving does. */
export function presentRegister(result: RegisterReading | RegisterImport, lang: Lang) {
  const plan = 'unitId' in result ? result : null;
  return {
    ...(plan ? { unitId: plan.unitId, saved: plan.saved, problems: plan.problems.map((p) => p[lang]) } : {}),
    districts: result.districts.map((d) => presentDistrict(d, lang)),
    warnings: result.warnings.map((w) => w[lang]),
  };
}

/** Reading a unit's whole contacts page and importing it as the unit's register. */
export function registerRegisterApi(
  app: FastifyInstance,
  database: Database,
  changed: () => Promise<void>,
  documents: DocumentWorkers,
): void {
  const db = database.db;
  app.post<{ Querystring: Query }>(
    '/api/v1/districts/parse-register',
    {
      config: { access: 'register.edit' },
      bodyLimit: REGISTER_UPLOAD_LIMIT,
      schema: {
        tags: ['districts'],
        summary:
          'Read a unit’s whole contacts page (for each district: number, officer, phone, mobile, e-mail, area) without saving; with unitId it also says which districts and officers saving would create or update',
        consumes: ['text/plain', 'multipart/form-data'],
        querystring: query(false),
        response: { 200: registerPreviewSchema, ...errorResponses(400, 401, 403, 413, 415, 422) },
      },
    },
    async (request) => {
      const principal = requireAllowed(request, 'register.edit');
      const reading = parseRegisterText(await registerTextOf(request, documents), { locality: request.query.locality });
      if (!request.query.unitId) return presentRegister(reading, request.lang);
      return presentRegister(
        await importRegister(db, principal, actorOf(request), { unitId: request.query.unitId, reading, dryRun: true }),
        request.lang,
      );
    },
  );

  app.post<{ Querystring: Query }>(
    '/api/v1/districts/import-register',
    {
      config: { access: 'register.edit' },
      bodyLimit: REGISTER_UPLOAD_LIMIT,
      schema: {
        tags: ['districts'],
        summary:
          'Import a unit’s whole contacts page as its register in one transaction: creates or updates every district on the page (phone, e-mail, street rules), its officer, and puts the officer in charge from today; districts not on the page stay as they are. dryRun=true only previews.',
        consumes: ['text/plain', 'multipart/form-data'],
        querystring: query(true),
        response: { 200: registerPreviewSchema, ...errorResponses(400, 401, 403, 409, 413, 415, 422) },
      },
    },
    async (request) => {
      const principal = requireAllowed(request, 'register.edit');
      const reading = parseRegisterText(await registerTextOf(request, documents), { locality: request.query.locality });
      const dryRun = request.query.dryRun ?? false;
      const result = await importRegister(db, principal, actorOf(request), { unitId: request.query.unitId!, reading, dryRun });
      if (result.saved) await changed();
      return presentRegister(result, request.lang);
    },
  );
}
