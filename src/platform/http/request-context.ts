import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Lang } from '../i18n/i18n.js';
import type { Principal } from '../auth/principal.js';
import type { Actor } from '../audit/actor.js';
import type { PageContext } from '../render/page-context.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** Language of the answer: the `lang` cookie (UI choice), else Accept-Language, else Polish. */
    lang: Lang;
    /** The signed-in account, or null. */
    principal: Principal | null;
    sessionTokenHash: string | null;
  }
}

/** The actor for audit records of this request. */
export function actorOf(request: FastifyRequest): Actor {
  return {
    accountId: request.principal?.accountId ?? null,
    label: request.principal?.login ?? 'anonymous',
    ip: request.ip,
    requestId: request.id,
  };
}

/**
 * What a CSRF token is bound to: the session it was issued in, or "no session". A token (and its
 * secret cookie) taken from an anonymous page, or from another person's session, then does not
 * work with a session; a form issued before sign-in needs the fresh token of a page after it.
 */
export function csrfUserInfo(request: FastifyRequest): string {
  return request.sessionTokenHash ? `session:${request.sessionTokenHash}` : 'anonymous';
}

/** A CSRF token for this request's session (the only way tokens are made). */
export function issueCsrfToken(request: FastifyRequest, reply: FastifyReply): string {
  return reply.generateCsrf({ userInfo: csrfUserInfo(request) });
}

/**
 * Everything a page needs. The CSRF token (and its secret cookie) is made only when a form on the
 * page asks for it: most public pages have none, and signing a token for every view is wasted work.
 * Pages are rendered to a string before the reply is sent, so the cookie still goes out.
 */
export function pageContext(request: FastifyRequest, reply: FastifyReply, notice?: string | null): PageContext {
  let token: string | undefined;
  return {
    lang: request.lang,
    principal: request.principal,
    get csrfToken() {
      return (token ??= issueCsrfToken(request, reply));
    },
    currentUrl: request.url,
    notice: notice ?? null,
  };
}

// Any origin will do: it only tells a path of this site from an address of another one.
const PROBE_ORIGIN = 'http://return-path.invalid';

/**
 * A same-site path to return to after sign-in or a language switch; anything else becomes "/".
 * The value is read the way a browser reads a Location header (WHATWG URL): browsers drop tabs
 * and newlines and take "\" for "/", so "/\t/evil.example" is "//evil.example", another site.
 * So control characters and backslashes are refused outright, the value must resolve to our own
 * origin, and what comes back is the parsed path, never a form the browser could read otherwise.
 */
export function safeReturnPath(value: unknown): string {
  if (typeof value !== 'string' || !value.startsWith('/') || value.length > 2000) return '/';
  // eslint-disable-next-line no-control-regex -- control characters are what this looks for
  if (/[\u0000-\u001f\u007f\\]/.test(value)) return '/';
  let url: URL;
  try {
    url = new URL(value, PROBE_ORIGIN);
  } catch {
    return '/';
  }
  if (url.origin !== PROBE_ORIGIN) return '/';
  const path = url.pathname + url.search + url.hash;
  // "/.//evil.example" parses to the path "//evil.example", which a browser takes for a host.
  return path.startsWith('//') ? '/' : path;
}
