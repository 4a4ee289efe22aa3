import type { Clock, Timer } from "../engine/clock.ts";

interface PendingTimer {
  readonly at: number;
  readonly resolve: () => void;
  cancelled: boolean;
}

/**
 * Virtual time a test can hold still and move by hand (after Temporal's time-skipping test
 * environment). Running, it skips ahead like the default clock: when nothing can make progress,
 * time jumps to the next timer. Paused, timers fire only when the test advances time. A gate
 * (e.g. "state Approve was entered") pauses the clock before time would move past it.
 */
export class TestClock implements Clock {
  private current: number;
  private pending: PendingTimer[] = [];
  private flushScheduled = false;
  private paused = false;
  /**
   * Real work in flight (a handler running): time may not jump. Callback tasks waiting on the
   * test hold nothing (the engine lets time move once they wait: `ctx.awaitingExternal()`).
   */
  private holds = 0;
  private readonly gates = new Set<() => boolean>();

  constructor(startMs: number = Date.now()) {
    this.current = startMs;
  }

  now(): number {
    return this.current;
  }

  sleep(ms: number): Timer {
    let resolve!: () => void;
    const done = new Promise<void>((r) => (resolve = r));
    const timer: PendingTimer = { at: this.current + Math.max(0, ms), resolve, cancelled: false };
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
    if (this.holds > 0) this.holds--;
    if (this.holds === 0 && this.pending.length > 0) this.scheduleFlush();
  }

  /** True while the test moves time by hand. */
  get isPaused(): boolean {
    return this.paused;
  }

  /** Stops automatic time skipping: timers fire only through {@link advance}. */
  pause(): void {
    this.paused = true;
  }

  /** Skips ahead on its own again whenever nothing can make progress. */
  resume(): void {
    this.paused = false;
    this.scheduleFlush();
  }

  /** Pauses the clock as soon as `gate` returns true (checked before every jump). Returns a remover. */
  addGate(gate: () => boolean): () => void {
    this.gates.add(gate);
    return () => this.gates.delete(gate);
  }

  /** Moves time forward by `ms`, firing every timer due on the way in order; the clock stays paused. */
  async advance(ms: number): Promise<void> {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`advance() takes a finite, non-negative number of milliseconds, got ${ms}`);
    this.pause();
    const target = this.current + ms;
    await settle();
    for (;;) {
      const earliest = this.earliest();
      if (earliest === undefined || earliest > target) break;
      this.fire(earliest);
      await settle();
    }
    this.current = Math.max(this.current, target);
    await settle();
  }

  /** True when time cannot move and nothing runs: only timers (none due) or callbacks remain. */
  get idle(): boolean {
    return this.holds === 0 && this.earliest() === undefined;
  }

  private earliest(): number | undefined {
    let earliest: number | undefined;
    for (const t of this.pending) if (!t.cancelled && (earliest === undefined || t.at < earliest)) earliest = t.at;
    return earliest;
  }

  private fire(at: number): void {
    const due: PendingTimer[] = [];
    const rest: PendingTimer[] = [];
    for (const t of this.pending) {
      if (t.cancelled) continue;
      (t.at <= at ? due : rest).push(t);
    }
    this.pending = rest;
    if (at > this.current) this.current = at;
    for (const t of due) t.resolve();
  }

  private scheduleFlush(): void {
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    setImmediate(() => this.flush());
  }

  private flush(): void {
    this.flushScheduled = false;
    if (this.paused || this.holds > 0) return;
    for (const gate of this.gates) {
      if (gate()) {
        this.paused = true;
        return;
      }
    }
    const earliest = this.earliest();
    if (earliest === undefined) {
      this.pending = [];
      return;
    }
    this.fire(earliest);
    if (this.pending.length > 0) this.scheduleFlush();
  }
}

/** Lets the event loop run what is ready (handler promises, state transitions) before time moves. */
export async function settle(turns = 3): Promise<void> {
  for (let i = 0; i < turns; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}
