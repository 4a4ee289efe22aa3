// State names: 1 to 80 characters, unique across the whole machine (nested graphs included).
import { report, type ValidationContext } from "../context.ts";
import { quote } from "../values.ts";

const MAX_STATE_NAME_LENGTH = 80;

/** Registers a state name, reporting an invalid or duplicate one. */
export function registerStateName(context: ValidationContext, name: string, pointer: string): void {
  if (name.length === 0 || [...name].length > MAX_STATE_NAME_LENGTH) {
    report(context, "INVALID_STATE_NAME", pointer, `The state name ${quote(name)} is invalid: state names are 1 to ${MAX_STATE_NAME_LENGTH} characters long. Rename the state.`);
  }
  const first = context.stateNames.get(name);
  if (first === undefined) {
    context.stateNames.set(name, pointer);
  } else {
    report(
      context,
      "DUPLICATE_STATE_NAME",
      pointer,
      `Duplicate State name: ${name} (also at ${first}). State names must be unique across the whole state machine, including Parallel branches and Map processors. Rename one of them.`,
    );
  }
}
