import { StatesError } from "../errors.ts";
import type { TaskHandler } from "../tasks/types.ts";
import type { CallbackRegistry } from "./callback-registry.ts";
import { TaskCallbackError } from "./callback-errors.ts";

/**
 * Task handlers for the SDK integrations that answer callbacks
 * (`arn:aws:states:::aws-sdk:sfn:sendTaskSuccess`, `…sendTaskFailure`, `…sendTaskHeartbeat`), so a
 * child workflow can answer its parent's `.waitForTaskToken` locally. Spread them into `tasks`.
 */
export function sfnCallbackTasks(callbacks: CallbackRegistry): Record<string, TaskHandler> {
  return {
    "arn:aws:states:::aws-sdk:sfn:sendTaskSuccess": (input) => {
      const p = params(input);
      const output = p["Output"];
      if (typeof output !== "string") throw new StatesError("States.Runtime", "sendTaskSuccess needs 'Output' (JSON text)");
      let value: unknown;
      try {
        value = JSON.parse(output) as unknown;
      } catch {
        throw new StatesError("Sfn.InvalidOutputException", `Invalid Output: '${output}'`);
      }
      return call(() => callbacks.sendTaskSuccess(token(p), value));
    },
    "arn:aws:states:::aws-sdk:sfn:sendTaskFailure": (input) => {
      const p = params(input);
      return call(() => callbacks.sendTaskFailure(token(p), optionalString(p, "Error"), optionalString(p, "Cause")));
    },
    "arn:aws:states:::aws-sdk:sfn:sendTaskHeartbeat": (input) => call(() => callbacks.sendTaskHeartbeat(token(params(input)))),
  };
}

function params(input: unknown): Record<string, unknown> {
  return (input !== null && typeof input === "object" && !Array.isArray(input) ? input : {}) as Record<string, unknown>;
}

function token(p: Record<string, unknown>): string {
  const t = p["TaskToken"];
  if (typeof t !== "string") throw new StatesError("States.Runtime", "The SFN callback call needs 'TaskToken'");
  return t;
}

function optionalString(p: Record<string, unknown>, key: string): string | undefined {
  const v = p[key];
  return typeof v === "string" ? v : undefined;
}

/** SDK integrations report API errors as `<Service>.<Exception>`; the SDK call itself returns `{}`. */
function call(f: () => void): Record<string, never> {
  try {
    f();
  } catch (e) {
    if (e instanceof TaskCallbackError) throw new StatesError(`Sfn.${e.code}Exception`, e.message);
    throw e;
  }
  return {};
}
