import type { FastifyInstance } from 'fastify';
import type { FromSchema } from 'json-schema-to-ts';
import type { Database } from '../../platform/db/database.js';
import { AppError } from '../../platform/http/errors.js';
import { errorResponses } from '../../platform/http/openapi.js';
import { unitKinds, type Unit } from './model.js';
import { findUnit, listUnits } from './repository.js';

const unitSchema = {
  type: 'object',
  required: ['id', 'parentId', 'kind', 'name'],
  properties: {
    id: { type: 'string', description: 'Readable, globally unique id, e.g. kpp-lubartow' },
    parentId: { type: ['string', 'null'] },
    kind: { type: 'string', enum: unitKinds },
    name: { type: 'string' },
  },
} as const;

const present = (unit: Unit) => ({ id: unit.id, parentId: unit.parentId, kind: unit.kind, name: unit.name });

/** Public, read-only list of police units (open data). */
export function registerUnitRoutes(app: FastifyInstance, database: Database): void {
  const listQuery = {
    type: 'object',
    additionalProperties: false,
    properties: { parentId: { type: 'string', maxLength: 60 }, kind: { type: 'string', enum: unitKinds } },
  } as const;

  app.get<{ Querystring: FromSchema<typeof listQuery> }>(
    '/api/v1/units',
    {
      schema: {
        tags: ['units'],
        summary: 'Police units (KGP, KWP, KPP, KP …), optionally of one parent or kind',
        querystring: listQuery,
        response: { 200: { type: 'object', properties: { units: { type: 'array', items: unitSchema } } }, ...errorResponses(400) },
      },
    },
    async (request) => {
      const { parentId, kind } = request.query;
      const units = (await listUnits(database.db)).filter(
        (unit) => (parentId === undefined || unit.parentId === parentId) && (kind === undefined || unit.kind === kind),
      );
      return { units: units.map(present) };
    },
  );

  const idParams = { type: 'object', required: ['id'], properties: { id: { type: 'string', maxLength: 60 } } } as const;
  app.get<{ Params: FromSchema<typeof idParams> }>(
    '/api/v1/units/:id',
    { schema: { tags: ['units'], summary: 'One police unit', params: idParams, response: { 200: unitSchema, ...errorResponses(404) } } },
    async (request) => {
      const unit = await findUnit(database.db, request.params.id);
      if (!unit || unit.retiredAt) {
        throw new AppError(404, 'unit_not_found', { pl: 'Nie ma takiej jednostki.', en: 'No such unit.' });
      }
      return present(unit);
    },
  );
}
