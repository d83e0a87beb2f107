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
      return (token ??= reply.generateCsrf());
    },
    currentUrl: request.url,
    notice: notice ?? null,
  };
}

/** A same-site path to return to after sign-in or a language switch; anything else becomes "/". */
export function safeReturnPath(value: unknown): string {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//') || value.includes('\\')) return '/';
  return value.slice(0, 2000);
}
