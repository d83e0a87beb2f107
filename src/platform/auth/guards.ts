import type { FastifyInstance, FastifyRequest } from 'fastify';
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

/** What a route needs: `public` for everyone, otherwise the action its callers' role must be allowed. */
export type RouteAccess = Action | 'public';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Who may call the route (policy.ts); every route declares it, and the route-table test checks that. */
    access?: RouteAccess;
  }
}

/**
 * Turns away callers a route's `config.access` rules out before anything of their request is
 * parsed or validated: nobody signed in gets 401, a role that may never do the action 403.
 * Whether the person may act on this particular thing is still the handler's check, with facts.
 */
export function registerAccessCheck(app: FastifyInstance): void {
  app.addHook('onRequest', (request, _reply, done) => {
    const access = request.routeOptions.config.access;
    if (access && access !== 'public') requireAllowed(request, access);
    done();
  });
}
