import { describe, expect, it } from "vitest";
import { isStatesError, type StatesError } from "../errors.ts";
import { QueryEvaluationError } from "../jsonata/errors.ts";
import { compileJsonataTemplate } from "../jsonata/template.ts";
import { assignVariables, checkAssignDefinition, compileAssign } from "./assign.ts";
import { AWS_VARIABLE_LIMITS } from "./limits.ts";
import { VariableScope } from "./scope.ts";

function thrown(action: () => unknown): StatesError {
  try {
    action();
  } catch (error) {
    expect(isStatesError(error)).toBe(true);
    return error as StatesError;
  }
  throw new Error("expected a StatesError");
}

describe("assignVariables", () => {
  it("stores every value and reports their JSON text for the history", () => {
    const scope = VariableScope.root();
    const record = assignVariables(scope, { flag: true, ratio: 0.1, list: [], text: "s", nothing: null });
    expect(record.assignedVariables).toEqual({ flag: "true", ratio: "0.1", list: "[]", text: '"s"', nothing: "null" });
    expect(scope.read("ratio")).toBe(0.1);
  });

  it("treats an empty Assign as a no-op (assign BASE_EMPTY)", () => {
    const scope = VariableScope.root();
    expect(assignVariables(scope, {}).assignedVariables).toEqual({});
    expect(scope.budget.usedBytes).toBe(0);
  });

  it("replaces earlier values and accounts for the size difference", () => {
    const scope = VariableScope.root();
    assignVariables(scope, { v: "aaaa" });
    assignVariables(scope, { v: "a" });
    expect(scope.read("v")).toBe("a");
    expect(scope.budget.usedBytes).toBe(3);
  });

  it("rejects reserved and invalid names, atomically", () => {
    const scope = VariableScope.root();
    const error = thrown(() => assignVariables(scope, { good: 1, states: 2 }));
    expect(error.error).toBe("States.Runtime");
    expect(error.cause).toBe("The variable name 'states' is reserved.");
    expect(scope.read("good")).toBeUndefined();
    expect(thrown(() => assignVariables(scope, { "x.y": 1 })).cause).toBe("The variable name 'x.y' is not a valid identifier.");
  });

  it("rejects values that are not JSON", () => {
    const scope = VariableScope.root();
    expect(thrown(() => assignVariables(scope, { u: undefined })).cause).toBe("The value of the variable 'u' is not JSON.");
    expect(thrown(() => assignVariables(scope, { f: () => 1 })).error).toBe("States.Runtime");
  });

  it("enforces 256 KiB per variable, counting UTF-8 bytes of the JSON text", () => {
    const scope = VariableScope.root();
    const fits = "a".repeat(AWS_VARIABLE_LIMITS.maxVariableBytes - 2);
    expect(() => assignVariables(scope, { fits })).not.toThrow();
    const tooBig = "é".repeat(AWS_VARIABLE_LIMITS.maxVariableBytes / 2);
    const error = thrown(() => assignVariables(VariableScope.root(), { tooBig }));
    expect(error.error).toBe("States.DataLimitExceeded");
    expect(error.cause).toBe("The variable 'tooBig' has a size of 262146 bytes, exceeding the limit of 262144 bytes.");
  });

  it("enforces 256 KiB per Assign, atomically", () => {
    const scope = VariableScope.root();
    const half = "a".repeat(AWS_VARIABLE_LIMITS.maxAssignBytes / 2);
    const error = thrown(() => assignVariables(scope, { a: half, b: half }));
    expect(error.error).toBe("States.DataLimitExceeded");
    expect(error.cause).toBe("The variables assigned by one state have a combined size of 262148 bytes, exceeding the limit of 262144 bytes.");
    expect(scope.read("a")).toBeUndefined();
    expect(scope.budget.usedBytes).toBe(0);
  });

  it("enforces 10 MiB per execution across scopes, atomically", () => {
    const top = VariableScope.root();
    const chunk = "a".repeat(200 * 1024);
    for (let index = 0; index < 51; index++) assignVariables(top, { [`v${index}`]: chunk });
    const inner = top.child();
    const error = thrown(() => assignVariables(inner, { more: chunk }));
    expect(error.error).toBe("States.DataLimitExceeded");
    expect(error.cause).toMatch(/^The variables stored by the execution would have a combined size of \d+ bytes, exceeding the limit of 10485760 bytes\.$/);
    expect(inner.read("more")).toBeUndefined();
    // Replacing a value by a smaller one frees room.
    assignVariables(top, { v0: "" });
    expect(() => assignVariables(inner, { more: chunk })).not.toThrow();
  });
});

describe("checkAssignDefinition", () => {
  it("accepts an object of valid names, with JSONPath '.$' suffixes", () => {
    expect(checkAssignDefinition({ "result.$": "$.input", status: "OK" }, "JSONPath")).toEqual({ "result.$": "$.input", status: "OK" });
  });

  it("rejects non-objects and bad names", () => {
    for (const assign of [null, [], "{% {} %}", 1]) {
      expect(thrown(() => checkAssignDefinition(assign, "JSONata")).cause).toBe("The Assign field must be a JSON object.");
    }
    expect(thrown(() => checkAssignDefinition({ "x.$": 1 }, "JSONata")).cause).toBe("The variable name 'x.$' is not a valid identifier.");
    expect(thrown(() => checkAssignDefinition({ "states.$": "$" }, "JSONPath")).cause).toBe("The variable name 'states' is reserved.");
  });
});

