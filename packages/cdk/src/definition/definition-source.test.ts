import { lambda, typeOnly, workflow } from "@stepcraft/core";
import { describe, expect, it } from "vitest";
import { readDefinition, sourceLambdas } from "./definition-source.ts";

const asl = { StartAt: "Done", States: { Done: { Type: "Succeed" } } } as const;

describe("readDefinition", () => {
  it("compiles a stepcraft workflow without throwing, keeping its diagnostics", () => {
    const flow = workflow("W", { input: typeOnly<{ readonly a: number }>(), queryLanguage: "JSONata" });
    const ok = flow.startWith(flow.succeed("Done"));
    expect(readDefinition(ok)).toEqual({ definition: ok.toAsl(), diagnostics: [], readable: true });
    const broken = flow.startWith(flow.pass("Same").then(flow.pass("Same")).then(flow.succeed("Done")));
    expect(readDefinition(broken).diagnostics.map((d) => d.code)).toContain("DUPLICATE_STATE_NAME");
  });

  it("uses toAsl() when there is no compile(), turning what it throws into diagnostics", () => {
    expect(readDefinition({ toAsl: () => asl })).toEqual({ definition: asl, diagnostics: [], readable: true });
    const carried = [{ code: "X", path: "/States", message: "m", severity: "error" as const }];
    const throwsCarried = { toAsl: () => { throw Object.assign(new Error("bad"), { diagnostics: carried }); } };
    expect(readDefinition(throwsCarried)).toEqual({ definition: {}, diagnostics: carried, readable: false });
    const throwsPlain = { toAsl: (): never => { throw new Error("boom"); } };
    expect(readDefinition(throwsPlain).diagnostics).toEqual([{ code: "COMPILE_FAILED", path: "", message: "boom", severity: "error" }]);
  });

  it("parses JSON text, reporting text that is not a definition", () => {
    expect(readDefinition(JSON.stringify(asl))).toEqual({ definition: asl, diagnostics: [], readable: true });
    expect(readDefinition("\ufeff" + JSON.stringify(asl))).toEqual({ definition: asl, diagnostics: [], readable: true });
    for (const [text, code] of [["{ nope", "INVALID_JSON_DESCRIPTION"], ["", "MISSING_DESCRIPTION"], ["[1]", "SCHEMA_VALIDATION_FAILED"], ["null", "MISSING_DESCRIPTION"]] as const) {
      const read = readDefinition(text);
      expect(read.diagnostics.map((d) => d.code)).toEqual([code]);
      expect(read.readable).toBe(false);
    }
  });

  it("reads JSON text that is an invalid definition as a raw object, for synth to validate once", () => {
    const invalid = { StartAt: "A", States: { A: { Type: "Pass", Next: "Nowhere" } } };
    expect(readDefinition(JSON.stringify(invalid))).toEqual({ definition: invalid, diagnostics: [], readable: true });
  });

  it("lists a workflow's lambda() declarations, and none for ASL", () => {
    const flow = workflow("W", { input: typeOnly<{ readonly a: number }>(), queryLanguage: "JSONata" });
    const fn = lambda("Fn", { entry: "./fn.ts", handler: async () => async (e: { readonly a: number }) => e.a, functionName: "fn-prod" });
    const withTask = flow.startWith(flow.task("Call", fn));
    expect(sourceLambdas(withTask)?.map((d) => [d.name, d.functionName, d.entry])).toEqual([["Fn", "fn-prod", "./fn.ts"]]);
    expect(sourceLambdas({ toAsl: () => asl })).toBeUndefined();
    expect(sourceLambdas(asl)).toBeUndefined();
    expect(sourceLambdas(JSON.stringify(asl))).toBeUndefined();
  });

  it("takes a raw object as it is (validation happens later, at synth)", () => {
    expect(readDefinition({ StartAt: 1 })).toEqual({ definition: { StartAt: 1 }, diagnostics: [], readable: true });
  });
});
