import type { FastifyRequest } from 'fastify';
import { httpErrors } from '../http/errors.js';
import { roleMay, type Action } from './policy.js';
import type { Principal } from './principal.js';

/** The signed-in account; otherwise 401 (pages redirect to the sign-in form). */
export function requireSignedIn(request: FastifyRequest): Principal {
  if (!request.principal) throw httpErrors.unauthorized();
  return request.principal;
}

/**
 * The signed-in account if its role may do `action` at all (policy.ts); otherwise 401 or 403.
 * Whether it may do it to a particular thing is the use case's check, with the thing's facts.
 */
export function requireAllowed(request: FastifyRequest, action: Action): Principal {
  const principal = requireSignedIn(request);
  if (!roleMay(principal.role, action)) throw httpErrors.forbidden();
  return principal;
}
