// `stepcraft run workflow.ts` binds the workflow's lambda() handlers itself, loaded through the
// module's esbuild bundle; a mock config's test case still wins for the states it mocks.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import type { CliIo } from "../io.ts";
import { main } from "../main.ts";

function capture(cwd: string): CliIo & { stdout: () => string; stderr: () => string } {
  let out = "";
  let err = "";
  return { cwd, out: (s) => void (out += s), err: (s) => void (err += s), stdout: () => out, stderr: () => err };
}

const fixtures = new URL("../compile/fixtures/", import.meta.url).pathname;
const order = JSON.stringify({ orderId: "o-7", sku: "tea", qty: 2 });

interface JsonRun {
  readonly status: string;
  readonly output: unknown;
  readonly error?: string;
  readonly history: readonly { readonly type: string }[];
}

describe("stepcraft run binds a workflow module's lambda() handlers", () => {
  it("runs the handlers (one called by name, one by ARN) with no flag: trace, output, exit 0", async () => {
    const io = capture(fixtures);
    expect(await main(["run", "with-lambdas.ts", "--input", order], io)).toBe(0);
    const text = io.stdout();
    expect(text).toContain("with-lambdas.ts (Orders)");
    expect(text).toMatch(/ReserveStock \(Task\)[\s\S]*RecordOrder \(Task\)/);
    expect(text).toContain("SUCCEEDED");
    expect(text).toContain('"recorded": "o-7/r-tea-2"');
  });

  it("reports what a handler throws as the Lambda error, exit 1", async () => {
    const io = capture(fixtures);
    expect(await main(["run", "with-lambdas.ts", "--input", JSON.stringify({ orderId: "o-8", sku: "tea", qty: 99 }), "--json"], io)).toBe(1);
    const result = JSON.parse(io.stdout()) as JsonRun & { cause: string };
    expect(result.status).toBe("FAILED");
    expect(result.error).toBe("OutOfStock");
    expect(result.cause).toContain("no tea left");
    expect(result.history.map((e) => e.type)).toContain("TaskFailed");
  });

  it("lets a mock config's test case answer the states it names; the handlers run the rest", async () => {
    const dir = mkdtempSync(join(tmpdir(), "stepcraft-run-lambdas-"));
    writeFileSync(
      join(dir, "mocks.json"),
      JSON.stringify({
        StateMachines: { Orders: { TestCases: { Mocked: { ReserveStock: "Reserved" } } } },
        MockedResponses: { Reserved: { "0": { Return: { Payload: { reservationId: "r-mocked" } } } } },
      }),
    );
    const io = capture(dir);
    const module = relative(dir, join(fixtures, "with-lambdas.ts"));
    expect(await main(["run", module, "--input", order, "--mock-config", "mocks.json", "--test-case", "Mocked", "--json"], io)).toBe(0);
    expect((JSON.parse(io.stdout()) as JsonRun).output).toEqual({ recorded: "o-7/r-mocked" });
  });

  it("exits 2 before running when a handler cannot be loaded, naming the declaration", async () => {
    const io = capture(fixtures);
    expect(await main(["run", "unloadable-handler.ts", "--input", '{"id":"x"}'], io)).toBe(2);
    expect(io.stderr()).toContain(`'unloadable-handler.ts': could not load the handler of lambda("Missing") (entry ./handlers/missing.ts): the handler module is not there`);
    expect(io.stdout()).toBe("");
  });

  it("leaves ASL files as they were: an unbound Lambda task still fails with the runtime's error", async () => {
    const dir = mkdtempSync(join(tmpdir(), "stepcraft-run-lambdas-"));
    writeFileSync(
      join(dir, "orders.asl.json"),
      JSON.stringify({ StartAt: "R", States: { R: { Type: "Task", Resource: "arn:aws:states:::lambda:invoke", Arguments: { FunctionName: "Reserve", Payload: {} }, QueryLanguage: "JSONata", End: true } } }),
    );
    const io = capture(dir);
    expect(await main(["run", "orders.asl.json", "--json"], io)).toBe(1);
    expect((JSON.parse(io.stdout()) as JsonRun).error).toBe("Lambda.ResourceNotFoundException");
  });
});
