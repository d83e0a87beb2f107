/**
 * Tells one app's caches that its own process changed something, so they refresh at once instead
 * of after their time limit or poll. One bus per app (`buildApp` creates it and passes it to the use
 * cases that write and to the caches that read), never a module-level registry: two apps in one
 * process (tests) do not hear each other. Changes made by other processes reach a cache its own way
 * (the public map polls the audit log; plan pages expire after 30 s).
 */
export type ChangeTopic = 'plans' | 'reports';

export interface ChangeBus {
  /** Calls `listener` after every change of `topic`; returns the function that stops it. */
  on(topic: ChangeTopic, listener: () => void): () => void;
  /** Tells every listener of `topic`; a listener that throws does not stop the others. */
  emit(topic: ChangeTopic): void;
}

export function createChangeBus(onListenerError: (error: unknown) => void = () => undefined): ChangeBus {
  const listeners: Record<ChangeTopic, Set<() => void>> = { plans: new Set(), reports: new Set() };
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
