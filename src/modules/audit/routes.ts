import { createElement } from 'react';
import type { FastifyInstance } from 'fastify';
import type { FromSchema } from 'json-schema-to-ts';
import type { Database } from '../../platform/db/database.js';
import { requireAllowed } from '../../platform/auth/guards.js';
import { errorResponses } from '../../platform/http/openapi.js';
import { pageContext } from '../../platform/http/request-context.js';
import { sendPage } from '../../platform/render/render.js';
import { AuditLogPage } from './pages.js';
import { auditScopeOf, toAuditQuery, type AuditFilterInput } from './query.js';
import { auditPage, unitNamesOf } from './read-audit.js';
import { auditMessages } from './messages.js';
import type { AuditNames } from './words.js';
import { reportCategories } from '../reports/index.js';

const day = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' } as const;
const auditQuerySchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    entityType: { type: 'string', maxLength: 60 },
    entityId: { type: 'string', maxLength: 200 },
    action: { type: 'string', maxLength: 60 },
    actor: { type: 'string', maxLength: 64 },
    from: day,
    to: day,
    page: { type: 'integer', minimum: 1, maximum: 100_000, default: 1 },
    pageSize: { type: 'integer', minimum: 1, maximum: 200, default: 50 },
  },
} as const;

const entrySchema = {
  type: 'object',
  properties: {
    id: { type: 'integer' },
    at: { type: 'string', format: 'date-time' },
    actorId: { type: ['string', 'null'] },
    actorLabel: { type: 'string' },
    action: { type: 'string' },
    entityType: { type: 'string' },
    entityId: { type: ['string', 'null'] },
    unitId: { type: ['string', 'null'] },
    before: { type: ['object', 'null'], additionalProperties: true },
    after: { type: ['object', 'null'], additionalProperties: true },
    ip: { type: ['string', 'null'] },
    requestId: { type: ['string', 'null'] },
  },
} as const;

const PAGE_SIZE = 50;
// The filters offer every record type and action the log can hold: the ones its messages name.
export const auditEntityTypes = Object.keys(auditMessages.pl.entityTypes);
export const auditActions = Object.keys(auditMessages.pl.actions);

export function registerAuditRoutes(app: FastifyInstance, database: Database): void {
  const db = database.db;

  app.get<{ Querystring: FromSchema<typeof auditQuerySchema> }>(
    '/api/v1/audit',
    {
      config: { access: 'audit.read' },
      schema: {
        tags: ['audit'],
        summary: 'The audit log of my units, newest first (administrators)',
        querystring: auditQuerySchema,
        response: {
          200: {
            type: 'object',
            properties: {
              entries: { type: 'array', items: entrySchema },
              total: { type: 'integer' },
              page: { type: 'integer' },
              pageSize: { type: 'integer' },
            },
          },
          ...errorResponses(400, 401, 403),
        },
      },
    },
    async (request) => {
      const principal = requireAllowed(request, 'audit.read');
      const query = toAuditQuery(await auditScopeOf(db, principal), request.query);
      const result = await auditPage(db, query);
      return { ...result, page: query.page, pageSize: query.pageSize };
    },
  );

  app.get('/admin/audit', { config: { access: 'audit.read' }, schema: { hide: true } }, async (request, reply) => {
    const principal = requireAllowed(request, 'audit.read');
    const raw = request.query as Record<string, string | undefined>;
    const valid = (value: string | undefined, max: number) => (value && value.length <= max ? value : undefined);
    const filter: AuditFilterInput = {
      entityType: valid(raw.entityType, 60),
      entityId: valid(raw.entityId, 200),
      action: valid(raw.action, 60),
      actor: valid(raw.actor, 64),
      from: raw.from && /^\d{4}-\d{2}-\d{2}$/.test(raw.from) ? raw.from : undefined,
      to: raw.to && /^\d{4}-\d{2}-\d{2}$/.test(raw.to) ? raw.to : undefined,
      page: Math.max(1, Math.min(100_000, Number.parseInt(raw.page ?? '1', 10) || 1)),
      pageSize: PAGE_SIZE,
    };
    const query = toAuditQuery(await auditScopeOf(db, principal), filter);
    const [result, categories] = await Promise.all([auditPage(db, query), reportCategories(db)]);
    const settingUnits = result.entries.flatMap((e) => (e.entityType === 'setting' && e.unitId ? [e.unitId] : []));
    const names: AuditNames = {
      reportCategories: new Map(categories.map((category) => [category.code, category.name])),
      units: await unitNamesOf(db, [...new Set(settingUnits)]),
    };
    return sendPage(
      reply,
      createElement(AuditLogPage, {
        ctx: pageContext(request, reply),
        entries: result.entries,
        total: result.total,
        page: query.page,
        pageCount: Math.max(1, Math.ceil(result.total / PAGE_SIZE)),
        filter,
        entityTypes: auditEntityTypes,
        actions: auditActions,
        names,
      }),
    );
  });
}
