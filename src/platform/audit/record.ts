import type { Db } from '../db/database.js';
import type { Actor, Trx } from './actor.js';
import { insertAuditEvent } from './repository.js';

/** An event that changes no row but must be on record (sign-in, failed sign-in, sign-out). */
export interface AuditEvent {
  action: string;
  entityType: string;
  entityId: string | null;
  unitId: string | null;
  details?: Record<string, unknown>;
  /** For an event that changes something kept outside audited tables (settings): the value before. */
  before?: Record<string, unknown>;
}

export async function recordEvent(db: Db | Trx, actor: Actor, event: AuditEvent): Promise<void> {
  await insertAuditEvent(db, actor, event);
}
