import type { FastifyInstance } from 'fastify';
import type { Database } from '../db/database.js';
import { appVersion } from '../config/config.js';
import type { IndexBoard } from '../observe/index-board.js';
import { readinessCheck } from '../observe/readiness.js';

const healthSchema = {
  type: 'object',
  required: ['status', 'database', 'version'],
  properties: {
    status: { type: 'string', enum: ['ok', 'unavailable'] },
    database: { type: 'string', enum: ['embedded', 'postgres'] },
    version: { type: 'string' },
  },
} as const;

const liveSchema = {
  type: 'object',
  required: ['status', 'version'],
  properties: { status: { type: 'string', enum: ['ok'] }, version: { type: 'string' } },
} as const;

const readySchema = {
  type: 'object',
  required: ['status', 'database', 'migrations', 'indexes', 'version'],
  properties: {
    status: { type: 'string', enum: ['ready', 'not_ready'] },
    database: { type: 'string', enum: ['ok', 'unavailable'] },
    migrations: { type: 'string', enum: ['applied', 'pending', 'unknown'] },
    indexes: { type: 'object', additionalProperties: { type: 'string', enum: ['ready', 'loading'] } },
    version: { type: 'string' },
  },
} as const;

/**
 * GET /health/live: the process runs and its event loop answers; no database asked, so an
 * orchestrator restarts the process only when restarting can help (a database outage is not that).
 * GET /health/ready: may this instance take traffic? The database answers, every migration this
 * code knows is applied, and the in-memory indexes (the locator's register, the public report
 * index) are loaded; 503 until then, so a load balancer sends nothing to an instance still starting.
 */
export function registerProbes(app: FastifyInstance, database: Database, indexes: IndexBoard): void {
  const readiness = readinessCheck(database, indexes);
  const system = { tags: ['system'] };
  app.get(
    '/health/live',
    { config: { access: 'public' }, schema: { ...system, summary: 'Liveness: the process answers', response: { 200: liveSchema } } },
    async (_request, reply) => {
      reply.header('cache-control', 'no-store');
      return { status: 'ok' as const, version: appVersion };
    },
  );
  app.get(
    '/health/ready',
    {
      config: { access: 'public' },
      schema: { ...system, summary: 'Readiness: database, migrations and indexes', response: { 200: readySchema, 503: readySchema } },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      const { ready, ...checks } = await readiness(request.log);
      return reply.status(ready ? 200 : 503).send({ status: ready ? 'ready' : 'not_ready', ...checks, version: appVersion });
    },
  );
}

/**
 * GET /health: is the app up and can it reach its database? For load balancers and monitoring.
 * Anyone may ask, so an outage is only "unavailable": the database's error (host names, ports,
 * user names, versions) goes to the log for the operator.
 */
export function registerHealth(app: FastifyInstance, database: Database): void {
  app.get(
    '/health',
    {
      config: { access: 'public' },
      schema: {
        tags: ['system'],
        summary: 'Health of the application and its database',
        response: { 200: healthSchema, 503: healthSchema },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      try {
        await database.ping();
        return { status: 'ok', database: database.kind, version: appVersion };
      } catch (error) {
        request.log.error({ err: error }, 'health check failed: the database does not answer');
        return reply.status(503).send({ status: 'unavailable', database: database.kind, version: appVersion });
      }
    },
  );
}
