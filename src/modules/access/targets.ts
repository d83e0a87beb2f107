import type { TargetCheck } from '../../platform/auth/guards.js';
import { can, dependsOnResource, type Action } from '../../platform/auth/policy.js';
import type { Db } from '../../platform/db/database.js';
import { httpErrors, type AppError } from '../../platform/http/errors.js';
import type { Localized } from '../../platform/i18n/i18n.js';
import { factsOf, resourceOf, type Target } from './facts.js';

/** The thing a route's params name, as the policy needs it. */
export interface RouteTarget {
  target: Target;
  /** Further things the action touches at once (a meeting's other districts): it must be allowed on each. */
  alsoTargets?: readonly Target[];
  /**
   * For things that are not public (reports, working plans): the action that lets a person read it,
   * and the 404 a person who may not gets for every change too (never 404 to GET and 403 to POST).
   * Absent: the thing is public (the register, accounts' units), and a refusal is 403.
   */
  hidden?: { readAction: Action; notFound: () => AppError };
  /** The 403's text, as the use case words it. */
  forbidden?: Localized;
}

/** Reads the thing named by a route's params; undefined when there is none (or a param is no id). */
export type TargetLoader = (db: Db, params: Record<string, string>) => Promise<RouteTarget | undefined>;

/**
 * The route's `config.target` (platform/auth/guards.ts) for things read by `load`: one rule for every
 * route, the one the use cases apply again inside their transactions. Reads on the plain handle.
 */
export function targetCheck(db: Db, load: TargetLoader): TargetCheck {
  return async (request, principal, action) => {
    if (!dependsOnResource(action)) return;
    const found = await load(db, request.params as Record<string, string>);
    if (!found) return;
    const { subject, resource } = await factsOf(db, principal, found.target);
    const others = await Promise.all((found.alsoTargets ?? []).map((t) => resourceOf(db, t)));
    if (can(subject, action, resource) && others.every((other) => can(subject, action, other))) return;
    if (found.hidden && !can(subject, found.hidden.readAction, resource)) throw found.hidden.notFound();
    throw httpErrors.forbidden(found.forbidden);
  };
}
