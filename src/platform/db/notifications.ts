import pg from 'pg';
import { sql } from 'kysely';
import type { Db } from './database.js';

/** Stops listening and closes the connection. */
export type StopListening = () => Promise<void>;

/**
 * LISTEN on a connection of its own (a pooled one would be handed to other queries): each
 * notification's payload goes to `onMessage`; `onLost` is called once when the connection fails
 * or ends, and the caller decides whether to listen again.
 */
export async function listenOn(
  config: pg.ClientConfig,
  channel: string,
  onMessage: (payload: string) => void,
  onLost: (error: Error) => void,
): Promise<StopListening> {
  const client = new pg.Client(config);
  let stopped = false;
  let lost = false;
  const loseOnce = (error: Error) => {
    if (stopped || lost) return;
    lost = true;
    onLost(error);
  };
  client.on('error', loseOnce);
  client.on('end', () => loseOnce(new Error('the listening connection ended')));
  client.on('notification', (message) => {
    if (message.channel === channel && message.payload !== undefined) onMessage(message.payload);
  });
  try {
    await client.connect();
    await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
  } catch (error) {
    stopped = true;
    await client.end().catch(() => undefined);
    throw error;
  }
  return async () => {
    stopped = true;
    await client.end().catch(() => undefined);
  };
}

/** NOTIFY through the pool: delivered to every listening connection once the statement commits. */
export async function notify(db: Db, channel: string, payload: string): Promise<void> {
  await sql`select pg_notify(${channel}, ${payload})`.execute(db);
}

/** The highest audit_log id: every audited change makes it grow (the fallback when notifications are lost). */
export async function lastAuditId(db: Db): Promise<number> {
  const { rows } = await sql<{ id: number | null }>`select max(id) as id from audit_log`.execute(db);
  return rows[0]?.id ?? 0;
}
