import { createElement } from 'react';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { requireAllowed } from '../../platform/auth/guards.js';
import type { Database } from '../../platform/db/database.js';
import { AppError, type FieldError } from '../../platform/http/errors.js';
import { formErrorsFrom, formFields } from '../../platform/http/forms.js';
import { actorOf, pageContext } from '../../platform/http/request-context.js';
import type { Lang } from '../../platform/i18n/i18n.js';
import { sendPage } from '../../platform/render/render.js';
import { isAllowed } from '../access/index.js';
import { changePartner, createPartner, type PartnerInput } from './manage-partners.js';
import { partnerMessages } from './messages.js';
import { detailsOf } from './model.js';
import { NewPartnerPage, PartnerListPage, PartnerPage, type PartnerFormValues } from './pages.js';
import { listPartners, partnerWithPlans } from './read-partners.js';
import { partnerTarget } from './route-target.js';
import { isPartnerKind } from './rules/kinds.js';

/** A form's fields as the use cases take them; an unknown type is the form's error, not a 500. */
function inputOf(fields: Record<string, string>): PartnerInput {
  const kind = fields.kind ?? '';
  if (!isPartnerKind(kind))
    throw new AppError(400, 'invalid_partner', { pl: 'Wybierz rodzaj podmiotu.', en: 'Choose the type.' }, { field: 'kind' });
  const text = (name: keyof PartnerFormValues) => fields[name] ?? '';
  return {
    kind,
    name: text('name'),
    contactPerson: text('contactPerson'),
    phone: text('phone'),
    email: text('email'),
    address: text('address'),
    note: text('note'),
  };
}

/** The registry's staff pages (work without JavaScript): the unit's list, a new partner, one partner with its plans. */
export function registerPartnerPages(
  app: FastifyInstance,
  database: Database,
  planStatusName: (status: string, lang: Lang) => string,
): void {
  const db = database.db;
  const target = partnerTarget(db);

  app.get('/admin/partners', { config: { access: 'partner.read' }, schema: { hide: true } }, async (request, reply) => {
    const principal = requireAllowed(request, 'partner.read');
    const query = request.query as Record<string, unknown>;
    const text = (value: unknown) => (typeof value === 'string' ? value.slice(0, 200) : '');
    const filter = { q: text(query.q), kind: isPartnerKind(query.kind) ? query.kind : '', archived: query.archived === 'on' };
    const { unitName, partners } = await listPartners(db, principal, principal.unitId, {
      search: filter.q,
      kind: filter.kind || undefined,
      archived: filter.archived,
    });
    const canAdd = await isAllowed(db, principal, 'partner.manage', { unitId: principal.unitId });
    return sendPage(reply, createElement(PartnerListPage, { ctx: pageContext(request, reply), unitName, partners, filter, canAdd }));
  });

  const newForm = async (request: FastifyRequest, reply: FastifyReply) => {
    const principal = requireAllowed(request, 'partner.manage');
    const fields = formFields(request.body);
    // The form names the registry it adds to (the person's unit); the use case checks it as the API's does.
    const unitId = fields.unitId?.trim() || principal.unitId;
    const render = (values: PartnerFormValues, errors: FieldError[], suggestions: { id: string; name: string }[] = []) =>
      sendPage(
        reply,
        createElement(NewPartnerPage, { ctx: pageContext(request, reply), unitId, values, errors, suggestions }),
        errors.length ? 400 : 200,
      );
    if (request.method === 'GET') return render({ kind: 'other' }, []);
    try {
      const input = inputOf(fields);
      const saved = await createPartner(db, principal, actorOf(request), unitId, {
        ...input,
        confirmNew: fields.confirmNew === 'on',
      });
      return reply.redirect(`/admin/partners/${saved.id}?notice=saved`, 303);
    } catch (error) {
      const details =
        error instanceof AppError ? (error.details as { suggestions?: { id: string; name: string }[] } | undefined) : undefined;
      const suggestions = details?.suggestions ?? [];
      return render(fields, formErrorsFrom(error, request.lang), suggestions);
    }
  };
  app.get('/admin/partners/new', { config: { access: 'partner.manage' }, schema: { hide: true } }, newForm);
  app.post('/admin/partners/new', { config: { access: 'partner.manage' }, schema: { hide: true } }, newForm);

  const partnerForm = async (request: FastifyRequest<{ Params: { id: string } }>, reply: FastifyReply) => {
    const principal = requireAllowed(request, request.method === 'GET' ? 'partner.read' : 'partner.manage');
    const { partner, plans } = await partnerWithPlans(db, principal, request.params.id);
    const canManage = await isAllowed(db, principal, 'partner.manage', { unitId: partner.unitId });
    const notice = (request.query as { notice?: unknown }).notice === 'saved' ? partnerMessages[request.lang].saved : null;
    const render = (values: PartnerFormValues, errors: FieldError[]) =>
      sendPage(
        reply,
        createElement(PartnerPage, {
          ctx: pageContext(request, reply, notice),
          partner,
          plans,
          values,
          errors,
          canManage,
          statusName: planStatusName,
        }),
        errors.length ? 400 : 200,
      );
    if (request.method === 'GET') return render(detailsOf(partner), []);
    const fields = formFields(request.body);
    try {
      await changePartner(db, principal, actorOf(request), partner.id, inputOf(fields));
      return reply.redirect(`/admin/partners/${partner.id}?notice=saved`, 303);
    } catch (error) {
      return render(fields, formErrorsFrom(error, request.lang));
    }
  };
  app.get<{ Params: { id: string } }>(
    '/admin/partners/:id',
    { config: { access: 'partner.read', target }, schema: { hide: true } },
    partnerForm,
  );
  app.post<{ Params: { id: string } }>(
    '/admin/partners/:id',
    { config: { access: 'partner.manage', target }, schema: { hide: true } },
    partnerForm,
  );
  app.post<{ Params: { id: string } }>(
    '/admin/partners/:id/archive',
    { config: { access: 'partner.manage', target }, schema: { hide: true } },
    async (request, reply) => {
      const principal = requireAllowed(request, 'partner.manage');
      const archived = formFields(request.body).archived !== 'false';
      await changePartner(db, principal, actorOf(request), request.params.id, { archived });
      return reply.redirect(`/admin/partners/${request.params.id}?notice=saved`, 303);
    },
  );
}
