import type { Clock, Timer } from "@stepcraft/runtime";

/**
 * The service's clock: real time, optionally sped up. With `scale` 60 a Wait of a minute takes a
 * second. Time is counted from a fixed `anchorMs` (kept in the data directory), so that the
 * scaled "now" of every execution agrees, and stays monotonic across restarts.
 */
export class ScaledClock implements Clock {
  constructor(
    private readonly scale: number,
    private readonly anchorMs: number,
    private readonly wallClock: () => number = Date.now,
  ) {
    if (!(scale > 0) || !Number.isFinite(scale)) throw new RangeError(`The time scale must be a positive number, not ${scale}`);
  }

  now(): number {
    return Math.round(this.anchorMs + (this.wallClock() - this.anchorMs) * this.scale);
  }

  sleep(ms: number): Timer {
    let handle: NodeJS.Timeout | undefined;
    const done = new Promise<void>((resolve) => {
      // Node caps timers at 2^31-1 ms (about 24.8 days); longer Waits sleep in steps.
      const step = (remaining: number): void => {
        const chunk = Math.min(remaining, 2_147_483_647);
        handle = setTimeout(() => (remaining - chunk <= 0 ? resolve() : step(remaining - chunk)), chunk);
      };
      step(Math.max(0, ms) / this.scale);
    });
    return { done, cancel: () => clearTimeout(handle) };
  }

  hold(): void {}
  release(): void {}
}
