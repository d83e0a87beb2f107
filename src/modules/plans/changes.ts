/** Listeners told when this process changes any plan (caches of public pages clear themselves). */
const listeners = new Set<() => void>();

export function onPlansChanged(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function plansChanged(): void {
  for (const listener of listeners) listener();
}
