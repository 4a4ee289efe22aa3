import { describe, expect, it } from "vitest";
import { NO_VARIABLES, type VariableReader } from "../data/scope.ts";
import { isStatesError } from "../errors.ts";
import { jsonataCompilationCount, STACK_OVERFLOW_MESSAGE, TIMEOUT_MESSAGE } from "./compile-expression.ts";
import { QueryEvaluationError } from "./errors.ts";
import { compileJsonataTemplate, type CompileJsonataOptions, type JsonataBindings } from "./template.ts";

function variables(values: Record<string, unknown>): VariableReader {
  return { read: (name) => values[name] };
}

function bindings(extra: Partial<JsonataBindings> = {}): JsonataBindings {
  return { input: {}, context: {}, variables: NO_VARIABLES, ...extra };
}

async function run(value: unknown, extra: Partial<JsonataBindings> = {}, field = "Output", options: CompileJsonataOptions = {}) {
  return compileJsonataTemplate(value, field, options).evaluate(bindings(extra));
}

/** The rejection of `promise`, which must be a QueryEvaluationError. */
async function failure(promise: Promise<unknown>): Promise<QueryEvaluationError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(QueryEvaluationError);
  expect(isStatesError(error)).toBe(true);
  return error as QueryEvaluationError;
}

describe("compileJsonataTemplate: literals", () => {
  it("returns literal values as they are, shared rather than copied", async () => {
    const literal = { a: [1, { b: "$states.input" }], c: " {% states.input %} " };
    const template = compileJsonataTemplate(literal, "Arguments");
    expect(template.expressions).toEqual([]);
    expect(await template.evaluate(bindings())).toBe(literal);
    for (const scalar of [null, 0, 0.1, true, "constant string", "$no.such.var.path"]) {
      expect(await run(scalar)).toBe(scalar);
    }
  });

  it("shares literal sub-trees of a template that also holds expressions", async () => {
    const shared = { constant: 0 };
    const result = (await run({ shared, dynamic: "{% 1 + 1 %}" })) as Record<string, unknown>;
    expect(result).toEqual({ shared: { constant: 0 }, dynamic: 2 });
    expect(result["shared"]).toBe(shared);
  });

  it("evaluates expressions in arrays and nested objects but never in keys (outputdecl LIST_RICH)", async () => {
    const output = [null, 0, 0.1, true, "string", [], "$nosuchvar", "$.no.such.path", "{% $states.input %}", { key: "{% true %}" }];
    expect(await run(output, { input: { input_value: "stringliteral" } })).toEqual([
      null, 0, 0.1, true, "string", [], "$nosuchvar", "$.no.such.path", { input_value: "stringliteral" }, { key: true },
    ]);
    expect(await run({ "{% 1 %}": "{% 2 %}" })).toEqual({ "{% 1 %}": 2 });
  });
});

describe("compileJsonataTemplate: __proto__ keys", () => {
  it("keeps a __proto__ key of a template as an own key", async () => {
    const result = (await run(JSON.parse('{"__proto__": "{% 1 %}", "a": "{% 2 %}"}'))) as Record<string, unknown>;
    expect(Object.hasOwn(result, "__proto__")).toBe(true);
    expect(Object.getPrototypeOf(result)).toBe(Object.prototype);
    expect(result["a"]).toBe(2);
  });
});

