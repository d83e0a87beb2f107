import { readSettingsAs } from '../../settings/index.js';
import type { ChangeBus } from '../../../platform/events/changes.js';
import type { IndexBoard } from '../../../platform/observe/index-board.js';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { createElement } from 'react';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { FromSchema } from 'json-schema-to-ts';
import { projectRoot, type Config } from '../../../platform/config/config.js';
import type { Database } from '../../../platform/db/database.js';
import { AppError } from '../../../platform/http/errors.js';
import { siteOrigin } from '../../../platform/http/site-url.js';
import { errorResponses } from '../../../platform/http/openapi.js';
import { pageContext } from '../../../platform/http/request-context.js';
import { dayInPoland } from '../../../platform/i18n/calendar.js';
import type { Lang } from '../../../platform/i18n/i18n.js';
import { sendPage } from '../../../platform/render/render.js';
import { asTree, listActiveUnits } from '../../units/index.js';
import { reportUrl } from '../model.js';
import { reportCategories } from '../read-reports.js';
import { inBoundingBox, reportStatuses, statusLabels, type ReportStatus } from '../rules/index.js';
import type { Bar } from './charts.js';
import { csvHeader, csvRow, exportLimit, geoJsonFeature, geoJsonOpening, precisionMeters, type ExportContext } from './exports.js';
import { apiFilter, filterQuery, filterQueryProperties, readFilter, type PublicFilter } from './filters.js';
import { individualZoom, maxPoints, maxZoom, parseBbox, round6 } from './map-grid.js';
import { mapErrors, mapMessages } from './messages.js';
import { ReportListPage, StatsPage, placeName, type FilterChoices, mapViewSettingIds, type MapSettings } from './pages.js';
import { PublicReports } from './public-reports.js';
import type { Locator } from '../../districts/index.js';
import { reportMapSchema } from '../api-schemas.js';

const PAGE_SIZE = 20;
const DISTRICTS_SHOWN = 20;
/** Per IP address: a map pans often; a download can be 50,000 rows. */
const mapRateLimit = { max: 300, timeWindow: 60_000 };
const downloadRateLimit = { max: 30, timeWindow: 60_000 };

export const mapQuery = {
  type: 'object',
  additionalProperties: false,
  required: ['bbox', 'zoom'],
  properties: {
    bbox: { type: 'string', maxLength: 200, description: 'minLon,minLat,maxLon,maxLat (WGS84 degrees)' },
    zoom: {
      type: 'integer',
      minimum: 0,
      maximum: maxZoom,
      description: `Web Mercator zoom; from ${individualZoom} on single reports, below it clusters`,
    },
    ...filterQueryProperties,
  },
} as const;

/** "2026-11" → "2026-01" … month arithmetic on "YYYY-MM". */
function addMonths(month: string, delta: number): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  const index = year * 12 + (m - 1) + delta;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

const monthFormat = {
  pl: new Intl.DateTimeFormat('pl-PL', { month: 'long', year: 'numeric', timeZone: 'UTC' }),
  en: new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }),
};
const monthName = (month: string, lang: Lang) => monthFormat[lang].format(new Date(`${month}-15T12:00:00Z`));

/** The event's hours and days of the week as bars (none when nothing gave one), and how many gave none. */
function eventTimeCharts(stats: Awaited<ReturnType<PublicReports['stats']>>, lang: Lang) {
  const m = mapMessages[lang];
  const sum = (counts: number[]) => counts.reduce((total, n) => total + n, 0);
  const withTime = sum(stats.byHour);
  const withDate = sum(stats.byWeekday);
  return {
    byHour: withTime === 0 ? [] : stats.byHour.map((value, hour) => ({ key: `h${hour}`, label: m.hourRange(hour), value })),
    byWeekday: withDate === 0 ? [] : stats.byWeekday.map((value, day) => ({ key: `d${day}`, label: m.weekdays[day]!, value })),
    withoutTime: stats.total - withTime,
    withoutDate: stats.total - withDate,
  };
}

