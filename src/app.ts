import type { FastifyInstance } from 'fastify';
import type { Config } from './platform/config/config.js';
import type { Database } from './platform/db/database.js';
import { createHttpServer, type LogStream } from './platform/http/server.js';
import { registerHealth, registerProbes } from './platform/http/health.js';
import { IndexBoard } from './platform/observe/index-board.js';
import { registerObservability } from './platform/observe/metrics-route.js';
import { collectFormActions } from './platform/http/form-actions.js';
import { registerHomeRoutes } from './modules/home/index.js';
import { registerUnitRoutes, registerUnitAdminPages } from './modules/units/index.js';
import { registerAccountApi, registerAccountPages } from './modules/accounts/index.js';
import { registerAuditRoutes } from './modules/audit/index.js';
import { registerAdminHome } from './modules/admin/index.js';
import {
  Locator,
  registerDistrictApi,
  registerLocateApi,
  registerPublicDistrictPages,
  registerDistrictAdminPages,
  registerTransferApi,
  registerTransferPages,
} from './modules/districts/index.js';
import { registerPlanApi, districtPlanLinks, registerPlanPages, registerPlanEditor, statusNames } from './modules/plans/index.js';
import { registerPartnerApi, registerPartnerPages } from './modules/partners/index.js';
import { registerReports } from './modules/reports/index.js';
import { registerDashboard, scheduleReminders, defaultReminderSchedule } from './modules/dashboard/index.js';
import { registerIndicatorRoutes } from './modules/indicators/index.js';
import { registerMeetingRoutes, registerMeetingPages, districtMeetingSection, unitMeetingSection } from './modules/meetings/index.js';
import { MailSender } from './platform/mail/outbox.js';
import { keepStatisticsFresh } from './platform/db/statistics.js';
import { DocumentWorkers } from './platform/documents/document-workers.js';
import { scheduleRetention, registerPrivacyRoutes, defaultRetentionSchedule } from './modules/privacy/index.js';
import type { Schedule } from './platform/events/periodic.js';
import { createChangeBus, type ChangeBus } from './platform/events/changes.js';
import { createFileStore } from './platform/files/create-store.js';
import { shareChanges } from './platform/events/shared-changes.js';
import { newInstanceId } from './platform/events/instance.js';
import { registerSettingsRoutes, watchSettings } from './modules/settings/index.js';
import { districtFollowSection, registerSubscriptionRoutes, scheduleNotifier } from './modules/subscriptions/index.js';

export interface AppOptions {
  /** The app's change bus; a new one by default (tests pass their own to watch or emit changes). */
  changes?: ChangeBus;
  /** Where the log goes; standard output by default. */
  logStream?: LogStream;
}

