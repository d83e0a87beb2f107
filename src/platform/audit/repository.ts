import { sql } from 'kysely';
import type { Db } from '../db/database.js';
import type { Actor, Trx } from './actor.js';
import type { AuditEvent } from './record.js';

/** The audit log's SQL: the actor settings the triggers read, and the rows written by hand. */

/** Stores the actor in transaction-local settings, where the audit triggers read it. */
export async function storeActor(trx: Trx, actor: Actor): Promise<void> {
  await sql`select ${actorSettings(actor)}`.execute(trx);
}

/**
 * The select list that stores the actor in transaction-local settings, for a statement that is
 * its own transaction (see `storeNewReport`) or the first of one.
 */
export function actorSettings(actor: Actor) {
  return sql`set_config('app.actor_id', ${actor.accountId ?? ''}, true),
      set_config('app.actor_label', ${actor.label}, true),
      set_config('app.ip', ${actor.ip ?? ''}, true),
      set_config('app.request_id', ${actor.requestId ?? ''}, true)`;
}

/** One event on record; `details` is stored as the row's `after`. */
export async function insertAuditEvent(db: Db | Trx, actor: Actor, event: AuditEvent): Promise<void> {
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
