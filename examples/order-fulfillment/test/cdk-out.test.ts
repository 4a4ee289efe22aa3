// The deployed form of the saga: synthesize the CDK app into a cloud assembly (as `npm run synth`
// does into cdk.out), then run the state machine it holds, with the esbuild bundles of the
// handlers running in-process. What deploys is what this tests.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { App } from "aws-cdk-lib";
import { afterAll, describe, expect, it } from "vitest";
import { fromCdkOut } from "@stepcraft/cdk/testing";
import { testExecution } from "@stepcraft/runtime/testing";
import "@stepcraft/runtime/vitest";
import { createStack } from "../cdk/stack.ts";
import type { Order } from "../src/workflow.ts";

// One synthesis for the file, into a directory of its own (no dependency on an earlier synth).
const cdkOut = mkdtempSync(join(tmpdir(), "order-fulfillment-cdk-out-"));
// Path metadata on, as the CDK CLI synthesizes: the template then names each resource's construct.
const app = new App({ outdir: cdkOut, context: { "aws:cdk:enable-path-metadata": true } });
createStack(app);
app.synth();
afterAll(() => rmSync(cdkOut, { recursive: true, force: true }));

const machine = fromCdkOut(cdkOut);
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
