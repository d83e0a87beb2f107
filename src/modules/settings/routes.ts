import { createElement } from 'react';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Database } from '../../platform/db/database.js';
import { requireAllowed } from '../../platform/auth/guards.js';
import { AppError, httpErrors, ValidationError, type FieldError } from '../../platform/http/errors.js';
import { formErrorsFrom, formFields } from '../../platform/http/forms.js';
import { errorResponses } from '../../platform/http/openapi.js';
import { actorOf, pageContext } from '../../platform/http/request-context.js';
import { sendPage } from '../../platform/render/render.js';
import { settingGroups } from './catalog.js';
import { changeSettings } from './change-settings.js';
import { settingsMessages } from './messages.js';
import { settingsOverview, viewerOf, type SettingView, type Viewer } from './overview.js';
import { SettingsPage, settingsUrl } from './pages.js';
import { valueProblem, type StoredValue } from './rules.js';

const localized = { type: 'object', required: ['pl', 'en'], properties: { pl: { type: 'string' }, en: { type: 'string' } } };
const value = { anyOf: [{ type: 'number' }, { type: 'array', items: { type: 'number' } }] };
const change = { type: ['string', 'null'], format: 'date-time' };
const settingSchema = {
  type: 'object',
  required: [
    'id',
    'group',
    'type',
    'unit',
    'min',
    'max',
    'tighten',
    'default',
    'label',
    'explanation',
    'regulation',
    'national',
    'voivodeships',
  ],
  properties: {
    id: { type: 'string' },
    group: { type: 'string', enum: settingGroups },
    type: { type: 'string', enum: ['integer', 'decimal', 'integerList'] },
    unit: { type: 'string' },
    min: { type: 'number' },
    max: { type: 'number' },
    tighten: {
      type: ['string', 'null'],
      enum: ['lower', 'higher', null],
      description: 'Which way a voivodeship may tighten it; null: national only',
    },
    default: value,
    label: localized,
    explanation: localized,
    regulation: { ...localized, type: ['object', 'null'] },
    national: {
      type: 'object',
      required: ['value', 'changedAt', 'changedBy'],
      properties: { value, changedAt: change, changedBy: { type: ['string', 'null'] } },
    },
    voivodeships: {
      type: 'array',
      items: {
        type: 'object',
        required: ['unitId', 'unitName', 'value', 'inEffect', 'changedAt', 'changedBy'],
        properties: {
          unitId: { type: 'string' },
          unitName: { type: 'string' },
          value,
          inEffect: { type: 'boolean', description: 'false: the national value is stricter, so this value has no effect' },
          changedAt: { type: 'string', format: 'date-time' },
          changedBy: { type: ['string', 'null'] },
        },
      },
    },
  },
};

/** A setting as the API tells it; a damaged stored voivodeship value (not in force) is left out. */
function present(view: SettingView) {
  const d = view.definition;
  return {
    id: view.id,
    group: d.group,
    type: d.type,
    unit: d.unit,
    min: d.min,
    max: d.max,
    tighten: d.tighten,
    default: view.defaultValue,
    label: d.label,
    explanation: d.explanation,
    regulation: d.regulation,
    national: {
      value: view.national,
      changedAt: view.nationalChange?.at.toISOString() ?? null,
      changedBy: view.nationalChange?.by ?? null,
    },
    voivodeships: view.voivodeships
      .filter((v) => valueProblem(view.id, v.value) === null)
      .map((v) => ({
        unitId: v.unitId,
        unitName: v.unitName,
        value: v.value as StoredValue,
        inEffect: v.inEffect,
        changedAt: v.change.at.toISOString(),
        changedBy: v.change.by,
      })),
  };
}

/** A field as typed: empty is null (no own value), a list is numbers by commas, a number may use a decimal comma. */
function parseTyped(text: string, list: boolean): StoredValue | null {
  const trimmed = text.trim();
  if (trimmed === '') return list ? [] : null;
  const number = (part: string) => (/^-?\d{1,6}([.,]\d{1,6})?$/.test(part) ? Number(part.replace(',', '.')) : Number.NaN);
  return list
    ? trimmed
        .split(/[\s,;]+/)
        .filter(Boolean)
        .map(number)
    : number(trimmed);
}

const same = (a: StoredValue | null, b: StoredValue | null) => JSON.stringify(a) === JSON.stringify(b);

/** The changes a group's form asks for: only the fields whose value differs from what the form showed. */
function formChanges(settings: SettingView[], viewer: Viewer, fields: Record<string, string>): Record<string, StoredValue | null> {
  const changes: Record<string, StoredValue | null> = {};
  for (const setting of settings) {
    const typed = fields[setting.id];
    if (typed === undefined) continue;
    const list = setting.definition.type === 'integerList';
    const wanted = parseTyped(typed, list);
    const shown =
      viewer.kind === 'national'
        ? setting.national
        : ((setting.voivodeships.find((v) => viewer.kind === 'voivodeship' && v.unitId === viewer.unitId)?.value as StoredValue) ?? null);
    // An emptied list in a voivodeship's form means "no own value", as an emptied number does.
    const meant = viewer.kind === 'voivodeship' && list && Array.isArray(wanted) && wanted.length === 0 ? null : wanted;
    if (!same(meant, shown)) changes[setting.id] = meant;
  }
  return changes;
}

