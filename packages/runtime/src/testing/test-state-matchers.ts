// The TestState matchers (`toHaveNextState`, `toHaveInspection`), registered with the others in matchers.ts.
import type { MatcherState, MatchResult } from "./matcher-types.ts";
import type { InspectionData, TestStateOutput } from "../test-state/types.ts";
import { parsePayload } from "./read-history.ts";

/** The inspection data a test expects: JSON members as values (parsed), the others as AWS gives them. */
export type ExpectedInspection = { readonly [K in keyof InspectionData]?: unknown };

/** Inspection members that hold JSON text (compared as the values they encode). */
const JSON_MEMBERS = new Set(["input", "afterArguments", "afterInputPath", "afterParameters", "result", "afterResultSelector", "afterResultPath", "variables", "afterItemsPath", "afterItemSelector", "afterItemBatcher", "afterItemsPointer"]);

function testStateOutputOf(received: unknown, matcher: string): TestStateOutput {
  if (received !== null && typeof received === "object" && typeof (received as { status?: unknown }).status === "string") return received as TestStateOutput;
  throw new TypeError(`${matcher} takes a testState() response (with a status); got ${received === null ? "null" : typeof received}. Did you forget to await testState(…)?`);
}

function outcome(out: TestStateOutput): string {
  const failure = [out.error, out.cause].filter((s) => s !== undefined).join(": ");
  return `status ${out.status}${failure === "" ? "" : ` (${failure})`}`;
}

/** The received inspection data with its JSON members parsed, for comparing and printing. */
function readableInspection(data: InspectionData): Record<string, unknown> {
  return Object.fromEntries(Object.entries(data).map(([key, value]) => [key, JSON_MEMBERS.has(key) ? parsePayload(value) : value]));
}

export const testStateMatchers = {
  toHaveNextState(this: MatcherState, received: unknown, expected: string): MatchResult {
    const out = testStateOutputOf(received, "toHaveNextState");
    const pass = out.nextState === expected;
    return {
      pass,
      message: () =>
        pass
          ? `expected the tested state not to go to '${expected}'`
          : `expected the tested state to go to '${expected}', but ${out.nextState === undefined ? "it names no next state" : `it goes to '${out.nextState}'`} (${outcome(out)})`,
      actual: out.nextState,
      expected,
    };
  },

  toHaveInspection(this: MatcherState, received: unknown, expected: ExpectedInspection): MatchResult {
    const out = testStateOutputOf(received, "toHaveInspection");
    if (expected === null || typeof expected !== "object") throw new TypeError("toHaveInspection takes an object of inspection members, e.g. { afterResultPath: { ok: true } }");
    if (out.inspectionData === undefined) {
      return { pass: false, message: () => `expected inspection data, but the response has none: run testState with inspectionLevel: "DEBUG" (or "TRACE") (${outcome(out)})` };
    }
    const actual = readableInspection(out.inspectionData);
    const mismatched = Object.keys(expected).filter((key) => !this.equals(actual[key], (expected as Record<string, unknown>)[key], [this.utils.iterableEquality]));
    const pass = mismatched.length === 0;
    const subset = Object.fromEntries(Object.keys(expected).map((key) => [key, actual[key]]));
    return {
      pass,
      message: () =>
        pass
          ? `expected inspection data not to have ${this.utils.printExpected(expected)}`
          : `expected inspection data to have ${this.utils.printExpected(expected)}; ${mismatched.map((k) => `'${k}'`).join(", ")} differ\n\n${this.utils.diff(expected, subset) ?? ""}\n\n(${outcome(out)})`,
      actual: subset,
      expected,
    };
  },
};
