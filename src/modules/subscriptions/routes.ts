import { createElement } from 'react';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../platform/config/config.js';
import type { Database } from '../../platform/db/database.js';
import { residentLabel } from '../../platform/audit/actor.js';
import { AppError } from '../../platform/http/errors.js';
import { formFields } from '../../platform/http/forms.js';
import { actorOf, pageContext } from '../../platform/http/request-context.js';
import { siteOrigin } from '../../platform/http/site-url.js';
import { atomContentType, atomXml, stableUuidUrn } from '../../platform/render/atom.js';
import { sendPage } from '../../platform/render/render.js';
import { districtUrl } from '../districts/index.js';
import {
  confirm,
  confirmationLink,
  districtToFollow,
  subscribe,
  unsubscribe,
  unsubscribeLink,
  unsubscribeSecret,
} from './manage-subscriptions.js';
import { subscriptionMessages } from './messages.js';
import { districtNews } from './news.js';
import { FollowPage, LinkPage, type FollowedDistrict } from './pages.js';

type DistrictParams = { Params: { unit: string; number: string } };
type TokenParams = { Params: { token: string } };

const resident = (request: FastifyRequest) => ({ ...actorOf(request), label: residentLabel });
const feedLength = 50;

/**
 * Following a district: the form (on the district page and its own page), the confirmation and
 * unsubscribe links' pages, and the district's Atom feed. The one-click unsubscribe takes a POST
 * without a session or CSRF token (RFC 8058: mail programs send it); the token in its address is
 * its authority.
 */
