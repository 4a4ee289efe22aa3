// `workflow.lambdas` and `localTasks()`: a builder workflow runs on @stepcraft/runtime with the
// handlers its `lambda()` declarations load. This is an integration test (core's src never imports
// the runtime); the runtime takes localTasks' result through its ordinary `tasks` option.
import { testExecution } from "@stepcraft/runtime/testing";
import { describe, expect, expectTypeOf, it } from "vitest";
import { lambda, localTasks, override, typeOnly, workflow } from "../src/index.ts";
import type { LambdaDeclaration, LocalTask, QueryLanguage } from "../src/index.ts";
import { placeOrder, reserve, review } from "../src/golden/place-order.ts";
import type { Reservation, ReserveInput } from "../src/test-fixtures/order-handlers.ts";

const LANGUAGES: readonly QueryLanguage[] = ["JSONata", "JSONPath"];

const small = { orderId: "o-1", total: 40, items: [{ sku: "a", qty: 1 }, { sku: "b", qty: 2 }] };

describe("workflow.lambdas", () => {
  it("lists each declaration once, with what the ASL invokes and what the handler declares", () => {
    const flow = placeOrder("JSONata");
    // ReserveStock sits inside the Map's processor, ReviewOrder in a Choice branch.
    expect(flow.lambdas.map((d) => [d.name, d.functionName, d.entry, d.errors, d.pattern])).toEqual([
      ["ReserveStock", "ReserveStock", "./test-fixtures/order-handlers.ts", ["OutOfStock"], "requestResponse"],
      ["ReviewOrder", "ReviewOrder", "./test-fixtures/order-handlers.ts", [], "requestResponse"],
    ]);
    expect(flow.lambdas[0]?.load).toBe(reserve.load);
    expectTypeOf(flow.lambdas).toEqualTypeOf<readonly LambdaDeclaration[]>();
  });

  it("finds functions in Parallel branches, and lists a function used twice once", () => {
    const flow = workflow("Twice", { input: typeOnly<ReserveInput>() });
    const both = flow.parallel("Both", {
      branches: [(b) => b.task("A", reserve), (b) => b.task("B", reserve).then((s) => s.task("C", review, { arguments: () => ({ orderId: "x", total: 1 }) }))],
    });
    expect(flow.startWith(both).lambdas.map((d) => d.name)).toEqual(["ReserveStock", "ReviewOrder"]);
  });

  it("is empty for a workflow without lambda() tasks", () => {
    const flow = workflow("None", { input: typeOnly<{ readonly a: number }>() });
    expect(flow.startWith(flow.pass("P")).lambdas).toEqual([]);
  });

  it("keeps the declaration out of the compiled ASL", () => {
    const asl = placeOrder("JSONPath").toJson();
    expect(asl).not.toContain("order-handlers");
  });
});

describe.each(LANGUAGES)("localTasks on the runtime (%s)", (language) => {
  const flow = placeOrder(language);

  it("runs the declared handlers: the Map reserves every line", async () => {
    const result = await testExecution(flow, small, { tasks: await localTasks(flow) });
    expect(result.status).toBe("SUCCEEDED");
    expect(result.states["Done"]?.output).toEqual({ ...small, reservations: ["r-a", "r-b"] });
  });

  it("reports a handler's own error as the Lambda error, caught by the workflow's Catch", async () => {
    const result = await testExecution(flow, { ...small, items: [{ sku: "big", qty: 500 }] }, { tasks: await localTasks(flow) });
    expect(result.status).toBe("FAILED");
    expect(result.error).toBe("OutOfStock");
    expect(result.states["SoldOut"]).toBeDefined();
  });

  it("takes typed overrides instead of loading those handlers", async () => {
    const seen: ReserveInput[] = [];
    const stub = override(reserve, async (event) => {
      expectTypeOf(event).toEqualTypeOf<ReserveInput>();
      seen.push(event);
      return { reservationId: `stub-${event.sku}`, sku: event.sku };
    });
    const result = await testExecution(flow, small, { tasks: await localTasks(flow, { overrides: [stub] }) });
    expect(result.states["Done"]?.output).toEqual({ ...small, reservations: ["stub-a", "stub-b"] });
    expect(seen.map((e) => e.sku)).toEqual(["a", "b"]);
  });

  it("leaves state mocks in charge of the states they name", async () => {
    const result = await testExecution(flow, { ...small, total: 5000 }, {
      tasks: await localTasks(flow),
      mocks: { ManualReview: { result: { approved: false } } },
    });
    expect(result.status).toBe("SUCCEEDED");
    expect(result.states["ManualReview"]?.output).toEqual({ approved: false });
  });
});

describe("localTasks keys", () => {
  const byArn = lambda("Reserve", {
    entry: "./test-fixtures/order-handlers.ts",
    handler: () => import("../src/test-fixtures/order-handlers.ts").then((m) => m.reserve),
    functionName: "arn:aws:lambda:eu-west-1:123456789012:function:reserve-stock:live",
  });

  it("binds a function called by ARN under the ARN and its bare name, and runs it", async () => {
    const flow = workflow("ByArn", { input: typeOnly<ReserveInput>() });
    const wf = flow.startWith(flow.task("Reserve", byArn));
    const tasks = await localTasks(wf);
    expect(Object.keys(tasks).sort()).toEqual(["arn:aws:lambda:eu-west-1:123456789012:function:reserve-stock:live", "reserve-stock"]);
    const result = await testExecution(wf, { sku: "s", qty: 1 }, { tasks });
    expect(result.status).toBe("SUCCEEDED");
    expect(result.output).toEqual({ reservationId: "r-s", sku: "s" });
  });

  it("returns plain functions of the event", async () => {
    const tasks = await localTasks(placeOrder("JSONata"));
    expectTypeOf(tasks).toEqualTypeOf<Record<string, LocalTask>>();
    await expect(tasks["ReserveStock"]?.({ sku: "z", qty: 1 })).resolves.toEqual({ reservationId: "r-z", sku: "z" });
  });

  it("leaves out callback functions: a test answers their task token instead", async () => {
    const approve = lambda("Approve", {
      entry: "./approve.ts",
      handler: async () => async (event: { readonly token: string }) => event.token,
      pattern: "waitForTaskToken",
    });
    const flow = workflow("Callback", { input: typeOnly<{ readonly id: string }>() });
    const wf = flow.startWith(flow.task("Approve", approve, { arguments: ($) => ({ token: $.context.Task.Token }) }));
    expect(wf.lambdas.map((d) => d.pattern)).toEqual(["waitForTaskToken"]);
    expect(await localTasks(wf)).toEqual({});
  });
});

