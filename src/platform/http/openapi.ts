import type { FastifyInstance } from 'fastify';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { appVersion } from '../config/config.js';

/** The error envelope every API error uses. */
export const errorSchema = {
  $id: 'Error',
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: {
        code: { type: 'string', description: 'Stable machine-readable code, e.g. validation_failed' },
        message: { type: 'string', description: 'Human-readable message in Polish, or English with Accept-Language: en' },
        details: { description: 'Field errors for validation_failed; request id for internal errors' },
      },
    },
  },
} as const;

/** Standard error responses for a route's schema. */
export function errorResponses(...statuses: number[]): Record<number, { $ref: string }> {
  return Object.fromEntries(statuses.map((status) => [status, { $ref: 'Error#' }]));
}

export async function registerOpenApi(app: FastifyInstance): Promise<void> {
  app.addSchema(errorSchema);
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Dzielnicowy API',
        version: appVersion,
        description:
          'Public and staff API of Dzielnicowy. Errors use one envelope: {"error":{"code","message","details"}}. ' +
          'Messages are in Polish; send Accept-Language: en for English. Staff calls use the session cookie ' +
          'and, for writes, the CSRF token from GET /api/v1/session in the x-csrf-token header.',
        license: { name: 'AGPL-3.0-or-later' },
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'dz_session' },
          csrf: { type: 'apiKey', in: 'header', name: 'x-csrf-token' },
        },
      },
    },
    refResolver: { buildLocalReference: (json, _baseUri, _fragment, i) => (typeof json.$id === 'string' ? json.$id : `def-${i}`) },
  });
  await app.register(swaggerUi, {
    routePrefix: '/api/docs',
    staticCSP: true,
    uiConfig: { docExpansion: 'list', deepLinking: true },
  });
  app.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, () => app.swagger());
}
