import { sql } from 'kysely';
import type { Db } from '../../../platform/db/database.js';
import type { Trx } from '../../../platform/audit/actor.js';
import type { Recipient } from './rules.js';

// The reminders' SQL: who can be reminded (accounts active and with an e-mail), and reminders_sent (migration 0019).

export interface Contacts {
  /** The people serving each district today (its officer and the day's substitute) who can get e-mail. */
  serving: Map<string, Recipient[]>;
  /** Each unit's supervisors and commanders who can get e-mail. */
  reviewers: Map<string, Recipient[]>;
}

const push = <K>(map: Map<K, Recipient[]>, key: K, person: Recipient) => map.set(key, [...(map.get(key) ?? []), person]);

/** Two statements whatever the number of districts; deactivated accounts and accounts without e-mail are left out. */
export async function reminderContacts(db: Db, districtIds: string[], unitIds: string[], today: string): Promise<Contacts> {
  const contacts: Contacts = { serving: new Map(), reviewers: new Map() };
  if (districtIds.length === 0) return contacts;
  const [serving, reviewers] = await Promise.all([
    db
      .selectFrom('assignments as a')
      .innerJoin('officers as o', 'o.id', 'a.officer_id')
      .innerJoin('accounts as acc', 'acc.id', 'o.account_id')
      .select(['a.district_id', 'acc.id', 'acc.email', 'acc.display_name'])
      .where('a.district_id', 'in', districtIds)
      .where('o.retired_at', 'is', null)
      .where('a.starts_on', '<=', today)
      .where((eb) => eb.or([eb('a.ends_on', 'is', null), eb('a.ends_on', '>=', today)]))
      .where('acc.active', '=', true)
      .where('acc.email', 'is not', null)
      .where('acc.email', '<>', '')
      .orderBy('a.kind')
      .execute(),
    db
      .selectFrom('accounts')
      .select(['unit_id', 'id', 'email', 'display_name'])
      .where('unit_id', 'in', unitIds)
      .where('role', 'in', ['supervisor', 'commander'])
      .where('active', '=', true)
      .where('email', 'is not', null)
      .where('email', '<>', '')
      .orderBy('login')
      .execute(),
  ]);
  for (const s of serving) push(contacts.serving, s.district_id, { accountId: s.id, email: s.email!, name: s.display_name });
  for (const r of reviewers) push(contacts.reviewers, r.unit_id, { accountId: r.id, email: r.email!, name: r.display_name });
  return contacts;
}

/** One run at a time across app instances on one database: the second waits, then finds everything claimed. */
export async function lockReminderRun(trx: Trx): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext('dzielnicowy.reminders'))`.execute(trx);
}

export interface Claim {
  deadlineKey: string;
  recipient: string;
  daysBefore: number;
  unitId: string;
}

const claimId = (c: Pick<Claim, 'deadlineKey' | 'recipient' | 'daysBefore'>) => `${c.deadlineKey}|${c.recipient}|${c.daysBefore}`;

/** Records reminders as sent; returns the ids ("key|recipient|stage") of those not sent before: only those go out. */
export async function claimReminders(trx: Trx, claims: readonly Claim[]): Promise<Set<string>> {
  const claimed = new Set<string>();
  // Batches keep each statement's parameters well under PostgreSQL's limit.
  for (let i = 0; i < claims.length; i += 1000) {
    const rows = await trx
      .insertInto('reminders_sent')
      .values(
        claims
          .slice(i, i + 1000)
          .map((c) => ({ deadline_key: c.deadlineKey, recipient: c.recipient, days_before: c.daysBefore, unit_id: c.unitId })),
      )
      .onConflict((oc) => oc.columns(['deadline_key', 'recipient', 'days_before']).doNothing())
      .returning(['deadline_key', 'recipient', 'days_before'])
      .execute();
    for (const r of rows) claimed.add(claimId({ deadlineKey: r.deadline_key, recipient: r.recipient, daysBefore: r.days_before }));
  }
  return claimed;
}

/** The ids of the claims already sent (for a dry run, which sends and records nothing). */
export async function sentBefore(db: Db, claims: readonly Claim[]): Promise<Set<string>> {
  const recipients = [...new Set(claims.map((c) => c.recipient))];
  if (recipients.length === 0) return new Set();
  const rows = await db
    .selectFrom('reminders_sent')
    .select(['deadline_key', 'recipient', 'days_before'])
    .where('recipient', 'in', recipients)
    .execute();
  return new Set(rows.map((r) => claimId({ deadlineKey: r.deadline_key, recipient: r.recipient, daysBefore: r.days_before })));
}

export { claimId };
