import type { Db } from '../../platform/db/database.js';
import type { Principal } from '../../platform/auth/principal.js';
import { findUnit } from '../units/index.js';
import type { AuditQuery } from './repository.js';

/** Administrators of the top unit see every entry, others the entries of their units. */
export async function auditScopeOf(db: Db, principal: Principal): Promise<string | null> {
  const unit = await findUnit(db, principal.unitId);
  return unit && unit.parentId === null ? null : principal.unitId;
}

export interface AuditFilterInput {
  entityType?: string | undefined;
  entityId?: string | undefined;
  action?: string | undefined;
  actor?: string | undefined;
  from?: string | undefined; // YYYY-MM-DD, Polish time
  to?: string | undefined; // YYYY-MM-DD inclusive
  page?: number | undefined;
  pageSize?: number | undefined;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Midnight in Warsaw of a calendar day, as an instant. */
export function warsawMidnight(day: string): Date | undefined {
  if (!DAY.test(day)) return undefined;
  const utc = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(utc.getTime()) || utc.toISOString().slice(0, 10) !== day) return undefined;
  const offsetText =
    new Intl.DateTimeFormat('en-US', { timeZone: 'Europe/Warsaw', timeZoneName: 'longOffset' })
      .formatToParts(utc)
      .find((part) => part.type === 'timeZoneName')?.value ?? 'GMT+01:00';
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(offsetText);
  const offsetMinutes = match ? (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) : 60;
  return new Date(utc.getTime() - offsetMinutes * 60_000);
}

export function toAuditQuery(scopeUnitId: string | null, input: AuditFilterInput): AuditQuery {
  // "to" is inclusive: entries before the next day's midnight.
  const nextDay = input.to && DAY.test(input.to) ? new Date(Date.parse(`${input.to}T00:00:00Z`) + 86_400_000) : undefined;
  const to = nextDay && !Number.isNaN(nextDay.getTime()) ? warsawMidnight(nextDay.toISOString().slice(0, 10)) : undefined;
  return {
    scopeUnitId,
    entityType: input.entityType || undefined,
    entityId: input.entityId || undefined,
    action: input.action || undefined,
    actor: input.actor?.trim() || undefined,
    from: input.from ? warsawMidnight(input.from) : undefined,
    to,
    page: input.page ?? 1,
    pageSize: input.pageSize ?? 50,
  };
}
