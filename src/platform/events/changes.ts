/**
 * Tells one app's caches that something changed, so they refresh at once instead of after their
 * time limit or poll. One bus per app (`buildApp` creates it and passes it to the use cases that
 * write and to the caches that read), never a module-level registry: two apps in one process
 * (tests) do not hear each other. On the PostgreSQL server the app's bus is shared with the other
 * instances of its database (shared-changes.ts: NOTIFY and LISTEN), so their changes arrive too.
 */
export const changeTopics = ['plans', 'reports', 'register', 'settings'] as const;
/** `register`: districts, officers, assignments and units (what the locator holds); `settings`: the administrators' settings. */
export type ChangeTopic = (typeof changeTopics)[number];

export interface ChangeBus {
  /** Calls `listener` after every change of `topic`; returns the function that stops it. */
  on(topic: ChangeTopic, listener: () => void): () => void;
  /** Tells every listener of `topic`; a listener that throws does not stop the others. */
  emit(topic: ChangeTopic): void;
}

export function createChangeBus(onListenerError: (error: unknown) => void = () => undefined): ChangeBus {
  const listeners = Object.fromEntries(changeTopics.map((topic) => [topic, new Set<() => void>()])) as Record<ChangeTopic, Set<() => void>>;
  return {
    on(topic, listener) {
      // A wrapper per call: the same function subscribed twice is two subscriptions, each undone on its own.
      const entry = () => listener();
      listeners[topic].add(entry);
      return () => void listeners[topic].delete(entry);
    },
    emit(topic) {
      for (const listener of [...listeners[topic]]) {
        try {
          listener();
        } catch (error) {
          onListenerError(error);
        }
      }
    },
  };
}
