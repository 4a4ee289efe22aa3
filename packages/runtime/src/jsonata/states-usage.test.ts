import jsonata from "jsonata";
import { describe, expect, it } from "vitest";
import { compileJsonataTemplate } from "./template.ts";
import { mayReadContext } from "./states-usage.ts";

const reads = (text: string) => mayReadContext(jsonata(text).ast());

describe("mayReadContext", () => {
  it("is false for expressions that only read $states.input, .result, .errorOutput and variables", () => {
    for (const text of [
      "$states.input", "$states.input.a.b", "$states.result.x", "$states.errorOutput.Cause", "$v.context", "1 + 2",
      "$merge([$states.input, {'context': $states.input.context}])", "$states.input.list[0]", "$states.input.list[$ > 1]",
      "$states.input.a@$y.b", "$count($states.result)",
    ]) {
      expect({ text, reads: reads(text) }).toEqual({ text, reads: false });
    }
  });

  it("is true wherever $states.context could be reached", () => {
    for (const text of [
      "$states.context", "$states.context.Execution.Id", "$states", "$string($states)", "$lookup($states, 'context')",
      "$states.*", "$states.('context')", "$states[0].context", "$states.input@$y.context", "$states.input.a.%.%.context",
      "($s := $states; $s.context)", "$keys($states)", "$states.input[0]",
    ]) {
      expect({ text, reads: reads(text) }).toEqual({ text, reads: true });
    }
  });

  it("matches what JSONata reads: a context-free expression gives the same value without the context", async () => {
    const input = { a: { b: 1 }, context: "in input", list: [1, 2, 3] };
    const context = { Execution: { Id: "arn" } };
    for (const text of ["$states.input.a.b", "$states.input.context", "$states.input.list[$ > 1]", "$states.input.a@$y.b"]) {
      expect(reads(text)).toBe(false);
      const withContext = await jsonata(text).evaluate(undefined, { states: { input, context } });
      const without = await jsonata(text).evaluate(undefined, { states: { input, context: undefined } });
      expect(without).toEqual(withContext);
    }
  });
});

describe("template readsContext", () => {
  it("is true when any expression may read the context, false for literals and context-free fields", () => {
    expect(compileJsonataTemplate({ a: "{% $states.input.x %}", b: 1 }, "Output").readsContext).toBe(false);
    expect(compileJsonataTemplate("literal", "Output").readsContext).toBe(false);
    expect(compileJsonataTemplate({ a: "{% $states.input.x %}", b: ["{% $states.context.State.Name %}"] }, "Output").readsContext).toBe(true);
    expect(compileJsonataTemplate("{% $states.input.( %}", "Output").readsContext).toBe(true);
  });
});
