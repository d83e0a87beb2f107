import { createElement } from 'react';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Database } from '../../../platform/db/database.js';
import { requireAllowed } from '../../../platform/auth/guards.js';
import { roleMay } from '../../../platform/auth/policy.js';
import { AppError, type FieldError } from '../../../platform/http/errors.js';
import { formErrorsFrom, formFields } from '../../../platform/http/forms.js';
import { actorOf, pageContext } from '../../../platform/http/request-context.js';
import { sendPage } from '../../../platform/render/render.js';
import type { Lang } from '../../../platform/i18n/i18n.js';
import { unitOptions, listSubtree, findUnit } from '../../units/index.js';
import { assertUnitInScope } from '../../access/index.js';
import type { StreetRule } from '../area/types.js';
import { parseAreaText } from '../matching/area-text.js';
import type { Locator } from '../locator/locator.js';
import { createDistrict, restoreDistrict, retireDistrict, updateDistrict } from '../manage-districts.js';
import { assignOfficer, createOfficer, endAssignment, retireOfficer, updateOfficer } from '../manage-officers.js';
import { districtErrors } from '../messages.js';
import { districtId, type District, type OfficerPosition } from '../model.js';
import { findAssignment, findDistrict, findOfficer, listAssignments, listDistricts, listOfficers } from '../repository.js';
import { formatRulesText, parseRulesText } from '../rules-text.js';
import { adminRegisterMessages } from './messages.js';
import { DistrictFormPage, DistrictListPage, OfficerFormPage, OfficerListPage, type DistrictFormValues } from './pages.js';

function notice(request: FastifyRequest): string | null {
  const key = (request.query as Record<string, unknown>).notice;
  const m = adminRegisterMessages[request.lang];
  return key === 'created' ? m.created : key === 'saved' ? m.saved : null;
}

function rulesFromText(text: string, lang: Lang): { rules: StreetRule[]; errors: FieldError[] } {
  const { rules, problems } = parseRulesText(text);
  const prefix = lang === 'pl' ? 'Obszar, wiersz' : 'Area, line';
  return {
    rules,
    errors: problems.map((problem) => ({
      field: 'rules',
      code: 'invalid_rule',
      message: `${prefix} ${problem.line}: ${problem.message[lang]}`,
    })),
  };
}

function polygonFromText(text: string, lang: Lang): { polygon: unknown; errors: FieldError[] } {
  if (!text.trim()) return { polygon: null, errors: [] };
  try {
    const value = JSON.parse(text) as { type?: string; geometry?: unknown };
    return { polygon: value.type === 'Feature' ? value.geometry : value, errors: [] };
  } catch {
    return {
      polygon: undefined,
      errors: [
        {
          field: 'polygon',
          code: 'invalid_json',
          message: lang === 'pl' ? 'Obszar na mapie nie jest poprawnym GeoJSON-em.' : 'The map area is not valid GeoJSON.',
        },
      ],
    };
  }
}

