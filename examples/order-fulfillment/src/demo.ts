// What `npm run example` runs for this example: one representative execution on the local runtime.
import { localTasks } from "@stepcraft/core";
import { testExecution } from "@stepcraft/runtime/testing";
import { handler as charge } from "./handlers/charge-payment.ts";
import type { ChargeEvent } from "./handlers/charge-payment.ts";
import { GatewayUnavailable } from "./handlers/errors.ts";
import { failingFirst } from "./flaky.ts";
import { orderFulfillment } from "./workflow.ts";
import type { Order } from "./workflow.ts";

export const workflows = [{ workflow: orderFulfillment, type: "STANDARD" }] as const;

/** An order that leaves the monitor nearly sold out: restock, then the whole saga succeeds. */
export const sampleOrder: Order = {
  orderId: "ord-1001",
  cardToken: "tok_visa",
  amount: 389.5,
  items: [
    { sku: "KB-001", qty: 1 },
    { sku: "MN-003", qty: 2 },
  ],
  address: { country: "GB", postcode: "EC1A 1BB" },
};

export async function runDemo() {
  return testExecution(orderFulfillment, sampleOrder, {
    tasks: await localTasks(orderFulfillment),
    startTime: new Date("2026-01-01T09:00:00Z"),
    // The gateway times out once: the trace shows the retry and its back-off.
    mocks: { ChargePayment: failingFirst(1, () => new GatewayUnavailable("gateway timeout"), (event: ChargeEvent) => charge(event)) },
  });
}
