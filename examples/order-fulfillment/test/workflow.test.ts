// The saga on the local runtime: real handlers, injected failures where a dependency misbehaves,
// virtual time for the back-offs (the suite takes milliseconds, not the minutes it simulates).
import { describe, expect, it } from "vitest";
import { localTasks } from "@stepcraft/core";
import { testExecution } from "@stepcraft/runtime/testing";
import type { TestExecutionOptions } from "@stepcraft/runtime/testing";
import "@stepcraft/runtime/vitest";
import { handler as charge } from "../src/handlers/charge-payment.ts";
import type { ChargeEvent } from "../src/handlers/charge-payment.ts";
import { GatewayUnavailable, ReservationConflict } from "../src/handlers/errors.ts";
import { handler as release } from "../src/handlers/release-stock.ts";
import type { ReleaseEvent } from "../src/handlers/release-stock.ts";
import { handler as reserve } from "../src/handlers/reserve-stock.ts";
import type { ReserveEvent } from "../src/handlers/reserve-stock.ts";
import { failingFirst as flaky } from "../src/flaky.ts";
import { orderFulfillment } from "../src/workflow.ts";
import type { Order } from "../src/workflow.ts";

const START = new Date("2026-01-01T09:00:00Z");

const order: Order = {
  orderId: "ord-1",
  cardToken: "tok_visa",
  amount: 120,
  items: [
    { sku: "KB-001", qty: 1 },
    { sku: "MS-002", qty: 2 },
  ],
  address: { country: "DE", postcode: "10115" },
};

async function run(input: Order, options: TestExecutionOptions = {}) {
  return testExecution(orderFulfillment, input, { tasks: await localTasks(orderFulfillment), startTime: START, ...options });
}

/** Seconds between START and when each attempt of `state` began. */
function attemptOffsets(attempts: readonly { readonly startedAt: Date }[]): number[] {
  return attempts.map((a) => (a.startedAt.getTime() - START.getTime()) / 1000);
}

describe("OrderFulfillment compiles", () => {
  it("to valid JSONPath ASL", () => {
    const { asl, diagnostics } = orderFulfillment.compile();
    expect(diagnostics).toEqual([]);
    expect(asl.QueryLanguage).toBe("JSONPath");
  });
});

describe("OrderFulfillment: happy paths", () => {
  it("reserves, charges and ships an order that is in stock", async () => {
    const result = await run(order);
    expect(result).toHaveSucceeded();
    expect(result).toHaveVisitedInOrder(["CheckStock", "StockLevel?", "ReserveStock", "ChargePayment", "ShipOrder", "Fulfilled"]);
    expect(result.states["RequestRestock"]).toBeUndefined();
    expect(result.output).toEqual({
      ...order,
      stock: { level: "IN_STOCK", skus: [] },
      reservation: { reservationId: "res-ord-1", units: 3 },
      payment: { chargeId: "ch-ord-1", amount: 120 },
      shipment: { trackingNumber: "TRK-ord-1", carrier: "DHL" },
    });
  });

  it("asks for a restock when the order leaves a SKU low, then fulfils it", async () => {
    const result = await run({ ...order, items: [{ sku: "MN-003", qty: 2 }] });
    expect(result).toHaveSucceeded();
    expect(result).toHaveVisitedInOrder(["StockLevel?", "RequestRestock", "ReserveStock", "ChargePayment", "ShipOrder"]);
    expect(result).toHaveStateOutputMatching("RequestRestock", { stock: { level: "LOW", skus: ["MN-003"] }, restock: { requestId: "restock-MN-003" } });
  });
});

