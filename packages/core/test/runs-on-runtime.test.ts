// Builder workflows compiled and executed on @stepcraft/runtime, with Lambda functions bound to the
// local handlers their `lambda()` declarations point at. This lives in packages/core/test, not src:
// core's published source must never depend on the runtime, only these integration tests do.
import { runExecution } from "@stepcraft/runtime";
import type { TaskHandler } from "@stepcraft/runtime";
import { describe, expect, expectTypeOf, it } from "vitest";
import { lambda, typeOnly, workflow } from "../src/index.ts";
import type { QueryLanguage, Workflow } from "../src/index.ts";
import { ship } from "../src/golden/every-state.ts";
import type { Shipment } from "../src/golden/every-state.ts";
import { escapeHatch } from "../src/golden/integrations.ts";
import { placeOrder } from "../src/golden/place-order.ts";
import { charge, reserve, review } from "../src/test-fixtures/order-handlers.ts";
import type { Reservation } from "../src/test-fixtures/order-handlers.ts";

const LANGUAGES: readonly QueryLanguage[] = ["JSONata", "JSONPath"];

/** The type a workflow promises for a successful execution's output. */
type WorkflowOutput<W> = W extends { readonly outputType?: (output: infer O) => void } ? O : never;

interface Run<Out> {
  readonly status: string;
  /** The output, typed as the workflow promises (a SUCCEEDED execution only). */
  readonly output: Out | undefined;
  readonly error: string | undefined;
  readonly cause: string | undefined;
}

/** Compiles `flow`, runs one execution with `input` (checked against the workflow's input type) and binds `tasks`. */
async function run<In, Out, V, E extends string>(
  flow: Workflow<In, Out, V, E>,
  input: In,
  tasks: Readonly<Record<string, TaskHandler>>,
  startTime?: Date,
): Promise<Run<Out>> {
  const result = await runExecution(flow.toAsl(), input, { tasks, ...(startTime === undefined ? {} : { startTime }) });
  // The runtime returns JSON of unknown shape; the assertions below compare it with a value of type Out.
  return { status: result.status, output: result.output as Out | undefined, error: result.error, cause: result.cause };
}

/** Wraps a handler for the runtime and counts its calls. */
function bind<I, R>(handler: (event: I) => Promise<R>): TaskHandler & { readonly calls: () => number } {
  let calls = 0;
  const bound = (input: unknown) => {
    calls += 1;
    return handler(input as I);
  };
  return Object.assign(bound, { calls: () => calls });
}

const orderHandlers = () => ({ ReserveStock: bind(reserve), ReviewOrder: bind(review) });

describe.each(LANGUAGES)("PlaceOrder on the runtime (%s)", (language) => {
  const flow = placeOrder(language);
  const small = { orderId: "o-1", total: 40, items: [{ sku: "a", qty: 1 }, { sku: "b", qty: 2 }] };

  it("maps over the items and takes the Choice default", async () => {
    const handlers = orderHandlers();
    const result = await run(flow, small, handlers);
    // Every path ends in Succeed or Fail: the output is what reaches a Succeed state, the order
    // with the Map's results under `reservations` (Done) or the review's result (Reviewed).
    expectTypeOf<WorkflowOutput<typeof flow>>().toEqualTypeOf<
      | { readonly orderId: string; readonly total: number; readonly items: { sku: string; qty: number }[]; readonly reservations: Reservation["reservationId"][] }
      | { readonly approved: boolean }
    >();
    const expected: WorkflowOutput<typeof flow> = { ...small, reservations: ["r-a", "r-b"] };
    expect(result).toEqual({ status: "SUCCEEDED", output: expected, error: undefined, cause: undefined });
    expect(handlers.ReserveStock.calls()).toBe(2);
    expect(handlers.ReviewOrder.calls()).toBe(0);
  });

  it("routes a big order to the review task (a Choice rule taken)", async () => {
    const handlers = orderHandlers();
    const result = await run(flow, { ...small, total: 4000 }, handlers);
    const expected: WorkflowOutput<typeof flow> = { approved: true };
    expect(result).toEqual({ status: "SUCCEEDED", output: expected, error: undefined, cause: undefined });
    expect(handlers.ReviewOrder.calls()).toBe(1);
  });

  it("takes the Catch for OutOfStock and ends in the SoldOut Fail state", async () => {
    const result = await run(flow, { ...small, items: [{ sku: "a", qty: 1 }, { sku: "huge", qty: 500 }] }, orderHandlers());
    expect(result).toEqual({ status: "FAILED", output: undefined, error: "OutOfStock", cause: "an item is out of stock" });
  });

  it("retries Lambda.TooManyRequestsException twice, then fails with it (Retry exhausted, not caught)", async () => {
    let attempts = 0;
    const throttled: TaskHandler = () => {
      attempts += 1;
      const error = new Error("Rate exceeded");
      error.name = "Lambda.TooManyRequestsException";
      throw error;
    };
    const result = await run(flow, { ...small, items: [{ sku: "a", qty: 1 }] }, { ReserveStock: throttled, ReviewOrder: bind(review) });
    expect(attempts).toBe(3);
    expect(result.status).toBe("FAILED");
    expect(result.error).toBe("Lambda.TooManyRequestsException");
  });
});

