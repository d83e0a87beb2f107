/**
 * Every write the load saw acknowledged, and afterwards the check that each one is in the database:
 * its row (the report, the log entry, the plan's event) and its audit row, found by the request id
 * the answer carried. Lost = acknowledged but not found.
 */
import { sql } from 'kysely';
import type { Db } from '../../src/platform/db/database.js';

export type WriteKind = 'report' | 'log-entry' | 'plan-edit' | 'workflow';

export interface Acknowledged {
  kind: WriteKind;
  requestId: string;
  /** The report's number, the entry's id, or the plan's id. */
  id: string;
  /** A workflow step: its transition and the plan's status after it. */
  transition?: string;
  status?: string;
}

/** The table the audit row of each kind of write names. */
const auditedAs: Record<WriteKind, string> = { report: 'reports', 'log-entry': 'plan_action_log', 'plan-edit': 'plans', workflow: 'plans' };

export interface WriteCount {
  kind: WriteKind;
  acknowledged: number;
  found: number;
  lost: number;
}

export interface WriteCheck {
  counts: WriteCount[];
  /** Reports stored held for review by the district flood limits (stored, not shown yet). */
  heldReports: number;
  /** Workflow plans whose stored status is the one their last acknowledged step answered. */
  plansAsAnswered: number;
  plans: number;
}

export async function checkWrites(db: Db, writes: readonly Acknowledged[]): Promise<WriteCheck> {
  const ids = (kind: WriteKind) => writes.filter((w) => w.kind === kind).map((w) => w.id);
  const keys = async (query: ReturnType<typeof sql<{ key: string }>>) => new Set((await query.execute(db)).rows.map((r) => r.key));
  const reports = await keys(sql<{ key: string }>`select id::text as key from reports where id::text = any(${ids('report')}::text[])`);
  const entries = await keys(
    sql<{ key: string }>`select id::text as key from plan_action_log where id::text = any(${ids('log-entry')}::text[])`,
  );
  const audited = await keys(
    sql<{
      key: string;
    }>`select distinct request_id || ' ' || entity_type as key from audit_log where request_id = any(${writes.map((w) => w.requestId)}::text[])`,
  );
  // A plan's events per transition: at least as many as its steps acknowledged (the load made them all).
  const events = new Map(
    (
      await sql<{ key: string; n: number }>`select plan_id::text || ' ' || transition as key, count(*)::int as n from plan_events
        where plan_id::text = any(${[...new Set(ids('workflow'))]}::text[]) group by 1`.execute(db)
    ).rows.map((r) => [r.key, r.n]),
  );
  // Each acknowledged step takes one of its plan's events of that transition; one left without is lost.
  const eventFor = (w: Acknowledged) => {
    const key = `${w.id} ${w.transition}`;
    const left = events.get(key) ?? 0;
    events.set(key, left - 1);
    return left > 0;
  };
  const stored = (w: Acknowledged) =>
    audited.has(`${w.requestId} ${auditedAs[w.kind]}`) &&
    (w.kind === 'report' ? reports.has(w.id) : w.kind === 'log-entry' ? entries.has(w.id) : w.kind === 'workflow' ? eventFor(w) : true);
  const counts = (['report', 'log-entry', 'plan-edit', 'workflow'] as const).map((kind) => {
    const of = writes.filter((w) => w.kind === kind);
    const found = of.filter(stored).length;
    return { kind, acknowledged: of.length, found, lost: of.length - found };
  });

  const held = await sql<{
    n: number;
  }>`select count(*)::int as n from reports where hold = 'held' and id::text = any(${ids('report')}::text[])`.execute(db);
  const lastStatus = new Map<string, string>();
  for (const w of writes) if (w.kind === 'workflow' && w.status) lastStatus.set(w.id, w.status);
  const statuses = await sql<{ id: string; status: string }>`select id::text as id, status from plans
    where id::text = any(${[...lastStatus.keys()]}::text[])`.execute(db);
  return {
    counts,
    heldReports: held.rows[0]!.n,
    plansAsAnswered: statuses.rows.filter((r) => lastStatus.get(r.id) === r.status).length,
    plans: lastStatus.size,
  };
}
