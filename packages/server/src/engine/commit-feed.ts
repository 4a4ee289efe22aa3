/**
 * Tells listeners that an execution committed something (history events, its end), so the
 * console's event stream can push it the moment it is durable instead of polling SQLite.
 * Listeners read what changed from the store themselves: the feed carries only the ARN.
 */
export class CommitFeed {
  private readonly listeners = new Map<string, Set<() => void>>();

  /** Calls `listener` after each commit of `executionArn`; returns the function that stops it. */
  subscribe(executionArn: string, listener: () => void): () => void {
    let set = this.listeners.get(executionArn);
    if (set === undefined) {
      set = new Set();
      this.listeners.set(executionArn, set);
    }
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0 && this.listeners.get(executionArn) === set) this.listeners.delete(executionArn);
    };
  }

  notify(executionArn: string): void {
    const set = this.listeners.get(executionArn);
    if (set === undefined) return;
    // A listener that throws must not keep the commit from the others (or from the engine).
    for (const listener of [...set]) {
      try {
        listener();
      } catch (error) {
        process.stderr.write(`stepcraft serve: a console listener failed: ${error instanceof Error ? error.message : String(error)}\n`);
      }
    }
  }

  /** How many listeners wait on `executionArn` (tests check that closed streams let go). */
  listenerCount(executionArn: string): number {
    return this.listeners.get(executionArn)?.size ?? 0;
  }
}