describe("compileAssign (JSONata)", () => {
  const context = {};

  it("evaluates right-hand sides against the values as of state entry (query_language JSONPATH_ASSIGN_JSONATA_REF)", async () => {
    const scope = VariableScope.root();
    assignVariables(scope, { theAnswer: 42 });
    const assign = compileAssign({ theAnswer: 18, oldAnswer: "{% $theAnswer %}" }, "JSONata");
    const values = await assign.evaluate({ input: {}, context, variables: scope });
    assignVariables(scope, values);
    expect([scope.read("theAnswer"), scope.read("oldAnswer")]).toEqual([18, 42]);
  });

  it("keeps Output blind to the same state's assignments", async () => {
    const scope = VariableScope.root();
    assignVariables(scope, { count: 1 });
    const assign = compileAssign({ count: "{% $count + 1 %}" }, "JSONata");
    const output = compileJsonataTemplate({ seen: "{% $count %}" }, "Output");
    const entry = { input: {}, context, variables: scope };
    const [values, result] = await Promise.all([assign.evaluate(entry), output.evaluate(entry)]);
    assignVariables(scope, values);
    expect(result).toEqual({ seen: 1 });
    expect(scope.read("count")).toBe(2);
  });

  it("names failing variables as Assign/<name>, or under the given field", async () => {
    const scope = VariableScope.root();
    const failure = async (promise: Promise<unknown>) =>
      promise.then(
        () => undefined,
        (error: unknown) => error as QueryEvaluationError,
      );
    const top = await failure(compileAssign({ x: "{% $missing %}" }, "JSONata").evaluate({ input: {}, context, variables: scope }));
    expect(top).toBeInstanceOf(QueryEvaluationError);
    expect(top?.cause).toBe("The JSONata expression '$missing' specified for the field 'Assign/x' returned nothing (undefined).");
    const rule = await failure(
      compileAssign({ x: "{% $missing %}" }, "JSONata", { fieldName: "Choices[0]/Assign" }).evaluate({ input: {}, context, variables: scope }),
    );
    expect(rule?.location).toBe("Choices[0]/Assign/x");
  });

  it("sees $states.errorOutput in a Catcher's Assign (assign test_assign_in_catch_state)", async () => {
    const errorOutput = { Error: "Exception", Cause: "boom" };
    const assign = compileAssign({ result: "{% $states.errorOutput %}" }, "JSONata", { fieldName: "Catch[0]/Assign" });
    expect(await assign.evaluate({ input: {}, context, variables: VariableScope.root(), errorOutput })).toEqual({ result: errorOutput });
    expect(assign.template.fieldName).toBe("Catch[0]/Assign");
  });

  it("rejects a definition that is not an object of variable names", () => {
    expect(thrown(() => compileAssign("{% {'x': 1} %}", "JSONata")).error).toBe("States.Runtime");
    expect(thrown(() => compileAssign({ states: 1 }, "JSONata")).cause).toBe("The variable name 'states' is reserved.");
  });
});

describe("compileAssign (JSONPath)", () => {
  it("evaluates '.$' paths, context paths, variables and intrinsics (assign BASE_PATHS, BASE_CONSTANT_LITERALS)", () => {
    const scope = VariableScope.root();
    assignVariables(scope, { x: 42 });
    const assign = compileAssign(
      {
        "str_path.$": "$.input_value",
        "str_contextpath.$": "$$.Execution.Id",
        "inner.$": "$x",
        "formatted.$": "States.Format('Format Func {}', $.input_value)",
        constant_str_var: "$noSuchVar",
        constant_str_jsonata_expr: "{% $varname.varfield %}",
      },
      "JSONPath",
    );
    const values = assign.evaluate({ input_value: "literal" }, { context: { Execution: { Id: "arn:exec" } }, variables: scope });
    expect(values).toEqual({
      str_path: "literal",
      str_contextpath: "arn:exec",
      inner: 42,
      formatted: "Format Func literal",
      constant_str_var: "$noSuchVar",
      constant_str_jsonata_expr: "{% $varname.varfield %}",
    });
    assignVariables(scope, values);
    expect(scope.read("str_path")).toBe("literal");
  });

  it("rejects a '.$' key naming the reserved variable", () => {
    expect(thrown(() => compileAssign({ "states.$": "$" }, "JSONPath")).cause).toBe("The variable name 'states' is reserved.");
  });
});

describe("compileAssign (JSONata) evaluateNow", () => {
  it("gives evaluate's values synchronously when every right-hand side is fast, and a promise otherwise", async () => {
    const scope = VariableScope.root();
    assignVariables(scope, { count: 1, list: [1, 2] });
    const entry = { input: { a: { b: "x" } }, context: {}, variables: scope };
    const fast = compileAssign({ count: "{% $count + 1 %}", b: "{% $states.input.a.b %}", lit: 3 }, "JSONata");
    const now = fast.evaluateNow(entry);
    expect(now).not.toBeInstanceOf(Promise);
    expect(now).toEqual(await fast.evaluate(entry));
    const slow = compileAssign({ n: "{% $max($list) %}" }, "JSONata");
    const later = slow.evaluateNow(entry);
    expect(later).toBeInstanceOf(Promise);
    expect(await later).toEqual(await slow.evaluate(entry));
  });

  it("throws synchronously the error evaluate rejects with", async () => {
    const scope = VariableScope.root();
    const assign = compileAssign({ x: "{% $states.input.missing %}" }, "JSONata");
    const entry = { input: {}, context: {}, variables: scope };
    const rejected = await assign.evaluate(entry).catch((error: unknown) => error as QueryEvaluationError);
    let thrown: QueryEvaluationError | undefined;
    try {
      assign.evaluateNow(entry);
    } catch (error) {
      thrown = error as QueryEvaluationError;
    }
    expect(thrown?.cause).toBe(rejected.cause);
    expect(thrown?.location).toBe("Assign/x");
  });
});