describe.each(LANGUAGES)("Ship (every state type) on the runtime (%s)", (language) => {
  // Ship waits until 2026-12-01T09:00:00Z under a one-hour TimeoutSeconds: start (virtual time) shortly before.
  const start = new Date("2026-12-01T08:30:00Z");
  const shipment: Shipment = {
    shipmentId: "s-1",
    carrier: "Parcels",
    weightKg: 2,
    express: false,
    shipBy: "2026-11-30T00:00:00Z" as Shipment["shipBy"],
    delaySeconds: 1,
  };

  it("runs Pass, two Waits (virtual time), Parallel with a service task, and a Choice with boolean rules", async () => {
    const published: unknown[] = [];
    const publish: TaskHandler = (request) => {
      published.push(request);
      return { MessageId: "m-1" };
    };
    const result = await run(ship(language), shipment, { "arn:aws:states:::sns:publish": publish }, start);
    // The Succeed state gets the Parallel's tuple: the SNS response and the Pass result.
    expectTypeOf<WorkflowOutput<ReturnType<typeof ship>>>().toEqualTypeOf<[{ readonly MessageId: string }, { readonly audited: true }]>();
    const expected: WorkflowOutput<ReturnType<typeof ship>> = [{ MessageId: "m-1" }, { audited: true }];
    expect(result).toEqual({ status: "SUCCEEDED", output: expected, error: undefined, cause: undefined });
    expect(published).toEqual([{ TopicArn: "arn:aws:sns:eu-west-1:123456789012:email", Message: "s-1 via Parcels" }]);
  });

  it("takes the second Choice rule to a Fail state when the carrier variable matches *Post", async () => {
    const result = await run(ship(language), { ...shipment, carrier: "RoyalPost" }, { "arn:aws:states:::sns:publish": () => ({ MessageId: "m-2" }) }, start);
    expect(result).toEqual({ status: "FAILED", output: undefined, error: "Audit", cause: "audit missing" });
  });

  it("falls to the Choice default when no rule matches (a response outside the declared type)", async () => {
    const result = await run(ship(language), { ...shipment, carrier: "RoyalPost" }, { "arn:aws:states:::sns:publish": () => ({ MessageId: 42 }) }, start);
    expect(result).toEqual({ status: "FAILED", output: undefined, error: "Unknown", cause: undefined });
  });
});

describe.each(LANGUAGES)("EscapeHatch (raw expressions with declared types) on the runtime (%s)", (language) => {
  const flow = escapeHatch(language);
  type Out = WorkflowOutput<typeof flow>;

  it("outputs what the declared types promise on the open end", async () => {
    // The open end (Pick) or the Choice default's Succeed, which passes the input on.
    expectTypeOf<Out>().toEqualTypeOf<{ first: number; name: string } | { readonly a: readonly number[]; readonly name: string }>();
    const result = await run(flow, { a: [11, 2], name: "ada" }, {});
    const expected: Out = { first: 11, name: language === "JSONata" ? "ADA" : "ada" };
    expect(result).toEqual({ status: "SUCCEEDED", output: expected, error: undefined, cause: undefined });
  });

  it("takes the Choice default (Succeed) when the first number is small", async () => {
    const result = await run(flow, { a: [3], name: "ada" }, {});
    const expected: Out = { a: [3], name: "ada" };
    expect(result).toEqual({ status: "SUCCEEDED", output: expected, error: undefined, cause: undefined });
  });
});

const lambdaCharge = lambda("Charge", { entry: "./test-fixtures/order-handlers.ts", handler: () => import("../src/test-fixtures/order-handlers.ts").then((m) => m.charge) });
const lambdaReserve = lambda("ReserveStock", {
  entry: "./test-fixtures/order-handlers.ts",
  handler: () => import("../src/test-fixtures/order-handlers.ts").then((m) => m.reserve),
  errors: ["OutOfStock"] as const,
});

/** A workflow whose every path ends open, so its output type is the promise the runtime must keep. */
function settle(queryLanguage: QueryLanguage) {
  const flow = workflow("Settle", {
    input: typeOnly<{ readonly orderId: string; readonly lines: readonly { readonly sku: string; readonly qty: number }[] }>(),
    queryLanguage,
  });
  const both = flow.parallel("Both", {
    branches: [
      (b) => b.task("Charge", lambdaCharge, { arguments: ($) => ({ orderId: $.input.orderId, amount: 25 }) }),
      (b) =>
        b.map("ReserveLines", {
          items: ($) => $.input.lines,
          processor: (line) => line.task("Reserve", lambdaReserve, { arguments: ($) => ({ sku: $.input.sku, qty: $.input.qty }), output: ($) => $.result.reservationId }),
        }),
    ],
  });
  const summary = both.pass("Summary", { output: ($) => ({ approved: $.input[0].approved, reservations: $.input[1] }) });
  return flow.startWith(summary);
}

describe.each(LANGUAGES)("Settle (Parallel tuple of a Task and a Map) on the runtime (%s)", (language) => {
  const flow = settle(language);

  it("outputs exactly the promised type: the tuple read through typed indexes", async () => {
    type Out = WorkflowOutput<typeof flow>;
    expectTypeOf<Out>().toEqualTypeOf<{ approved: boolean; reservations: string[] }>();
    const result = await run(flow, { orderId: "o-9", lines: [{ sku: "x", qty: 1 }, { sku: "y", qty: 3 }] }, { Charge: bind(charge), ReserveStock: bind(reserve) });
    const expected: Out = { approved: true, reservations: ["r-x", "r-y"] };
    expect(result).toEqual({ status: "SUCCEEDED", output: expected, error: undefined, cause: undefined });
  });

  it("fails the whole Parallel when a Map iteration throws an uncaught declared error", async () => {
    const result = await run(flow, { orderId: "o-9", lines: [{ sku: "x", qty: 101 }] }, { Charge: bind(charge), ReserveStock: bind(reserve) });
    expect(result.status).toBe("FAILED");
    expect(result.error).toBe("OutOfStock");
  });
});
