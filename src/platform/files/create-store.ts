import path from 'node:path';
import { ConfigError, type Config } from '../config/config.js';
import type { Database } from '../db/database.js';
import { DatabaseFileStore } from './database-store.js';
import { DirectoryFileStore } from './directory-store.js';
import type { FileStore } from './store.js';

/**
 * The file store this process uses. The embedded back end keeps files beside its data, in
 * DATA_DIR/files (a database file full of photos would grow the in-memory database). The server
 * back end follows FILE_STORE: `database` (default) or `s3`.
 */
export function createFileStore(config: Pick<Config, 'dataDir' | 'fileStore'>, database: Pick<Database, 'kind' | 'db'>): FileStore {
  if (database.kind === 'embedded') return new DirectoryFileStore(path.join(config.dataDir, 'files'));
  switch (config.fileStore) {
    case 'database':
      return new DatabaseFileStore(database.db);
    case 's3':
      // The S3 store (s3-store.ts, S3FileStore) plugs in here with its own options.
      throw new ConfigError(
        'FILE_STORE=s3: magazyn S3 nie jest jeszcze dostępny w tej wersji; użyj FILE_STORE=database / the S3 file store is not available in this version yet; use FILE_STORE=database',
      );
  }
}