describe("OrderFulfillment: failure paths", () => {
  it("stops before reserving anything when an item is sold out", async () => {
    const result = await run({ ...order, items: [{ sku: "CB-004", qty: 1 }] });
    expect(result).toHaveFailedWith("OutOfStock", "an item of the order is sold out");
    expect(result.states["ReserveStock"]).toBeUndefined();
  });

  it("fails without compensating when the reservation itself fails (stock vanished since the check)", async () => {
    const result = await run(order, { mocks: { ReserveStock: { error: "OutOfStock", cause: "KB-001: 0 on hand" } } });
    expect(result).toHaveFailedWith("OutOfStock", "KB-001: 0 on hand");
    expect(result.states["ChargePayment"]).toBeUndefined();
    expect(result.states["ReleaseStock"]).toBeUndefined();
    // OutOfStock is not in any Retrier: one attempt.
    expect(result.states["ReserveStock"]?.visits[0]?.attempts).toHaveLength(1);
  });

  it("releases the stock when the card is declined, without retrying the charge", async () => {
    const result = await run({ ...order, cardToken: "tok_declined" });
    expect(result).toHaveFailedWith("PaymentDeclined", /card tok_declined declined for 120/);
    expect(result).toHaveVisitedInOrder(["ReserveStock", "ChargePayment", "ReleaseStock", "OrderFailed"]);
    expect(result.states["ChargePayment"]?.visits[0]?.attempts).toHaveLength(1);
    expect(result.states["RefundPayment"]).toBeUndefined();
    expect(result).toHaveStateOutputMatching("ReleaseStock", { release: { released: "res-ord-1" }, failure: { Error: "PaymentDeclined" } });
  });

  it("refunds, then releases, when the carrier rejects the shipment", async () => {
    const result = await run({ ...order, address: { country: "AQ", postcode: "0000" } });
    expect(result).toHaveFailedWith("ShipmentRejected", /no carrier serves AQ/);
    expect(result).toHaveVisitedInOrder(["ChargePayment", "ShipOrder", "RefundPayment", "ReleaseStock", "OrderFailed"]);
    expect(result).toHaveStateOutputMatching("RefundPayment", { refund: { refundId: "re-ch-ord-1" } });
  });
});

describe("OrderFulfillment: retries with back-off (virtual time)", () => {
  it("retries a flapping payment gateway after 2s and 4s, then succeeds", async () => {
    const result = await run(order, {
      mocks: { ChargePayment: flaky(2, () => new GatewayUnavailable("503"), (event: ChargeEvent) => charge(event)) },
    });
    expect(result).toHaveSucceeded();
    const attempts = result.states["ChargePayment"]?.visits[0]?.attempts ?? [];
    expect(attempts.map((a) => a.outcome)).toEqual(["failed", "failed", "succeeded"]);
    const [first = 0, second = 0, third = 0] = attemptOffsets(attempts);
    expect([second - first, third - second]).toEqual([2, 4]);
    expect(result.states["ReleaseStock"]).toBeUndefined();
  });

  it("gives up after three retries (2s, 4s, 8s) and releases the stock when the gateway stays down", async () => {
    const result = await run(order, { mocks: { ChargePayment: { error: "GatewayUnavailable", cause: "gateway down" } } });
    expect(result).toHaveFailedWith("GatewayUnavailable", "gateway down");
    const [a = 0, b = 0, c = 0, d = 0] = attemptOffsets(result.states["ChargePayment"]?.visits[0]?.attempts ?? []);
    expect([b - a, c - b, d - c]).toEqual([2, 4, 8]);
    expect(result).toHaveVisited("ReleaseStock");
  });

  it("retries a reservation that lost an optimistic lock after 1s, 2s", async () => {
    const result = await run(order, { mocks: { ReserveStock: flaky(2, () => new ReservationConflict("version mismatch"), (event: ReserveEvent) => reserve(event)) } });
    expect(result).toHaveSucceeded();
    const [first = 0, second = 0, third = 0] = attemptOffsets(result.states["ReserveStock"]?.visits[0]?.attempts ?? []);
    expect([second - first, third - second]).toEqual([1, 2]);
  });

  it("keeps retrying a compensation until it goes through", async () => {
    const blip = () => Object.assign(new Error("internal error"), { name: "Lambda.ServiceException" });
    const result = await run({ ...order, cardToken: "tok_declined" }, { mocks: { ReleaseStock: flaky(2, blip, (event: ReleaseEvent) => release(event)) } });
    // The execution still fails with the original error, not the compensation's hiccup.
    expect(result).toHaveFailedWith("PaymentDeclined", /declined/);
    expect(result.states["ReleaseStock"]?.visits[0]?.attempts.map((a) => a.outcome)).toEqual(["failed", "failed", "succeeded"]);
  });
});
