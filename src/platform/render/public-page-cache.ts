import type { ReactElement } from 'react';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { TtlCache } from '../cache/ttl-cache.js';
import { pageContext } from '../http/request-context.js';
import type { PageContext } from './page-context.js';
import { renderPage, sendHtml, sendPage } from './render.js';

/** Thrown when a page being rendered for the cache asks for a CSRF token: a token is one visitor's own. */
class PersonalPage extends Error {}

/**
 * Rendered pages that are the same for every anonymous visitor of a URL in a language (a published
 * plan): kept `ttlMs` at most, and cleared by the caller when the data behind them changes.
 * Signed-in visitors, and pages that turn out to carry a form token, are rendered for each request.
 */
export class PublicPageCache {
  private readonly pages: TtlCache<string>;

  constructor(ttlMs: number, maxEntries = 1000) {
    this.pages = new TtlCache(ttlMs, maxEntries);
  }

  clear(): void {
    this.pages.clear();
  }

  async send(request: FastifyRequest, reply: FastifyReply, build: (ctx: PageContext) => Promise<ReactElement>): Promise<FastifyReply> {
    if (request.principal) return sendPage(reply, await build(pageContext(request, reply)));
    // Nothing of this request but its language and URL goes into the page.
    const anonymous: PageContext = {
      lang: request.lang,
      principal: null,
      currentUrl: request.url,
      notice: null,
      get csrfToken(): string {
        throw new PersonalPage();
      },
    };
    try {
      return sendHtml(reply, await this.pages.get(`${request.lang} ${request.url}`, async () => renderPage(await build(anonymous))));
    } catch (error) {
      if (error instanceof PersonalPage) return sendPage(reply, await build(pageContext(request, reply)));
      throw error;
    }
  }
}
