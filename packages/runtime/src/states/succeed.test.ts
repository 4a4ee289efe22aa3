import { describe, expect, it } from "vitest";
import { runExecution } from "../engine/machine.ts";

describe("Succeed", () => {
  it("ends the execution with OutputPath(InputPath(input))", async () => {
    const r = await runExecution({ StartAt: "S", States: { S: { Type: "Succeed", InputPath: "$.a", OutputPath: "$.b" } } }, { a: { b: 3 } });
    expect(r).toEqual({ status: "SUCCEEDED", output: 3 });
  });
});
