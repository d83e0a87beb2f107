import { ConfigError, appVersion, loadConfig, type Config } from './platform/config/config.js';
import { DataDirLockedError, lockDataDir, type DataDirLock } from './platform/db/lock.js';
import { openDatabase, type Database } from './platform/db/database.js';
import { MigrationError, migrate } from './platform/db/migrate.js';
import { loadDemoDataOnce } from './demo/index.js';
import { buildApp } from './app.js';
import { listenForBackups, type BackupListener } from './platform/db/backup/index.js';

/** Prints a start-up failure without a stack trace, in Polish and English. */
function fail(message: string): never {
  process.stderr.write(`\n${message}\n\n`);
  process.exit(1);
}

async function openAndMigrate(config: Config): Promise<Database> {
  let database: Database;
  try {
    database = await openDatabase(config.database);
    await database.ping(15_000);
  } catch (error) {
    fail(
      `Nie można otworzyć bazy danych / Cannot open the database: ${(error as Error).message}\n` +
        (config.database.kind === 'postgres'
          ? 'Sprawdź DATABASE_URL i czy serwer PostgreSQL działa. / Check DATABASE_URL and that the PostgreSQL server is running.'
          : `Katalog danych / data directory: ${config.dataDir}`),
    );
  }
  try {
    await migrate(database.db);
  } catch (error) {
    await database.close().catch(() => undefined);
    fail(`Migracja bazy danych nie powiodła się / Database migration failed: ${(error as Error).message}`);
  }
  return database;
}

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) fail(`Błąd konfiguracji / Configuration error: ${error.message}`);
    throw error;
  }
  let lock: DataDirLock | undefined;
  if (config.database.kind === 'embedded') {
    try {
      lock = lockDataDir(config.dataDir);
    } catch (error) {
      if (error instanceof DataDirLockedError) fail(error.message);
      throw error;
    }
  }
  const database = await openAndMigrate(config);
  if (config.loadDemoData && (await loadDemoDataOnce(database.db))) {
    process.stdout.write('Załadowano dane demonstracyjne (konta: zob. README). / Demo data loaded (accounts: see README).\n');
  }
  let app: Awaited<ReturnType<typeof buildApp>>;
  try {
    app = await buildApp(config, database);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    await database.close().catch(() => undefined);
    lock?.release();
    fail(`Błąd konfiguracji / Configuration error: ${error.message}`);
  }

  let backups: BackupListener | undefined;
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) {
      app.log.warn('second signal: exiting now');
      process.exit(1);
    }
    stopping = true;
    app.log.info({ signal }, 'shutting down: finishing requests in flight');
    const force = setTimeout(() => {
      app.log.error('shutdown took longer than 15 s: exiting');
      lock?.release();
      process.exit(1);
    }, 15_000);
    force.unref();
    try {
      await backups?.close();
      await app.close();
      await database.close();
    } finally {
      lock?.release();
      clearTimeout(force);
    }
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    await database.close().catch(() => undefined);
    lock?.release();
    const code = (error as NodeJS.ErrnoException).code;
    fail(
      code === 'EADDRINUSE'
        ? `Port ${config.port} jest zajęty. Ustaw inny w zmiennej PORT. / Port ${config.port} is in use. Set another with PORT.`
        : `Nie można uruchomić serwera / Cannot start the server: ${(error as Error).message}`,
    );
  }
  // `npm run cli -- backup` asks this process for a consistent copy (platform/db/backup).
  if (config.database.kind === 'embedded') backups = await listenForBackups(config.dataDir, database, (message) => app.log.warn(message));
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const where = database.kind === 'embedded' ? `embedded database in ${config.dataDir}` : 'PostgreSQL server';
  app.log.info({ version: appVersion, database: database.kind, port }, `Dzielnicowy ${appVersion}: ${where}`);
  // Printed whatever LOG_LEVEL says: people (and scripts that start it with PORT=0) need the address.
  process.stdout.write(`Dzielnicowy ${appVersion} działa pod adresem / is listening on http://${config.host}:${port}\n`);
}

main().catch((error: unknown) => {
  if (error instanceof MigrationError) fail(error.message);
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
