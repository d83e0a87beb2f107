import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { FromSchema } from 'json-schema-to-ts';
import type { Database } from '../../platform/db/database.js';
import type { Config } from '../../platform/config/config.js';
import { siteOrigin } from '../../platform/http/site-url.js';
import { requireAllowed } from '../../platform/auth/guards.js';
import { errorResponses } from '../../platform/http/openapi.js';
import { actorOf } from '../../platform/http/request-context.js';
import { unitKinds, type Unit } from './model.js';
import { addUnit, editUnit, retireUnit } from './manage-units.js';
import { activeUnitOr404, listActiveUnits } from './read-units.js';
import { createUnitBody, unitSchema, updateUnitBody } from './schemas.js';
import { unitUrl } from './urls.js';
import { unitTarget } from './route-target.js';

/** `origin`: where the absolute `url` points (platform/http/site-url.ts). */
export function presentUnit(unit: Unit, origin: string) {
  return {
    id: unit.id,
    parentId: unit.parentId,
    kind: unit.kind,
    name: unit.name,
    url: `${origin}${unitUrl(unit.id)}`,
    address: unit.street || unit.locality ? { street: unit.street, postalCode: unit.postalCode, locality: unit.locality } : null,
    phone: unit.phone,
    email: unit.email,
    website: unit.website,
    openingHours: unit.openingHours,
    location: unit.location,
    retired: unit.retiredAt !== null,
  };
}

const idParams = { type: 'object', required: ['id'], properties: { id: { type: 'string', maxLength: 60 } } } as const;

/** Police units: public reads (open data), writes for administrators (and commanders' contact details). */
export function registerUnitRoutes(app: FastifyInstance, config: Config, database: Database, changed: () => Promise<void>): void {
  const present = (request: FastifyRequest) => (unit: Unit) => presentUnit(unit, siteOrigin(request, config));
  const listQuery = {
    type: 'object',
    additionalProperties: false,
    properties: { parentId: { type: 'string', maxLength: 60 }, kind: { type: 'string', enum: unitKinds } },
  } as const;

  app.get<{ Querystring: FromSchema<typeof listQuery> }>(
    '/api/v1/units',
    {
      config: { access: 'public' },
      schema: {
        tags: ['units'],
        summary: 'Police units (KGP, KWP, KPP, KP …) with their contact details, optionally of one parent or kind',
        querystring: listQuery,
        response: { 200: { type: 'object', properties: { units: { type: 'array', items: unitSchema } } }, ...errorResponses(400) },
      },
    },
    async (request) => {
      const { parentId, kind } = request.query;
      const units = await listActiveUnits(database.db, { parentId, kind });
      return { units: units.map(present(request)) };
    },
  );

  app.get<{ Params: FromSchema<typeof idParams> }>(
    '/api/v1/units/:id',
    {
      config: { access: 'public' },
      schema: { tags: ['units'], summary: 'One police unit', params: idParams, response: { 200: unitSchema, ...errorResponses(404) } },
    },
    async (request) => {
      return present(request)(await activeUnitOr404(database.db, request.params.id));
    },
  );

  app.post<{ Body: FromSchema<typeof createUnitBody> }>(
    '/api/v1/units',
    {
      config: { access: 'unit.manage' },
      schema: {
        tags: ['units'],
        summary: 'Add a unit below one of my units (administrators)',
        body: createUnitBody,
        response: { 201: unitSchema, ...errorResponses(400, 401, 403, 409, 422) },
      },
    },
    async (request, reply) => {
      const principal = requireAllowed(request, 'unit.manage');
      const unit = await addUnit(database.db, principal, actorOf(request), request.body);
      await changed();
      return reply.status(201).header('location', `/api/v1/units/${unit.id}`).send(present(request)(unit));
    },
  );

  app.patch<{ Params: FromSchema<typeof idParams>; Body: FromSchema<typeof updateUnitBody> }>(
    '/api/v1/units/:id',
    {
      config: { access: 'register.edit', target: unitTarget(database.db) },
      schema: {
        tags: ['units'],
        summary: 'Change a unit: name and contact details (administrators, commanders), parent (administrators)',
        params: idParams,
        body: updateUnitBody,
        response: { 200: unitSchema, ...errorResponses(400, 401, 403, 404, 422) },
      },
    },
    async (request) => {
      const principal = requireAllowed(request, 'register.edit');
      const unit = await editUnit(database.db, principal, actorOf(request), request.params.id, request.body);
      await changed();
      return present(request)(unit);
    },
  );

  app.delete<{ Params: FromSchema<typeof idParams> }>(
    '/api/v1/units/:id',
    {
      config: { access: 'unit.manage', target: unitTarget(database.db) },
      schema: {
        tags: ['units'],
        summary: 'Retire a unit that has no active units, districts or accounts (administrators)',
        params: idParams,
        response: { 204: { type: 'null' }, ...errorResponses(401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const principal = requireAllowed(request, 'unit.manage');
      await retireUnit(database.db, principal, actorOf(request), request.params.id);
      await changed();
      return reply.status(204).send();
    },
  );
}