describe("compileJsonataTemplate: $states and variables", () => {
  it("exposes $states.input, $states.context, $states.result and $states.errorOutput", async () => {
    const template = {
      input: "{% $states.input.a %}",
      context: "{% $states.context.Map.Item.Value %}",
      result: "{% $states.result.ja_expr %}",
      error: "{% $states.errorOutput.Error %}",
    };
    expect(
      await run(template, {
        input: { a: 1 },
        context: { Map: { Item: { Value: "Item1" } } },
        result: { ja_expr: 7 },
        errorOutput: { Error: "Exception" },
      }),
    ).toEqual({ input: 1, context: "Item1", result: 7, error: "Exception" });
  });

  it("reads workflow variables as $name (outputdecl BASE_DIRECT_EXPR)", async () => {
    const output = "{% $sum($states.input.input_values) + $var_constant_1 %}";
    expect(await run(output, { input: { input_values: [1, 2, 3] }, variables: variables({ var_constant_1: 1 }) })).toBe(7);
  });

  it("reads only the variables the expressions mention, each once", async () => {
    const reads: string[] = [];
    const reader: VariableReader = { read: (name) => (reads.push(name), name === "x" ? 2 : undefined) };
    expect(await run({ a: "{% $x * $x %}", b: "{% $x %}" }, { variables: reader })).toEqual({ a: 4, b: 2 });
    expect(reads).toEqual(["x"]);
  });

  it("keeps built-in functions visible when no variable of that name exists", async () => {
    expect(await run("{% $sum([1, 2]) %}", { variables: variables({}) })).toBe(3);
  });

  it("never lets a variable named 'states' shadow $states", async () => {
    expect(await run("{% $states.input %}", { input: "in", variables: variables({ states: "shadow" }) })).toBe("in");
  });

  it("keeps ':=' bindings local to the expression (MaxConcurrency '{% $variable := 1 %}')", async () => {
    expect(await run("{% $variable := 1 %}", {}, "MaxConcurrency", { expect: "nonNegativeInteger" })).toBe(1);
  });

  it("compares strings holding quotes (scenarios ESCAPE_SEQUENCES_JSONATA_COMPARISON_ASSIGN)", async () => {
    expect(await run("{% $var = '\"' %}", { variables: variables({ var: '"' }) })).toBe(true);
  });

  it("evaluates regular expressions (evaluate_jsonata BASE_SINGLE_QUOTE / BASE_FALSE)", async () => {
    expect(await run("{% $contains('hello$world', /^hello\\$/) %}")).toBe(true);
    expect(await run('{% $contains("hello$world", /^hello\\ /) %}')).toBe(false);
  });

  it("merges objects (evaluate_jsonata test_merge_with_dynamic_args)", async () => {
    const input = { part1: { hello: "world" }, part2: { foo: "bar" } };
    expect(await run("{% $merge([$states.input.part1, $states.input.part2]) %}", { input })).toEqual({ hello: "world", foo: "bar" });
  });
});

describe("compileJsonataTemplate: result values", () => {
  it("drops a key whose value is undefined inside a JSONata object constructor", async () => {
    expect(await run("{% {'a': $nothing, 'b': 1} %}")).toEqual({ b: 1 });
  });

  it("returns plain arrays, not JSONata sequences", async () => {
    const result = await run("{% $map([1, 2, 3], function($v) { $v * 2 }) %}");
    expect(result).toEqual([2, 4, 6]);
    expect(Object.keys(result as object)).toEqual(["0", "1", "2"]);
  });

  it("collapses a one-item path result like JSONata, but keeps an array value", async () => {
    expect(await run("{% $states.input.items %}", { input: { items: [1] } })).toEqual([1]);
    expect(await run("{% $states.input.many[0] %}", { input: { many: [5, 6] } })).toBe(5);
  });
});

