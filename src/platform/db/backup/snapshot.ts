import { sql } from 'kysely';
import { instanceSecrets } from '../../auth/secret.js';
import { openDatabase, type Database } from '../database.js';

/**
 * The data directory of an open embedded database as a tarball, taken while nothing else runs:
 * PGlite has one connection and the pool hands it out once, so holding it waits for the request
 * in flight to finish its transaction and keeps the next one waiting until the dump is written.
 * A checkpoint first puts every committed change into the data files, so the copy needs no WAL
 * replay to open. Writers wait for the length of the dump (BENCHMARKS.md, backup).
 */
export async function snapshotDataDir(database: Database): Promise<Uint8Array<ArrayBuffer>> {
  const dump = database.dumpDataDir;
  if (!dump) throw new Error('Only the embedded database has a data directory to copy');
  return await database.db.connection().execute(async (connection) => {
    await sql`checkpoint`.execute(connection);
    return new Uint8Array(await (await dump()).arrayBuffer());
  });
}

/**
 * The tarball with the installation's own secrets taken out (loaded into a second, in-memory
 * PGlite, so the running database is not touched), and the copy's schema version.
 * app_settings has no audit trigger: the copy's audit log says nothing of this.
 */
export async function withoutInstanceSecrets(
  tarball: Uint8Array<ArrayBuffer>,
): Promise<{ tarball: Uint8Array<ArrayBuffer>; schemaVersion: number }> {
  const copy = await openDatabase({ kind: 'embedded', dataDir: '' }, { loadDataDir: new Blob([tarball]) });
  try {
    await sql`delete from app_settings where key in (${sql.join(Object.values(instanceSecrets))})`.execute(copy.db);
    const version = await sql<{ version: number | null }>`select max(version) as version from schema_migrations`.execute(copy.db);
    return { tarball: await snapshotDataDir(copy), schemaVersion: version.rows[0]?.version ?? 0 };
  } finally {
    await copy.close();
  }
}
