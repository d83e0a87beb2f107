import type { Db } from '../../platform/db/database.js';
import { listAuditEntries, type AuditEntry, type AuditQuery } from './repository.js';

export { unitNamesOf } from './repository.js';

/** What the audit log page and API read; who may read which units is the route's check. */

/** One page of the audit log entries that match `query`, with the count of all that do. */
export async function auditPage(db: Db, query: AuditQuery): Promise<{ entries: AuditEntry[]; total: number }> {
  return listAuditEntries(db, query);
}
