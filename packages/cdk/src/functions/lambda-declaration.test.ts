import { lambda } from "@stepcraft/core";
import { describe, expect, it } from "vitest";
import { aslFunctionName } from "./lambda-declaration.ts";

const load = () => import("../test-fixtures/reserve-handler.ts").then((m) => m.handler);

describe("aslFunctionName", () => {
  it("is the declaration's name by default, and core's functionName option when given", () => {
    expect(aslFunctionName(lambda("Reserve", { entry: "./r.ts", handler: load }))).toBe("Reserve");
    expect(aslFunctionName(lambda("Reserve", { entry: "./r.ts", handler: load, functionName: "reserve-prod" }))).toBe("reserve-prod");
    expect(aslFunctionName(lambda("Reserve", { entry: "./r.ts", handler: load, pattern: "waitForTaskToken" }))).toBe("Reserve");
  });

  it("prefers the declaration's functionName, as workflow.lambdas lists it", () => {
    expect(aslFunctionName({ name: "Reserve", entry: "./r.ts", functionName: "arn:aws:lambda:eu-west-1:123456789012:function:reserve" })).toBe(
      "arn:aws:lambda:eu-west-1:123456789012:function:reserve",
    );
  });

  it("falls back to the name for declarations without a request or with a computed FunctionName", () => {
    expect(aslFunctionName({ name: "Plain", entry: "./p.ts" })).toBe("Plain");
    const computed = { name: "Computed", entry: "./c.ts", call: { resource: "arn:aws:states:::lambda:invoke", resultPath: [], request: () => ({ kind: "object" as const, entries: [["FunctionName", { kind: "path" as const, root: "input" as const, segments: ["fn"] }]] as const }) } };
    expect(aslFunctionName(computed)).toBe("Computed");
  });
});
