import { createElement } from 'react';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../../platform/db/database.js';
import type { Config } from '../../platform/config/config.js';
import { isLang } from '../../platform/i18n/i18n.js';
import { LANG_COOKIE } from '../../platform/http/server.js';
import { pageContext, safeReturnPath } from '../../platform/http/request-context.js';
import { sendPage } from '../../platform/render/render.js';
import { listActiveUnits } from '../units/index.js';
import { mapViewSettingIds, readSettingsAs } from '../settings/index.js';
import { HomePage } from './page.js';

export function registerHomeRoutes(app: FastifyInstance, config: Config, database: Database): void {
  const map = config.mapTiles;
  app.get('/', { config: { access: 'public' }, schema: { hide: true } }, async (request, reply) => {
    const [units, view] = await Promise.all([listActiveUnits(database.db), readSettingsAs(database.db, mapViewSettingIds)]);
    return sendPage(reply, createElement(HomePage, { ctx: pageContext(request, reply), units, map, view }));
  });

  // The language switch is a plain link, so it works without JavaScript; the choice is a cookie.
  app.get<{ Params: { lang: string } }>(
    '/language/:lang',
    { config: { access: 'public' }, schema: { hide: true } },
    async (request, reply) => {
      const next = safeReturnPath((request.query as Record<string, unknown>).next);
      if (!isLang(request.params.lang)) return reply.redirect(next, 303);
      reply.setCookie(LANG_COOKIE, request.params.lang, {
        path: '/',
        sameSite: 'lax',
        httpOnly: true,
        secure: config.secureCookies,
        maxAge: 365 * 24 * 3600,
      });
      return reply.redirect(next, 303);
    },
  );
}
