import { createElement } from 'react';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Database } from '../../../platform/db/database.js';
import { requireAllowed } from '../../../platform/auth/guards.js';
import { AppError } from '../../../platform/http/errors.js';
import { actorOf, pageContext } from '../../../platform/http/request-context.js';
import { sendPage } from '../../../platform/render/render.js';
import { unitOptions } from '../../units/index.js';
import { importRegister, type RegisterImport } from './register-import.js';
import { RegisterImportPage, type RegisterPageProps } from './register-pages.js';
import { REGISTER_UPLOAD_LIMIT, registerTextOf } from './register-source.js';
import { parseRegisterText } from './register-text.js';
import type { DocumentWorkers } from '../../../platform/documents/document-workers.js';

type Values = RegisterPageProps['values'];

/** The admin page that imports a unit's whole contacts page: paste or choose a file → preview → confirm. Works without JavaScript. */
export function registerRegisterPages(
  app: FastifyInstance,
  database: Database,
  changed: () => Promise<void>,
  documents: DocumentWorkers,
): void {
  const db = database.db;
  const show = async (request: FastifyRequest, reply: FastifyReply, values: Values, result: RegisterImport | null, error?: string) => {
    const principal = requireAllowed(request, 'register.edit');
    const units = await unitOptions(db, principal.unitId);
    const page = createElement(RegisterImportPage, {
      ctx: pageContext(request, reply),
      units,
      values: { ...values, unit: values.unit || units[0]?.value || '' },
      result,
      error,
    });
    return sendPage(reply, page, error ? 422 : 200);
  };

  app.get('/admin/import/register', { config: { access: 'register.edit' }, schema: { hide: true } }, (request, reply) =>
    show(request, reply, { unit: '', locality: '', text: '' }, null),
  );

  app.post(
    '/admin/import/register',
    { config: { access: 'register.edit' }, schema: { hide: true }, bodyLimit: REGISTER_UPLOAD_LIMIT },
    async (request, reply) => {
      const principal = requireAllowed(request, 'register.edit');
      const body = (request.body ?? {}) as Record<string, unknown>;
      const field = (name: string) => (typeof body[name] === 'string' ? body[name].trim() : '');
      const values: Values = { unit: field('unit'), locality: field('locality'), text: '' };
      try {
        values.text = await registerTextOf(request, documents);
        if (!values.unit) return show(request, reply, values, null, request.lang === 'pl' ? 'Wybierz jednostkę.' : 'Choose a unit.');
        const reading = parseRegisterText(values.text, { locality: values.locality });
        const dryRun = field('intent') !== 'save';
        const result = await importRegister(db, principal, actorOf(request), { unitId: values.unit, reading, dryRun });
        if (result.saved) await changed();
        return show(request, reply, values, result);
      } catch (error) {
        // A refusal is shown on the page with what was sent, so it can be corrected; "not yours" stays a 403.
        if (error instanceof AppError && error.status < 500 && error.status !== 403)
          return show(request, reply, values, null, error.text[request.lang]);
        throw error;
      }
    },
  );
}
