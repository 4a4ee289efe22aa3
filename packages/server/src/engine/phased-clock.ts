import type { Clock, Timer } from "@stepcraft/runtime";

/**
 * An execution's one clock (the runtime keeps the clock it was started with) whose time source
 * changes as the host moves through its runs: retracing finished runs, replaying the run that was
 * going on at a crash, then live.
 */
export class PhasedClock implements Clock {
  constructor(private current: Clock) {}

  /** From now on, time comes from `clock`. */
  use(clock: Clock): void {
    this.current = clock;
  }

  now(): number {
    return this.current.now();
  }

  sleep(ms: number): Timer {
    return this.current.sleep(ms);
  }

  hold(): void {
    this.current.hold();
  }

  release(): void {
    this.current.release();
  }

  elapse(ms: number): void {
    this.current.elapse?.(ms);
  }
}
