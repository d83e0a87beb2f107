import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createElement, type ReactElement } from 'react';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Config } from '../../../platform/config/config.js';
import { projectRoot } from '../../../platform/config/config.js';
import type { Database, Db } from '../../../platform/db/database.js';
import { AppError } from '../../../platform/http/errors.js';
import { absoluteUrl, siteOrigin } from '../../../platform/http/site-url.js';
import { pageContext } from '../../../platform/http/request-context.js';
import type { PageContext } from '../../../platform/render/page-context.js';
import { sendPage } from '../../../platform/render/render.js';
import type { MultiPolygon } from '../model.js';
import { districtWithArea, publicDistrict, publicUnit } from '../read-districts.js';
import type { Locator } from '../locator/locator.js';
import type { AddressAnswer } from '../locator/register.js';
import { maxOutlinedDistricts } from '../locator/map-overview.js';
import { readBoundingBox } from '../../../platform/geo/bbox.js';
import { simplifyForDisplay } from '../geometry/geojson.js';
import { errorResponses } from '../../../platform/http/openapi.js';
import { boundaryLayerSchema, districtAreaSchema, overviewSchema } from '../api-schemas.js';
import { DistrictPage, UnitPage } from './pages.js';
import { ResultsPage } from './results-page.js';
import { renderPoster } from '../poster.js';
import type { Lang } from '../../../platform/i18n/i18n.js';

/** Base map layers from our own data (no tile server): loaded and simplified once, on first use. */
function boundaryLayer(file: string, toleranceMeters: number): () => string {
  let cached: string | null = null;
  return () => {
    if (cached) return cached;
    const collection = JSON.parse(readFileSync(path.join(projectRoot, 'resources', 'boundaries', file), 'utf8')) as {
      features: { geometry: { type: string; coordinates: unknown } }[];
    };
    const features = collection.features.map((feature) => ({
      type: 'Feature',
      properties: {},
      geometry: simplifyForDisplay(feature.geometry as never, toleranceMeters),
    }));
    cached = JSON.stringify({ type: 'FeatureCollection', features });
    return cached;
  };
}

/**
 * The plans a district page links to. Plans are read by the plans module, which builds on this one;
 * src/app.ts passes its reader in (plans/read-plans.ts `districtPlanLinks`), so districts never import plans.
 */
export type DistrictPlanLinks = (db: Db, districtId: string, lang: Lang) => Promise<Parameters<typeof DistrictPage>[0]['plans']>;

/**
 * The meetings and debates sections of the district and unit pages, rendered by the meetings module
 * and passed in by src/app.ts (meetings/pages.tsx), so districts never import meetings.
 */
export interface MeetingSections {
  district: (db: Db, unitId: string, number: string, lang: Lang) => Promise<ReactElement>;
  unit: (db: Db, unitId: string, lang: Lang) => Promise<ReactElement>;
}

/** The district page's "follow this district" section (subscriptions/pages.tsx), passed in by src/app.ts. */
export type FollowSection = (ctx: PageContext, district: { id: string; number: number; name: string; unitName: string }) => ReactElement;