export function registerDistrictAdminPages(app: FastifyInstance, database: Database, locator: Locator): void {
  const db = database.db;

  app.get<{ Querystring: { unit?: string } }>(
    '/admin/districts',
    { config: { access: 'register.read_staff' }, schema: { hide: true } },
    async (request, reply) => {
      const principal = requireAllowed(request, 'register.read_staff');
      const units = await unitOptions(db, principal.unitId);
      const unitId = units.some((u) => u.value === request.query.unit) ? request.query.unit : undefined;
      const names = new Map((await listSubtree(db, principal.unitId)).map((u) => [u.id, u.name]));
      const districts = (await listDistricts(db, { subtreeOf: unitId ?? principal.unitId, includeRetired: true })).map((d) => ({
        ...d,
        unitName: names.get(d.unitId) ?? d.unitId,
      }));
      const register = await locator.current();
      const cards = new Map(
        districts.map((d) => [d.id, register.card(d.id)!]).filter(([, card]) => card !== undefined) as [
          string,
          NonNullable<ReturnType<typeof register.card>>,
        ][],
      );
      return sendPage(
        reply,
        createElement(DistrictListPage, {
          ctx: pageContext(request, reply),
          units,
          unitId,
          districts,
          cards,
          canEdit: roleMay(principal.role, 'register.edit'),
        }),
      );
    },
  );

  const showForm = async (
    request: FastifyRequest,
    reply: FastifyReply,
    district: District | null,
    values: DistrictFormValues,
    errors: FieldError[],
    extra: { info?: string | null; warnings?: string[] } = {},
  ) => {
    const principal = requireAllowed(request, 'register.read_staff');
    const unitName = district ? ((await findUnit(db, district.unitId))?.name ?? district.unitId) : '';
    return sendPage(
      reply,
      createElement(DistrictFormPage, {
        ctx: pageContext(request, reply, notice(request)),
        district,
        unitName,
        units: await unitOptions(db, principal.unitId),
        values,
        errors,
        info: extra.info ?? null,
        warnings: extra.warnings ?? [],
        assignments: district ? await listAssignments(db, { districtId: district.id }) : [],
        officers: district ? await listOfficers(db, { subtreeOf: principal.unitId, includeRetired: true }) : [],
        canEdit: roleMay(principal.role, 'register.edit'),
        canAssign: roleMay(principal.role, 'officer.assign'),
      }),
      errors.length ? 400 : 200,
    );
  };

  const loadDistrict = async (request: FastifyRequest, unit: string, number: string) => {
    const principal = requireAllowed(request, 'register.read_staff');
    const n = Number(number);
    const district = Number.isInteger(n) ? await findDistrict(db, districtId(unit, n)) : undefined;
    if (!district) throw new AppError(404, 'district_not_found', districtErrors.notFound());
    await assertUnitInScope(db, principal, district.unitId, 'register.read_staff');
    return { principal, district };
  };

  const valuesOf = (district: District): DistrictFormValues => ({
    name: district.name,
    phone: district.phone ?? '',
    email: district.email ?? '',
    rulesText: formatRulesText(district.rules),
    polygonText: district.polygon ? JSON.stringify(district.polygon) : '',
  });

  app.get<{ Querystring: { unit?: string } }>(
    '/admin/districts/new',
    { config: { access: 'register.edit' }, schema: { hide: true } },
    async (request, reply) => {
      const principal = requireAllowed(request, 'register.edit');
      return showForm(request, reply, null, { unitId: request.query.unit ?? principal.unitId }, []);
    },
  );

  /** The form's save and "recognise the pasted description" buttons, for a new or an existing district. */
  const handleForm = async (request: FastifyRequest, reply: FastifyReply, district: District | null) => {
    const principal = requireAllowed(request, 'register.edit');
    const fields = formFields(request.body);
    const lang = request.lang;
    const values: DistrictFormValues = {
      unitId: fields.unitId,
      number: fields.number,
      name: fields.name,
      phone: fields.phone,
      email: fields.email,
      rulesText: fields.rules ?? '',
      polygonText: fields.polygon ?? '',
      areaText: fields.areaText ?? '',
      areaLocality: fields.areaLocality ?? '',
    };
    if (fields.intent === 'recognise') {
      const parsed = parseAreaText(values.areaText ?? '', values.areaLocality?.trim() || undefined);
      const existing = parseRulesText(values.rulesText ?? '').rules;
      const merged = [...existing, ...parsed.rules.filter((rule) => !existing.some((e) => JSON.stringify(e) === JSON.stringify(rule)))];
      values.rulesText = formatRulesText(merged);
      const m = adminRegisterMessages[lang];
      return showForm(request, reply, district, values, [], {
        info: m.recognised(parsed.rules.length),
        warnings: parsed.warnings.map((warning) => (typeof warning === 'string' ? warning : warning[lang])),
      });
    }
    const rules = rulesFromText(values.rulesText ?? '', lang);
    const polygon = polygonFromText(values.polygonText ?? '', lang);
    const errors: FieldError[] = [...rules.errors, ...polygon.errors];
    const m = adminRegisterMessages[lang];
    const required = (field: 'name' | 'number' | 'unitId', label: string) => {
      if (!values[field]?.trim())
        errors.push({
          field,
          code: 'required',
          message: lang === 'pl' ? `Pole „${label}” jest wymagane.` : `The field "${label}" is required.`,
        });
    };
    required('name', m.name);
    if (!district) {
      required('unitId', m.unit);
      required('number', m.number);
      const number = Number(values.number);
      if (values.number?.trim() && (!Number.isInteger(number) || number < 1 || number > 9999)) {
        errors.push({
          field: 'number',
          code: 'range',
          message:
            lang === 'pl' ? 'Numer rejonu musi być liczbą od 1 do 9999.' : 'The district number must be a whole number from 1 to 9999.',
        });
      }
    }
    if (errors.length === 0) {
      const input = {
        name: values.name!.trim(),
        phone: values.phone?.trim() || null,
        email: values.email?.trim() || null,
        rules: rules.rules,
        polygon: polygon.polygon,
      };
      try {
        const saved = district
          ? await updateDistrict(db, principal, actorOf(request), district.id, input)
          : await createDistrict(db, principal, actorOf(request), { ...input, unitId: values.unitId!, number: Number(values.number) });
        await locator.rebuild();
        return reply.redirect(`/admin/districts/${saved.id}?notice=${district ? 'saved' : 'created'}`, 303);
      } catch (error) {
        errors.push(...formErrorsFrom(error, lang));
      }
    }
    return showForm(request, reply, district, values, errors);
  };

  app.post('/admin/districts/new', { config: { access: 'register.edit' }, schema: { hide: true } }, (request, reply) =>
    handleForm(request, reply, null),
  );

  app.get<{ Params: { unit: string; number: string } }>(
    '/admin/districts/:unit/:number',
    { config: { access: 'register.read_staff' }, schema: { hide: true } },
    async (request, reply) => {
      const { district } = await loadDistrict(request, request.params.unit, request.params.number);
      return showForm(request, reply, district, valuesOf(district), []);
    },
  );

  app.post<{ Params: { unit: string; number: string } }>(
    '/admin/districts/:unit/:number',
    { config: { access: 'register.edit' }, schema: { hide: true } },
    async (request, reply) => {
      const { district } = await loadDistrict(request, request.params.unit, request.params.number);
      return handleForm(request, reply, district);
    },
  );

  for (const action of ['retire', 'restore'] as const) {
    app.post<{ Params: { unit: string; number: string } }>(
      `/admin/districts/:unit/:number/${action}`,
      { config: { access: 'register.edit' }, schema: { hide: true } },
      async (request, reply) => {
        const { principal, district } = await loadDistrict(request, request.params.unit, request.params.number);
        if (action === 'retire') await retireDistrict(db, principal, actorOf(request), district.id);
        else await restoreDistrict(db, principal, actorOf(request), district.id);
        await locator.rebuild();
        return reply.redirect(`/admin/districts/${district.id}?notice=saved`, 303);
      },
    );
  }

  app.post<{ Params: { unit: string; number: string } }>(
    '/admin/districts/:unit/:number/assignments',
    { config: { access: 'officer.assign' }, schema: { hide: true } },
    async (request, reply) => {
      const { principal, district } = await loadDistrict(request, request.params.unit, request.params.number);
      const fields = formFields(request.body);
      const lang = request.lang;
      const m = adminRegisterMessages[lang];
      const errors: FieldError[] = [];
      if (!fields.officerId)
        errors.push({
          field: 'officerId',
          code: 'required',
          message: lang === 'pl' ? `Pole „${m.officer}” jest wymagane.` : `The field "${m.officer}" is required.`,
        });
      if (!fields.startsOn)
        errors.push({
          field: 'startsOn',
          code: 'required',
          message: lang === 'pl' ? `Pole „${m.from}” jest wymagane.` : `The field "${m.from}" is required.`,
        });
      if (errors.length === 0) {
        try {
          await assignOfficer(db, principal, actorOf(request), district.id, {
            officerId: fields.officerId!,
            kind: fields.kind === 'substitute' ? 'substitute' : 'regular',
            startsOn: fields.startsOn!,
            endsOn: fields.endsOn || null,
          });
          await locator.rebuild();
          return reply.redirect(`/admin/districts/${district.id}?notice=saved#assignments`, 303);
        } catch (error) {
          errors.push(...formErrorsFrom(error, lang));
        }
      }
      return showForm(request, reply, district, valuesOf(district), errors);
    },
  );

  app.post<{ Params: { id: string } }>(
    '/admin/assignments/:id/end',
    { config: { access: 'officer.assign' }, schema: { hide: true } },
    async (request, reply) => {
      const principal = requireAllowed(request, 'officer.assign');
      const assignment = await findAssignment(db, request.params.id);
      if (!assignment) throw new AppError(404, 'assignment_not_found', districtErrors.assignmentNotFound());
      const fields = formFields(request.body);
      const district = (await findDistrict(db, assignment.districtId))!;
      try {
        await endAssignment(db, principal, actorOf(request), assignment.id, fields.endsOn ?? '');
      } catch (error) {
        return showForm(
          request,
          reply,
          district,
          valuesOf(district),
          formErrorsFrom(error, request.lang).map((e) => ({ ...e, field: 'form' })),
        );
      }
      await locator.rebuild();
      return reply.redirect(`/admin/districts/${district.id}?notice=saved#assignments`, 303);
    },
  );

  // Officers
  app.get('/admin/officers', { config: { access: 'register.read_staff' }, schema: { hide: true } }, async (request, reply) => {
    const principal = requireAllowed(request, 'register.read_staff');
    const units = new Map((await listSubtree(db, principal.unitId)).map((u) => [u.id, u.name]));
    return sendPage(
      reply,
      createElement(OfficerListPage, {
        ctx: pageContext(request, reply, notice(request)),
        officers: await listOfficers(db, { subtreeOf: principal.unitId }),
        units,
        canEdit: roleMay(principal.role, 'register.edit'),
      }),
    );
  });

  const officerForm = async (request: FastifyRequest, reply: FastifyReply, officerId: string | null) => {
    const principal = requireAllowed(request, 'register.edit');
    const officer = officerId ? ((await findOfficer(db, officerId)) ?? null) : null;
    if (officerId && !officer) throw new AppError(404, 'officer_not_found', districtErrors.officerNotFound());
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
    for (const [field, label] of [
      ['rank', m.rank],
      ['firstName', m.firstName],
      ['lastName', m.lastName],
      ['unitId', m.unit],
    ] as const) {
      if (!fields[field]?.trim())
        errors.push({
          field,
          code: 'required',
          message: request.lang === 'pl' ? `Pole „${label}” jest wymagane.` : `The field "${label}" is required.`,
        });
      else if (fields[field]!.trim().length > 80)
        errors.push({
          field,
          code: 'maxLength',
          message:
            request.lang === 'pl'
              ? `Pole „${label}” może mieć co najwyżej 80 znaków.`
              : `The field "${label}" may have at most 80 characters.`,
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
    { config: { access: 'register.edit' }, schema: { hide: true } },
    (request, reply) => officerForm(request, reply, request.params.id),
  );
  app.post<{ Params: { id: string } }>(
    '/admin/officers/:id',
    { config: { access: 'register.edit' }, schema: { hide: true } },
    (request, reply) => officerForm(request, reply, request.params.id),
  );
  app.post<{ Params: { id: string } }>(
    '/admin/officers/:id/retire',
    { config: { access: 'register.edit' }, schema: { hide: true } },
    async (request, reply) => {
      const principal = requireAllowed(request, 'register.edit');
      await retireOfficer(db, principal, actorOf(request), request.params.id);
      await locator.rebuild();
      return reply.redirect('/admin/officers?notice=saved', 303);
    },
  );
}
