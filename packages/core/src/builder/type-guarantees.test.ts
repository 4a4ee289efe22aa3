// Type tests for the guarantees of docs/design/dsl.md. The root `npm test` type-checks this file,
// so every `@ts-expect-error` must still catch an error or the suite fails.
import { describe, expect, expectTypeOf, it } from "vitest";
import { z } from "zod";
import { fail, jsonata, jsonPath, lambda, states, succeed, timestamp, typeOnly, workflow } from "../index.ts";
import type { AbsentDataTests, Chain, ChainErrors, ChainOutput, Condition, LambdaServiceError, ErrorOutput, NotAnOperand, NumberRef, OptionalRef, Ref, ResultWriterOutput, StringRef, Timestamp, TimestampRef, Value } from "../index.ts";
import type { Reservation } from "../test-fixtures/order-handlers.ts";

const Order = z.object({
  orderId: z.string(),
  total: z.number(),
  note: z.string().optional(),
  placedAt: z.custom<Timestamp>((v) => typeof v === "string"),
  items: z.array(z.object({ sku: z.string(), qty: z.number() })),
});
type Order = z.infer<typeof Order>;

const reserve = lambda("ReserveStock", {
  entry: "./test-fixtures/order-handlers.ts",
  handler: () => import("../test-fixtures/order-handlers.ts").then((m) => m.reserve),
  errors: ["OutOfStock"] as const,
});
const charge = lambda("Charge", {
  entry: "./test-fixtures/order-handlers.ts",
  handler: () => import("../test-fixtures/order-handlers.ts").then((m) => m.charge),
});

const flow = workflow("Types", { input: Order });

describe("1. paths exist in the payload type", () => {
  it("reads fields of the input type, and only those", () => {
    const chain = flow.pass("P", { output: ($) => ({ id: $.input.orderId, firstSku: $.input.items.elementAt(0).assertPresent().sku }) });
    expectTypeOf(chain).toEqualTypeOf<Chain<Order, { id: string; firstSku: string }, {}, never>>();
    // @ts-expect-error - `orderID` is not a field of Order (the field is `orderId`)
    flow.pass("Bad", { output: ($) => $.input.orderID });
    // @ts-expect-error - items are objects with sku and qty, no price
    flow.pass("Bad2", { output: ($) => $.input.items.elementAt(0).price });
    expect(chain.pass).toBeTypeOf("function");
  });
});

describe("2. task arguments match the handler's input", () => {
  it("accepts arguments of the handler's input type", () => {
    const ok = flow.task("Charge", charge, { arguments: ($) => ({ orderId: $.input.orderId, amount: $.input.total }) });
    expectTypeOf<ChainOutput<typeof ok>>().toEqualTypeOf<{ readonly chargeId: string; readonly approved: boolean }>();
    expectTypeOf<ChainErrors<typeof ok>>().toEqualTypeOf<LambdaServiceError>();
    // @ts-expect-error - amount must be a number, and orderId (a string) is passed
    flow.task("Charge2", charge, { arguments: ($) => ({ orderId: $.input.orderId, amount: $.input.orderId }) });
    // @ts-expect-error - the request lacks `amount`
    flow.task("Charge3", charge, { arguments: ($) => ({ orderId: $.input.orderId }) });
    // @ts-expect-error - without arguments the state input (an Order) is sent, and it is not a ChargeInput
    flow.task("Charge4", charge);
    const line = states<{ readonly orderId: string; readonly amount: number }>();
    expectTypeOf<ChainOutput<ReturnType<typeof line.task<{ readonly orderId: string; readonly amount: number }, { readonly chargeId: string; readonly approved: boolean }, LambdaServiceError>>>>().toEqualTypeOf<{
      readonly chargeId: string;
      readonly approved: boolean;
    }>();
    expect(line.task("Charge5", charge)).toBeTypeOf("object");
  });
});

