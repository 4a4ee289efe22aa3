import type { Frame } from "./frame.ts";
import { haltReason } from "./types.ts";

/** Waits `ms` on the execution's clock, then stops if the execution or group was halted meanwhile. */
export function sleepFor(frame: Frame, ms: number): Promise<void> {
  const exec = frame.exec;
  const timer = exec.clock.sleep(ms);
  (exec.timers.set ??= new Set()).add(timer);
  return timer.done.then(() => {
    exec.timers.set?.delete(timer);
    const halted = haltReason(frame.halt);
    if (halted !== undefined) throw halted;
  });
}
