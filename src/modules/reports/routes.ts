import type { FastifyInstance } from 'fastify';
import type { Config } from '../../platform/config/config.js';
import type { Database } from '../../platform/db/database.js';
import type { ChangeBus } from '../../platform/events/changes.js';
import type { IndexBoard } from '../../platform/observe/index-board.js';
import type { Locator } from '../districts/index.js';
import { registerReportApi } from './api-routes.js';
import { registerOpen311 } from './open311/routes.js';
import { registerReportMapPages } from './public-map/routes.js';
import { registerReportPages } from './public/routes.js';
import { registerReportStaffPages } from './staff/routes.js';
import { ensureCategories } from './manage-categories.js';
import { startDigestJob } from './floods/digests.js';
import type { AttachmentServices } from './attachments/index.js';
import { registerAttachmentDownloads } from './attachments/routes.js';

/** Threat reports (KMZB): the catalogue, the API, the public pages, the police pages and the districts' digests. */
export async function registerReports(
  app: FastifyInstance,
  config: Config,
  database: Database,
  changes: ChangeBus,
  locator: Locator,
  /** Where the public report index says whether it is loaded (readiness, /metrics). */
  indexes: IndexBoard,
  /** Where report attachments are kept (platform/files) and where HEIC photos are decoded. */
  uploads: AttachmentServices,
): Promise<void> {
  await ensureCategories(database.db);
  registerReportApi(app, config, database, changes, locator, uploads);
  registerOpen311(app, config, database, changes, locator);
  registerReportMapPages(app, config, database, changes, locator, indexes);
  registerReportPages(app, config, database, changes, locator, uploads);
  registerReportStaffPages(app, config, database, changes);
  registerAttachmentDownloads(app, database, uploads.store);
  const stopDigests = startDigestJob(database.db, config.publicUrl, app.log);
  app.addHook('onClose', stopDigests);
}
