import type { FastifyInstance } from 'fastify';
import type { Database } from '../db/database.js';
import { appVersion } from '../config/config.js';

const healthSchema = {
  type: 'object',
  required: ['status', 'database', 'version'],
  properties: {
    status: { type: 'string', enum: ['ok', 'unavailable'] },
    database: { type: 'string', enum: ['embedded', 'postgres'] },
    version: { type: 'string' },
  },
} as const;

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
