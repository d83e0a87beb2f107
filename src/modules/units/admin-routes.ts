import { createElement } from 'react';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Database } from '../../platform/db/database.js';
import { requireAllowed } from '../../platform/auth/guards.js';
import { roleMay } from '../../platform/auth/policy.js';
import type { FieldError } from '../../platform/http/errors.js';
import { formErrorsFrom, formFields, formNumber, validateForm } from '../../platform/http/forms.js';
import { actorOf, pageContext } from '../../platform/http/request-context.js';
import { compileSchema } from '../../platform/http/validation.js';
import { sendPage } from '../../platform/render/render.js';
import { UnitFormPage, UnitListPage, type UnitFormValues } from './admin-pages.js';
import { addUnit, editUnit, retireUnit } from './manage-units.js';
import { unitOptions } from './options.js';
import { activeUnitOr404, unitsUnder } from './read-units.js';
import { createUnitBody, unitFieldLabels, updateUnitBody } from './schemas.js';
import { assertUnitInScope } from '../access/index.js';
import type { Unit } from './model.js';
import { unitTarget } from './route-target.js';

const validateCreate = compileSchema(createUnitBody);
const validateUpdate = compileSchema(updateUnitBody);
const contactFields = ['street', 'postalCode', 'locality', 'phone', 'email', 'website', 'openingHours'] as const;

/** Form strings → the API's input: blanks are null, coordinates numbers, so one schema checks both. */
function unitInput(fields: Record<string, string>, creating: boolean, canMove: boolean): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const name of contactFields) input[name] = fields[name]?.trim() || null;
  if (fields.name?.trim()) input.name = fields.name.trim();
  // What is not a plain finite number ("0x1F", "1e309") stays text, so the schema says "must be a number".
  const coordinate = (text: string | undefined) => {
    const n = formNumber(text);
    return n === null ? undefined : Number.isNaN(n) ? text : n;
  };
  const lat = coordinate(fields.lat);
  const lon = coordinate(fields.lon);
  input.location = lat !== undefined || lon !== undefined ? { lat, lon } : null;
  if (creating) {
    if (fields.id?.trim()) input.id = fields.id.trim();
    if (fields.kind) input.kind = fields.kind;
    input.parentId = fields.parentId || null;
  } else if (canMove && fields.parentId) {
    input.parentId = fields.parentId;
  }
  return input;
}

const valuesOf = (unit: Unit): UnitFormValues => ({
  name: unit.name,
  parentId: unit.parentId ?? '',
  street: unit.street ?? '',
  postalCode: unit.postalCode ?? '',
  locality: unit.locality ?? '',
  phone: unit.phone ?? '',
  email: unit.email ?? '',
  website: unit.website ?? '',
  openingHours: unit.openingHours ?? '',
  lat: unit.location ? String(unit.location.lat) : '',
  lon: unit.location ? String(unit.location.lon) : '',
});

export function registerUnitAdminPages(app: FastifyInstance, database: Database, changed: () => Promise<void>): void {
  const db = database.db;

  app.get('/admin/units', { config: { access: 'register.edit' }, schema: { hide: true } }, async (request, reply) => {
    const principal = requireAllowed(request, 'register.edit');
    return sendPage(
      reply,
      createElement(UnitListPage, {
        ctx: pageContext(request, reply),
        units: await unitsUnder(db, principal.unitId),
        canAdd: roleMay(principal.role, 'unit.manage'),
      }),
    );
  });

  const form = async (request: FastifyRequest, reply: FastifyReply, id: string | null) => {
    const principal = requireAllowed(request, id ? 'register.edit' : 'unit.manage');
    const unit = id ? await activeUnitOr404(db, id) : null;
    if (unit) await assertUnitInScope(db, principal, unit.id, 'register.edit');
    const canMove = roleMay(principal.role, 'unit.manage') && unit?.id !== principal.unitId;
    const parents = (await unitOptions(db, principal.unitId)).filter((option) => option.value !== unit?.id);
    const render = (values: UnitFormValues, errors: FieldError[]) =>
      sendPage(
        reply,
        createElement(UnitFormPage, {
          ctx: pageContext(request, reply),
          unit,
          values,
          errors,
          parents,
          canMove,
          canRetire: roleMay(principal.role, 'unit.manage') && unit?.id !== principal.unitId,
        }),
        errors.length ? 400 : 200,
      );
    if (request.method === 'GET') return render(unit ? valuesOf(unit) : { parentId: principal.unitId, kind: 'KP' }, []);
    const fields = formFields(request.body);
    const input = unitInput(fields, !unit, canMove);
    let errors = validateForm(unit ? validateUpdate : validateCreate, input, request.lang, unitFieldLabels[request.lang]);
    if (errors.length === 0) {
      try {
        const saved = unit
          ? await editUnit(db, principal, actorOf(request), unit.id, input)
          : await addUnit(db, principal, actorOf(request), input as never);
        await changed();
        return reply.redirect(`/admin/units/${saved.id}?notice=saved`, 303);
      } catch (error) {
        errors = formErrorsFrom(error, request.lang);
      }
    }
    return render(fields, errors);
  };

  app.get('/admin/units/new', { config: { access: 'unit.manage' }, schema: { hide: true } }, (request, reply) =>
    form(request, reply, null),
  );
  app.post('/admin/units/new', { config: { access: 'unit.manage' }, schema: { hide: true } }, (request, reply) =>
    form(request, reply, null),
  );
  app.get<{ Params: { id: string } }>(
    '/admin/units/:id',
    { config: { access: 'register.edit', target: unitTarget(db) }, schema: { hide: true } },
    (request, reply) => form(request, reply, request.params.id),
  );
  app.post<{ Params: { id: string } }>(
    '/admin/units/:id',
    { config: { access: 'register.edit', target: unitTarget(db) }, schema: { hide: true } },
    (request, reply) => form(request, reply, request.params.id),
  );
  app.post<{ Params: { id: string } }>(
    '/admin/units/:id/retire',
    { config: { access: 'unit.manage', target: unitTarget(db) }, schema: { hide: true } },
    async (request, reply) => {
      const principal = requireAllowed(request, 'unit.manage');
      await retireUnit(db, principal, actorOf(request), request.params.id);
      await changed();
      return reply.redirect('/admin/units', 303);
    },
  );
}
