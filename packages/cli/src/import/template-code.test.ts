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
    expect(code).toBe(`($) => ({ id: $.input.order.id, run: $.context.Execution.Id, label: jsonPath("States.Format('#{}', $.n)"), fixed: { a: 1 } })`);
    expect([...imports]).toEqual(["jsonPath"]);
  });

  it("reads a ResultSelector from the result", () => {
    expect(templateSelectorCode({ "body.$": "$.Payload.body" }, "result", new Set())).toBe("($) => ({ body: $.result.Payload.body })");
  });

  it("leaves templates it cannot say exactly to raw: arrays of templates, non-string paths", () => {
    expect(templateSelectorCode({ list: [{ "a.$": "$.a" }] }, "input", new Set())).toBeUndefined();
    expect(templateSelectorCode({ "n.$": 3 }, "input", new Set())).toBeUndefined();
    expect(templateSelectorCode("not an object", "input", new Set())).toBeUndefined();
  });
});
