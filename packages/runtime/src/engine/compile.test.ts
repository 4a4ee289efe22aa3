import { describe, expect, it } from "vitest";
import { StatesError } from "../errors.ts";
import { createTaskResolver } from "../tasks/resolve.ts";
import { compileBlock } from "./compile.ts";

const options = {
  resolveTask: createTaskResolver({ lambdaErrorFormat: "nodejs", region: "us-east-1", accountId: "123456789012" }),
  maxPayloadBytes: 256 * 1024,
};

describe("compileBlock", () => {
  it("compiles every state once and starts at StartAt", () => {
    const block = compileBlock({ StartAt: "A", States: { A: { Type: "Pass", End: true } } }, "", "JSONPath", options);
    expect(block.start.name).toBe("A");
    expect(block.start.type).toBe("Pass");
  });

  it("rejects what it cannot run, naming where", () => {
    const bad = (def: unknown, message: RegExp) => {
      expect(() => compileBlock(def, "", "JSONPath", options)).toThrow(StatesError);
      expect(() => compileBlock(def, "", "JSONPath", options)).toThrow(message);
    };
    bad(null, /expected an object/);
    bad({ StartAt: "A", States: null }, /'States' must be an object/);
    bad({ StartAt: "A", States: { A: { Type: "Teleport" } } }, /\/States\/A: unknown state type "Teleport"/);
    bad({ StartAt: "A", States: { A: { Type: "Pass", Next: "B" } } }, /transition to a missing state 'B'/);
    bad({ StartAt: "Z", States: { A: { Type: "Pass", End: true } } }, /StartAt names no state: Z/);
  });
});
