import type { FastifyInstance } from 'fastify';
import type { FromSchema } from 'json-schema-to-ts';
import type { Db } from '../../../platform/db/database.js';
import { requireAllowed } from '../../../platform/auth/guards.js';
import { errorResponses } from '../../../platform/http/openapi.js';
import { actorOf } from '../../../platform/http/request-context.js';
import type { Lang } from '../../../platform/i18n/i18n.js';
import { planTarget } from '../route-target.js';
import { correctEntryBody, entrySchema, newEntryBody, planLogSchema } from './api-schemas.js';
import { correctLogEntry, readPlanLog, recordEntry, withdrawLogEntry } from './manage-action-log.js';
import { actionProgressLabels, entryKindLabels, type LogEntry } from './rules.js';

const planParams = {
  type: 'object',
  additionalProperties: false,
  required: ['id'],
  properties: { id: { type: 'string', maxLength: 64 } },
} as const;
const entryParams = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'entryId'],
  properties: { id: { type: 'string', maxLength: 64 }, entryId: { type: 'string', maxLength: 64 } },
} as const;

export function presentEntry(entry: LogEntry, lang: Lang, mayChange: boolean) {
  return {
    id: entry.id,
    planVersion: entry.planVersion,
    actionIndex: entry.actionIndex,
    actionText: entry.actionText,
    kind: entry.kind,
    kindName: entryKindLabels[entry.kind][lang],
    day: entry.day,
    time: entry.time,
    place: entry.place,
    withWhom: entry.withWhom,
    note: entry.note,
    completes: entry.completes,
    recordedBy: entry.recordedBy,
    recordedAt: entry.recordedAt.toISOString(),
    correctedAt: entry.correctedAt?.toISOString() ?? null,
    mayChange,
  };
}

/** The action log API (dziennik działań) of one plan: list, record, correct, withdraw. */
export function registerActionLogApi(app: FastifyInstance, db: Db): void {
  const tags = ['plans'];
  const base = '/api/v1/plans/:id/action-log';

  app.get<{ Params: FromSchema<typeof planParams> }>(
    base,
    {
      config: { access: 'plan.read_log', target: planTarget(db) },
      schema: {
        tags,
        summary:
          'The action log of a plan: each action of the version carried out with its status and entries (the district officer, the substitute, the unit’s supervisor and commander)',
        params: planParams,
        response: { 200: planLogSchema, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => {
      const log = await readPlanLog(db, requireAllowed(request, 'plan.read_log'), request.params.id);
      const lang = request.lang;
      return {
        planId: log.plan.id,
        status: log.plan.status,
        mayWrite: log.mayWrite,
        actions: log.actions.map((a) => ({
          ...a,
          progressName: actionProgressLabels[a.progress][lang],
          entries: a.entries.map((e) => presentEntry(e, lang, log.mayChange(e))),
        })),
        orphans: log.orphans.map((e) => presentEntry(e, lang, log.mayChange(e))),
      };
    },
  );

  app.post<{ Params: FromSchema<typeof planParams>; Body: FromSchema<typeof newEntryBody> }>(
    base,
    {
      config: { access: 'plan.log_action', target: planTarget(db) },
      schema: {
        tags,
        summary: 'Record what was done for one action of a published or started plan (the district officer or today’s substitute)',
        params: planParams,
        body: newEntryBody,
        response: { 201: entrySchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const principal = requireAllowed(request, 'plan.log_action');
      const entry = await recordEntry(db, principal, actorOf(request), request.params.id, request.body, request.lang);
      return reply.status(201).send(presentEntry(entry, request.lang, true));
    },
  );

  app.put<{ Params: FromSchema<typeof entryParams>; Body: FromSchema<typeof correctEntryBody> }>(
    `${base}/:entryId`,
    {
      config: { access: 'plan.log_action', target: planTarget(db) },
      schema: {
        tags,
        summary: 'Correct an entry: its author, within 7 days of recording it, while the plan is carried out',
        params: entryParams,
        body: correctEntryBody,
        response: { 200: entrySchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const principal = requireAllowed(request, 'plan.log_action');
      const { id, entryId } = request.params;
      const entry = await correctLogEntry(db, principal, actorOf(request), id, entryId, request.body, request.lang);
      return presentEntry(entry, request.lang, true);
    },
  );

  app.delete<{ Params: FromSchema<typeof entryParams> }>(
    `${base}/:entryId`,
    {
      config: { access: 'plan.log_action', target: planTarget(db) },
      schema: {
        tags,
        summary: 'Withdraw an entry (it is kept, marked, for the audit): its author, within 7 days of recording it',
        params: entryParams,
        response: { 204: { type: 'null' }, ...errorResponses(401, 403, 404) },
      },
    },
    async (request, reply) => {
      const { id, entryId } = request.params;
      await withdrawLogEntry(db, requireAllowed(request, 'plan.log_action'), actorOf(request), id, entryId);
      return reply.status(204).send();
    },
  );
}
