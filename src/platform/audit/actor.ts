import type { Transaction } from 'kysely';
import type { Db } from '../db/database.js';
import type { DatabaseSchema } from '../db/schema.js';
import { storeActor } from './repository.js';

export type Trx = Transaction<DatabaseSchema>;

/** Who makes a change: a signed-in account, or the system itself (start-up, CLI, demo data). */
export interface Actor {
  accountId: string | null;
  label: string;
  ip?: string | null;
  requestId?: string | null;
}

export const systemActor = (label = 'system'): Actor => ({ accountId: null, label });

/**
 * The label stored for an anonymous resident (mieszkaniec). It is stored like a login, once, in
 * Polish; pages turn it into words with `actorName` (render/messages.ts).
 */
export const residentLabel = 'mieszkaniec';

/**
 * Runs `work` in one transaction with the actor stored in transaction-local settings, where the
 * audit triggers read it. Everything inside is stored together or not at all.
 * Inside `work` use only `trx`: the embedded database has a single connection.
 */
export async function inTransaction<T>(db: Db, actor: Actor, work: (trx: Trx) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (trx) => {
    await storeActor(trx, actor);
    return work(trx);
  });
}