describe("3. outputs flow to the next state", () => {
  it("infers each state's output and checks transitions", () => {
    const reserved = states<{ readonly sku: string; readonly qty: number }>().task("Reserve", reserve);
    const next = reserved.pass("Id", { output: ($) => $.input.reservationId });
    expectTypeOf(next).toEqualTypeOf<Chain<{ readonly sku: string; readonly qty: number }, string, {}, "OutOfStock" | import("../index.ts").LambdaServiceError>>();
    const wantsNumber = states<number>().pass("Double");
    // @ts-expect-error - the chain produces a string, the target accepts a number
    next.then(wantsNumber);
    const done = next.then(succeed("Done"));
    // @ts-expect-error - a chain ending in Succeed has no open end to continue
    done.then(succeed("More"));
    // @ts-expect-error - the workflow input is an Order; this chain accepts a number
    flow.startWith(wantsNumber);
    // Catch transitions too: the target gets the error output, or the catcher's output.
    reserved.catch({ errors: ["OutOfStock"], next: states<ErrorOutput>().pass("Handle") });
    reserved.catch({ errors: ["OutOfStock"], output: ($) => $.errorOutput.Error, next: states<string>().pass("HandleName") });
    // @ts-expect-error - the error output is { Error, Cause }, not a number
    reserved.catch({ errors: ["OutOfStock"], next: wantsNumber });
    // A Catcher with its own output: its target must accept that output.
    const own = reserved.catch({ errors: ["OutOfStock"], output: ($) => ({ sku: $.input.sku, why: $.errorOutput.Error }), next: states<{ sku: string; why: string }>().pass("Why") });
    expectTypeOf<ChainOutput<typeof own>>().toEqualTypeOf<Reservation | { sku: string; why: string }>();
    // @ts-expect-error - the catcher's output is the error name (a string); the target accepts a number
    reserved.catch({ errors: ["OutOfStock"], output: ($) => $.errorOutput.Error, next: wantsNumber });
    // @ts-expect-error - the catcher's `why` is a string; the target wants a number there
    reserved.catch({ errors: ["OutOfStock"], output: ($) => ({ why: $.errorOutput.Error }), next: states<{ why: number }>().pass("WhyNumber") });
    // Catchers in a task's options are checked the same way, each against its own target.
    const line = states<{ readonly sku: string; readonly qty: number }>();
    const inOptions = line.task("ReserveChecked", reserve, {
      catch: [
        { errors: ["OutOfStock"], output: ($) => $.errorOutput.Error, next: states<string>().pass("Name") },
        { errors: ["States.ALL"], next: states<ErrorOutput>().pass("Whole") },
      ],
    });
    expectTypeOf<ChainOutput<typeof inOptions>>().toEqualTypeOf<Reservation | string | ErrorOutput>();
    // @ts-expect-error - without an output the target gets { Error, Cause }, not a number
    line.task("ReserveToNumber", reserve, { catch: [{ errors: ["OutOfStock"], next: wantsNumber }] });
    // @ts-expect-error - the second catcher passes a string to a target that accepts a number
    line.task("ReserveOwnToNumber", reserve, { catch: [{ errors: ["States.ALL"], next: fail("F") }, { errors: ["OutOfStock"], output: ($) => $.errorOutput.Error, next: wantsNumber }] });
    expectTypeOf(flow.startWith(flow.pass("Start")).then((s) => s.pass("Next", { output: ($) => $.input.total }))).toExtend<{ readonly outputType?: (output: number) => void }>();
  });
});

describe("4. Choice comparisons are typed", () => {
  it("offers the comparisons that fit each type", () => {
    flow.choice("C").when(($) => {
      expectTypeOf($.input.total).toEqualTypeOf<NotAnOperand & NumberRef<number>>();
      expectTypeOf($.input.orderId).toExtend<StringRef<string>>();
      expectTypeOf($.input.placedAt).toEqualTypeOf<NotAnOperand & TimestampRef<Timestamp>>();
      expectTypeOf($.input.total.gt(1000)).toEqualTypeOf<Condition>();
      return $.input.orderId.matches("A-*");
    }, succeed("S"));
    flow.choice("C2").when(($) => $.input.placedAt.before(timestamp("2026-01-01T00:00:00Z")), succeed("S2"));
    flow.choice("C3").when(($) => $.input.note.isPresent(), succeed("S3"));
    // @ts-expect-error - gt() compares numbers; orderId is a string
    flow.choice("C4").when(($) => $.input.orderId.gt(5), succeed("S4"));
    // @ts-expect-error - matches() is for strings; total is a number
    flow.choice("C5").when(($) => $.input.total.matches("1*"), succeed("S5"));
    // @ts-expect-error - a timestamp compares with a Timestamp, not any string
    flow.choice("C6").when(($) => $.input.placedAt.before("yesterday"), succeed("S6"));
    // @ts-expect-error - isPresent() applies to optional fields only; orderId is required
    flow.choice("C7").when(($) => $.input.orderId.isPresent(), succeed("S7"));
    // @ts-expect-error - strings have no timestamp comparisons
    flow.choice("C8").when(($) => $.input.orderId.before(timestamp("2026-01-01T00:00:00Z")), succeed("S8"));
  });
});