/** Joins short strings into chunks of about 64 KiB, so a download is not written row by row. */
async function* chunked(parts: AsyncIterable<string>): AsyncGenerator<string> {
  let buffer = '';
  for await (const part of parts) {
    buffer += part;
    if (buffer.length >= 65_536) {
      yield buffer;
      buffer = '';
    }
  }
  if (buffer) yield buffer;
}

/**
 * The public side of threat reports: the list with the map, the statistics, the map's JSON and
 * the CSV and GeoJSON downloads. Only public fields leave here (see repository.ts): the approximate
 * position, category, status, dates, unit, district and "me too" count.
 */
export function registerReportMapPages(
  app: FastifyInstance,
  config: Config,
  database: Database,
  changes: ChangeBus,
  locator: Locator,
  indexes: IndexBoard,
): void {
  const db = database.db;
  const tags = ['reports'];
  const map: Omit<MapSettings, 'view'> = {
    tiles: config.mapTiles,
    island: existsSync(path.join(projectRoot, 'public', 'build', 'reports-map.js')),
  };

  // The public reports: from memory once loaded, from SQL until then (public-reports.ts chooses).
  const reports = new PublicReports(db, changes, { log: app.log });
  indexes.add('reports', () => reports.state());
  // Started once the app is built, so that the load does not hold up the register's (the embedded
  // database has one connection, and start-up waits for the register, not for this index).
  app.addHook('onReady', () => reports.start());
  app.addHook('onClose', async () => {
    await reports.stop();
  });

  const catalogue = async (lang: Lang) => {
    const categories = await reportCategories(db);
    const names = new Map(categories.map((c) => [c.code, c.name[lang]]));
    return { categories, categoryName: (code: string) => names.get(code) ?? code };
  };

  /** The page filters (lenient) and the choices of the filter form. */
  const pageFilter = async (raw: Record<string, unknown>, lang: Lang) => {
    const [{ categories, categoryName }, units] = await Promise.all([catalogue(lang), listActiveUnits(db)]);
    const filter = readFilter(raw, { categories: new Set(categories.map((c) => c.code)), units: new Set(units.map((u) => u.id)) });
    const choices: FilterChoices = {
      categories: categories.map((c) => ({
        value: c.code,
        label: c.active ? c.name[lang] : `${c.name[lang]} (${lang === 'pl' ? 'wycofana' : 'retired'})`,
      })),
      units: asTree(units).map(({ unit, depth }) => ({ value: unit.id, label: `${'\u2003'.repeat(depth)}${unit.name}` })),
    };
    return { filter, choices, categories, categoryName };
  };

  const checkedFilter = (query: Partial<Record<keyof typeof filterQueryProperties, string>>): PublicFilter => {
    const { filter, badDay } = apiFilter(query);
    if (badDay) throw new AppError(400, 'invalid_date', mapErrors.badDay(badDay), { field: badDay });
    return filter;
  };

  app.get<{ Querystring: Record<string, string | undefined> }>(
    '/zgloszenia',
    { config: { access: 'public' }, schema: { hide: true } },
    async (request, reply) => {
      const { filter, choices, categoryName } = await pageFilter(request.query, request.lang);
      const page = Math.max(1, Math.min(10_000, Number.parseInt(request.query.page ?? '1', 10) || 1));
      const [rows, total, extent] = await Promise.all([
        reports.page(filter, page, PAGE_SIZE),
        reports.count(filter),
        reports.extent(filter),
      ]);
      return sendPage(
        reply,
        createElement(ReportListPage, {
          ctx: pageContext(request, reply),
          filter,
          choices,
          rows,
          total,
          page,
          pageSize: PAGE_SIZE,
          extent,
          map: { ...map, view: await readSettingsAs(db, mapViewSettingIds) },
          categoryName,
        }),
      );
    },
  );

  app.get<{ Querystring: Record<string, string | undefined> }>(
    '/zgloszenia/statystyki',
    { config: { access: 'public' }, schema: { hide: true } },
    async (request, reply) => {
      const lang = request.lang;
      const m = mapMessages[lang];
      const { filter, choices, categories, categoryName } = await pageFilter(request.query, lang);
      const lastMonth = (filter.to ?? dayInPoland(new Date())).slice(0, 7);
      const months = Array.from({ length: 12 }, (_, i) => addMonths(lastMonth, i - 11));
      const stats = await reports.stats(filter, `${months[0]}-01`);
      const byCategory: Bar[] = categories
        .map((c) => ({ key: c.code, label: categoryName(c.code), value: stats.byCategory.get(c.code) ?? 0 }))
        .filter((bar) => bar.value > 0)
        .sort((a, b) => b.value - a.value);
      const districtBars: Bar[] = stats.byDistrict.slice(0, DISTRICTS_SHOWN).map((d) => ({
        key: d.districtId ?? `unit:${d.unitId}`,
        label: d.districtName ? placeName({ districtName: d.districtName, unitName: d.unitName }) : m.noDistrict(d.unitName),
        value: d.count,
      }));
      const rest = stats.byDistrict.slice(DISTRICTS_SHOWN);
      if (rest.length) districtBars.push({ key: 'rest', label: m.rest(rest.length), value: rest.reduce((sum, d) => sum + d.count, 0) });
      return sendPage(
        reply,
        createElement(StatsPage, {
          ctx: pageContext(request, reply),
          filter,
          choices,
          charts: {
            total: stats.total,
            byCategory: stats.total === 0 ? [] : byCategory,
            byStatus:
              stats.total === 0
                ? []
                : reportStatuses.map((s) => ({ key: s, label: statusLabels[s][lang], value: stats.byStatus.get(s) ?? 0 })),
            byDistrict: districtBars,
            byMonth:
              stats.total === 0
                ? []
                : months.map((month) => ({ key: month, label: monthName(month, lang), value: stats.byMonth.get(month) ?? 0 })),
            ...eventTimeCharts(stats, lang),
          },
        }),
      );
    },
  );

  app.get<{ Querystring: FromSchema<typeof mapQuery> }>(
    '/api/v1/reports/map',
    {
      config: { access: 'public', rateLimit: mapRateLimit },
      schema: {
        tags,
        summary: `Reports for the public map in a box: below zoom ${individualZoom} clusters (count and mean position of each cell of a fixed grid the box touches, whole cells; a cell of one report shows that report), single reports in the box from it on. Positions are approximate (a ${precisionMeters} m grid).`,
        querystring: mapQuery,
        response: { 200: reportMapSchema, ...errorResponses(400, 429) },
      },
    },
    async (request, reply) => {
      // Whether the answer came from the in-memory index or (while it loads) from SQL.
      reply.header('x-report-index', reports.ready ? 'ready' : 'loading');
      const q = request.query;
      const bbox = parseBbox(q.bbox, q.zoom);
      if (!bbox.ok) throw new AppError(400, bbox.code, bbox.message, { field: 'bbox' });
      const filter = checkedFilter(q);
      const { categoryName } = await catalogue(request.lang);
      const origin = siteOrigin(request, config);
      const present = (r: { id: number; categoryId: string; status: ReportStatus; lon: number; lat: number }) => ({
        id: r.id,
        url: `${origin}${reportUrl(r.id)}`,
        category: r.categoryId,
        categoryName: categoryName(r.categoryId),
        status: r.status,
        statusName: statusLabels[r.status][request.lang],
        lat: round6(r.lat),
        lon: round6(r.lon),
      });
      // Reports given by address have no point: shown at their district's label point, marked so.
      const register = await locator.current();
      const unplacedCounts = await reports.unplaced(filter);
      const unplaced = [...unplacedCounts].flatMap(([districtId, count]) => {
        const card = register.card(districtId);
        const label = register.overview?.labelOf(districtId);
        if (!card || !label || !inBoundingBox({ lon: label[0], lat: label[1] }, bbox.box)) return [];
        return [
          {
            district: { id: districtId, name: card.name, url: `${origin}${card.url}` },
            count,
            lat: label[1],
            lon: label[0],
            approximate: 'district' as const,
          },
        ];
      });
      const base = { zoom: q.zoom, approximate: true, precisionMeters, unplaced };
      if (q.zoom >= individualZoom) {
        const points = await reports.mapPoints(filter, bbox.box, maxPoints + 1);
        return {
          ...base,
          mode: 'reports',
          clusters: [],
          reports: points.slice(0, maxPoints).map(present),
          truncated: points.length > maxPoints,
        };
      }
      const cells = await reports.mapCells(filter, bbox.box, q.zoom);
      return {
        ...base,
        mode: 'clusters',
        clusters: cells.filter((c) => c.single === null).map((c) => ({ lat: round6(c.lat), lon: round6(c.lon), count: c.count })),
        reports: cells.flatMap((c) => (c.single ? [present({ ...c.single, lon: c.lon, lat: c.lat })] : [])),
        truncated: false,
      };
    },
  );

  const download = async (reply: FastifyReply, origin: string, lang: Lang, filter: PublicFilter, kind: 'csv' | 'geojson') => {
    const { categoryName } = await catalogue(lang);
    const context: ExportContext = { lang, publicUrl: origin, categoryName };
    const total = await reports.count(filter);
    const truncated = total > exportLimit;
    const rows = reports.rows(filter, exportLimit);
    async function* csv(): AsyncGenerator<string> {
      yield csvHeader();
      for await (const row of rows) yield csvRow(row, context);
    }
    async function* geojson(): AsyncGenerator<string> {
      yield geoJsonOpening({ total, truncated, generatedAt: new Date() });
      let first = true;
      for await (const row of rows) {
        yield `${first ? '' : ','}${JSON.stringify(geoJsonFeature(row, context))}`;
        first = false;
      }
      yield ']}';
    }
    // A cut file says so in its name too (the page and the OpenAPI summary explain the limit).
    const name = `zgloszenia-${dayInPoland(new Date())}${truncated ? `-najnowsze-${exportLimit}` : ''}.${kind}`;
    return reply
      .header('content-type', kind === 'csv' ? 'text/csv; charset=utf-8' : 'application/geo+json; charset=utf-8')
      .header('content-disposition', `attachment; filename="${name}"`)
      .header('x-total-count', String(total))
      .header('x-truncated', String(truncated))
      .send(Readable.from(chunked(kind === 'csv' ? csv() : geojson())));
  };

  app.get<{ Querystring: FromSchema<typeof filterQuery> }>(
    '/zgloszenia.csv',
    {
      config: { access: 'public', rateLimit: downloadRateLimit },
      schema: {
        tags,
        summary: `Public reports as CSV (UTF-8 with BOM), newest first, at most ${exportLimit}; X-Total-Count and X-Truncated say how many matched. Positions are approximate.`,
        querystring: filterQuery,
      },
    },
    async (request, reply) => download(reply, siteOrigin(request, config), request.lang, checkedFilter(request.query), 'csv'),
  );

  app.get<{ Querystring: FromSchema<typeof filterQuery> }>(
    '/zgloszenia.geojson',
    {
      config: { access: 'public', rateLimit: downloadRateLimit },
      schema: {
        tags,
        summary: `Public reports as a GeoJSON FeatureCollection of Points at their approximate positions, newest first, at most ${exportLimit} (totalCount and truncated say how many matched).`,
        querystring: filterQuery,
      },
    },
    async (request, reply) => download(reply, siteOrigin(request, config), request.lang, checkedFilter(request.query), 'geojson'),
  );
}
