import { createElement } from 'react';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Database } from '../../../platform/db/database.js';
import { requireAllowed } from '../../../platform/auth/guards.js';
import { roleMay } from '../../../platform/auth/policy.js';
import type { FieldError } from '../../../platform/http/errors.js';
import { formErrorsFrom, formFields } from '../../../platform/http/forms.js';
import { actorOf, pageContext } from '../../../platform/http/request-context.js';
import { sendPage } from '../../../platform/render/render.js';
import type { Lang } from '../../../platform/i18n/i18n.js';
import { unitOptions, unitNameOf, unitsUnder } from '../../units/index.js';
import { assertUnitInScope } from '../../access/index.js';
import type { StreetRule } from '../area/types.js';
import { parseAreaText } from '../matching/area-text.js';
import type { Locator } from '../locator/locator.js';
import { createDistrict, restoreDistrict, retireDistrict, updateDistrict } from '../manage-districts.js';
import { assignOfficer, endAssignment } from '../manage-officers.js';
import type { District } from '../model.js';
import { assignmentOr404, assignmentsOf, districtAtOr404, districtsUnder, officersUnder } from '../read-districts.js';
import { formatRulesText, parseRulesText } from '../rules-text.js';
import { adminRegisterMessages } from './messages.js';
import { notice } from './notice.js';
import { registerOfficerAdminPages } from './officer-routes.js';
import { DistrictFormPage, DistrictListPage, type DistrictFormValues } from './pages.js';
import { assignmentTarget, districtTarget } from '../route-targets.js';

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

/** The register's staff pages: districts and their assignments here, officers in officer-routes.ts. */
export function registerDistrictAdminPages(app: FastifyInstance, database: Database, locator: Locator): void {
  const db = database.db;

  app.get<{ Querystring: { unit?: string } }>(
    '/admin/districts',
    { config: { access: 'register.read_staff' }, schema: { hide: true } },
    async (request, reply) => {
      const principal = requireAllowed(request, 'register.read_staff');
      const units = await unitOptions(db, principal.unitId);
      const unitId = units.some((u) => u.value === request.query.unit) ? request.query.unit : undefined;
      const names = new Map((await unitsUnder(db, principal.unitId)).map((u) => [u.id, u.name]));
      const districts = (await districtsUnder(db, unitId ?? principal.unitId, { includeRetired: true })).map((d) => ({
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
    const unitName = district ? await unitNameOf(db, district.unitId) : '';
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
        assignments: district ? await assignmentsOf(db, district.id) : [],
        officers: district ? await officersUnder(db, principal.unitId, { includeRetired: true }) : [],
        canEdit: roleMay(principal.role, 'register.edit'),
        canAssign: roleMay(principal.role, 'officer.assign'),
      }),
      errors.length ? 400 : 200,
    );
  };

  const loadDistrict = async (request: FastifyRequest, unit: string, number: string) => {
    const principal = requireAllowed(request, 'register.read_staff');
    const district = await districtAtOr404(db, unit, number);
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
    { config: { access: 'register.read_staff', target: districtTarget(db) }, schema: { hide: true } },
    async (request, reply) => {
      const { district } = await loadDistrict(request, request.params.unit, request.params.number);
      return showForm(request, reply, district, valuesOf(district), []);
    },
  );

  app.post<{ Params: { unit: string; number: string } }>(
    '/admin/districts/:unit/:number',
    { config: { access: 'register.edit', target: districtTarget(db) }, schema: { hide: true } },
    async (request, reply) => {
      const { district } = await loadDistrict(request, request.params.unit, request.params.number);
      return handleForm(request, reply, district);
    },
  );

  for (const action of ['retire', 'restore'] as const) {
    app.post<{ Params: { unit: string; number: string } }>(
      `/admin/districts/:unit/:number/${action}`,
      { config: { access: 'register.edit', target: districtTarget(db) }, schema: { hide: true } },
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
    { config: { access: 'officer.assign', target: districtTarget(db) }, schema: { hide: true } },
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
    { config: { access: 'officer.assign', target: assignmentTarget(db) }, schema: { hide: true } },
    async (request, reply) => {
      const principal = requireAllowed(request, 'officer.assign');
      const { assignment, district } = await assignmentOr404(db, request.params.id);
      const fields = formFields(request.body);
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

  registerOfficerAdminPages(app, database, locator);
}