describe("5. Retry and Catch accept States.* and the task's declared errors", () => {
  it("rejects misspelt error names", () => {
    const line = states<{ readonly sku: string; readonly qty: number }>();
    line.task("Reserve", reserve, {
      retry: [{ errors: ["OutOfStock", "States.Timeout"], maxAttempts: 2 }],
      catch: [{ errors: ["States.ALL"], next: fail("Failed") }],
    });
    // @ts-expect-error - "OutOfStok" is not an error ReserveStock declares
    line.task("Reserve2", reserve, { retry: [{ errors: ["OutOfStok"] }] });
    // @ts-expect-error - "States.Timeot" is not a States.* error
    line.task("Reserve3", reserve, { catch: [{ errors: ["States.Timeot"], next: fail("F3") }] });
    // @ts-expect-error - Charge declares no OutOfStock error
    states<{ readonly orderId: string; readonly amount: number }>().task("Charge", charge, { retry: [{ errors: ["OutOfStock"] }] });
    // Map and Parallel accept the errors of the tasks inside them.
    const mapped = flow.map("M", { items: ($) => $.input.items, processor: (item) => item.task("R", reserve) });
    mapped.catch({ errors: ["OutOfStock"], next: fail("F4") }).retry({ errors: ["Lambda.TooManyRequestsException"] });
    const quiet = flow.map("M2", { items: ($) => $.input.items, processor: (item) => item.pass("Nothing") });
    // @ts-expect-error - nothing in this processor throws OutOfStock
    quiet.catch({ errors: ["OutOfStock"], next: fail("F5") });
    const both = flow.parallel("P", { branches: [(b) => b.pass("A"), (b) => b.task("Charge", charge, { arguments: () => ({ orderId: "o", amount: 1 }) })] });
    both.retry({ errors: ["Lambda.Unknown"] });
    // @ts-expect-error - no branch declares OutOfStock
    both.retry({ errors: ["OutOfStock"] });
    // @ts-expect-error - a misspelt States error
    both.catch({ errors: ["States.TaskFail"], next: fail("F6") });
    expectTypeOf(line.task("R4", reserve).catch({ errors: ["OutOfStock"], next: states<ErrorOutput>().pass("Handled") })).toExtend<{
      then: (next: import("../index.ts").ChainLike<Reservation | ErrorOutput, unknown, unknown, never>) => unknown;
    }>();
    expectTypeOf<ErrorOutput>().toEqualTypeOf<{ readonly Error: string; readonly Cause?: string }>();
  });
});

describe("6. Map and Parallel outputs", () => {
  it("types Map items from the array and outputs as arrays; Parallel as tuples", () => {
    const mapped = flow.map("ReserveAll", {
      items: ($) => $.input.items,
      processor: (item) => {
        expectTypeOf(item.pass).toBeFunction();
        return item.task("Reserve", reserve);
      },
    });
    expectTypeOf<ChainOutput<typeof mapped>>().toEqualTypeOf<Reservation[]>();
    const selected = flow.map("Skus", { items: ($) => $.input.items, itemSelector: ($) => ({ sku: $.item.sku, at: $.index }), processor: (s) => s.pass("Id") });
    expectTypeOf<ChainOutput<typeof selected>>().toEqualTypeOf<{ sku: string; at: number }[]>();
    const both = flow.parallel("Both", {
      branches: [(b) => b.pass("Total", { output: ($) => $.input.total }), (b) => b.pass("Id", { output: ($) => $.input.orderId })],
    });
    expectTypeOf<ChainOutput<typeof both>>().toEqualTypeOf<[number, string]>();
    both.choice("First").when(($) => $.input[0].gt(3), succeed("Yes"));
    // @ts-expect-error - the tuple has two elements
    both.choice("Third").when(($) => $.input[2].gt(3), succeed("No"));
    const written = flow.map("Written", {
      items: ($) => $.input.items,
      processor: (s) => s.pass("X"),
      resultWriter: { arguments: { Bucket: "b" } },
    });
    expectTypeOf<ChainOutput<typeof written>>().toEqualTypeOf<ResultWriterOutput>();
  });

  it("types branches and processors ending in Succeed by what reaches the Succeed state", () => {
    const ended = flow.parallel("Ended", {
      branches: [
        (b) => b.pass("Id", { output: ($) => $.input.orderId }).succeed("IdDone"),
        (b) => b.choice("Big").when(($) => $.input.total.gt(10), (s) => s.succeed("BigDone", { output: ($) => $.input.total })).otherwise(succeed("Small")),
      ],
    });
    // The second branch outputs the total (BigDone's output) or the whole input (the standalone Succeed passes it on).
    expectTypeOf<ChainOutput<typeof ended>>().toEqualTypeOf<[string, number | Order]>();
    // @ts-expect-error - the first branch ends in a Succeed reached by a string: no numeric comparison
    ended.choice("First").when(($) => $.input[0].gt(3), succeed("Never"));
    const mapped = flow.map("SkusDone", { items: ($) => $.input.items, processor: (item) => item.pass("Sku", { output: ($) => $.input.sku }).succeed("ItemDone") });
    expectTypeOf<ChainOutput<typeof mapped>>().toEqualTypeOf<string[]>();
    // @ts-expect-error - the processor's Succeed is reached by strings: the items are not numbers
    mapped.choice("Sum").when(($) => $.input.elementAt(0).gt(1), succeed("NotNumbers"));
    // A workflow's output type: its open ends, its Succeed states, and Catch targets ending in Succeed.
    const whole = flow.startWith(
      states<Order>()
        .task("Charge", charge, { arguments: ($) => ({ orderId: $.input.orderId, amount: $.input.total }) })
        .catch({ errors: ["States.ALL"], next: succeed("Failed") })
        .pass("Approved", { output: ($) => $.input.approved }),
    );
    expectTypeOf(whole.outputType).toEqualTypeOf<((output: boolean | ErrorOutput) => void) | undefined>();
    const closed = flow.startWith(flow.pass("Id2", { output: ($) => $.input.orderId }).succeed("End"));
    expectTypeOf(closed.outputType).toEqualTypeOf<((output: string) => void) | undefined>();
    // @ts-expect-error - a workflow ending in Succeed has no open end to continue
    closed.then(succeed("After"));
  });
});

