import { describe, expect, it } from "vitest";
import { VirtualClock } from "../engine/clock.ts";
import type { Frame } from "../engine/frame.ts";
import { QueryEvaluationError } from "./errors.ts";
import { compileJsonataFlow } from "./data-flow.ts";
import { jsonataCompilationCount } from "./compile-expression.ts";

const TASK_FIELDS = { parameters: "Parameters", resultStage: true, resultSelector: true } as const;
const PASS_FIELDS = { parameters: "Parameters", resultStage: true, resultSelector: false } as const;

/** The parts of the engine's Frame a JSONata flow reads. */
function frame(variables: Record<string, unknown> = {}): Frame {
  return {
    context: { State: { Name: "S" } },
    variables: { read: (name: string) => variables[name] },
    exec: { clock: new VirtualClock() },
  } as unknown as Frame;
}

describe("compileJsonataFlow", () => {
  it("sends Arguments for a Task and passes the input through when absent", async () => {
    const task = compileJsonataFlow(
      { Type: "Task", Arguments: { FunctionName: "{% $states.input.FunctionName %}", Payload: "{% $states.input.Payload %}" } },
      TASK_FIELDS,
    );
    expect(await task.effectiveInput({ FunctionName: "f", Payload: { a: 1 } }, frame())).toEqual({ FunctionName: "f", Payload: { a: 1 } });
    const bare = compileJsonataFlow({ Type: "Task" }, TASK_FIELDS);
    const input = { a: 1 };
    expect(bare.effectiveInput(input, frame())).toBe(input);
  });

  it("ignores Arguments on states that have none (Pass)", () => {
    const pass = compileJsonataFlow({ Type: "Pass", Arguments: "{% 1 %}" }, PASS_FIELDS);
    expect(pass.effectiveInput("in", frame())).toBe("in");
  });

  it("evaluates Output with $states.input, $states.result and variables (outputdecl BASE_LAMBDA)", async () => {
    const task = compileJsonataFlow(
      {
        Type: "Task",
        Output: {
          ja_var_access: "{% $var_input_value %}",
          ja_states_input: "{% $states.input %}",
          ja_states_result_access: "{% $states.result.ja_expr %}",
        },
      },
      TASK_FIELDS,
    );
    const input = { input_value: "string literal" };
    expect(await task.output(input, { ja_expr: 7 }, frame({ var_input_value: "string literal" }))).toEqual({
      ja_var_access: "string literal",
      ja_states_input: input,
      ja_states_result_access: 7,
    });
  });

  it("returns the result when Output is absent, and hides $states.result outside Task/Map/Parallel", async () => {
    expect(compileJsonataFlow({ Type: "Task" }, TASK_FIELDS).output({}, "result", frame())).toBe("result");
    const pass = compileJsonataFlow({ Type: "Pass", Output: "{% $states.result %}" }, PASS_FIELDS);
    // A flow may throw (fast synchronous path) or reject (JSONata's own evaluator), like JSONPath flows throw.
    const error = await (async () => pass.output({}, "r", frame()))().catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(QueryEvaluationError);
    expect((error as QueryEvaluationError).cause).toBe(
      "The JSONata expression '$states.result' specified for the field 'Output' returned nothing (undefined).",
    );
  });

  it("evaluates a Catcher's Output with $states.errorOutput, defaulting to the Error Output", async () => {
    const catcher = { ErrorEquals: ["States.ALL"], Output: { stateInput: "{% $states.input %}", stateError: "{% $states.errorOutput %}" }, Next: "F" };
    const plain = { ErrorEquals: ["States.ALL"], Next: "F" };
    const flow = compileJsonataFlow({ Type: "Task", Catch: [plain, catcher] }, TASK_FIELDS);
    const errorOutput = { Error: "Exception", Cause: "boom" };
    expect(flow.catchOutput({ inputData: "dummy" }, errorOutput, plain, frame())).toBe(errorOutput);
    expect(await flow.catchOutput({ inputData: "dummy" }, errorOutput, catcher, frame())).toEqual({
      stateInput: { inputData: "dummy" },
      stateError: errorOutput,
    });
  });

  it("names a failing Catcher Output by its index", async () => {
    const catcher = { ErrorEquals: ["States.ALL"], Output: { error: "{% $nothing %}" }, Next: "F" };
    const flow = compileJsonataFlow({ Type: "Task", Catch: [{ ErrorEquals: ["X"], Next: "F" }, catcher] }, TASK_FIELDS);
    const error = await (async () => flow.catchOutput({}, {}, catcher, frame()))().catch((reason: unknown) => reason);
    expect((error as QueryEvaluationError).location).toBe("Catch[1]/Output/error");
  });

  it("compiles every template once, when the flow is built", async () => {
    const before = jsonataCompilationCount();
    const flow = compileJsonataFlow(
      { Type: "Task", Arguments: "{% $states.input %}", Output: "{% $states.result %}", Catch: [{ Output: "{% $states.errorOutput %}" }] },
      TASK_FIELDS,
    );
    expect(jsonataCompilationCount() - before).toBe(3);
    for (let index = 0; index < 100; index++) await flow.output({}, index, frame());
    expect(jsonataCompilationCount() - before).toBe(3);
  });
});
