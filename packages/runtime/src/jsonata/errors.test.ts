import { describe, expect, it } from "vitest";
import { isStatesError } from "../errors.ts";
import {
  jsonTypeName,
  returnedNothing,
  threwDuringEvaluation,
  unexpectedResultType,
  unsupportedResult,
} from "./errors.ts";

describe("QueryEvaluationError causes", () => {
  it("words an undefined result like AWS", () => {
    const error = returnedNothing("$doesNotExist", "Arguments/FunctionName");
    expect(error.error).toBe("States.QueryEvaluationError");
    expect(error.cause).toBe(
      "The JSONata expression '$doesNotExist' specified for the field 'Arguments/FunctionName' returned nothing (undefined).",
    );
    expect(error.location).toBe("Arguments/FunctionName");
    expect(isStatesError(error)).toBe(true);
  });

  it("words an unsupported result like AWS", () => {
    expect(unsupportedResult("$fn := function($x){$x}", "Items").cause).toBe(
      "The JSONata expression '$fn := function($x){$x}' specified for the field 'Items' returned an unsupported result type.",
    );
  });

  it("words a wrong result type with the JSON of the value", () => {
    expect(unexpectedResultType("{'foo': 'bar'}", "Items", "array", { foo: "bar" }).cause).toBe(
      "The JSONata expression '{'foo': 'bar'}' specified for the field 'Items' returned an unexpected result type. Expected 'array', but was 'object' for value: {\"foo\":\"bar\"}",
    );
    expect(unexpectedResultType("$ItemsVar", "Items", "array", "string").cause).toMatch(
      /Expected 'array', but was 'string' for value: "string"$/,
    );
  });

  it("separates a coded JSONata error with '. ' and an uncoded one with ': '", () => {
    expect(threwDuringEvaluation("$eval(\"1+1\")", "Output/r", { code: "T1006", message: "Attempted to invoke a non-function" }).cause).toBe(
      "The JSONata expression '$eval(\"1+1\")' specified for the field 'Output/r' threw an error during evaluation. T1006: Attempted to invoke a non-function",
    );
    expect(threwDuringEvaluation("x", "Output", { message: "Stack overflow" }).cause).toBe(
      "The JSONata expression 'x' specified for the field 'Output' threw an error during evaluation: Stack overflow",
    );
    expect(threwDuringEvaluation("x", "Output", new TypeError("bad")).cause).toMatch(/evaluation: bad$/);
    expect(threwDuringEvaluation("x", "Output", "text").cause).toMatch(/evaluation: text$/);
    expect(threwDuringEvaluation("x", "Output", { code: "", message: "m" }).cause).toMatch(/evaluation: m$/);
  });
});

describe("jsonTypeName", () => {
  it("names JSON types", () => {
    expect([null, [], {}, "", 1, true].map(jsonTypeName)).toEqual(["null", "array", "object", "string", "number", "boolean"]);
  });
});
