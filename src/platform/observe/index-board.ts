/**
 * Where an in-memory index stands: whether it answers yet, when it was last built, and when it was
 * last known to match the database (a rebuild, or a check that found nothing new). Readiness
 * waits for every index to be ready; /metrics shows both ages.
 */
export interface IndexState {
  ready: boolean;
  /** Epoch milliseconds of the last full build, or null before the first. */
  builtAt: number | null;
  /** Epoch milliseconds of the last moment the index was known to be up to date with the database. */
  checkedAt: number | null;
}

/** The app's in-memory indexes by name (the locator's register, the public report index), read on demand. */
export class IndexBoard {
  private readonly sources = new Map<string, () => IndexState>();

  add(name: string, state: () => IndexState): void {
    this.sources.set(name, state);
  }

  states(): Array<{ name: string } & IndexState> {
    return [...this.sources].map(([name, state]) => ({ name, ...state() }));
  }

  allReady(): boolean {
    return [...this.sources.values()].every((state) => state().ready);
  }
}
