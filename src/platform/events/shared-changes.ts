import type { FastifyBaseLogger } from 'fastify';
import type { Database } from '../db/database.js';
import type { StopListening } from '../db/notifications.js';
import { lastAuditId, notify } from '../db/notifications.js';
import { changeTopics, type ChangeBus, type ChangeTopic } from './changes.js';

/** The channel every instance of a database listens on; a notice's payload is "<topic> <instance>". */
export const CHANGES_CHANNEL = 'dzielnicowy_changes';

export interface SharedChangesOptions {
  /** This instance's name (newInstanceId): its own notices come back to it and are passed over. */
  instance: string;
  log?: FastifyBaseLogger;
  /** While not listening, how often the audit log is looked at for changes of others. */
  pollMs?: number;
  /** How long after losing the listening connection it is opened again. */
  retryMs?: number;
}

export interface SharedChanges {
  bus: ChangeBus;
  /** Whether the listening connection is up (false on the embedded database, which needs none). */
  readonly listening: boolean;
  /** Settles once the first attempt to listen has ended (listening, or polling meanwhile). */
  ready: Promise<void>;
  stop(): Promise<void>;
}

const isTopic = (text: string): text is ChangeTopic => (changeTopics as readonly string[]).includes(text);

/**
 * Shares an app's change bus with the other instances of its database. Every emit is told to this
 * app's listeners at once and to the others by NOTIFY; what others notify arrives on a connection
 * of its own (LISTEN) and is told to this app's listeners. When that connection is lost, notices
 * sent meanwhile are lost with it: until it is back, the audit log's last id is polled and any
 * growth is told as a change of every topic, and once it is back every topic is told once more.
 * Listeners refresh from the database, so hearing a change twice costs a refresh, never a wrong
 * answer. The embedded database has one process: its bus stays as it is.
 */
export function shareChanges(local: ChangeBus, database: Database, options: SharedChangesOptions): SharedChanges {
  const listen = database.listen;
  if (!listen) return { bus: local, listening: false, ready: Promise.resolve(), stop: () => Promise.resolve() };
  const { instance, log } = options;
  const pollMs = options.pollMs ?? 2000;
  const retryMs = options.retryMs ?? 2000;
  let stopListening: StopListening | null = null;
  let stopped = false;
  let everListened = false;
  let retryTimer: NodeJS.Timeout | null = null;
  let pollTimer: NodeJS.Timeout | null = null;
  let seenAuditId: number | null = null;

  const tellAll = () => changeTopics.forEach((topic) => local.emit(topic));
  const heard = (payload: string) => {
    const [topic, origin] = payload.split(' ');
    if (origin !== instance && topic !== undefined && isTopic(topic)) local.emit(topic);
  };
  const poll = async () => {
    const id = await lastAuditId(database.db);
    if (seenAuditId !== null && id > seenAuditId) tellAll();
    seenAuditId = id;
  };
  const startPolling = () => {
    if (pollTimer || stopped) return;
    seenAuditId = null;
    void poll().catch(() => undefined);
    pollTimer = setInterval(() => void poll().catch((error: unknown) => log?.debug({ err: error }, 'change poll failed')), pollMs);
    pollTimer.unref();
  };
  const stopPolling = () => {
    if (pollTimer) clearInterval(pollTimer);
    pollTimer = null;
  };
  const connect = async (): Promise<void> => {
    retryTimer = null;
    if (stopped) return;
    try {
      const stop = await listen(CHANGES_CHANNEL, heard, (error) => {
        stopListening = null;
        log?.warn({ err: error }, 'change notices lost: polling until listening again');
        startPolling();
        retryLater();
      });
      if (stopped) return void (await stop());
      stopListening = stop;
    } catch (error) {
      log?.warn({ err: error }, 'cannot listen for change notices: polling meanwhile');
      startPolling();
      retryLater();
      return;
    }
    stopPolling();
    // Back after a loss: what was notified meanwhile is gone, so everything may have changed.
    if (everListened) tellAll();
    everListened = true;
  };
  const retryLater = () => {
    if (stopped || retryTimer) return;
    retryTimer = setTimeout(() => void connect(), retryMs);
    retryTimer.unref();
  };
  const connecting = connect();

  return {
    bus: {
      on: (topic, listener) => local.on(topic, listener),
      emit(topic) {
        local.emit(topic);
        notify(database.db, CHANGES_CHANNEL, `${topic} ${instance}`).catch((error: unknown) =>
          log?.warn({ err: error, topic }, 'change notice not sent'),
        );
      },
    },
    get listening() {
      return stopListening !== null;
    },
    ready: connecting,
    async stop() {
      stopped = true;
      if (retryTimer) clearTimeout(retryTimer);
      stopPolling();
      await connecting;
      await stopListening?.();
      stopListening = null;
    },
  };
}
