// Single states of the saga, as AWS's TestState tests them: no need to drive the workflow there.
import { describe, expect, it } from "vitest";
import { testState } from "@stepcraft/runtime/testing";
import "@stepcraft/runtime/vitest";
import { orderFulfillment } from "../src/workflow.ts";
import type { Order } from "../src/workflow.ts";

const order: Order = {
  orderId: "ord-1",
  cardToken: "tok_visa",
  amount: 120,
  items: [{ sku: "KB-001", qty: 1 }],
  address: { country: "DE", postcode: "10115" },
};

describe("OrderFulfillment, one state at a time", () => {
  it("StockLevel? sends low stock to RequestRestock and the rest to ReserveStock", async () => {
    const low = await testState(orderFulfillment, "StockLevel?", { input: { ...order, stock: { level: "LOW", skus: ["KB-001"] } } });
    expect(low).toHaveNextState("RequestRestock");
    const inStock = await testState(orderFulfillment, "StockLevel?", { input: { ...order, stock: { level: "IN_STOCK", skus: [] } } });
    expect(inStock).toHaveNextState("ReserveStock");
  });

  it("ChargePayment keeps the charge under `payment` and goes on to ShipOrder", async () => {
    const out = await testState<Order, Order & { payment: { chargeId: string; amount: number } }>(orderFulfillment, "ChargePayment", {
      input: order,
      // The Payload is the function's JSON answer; Lambda's API model calls it a blob, so no shape check.
      mock: { result: { StatusCode: 200, Payload: { chargeId: "ch-1", amount: 120 } }, fieldValidationMode: "NONE" },
      inspectionLevel: "DEBUG",
    });
    expect(out).toHaveNextState("ShipOrder");
    expect(out).toHaveInspection({
      afterParameters: { FunctionName: "ChargePayment", Payload: { orderId: "ord-1", amount: 120, cardToken: "tok_visa" } },
      afterResultSelector: { chargeId: "ch-1", amount: 120 },
    });
    expect(out.parsedOutput?.payment).toEqual({ chargeId: "ch-1", amount: 120 });
  });

  it("ChargePayment retries a flapping gateway (2s, 4s, 8s) and then releases the stock", async () => {
    const flapping = { errorOutput: { error: "GatewayUnavailable", cause: "503" } };
    const second = await testState(orderFulfillment, "ChargePayment", { input: order, mock: flapping, stateConfiguration: { retrierRetryCount: 2 }, inspectionLevel: "DEBUG" });
    expect(second.status).toBe("RETRIABLE");
    expect(second).toHaveInspection({ errorDetails: { retryIndex: 0, retryBackoffIntervalSeconds: 8 } });
    const exhausted = await testState(orderFulfillment, "ChargePayment", { input: order, mock: flapping, stateConfiguration: { retrierRetryCount: 3 } });
    expect(exhausted).toMatchObject({ status: "CAUGHT_ERROR", nextState: "ReleaseStock" });
    expect(exhausted.parsedOutput).toMatchObject({ failure: { Error: "GatewayUnavailable", Cause: "503" } });
  });
});
