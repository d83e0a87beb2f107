import type { Db } from '../db/database.js';
import type { Trx } from '../audit/actor.js';

/** The outbox table; when and how a message is sent is in outbox.ts. */

export async function insertMail(
  trx: Trx,
  mail: { recipient: string; subject: string; body: string; headers: string | null },
): Promise<void> {
  await trx.insertInto('outbox').values(mail).execute();
}

/** Unsent messages with fewer than `maxAttempts` tries, oldest first. */
export async function pendingMail(db: Db, maxAttempts: number, limit: number) {
  return db
    .selectFrom('outbox')
    .selectAll()
    .where('sent_at', 'is', null)
    .where('attempts', '<', maxAttempts)
    .orderBy('id')
    .limit(limit)
    .execute();
}

/** A sent message keeps only the masked recipient it is given. */
export async function markSent(db: Db, id: number, attempts: number, maskedRecipient: string): Promise<void> {
  await db
    .updateTable('outbox')
    .set({ sent_at: new Date(), attempts, last_error: null, recipient: maskedRecipient })
    .where('id', '=', id)
    .execute();
}

export async function markFailed(db: Db, id: number, attempts: number, error: string): Promise<void> {
  await db.updateTable('outbox').set({ attempts, last_error: error }).where('id', '=', id).execute();
}
