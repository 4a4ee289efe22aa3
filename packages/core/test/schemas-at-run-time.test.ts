// The schemas a workflow and its lambda() declarations carry, checked at run time in local tests:
// the workflow's input by @stepcraft/runtime/testing (structurally, via `workflow.inputSchema`), a
// Lambda's event and result by localTasks(). Core's src never imports the runtime.
import { TestSetupError, startTestExecution, testExecution } from "@stepcraft/runtime/testing";
import { describe, expect, expectTypeOf, it } from "vitest";
import { z } from "zod";
import { LambdaSchemaError, lambda, localTasks, override, typeOnly, untyped, workflow } from "../src/index.ts";
import type { StandardSchemaLike } from "../src/index.ts";
import type { Reservation, ReserveInput } from "../src/test-fixtures/order-handlers.ts";

const Line = z.object({ sku: z.string(), qty: z.number().int().positive() });
const Reserved = z.object({ reservationId: z.string().startsWith("r-"), sku: z.string() });

const checkedReserve = lambda("CheckedReserve", {
  entry: "./test-fixtures/order-handlers.ts",
  handler: () => import("../src/test-fixtures/order-handlers.ts").then((m) => m.reserve),
  input: Line,
  output: Reserved,
});

const Order = z.object({ orderId: z.string(), items: z.array(Line) });

function reserveAll() {
  const flow = workflow("ReserveAll", { input: Order });
  return flow.startWith(
    flow.map("Lines", {
      items: ($) => $.input.items,
      processor: (line) => line.task("Reserve", checkedReserve, { arguments: ($) => ({ sku: $.input.sku, qty: $.input.qty }) }),
    }),
  );
}

const good = { orderId: "o-1", items: [{ sku: "a", qty: 1 }, { sku: "b", qty: 2 }] };

describe("workflow.inputSchema", () => {
  it("is the schema given to workflow(), on the builder and the finished workflow", () => {
    const flow = workflow("W", { input: Order });
    expect(flow.inputSchema).toBe(Order);
    expect(reserveAll().inputSchema).toBe(Order);
    expectTypeOf(reserveAll().inputSchema).toEqualTypeOf<StandardSchemaLike<z.infer<typeof Order>>>();
  });

  it("is a schema that accepts everything for typeOnly() and untyped()", async () => {
    for (const schema of [typeOnly<{ readonly a: number }>(), untyped()]) {
      const flow = workflow("T", { input: schema });
      expect(await flow.inputSchema["~standard"].validate("anything")).toEqual({ value: "anything" });
    }
  });
});

describe("testExecution checks a builder workflow's input", () => {
  it("runs a valid input", async () => {
    const result = await testExecution(reserveAll(), good, { tasks: await localTasks(reserveAll()) });
    expect(result.status).toBe("SUCCEEDED");
  });

  it("refuses an invalid input before running, with every issue and its path", async () => {
    const bad = { items: [{ sku: "a", qty: "2" }, { sku: "b", qty: -1 }] };
    const run = testExecution(reserveAll(), bad, { tasks: await localTasks(reserveAll()) });
    await expect(run).rejects.toThrow(TestSetupError);
    await expect(run).rejects.toThrow(
      [
        'The execution input does not match the input schema of workflow "ReserveAll" (3 issues):',
        "  input.orderId: Invalid input: expected string, received undefined",
        "  input.items[0].qty: Invalid input: expected number, received string",
        "  input.items[1].qty: Too small: expected number to be >0",
      ].join("\n"),
    );
    expect(() => startTestExecution(reserveAll(), bad)).toThrow("input.items[0].qty: Invalid input: expected number, received string");
  });

  it("runs an invalid input with checkInput: false (the Lambda schemas still apply)", async () => {
    const result = await testExecution(reserveAll(), { items: [{ sku: "a", qty: 0 }] }, { tasks: await localTasks(reserveAll()), checkInput: false });
    expect(result.status).toBe("FAILED");
    expect(result.error).toBe("LambdaSchemaError");
  });

  it("never checks a typeOnly() input", async () => {
    const flow = workflow("Loose", { input: typeOnly<{ readonly n: number }>() });
    expect((await testExecution(flow.startWith(flow.pass("P")), { n: "not a number" })).status).toBe("SUCCEEDED");
  });
});

