import type { Db } from '../db/database.js';
import type { Actor, Trx } from './actor.js';

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
  await db
    .insertInto('audit_log')
    .values({
      actor_id: actor.accountId,
      actor_label: actor.label,
      action: event.action,
      entity_type: event.entityType,
      entity_id: event.entityId,
      unit_id: event.unitId,
      before: event.before ? JSON.stringify(event.before) : null,
      after: event.details ? JSON.stringify(event.details) : null,
      ip: actor.ip ?? null,
      request_id: actor.requestId ?? null,
    })
    .execute();
}