/** The settings page (/admin/settings) and API (/api/v1/admin/settings); the older settings pages lead here. */
export function registerSettingsRoutes(app: FastifyInstance, database: Database): void {
  const db = database.db;

  app.get(
    '/api/v1/admin/settings',
    {
      config: { access: 'settings.manage' },
      schema: {
        tags: ['settings'],
        summary: 'Every setting an administrator can change: default, range, national value and voivodeships’ tightening',
        response: {
          200: { type: 'object', required: ['settings'], properties: { settings: { type: 'array', items: settingSchema } } },
          ...errorResponses(401, 403),
        },
      },
    },
    async () => ({ settings: (await settingsOverview(db)).map(present) }),
  );

  app.put<{ Params: { id: string }; Body: { value: StoredValue | null; unitId?: string } }>(
    '/api/v1/admin/settings/:id',
    {
      config: { access: 'settings.manage' },
      schema: {
        tags: ['settings'],
        summary: 'Set a national value (national administrator) or a voivodeship’s tightening (unitId of a KWP/KSP); null removes it',
        params: { type: 'object', required: ['id'], properties: { id: { type: 'string', maxLength: 100 } } },
        body: {
          type: 'object',
          additionalProperties: false,
          required: ['value'],
          properties: {
            value: { anyOf: [{ type: 'number' }, { type: 'array', maxItems: 20, items: { type: 'number' } }, { type: 'null' }] },
            unitId: { type: 'string', maxLength: 60 },
          },
        },
        response: { 200: settingSchema, ...errorResponses(400, 401, 403, 422) },
      },
    },
    async (request) => {
      const principal = requireAllowed(request, 'settings.manage');
      const { id } = request.params;
      const unitId = request.body.unitId ?? null;
      await changeSettings({ db, principal, actor: actorOf(request), unitId, values: { [id]: request.body.value }, lang: request.lang });
      return present((await settingsOverview(db)).find((s) => s.id === id)!);
    },
  );

  app.delete<{ Params: { id: string }; Querystring: { unitId: string } }>(
    '/api/v1/admin/settings/:id',
    {
      config: { access: 'settings.manage' },
      schema: {
        tags: ['settings'],
        summary: 'Remove a voivodeship’s tightening: its units follow the national value again',
        params: { type: 'object', required: ['id'], properties: { id: { type: 'string', maxLength: 100 } } },
        querystring: { type: 'object', required: ['unitId'], properties: { unitId: { type: 'string', maxLength: 60 } } },
        response: { 204: { type: 'null' }, ...errorResponses(400, 401, 403, 404, 422) },
      },
    },
    async (request, reply) => {
      const principal = requireAllowed(request, 'settings.manage');
      const { id } = request.params;
      const { unitId } = request.query;
      const stored = (await settingsOverview(db)).find((s) => s.id === id)?.voivodeships.some((v) => v.unitId === unitId);
      await changeSettings({ db, principal, actor: actorOf(request), unitId, values: { [id]: null }, lang: request.lang });
      if (!stored)
        throw new AppError(404, 'setting_not_found', {
          pl: 'Ta jednostka nie ma własnej wartości tego ustawienia.',
          en: 'This unit has no value of its own for this setting.',
        });
      return reply.code(204).send();
    },
  );

  const show = async (
    request: FastifyRequest,
    reply: FastifyReply,
    viewer: Viewer,
    errors: FieldError[] = [],
    values: Record<string, string> = {},
  ) => {
    const saved = (request.query as Record<string, unknown>).notice === 'saved' && errors.length === 0;
    return sendPage(
      reply,
      createElement(SettingsPage, {
        ctx: pageContext(request, reply, saved ? settingsMessages[request.lang].saved : null),
        settings: await settingsOverview(db),
        viewer,
        errors,
        values,
      }),
      errors.length ? 400 : 200,
    );
  };

  // `?wojewodztwo=<id>`: a national administrator sees and changes one voivodeship's tightening.
  const pageQuery = {
    type: 'object',
    properties: { wojewodztwo: { type: 'string', maxLength: 60 }, notice: { type: 'string', maxLength: 20 } },
  } as const;
  app.get<{ Querystring: { wojewodztwo?: string } }>(
    settingsUrl,
    { config: { access: 'settings.manage' }, schema: { hide: true, querystring: pageQuery } },
    async (request, reply) => {
      const principal = requireAllowed(request, 'settings.manage');
      return show(request, reply, await viewerOf(db, principal, request.query.wojewodztwo || undefined));
    },
  );

  app.post(settingsUrl, { config: { access: 'settings.manage' }, schema: { hide: true } }, async (request, reply) => {
    const principal = requireAllowed(request, 'settings.manage');
    const fields = formFields(request.body);
    const group = settingGroups.find((g) => g === fields.group);
    // A national administrator's form for a voivodeship carries its id; another person's own unit decides.
    const viewer = await viewerOf(db, principal, fields.unitId || undefined);
    if (viewer.kind === 'readOnly') throw httpErrors.forbidden();
    try {
      if (!group)
        throw new ValidationError([
          { field: 'form', code: 'invalid', message: { pl: 'Nieznana grupa ustawień.', en: 'Unknown group of settings.' }[request.lang] },
        ]);
      const settings = (await settingsOverview(db)).filter((s) => s.definition.group === group);
      await changeSettings({
        db,
        principal,
        actor: actorOf(request),
        unitId: viewer.kind === 'voivodeship' ? viewer.unitId : null,
        values: formChanges(settings, viewer, fields),
        lang: request.lang,
      });
    } catch (error) {
      return show(request, reply, viewer, formErrorsFrom(error, request.lang), fields);
    }
    const forVoivodeship = viewer.kind === 'voivodeship' && viewer.forNational ? `wojewodztwo=${encodeURIComponent(viewer.unitId)}&` : '';
    return reply.redirect(`${settingsUrl}?${forVoivodeship}notice=saved#${group}`, 303);
  });

  // The older pages of single groups lead to their group here (one page, one storage).
  app.get('/admin/dashboard/settings', { config: { access: 'settings.manage' }, schema: { hide: true } }, async (_request, reply) =>
    reply.redirect(`${settingsUrl}#dashboard`, 302),
  );
}