export function registerPublicDistrictPages(
  app: FastifyInstance,
  config: Config,
  database: Database,
  locator: Locator,
  districtPlanLinks: DistrictPlanLinks,
  meetingSections: MeetingSections,
  followSection?: FollowSection,
): void {
  const db = database.db;
  const map = config.mapTiles;
  const voivodeships = boundaryLayer('wojewodztwa-2025-prg.geojson', 300);
  const counties = boundaryLayer('powiaty-min.geojson', 300);

  const geojson = (reply: FastifyReply, body: string) =>
    reply.header('content-type', 'application/geo+json; charset=utf-8').header('cache-control', 'public, max-age=86400').send(body);
  app.get(
    '/api/v1/boundaries/voivodeships.geojson',
    {
      config: { access: 'public' },
      schema: {
        tags: ['map'],
        summary: 'Voivodeship boundaries (PRG 2025, simplified) for the base map',
        response: { 200: boundaryLayerSchema },
      },
    },
    (_request, reply) => geojson(reply, voivodeships()),
  );
  app.get(
    '/api/v1/boundaries/counties.geojson',
    {
      config: { access: 'public' },
      schema: {
        tags: ['map'],
        summary: 'County (powiat) boundaries (simplified) for the base map',
        response: { 200: boundaryLayerSchema },
      },
    },
    (_request, reply) => geojson(reply, counties()),
  );

  app.get<{ Querystring: { bbox: string; zoom: number } }>(
    '/api/v1/map/overview.geojson',
    {
      config: { access: 'public' },
      schema: {
        tags: ['map'],
        summary: `Our own map of a view, for maps without tiles: district outlines with their numbers (up to ${maxOutlinedDistricts} districts in view), towns placed where their districts are, police stations`,
        querystring: {
          type: 'object',
          additionalProperties: false,
          required: ['bbox', 'zoom'],
          properties: {
            bbox: { type: 'string', maxLength: 200, description: 'minLon,minLat,maxLon,maxLat (WGS84 degrees)' },
            zoom: { type: 'integer', minimum: 0, maximum: 22 },
          },
        },
        response: { 200: overviewSchema, ...errorResponses(400) },
      },
    },
    async (request, reply) => {
      const read = readBoundingBox(request.query.bbox);
      if (!read.ok) throw new AppError(400, read.code, read.message, { field: 'bbox' });
      const { minLon, minLat, maxLon, maxLat } = read.box;
      const overview = (await locator.current()).overview;
      const answer = overview?.within(minLon, minLat, maxLon, maxLat) ?? { type: 'FeatureCollection', features: [], districtsInView: 0 };
      // Outlines drawn at this zoom need no more detail than about a pixel.
      const tolerance = Math.max(1, 2 ** (16 - request.query.zoom));
      const simplified = answer.features.map((f) =>
        f.properties.kind === 'district' ? { ...f, geometry: simplifyForDisplay(f.geometry as MultiPolygon, tolerance) } : f,
      );
      // `url` fields are absolute, like every API link (platform/http/site-url.ts).
      const origin = siteOrigin(request, config);
      const features = simplified.map((f) =>
        'url' in f.properties ? { ...f, properties: { ...f.properties, url: `${origin}${f.properties.url}` } } : f,
      );
      return reply
        .header('content-type', 'application/geo+json; charset=utf-8')
        .header('cache-control', 'public, max-age=60')
        .send(JSON.stringify({ ...answer, features }));
    },
  );

  app.get<{ Querystring: Record<string, string | undefined> }>(
    '/szukaj',
    { config: { access: 'public' }, schema: { hide: true } },
    async (request, reply) => {
      const register = await locator.current();
      const query = (request.query.adres ?? '').trim().slice(0, 300);
      const lat = Number(request.query.lat);
      const lon = Number(request.query.lon);
      const hasPoint =
        request.query.lat !== undefined &&
        request.query.lon !== undefined &&
        Number.isFinite(lat) &&
        Number.isFinite(lon) &&
        Math.abs(lat) <= 90 &&
        Math.abs(lon) <= 180;
      const ctx = pageContext(request, reply);
      if (!query && !hasPoint) {
        return sendPage(reply, createElement(ResultsPage, { ctx, query: '', point: null, answer: { kind: 'empty' }, units: [] }), 200);
      }
      if (hasPoint) {
        const byPoint = register.byPoint(lat, lon);
        const found = byPoint.matches.length > 0;
        const answer: AddressAnswer = found
          ? { kind: 'found', matches: byPoint.matches, assumedLocality: null }
          : { kind: 'not_found', suggestions: [] };
        return sendPage(
          reply,
          createElement(ResultsPage, { ctx, query: '', point: { lat, lon }, answer, units: byPoint.units }),
          found ? 200 : 404,
        );
      }
      const answer = register.answerAddress(query);
      const status = answer.kind === 'found' || answer.kind === 'town' ? 200 : 404;
      return sendPage(reply, createElement(ResultsPage, { ctx, query, point: null, answer, units: [] }), status);
    },
  );

  app.get<{ Params: { unit: string; number: string } }>(
    '/rejony/:unit/:number',
    { config: { access: 'public' }, schema: { hide: true } },
    async (request, reply) => {
      const { card, district, unit } = await publicDistrict(db, await locator.current(), request.params.unit, request.params.number);
      const ctx = pageContext(request, reply);
      return sendPage(
        reply,
        createElement(DistrictPage, {
          ctx,
          card,
          rules: district.rules,
          unit,
          map,
          plans: await districtPlanLinks(db, district.id, request.lang),
          meetings: await meetingSections.district(db, unit.id, String(district.number), request.lang),
          follow: followSection?.(ctx, { id: district.id, number: district.number, name: district.name, unitName: unit.name }),
        }),
      );
    },
  );

  app.get<{ Params: { unit: string; number: string } }>(
    '/rejony/:unit/:number/plakat.pdf',
    { config: { access: 'public' }, schema: { hide: true } },
    async (request, reply) => {
      const { card, district, unit } = await publicDistrict(db, await locator.current(), request.params.unit, request.params.number);
      const pdf = await renderPoster(card, unit, district.rules, absoluteUrl(request, config, card.url), request.lang);
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `inline; filename="dzielnicowy-${unit.id}-${district.number}.pdf"`)
        .header('cache-control', 'no-cache')
        .send(pdf);
    },
  );

  app.get<{ Params: { unit: string; number: string } }>(
    '/api/v1/districts/:unit/:number/area.geojson',
    {
      config: { access: 'public' },
      schema: {
        tags: ['districts'],
        summary: 'The polygon of a district as GeoJSON (simplified for display)',
        response: { 200: districtAreaSchema, ...errorResponses(404) },
      },
    },
    async (request, reply) => {
      const district = await districtWithArea(db, request.params.unit, request.params.number);
      const feature = {
        type: 'Feature',
        properties: { id: district.id, number: district.number, name: district.name },
        geometry: simplifyForDisplay(district.polygon, 5),
      };
      return reply
        .header('content-type', 'application/geo+json; charset=utf-8')
        .header('cache-control', 'public, max-age=60')
        .send(JSON.stringify(feature));
    },
  );

  app.get<{ Params: { id: string } }>(
    '/jednostki/:id',
    { config: { access: 'public' }, schema: { hide: true } },
    async (request, reply) => {
      const { unit, parent, children, cards } = await publicUnit(db, await locator.current(), request.params.id);
      return sendPage(
        reply,
        createElement(UnitPage, {
          ctx: pageContext(request, reply),
          unit,
          parent,
          children,
          cards,
          meetings: await meetingSections.unit(db, unit.id, request.lang),
        }),
      );
    },
  );
}
