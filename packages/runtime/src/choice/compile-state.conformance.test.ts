import { resolve } from "node:path";
// The recorded AWS executions of category `choice_operators` used as an oracle for this module:
// every case whose machine is one Choice state leading to Pass states with a static `Result` (or
// Fail states) is decided here and the branch's output (or the failure) compared with what AWS
// answered. The whole interpreter is not needed for that shape.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { NO_VARIABLES } from "../data/scope.ts";
import { isStatesError } from "../errors.ts";
import { compileChoiceState } from "./compile-state.ts";

const CASES_FILE = process.env["STEPCRAFT_CONFORMANCE_CASES"] ?? resolve(import.meta.dirname, "../../../../testdata/conformance/cases.json");

interface RecordedCase {
  id: string;
  category: string;
  definition: { StartAt: string; States: Record<string, Record<string, unknown>> };
  input: unknown;
  inputText?: string;
  expected: { status: string; output?: unknown; error?: string; cause?: string };
}

interface Outcome {
  status: string;
  output?: unknown;
  error?: string;
  cause?: string;
}

function loadCases(): RecordedCase[] {
  const parsed = JSON.parse(readFileSync(CASES_FILE, "utf8")) as RecordedCase[] | { cases: RecordedCase[] };
  return Array.isArray(parsed) ? parsed : parsed.cases;
}

/** A single Choice at StartAt whose every target is a terminal static Pass or a Fail. */
function isChoiceThenStaticStates(c: RecordedCase): boolean {
  const states = c.definition.States;
  const start = states[c.definition.StartAt];
  if (start?.["Type"] !== "Choice") return false;
  return Object.entries(states).every(([name, s]) => {
    if (name === c.definition.StartAt) return true;
    if (s["Type"] === "Fail") return true;
    const plainKeys = Object.keys(s).every((k) => ["Type", "Result", "End", "Comment"].includes(k));
    return s["Type"] === "Pass" && s["End"] === true && plainKeys;
  });
}

/** Runs the machine shape above: the Choice decides, then the static state produces the outcome. */
function run(c: RecordedCase): Outcome {
  const { StartAt, States } = c.definition;
  const input: unknown = c.inputText === undefined ? c.input : JSON.parse(c.inputText);
  const choice = compileChoiceState(States[StartAt], `/States/${StartAt}`);
  let next: string;
  try {
    next = choice.choose(input, { context: {}, variables: NO_VARIABLES }).next;
  } catch (e) {
    if (!isStatesError(e)) throw e;
    // The engine prefixes runtime causes with the state name and event id; recreate that here.
    const cause =
      e.error === "States.Runtime"
        ? `An error occurred while executing the state '${StartAt}' (entered at the event id #2). ${e.cause}`
        : e.cause;
    return { status: "FAILED", error: e.error, cause };
  }
  const target = States[next];
  if (target === undefined) throw new Error(`${c.id}: Choice chose '${next}', which does not exist`);
  if (target["Type"] === "Fail") {
    const out: Outcome = { status: "FAILED" };
    if (typeof target["Error"] === "string") out.error = target["Error"];
    if (typeof target["Cause"] === "string") out.cause = target["Cause"];
    return out;
  }
  return { status: "SUCCEEDED", output: "Result" in target ? target["Result"] : input };
}

const all = loadCases().filter((c) => c.category === "choice_operators");
const eligible = all.filter(isChoiceThenStaticStates);

describe("choice_operators conformance cases", () => {
  it("finds the recorded cases and they are all of the Choice-then-static shape", () => {
    expect(all.length).toBe(264);
    expect(eligible.length).toBe(all.length);
  });

  it.each(eligible.map((c) => [c.id, c] as const))("%s", (_id, c) => {
    const actual = run(c);
    const expected: Outcome = { status: c.expected.status };
    if ("output" in c.expected) expected.output = c.expected.output;
    if (c.expected.error !== undefined) expected.error = c.expected.error;
    if (c.expected.cause !== undefined) expected.cause = c.expected.cause;
    expect(actual).toEqual(expected);
  });
});
