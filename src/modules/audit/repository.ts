import type { ExpressionBuilder } from 'kysely';
import type { Db } from '../../platform/db/database.js';
import type { DatabaseSchema } from '../../platform/db/schema.js';
import { subtreeOf } from '../access/index.js';

export interface AuditEntry {
  id: number;
  at: Date;
  actorId: string | null;
  actorLabel: string;
  action: string;
  entityType: string;
  entityId: string | null;
  unitId: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  ip: string | null;
  requestId: string | null;
}

export interface AuditQuery {
  /** Only entries of this unit and the units below it; null = everything (national administrators). */
  scopeUnitId: string | null;
  entityType?: string | undefined;
  entityId?: string | undefined;
  action?: string | undefined;
  actor?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  page: number;
  pageSize: number;
}

export async function listAuditEntries(db: Db, query: AuditQuery): Promise<{ entries: AuditEntry[]; total: number }> {
  const filter = (eb: ExpressionBuilder<DatabaseSchema, 'audit_log'>) => {
    const conditions = [];
    if (query.scopeUnitId !== null) conditions.push(eb('unit_id', 'in', subtreeOf(query.scopeUnitId)));
    if (query.entityType) conditions.push(eb('entity_type', '=', query.entityType));
    if (query.entityId) conditions.push(eb('entity_id', '=', query.entityId));
    if (query.action) conditions.push(eb('action', '=', query.action));
    if (query.actor) conditions.push(eb(eb.fn('lower', ['actor_label']), '=', query.actor.toLowerCase()));
    if (query.from) conditions.push(eb('at', '>=', query.from));
    if (query.to) conditions.push(eb('at', '<', query.to));
    return eb.and(conditions);
  };
  const [rows, count] = await Promise.all([
    db
      .selectFrom('audit_log')
      .selectAll()
      .where(filter)
      .orderBy('at', 'desc')
      .orderBy('id', 'desc')
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute(),
    db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where(filter)
      .executeTakeFirstOrThrow(),
  ]);
  return {
    total: Number(count.n),
    entries: rows.map((row) => ({
      id: row.id,
      at: row.at,
      actorId: row.actor_id,
      actorLabel: row.actor_label,
      action: row.action,
      entityType: row.entity_type,
      entityId: row.entity_id,
      unitId: row.unit_id,
      before: row.before,
      after: row.after,
      ip: row.ip,
      requestId: row.request_id,
    })),
  };
}

/** The names of units by id (the units of settings changes on a page of the log). */
export async function unitNamesOf(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('units').select(['id', 'name']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}
