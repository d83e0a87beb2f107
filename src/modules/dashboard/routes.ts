import { createElement } from 'react';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Database } from '../../platform/db/database.js';
import { requireAllowed } from '../../platform/auth/guards.js';
import { seesWholeUnit } from '../../platform/auth/policy.js';
import { httpErrors } from '../../platform/http/errors.js';
import { pageContext } from '../../platform/http/request-context.js';
import { sendPage } from '../../platform/render/render.js';
import { warsawToday } from '../../platform/i18n/calendar.js';
import { unitOptions } from '../units/index.js';
import { personDistricts } from '../districts/index.js';
import { csvLine } from '../reports/index.js';
import { filterRows, readDashboard } from './read-dashboard.js';
import { readDashboardQuery } from './query.js';
import { DashboardPage } from './pages.js';
import { csvCells, dashboardMessages } from './messages.js';

/**
 * The dashboard (/admin/dashboard) and its CSV: a supervisor or commander sees every district of
 * their unit, or of a unit below it picked from the list (another unit is 404); an officer sees
 * the districts they serve today. The CSV holds the rows the page shows, with the same filters.
 */
export function registerDashboard(app: FastifyInstance, database: Database): void {
  const db = database.db;
  const load = async (request: FastifyRequest) => {
    const principal = requireAllowed(request, 'dashboard.read');
    const query = readDashboardQuery(request.query as Record<string, unknown>, request.lang);
    const whole = seesWholeUnit(principal.role);
    const units = whole ? await unitOptions(db, principal.unitId) : [];
    if (query.unit !== undefined && query.unit !== principal.unitId && !units.some((u) => u.value === query.unit))
      throw httpErrors.notFound();
    const scope = whole ? { subtreeOf: query.unit ?? principal.unitId } : await personDistricts(db, principal);
    const all = await readDashboard(db, scope);
    return { query, units, own: !whole, all, rows: filterRows(all, query) };
  };

  app.get('/admin/dashboard', { config: { access: 'dashboard.read' }, schema: { hide: true } }, async (request, reply) => {
    const { query, units, own, all, rows } = await load(request);
    return sendPage(reply, createElement(DashboardPage, { ctx: pageContext(request, reply), rows, total: all.length, units, query, own }));
  });

  app.get('/admin/dashboard.csv', { config: { access: 'dashboard.read' }, schema: { hide: true } }, async (request, reply) => {
    const { rows } = await load(request);
    const lang = request.lang;
    const body = `\uFEFF${csvLine(dashboardMessages[lang].columns)}${rows.map((row) => csvLine(csvCells(row, lang))).join('')}`;
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="rejony-${warsawToday()}.csv"`)
      .send(body);
  });
}