describe("lambda() input and output schemas", () => {
  it("ride on the declaration as inputSchema/outputSchema, and only when given", () => {
    const [declared] = reserveAll().lambdas;
    expect(declared?.inputSchema).toBe(Line);
    expect(declared?.outputSchema).toBe(Reserved);
    const plain = lambda("Plain", { entry: "./h.ts", handler: async () => async (e: ReserveInput) => e.sku });
    expect("inputSchema" in plain).toBe(false);
    expect("outputSchema" in plain).toBe(false);
  });

  it("keep the schemas out of the compiled ASL", () => {
    expect(reserveAll().toJson()).not.toContain("~standard");
  });

  it("must describe the handler's event and result types", () => {
    const handler = async () => async (e: ReserveInput): Promise<Reservation> => ({ reservationId: "r", sku: e.sku });
    lambda("Ok", { entry: "./h.ts", handler, input: Line, output: Reserved });
    // @ts-expect-error qty is a string in this schema, a number in the handler's event
    lambda("BadIn", { entry: "./h.ts", handler, input: z.object({ sku: z.string(), qty: z.string() }) });
    // @ts-expect-error the handler returns a Reservation, not a number
    lambda("BadOut", { entry: "./h.ts", handler, output: z.number() });
    // The assertions are the @ts-expect-error lines: the type-check (tsc 7, and TypeScript 6 in
    // test/typescript-6.test.ts) fails on one that no longer catches an error.
  });
});

describe("localTasks checks events and results against the lambda() schemas", () => {
  it("passes the event as sent when it matches", async () => {
    const tasks = await localTasks(reserveAll());
    await expect(tasks["CheckedReserve"]?.({ sku: "a", qty: 1 })).resolves.toEqual({ reservationId: "r-a", sku: "a" });
  });

  it("rejects a bad event before the handler runs, naming the function and every issue", async () => {
    let ran = false;
    const stub = override(checkedReserve, async (e) => {
      ran = true;
      return { reservationId: `r-${e.sku}`, sku: e.sku };
    });
    const tasks = await localTasks(reserveAll(), { overrides: [stub] });
    const call = tasks["CheckedReserve"]?.({ sku: 1, qty: 1.5 });
    await expect(call).rejects.toThrow(LambdaSchemaError);
    await expect(call).rejects.toThrow(
      [
        'lambda("CheckedReserve") (entry ./test-fixtures/order-handlers.ts): the event does not match its input schema (2 issues):',
        "  event.sku: Invalid input: expected string, received number",
        "  event.qty: Invalid input: expected int, received number",
      ].join("\n"),
    );
    await expect(call).rejects.toMatchObject({ issues: ["event.sku: Invalid input: expected string, received number", "event.qty: Invalid input: expected int, received number"] });
    expect(ran).toBe(false);
  });

  it("rejects a result that breaks the output schema, overrides included", async () => {
    const liar = override(checkedReserve, async (e) => ({ reservationId: "x-1", sku: e.sku }));
    const tasks = await localTasks(reserveAll(), { overrides: [liar] });
    await expect(tasks["CheckedReserve"]?.({ sku: "a", qty: 1 })).rejects.toThrow('result.reservationId: Invalid string: must start with "r-"');
  });

  it("fails the execution's task with LambdaSchemaError, the issues in the cause", async () => {
    const liar = override(checkedReserve, async (e) => ({ reservationId: "x-1", sku: e.sku }));
    const result = await testExecution(reserveAll(), good, { tasks: await localTasks(reserveAll(), { overrides: [liar] }) });
    expect(result.status).toBe("FAILED");
    expect(result.error).toBe("LambdaSchemaError");
    expect(result.cause).toContain('lambda(\\"CheckedReserve\\")');
    expect(result.cause).toContain("result.reservationId");
  });

  it("awaits async schemas", async () => {
    const known = new Set(["a"]);
    const asyncIn = lambda("AsyncIn", {
      entry: "./h.ts",
      handler: async () => async (e: ReserveInput) => e.sku,
      input: Line.refine(async (l) => known.has(l.sku), { message: "unknown sku", path: ["sku"] }),
    });
    const flow = workflow("Async", { input: typeOnly<ReserveInput>() });
    const tasks = await localTasks(flow.startWith(flow.task("T", asyncIn)));
    await expect(tasks["AsyncIn"]?.({ sku: "a", qty: 1 })).resolves.toBe("a");
    await expect(tasks["AsyncIn"]?.({ sku: "z", qty: 1 })).rejects.toThrow("event.sku: unknown sku");
  });

  it("skips the checks with checkSchemas: false", async () => {
    const tasks = await localTasks(reserveAll(), { checkSchemas: false });
    await expect(tasks["CheckedReserve"]?.({ sku: "a", qty: -3 })).resolves.toEqual({ reservationId: "r-a", sku: "a" });
  });

  it("reports a schema that breaks the Standard Schema protocol", async () => {
    const broken = { "~standard": { version: 1, vendor: "x", validate: () => null } } as const;
    const fn = lambda("Broken", { entry: "./h.ts", handler: async () => async (e: ReserveInput) => e.sku, input: broken });
    const flow = workflow("B", { input: typeOnly<ReserveInput>() });
    const tasks = await localTasks(flow.startWith(flow.task("T", fn)));
    await expect(tasks["Broken"]?.({ sku: "a", qty: 1 })).rejects.toThrow(`lambda("Broken") (entry ./h.ts): the schema's validate() returned null`);
  });
});
