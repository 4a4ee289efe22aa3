import { describe, expect, it } from "vitest";
import { isStatesError } from "../errors.ts";
import { MAX_JSON_NESTING } from "../limits/json-nesting.ts";
import { prepareStateMachine, runExecution } from "./machine.ts";
import { InvalidDefinitionError } from "./validation-bridge.ts";

const PASS = { StartAt: "P", States: { P: { Type: "Pass", End: true } } };

function nested(depth: number): unknown {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}

/** Calls `f` and reports whether it threw synchronously, then what its promise settled to. */
async function settle(f: () => Promise<unknown>): Promise<{ threw: boolean; error: unknown }> {
  let promise: Promise<unknown>;
  try {
    promise = f();
  } catch (error) {
    return { threw: true, error };
  }
  try {
    await promise;
    return { threw: false, error: undefined };
  } catch (error) {
    return { threw: false, error };
  }
}

describe("runExecution never throws: failures are rejected promises with clear errors", () => {
  it("rejects an invalid definition with InvalidDefinitionError", async () => {
    const { threw, error } = await settle(() => runExecution({ StartAt: "Nope", States: {} }));
    expect(threw).toBe(false);
    expect(error).toBeInstanceOf(InvalidDefinitionError);
  });

  it("rejects definition text that is not JSON with the syntax error's position", async () => {
    const { threw, error } = await settle(() => runExecution('{"StartAt": "P",'));
    expect(threw).toBe(false);
    expect(error).toBeInstanceOf(InvalidDefinitionError);
    expect((error as InvalidDefinitionError).diagnostics[0]).toMatchObject({ code: "INVALID_JSON_DESCRIPTION", line: 1 });
  });

  it("rejects a definition that is not an object", async () => {
    const { threw, error } = await settle(() => runExecution("[]", {}, { validate: false }));
    expect(threw).toBe(false);
    expect(isStatesError(error) && error.error).toBe("InvalidDefinition");
  });

  it("rejects an input over 256 KiB with States.DataLimitExceeded", async () => {
    const { threw, error } = await settle(() => runExecution(PASS, { s: "x".repeat(300 * 1024) }));
    expect(threw).toBe(false);
    expect(isStatesError(error) && error.error).toBe("States.DataLimitExceeded");
  });

  it("rejects input nested deeper than the limit (or cyclic) with InvalidExecutionInput, not a RangeError", async () => {
    for (const input of [nested(10_000), nested(MAX_JSON_NESTING + 1)]) {
      const { threw, error } = await settle(() => runExecution(PASS, input));
      expect(threw).toBe(false);
      expect(isStatesError(error) && error.error).toBe("InvalidExecutionInput");
      expect((error as Error).message).toMatch(/nested more than 1000 levels/);
    }
    const cyclic: Record<string, unknown> = {};
    cyclic["self"] = cyclic;
    const { error } = await settle(() => runExecution(PASS, cyclic));
    expect(isStatesError(error) && error.error).toBe("InvalidExecutionInput");
  });

  it("accepts input nested just inside the limit", async () => {
    expect((await runExecution(PASS, nested(MAX_JSON_NESTING - 1), { limits: false })).status).toBe("SUCCEEDED");
  });

  it("rejects input that has no JSON form (a BigInt, a throwing toJSON) with InvalidExecutionInput", async () => {
    class Unserializable {
      toJSON(): never {
        throw new Error("boom");
      }
    }
    for (const input of [{ n: 1n }, { d: new Unserializable() }]) {
      const { threw, error } = await settle(() => runExecution(PASS, input));
      expect(threw).toBe(false);
      expect(isStatesError(error) && error.error).toBe("InvalidExecutionInput");
      expect((error as Error).message).toMatch(/not JSON data/);
    }
  });

  it("rejects a definition object nested beyond the limit with InvalidDefinition even when validation is off", async () => {
    const def = { StartAt: "P", States: { P: { Type: "Pass", Result: nested(5_000), End: true } } };
    const { threw, error } = await settle(() => runExecution(def, {}, { validate: false }));
    expect(threw).toBe(false);
    expect(isStatesError(error) && error.error).toBe("InvalidDefinition");
  });

  it("prepared machines: run() rejects, start() throws the same error synchronously (like StartExecution refusing)", async () => {
    const machine = prepareStateMachine(PASS);
    const { threw, error } = await settle(() => machine.run(nested(5_000)));
    expect(threw).toBe(false);
    expect(isStatesError(error) && error.error).toBe("InvalidExecutionInput");
    expect(() => machine.start(nested(5_000))).toThrow(/InvalidExecutionInput/);
  });
});

