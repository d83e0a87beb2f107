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
    reason: { type: 'string' },
  },
} as const;

function describeFailure(error: unknown): string {
  const err = error as NodeJS.ErrnoException;
  const detail = err?.code && !String(err.message).includes(err.code) ? `${err.code}: ${err.message}` : String(err?.message ?? error);
  return `database unreachable (${detail.slice(0, 200)})`;
}

/** GET /health: is the app up and can it reach its database? For load balancers and monitoring. */
export function registerHealth(app: FastifyInstance, database: Database): void {
  app.get(
    '/health',
    {
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
        const reason = describeFailure(error);
        request.log.warn({ reason }, 'health check failed');
        return reply.status(503).send({ status: 'unavailable', database: database.kind, version: appVersion, reason });
      }
    },
  );
}
