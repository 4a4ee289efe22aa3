/** A source of time for an execution; Wait, retry back-off and timeouts all go through it. */
export interface Clock {
  /** Milliseconds since the epoch, as this clock sees it. */
  now(): number;
  /** Resolves after `ms` (virtual or real); a cancelled timer never resolves. */
  sleep(ms: number): Timer;
  /**
   * Declares real work in flight (a task handler running): virtual time must not jump while it
   * runs. Each `hold()` is matched by one `release()`.
   */
  hold(): void;
  /** Ends one `hold()`. */
  release(): void;
}

/** A pending sleep that can be cancelled (so an abandoned execution leaves nothing behind). */
export interface Timer {
  readonly done: Promise<void>;
  cancel(): void;
}

interface PendingTimer {
  readonly at: number;
  readonly seq: number;
  readonly resolve: () => void;
  cancelled: boolean;
}

/**
 * Virtual time: sleeping registers a wake-up, and once the event loop has run everything that is
 * ready (a macrotask turn), time jumps to the earliest wake-up. Concurrent branches that wait
 * 10 s each therefore finish at +10 s, not +20 s, and a week-long Wait takes microseconds.
 */
export class VirtualClock implements Clock {
  private current: number;
  private pending: PendingTimer[] = [];
  private seq = 0;
  private flushScheduled = false;
  private holds = 0;

  constructor(startMs: number = Date.now()) {
    this.current = startMs;
  }

  now(): number {
    return this.current;
  }

  /** Moves time forward without waking anyone (useful in tests). */
  advance(ms: number): void {
    this.current += ms;
  }

  sleep(ms: number): Timer {
    let resolve!: () => void;
    const done = new Promise<void>((r) => (resolve = r));
    const timer: PendingTimer = { at: this.current + Math.max(0, ms), seq: this.seq++, resolve, cancelled: false };
    this.pending.push(timer);
    this.scheduleFlush();
    return {
      done,
      cancel: () => {
        timer.cancelled = true;
      },
    };
  }

  hold(): void {
    this.holds++;
  }

  release(): void {
    if (this.holds === 0) return;
    this.holds--;
    if (this.holds === 0 && this.pending.length > 0) this.scheduleFlush();
  }

  private scheduleFlush(): void {
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    // setImmediate runs after pending microtasks, so every branch that can make progress
    // without time passing has done so before time jumps.
    setImmediate(() => this.flush());
  }

  private flush(): void {
    this.flushScheduled = false;
    if (this.holds > 0) return;
    let best = -1;
    for (let i = 0; i < this.pending.length; i++) {
      const t = this.pending[i]!;
      if (t.cancelled) continue;
      const b = best < 0 ? undefined : this.pending[best]!;
      if (b === undefined || t.at < b.at || (t.at === b.at && t.seq < b.seq)) best = i;
    }
    if (best < 0) {
      this.pending.length = 0;
      return;
    }
    const wake = this.pending[best]!;
    this.pending.splice(best, 1);
    if (wake.at > this.current) this.current = wake.at;
    wake.resolve();
    if (this.pending.some((t) => !t.cancelled)) this.scheduleFlush();
    else this.pending.length = 0;
  }
}

/** Wall-clock time: sleeping really waits. */
export class RealClock implements Clock {
  now(): number {
    return Date.now();
  }

  sleep(ms: number): Timer {
    let handle: ReturnType<typeof setTimeout> | undefined;
    const done = new Promise<void>((resolve) => {
      handle = setTimeout(resolve, Math.max(0, ms));
    });
    return { done, cancel: () => clearTimeout(handle) };
  }

  hold(): void {
    // Real time moves on its own.
  }

  release(): void {
    // Nothing was held.
  }
}
