import type { FastifyInstance } from 'fastify';
import type { Config } from './platform/config/config.js';
import type { Database } from './platform/db/database.js';
import { createHttpServer } from './platform/http/server.js';
import { registerHealth } from './platform/http/health.js';
import { registerHomeRoutes } from './modules/home/routes.js';
import { registerUnitRoutes } from './modules/units/routes.js';
import { registerAccountApi } from './modules/accounts/api-routes.js';
import { registerAccountPages } from './modules/accounts/page-routes.js';
import { registerAuditRoutes } from './modules/audit/routes.js';
import { registerAdminHome } from './modules/admin/routes.js';

/** The whole application on an open, migrated database. */
export async function buildApp(config: Config, database: Database): Promise<FastifyInstance> {
  const app = await createHttpServer(config, database);
  registerHealth(app, database);
  registerHomeRoutes(app, database, config.secureCookies);
  registerUnitRoutes(app, database);
  registerAccountApi(app, config, database);
  registerAccountPages(app, config, database);
  registerAuditRoutes(app, database);
  registerAdminHome(app);
  await app.ready();
  return app;
}
