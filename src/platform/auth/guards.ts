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

/**
 * Checks the person against the thing a route's params name (modules/access/targets.ts) and throws
 * the refusal (403, or 404 for a thing they may not even read); lets the request on otherwise, and
 * when the params name nothing that exists (the handler answers that).
 */
export type TargetCheck = (request: FastifyRequest, principal: Principal, action: Action) => Promise<void>;

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Who may call the route (policy.ts); every route declares it, and the route-table test checks that. */
    access?: RouteAccess;
    /** For a route whose action depends on the thing its params name: how to check the person against it. */
    target?: TargetCheck;
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

/**
 * Refuses a person who may do the route's action in general but not to the thing its params name,
 * before the body is validated: a forbidden write gets its 403/404 whatever its body, so a 400
 * never answers for something the person may not touch. Runs after the input character check (a
 * parameter with a NUL is no id to look up).
 */
export function registerTargetCheck(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    const { access, target } = request.routeOptions.config;
    if (target && access && access !== 'public' && request.principal) await target(request, request.principal, access);
  });
}
