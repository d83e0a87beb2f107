import { createElement } from 'react';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Config } from '../../../platform/config/config.js';
import type { Database } from '../../../platform/db/database.js';
import { siteOrigin } from '../../../platform/http/site-url.js';
import { loadOrCreateSecret } from '../../../platform/auth/secret.js';
import { formatCalendarDay } from '../../../platform/i18n/i18n.js';
import { atomContentType, atomXml, stableUuidUrn } from '../../../platform/render/atom.js';
import { pageContext } from '../../../platform/http/request-context.js';
import { sendPage } from '../../../platform/render/render.js';
import { districtUrl } from '../../districts/index.js';
import { workingView } from '../read-plans.js';
import { latestPublications, libraryListing, publicPlanPage, publishedPlan } from '../read-library.js';
import { planPdf } from '../publication/render-pdf.js';
import { planDocx } from '../publication/render-docx.js';
import { LibraryPage, PlanPage } from './pages.js';
import { TtlCache } from '../../../platform/cache/ttl-cache.js';
import { PublicPageCache } from '../../../platform/render/public-page-cache.js';
import type { ChangeBus } from '../../../platform/events/changes.js';
import { planTiming } from '../rules.js';
import { publicActionProgress } from '../action-log/manage-action-log.js';
import { warsawToday } from '../../../platform/i18n/calendar.js';
import { registerReportPages } from './report-routes.js';

export function registerPlanPages(app: FastifyInstance, config: Config, database: Database, changes: ChangeBus): void {
  const db = database.db;
  const PAGE_SIZE = 20;

  app.get<{ Querystring: Record<string, string | undefined> }>(
    '/plany',
    { config: { access: 'public' }, schema: { hide: true } },
    async (request, reply) => {
      const raw = request.query;
      const year = /^\d{4}$/.test(raw.year ?? '') ? raw.year : undefined;
      const q = raw.q?.trim().slice(0, 200) || undefined;
      const category = raw.category && raw.category.length <= 60 ? raw.category : undefined;
      const page = Math.max(1, Math.min(10_000, Number.parseInt(raw.page ?? '1', 10) || 1));
      const { units, unitId, result, plans } = await libraryListing(db, {
        q,
        category,
        unitId: raw.unitId,
        year: year ? Number(year) : undefined,
        page,
        pageSize: PAGE_SIZE,
      });
      const thisYear = new Date().getUTCFullYear();
      return sendPage(
        reply,
        createElement(LibraryPage, {
          ctx: pageContext(request, reply),
          filter: { q, category, unitId, year },
          plans,
          total: result.total,
          exact: result.exact,
          page,
          hasNextPage: result.hasNextPage,
          pageSize: PAGE_SIZE,
          units,
          years: Array.from({ length: 10 }, (_, i) => String(thisYear + 1 - i)),
        }),
      );
    },
  );

  // A published plan changes rarely and is read often: its page's data is kept for 30 s, and at
  // once forgotten when this process changes any plan (similar plans may change with any of them).
  const pages = new TtlCache<Awaited<ReturnType<typeof publicPlanPage>>>(30_000);
  changes.on('plans', () => pages.clear());

  // …and so is the page itself for anonymous visitors, who are nearly all of its readers.
  const rendered = new PublicPageCache(30_000);
  changes.on('plans', () => rendered.clear());

  app.get<{ Params: { id: string } }>('/plany/:id', { config: { access: 'public' }, schema: { hide: true } }, (request, reply) =>
    rendered.send(request, reply, async (ctx) => {
      const { plan, published, similar, imported, measure } = await pages.get(`${request.params.id}|${request.lang}`, () =>
        publicPlanPage(db, request.params.id, request.lang),
      );
      const staff = request.principal && (await workingView(db, request.principal, plan));
      return createElement(PlanPage, {
        ctx,
        document: published.document,
        plan: {
          id: plan.id,
          status: plan.status,
          version: published.version,
          publishedAt: plan.publishedAt,
          evaluation: plan.evaluation,
          unitName: published.context.unitName,
          districtName: published.context.districtName,
          imported,
          periodTo: published.periodTo,
          timing: planTiming(published, warsawToday()),
        },
        similar,
        measure,
        districtUrl: districtUrl(plan.districtId),
        staffUrl: staff ? `/admin/plans/${plan.id}` : null,
        // Entries are not plan changes: their statuses may lag here by the 30 s the page is kept.
        progress: await publicActionProgress(db, plan),
        area: published.content.goal.area ?? null,
        map: config.mapTiles,
      });
    }),
  );

  registerReportPages(app, db);

  const download = async (reply: FastifyReply, id: string, kind: 'pdf' | 'docx') => {
    const { plan, published } = await publishedPlan(db, id, 'pl');
    const body = kind === 'pdf' ? await planPdf(published.document) : await planDocx(published.document);
    const name = `plan-${plan.districtId.replace('/', '-')}-${published.periodFrom}.${kind}`;
    return reply
      .header(
        'content-type',
        kind === 'pdf' ? 'application/pdf' : 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      )
      .header('content-disposition', `${kind === 'pdf' ? 'inline' : 'attachment'}; filename="${name}"`)
      .send(body);
  };
  app.get<{ Params: { id: string } }>('/plany/:id/plan.pdf', { config: { access: 'public' }, schema: { hide: true } }, (request, reply) =>
    download(reply, request.params.id, 'pdf'),
  );
  app.get<{ Params: { id: string } }>('/plany/:id/plan.docx', { config: { access: 'public' }, schema: { hide: true } }, (request, reply) =>
    download(reply, request.params.id, 'docx'),
  );

  // Atom ids never change (RFC 4287 §4.2.6): not the address the feed was read on, which varies
  // with the Host when PUBLIC_URL is unset. The feed's own id is made once per deployment.
  let feedId: string | undefined;
  const feedIdentity = async () => (feedId ??= stableUuidUrn(await loadOrCreateSecret(db, 'plans_feed_id')));
  app.get(
    '/plany.atom',
    { config: { access: 'public' }, schema: { tags: ['plans'], summary: 'Atom feed of newly published plans' } },
    async (request, reply) => {
      const site = siteOrigin(request, config);
      const latest = await latestPublications(db);
      const feed = atomXml({
        id: await feedIdentity(),
        title: 'Plany działań priorytetowych – nowe publikacje',
        self: `${site}/plany.atom`,
        page: `${site}/plany`,
        author: 'Dzielnicowy',
        entries: latest.map(({ id, publishedAt, summary }) => ({
          id: `urn:uuid:${id}`,
          title: `Plan działania priorytetowego: ${summary.districtName} – ${summary.unitName} (${formatCalendarDay(summary.periodFrom, 'pl')} – ${formatCalendarDay(summary.periodTo, 'pl')})`,
          link: `${site}${summary.url}`,
          updated: publishedAt,
          author: summary.unitName,
          summary: summary.goal,
        })),
      });
      return reply.header('content-type', atomContentType).send(feed);
    },
  );
}
