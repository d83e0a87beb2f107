import type { Db } from '../../platform/db/database.js';
import type { Trx } from '../../platform/audit/actor.js';
import type { PlanContent, PlanStatus, ReviewComment } from './model.js';

// A plan's history: the versions submitted for review with their decisions, and the steps it took.
type Queryable = Db | Trx;

export interface PlanVersion {
  version: number;
  periodFrom: string;
  periodTo: string;
  content: PlanContent;
  submittedAt: Date;
  submittedBy: string;
  decision: 'approved' | 'returned' | null;
  comments: ReviewComment[];
  decidedAt: Date | null;
  decidedBy: string | null;
  /** The display names of those people (their logins when no account has them any more). */
  submittedByName: string;
  decidedByName: string | null;
}

export async function insertVersion(
  trx: Trx,
  planId: string,
  version: Pick<PlanVersion, 'version' | 'periodFrom' | 'periodTo' | 'content' | 'submittedBy'>,
): Promise<void> {
  await trx
    .insertInto('plan_versions')
    .values({
      plan_id: planId,
      version: version.version,
      period_from: version.periodFrom,
      period_to: version.periodTo,
      content: JSON.stringify(version.content),
      submitted_by: version.submittedBy,
    })
    .execute();
}

export async function decideVersion(
  trx: Trx,
  planId: string,
  version: number,
  decision: 'approved' | 'returned',
  comments: ReviewComment[],
  by: string,
): Promise<void> {
  await trx
    .updateTable('plan_versions')
    .set({ decision, comments: JSON.stringify(comments), decided_at: new Date(), decided_by: by })
    .where('plan_id', '=', planId)
    .where('version', '=', version)
    .execute();
}

/** Who submitted a version, with the e-mail address to tell them of the decision (null when they have none). */
export async function submitterOf(
  db: Queryable,
  planId: string,
  version: number,
): Promise<{ login: string; email: string | null } | undefined> {
  return db
    .selectFrom('plan_versions')
    .leftJoin('accounts', 'accounts.login', 'plan_versions.submitted_by')
    .select(['plan_versions.submitted_by as login', 'accounts.email'])
    .where('plan_versions.plan_id', '=', planId)
    .where('plan_versions.version', '=', version)
    .executeTakeFirst();
}

export async function listVersions(db: Queryable, planId: string): Promise<PlanVersion[]> {
  const rows = await db
    .selectFrom('plan_versions')
    .leftJoin('accounts as submitter', 'submitter.login', 'plan_versions.submitted_by')
    .leftJoin('accounts as decider', 'decider.login', 'plan_versions.decided_by')
    .selectAll('plan_versions')
    .select(['submitter.display_name as submitted_by_name', 'decider.display_name as decided_by_name'])
    .where('plan_id', '=', planId)
    .orderBy('version', 'desc')
    .execute();
  return rows.map((row) => ({
    version: row.version,
    periodFrom: row.period_from,
    periodTo: row.period_to,
    content: row.content as PlanContent,
    submittedAt: row.submitted_at,
    submittedBy: row.submitted_by,
    decision: row.decision as PlanVersion['decision'],
    comments: row.comments as ReviewComment[],
    decidedAt: row.decided_at,
    decidedBy: row.decided_by,
    submittedByName: row.submitted_by_name ?? row.submitted_by,
    decidedByName: row.decided_by === null ? null : (row.decided_by_name ?? row.decided_by),
  }));
}

export async function insertEvent(
  trx: Trx,
  event: {
    planId: string;
    actor: string;
    transition: string;
    from: PlanStatus | null;
    to: PlanStatus;
    version: number;
    note?: string | null;
  },
): Promise<void> {
  await trx
    .insertInto('plan_events')
    .values({
      plan_id: event.planId,
      actor_label: event.actor,
      transition: event.transition,
      from_status: event.from,
      to_status: event.to,
      version: event.version,
      note: event.note ?? null,
    })
    .execute();
}

/** The plan's history; `actor_name` is the person's display name (null for the system: demo data, imports from the command line). */
export async function listEvents(db: Queryable, planId: string) {
  return db
    .selectFrom('plan_events')
    .leftJoin('accounts', 'accounts.login', 'plan_events.actor_label')
    .selectAll('plan_events')
    .select('accounts.display_name as actor_name')
    .where('plan_id', '=', planId)
    .orderBy('plan_events.at')
    .orderBy('plan_events.id')
    .execute();
}