export async function registerSubscriptionRoutes(app: FastifyInstance, config: Config, database: Database): Promise<void> {
  const db = database.db;
  // Made now, not on the first subscription: a request never adds settings as a side effect.
  const secret = await unsubscribeSecret(db);
  // Subscribing mails a stranger's address: a few a client per hour, like report submission's bursts.
  const subscribeLimit = { max: 10, timeWindow: 3_600_000 };
  const linkLimit = { max: 30, timeWindow: 60_000 };

  const followed = async (request: FastifyRequest<DistrictParams>): Promise<FollowedDistrict> => {
    const d = await districtToFollow(db, request.params.unit, request.params.number);
    return { label: `${d.name} (${d.unitName})`, url: districtUrl(d.id) };
  };

  app.get<DistrictParams & { Querystring: Record<string, string | undefined> }>(
    '/rejony/:unit/:number/obserwuj',
    { config: { access: 'public' }, schema: { hide: true } },
    async (request, reply) =>
      sendPage(
        reply,
        createElement(FollowPage, {
          ctx: pageContext(request, reply),
          district: await followed(request),
          errors: [],
          sent: request.query.wyslano === '1',
        }),
      ),
  );

  app.post<DistrictParams>(
    '/rejony/:unit/:number/obserwuj',
    { config: { access: 'public', rateLimit: subscribeLimit }, schema: { hide: true } },
    async (request, reply) => {
      const fields = formFields(request.body);
      const district = await followed(request);
      const sent = `${district.url}/obserwuj?wyslano=1`;
      // A filled honeypot is a bot: the same answer, nothing stored or sent.
      if (fields.website) return reply.redirect(sent, 303);
      const email = (fields.email ?? '').slice(0, 300);
      try {
        await subscribe(
          db,
          resident(request),
          { unitId: request.params.unit, number: request.params.number, email, lang: request.lang },
          siteOrigin(request, config),
        );
      } catch (error) {
        if (!(error instanceof AppError) || error.status !== 400) throw error;
        const errors = [{ field: 'email', code: error.code, message: error.text[request.lang] }];
        return sendPage(reply, createElement(FollowPage, { ctx: pageContext(request, reply), district, errors, email, sent: false }), 400);
      }
      return reply.redirect(sent, 303);
    },
  );

  app.get<DistrictParams>(
    '/rejony/:unit/:number/aktualnosci.atom',
    { config: { access: 'public' }, schema: { hide: true } },
    async (request, reply) => {
      const d = await districtToFollow(db, request.params.unit, request.params.number);
      const site = siteOrigin(request, config);
      const lang = request.lang;
      const label = `${d.name} (${d.unitName})`;
      const news = await districtNews(db, d.id, feedLength);
      const feed = atomXml({
        id: stableUuidUrn(secret, 'district-feed', d.id),
        title: subscriptionMessages[lang].feedTitle(label),
        self: `${site}${districtUrl(d.id)}/aktualnosci.atom`,
        page: `${site}${districtUrl(d.id)}`,
        author: d.unitName,
        entries: news.map((item) => ({
          id: stableUuidUrn(secret, 'district-news', item.entryKey),
          title: item.title[lang],
          link: `${site}${item.path(d.id)}`,
          updated: item.at,
          author: item.unitName,
          summary: item.summary?.[lang],
        })),
      });
      return reply.header('content-type', atomContentType).header('cache-control', 'public, max-age=300').send(feed);
    },
  );

  const linkPage = (request: FastifyRequest, reply: FastifyReply, status: number, page: Omit<Parameters<typeof LinkPage>[0], 'ctx'>) =>
    sendPage(reply, createElement(LinkPage, { ctx: pageContext(request, reply), ...page }), status);
  const badLink = (request: FastifyRequest, reply: FastifyReply) => {
    const m = subscriptionMessages[request.lang];
    return linkPage(request, reply, 404, { title: m.badLinkTitle, text: m.badLink });
  };

  app.get<TokenParams>('/obserwuj/potwierdz/:token', { config: { access: 'public' }, schema: { hide: true } }, async (request, reply) => {
    const link = await confirmationLink(db, request.params.token);
    if (!link.ok) return badLink(request, reply);
    const m = subscriptionMessages[request.lang];
    return linkPage(request, reply, 200, {
      title: m.confirmTitle,
      text: m.confirmLead(link.districtName),
      action: `/obserwuj/potwierdz/${request.params.token}`,
      button: m.confirmButton,
    });
  });

  app.post<TokenParams>(
    '/obserwuj/potwierdz/:token',
    { config: { access: 'public', rateLimit: linkLimit }, schema: { hide: true } },
    async (request, reply) => {
      const link = await confirmationLink(db, request.params.token);
      if (!link.ok || !(await confirm(db, resident(request), request.params.token))) return badLink(request, reply);
      const m = subscriptionMessages[request.lang];
      return linkPage(request, reply, 200, {
        title: m.confirmedTitle,
        text: m.confirmed(link.districtName),
        districtUrl: districtUrl(link.subscription.district_id),
      });
    },
  );

  app.get<TokenParams>('/obserwuj/wypisz/:token', { config: { access: 'public' }, schema: { hide: true } }, async (request, reply) => {
    const m = subscriptionMessages[request.lang];
    const link = await unsubscribeLink(db, request.params.token);
    if (!link.ok) return linkPage(request, reply, 404, { title: m.unsubscribeTitle, text: m.noSubscription });
    return linkPage(request, reply, 200, {
      title: m.unsubscribeTitle,
      text: m.unsubscribeLead(link.districtName),
      action: `/obserwuj/wypisz/${request.params.token}`,
      button: m.unsubscribeButton,
    });
  });

  // RFC 8058 one-click: a POST with "List-Unsubscribe=One-Click", no cookies, no CSRF token. Done at
  // once, and the same answer for a link already used: the address is gone either way.
  app.post<TokenParams>(
    '/obserwuj/wypisz/:token',
    { config: { access: 'public', csrf: false, rateLimit: linkLimit }, schema: { hide: true } },
    async (request, reply) => {
      await unsubscribe(db, resident(request), request.params.token);
      const m = subscriptionMessages[request.lang];
      return linkPage(request, reply, 200, { title: m.unsubscribedTitle, text: m.unsubscribed });
    },
  );
}
