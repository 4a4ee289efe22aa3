// OrderFulfillment: a saga. Reserve stock, charge the card, ship; a failure after a step that
// changed the world runs that step's compensation (refund, release) before the execution fails.
// Written in JSONPath mode (the other examples use JSONata) to show the builder compiling both.
import { z } from "zod";
import { fail, goto, lambda, states, succeed, workflow } from "@stepcraft/core";
import type { ErrorOutput } from "@stepcraft/core";
import type { StockReport } from "./handlers/check-stock.ts";
import type { Charge } from "./handlers/charge-payment.ts";
import type { Reservation } from "./handlers/reserve-stock.ts";

export const Order = z.object({
  orderId: z.string(),
  cardToken: z.string(),
  amount: z.number().positive(),
  items: z.array(z.object({ sku: z.string(), qty: z.number().int().positive() })).min(1),
  address: z.object({ country: z.string().length(2), postcode: z.string() }),
});
export type Order = z.infer<typeof Order>;

// `entry` is what CDK bundles (relative to src/, the stack's entryRoot); `handler` is what the
// builder reads types from and what the local runtime runs. The workflow finds the ones it calls
// itself (`orderFulfillment.lambdas`): the stack bundles those, `localTasks()` loads them.
export const checkStock = lambda("CheckStock", {
  entry: "./handlers/check-stock.ts",
  handler: () => import("./handlers/check-stock.ts").then((m) => m.handler),
});
export const requestRestock = lambda("RequestRestock", {
  entry: "./handlers/request-restock.ts",
  handler: () => import("./handlers/request-restock.ts").then((m) => m.handler),
});
export const reserveStock = lambda("ReserveStock", {
  entry: "./handlers/reserve-stock.ts",
  handler: () => import("./handlers/reserve-stock.ts").then((m) => m.handler),
  errors: ["OutOfStock", "ReservationConflict"] as const,
});
export const releaseStock = lambda("ReleaseStock", {
  entry: "./handlers/release-stock.ts",
  handler: () => import("./handlers/release-stock.ts").then((m) => m.handler),
});
export const chargePayment = lambda("ChargePayment", {
  entry: "./handlers/charge-payment.ts",
  handler: () => import("./handlers/charge-payment.ts").then((m) => m.handler),
  errors: ["PaymentDeclined", "GatewayUnavailable"] as const,
});
export const refundPayment = lambda("RefundPayment", {
  entry: "./handlers/refund-payment.ts",
  handler: () => import("./handlers/refund-payment.ts").then((m) => m.handler),
});
export const shipOrder = lambda("ShipOrder", {
  entry: "./handlers/ship-order.ts",
  handler: () => import("./handlers/ship-order.ts").then((m) => m.handler),
  errors: ["ShipmentRejected"] as const,
});

/** Lambda's own transient failures: always worth a retry. */
const LAMBDA_TRANSIENT = ["Lambda.ServiceException", "Lambda.AWSLambdaException", "Lambda.SdkClientException", "Lambda.TooManyRequestsException"] as const;

// What each stage of the saga carries: the order plus each step's result under its own field
// (JSONPath ResultPath), so compensations can read what they must undo.
type Checked = Order & { readonly stock: StockReport };
type Reserved = Checked & { readonly reservation: Reservation };
type Charged = Reserved & { readonly payment: Charge };
// What the catchers pass on: the state input with the error output (`Cause` may be absent) under `failure`.
type Failed = { readonly failure: ErrorOutput };

// The single failure exit: error and cause are the ones the failing step raised.
const orderFailed = states<Failed>().fail("OrderFailed", {
  error: ($) => $.input.failure.Error,
  // CausePath: every error these tasks raise carries a Cause; one without would fail this state with States.Runtime.
  cause: ($) => $.input.failure.Cause,
});

// Compensations run newest-first: refund the charge, then release the reservation.
const release = states<Reserved & Failed>()
  .task("ReleaseStock", releaseStock, {
    arguments: ($) => ({ orderId: $.input.orderId, reservationId: $.input.reservation.reservationId }),
    output: ($) => ({ released: $.result.released }),
    resultField: "release",
    // A compensation must not give up on a hiccup: the stock would stay held forever.
    retry: [{ errors: ["States.ALL"], intervalSeconds: 2, maxAttempts: 5, backoffRate: 2 }],
  })
  .then(orderFailed);