describe("the definition size limit applies to the runtime too", () => {
  it("refuses a definition that validate rejects as DEFINITION_TOO_LARGE", async () => {
    const def = { StartAt: "P", States: { P: { Type: "Pass", Result: "x".repeat(2 * 1024 * 1024), End: true } } };
    for (const given of [def, JSON.stringify(def)]) {
      const { error } = await settle(() => runExecution(given));
      expect(error).toBeInstanceOf(InvalidDefinitionError);
      expect((error as InvalidDefinitionError).diagnostics.map((d) => d.code)).toEqual(["DEFINITION_TOO_LARGE"]);
    }
  });
});

describe("a path the grammar cannot accept never reaches the runtime as a crash", () => {
  it("refuses a JSONPath with 1,000 nested filters with InvalidDefinitionError, not a RangeError", async () => {
    const path = `$${"[?(@.a".repeat(1000)}${")]".repeat(1000)}`;
    const def = { StartAt: "P", States: { P: { Type: "Pass", InputPath: path, End: true } } };
    const { error } = await settle(() => runExecution(def));
    expect(error).toBeInstanceOf(InvalidDefinitionError);
    expect((error as Error).message).toMatch(/nested at most 100 deep/);
    // Without validation the compile step reports the same grammar error, as a StatesError.
    const unvalidated = await settle(() => runExecution(def, {}, { validate: false }));
    expect(unvalidated.threw).toBe(false);
    expect(isStatesError(unvalidated.error)).toBe(true);
  });
});

describe("a definition the validator passes never fails to prepare", () => {
  it("refuses Assign {\"__proto__\": 1} with InvalidDefinitionError naming the variable, not a bare StatesError", async () => {
    const text = '{"StartAt": "P", "States": {"P": {"Type": "Pass", "Assign": {"__proto__": 1}, "End": true}}}';
    const { error } = await settle(() => runExecution(text));
    expect(error).toBeInstanceOf(InvalidDefinitionError);
    expect((error as InvalidDefinitionError).diagnostics[0]).toMatchObject({ code: "SCHEMA_VALIDATION_FAILED", path: "/States/P/Assign" });
    expect((error as Error).message).toMatch(/'__proto__' is invalid/);
  });
});

describe("a handler that never settles cannot stop an execution's deadline", () => {
  const FN = "arn:aws:lambda:us-east-1:123456789012:function:stuck";
  const never = (): Promise<never> => new Promise<never>(() => undefined);

  it("TimeoutSeconds ends the execution TIMED_OUT after that much real time, in virtual time", async () => {
    const def = { TimeoutSeconds: 1, StartAt: "T", States: { T: { Type: "Task", Resource: FN, End: true } } };
    const started = performance.now();
    const result = await runExecution(def, {}, { tasks: { [FN]: never } });
    expect(result).toEqual({ status: "TIMED_OUT", error: "States.Timeout" });
    expect(performance.now() - started).toBeGreaterThanOrEqual(990);
    expect(performance.now() - started).toBeLessThan(3_000);
  });

  it("a sibling branch's Wait still resumes, at the pace of real time", async () => {
    const def = {
      TimeoutSeconds: 2,
      StartAt: "P",
      States: {
        P: {
          Type: "Parallel",
          End: true,
          Branches: [
            { StartAt: "T", States: { T: { Type: "Task", Resource: FN, End: true } } },
            { StartAt: "W", States: { W: { Type: "Wait", Seconds: 1, Next: "F" }, F: { Type: "Fail", Error: "Sibling.Done" } } },
          ],
        },
      },
    };
    const result = await runExecution(def, {}, { tasks: { [FN]: never } });
    expect(result).toMatchObject({ status: "FAILED", error: "Sibling.Done" });
  });
});
