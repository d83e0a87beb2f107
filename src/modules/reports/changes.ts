/** Listeners told when this process changes any report (in-memory indexes refresh at once). */
const listeners = new Set<() => void>();

export function onReportsChanged(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function reportsChanged(): void {
  for (const listener of listeners) listener();
}
