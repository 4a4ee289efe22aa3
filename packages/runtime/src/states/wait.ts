import { StatesError } from "../errors.ts";
import { parseTimestamp } from "../choice/timestamp.ts";
import { compileReferencePath, NOT_FOUND } from "../engine/data-bridge.ts";
import type { Frame } from "../engine/frame.ts";
import { sleepFor } from "../engine/sleep.ts";
import type { StateBody } from "../engine/state-shell.ts";
import { andThen } from "../engine/run-block.ts";
import { commitAssign } from "../engine/state-assign.ts";
import type { StateCompileContext } from "./context.ts";
import { compileJsonataField } from "./jsonata-field.ts";

/** How long a Wait lasts for a given effective input, in ms from now. */
type Duration = (effective: unknown, frame: Frame) => number | Promise<number>;

/**
 * The longest delay AWS accepts, in seconds: it keeps the delay in a signed 32-bit integer. A
 * timestamp 24,855 days ahead waits; 24,856 days fails with States.Runtime "Wait state delay is
 * too long." (recorded: test_timestamp_too_far_in_future_boundary). A delay that is accepted but
 * longer than the execution may run ends the execution TIMED_OUT instead.
 */
export const MAX_WAIT_SECONDS = 2_147_483_647;

/** Fails a delay AWS refuses, whatever field (Seconds, Timestamp or their paths) gave it. */
function checkDelay(ms: number): number {
  if (ms / 1000 > MAX_WAIT_SECONDS) throw new StatesError("States.Runtime", "Wait state delay is too long.");
  return ms;
}

/** Wait: Seconds, SecondsPath, Timestamp or TimestampPath on the execution clock. */
export function compileWait(ctx: StateCompileContext): StateBody {
  const flow = ctx.dataFlow({ parameters: undefined, resultStage: false, resultSelector: false });
  const next = ctx.next();
  const duration = ctx.language === "JSONata" ? compileJsonataDuration(ctx.def) : compileDuration(ctx.def);
  const assign = ctx.assign(ctx.def["Assign"], "Assign");
  const finish = (input: unknown, effective: unknown, frame: Frame): unknown => {
    const output = flow.output(input, effective, frame);
    if (assign === undefined) return output;
    return commitAssign(assign({ jsonPathInput: effective, input }, frame), output, frame);
  };
  return (input, frame) => {
    frame.next = next;
    return andThen(flow.effectiveInput(input, frame), (effective) =>
      andThen(duration(effective, frame), (delay) => {
        const ms = checkDelay(delay);
        if (ms <= 0) return finish(input, effective, frame);
        return sleepFor(frame, ms).then(() => finish(input, effective, frame));
      }),
    );
  };
}

function compileJsonataDuration(def: Readonly<Record<string, unknown>>): Duration {
  if (def["Seconds"] !== undefined) {
    const seconds = compileJsonataField(def["Seconds"], "Seconds", "nonNegativeInteger");
    return async (input, frame) => ((await seconds(input, frame)) as number) * 1000;
  }
  if (def["Timestamp"] !== undefined) {
    const timestamp = compileJsonataField(def["Timestamp"], "Timestamp", "string");
    return async (input, frame) => {
      const text = (await timestamp(input, frame)) as string;
      const at = parseTimestamp(text);
      if (at === undefined) {
        throw new StatesError(
          "States.QueryEvaluationError",
          `The Timestamp field cannot be parsed as an ISO-8601 extended offset date-time format string: ${text}`,
        );
      }
      return untilTimestamp(at, frame);
    };
  }
  return () => 0;
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
      if (value === NOT_FOUND) throw noInputValue("SecondsPath", secondsPath);
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
      if (value === NOT_FOUND) throw noInputValue("TimestampPath", timestampPath);
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

/**
 * A Wait path that selects nothing has its own sentence, not Jayway's (recorded for SecondsPath:
 * test_logs wait_seconds_path, `$.input.waitSeconds` on `{}`; TimestampPath worded alike by analogy).
 */
function noInputValue(field: "SecondsPath" | "TimestampPath", path: string): StatesError {
  return new StatesError("States.Runtime", `The ${field} parameter does not reference an input value: ${path}`);
}

function render(value: unknown): string {
  return typeof value === "string" ? value : JSON.stringify(value);
}

