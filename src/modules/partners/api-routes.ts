import type { FastifyInstance } from 'fastify';
import type { FromSchema } from 'json-schema-to-ts';
import type { Database } from '../../platform/db/database.js';
import { requireAllowed } from '../../platform/auth/guards.js';
import { errorResponses } from '../../platform/http/openapi.js';
import { actorOf } from '../../platform/http/request-context.js';
import type { Lang } from '../../platform/i18n/i18n.js';
import { changePartner, createPartner } from './manage-partners.js';
import type { Partner } from './model.js';
import { listPartners, partnerWithPlans } from './read-partners.js';
import { partnerTarget, registryTarget } from './route-target.js';
import { kindLabels } from './rules/kinds.js';
import { partnerBody, partnerChangeBody, partnerDetailSchema, partnerListQuery, partnerListSchema, partnerSchema } from './schemas.js';

export const presentPartner = (p: Partner, lang: Lang) => ({
  id: p.id,
  unitId: p.unitId,
  name: p.name,
  kind: p.kind,
  kindLabel: kindLabels[p.kind][lang],
  contact: p.contact,
  note: p.note,
  archived: p.archived,
});

/** The partner registry's JSON API: a unit's list and new entries; one partner with its plans; changes and archiving. */
export function registerPartnerApi(app: FastifyInstance, database: Database): void {
  const db = database.db;
  const tags = ['partners'];

  app.get<{ Params: { id: string }; Querystring: FromSchema<typeof partnerListQuery> }>(
    '/api/v1/units/:id/partners',
    {
      config: { access: 'partner.read', target: registryTarget(db) },
      schema: {
        tags,
        summary: "A unit's partner organisations by name (active, or archived with archived=true), with their contacts (staff only)",
        querystring: partnerListQuery,
        response: { 200: partnerListSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const principal = requireAllowed(request, 'partner.read');
      const { q, kind, archived } = request.query;
      const { unitName, partners } = await listPartners(db, principal, request.params.id, { search: q, kind, archived });
      return { unitName, partners: partners.map((p) => presentPartner(p, request.lang)) };
    },
  );

  app.post<{ Params: { id: string }; Body: FromSchema<typeof partnerBody> }>(
    '/api/v1/units/:id/partners',
    {
      config: { access: 'partner.manage', target: registryTarget(db) },
      schema: {
        tags,
        summary: 'Add a partner to the unit’s registry (409 partner_exists for a name it has; 409 partner_similar offers near names)',
        body: partnerBody,
        response: { 201: partnerSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const principal = requireAllowed(request, 'partner.manage');
      const b = request.body;
      const partner = await createPartner(db, principal, actorOf(request), request.params.id, {
        name: b.name,
        kind: b.kind,
        contactPerson: b.contactPerson ?? '',
        phone: b.phone ?? '',
        email: b.email ?? '',
        address: b.address ?? '',
        note: b.note ?? '',
        confirmNew: b.confirmNew,
      });
      return reply.status(201).send(presentPartner(partner, request.lang));
    },
  );

  const target = partnerTarget(db);
  app.get<{ Params: { id: string } }>(
    '/api/v1/partners/:id',
    {
      config: { access: 'partner.read', target },
      schema: {
        tags,
        summary: 'A partner with every plan naming it and its tasks in each',
        response: { 200: partnerDetailSchema, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => {
      const principal = requireAllowed(request, 'partner.read');
      const { partner, plans } = await partnerWithPlans(db, principal, request.params.id);
      return { ...presentPartner(partner, request.lang), plans };
    },
  );

  app.patch<{ Params: { id: string }; Body: FromSchema<typeof partnerChangeBody> }>(
    '/api/v1/partners/:id',
    {
      config: { access: 'partner.manage', target },
      schema: {
        tags,
        summary: 'Change a partner’s details, archive it or restore it (partners named in plans are never deleted)',
        body: partnerChangeBody,
        response: { 200: partnerSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const principal = requireAllowed(request, 'partner.manage');
      return presentPartner(await changePartner(db, principal, actorOf(request), request.params.id, request.body), request.lang);
    },
  );
}
