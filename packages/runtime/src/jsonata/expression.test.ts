import { describe, expect, it } from "vitest";
import { expressionBody, isJsonataExpression } from "./expression.ts";

describe("isJsonataExpression", () => {
  it("accepts strings delimited exactly by {% and %}", () => {
    expect(isJsonataExpression("{% $states.input %}")).toBe(true);
    expect(isJsonataExpression("{%$x%}")).toBe(true);
  });

  it("rejects outer whitespace, missing delimiters and other text, like AWS (they stay literals)", () => {
    // From the conformance case arguments/BASE_LAMBDA_LITERALS.
    expect(isJsonataExpression(" {% states.input %} ")).toBe(false);
    expect(isJsonataExpression("$states.input")).toBe(false);
    expect(isJsonataExpression("{% $x")).toBe(false);
    expect(isJsonataExpression("$x %}")).toBe(false);
    expect(isJsonataExpression("{%}")).toBe(false);
    expect(isJsonataExpression("")).toBe(false);
  });

  it("rejects non-strings", () => {
    for (const value of [null, undefined, 1, true, ["{% 1 %}"], { a: "{% 1 %}" }]) {
      expect(isJsonataExpression(value)).toBe(false);
    }
  });
});

describe("expressionBody", () => {
  it("strips the delimiters and trims, as AWS quotes the expression in causes", () => {
    expect(expressionBody("{% $doesNotExist %}")).toBe("$doesNotExist");
    expect(expressionBody("{%  $fn := function($x){$x}\n%}")).toBe("$fn := function($x){$x}");
    expect(expressionBody("{%%}")).toBe("");
  });
});
