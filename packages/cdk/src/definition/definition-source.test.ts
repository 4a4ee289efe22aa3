import { typeOnly, workflow } from "@stepcraft/core";
import { describe, expect, it } from "vitest";
import { readDefinition } from "./definition-source.ts";

const asl = { StartAt: "Done", States: { Done: { Type: "Succeed" } } } as const;

describe("readDefinition", () => {
  it("compiles a stepcraft workflow without throwing, keeping its diagnostics", () => {
    const flow = workflow("W", { input: typeOnly<{ readonly a: number }>(), queryLanguage: "JSONata" });
    const ok = flow.startWith(flow.succeed("Done"));
    expect(readDefinition(ok)).toEqual({ definition: ok.toAsl(), diagnostics: [] });
    const broken = flow.startWith(flow.pass("Same").then(flow.pass("Same")).then(flow.succeed("Done")));
    expect(readDefinition(broken).diagnostics.map((d) => d.code)).toContain("DUPLICATE_STATE_NAME");
  });

  it("uses toAsl() when there is no compile(), turning what it throws into diagnostics", () => {
    expect(readDefinition({ toAsl: () => asl })).toEqual({ definition: asl, diagnostics: [] });
    const carried = [{ code: "X", path: "/States", message: "m", severity: "error" as const }];
    const throwsCarried = { toAsl: () => { throw Object.assign(new Error("bad"), { diagnostics: carried }); } };
    expect(readDefinition(throwsCarried)).toEqual({ definition: {}, diagnostics: carried });
    const throwsPlain = { toAsl: (): never => { throw new Error("boom"); } };
    expect(readDefinition(throwsPlain).diagnostics).toEqual([{ code: "COMPILE_FAILED", path: "", message: "boom", severity: "error" }]);
  });

  it("parses JSON text, reporting text that is not a definition", () => {
    expect(readDefinition(JSON.stringify(asl))).toEqual({ definition: asl, diagnostics: [] });
    expect(readDefinition("{ nope").diagnostics.map((d) => d.code)).toEqual(["INVALID_JSON_DESCRIPTION"]);
    expect(readDefinition("").diagnostics.map((d) => d.code)).toEqual(["MISSING_DESCRIPTION"]);
  });

  it("takes a raw object as it is (validation happens later, at synth)", () => {
    expect(readDefinition({ StartAt: 1 })).toEqual({ definition: { StartAt: 1 }, diagnostics: [] });
  });
});
