import type { FastifyRequest } from 'fastify';
import { adminRegisterMessages } from './messages.js';

/** The line after a redirect (?notice=created|saved) on the register's staff pages. */
export function notice(request: FastifyRequest): string | null {
  const key = (request.query as Record<string, unknown>).notice;
  const m = adminRegisterMessages[request.lang];
  return key === 'created' ? m.created : key === 'saved' ? m.saved : null;
}
