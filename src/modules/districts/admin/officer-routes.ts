import { createElement } from 'react';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Database } from '../../../platform/db/database.js';
import { requireAllowed } from '../../../platform/auth/guards.js';
import { roleMay } from '../../../platform/auth/policy.js';
import type { FieldError } from '../../../platform/http/errors.js';
import { formErrorsFrom, formFields } from '../../../platform/http/forms.js';
import { actorOf, pageContext } from '../../../platform/http/request-context.js';
import { sendPage } from '../../../platform/render/render.js';
import { unitOptions, unitsUnder } from '../../units/index.js';
import { assertUnitInScope } from '../../access/index.js';
import type { Locator } from '../locator/locator.js';
import { createOfficer, retireOfficer, updateOfficer } from '../manage-officers.js';
import type { OfficerPosition } from '../model.js';
import { officerOr404, officersUnder } from '../read-districts.js';
import { adminRegisterMessages } from './messages.js';
import { notice } from './notice.js';
import { OfficerFormPage, OfficerListPage } from './officer-pages.js';
import { officerTarget } from '../route-targets.js';
import { officerTextLimits } from '../officer-text.js';

/** The register's officers (staff pages): the list, a new officer, editing and retiring one. */
export function registerOfficerAdminPages(app: FastifyInstance, database: Database, locator: Locator): void {
  const db = database.db;

  app.get('/admin/officers', { config: { access: 'register.read_staff' }, schema: { hide: true } }, async (request, reply) => {
    const principal = requireAllowed(request, 'register.read_staff');
    const units = new Map((await unitsUnder(db, principal.unitId)).map((u) => [u.id, u.name]));
    return sendPage(
      reply,
      createElement(OfficerListPage, {
        ctx: pageContext(request, reply, notice(request)),
        officers: await officersUnder(db, principal.unitId),
        units,
        canEdit: roleMay(principal.role, 'register.edit'),
      }),
    );
  });

  const officerForm = async (request: FastifyRequest, reply: FastifyReply, officerId: string | null) => {
    const principal = requireAllowed(request, 'register.edit');
    const officer = officerId ? await officerOr404(db, officerId) : null;
    if (officer) await assertUnitInScope(db, principal, officer.unitId, 'register.edit');
    const units = await unitOptions(db, principal.unitId);
    const render = (values: Record<string, string | undefined>, errors: FieldError[]) =>
      sendPage(
        reply,
        createElement(OfficerFormPage, { ctx: pageContext(request, reply, notice(request)), officer, values, errors, units }),
        errors.length ? 400 : 200,
      );
    if (request.method === 'GET') {
      return render(
        officer
          ? {
              unitId: officer.unitId,
              rank: officer.rank,
              firstName: officer.firstName,
              lastName: officer.lastName,
              position: officer.position,
            }
          : { unitId: principal.unitId, position: 'district_officer' },
        [],
      );
    }
    const fields = formFields(request.body);
    const m = adminRegisterMessages[request.lang];
    const errors: FieldError[] = [];
    // the officer's limits (officer-text.ts); a unit id is at most 60 characters
    for (const [field, label, max] of [
      ['rank', m.rank, officerTextLimits.rank],
      ['firstName', m.firstName, officerTextLimits.firstName],
      ['lastName', m.lastName, officerTextLimits.lastName],
      ['unitId', m.unit, 60],
    ] as const) {
      if (!fields[field]?.trim())
        errors.push({
          field,
          code: 'required',
          message: request.lang === 'pl' ? `Pole „${label}” jest wymagane.` : `The field "${label}" is required.`,
        });
      else if (fields[field].trim().length > max)
        errors.push({
          field,
          code: 'maxLength',
          message:
            request.lang === 'pl'
              ? `Pole „${label}” może mieć co najwyżej ${max} znaków.`
              : `The field "${label}" may have at most ${max} characters.`,
        });
    }
    if (errors.length === 0) {
      const input = {
        unitId: fields.unitId!,
        rank: fields.rank!,
        firstName: fields.firstName!,
        lastName: fields.lastName!,
        position: (['district_officer', 'supervisor', 'commander', 'other'].includes(fields.position ?? '')
          ? fields.position
          : 'district_officer') as OfficerPosition,
      };
      try {
        const saved = officer
          ? await updateOfficer(db, principal, actorOf(request), officer.id, input)
          : await createOfficer(db, principal, actorOf(request), input);
        await locator.rebuild();
        return reply.redirect(`/admin/officers/${saved.id}?notice=${officer ? 'saved' : 'created'}`, 303);
      } catch (error) {
        errors.push(...formErrorsFrom(error, request.lang));
      }
    }
    return render(fields, errors);
  };

  app.get('/admin/officers/new', { config: { access: 'register.edit' }, schema: { hide: true } }, (request, reply) =>
    officerForm(request, reply, null),
  );
  app.post('/admin/officers/new', { config: { access: 'register.edit' }, schema: { hide: true } }, (request, reply) =>
    officerForm(request, reply, null),
  );
  app.get<{ Params: { id: string } }>(
    '/admin/officers/:id',
    { config: { access: 'register.edit', target: officerTarget(db) }, schema: { hide: true } },
    (request, reply) => officerForm(request, reply, request.params.id),
  );
  app.post<{ Params: { id: string } }>(
    '/admin/officers/:id',
    { config: { access: 'register.edit', target: officerTarget(db) }, schema: { hide: true } },
    (request, reply) => officerForm(request, reply, request.params.id),
  );
  app.post<{ Params: { id: string } }>(
    '/admin/officers/:id/retire',
    { config: { access: 'register.edit', target: officerTarget(db) }, schema: { hide: true } },
    async (request, reply) => {
      const principal = requireAllowed(request, 'register.edit');
      await retireOfficer(db, principal, actorOf(request), request.params.id);
      await locator.rebuild();
      return reply.redirect('/admin/officers?notice=saved', 303);
    },
  );
}
