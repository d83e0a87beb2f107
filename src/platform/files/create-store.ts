import { ConfigError, type Config } from '../config/config.js';
import type { Database } from '../db/database.js';
import { DatabaseFileStore } from './database-store.js';
import { DirectoryFileStore, filesDirOf } from './directory-store.js';
import { s3OptionsFromEnv } from './s3-options.js';
import { S3FileStore } from './s3-store.js';
import type { FileStore } from './store.js';

type Env = Record<string, string | undefined>;

/**
 * The file store this process uses. The embedded back end keeps files beside its data, in
 * DATA_DIR/files (a database file full of photos would grow the in-memory database). The server
 * back end follows FILE_STORE: `database` (the default), or `s3` (the default once S3_* variables
 * are set; they are read from `env`, the environment the configuration came from).
 */
export function createFileStore(
  config: Pick<Config, 'dataDir' | 'fileStore'>,
  database: Pick<Database, 'kind' | 'db'>,
  env: Env = process.env,
): FileStore {
  if (database.kind === 'embedded') return new DirectoryFileStore(filesDirOf(config.dataDir));
  switch (config.fileStore) {
    case 'database':
      return new DatabaseFileStore(database.db);
    case 's3': {
      const options = s3OptionsFromEnv(env);
      if (!options) {
        throw new ConfigError(
          'FILE_STORE=s3: ustaw S3_BUCKET, S3_ACCESS_KEY_ID i S3_SECRET_ACCESS_KEY (docs/deploy.md) / set S3_BUCKET, S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY (docs/deploy.md)',
        );
      }
      return new S3FileStore(options);
    }
  }
}
