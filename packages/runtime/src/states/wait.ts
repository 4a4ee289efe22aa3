import { StatesError } from "../errors.ts";
import { parseTimestamp } from "../choice/timestamp.ts";
import { compileReferencePath, NOT_FOUND } from "../engine/data-bridge.ts";
import type { Frame } from "../engine/frame.ts";
import { sleepFor } from "../engine/sleep.ts";
import type { StateBody } from "../engine/state-shell.ts";
import { andThen } from "../engine/run-block.ts";
import type { StateCompileContext } from "./context.ts";

/** How long a Wait lasts for a given effective input, in ms from now. */
type Duration = (effective: unknown, frame: Frame) => number;

/** Wait: Seconds, SecondsPath, Timestamp or TimestampPath on the execution clock. */
export function compileWait(ctx: StateCompileContext): StateBody {
  const flow = ctx.dataFlow({ parameters: undefined, resultStage: false, resultSelector: false });
  const next = ctx.next();
  const duration = compileDuration(ctx.def);
  return (input, frame) => {
    frame.next = next;
    return andThen(flow.effectiveInput(input, frame), (effective) => {
      const ms = duration(effective, frame);
      if (ms <= 0) return flow.output(input, effective, frame);
      return sleepFor(frame, ms).then(() => flow.output(input, effective, frame));
    });
  };
}

function compileDuration(def: Readonly<Record<string, unknown>>): Duration {
  const seconds = def["Seconds"];
  if (typeof seconds === "number") return () => seconds * 1000;
  const timestamp = def["Timestamp"];
  if (typeof timestamp === "string") {
    const at = parseTimestamp(timestamp);
    return (_input, frame) => (at === undefined ? 0 : untilTimestamp(at, frame));
  }
  const secondsPath = def["SecondsPath"];
  if (typeof secondsPath === "string") {
    const path = compileReferencePath(secondsPath);
    return (input, frame) => {
      const value = path.evaluate(input, frame);
      if (value === NOT_FOUND) throw invalidPath(secondsPath);
      if (typeof value !== "number" || !Number.isInteger(value)) {
        throw new StatesError(
          "States.Runtime",
          `The SecondsPath parameter cannot be parsed as a long value: ${secondsPath} == ${render(value)}`,
        );
      }
      if (value < 0) {
        throw new StatesError("States.Runtime", `The SecondsPath parameter references a negative value: ${secondsPath} == ${value}`);
      }
      return value * 1000;
    };
  }
  const timestampPath = def["TimestampPath"];
  if (typeof timestampPath === "string") {
    const path = compileReferencePath(timestampPath);
    return (input, frame) => {
      const value = path.evaluate(input, frame);
      if (value === NOT_FOUND) throw invalidPath(timestampPath);
      const at = typeof value === "string" ? parseTimestamp(value) : undefined;
      if (at === undefined) {
        throw new StatesError(
          "States.Runtime",
          `The TimestampPath parameter does not reference a valid ISO-8601 extended offset date-time format string: ${timestampPath} == ${render(value)}`,
        );
      }
      return untilTimestamp(at, frame);
    };
  }
  return () => 0;
}

/** AWS truncates a Wait timestamp to whole seconds. */
function untilTimestamp(at: number, frame: Frame): number {
  return Math.floor(at / 1000) * 1000 - frame.exec.clock.now();
}

function render(value: unknown): string {
  return typeof value === "string" ? value : JSON.stringify(value);
}

function invalidPath(path: string): StatesError {
  return new StatesError("States.Runtime", `Invalid path '${path}' : No results for path: ${path}`);
}
