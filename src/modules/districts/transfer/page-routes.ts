import { createElement } from 'react';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Database } from '../../../platform/db/database.js';
import { requireAllowed } from '../../../platform/auth/guards.js';
import { AppError } from '../../../platform/http/errors.js';
import { actorOf, pageContext } from '../../../platform/http/request-context.js';
import { sendPage } from '../../../platform/render/render.js';
import { checkedText, parseJsonText, textOfFile } from '../../../platform/documents/text-file.js';
import { unitOptions } from '../../units/index.js';
import { importPolygons } from './import-polygons.js';
import { importStreetRules } from './import-rules.js';
import { localizePolygons, localizeRules } from './api-routes.js';
import { ImportPage, importMessages, type ImportResult } from './pages.js';
import { registerRegisterPages } from './register-page-routes.js';
import type { DocumentWorkers } from '../../../platform/documents/document-workers.js';

/** The admin import page: file uploads that work without JavaScript. */
export function registerTransferPages(
  app: FastifyInstance,
  database: Database,
  changed: () => Promise<void>,
  documents: DocumentWorkers,
): void {
  const db = database.db;
  const show = async (request: FastifyRequest, reply: FastifyReply, result: ImportResult | null) => {
    const principal = requireAllowed(request, 'register.edit');
    const status = result && !result.imported ? 422 : 200;
    return sendPage(
      reply,
      createElement(ImportPage, { ctx: pageContext(request, reply), units: await unitOptions(db, principal.unitId), result }),
      status,
    );
  };

  app.get('/admin/import', { config: { access: 'register.edit' }, schema: { hide: true } }, (request, reply) => show(request, reply, null));
  registerRegisterPages(app, database, changed, documents);

  app.get<{ Querystring: { unit?: string; format?: string } }>(
    '/admin/export',
    { config: { access: 'register.edit' }, schema: { hide: true } },
    async (request, reply) => {
      requireAllowed(request, 'register.edit');
      const query = request.query.unit ? `?unitId=${encodeURIComponent(request.query.unit)}` : '';
      return reply.redirect(
        request.query.format === 'geojson' ? `/api/v1/districts.geojson${query}` : `/api/v1/districts/export.csv${query}`,
        303,
      );
    },
  );

  for (const kind of ['rules', 'polygons'] as const) {
    app.post(
      `/admin/import/${kind}`,
      { config: { access: 'register.edit' }, schema: { hide: true }, bodyLimit: 21 * 1024 * 1024 },
      async (request, reply) => {
        const principal = requireAllowed(request, 'register.edit');
        const body = (request.body ?? {}) as { file?: Buffer | string; partial?: string };
        const partial = body.partial === 'on';
        const m = importMessages[request.lang];
        const empty: ImportResult = { kind, imported: false, created: 0, updated: 0, rules: 0, rejected: [], warnings: [] };
        try {
          const file = Buffer.isBuffer(body.file) ? textOfFile(body.file) : typeof body.file === 'string' ? checkedText(body.file) : '';
          if (!file.trim()) return show(request, reply, { ...empty, error: m.noFile });
          if (kind === 'rules') {
            const report = localizeRules(await importStreetRules(db, principal, actorOf(request), file, { partial }), request.lang);
            const imported = report.rejected.length === 0 || partial;
            if (imported) await changed();
            return show(request, reply, {
              ...empty,
              imported,
              created: report.created.length,
              updated: report.updated.length,
              rules: report.rules,
              rejected: report.rejected,
            });
          }
          let json: unknown;
          try {
            json = parseJsonText(file);
          } catch (error) {
            if (error instanceof AppError) throw error;
            return show(request, reply, {
              ...empty,
              error:
                request.lang === 'pl'
                  ? 'Plik nie jest poprawnym GeoJSON-em (błąd składni JSON).'
                  : 'The file is not valid GeoJSON (JSON syntax error).',
            });
          }
          const report = localizePolygons(await importPolygons(db, principal, actorOf(request), json, { partial }), request.lang);
          const imported = report.rejected.length === 0 || partial;
          if (imported) await changed();
          return show(request, reply, {
            ...empty,
            imported,
            updated: report.updated.length,
            rejected: report.rejected,
            warnings: report.warnings,
          });
        } catch (error) {
          if (error instanceof AppError && error.status < 500 && error.status !== 403)
            return show(request, reply, { ...empty, error: error.text[request.lang] });
          throw error;
        }
      },
    );
  }
}
