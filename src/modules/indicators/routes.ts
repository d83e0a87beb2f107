import { createElement } from 'react';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Database } from '../../platform/db/database.js';
import { requireAllowed } from '../../platform/auth/guards.js';
import { AppError } from '../../platform/http/errors.js';
import { errorResponses } from '../../platform/http/openapi.js';
import { actorOf, pageContext } from '../../platform/http/request-context.js';
import { uploadedFiles } from '../../platform/http/uploads.js';
import { checkedText, textOfFile } from '../../platform/documents/text-file.js';
import { sendPage } from '../../platform/render/render.js';
import { isAllowed } from '../access/index.js';
import type { Locator } from '../districts/index.js';
import { importIndicatorData } from './import-data.js';
import { indicatorMessages } from './messages.js';
import type { ImportReport } from './model.js';
import { IndicatorPage, type UploadOutcome } from './pages.js';
import { unitIndicators } from './read-indicators.js';
import { indicatorUnitTarget } from './route-target.js';

/** A CSV of counts: tens of thousands of lines fit. */
const FILE_LIMIT = 5 * 1024 * 1024;

const localizedSchema = { type: 'object', required: ['pl', 'en'], properties: { pl: { type: 'string' }, en: { type: 'string' } } } as const;
const importReportSchema = {
  type: 'object',
  required: ['importId', 'fileName', 'lines', 'accepted', 'cells', 'rejected'],
  properties: {
    importId: { type: ['string', 'null'] },
    fileName: { type: 'string' },
    lines: { type: 'integer' },
    accepted: { type: 'integer' },
    cells: { type: 'integer' },
    rejected: {
      type: 'array',
      items: {
        type: 'object',
        required: ['line', 'reason', 'message'],
        properties: { line: { type: 'integer' }, reason: localizedSchema, message: { type: 'string' } },
      },
    },
  },
} as const;
const unitIndicatorsSchema = {
  type: 'object',
  required: ['unitId', 'months', 'categories', 'imports'],
  properties: {
    unitId: { type: 'string' },
    months: { type: 'array', items: { type: 'string' } },
    categories: {
      type: 'array',
      items: {
        type: 'object',
        required: ['category', 'total', 'months'],
        properties: { category: { type: 'string' }, total: { type: 'integer' }, months: { type: 'array', items: { type: 'integer' } } },
      },
    },
    imports: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'fileName', 'importedBy', 'importedAt', 'lines', 'accepted', 'rejected'],
        properties: {
          id: { type: 'string' },
          fileName: { type: 'string' },
          importedBy: { type: 'string' },
          importedAt: { type: 'string', format: 'date-time' },
          lines: { type: 'integer' },
          accepted: { type: 'integer' },
          rejected: { type: 'integer' },
        },
      },
    },
  },
} as const;

const withMessages = (report: ImportReport, lang: 'pl' | 'en') => ({
  ...report,
  rejected: report.rejected.map((r) => ({ ...r, message: `${lang === 'pl' ? 'wiersz' : 'line'} ${r.line}: ${r.reason[lang]}` })),
});

/** The file's text: a text/csv body, or the `file` field of a multipart form. */
function uploadOf(request: FastifyRequest, fallbackName: string): { fileName: string; text: string } {
  if (typeof request.body === 'string') return { fileName: fallbackName, text: checkedText(request.body) };
  const [file] = uploadedFiles(request, 'file');
  if (!file) return { fileName: fallbackName, text: '' };
  return { fileName: file.name, text: textOfFile(file.bytes) };
}

/** Indicator data of a unit: the import API, its summary, and the staff page with the upload form. */
export function registerIndicatorRoutes(app: FastifyInstance, database: Database, locator: Locator): void {
  const db = database.db;
  const target = indicatorUnitTarget(db);
  const tags = ['indicators'];

  const runImport = async (request: FastifyRequest<{ Params: { id: string } }>, fileName: string, text: string) => {
    const principal = requireAllowed(request, 'indicator.import');
    if (!text.trim())
      throw new AppError(
        400,
        'indicator_file_unusable',
        { pl: 'Nic nie zapisano. Plik jest pusty.', en: 'Nothing was stored. The file is empty.' },
        { rejected: [] },
      );
    const register = await locator.current();
    return importIndicatorData(db, principal, actorOf(request), {
      unitId: request.params.id,
      fileName,
      text,
      locate: (lat, lon) => register.byPoint(lat, lon).matches.map((m) => m.card.id),
    });
  };

  app.post<{ Params: { id: string }; Querystring: { name?: string } }>(
    '/api/v1/units/:id/indicator-data',
    {
      config: { access: 'indicator.import', target },
      bodyLimit: FILE_LIMIT,
      schema: {
        tags,
        summary:
          'Import counts from CSV (date,category,district,count or date,category,lat,lon,count); each (category, district, day) replaces the stored count',
        consumes: ['text/csv', 'multipart/form-data'],
        querystring: { type: 'object', additionalProperties: false, properties: { name: { type: 'string', maxLength: 200 } } },
        response: { 200: importReportSchema, ...errorResponses(400, 401, 403, 404, 413, 415) },
      },
    },
    async (request) => {
      const { fileName, text } = uploadOf(request, request.query.name ?? 'dane.csv');
      return withMessages(await runImport(request, fileName, text), request.lang);
    },
  );

  app.get<{ Params: { id: string } }>(
    '/api/v1/units/:id/indicator-data',
    {
      config: { access: 'indicator.read', target },
      schema: {
        tags,
        summary: "The unit's imported categories with their counts in each of the last 12 months, and its last imports",
        response: { 200: unitIndicatorsSchema, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => {
      requireAllowed(request, 'indicator.read');
      const data = await unitIndicators(db, request.params.id);
      return {
        unitId: data.unit.id,
        months: data.months,
        categories: data.categories,
        imports: data.imports.map((i) => ({ ...i, importedAt: i.importedAt.toISOString(), rejected: i.rejected.length })),
      };
    },
  );

  const show = async (request: FastifyRequest<{ Params: { id: string } }>, reply: FastifyReply, outcome: UploadOutcome | null) => {
    const principal = requireAllowed(request, 'indicator.read');
    const data = await unitIndicators(db, request.params.id);
    const mayImport = await isAllowed(db, principal, 'indicator.import', { unitId: data.unit.id });
    const status = outcome && 'error' in outcome ? 400 : 200;
    return sendPage(
      reply,
      createElement(IndicatorPage, { ctx: pageContext(request, reply), unit: data.unit, data, outcome, mayImport }),
      status,
    );
  };

  app.get<{ Params: { id: string } }>(
    '/admin/units/:id/indicators',
    { config: { access: 'indicator.read', target }, schema: { hide: true } },
    (request, reply) => show(request, reply, null),
  );

  app.post<{ Params: { id: string } }>(
    '/admin/units/:id/indicators',
    { config: { access: 'indicator.import', target }, schema: { hide: true }, bodyLimit: FILE_LIMIT },
    async (request, reply) => {
      requireAllowed(request, 'indicator.import');
      try {
        const { fileName, text } = uploadOf(request, 'dane.csv');
        if (!text.trim()) return await show(request, reply, { error: indicatorMessages[request.lang].noFile, rejected: [] });
        return await show(request, reply, { report: await runImport(request, fileName, text) });
      } catch (error) {
        if (error instanceof AppError && error.status < 500 && error.status !== 403 && error.status !== 404) {
          const rejected = (error.details as { rejected?: ImportReport['rejected'] } | undefined)?.rejected ?? [];
          return show(request, reply, { error: error.text[request.lang], rejected });
        }
        throw error;
      }
    },
  );
}
