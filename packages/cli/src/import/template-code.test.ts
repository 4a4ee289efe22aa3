import { describe, expect, it } from "vitest";
import { templateSelectorCode } from "./template-code.ts";

describe("templateSelectorCode", () => {
  it("writes simple paths as references, $$ paths on the context and the rest as jsonPath()", () => {
    const imports = new Set<string>();
    const code = templateSelectorCode(
      { "id.$": "$.order.id", "run.$": "$$.Execution.Id", "label.$": "States.Format('#{}', $.n)", fixed: { a: 1 } },
      "input",
      imports,
    );
    // Long objects are laid out one property a line; the formatter indents them.
    expect(code).toBe(`($) => ({\nid: $.input.order.id,\nrun: $.context.Execution.Id,\nlabel: jsonPath("States.Format('#{}', $.n)"),\nfixed: { a: 1 },\n})`);
    expect([...imports]).toEqual(["jsonPath"]);
  });

  it("reads $$.Task.Token as the typed reference only in a callback task's request, elsewhere as jsonPath()", () => {
    const template = { "token.$": "$$.Task.Token", "run.$": "$$.Execution.Id" };
    expect(templateSelectorCode(template, "input", new Set(), true)).toBe("($) => ({ token: $.context.Task.Token, run: $.context.Execution.Id })");
    expect(templateSelectorCode(template, "input", new Set())).toBe('($) => ({ token: jsonPath("$$.Task.Token"), run: $.context.Execution.Id })');
  });

  it("reads a ResultSelector from the result", () => {
    expect(templateSelectorCode({ "body.$": "$.Payload.body" }, "result", new Set())).toBe("($) => ({ body: $.result.Payload.body })");
  });

  it("writes objects inside arrays as templates (their `.$` keys are evaluated), and Map items as $.item", () => {
    expect(templateSelectorCode({ list: [{ "a.$": "$.a" }, 1] }, "input", new Set())).toBe("($) => ({ list: [{ a: $.input.a }, 1] })");
    expect(templateSelectorCode({ "sku.$": "$$.Map.Item.Value.sku", "i.$": "$$.Map.Item.Index", "all.$": "$.all" }, "item", new Set())).toBe(
      "($) => ({ sku: $.item.sku, i: $.index, all: $.input.all })",
    );
  });

  it("leaves templates it cannot say exactly to raw: arrays in arrays of templates, non-string paths", () => {
    expect(templateSelectorCode({ list: [[{ "a.$": "$.a" }]] }, "input", new Set())).toBeUndefined();
    expect(templateSelectorCode({ "n.$": 3 }, "input", new Set())).toBeUndefined();
    expect(templateSelectorCode("not an object", "input", new Set())).toBeUndefined();
  });
});
