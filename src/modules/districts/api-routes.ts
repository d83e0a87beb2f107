import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { FromSchema } from 'json-schema-to-ts';
import type { Database } from '../../platform/db/database.js';
import { requireAllowed } from '../../platform/auth/guards.js';
import { errorResponses } from '../../platform/http/openapi.js';
import { actorOf } from '../../platform/http/request-context.js';
import { assertUnitInScope } from '../access/index.js';
import { assignmentSchema, districtParams, districtSchema, idParams, officerSchema } from './api-schemas.js';
import { createDistrict, restoreDistrict, retireDistrict, updateDistrict } from './manage-districts.js';
import { assignOfficer, createOfficer, endAssignment, retireOfficer, updateOfficer } from './manage-officers.js';
import { districtId } from './model.js';
import { presentAssignment, presentCoverage, presentDistrict, presentOfficer } from './present.js';
import { coverageOf } from './coverage.js';
import type { Locator } from './locator/locator.js';
import type { District } from './model.js';
import { siteOrigin } from '../../platform/http/site-url.js';
import type { Config } from '../../platform/config/config.js';
import { assignmentsOf, districtOr404, districtsUnder, districtWithUnit, officerOr404, officersUnder } from './read-districts.js';
import {
  createAssignmentBody,
  createDistrictBody,
  createOfficerBody,
  endAssignmentBody,
  updateDistrictBody,
  updateOfficerBody,
} from './schemas.js';
import { assignmentTarget, districtTarget, officerTarget } from './route-targets.js';

type DistrictParams = FromSchema<typeof districtParams>;

/** Called after every change of the register, so the locator answers from fresh data. */
export type RegisterChanged = () => Promise<void>;

