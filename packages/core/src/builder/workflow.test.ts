import { describe, expect, it } from "vitest";
import { lambda, typeOnly, workflow, WorkflowCompileError } from "../index.ts";

const callback = lambda("Callback", {
  entry: "./test-fixtures/order-handlers.ts",
  handler: () => import("../test-fixtures/order-handlers.ts").then((m) => m.review),
  pattern: "waitForTaskToken",
});

describe("workflow compile and validation", () => {
  it("runs the ASL validator once, after compiling, and reports its diagnostics", () => {
    const flow = workflow("Raw", { input: typeOnly<{ readonly x: number }>() });
    const wf = flow.startWith(flow.pass("P", { raw: { NotAField: 1 } }));
    const { diagnostics } = wf.compile();
    expect(diagnostics.map((d) => [d.code, d.path])).toEqual([["SCHEMA_VALIDATION_FAILED", "/States/P"]]);
    expect(() => wf.toAsl()).toThrow(WorkflowCompileError);
  });

  it("the raw escape hatch takes an array or a scalar as Parameters and ItemSelector, as AWS does", () => {
    const flow = workflow("RawTemplates", { input: typeOnly<{ readonly x: number }>(), queryLanguage: "JSONPath" });
    const wf = flow.startWith(
      flow
        .pass("P", { raw: { Parameters: [{ "a.$": "$.x" }, 1] } })
        .pass("S", { raw: { Parameters: "hello" } })
        .map("M", { processor: (item) => item.pass("Q", {}), raw: { ItemSelector: [{ "v.$": "$$.Map.Item.Value" }] } }),
    );
    const { asl, diagnostics } = wf.compile();
    expect(diagnostics).toEqual([]);
    expect(asl.States["P"]).toMatchObject({ Parameters: [{ "a.$": "$.x" }, 1] });
    expect(asl.States["M"]).toMatchObject({ ItemSelector: [{ "v.$": "$$.Map.Item.Value" }] });
  });

  it("validates for the machine type: Express rejects callbacks", () => {
    const build = (type: "STANDARD" | "EXPRESS") => {
      const flow = workflow("Callbacks", { input: typeOnly<{ readonly orderId: string; readonly total: number }>(), type });
      return flow.startWith(flow.task("Wait", callback, { arguments: ($) => ({ orderId: $.input.orderId, total: $.input.total }) }));
    };
    expect(build("STANDARD").compile().diagnostics).toEqual([]);
    expect(build("EXPRESS").compile().diagnostics.map((d) => d.path)).toEqual(["/States/Wait/Resource"]);
  });

  it("per-state query language: a JSONPath state inside a JSONata workflow is rejected, the reverse compiles", () => {
    const jsonPathFlow = workflow("Mixed", { input: typeOnly<{ readonly x: number }>(), queryLanguage: "JSONPath" });
    const asl = jsonPathFlow.startWith(jsonPathFlow.pass("Modern", { queryLanguage: "JSONata", output: ($) => ({ y: $.input.x }) })).toAsl();
    expect(asl.States["Modern"]).toEqual({ Type: "Pass", QueryLanguage: "JSONata", Output: { y: "{% $states.input.x %}" }, End: true });
  });

  it("Choice rule outputs exist in JSONata only", () => {
    for (const queryLanguage of ["JSONata", "JSONPath"] as const) {
      const flow = workflow("Rules", { input: typeOnly<{ readonly x: number }>(), queryLanguage });
      const wf = flow.startWith(flow.choice("C").when(($) => $.input.x.gt(1), flow.pass("Big"), { output: ($) => ({ big: $.input.x }) }).otherwise(flow.pass("Small")));
      const { asl, diagnostics } = wf.compile();
      if (queryLanguage === "JSONata") {
        expect(diagnostics).toEqual([]);
        expect(asl.States["C"]).toEqual({
          Type: "Choice",
          Choices: [{ Condition: "{% $states.input.x > 1 %}", Output: { big: "{% $states.input.x %}" }, Next: "Big" }],
          Default: "Small",
        });
      } else {
        expect(diagnostics.map((d) => [d.code, d.path])).toEqual([["NOT_EXPRESSIBLE", "/States/C/Choices/0"]]);
      }
    }
  });

  it("records where each state was built, in the module that built it", async () => {
    const { placeOrder } = await import("../golden/place-order.ts");
    const { ir } = placeOrder("JSONata").toIr();
    expect(ir.body.states.map((state) => state.site)).toEqual(
      ir.body.states.map(() => expect.stringMatching(/^packages\/core\/src\/golden\/place-order\.ts:\d+$/)),
    );
  });

  it("exposes the input schema and names for tooling", () => {
    const schema = typeOnly<{ readonly x: number }>();
    const flow = workflow("Named", { input: schema });
    expect(flow.name).toBe("Named");
    expect(flow.queryLanguage).toBe("JSONata");
    expect(flow.startWith(flow.pass("P")).inputSchema).toBe(schema);
    expect(callback.entry).toBe("./test-fixtures/order-handlers.ts");
  });
});