describe("compileJsonataTemplate: failures", () => {
  it("fails a whole-field undefined (assign BASE_UNDEFINED_ARGUMENTS)", async () => {
    const error = await failure(run("{% $doesNotExist %}", {}, "Arguments"));
    expect(error.error).toBe("States.QueryEvaluationError");
    expect(error.cause).toBe("The JSONata expression '$doesNotExist' specified for the field 'Arguments' returned nothing (undefined).");
    expect(error.location).toBe("Arguments");
  });

  it("fails an undefined leaf with its path (BASE_UNDEFINED_ARGUMENTS_FIELD, BASE_UNDEFINED_OUTPUT_MULTIPLE_STATES)", async () => {
    expect((await failure(run({ FunctionName: "{% $doesNotExist %}" }, {}, "Arguments"))).cause).toBe(
      "The JSONata expression '$doesNotExist' specified for the field 'Arguments/FunctionName' returned nothing (undefined).",
    );
    expect((await failure(run({ result: "{% $doesNotExist %}" }))).cause).toBe(
      "The JSONata expression '$doesNotExist' specified for the field 'Output/result' returned nothing (undefined).",
    );
    expect((await failure(run({ list: [1, { deep: "{% $nothing %}" }] }))).location).toBe("Output/list[1]/deep");
  });

  it("fails $states.result and $states.errorOutput where they are not provided", async () => {
    expect((await failure(run("{% $states.result %}"))).cause).toMatch(/returned nothing \(undefined\)\.$/);
    expect((await failure(run({ error: "{% $stateError %}" }))).cause).toBe(
      "The JSONata expression '$stateError' specified for the field 'Output/error' returned nothing (undefined).",
    );
  });

  it("reports the first failing leaf in document order", async () => {
    expect((await failure(run({ a: "{% 1 %}", b: "{% $x %}", c: "{% $y %}" }))).location).toBe("Output/b");
  });

  it("fails a function result as unsupported (scenarios items_eval_jsonata_fail[function])", async () => {
    const error = await failure(run("{% $fn := function($x){$x} %}", {}, "Items", { expect: "array" }));
    expect(error.cause).toBe(
      "The JSONata expression '$fn := function($x){$x}' specified for the field 'Items' returned an unsupported result type.",
    );
    expect((await failure(run({ f: "{% $sum %}" }))).cause).toMatch(/'Output\/f' returned an unsupported result type\.$/);
    expect((await failure(run("{% /abc/ %}"))).cause).toMatch(/returned an unsupported result type\.$/);
  });

  it("wraps JSONata's coded errors as '. CODE: message'", async () => {
    expect((await failure(run({ r: "{% $sum('a') %}" }))).cause).toBe(
      "The JSONata expression '$sum('a')' specified for the field 'Output/r' threw an error during evaluation. T0412: Argument 1 of function \"sum\" must be an array of \"numbers\"",
    );
  });

  it("makes $eval unavailable exactly as AWS does (T1006)", async () => {
    expect((await failure(run({ r: '{% $eval("1+1") %}' }))).cause).toBe(
      "The JSONata expression '$eval(\"1+1\")' specified for the field 'Output/r' threw an error during evaluation. T1006: Attempted to invoke a non-function",
    );
  });

  it("reports invalid JSONata when evaluated, and lists it at compile time", async () => {
    const template = compileJsonataTemplate({ v: "{% 1 + %}" }, "Output");
    expect(template.expressions).toHaveLength(1);
    expect(template.expressions[0]?.path).toBe("Output/v");
    expect(template.expressions[0]?.syntaxError).toMatchObject({ code: "S0207" });
    expect((await failure(template.evaluate(bindings()))).cause).toBe(
      "The JSONata expression '1 +' specified for the field 'Output/v' threw an error during evaluation. S0207: Unexpected end of expression",
    );
    expect((await failure(run("{%%}"))).cause).toMatch(/^The JSONata expression '' specified for the field 'Output' threw an error during evaluation/);
  });

  it("bounds nesting depth with AWS's uncoded stack-overflow cause", async () => {
    const deep = `{% ${Array.from({ length: 200 }, () => "1").join(" + ")} %}`;
    expect((await failure(run(deep))).cause).toBe(
      `The JSONata expression '${deep.slice(3, -3)}' specified for the field 'Output' threw an error during evaluation: ${STACK_OVERFLOW_MESSAGE}`,
    );
    const shallow = `{% ${Array.from({ length: 40 }, () => "1").join(" + ")} %}`;
    expect(await run(shallow)).toBe(40);
  });

  it("bounds evaluation time", async () => {
    const forever = "{% ($f := function($x) { $f($x + 1) }; $f(1)) %}";
    expect((await failure(run(forever, {}, "Output", { timeoutMs: 20 }))).cause).toMatch(
      new RegExp(`threw an error during evaluation: ${TIMEOUT_MESSAGE}$`),
    );
  });
});

