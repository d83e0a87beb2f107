import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Database } from '../../../platform/db/database.js';
import { requireAllowed } from '../../../platform/auth/guards.js';
import { AppError } from '../../../platform/http/errors.js';
import { errorResponses } from '../../../platform/http/openapi.js';
import { districtPolygonsSchema } from '../api-schemas.js';
import { actorOf } from '../../../platform/http/request-context.js';
import { checkedText, parseJsonText } from '../../../platform/documents/text-file.js';
import { formatBytes, formatNumber, type Lang } from '../../../platform/i18n/i18n.js';
import type { DocumentWorkers } from '../../../platform/documents/document-workers.js';
import { documentText } from '../../../platform/documents/document-text.js';
import { acceptedKindsText } from '../../../platform/documents/document-kind.js';
import { parseAreaText } from '../matching/area-text.js';
import { districtsUnder } from '../read-districts.js';
import { streetRuleSchema } from '../schemas.js';
import { unitIdPattern } from '../../units/index.js';
import { polygonsToGeoJson, rulesToCsv } from './export.js';
import { localizeUnresolved, unresolvedSchema } from './register-schemas.js';
import { importStreetRules, type ImportReport } from './import-rules.js';
import { importPolygons, type PolygonImportReport } from './import-polygons.js';
import { registerRegisterApi } from './register-api.js';

const IMPORT_LIMIT = 20 * 1024 * 1024;
/** An area description as a file (a saved page, a .docx): the limit of a plan document. */
const AREA_DOCUMENT_LIMIT = 5 * 1024 * 1024;
const AREA_TEXT_LIMIT = 100_000;
const partialQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    partial: { type: 'boolean', default: false, description: 'Import the valid lines and report the others (default: all or nothing)' },
  },
} as const;

const rejectedSchema = {
  type: 'array',
  items: { type: 'object', properties: { line: { type: 'integer' }, feature: { type: 'integer' }, message: { type: 'string' } } },
} as const;

export function localizeRules(report: ImportReport, lang: Lang) {
  return { ...report, rejected: report.rejected.map((r) => ({ line: r.line, message: r.message[lang] })) };
}

export function localizePolygons(report: PolygonImportReport, lang: Lang) {
  return {
    updated: report.updated,
    rejected: report.rejected.map((r) => ({ feature: r.feature, message: r.message[lang] })),
    warnings: report.warnings.map((r) => ({ feature: r.feature, message: r.message[lang] })),
  };
}

