import { VirtualClock } from "../engine/clock.ts";

/**
 * Virtual time a test can hold still and move by hand (after Temporal's time-skipping test
 * environment). Running, it skips ahead like the default clock: when nothing can make progress,
 * time jumps to the next timer. Paused, timers fire only when the test advances time. A gate
 * (e.g. "state Approve was entered") pauses the clock before time would move past it.
 * Callback tasks waiting on the test hold nothing (the engine lets time move once they wait:
 * `ctx.awaitingExternal()`).
 */
export class TestClock extends VirtualClock {
  private paused = false;
  private readonly gates = new Set<() => boolean>();

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
  override async advance(ms: number): Promise<void> {
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

  /** Time moves only while running (not paused) and no gate says to stop here. */
  protected override mayMove(): boolean {
    if (this.paused) return false;
    for (const gate of this.gates) {
      if (gate()) {
        this.paused = true;
        return false;
      }
    }
    return true;
  }
}

/** Lets the event loop run what is ready (handler promises, state transitions) before time moves. */
export async function settle(turns = 3): Promise<void> {
  for (let i = 0; i < turns; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}