const refund = states<Charged & Failed>()
  .task("RefundPayment", refundPayment, {
    arguments: ($) => ({ chargeId: $.input.payment.chargeId, amount: $.input.payment.amount }),
    output: ($) => ({ refundId: $.result.refundId }),
    resultField: "refund",
    retry: [{ errors: ["States.ALL"], intervalSeconds: 2, maxAttempts: 5, backoffRate: 2 }],
  })
  .then(goto(release));

// JSONPath keeps a Lambda result under a field through ResultSelector (the `output` objects),
// since the handler's result sits in the invocation's Payload.
// The catchers keep the state input and add the error under `failure` (ResultPath "$.failure").

const fulfil = states<Checked>()
  .task("ReserveStock", reserveStock, {
    arguments: ($) => ({ orderId: $.input.orderId, items: $.input.items }),
    output: ($) => ({ reservationId: $.result.reservationId, units: $.result.units }),
    resultField: "reservation",
    retry: [
      // Lost an optimistic lock to a concurrent order: try again soon, backing off.
      { errors: ["ReservationConflict"], intervalSeconds: 1, maxAttempts: 3, backoffRate: 2 },
      { errors: [...LAMBDA_TRANSIENT], intervalSeconds: 2, maxAttempts: 3, backoffRate: 2 },
    ],
  })
  // Nothing is held yet: fail straight away.
  .catch({ errors: ["States.ALL"], resultField: "failure", next: goto(orderFailed) })
  .task("ChargePayment", chargePayment, {
    arguments: ($) => ({ orderId: $.input.orderId, amount: $.input.amount, cardToken: $.input.cardToken }),
    output: ($) => ({ chargeId: $.result.chargeId, amount: $.result.amount }),
    resultField: "payment",
    // The gateway flaps: 2s, 4s, 8s between attempts, never more than 10s.
    retry: [{ errors: ["GatewayUnavailable", ...LAMBDA_TRANSIENT], intervalSeconds: 2, maxAttempts: 3, backoffRate: 2, maxDelaySeconds: 10 }],
  })
  // Declined, or the gateway stayed down: give the stock back.
  .catch({ errors: ["States.ALL"], resultField: "failure", next: release })
  .task("ShipOrder", shipOrder, {
    arguments: ($) => ({ orderId: $.input.orderId, address: $.input.address }),
    output: ($) => ({ trackingNumber: $.result.trackingNumber, carrier: $.result.carrier }),
    resultField: "shipment",
    retry: [{ errors: [...LAMBDA_TRANSIENT], intervalSeconds: 2, maxAttempts: 3, backoffRate: 2 }],
  })
  // Cannot ship: refund, then release.
  .catch({ errors: ["States.ALL"], resultField: "failure", next: refund })
  .then(succeed("Fulfilled"));

const flow = workflow("OrderFulfillment", { input: Order, queryLanguage: "JSONPath", timeoutSeconds: 3600, comment: "reserve, charge, ship; compensate on failure" });

export const orderFulfillment = flow.startWith(
  flow
    .task("CheckStock", checkStock, {
      arguments: ($) => ({ items: $.input.items }),
      output: ($) => ({ level: $.result.level, skus: $.result.skus }),
      resultField: "stock",
      retry: [{ errors: [...LAMBDA_TRANSIENT], intervalSeconds: 2, maxAttempts: 3, backoffRate: 2 }],
    })
    .choice("StockLevel?")
    .when(($) => $.input.stock.level.eq("OUT"), fail("OutOfStock", { error: "OutOfStock", cause: "an item of the order is sold out" }))
    .when(
      ($) => $.input.stock.level.eq("LOW"),
      // Low stock does not stop the order: ask for a restock, then carry on with the saga.
      (s) => s.task("RequestRestock", requestRestock, { arguments: ($) => ({ skus: $.input.stock.skus }), output: ($) => ({ requestId: $.result.requestId }), resultField: "restock" }).then(goto(fulfil)),
    )
    .otherwise(fulfil),
);