/** Import and export of street rules (CSV) and polygons (GeoJSON); the free-text area parser. */
export function registerTransferApi(
  app: FastifyInstance,
  database: Database,
  changed: () => Promise<void>,
  documents: DocumentWorkers,
): void {
  const db = database.db;
  // File contents with NUL bytes are binary, not CSV or GeoJSON: 415 before they reach the database.
  app.addContentTypeParser(['text/csv'], { parseAs: 'string', bodyLimit: IMPORT_LIMIT }, (_request, body, done) => {
    try {
      done(null, checkedText(body as string));
    } catch (error) {
      done(error as AppError, undefined);
    }
  });
  app.addContentTypeParser('application/geo+json', { parseAs: 'string', bodyLimit: IMPORT_LIMIT }, (_request, body, done) => {
    try {
      done(null, parseJsonText(body as string));
    } catch (error) {
      done(error instanceof AppError ? error : Object.assign(new SyntaxError('invalid JSON'), { statusCode: 400 }), undefined);
    }
  });

  registerRegisterApi(app, database, changed, documents);

  app.post<{ Querystring: { locality?: string }; Body: string }>(
    '/api/v1/districts/parse-area',
    {
      config: { access: 'public' },
      bodyLimit: AREA_DOCUMENT_LIMIT,
      schema: {
        tags: ['districts'],
        summary: `Turn a published area description ("Rejon służbowy nr 3 obejmuje ulice: …") into street rules, without saving: as text/plain, or a file in the multipart field "file" (${acceptedKindsText.en}; read in a document worker, the kind told from its bytes), at most ${formatBytes(AREA_DOCUMENT_LIMIT, 'en')}`,
        consumes: ['text/plain', 'multipart/form-data'],
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: { locality: { type: 'string', maxLength: 100, description: 'Town the listed streets belong to' } },
        },
        response: {
          200: {
            type: 'object',
            required: ['rules', 'warnings', 'unresolved'],
            properties: {
              rules: { type: 'array', items: streetRuleSchema },
              warnings: { type: 'array', items: { type: 'string' } },
              unresolved: unresolvedSchema,
            },
          },
          ...errorResponses(400, 413, 415, 422, 503),
        },
      },
    },
    async (request) => {
      const body = request.body as unknown;
      const file = (body as { file?: unknown } | null)?.file;
      const text =
        typeof body === 'string'
          ? checkedText(body)
          : Buffer.isBuffer(file) && file.length > 0
            ? (await documentText(documents, file)).text
            : '';
      if (!text.trim())
        throw new AppError(400, 'empty_body', {
          pl: 'Wyślij opis obszaru jako tekst (text/plain) albo plik w polu „file”.',
          en: 'Send the area description as text (text/plain) or a file in the field "file".',
        });
      // The parser runs on this thread: its input stays as small as the text bodies always were.
      if (text.length > AREA_TEXT_LIMIT)
        throw new AppError(
          413,
          'area_text_too_long',
          {
            pl: `Opis obszaru ma więcej niż ${formatNumber(AREA_TEXT_LIMIT, 'pl')} znaków.`,
            en: `The area description has more than ${formatNumber(AREA_TEXT_LIMIT, 'en')} characters.`,
          },
          { max: AREA_TEXT_LIMIT },
        );
      const result = parseAreaText(text, request.query.locality?.trim() || undefined);
      return {
        rules: result.rules,
        warnings: result.warnings.map((w) => w[request.lang]),
        unresolved: localizeUnresolved(result.unresolved, request.lang),
      };
    },
  );

  const rulesImport = async (request: FastifyRequest<{ Querystring: { partial?: boolean }; Body: string }>) => {
    const principal = requireAllowed(request, 'register.edit');
    const report = await importStreetRules(db, principal, actorOf(request), String(request.body ?? ''), {
      partial: request.query.partial ?? false,
    });
    const body = localizeRules(report, request.lang);
    if (report.rejected.length > 0 && !(request.query.partial ?? false)) {
      throw new AppError(
        422,
        'import_rejected',
        {
          pl: `Nic nie zaimportowano: ${report.rejected.length} wierszy zawiera błędy. Popraw je albo użyj partial=true.`,
          en: `Nothing was imported: ${report.rejected.length} lines have errors. Fix them or use partial=true.`,
        },
        { rejected: body.rejected },
      );
    }
    await changed();
    return body;
  };

  app.post<{ Querystring: { partial?: boolean }; Body: string }>(
    '/api/v1/districts/import',
    {
      config: { access: 'register.edit' },
      bodyLimit: IMPORT_LIMIT,
      schema: {
        tags: ['districts'],
        summary:
          'Import street rules from CSV (unit,district,locality,street,numbers); replaces the rules of the districts named in the file',
        consumes: ['text/csv'],
        querystring: partialQuery,
        response: {
          200: {
            type: 'object',
            properties: {
              created: { type: 'array', items: { type: 'string' } },
              updated: { type: 'array', items: { type: 'string' } },
              rules: { type: 'integer' },
              rejected: rejectedSchema,
            },
          },
          ...errorResponses(400, 401, 403, 413, 415, 422),
        },
      },
    },
    rulesImport,
  );

  app.post<{ Querystring: { partial?: boolean }; Body: unknown }>(
    '/api/v1/districts/polygons',
    {
      config: { access: 'register.edit' },
      bodyLimit: IMPORT_LIMIT,
      schema: {
        tags: ['districts'],
        summary: 'Import district polygons from GeoJSON (properties unit and district; WGS84 or EPSG:2180)',
        consumes: ['application/geo+json', 'application/json'],
        querystring: partialQuery,
        response: {
          200: {
            type: 'object',
            properties: { updated: { type: 'array', items: { type: 'string' } }, rejected: rejectedSchema, warnings: rejectedSchema },
          },
          ...errorResponses(400, 401, 403, 413, 415, 422),
        },
      },
    },
    async (request) => {
      const principal = requireAllowed(request, 'register.edit');
      const partial = request.query.partial ?? false;
      const report = await importPolygons(db, principal, actorOf(request), request.body, { partial });
      const body = localizePolygons(report, request.lang);
      if (report.rejected.length > 0 && !partial) {
        throw new AppError(
          422,
          'import_rejected',
          {
            pl: `Nic nie zaimportowano: ${report.rejected.length} obiektów zawiera błędy.`,
            en: `Nothing was imported: ${report.rejected.length} features have errors.`,
          },
          { rejected: body.rejected },
        );
      }
      await changed();
      return body;
    },
  );

  // The id names the downloaded file: only what an id can be reaches the header (a line break there was a 500).
  const unitQuery = {
    type: 'object',
    additionalProperties: false,
    properties: { unitId: { type: 'string', maxLength: 60, pattern: `^(${unitIdPattern})?$` } },
  } as const;
  app.get<{ Querystring: { unitId?: string } }>(
    '/api/v1/districts/export.csv',
    {
      config: { access: 'public' },
      schema: {
        tags: ['districts'],
        summary: 'Street rules of all districts (or of one unit and below) as CSV',
        querystring: unitQuery,
        produces: ['text/csv'],
        response: { 200: { type: 'string', description: 'CSV: unit,district,locality,street,numbers' }, ...errorResponses(400) },
      },
    },
    async (request, reply) => {
      const districts = await districtsUnder(db, request.query.unitId);
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="rejony${request.query.unitId ? `-${request.query.unitId}` : ''}.csv"`)
        .send(rulesToCsv(districts));
    },
  );

  app.get<{ Querystring: { unitId?: string } }>(
    '/api/v1/districts.geojson',
    {
      config: { access: 'public' },
      schema: {
        tags: ['districts'],
        summary: 'District polygons (all, or of one unit and below) as GeoJSON',
        querystring: unitQuery,
        response: { 200: districtPolygonsSchema, ...errorResponses(400) },
      },
    },
    async (request, reply) => {
      const districts = await districtsUnder(db, request.query.unitId);
      return reply.header('content-type', 'application/geo+json; charset=utf-8').send(JSON.stringify(polygonsToGeoJson(districts)));
    },
  );
}
