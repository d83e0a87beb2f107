import { createElement } from 'react';
import { registerActionLogPages } from '../action-log/page-routes.js';
import type { FastifyInstance } from 'fastify';
import type { ChangeBus } from '../../../platform/events/changes.js';
import type { Database } from '../../../platform/db/database.js';
import { requireAllowed } from '../../../platform/auth/guards.js';
import type { FieldError } from '../../../platform/http/errors.js';
import { formErrorsFrom, formFields } from '../../../platform/http/forms.js';
import { actorOf, pageContext } from '../../../platform/http/request-context.js';
import { sendPage } from '../../../platform/render/render.js';
import type { DocumentWorkers } from '../../../platform/documents/document-workers.js';
import type { Config } from '../../../platform/config/config.js';
import { createPlan } from '../manage-plans.js';
import { isPlanStatus } from '../model.js';
import { planQueue } from '../read-plans.js';
import { NewPlanPage, QueuePage } from './pages.js';
import { editorMessages } from './messages.js';
import { districtOptions, doneUrl } from './route-helpers.js';
import { registerPlanImportPages } from './import-routes.js';
import { registerPlanWorkPages } from './work-routes.js';

/** The staff pages of plans: the queue and a new plan here; importing (import-routes.ts) and one plan's work (work-routes.ts). */
export function registerPlanEditor(
  app: FastifyInstance,
  config: Config,
  database: Database,
  changes: ChangeBus,
  documents: DocumentWorkers,
): void {
  const db = database.db;

  app.get<{ Querystring: { status?: string; done?: string } }>(
    '/admin/plans',
    { config: { access: 'plan.read_working' }, schema: { hide: true } },
    async (request, reply) => {
      const principal = requireAllowed(request, 'plan.read_working');
      const status = isPlanStatus(request.query.status) ? request.query.status : undefined;
      const rows = await planQueue(db, principal, { status });
      const notice = request.query.done === 'delete' ? editorMessages[request.lang].draftDeleted : null;
      return sendPage(reply, createElement(QueuePage, { ctx: pageContext(request, reply, notice), rows, status, canCreate: true }));
    },
  );

  app.get('/admin/plans/new', { config: { access: 'plan.start' }, schema: { hide: true } }, async (request, reply) => {
    const principal = requireAllowed(request, 'plan.start');
    return sendPage(
      reply,
      createElement(NewPlanPage, {
        ctx: pageContext(request, reply),
        districts: await districtOptions(database, principal),
        values: {},
        errors: [],
      }),
    );
  });

  app.post('/admin/plans/new', { config: { access: 'plan.start' }, schema: { hide: true } }, async (request, reply) => {
    const principal = requireAllowed(request, 'plan.start');
    const fields = formFields(request.body);
    let errors: FieldError[] = [];
    const missing = (field: string) =>
      !fields[field] &&
      errors.push({ field, code: 'required', message: request.lang === 'pl' ? 'To pole jest wymagane.' : 'This field is required.' });
    missing('districtId');
    missing('periodFrom');
    missing('periodTo');
    if (errors.length === 0) {
      try {
        const plan = await createPlan(db, changes, principal, actorOf(request), {
          districtId: fields.districtId!,
          periodFrom: fields.periodFrom!,
          periodTo: fields.periodTo!,
        });
        return reply.redirect(doneUrl(plan.id, 'create'), 303);
      } catch (error) {
        errors = formErrorsFrom(error, request.lang);
      }
    }
    return sendPage(
      reply,
      createElement(NewPlanPage, {
        ctx: pageContext(request, reply),
        districts: await districtOptions(database, principal),
        values: fields,
        errors,
      }),
      400,
    );
  });

  registerPlanImportPages(app, config, database, changes, documents);
  registerPlanWorkPages(app, config, database, changes);
  registerActionLogPages(app, database.db);
}
