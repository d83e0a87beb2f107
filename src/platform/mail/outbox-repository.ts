import { sql } from 'kysely';
import type { Db } from '../db/database.js';
import type { Trx } from '../audit/actor.js';

/** The outbox table; when and how a message is sent is in outbox.ts. */

export async function insertMail(
  trx: Trx,
  mail: { recipient: string; subject: string; body: string; headers: string | null },
): Promise<void> {
  await trx.insertInto('outbox').values(mail).execute();
}

/**
 * Claims up to `limit` unsent messages with fewer than `maxAttempts` tries, oldest first, for
 * `sender` until `leaseMs` from now: one statement, so two instances never claim the same message
 * (SKIP LOCKED passes over rows another claim is taking; a lease still running is not taken).
 */
export async function claimPendingMail(db: Db, sender: string, maxAttempts: number, limit: number, leaseMs: number) {
  const { rows } = await sql<{
    id: number;
    recipient: string;
    subject: string;
    body: string;
    attempts: number;
    headers: Record<string, string> | null;
  }>`
    update outbox set claimed_by = ${sender}, claimed_until = now() + make_interval(secs => ${leaseMs / 1000})
     where id in (
       select id from outbox
        where sent_at is null and attempts < ${maxAttempts} and (claimed_until is null or claimed_until < now())
        order by id
        limit ${limit}
        for update skip locked)
    returning id, recipient, subject, body, attempts, headers`.execute(db);
  return rows.sort((a, b) => a.id - b.id);
}

/** Gives back claims not used (the sender stopped before their turn): another run may take them at once. */
export async function releaseMail(db: Db, sender: string, ids: number[]): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable('outbox')
    .set({ claimed_by: null, claimed_until: null })
    .where('id', 'in', ids)
    .where('claimed_by', '=', sender)
    .execute();
}

/** A sent message keeps only the masked recipient it is given. */
export async function markSent(db: Db, id: number, attempts: number, maskedRecipient: string): Promise<void> {
  await db
    .updateTable('outbox')
    .set({ sent_at: new Date(), attempts, last_error: null, recipient: maskedRecipient, claimed_by: null, claimed_until: null })
    .where('id', '=', id)
    .execute();
}

export async function markFailed(db: Db, id: number, attempts: number, error: string): Promise<void> {
  await db.updateTable('outbox').set({ attempts, last_error: error, claimed_by: null, claimed_until: null }).where('id', '=', id).execute();
}
