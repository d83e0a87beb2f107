import type { FastifyRequest } from 'fastify';
import { httpErrors } from '../http/errors.js';
import type { Principal, Role } from './principal.js';

/** The signed-in account; otherwise 401 (pages redirect to the sign-in form). */
export function requireSignedIn(request: FastifyRequest): Principal {
  if (!request.principal) throw httpErrors.unauthorized();
  return request.principal;
}

/** The signed-in account if it has one of `roles`; otherwise 401 or 403. */
export function requireRole(request: FastifyRequest, ...roles: Role[]): Principal {
  const principal = requireSignedIn(request);
  if (!roles.includes(principal.role)) throw httpErrors.forbidden();
  return principal;
}
