import { describe, expect, it } from "vitest";
import { jsonataSelectorCode, jsonataValueCode } from "./jsonata-code.ts";

describe("jsonataValueCode", () => {
  it("writes a plain path as a reference, any other expression as jsonata(), and keeps literals", () => {
    const imports = new Set<string>();
    const code = jsonataValueCode({ id: "{% $states.input.id %}", n: "{%$count($states.input.a)%}", fixed: [1, "a"] }, ["input", "context"], imports);
    expect(code).toEqual({ code: '{ id: $.input.id, n: jsonata("$count($states.input.a)"), fixed: [1, "a"] }', usesScope: true });
    expect([...imports]).toEqual(["jsonata"]);
  });

  it("reads $states.result only where the position has a result, and never through a method name", () => {
    expect(jsonataValueCode("{% $states.result.body %}", ["input", "context"], new Set()).code).toBe('jsonata("$states.result.body")');
    expect(jsonataValueCode("{% $states.result.body %}", ["input", "result", "context"], new Set()).code).toBe("$.result.body");
    expect(jsonataValueCode("{% $states.input.total.gt %}", ["input"], new Set()).code).toBe('jsonata("$states.input.total.gt")');
  });

  it("reads $states.context.Task only where the token is offered (a callback task's request)", () => {
    expect(jsonataValueCode("{% $states.context.Task.Token %}", ["input", "context", "taskToken"], new Set()).code).toBe("$.context.Task.Token");
    expect(jsonataValueCode("{% $states.context.Task.Token %}", ["input", "context"], new Set()).code).toBe('jsonata("$states.context.Task.Token")');
    expect(jsonataValueCode("{% $states.context.Execution.Id %}", ["input", "context"], new Set()).code).toBe("$.context.Execution.Id");
  });

  it("is a selector over $ only when it reads it; an object literal is parenthesised", () => {
    expect(jsonataSelectorCode({ a: 1 }, ["input"], new Set())).toBe("() => ({ a: 1 })");
    expect(jsonataSelectorCode("{% $states.input %}", ["input"], new Set())).toBe("($) => $.input");
  });
});