describe("compileJsonataTemplate: required result types", () => {
  it("requires an array for Items, with AWS's causes (scenarios map_state_items_*)", async () => {
    const items = async (expression: string, value?: unknown) =>
      (await failure(run(expression, { variables: variables({ ItemsVar: value }) }, "Items", { expect: "array" }))).cause;
    expect(await items("{% true %}")).toBe(
      "The JSONata expression 'true' specified for the field 'Items' returned an unexpected result type. Expected 'array', but was 'boolean' for value: true",
    );
    expect(await items("{% {'foo': 'bar'} %}")).toBe(
      "The JSONata expression '{'foo': 'bar'}' specified for the field 'Items' returned an unexpected result type. Expected 'array', but was 'object' for value: {\"foo\":\"bar\"}",
    );
    expect(await items("{% $ItemsVar %}", null)).toMatch(/Expected 'array', but was 'null' for value: null$/);
    expect(await items("{% $ItemsVar %}", 1)).toMatch(/Expected 'array', but was 'number' for value: 1$/);
    expect(await items("{% $ItemsVar %}", "string")).toMatch(/Expected 'array', but was 'string' for value: "string"$/);
    expect(await run("{% [0] %}", {}, "Items", { expect: "array" })).toEqual([0]);
    expect(await run("{% [] %}", {}, "Items", { expect: "array" })).toEqual([]);
    expect(await run([1, "{% $number('2') %}", 3], {}, "Items", { expect: "array" })).toEqual([1, 2, 3]);
  });

  it("requires a boolean Condition", async () => {
    const field = "Choices[0]/Condition";
    expect(await run("{% $states.input.type = 'Public' %}", { input: { type: "Public" } }, field, { expect: "boolean" })).toBe(true);
    expect((await failure(run("{% $states.input.type %}", { input: { type: "Public" } }, field, { expect: "boolean" }))).cause).toBe(
      "The JSONata expression '$states.input.type' specified for the field 'Choices[0]/Condition' returned an unexpected result type. Expected 'boolean', but was 'string' for value: \"Public\"",
    );
  });

  it("requires strings for Error and Cause, integers for Seconds and friends", async () => {
    expect(await run("{% $states.input.cause %}", { input: { cause: "This failed." } }, "Cause", { expect: "string" })).toBe("This failed.");
    expect((await failure(run("{% 1 %}", {}, "Error", { expect: "string" }))).cause).toMatch(/Expected 'string', but was 'number' for value: 1$/);
    expect(await run("{% $states.input.waitSeconds %}", { input: { waitSeconds: 0 } }, "Seconds", { expect: "nonNegativeInteger" })).toBe(0);
    expect((await failure(run("{% -1 %}", {}, "Seconds", { expect: "nonNegativeInteger" }))).cause).toMatch(
      /Expected 'non-negative integer', but was 'number' for value: -1$/,
    );
    expect((await failure(run("{% 1.5 %}", {}, "TimeoutSeconds", { expect: "positiveInteger" }))).cause).toMatch(
      /Expected 'positive integer', but was 'number' for value: 1.5$/,
    );
    expect((await failure(run("{% '5' %}", {}, "MaxConcurrency", { expect: "integer" }))).cause).toMatch(/Expected 'integer', but was 'string'/);
  });

  it("leaves literal values to the validator", async () => {
    expect(await run("not an array", {}, "Items", { expect: "array" })).toBe("not an array");
  });
});

describe("compileJsonataTemplate: compiles once", () => {
  it("does not recompile a JSONata ItemSelector for each of 10,000 Map items", async () => {
    const before = jsonataCompilationCount();
    const itemSelector = compileJsonataTemplate(
      {
        map_item_value: "{% $states.context.Map.Item.Value %}",
        var_sample: "{% $ItemsVar %}",
        index: "{% $states.context.Map.Item.Index %}",
        string_literal: "string literal",
      },
      "ItemSelector",
    );
    expect(jsonataCompilationCount() - before).toBe(3);
    const reader = variables({ ItemsVar: ["Item1", "Item2"] });
    const results = await Promise.all(
      Array.from({ length: 10_000 }, (_, index) =>
        itemSelector.evaluate({ input: {}, context: { Map: { Item: { Index: index, Value: `Item${index}` } } }, variables: reader }),
      ),
    );
    expect(jsonataCompilationCount() - before).toBe(3);
    expect(results[9_999]).toEqual({ map_item_value: "Item9999", var_sample: ["Item1", "Item2"], index: 9_999, string_literal: "string literal" });
  });
});

describe("compileJsonataTemplate: JSONata features", () => {
  it("supports the parent operator and predicates on variables", async () => {
    const input = { orders: [{ id: 1, items: [{ price: 5 }, { price: 20 }] }, { id: 2, items: [{ price: 30 }] }] };
    expect(await run("{% $states.input.orders.items[price > 10].%.id %}", { input })).toEqual([1, 2]);
    expect(await run("{% $orders[id = 2].items.price %}", { variables: variables({ orders: input.orders }) })).toBe(30);
  });
});
