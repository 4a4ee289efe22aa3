import type { Clock, Timer } from "../engine/clock.ts";
import { HeartbeatTimeoutError, taskTimeout } from "../engine/failure.ts";

/** Lets a running handler reset its heartbeat clock. */
export interface HeartbeatTarget {
  beat: (() => void) | undefined;
}

/**
 * Races a pending task against its TimeoutSeconds (→ States.Timeout) and HeartbeatSeconds
 * (→ States.HeartbeatTimeout, reset by each heartbeat) on the execution clock. Time may move
 * while the handler is pending, so a handler that never settles times out in virtual time.
 */
export function withDeadlines(
  pending: Promise<unknown>,
  clock: Clock,
  timeoutSeconds: number | undefined,
  heartbeatSeconds: number | undefined,
  target: HeartbeatTarget,
  /** Arms the deadlines only once this resolves (an activity: when a worker takes it). */
  armAfter?: Promise<void>,
): Promise<unknown> {
  return new Promise((resolve, reject) => {
    let timeoutTimer: Timer | undefined;
    let heartbeatTimer: Timer | undefined;
    let settled = false;
    const cleanup = (): void => {
      settled = true;
      timeoutTimer?.cancel();
      heartbeatTimer?.cancel();
      target.beat = undefined;
    };
    const armDeadlines = (): void => {
      if (settled) return;
      if (timeoutSeconds !== undefined) {
        timeoutTimer = clock.sleep(timeoutSeconds * 1000);
        void timeoutTimer.done.then(() => {
          cleanup();
          reject(taskTimeout());
        });
      }
      if (heartbeatSeconds !== undefined) {
        const arm = (): void => {
          heartbeatTimer?.cancel();
          const timer = clock.sleep(heartbeatSeconds * 1000);
          heartbeatTimer = timer;
          void timer.done.then(() => {
            if (heartbeatTimer !== timer) return;
            cleanup();
            reject(new HeartbeatTimeoutError());
          });
        };
        arm();
        target.beat = arm;
      }
    };
    if (armAfter === undefined) armDeadlines();
    else void armAfter.then(armDeadlines);
    pending.then(
      (value: unknown) => {
        cleanup();
        resolve(value);
      },
      (e: unknown) => {
        cleanup();
        reject(e);
      },
    );
  });
}