/** The whole application on an open, migrated database. */
export async function buildApp(config: Config, database: Database, options: AppOptions = {}): Promise<FastifyInstance> {
  const app = await createHttpServer(config, database, options.logStream);
  const locator = new Locator(database.db, app.log);
  // The in-memory indexes readiness waits for and /metrics reports the age of.
  const indexes = new IndexBoard();
  indexes.add('locator', () => locator.state());
  registerObservability(app, config, database, indexes);
  // This app among the instances of its database: it owns mail claims and job runs, and its change notices.
  const instance = newInstanceId();
  // Writes tell the caches (public plan pages, the public report map, the locator) at once: this
  // app's own, and on the PostgreSQL server the other instances' too (NOTIFY; see shared-changes.ts).
  const shared = shareChanges(
    options.changes ?? createChangeBus((error) => app.log.error({ err: error }, 'change listener failed')),
    database,
    { instance, log: app.log },
  );
  await shared.ready;
  const changes = shared.bus;
  // Settings are read on most requests: kept in memory until the bus says they changed.
  const stopSettings = watchSettings(database.db, changes);
  // Every change through this process refreshes the locator before the answer goes out; other
  // instances hear of it and look at the register's version.
  const registerChanged = async () => {
    await locator.rebuild();
    changes.emit('register');
  };
  changes.on(
    'register',
    () => void locator.refreshIfStale().catch((error: unknown) => app.log.warn({ err: error }, 'register refresh failed')),
  );
  const registerFormActionPages = collectFormActions(app);
  registerHealth(app, database);
  registerProbes(app, database, indexes);
  registerHomeRoutes(app, config, database);
  registerUnitRoutes(app, config, database, registerChanged);
  registerAccountApi(app, config, database);
  registerAccountPages(app, config, database);
  registerAuditRoutes(app, database);
  registerAdminHome(app, database.db);
  registerDistrictApi(app, config, database, registerChanged, locator);
  registerLocateApi(app, config, locator);
  registerPublicDistrictPages(
    app,
    config,
    database,
    locator,
    districtPlanLinks,
    { district: districtMeetingSection, unit: unitMeetingSection },
    districtFollowSection,
  );
  registerDistrictAdminPages(app, database, locator);
  // Uploaded documents are read in worker threads with memory and time limits, never on this thread.
  const documents = new DocumentWorkers({
    threads: config.documentWorkers,
    queue: config.documentQueue,
    memoryMb: config.documentWorkerMemoryMb,
    timeLimitMs: config.documentTimeLimitSeconds * 1000,
    onError: (error) => app.log.error({ err: error }, 'document worker failed'),
  });
  app.addHook('onClose', () => documents.close());
  registerTransferApi(app, database, registerChanged, documents);
  registerTransferPages(app, database, registerChanged, documents);
  registerUnitAdminPages(app, database, registerChanged);
  registerPlanApi(app, config, database, changes, documents);
  registerPlanPages(app, config, database, changes);
  registerPlanEditor(app, config, database, changes, documents);
  // Uploaded files (report attachments): DATA_DIR/files embedded, FILE_STORE on the server.
  const files = createFileStore(config, database);
  await registerReports(app, config, database, changes, locator, indexes, { store: files, workers: documents });
  registerMeetingRoutes(app, config, database);
  registerPartnerApi(app, database);
  // The partner's page names the status of each plan it takes part in, in the plans' own words.
  registerPartnerPages(app, database, (status, lang) => (statusNames[lang] as Record<string, string>)[status] ?? status);
  await registerSubscriptionRoutes(app, config, database);
  registerMeetingPages(app, database);
  registerPrivacyRoutes(app, config, database);
  registerDashboard(app, database);
  registerSettingsRoutes(app, database);
  registerIndicatorRoutes(app, database, locator);
  registerFormActionPages();
  await locator.rebuild();
  locator.start();
  const mail = new MailSender(database.db, config.smtpUrl, config.mailFrom, app.log, undefined, instance);
  mail.start();
  const stopStatistics = keepStatisticsFresh(database, app.log);
  // Followers of a district are mailed its news (plans published and evaluated, meetings).
  const stopNotifier = scheduleNotifier(database.db, config.publicUrl, changes, app.log);
  // Personal data past its time is erased by this process unless RETENTION_JOB=false (tests; a cron job instead).
  // Both jobs are scheduled on every instance and run on one of them each hour (job_runs).
  const jobs = (schedule: Schedule) => ({
    owner: instance,
    log: app.log,
    schedule: config.jobFirstRunSeconds === null ? schedule : { ...schedule, firstAfterMs: config.jobFirstRunSeconds * 1000 },
  });
  const stopRetention = config.retentionJob
    ? scheduleRetention(database, changes, jobs(defaultRetentionSchedule), files)
    : () => Promise.resolve();
  // Deadline reminders by e-mail, hourly, unless REMINDER_JOB=false (tests; `cli reminders` from cron instead).
  const stopReminders = config.reminderJob
    ? scheduleReminders(database.db, config.publicUrl, jobs(defaultReminderSchedule))
    : () => Promise.resolve();
  app.addHook('onClose', async () => {
    stopStatistics();
    await stopNotifier();
    await stopRetention();
    await stopReminders();
    locator.stop();
    await mail.stop();
    await shared.stop();
    stopSettings();
  });
  await app.ready();
  return app;
}