export function registerDistrictApi(
  app: FastifyInstance,
  config: Config,
  database: Database,
  changed: RegisterChanged,
  locator: Locator,
): void {
  const db = database.db;
  // `url` fields are absolute (platform/http/site-url.ts).
  const present = (request: FastifyRequest) => (district: District) => presentDistrict(district, siteOrigin(request, config));
  const idOf = (params: DistrictParams) => districtId(params.unit, params.number);
  const tags = ['districts'];

  app.get<{ Querystring: { unitId?: string } }>(
    '/api/v1/districts',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Districts (rejony służbowe) of a unit and the units below it, or of all units',
        querystring: { type: 'object', additionalProperties: false, properties: { unitId: { type: 'string', maxLength: 60 } } },
        response: { 200: { type: 'object', properties: { districts: { type: 'array', items: districtSchema } } }, ...errorResponses(400) },
      },
    },
    async (request) => {
      const districts = await districtsUnder(db, request.query.unitId);
      return { districts: districts.map(present(request)) };
    },
  );

  app.get<{ Params: DistrictParams }>(
    '/api/v1/districts/:unit/:number',
    {
      config: { access: 'public' },
      schema: { tags, summary: 'One district', params: districtParams, response: { 200: districtSchema, ...errorResponses(400, 404) } },
    },
    async (request) => {
      const { district, unit } = await districtWithUnit(db, idOf(request.params));
      const card = (await locator.current()).card(district.id);
      // Who a resident reaches today: the officer, a substitute, or the unit when there is neither.
      return { ...present(request)(district), coveredBy: card && unit ? presentCoverage(coverageOf(card, unit)) : null };
    },
  );

  app.post<{ Body: FromSchema<typeof createDistrictBody> }>(
    '/api/v1/districts',
    {
      config: { access: 'register.edit' },
      schema: {
        tags,
        summary: 'Create a district (administrators and commanders of the unit)',
        body: createDistrictBody,
        response: { 201: districtSchema, ...errorResponses(400, 401, 403, 409, 422) },
      },
    },
    async (request, reply) => {
      const principal = requireAllowed(request, 'register.edit');
      const district = await createDistrict(db, principal, actorOf(request), request.body);
      await changed();
      return reply.status(201).header('location', `/api/v1/districts/${district.id}`).send(present(request)(district));
    },
  );

  app.patch<{ Params: DistrictParams; Body: FromSchema<typeof updateDistrictBody> }>(
    '/api/v1/districts/:unit/:number',
    {
      config: { access: 'register.edit', target: districtTarget(db) },
      schema: {
        tags,
        summary: 'Change a district: name, phone, e-mail, street rules, polygon',
        params: districtParams,
        body: updateDistrictBody,
        response: { 200: districtSchema, ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) => {
      const principal = requireAllowed(request, 'register.edit');
      const district = await updateDistrict(db, principal, actorOf(request), idOf(request.params), request.body);
      await changed();
      return present(request)(district);
    },
  );

  app.delete<{ Params: DistrictParams }>(
    '/api/v1/districts/:unit/:number',
    {
      config: { access: 'register.edit', target: districtTarget(db) },
      schema: {
        tags,
        summary: 'Retire a district (it keeps its history and can be restored)',
        params: districtParams,
        response: { 204: { type: 'null' }, ...errorResponses(401, 403, 404) },
      },
    },
    async (request, reply) => {
      const principal = requireAllowed(request, 'register.edit');
      await retireDistrict(db, principal, actorOf(request), idOf(request.params));
      await changed();
      return reply.status(204).send();
    },
  );

  app.post<{ Params: DistrictParams }>(
    '/api/v1/districts/:unit/:number/restore',
    {
      config: { access: 'register.edit', target: districtTarget(db) },
      schema: {
        tags,
        summary: 'Restore a retired district',
        params: districtParams,
        response: { 200: districtSchema, ...errorResponses(401, 403, 404, 409) },
      },
    },
    async (request) => {
      const principal = requireAllowed(request, 'register.edit');
      const district = await restoreDistrict(db, principal, actorOf(request), idOf(request.params));
      await changed();
      return present(request)(district);
    },
  );

  const districtInScope = async (request: FastifyRequest, id: string) => {
    const principal = requireAllowed(request, 'officer.assign');
    const district = await districtOr404(db, id);
    await assertUnitInScope(db, principal, district.unitId, 'officer.assign');
    return { principal, district };
  };

  app.get<{ Params: DistrictParams }>(
    '/api/v1/districts/:unit/:number/assignments',
    {
      config: { access: 'officer.assign', target: districtTarget(db) },
      schema: {
        tags,
        summary: 'History of officers and substitutes of a district (staff of the unit)',
        params: districtParams,
        response: {
          200: { type: 'object', properties: { assignments: { type: 'array', items: assignmentSchema } } },
          ...errorResponses(401, 403, 404),
        },
      },
    },
    async (request) => {
      const { district } = await districtInScope(request, idOf(request.params));
      return { assignments: (await assignmentsOf(db, district.id)).map(presentAssignment) };
    },
  );

  app.post<{ Params: DistrictParams; Body: FromSchema<typeof createAssignmentBody> }>(
    '/api/v1/districts/:unit/:number/assignments',
    {
      config: { access: 'officer.assign', target: districtTarget(db) },
      schema: {
        tags,
        summary:
          'Assign an officer (regular) or a substitute to a district from a day; a new regular officer takes over from the current one',
        params: districtParams,
        body: createAssignmentBody,
        response: { 201: assignmentSchema, ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const principal = requireAllowed(request, 'officer.assign');
      const assignment = await assignOfficer(db, principal, actorOf(request), idOf(request.params), request.body);
      await changed();
      return reply.status(201).send(presentAssignment(assignment));
    },
  );

  app.patch<{ Params: FromSchema<typeof idParams>; Body: FromSchema<typeof endAssignmentBody> }>(
    '/api/v1/assignments/:id',
    {
      config: { access: 'officer.assign', target: assignmentTarget(db) },
      schema: {
        tags,
        summary: 'End an assignment on a day',
        params: idParams,
        body: endAssignmentBody,
        response: { 200: assignmentSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const principal = requireAllowed(request, 'officer.assign');
      const assignment = await endAssignment(db, principal, actorOf(request), request.params.id, request.body.endsOn);
      await changed();
      return presentAssignment(assignment);
    },
  );

  const officerTags = ['officers'];
  app.get<{ Querystring: { unitId?: string } }>(
    '/api/v1/officers',
    {
      config: { access: 'officer.assign' },
      schema: {
        tags: officerTags,
        summary: 'Officers of my units (staff)',
        querystring: { type: 'object', additionalProperties: false, properties: { unitId: { type: 'string', maxLength: 60 } } },
        response: {
          200: { type: 'object', properties: { officers: { type: 'array', items: officerSchema } } },
          ...errorResponses(400, 401, 403),
        },
      },
    },
    async (request) => {
      const principal = requireAllowed(request, 'officer.assign');
      const scope = request.query.unitId ?? principal.unitId;
      await assertUnitInScope(db, principal, scope, 'officer.assign');
      return { officers: (await officersUnder(db, scope)).map(presentOfficer) };
    },
  );

  app.post<{ Body: FromSchema<typeof createOfficerBody> }>(
    '/api/v1/officers',
    {
      config: { access: 'register.edit' },
      schema: {
        tags: officerTags,
        summary: 'Add an officer',
        body: createOfficerBody,
        response: { 201: officerSchema, ...errorResponses(400, 401, 403, 409, 422) },
      },
    },
    async (request, reply) => {
      const principal = requireAllowed(request, 'register.edit');
      const officer = await createOfficer(db, principal, actorOf(request), request.body);
      return reply.status(201).header('location', `/api/v1/officers/${officer.id}`).send(presentOfficer(officer));
    },
  );

  const officerInScope = async (request: FastifyRequest, id: string) => {
    const principal = requireAllowed(request, 'officer.assign');
    const officer = await officerOr404(db, id);
    await assertUnitInScope(db, principal, officer.unitId, 'officer.assign');
    return officer;
  };

  app.get<{ Params: FromSchema<typeof idParams> }>(
    '/api/v1/officers/:id',
    {
      config: { access: 'officer.assign', target: officerTarget(db) },
      schema: {
        tags: officerTags,
        summary: 'One officer',
        params: idParams,
        response: { 200: officerSchema, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => presentOfficer(await officerInScope(request, request.params.id)),
  );

  app.patch<{ Params: FromSchema<typeof idParams>; Body: FromSchema<typeof updateOfficerBody> }>(
    '/api/v1/officers/:id',
    {
      config: { access: 'register.edit', target: officerTarget(db) },
      schema: {
        tags: officerTags,
        summary: 'Change an officer: rank, name, unit, position, linked account',
        params: idParams,
        body: updateOfficerBody,
        response: { 200: officerSchema, ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) => {
      const principal = requireAllowed(request, 'register.edit');
      const officer = await updateOfficer(db, principal, actorOf(request), request.params.id, request.body);
      await changed();
      return presentOfficer(officer);
    },
  );

  app.delete<{ Params: FromSchema<typeof idParams> }>(
    '/api/v1/officers/:id',
    {
      config: { access: 'register.edit', target: officerTarget(db) },
      schema: {
        tags: officerTags,
        summary: 'Retire an officer (their open assignments end today)',
        params: idParams,
        response: { 204: { type: 'null' }, ...errorResponses(401, 403, 404) },
      },
    },
    async (request, reply) => {
      const principal = requireAllowed(request, 'register.edit');
      await retireOfficer(db, principal, actorOf(request), request.params.id);
      await changed();
      return reply.status(204).send();
    },
  );
}