describe("7. variables are typed where read", () => {
  it("reads assigned variables with their types; unassigned names do not compile", () => {
    const assigned = flow.pass("Remember", { assign: ($) => ({ total: $.input.total, id: $.input.orderId }) });
    assigned.choice("Big").when(($) => {
      expectTypeOf($.vars.total).toEqualTypeOf<NotAnOperand & NumberRef<number>>();
      return $.vars.total.gt(100);
    }, succeed("Big!"));
    // @ts-expect-error - `totl` was never assigned
    assigned.choice("Typo").when(($) => $.vars.totl.gt(100), succeed("T"));
    // @ts-expect-error - nothing is assigned before the first state
    flow.pass("Early", { output: ($) => $.vars.total });
    assigned.map("Inline", { items: ($) => $.input.items, processor: (s) => s.pass("ReadsOuter", { output: ($) => $.vars.total }) });
    assigned.map("Distributed", {
      items: ($) => $.input.items,
      mode: "distributed",
      // @ts-expect-error - distributed child executions cannot read the parent's variables
      processor: (s) => s.pass("CannotReadOuter", { output: ($) => $.vars.total }),
    });
    const reassigned = assigned.pass("Again", { assign: () => ({ total: "now a string" }) });
    reassigned.pass("Read", {
      output: ($) => {
        expectTypeOf($.vars.total).toEqualTypeOf<NotAnOperand & StringRef<string>>();
        return $.vars.id;
      },
    });
  });
});

describe("9. typed escape hatches", () => {
  it("declares the result type of raw JSONata and JSONPath", () => {
    const upper = jsonata<string>("$uppercase($states.input.orderId)");
    expectTypeOf(upper).toExtend<Value<string>>();
    const first = jsonPath<number>("$.items[0].qty");
    flow.choice("Raw").when(() => first.gt(1), succeed("R1"));
    // @ts-expect-error - a raw number has no string matching
    flow.choice("Raw2").when(() => first.matches("1*"), succeed("R2"));
    const ws = states<{ readonly orderId: string; readonly amount: number }>();
    ws.task("Charge", charge, { arguments: () => ({ orderId: upper, amount: jsonata<number>("42") }) });
    // @ts-expect-error - the raw expression is declared as a string, amount needs a number
    ws.task("Charge2", charge, { arguments: () => ({ orderId: upper, amount: upper }) });
    expectTypeOf<Ref<{ a?: number }>["a"]>().toEqualTypeOf<NotAnOperand & OptionalRef<number | undefined> & AbsentDataTests>();
    const typed = workflow("T", { input: typeOnly<{ readonly x: number }>() });
    expectTypeOf(typed.pass("Raw", { raw: { InputPath: "$.x" } })).toEqualTypeOf<Chain<{ readonly x: number }, { readonly x: number }, {}, never>>();
  });
});
