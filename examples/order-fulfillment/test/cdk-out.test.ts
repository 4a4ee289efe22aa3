// The deployed form of the saga: synthesize the CDK app into a cloud assembly (as `npm run synth`
// does into cdk.out), then run the state machine it holds, with the esbuild bundles of the
// handlers running in-process. What deploys is what this tests.
import { afterAll, describe, expect, it } from "vitest";
import { fromCdkOut, synthesizeCdkOut } from "@stepcraft/cdk/testing";
import { testExecution } from "@stepcraft/runtime/testing";
import "@stepcraft/runtime/vitest";
import { createStack } from "../cdk/stack.ts";
import type { Order } from "../src/workflow.ts";

// One synthesis for the file, into a directory of its own (no dependency on an earlier synth).
const cdkOut = synthesizeCdkOut(createStack);
afterAll(() => cdkOut.dispose());

const machine = fromCdkOut(cdkOut.directory);
const order: Order = {
  orderId: "ord-1",
  cardToken: "tok_visa",
  amount: 120,
  items: [{ sku: "KB-001", qty: 1 }, { sku: "MS-002", qty: 2 }],
  address: { country: "DE", postcode: "10115" },
};

describe("OrderFulfillment from its cloud assembly", () => {
  it("runs the bundled handlers of the deployed functions", async () => {
    const result = await testExecution(machine, order);
    expect(result).toHaveSucceeded();
    expect(result).toHaveVisitedInOrder(["CheckStock", "StockLevel?", "ReserveStock", "ChargePayment", "ShipOrder", "Fulfilled"]);
    expect(result.output).toMatchObject({ payment: { chargeId: "ch-ord-1", amount: 120 }, shipment: { trackingNumber: "TRK-ord-1", carrier: "DHL" } });
  });

  it("compensates when the deployed charge function declines the card", async () => {
    const result = await testExecution(machine, { ...order, cardToken: "tok_declined" });
    expect(result).toHaveFailedWith("PaymentDeclined", /card tok_declined declined for 120/);
    expect(result).toHaveVisitedInOrder(["ReserveStock", "ChargePayment", "ReleaseStock", "OrderFailed"]);
  });

  it("names each function by construct, and replaces one by its construct path", async () => {
    const charge = machine.constructAt("ChargePayment");
    expect(charge.path).toBe("OrderFulfillment/OrderFulfillment/Functions/ChargePayment");
    expect(charge.arn).toMatch(/^arn:aws:lambda:us-east-1:123456789012:function:/);
    const result = await testExecution(machine, order, { tasks: { [charge.path!]: () => ({ chargeId: "ch-local", amount: 1 }) } });
    expect(result).toHaveStateOutputMatching("ChargePayment", { payment: { chargeId: "ch-local" } });
  });
});
