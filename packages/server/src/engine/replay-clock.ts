import type { Clock, Timer } from "@stepcraft/runtime";

/**
 * The clock of an execution resumed after a restart. While its committed steps are replayed,
 * time follows the original run (a replayed task jumps it to when that task really ended, a Wait
 * that had already ended passes at once); a Wait still running at the crash sleeps only its
 * remaining time. Once the replay reaches work that never finished, the clock is live: the
 * service's clock again.
 */
export class ReplayClock implements Clock {
  private cursor: number;
  private live = false;

  constructor(
    private readonly base: Clock,
    startMs: number,
  ) {
    this.cursor = startMs;
  }

  /** True once the replay is over. */
  get isLive(): boolean {
    return this.live;
  }

  now(): number {
    return this.live ? this.base.now() : this.cursor;
  }

  /** A replayed step ended at `ms` in the original run. */
  advanceTo(ms: number): void {
    if (!this.live && ms > this.cursor) this.cursor = ms;
  }

  /** The replay reached new work: from now on time is the service's. */
  goLive(): void {
    this.live = true;
  }

  sleep(ms: number): Timer {
    if (this.live) return this.base.sleep(ms);
    const target = this.cursor + Math.max(0, ms);
    const remaining = target - this.base.now();
    if (remaining <= 0) {
      // Already over before the restart: pass at once, on the original timeline.
      let cancelled = false;
      const done = new Promise<void>((resolve) =>
        setImmediate(() => {
          if (cancelled) return;
          this.advanceTo(target);
          resolve();
        }),
      );
      return { done, cancel: () => (cancelled = true) };
    }
    const timer = this.base.sleep(remaining);
    return {
      done: timer.done.then(() => this.goLive()),
      cancel: () => timer.cancel(),
    };
  }

  hold(): void {}
  release(): void {}
}
