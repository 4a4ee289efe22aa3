import { VirtualClock } from "@stepcraft/runtime";

/**
 * The clock of a finished run retraced to be redriven: virtual time from the run's start, where
 * timers pass as soon as nothing else can move (in the order they are due) but only up to the
 * moment the run ended. What was still waiting then (a Wait, a callback, an execution stopped by
 * StopExecution) never passes: the retrace stalls exactly where the run stopped.
 */
export class RetraceClock extends VirtualClock {
  constructor(
    startMs: number,
    private readonly endMs: number,
  ) {
    super(startMs);
  }

  /** A recorded task ended at `ms` in the original run. */
  advanceTo(ms: number): void {
    if (ms > this.current) this.current = ms;
  }

  /** True when nothing can move any more: no work in flight, no timer due before the run's end. */
  get stalled(): boolean {
    return this.idle;
  }

  protected override earliest(): number | undefined {
    const at = super.earliest();
    return at !== undefined && at <= this.endMs ? at : undefined;
  }
}