describe("localTasks refuses bad declarations", () => {
  const flowWith = (fn: ReturnType<typeof lambda<(e: ReserveInput) => Promise<Reservation>>>) => {
    const flow = workflow("Bad", { input: typeOnly<ReserveInput>() });
    return flow.startWith(flow.task("T", fn));
  };

  it("names the declaration whose loader fails", async () => {
    const broken = lambda("Broken", {
      entry: "./missing.ts",
      handler: () => Promise.reject<(e: ReserveInput) => Promise<Reservation>>(new Error("Cannot find module './missing.ts'")),
    });
    await expect(localTasks(flowWith(broken))).rejects.toThrow(`could not load the handler of lambda("Broken") (entry ./missing.ts): Cannot find module './missing.ts'`);
  });

  it("rejects a loader that does not resolve to a function", async () => {
    const notAFunction = lambda("NotAFunction", {
      entry: "./h.ts",
      // A loader that picks the wrong export: the cast stands for a module whose type lied.
      handler: async () => ({ default: 1 }) as unknown as (e: ReserveInput) => Promise<Reservation>,
    });
    await expect(localTasks(flowWith(notAFunction))).rejects.toThrow(`the handler loader of lambda("NotAFunction") (entry ./h.ts) resolved to object, not a function`);
  });

  it("rejects two declarations that invoke the same function name", async () => {
    const again = lambda("Again", { entry: "./other.ts", handler: async () => async (e: ReserveInput) => ({ reservationId: "x", sku: e.sku }), functionName: "ReserveStock" });
    const flow = workflow("Clash", { input: typeOnly<ReserveInput>() });
    const wf = flow.startWith(flow.task("A", reserve).then((s) => s.task("B", again, { arguments: () => ({ sku: "s", qty: 1 }) })));
    await expect(localTasks(wf)).rejects.toThrow(/both invoke the function "ReserveStock"/);
  });

  it("rejects an override for a function the workflow does not invoke", async () => {
    const flow = placeOrder("JSONata");
    const elsewhere = lambda("Elsewhere", { entry: "./e.ts", handler: async () => async (e: { readonly n: number }) => e.n });
    await expect(localTasks(flow, { overrides: [override(elsewhere, async (e) => e.n)] })).rejects.toThrow(
      `override for lambda("Elsewhere") (entry ./e.ts): the workflow does not invoke that function`,
    );
  });

  it("types overrides from the handler", () => {
    // @ts-expect-error the event is a ReserveInput, which has no `orderId`
    override(reserve, async (event) => ({ reservationId: event.orderId, sku: event.sku }));
    // @ts-expect-error the result must be a Reservation
    override(reserve, async () => ({ reservationId: 1 }));
    expectTypeOf(override(review, async (event) => ({ approved: event.total < 10 }))).not.toBeAny();
  });
});

describe.each(LANGUAGES)("a lambda() task with resultField and no output on the runtime (%s)", (language) => {
  // JSONPath calls the function by ARN here (direct-lambda-call.ts); the same handler must answer.
  const line = { orderId: "o-1", line: { sku: "a", qty: 2 } };
  const flow = workflow("Reserve", { input: typeOnly<{ readonly orderId: string; readonly line: ReserveInput }>(), queryLanguage: language });
  const reserving = flow.startWith(flow.task("Reserve", reserve, { arguments: ($) => ({ sku: $.input.line.sku, qty: $.input.line.qty }), resultField: "reservation" }));

  it("puts the handler's own result under the field", async () => {
    const result = await testExecution(reserving, line, { tasks: await localTasks(reserving) });
    expect(result.status).toBe("SUCCEEDED");
    expect(result.output).toEqual({ ...line, reservation: { reservationId: "r-a", sku: "a" } });
  });

  it("reports the handler's own error by its name", async () => {
    const result = await testExecution(reserving, { ...line, line: { sku: "big", qty: 500 } }, { tasks: await localTasks(reserving) });
    expect(result.error).toBe("OutOfStock");
  });

  it("finds a function declared by its full ARN", async () => {
    const byArn = lambda("Reserve", {
      entry: "./test-fixtures/order-handlers.ts",
      handler: () => import("../src/test-fixtures/order-handlers.ts").then((m) => m.reserve),
      functionName: "arn:aws:lambda:eu-west-1:123456789012:function:reserve-stock",
    });
    const viaArn = flow.startWith(flow.task("Reserve", byArn, { arguments: ($) => ({ sku: $.input.line.sku, qty: 1 }), resultField: ["audit", "reservation"] }));
    const result = await testExecution(viaArn, line, { tasks: await localTasks(viaArn) });
    expect(result.output).toEqual({ ...line, audit: { reservation: { reservationId: "r-a", sku: "a" } } });
  });
});
