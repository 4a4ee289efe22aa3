// The design document's PlaceOrder workflow, buildable in either query language.
import { z } from "zod";
import { fail, lambda, succeed, workflow } from "../index.ts";
import type { QueryLanguage } from "../index.ts";

export const Order = z.object({
  orderId: z.string(),
  total: z.number(),
  items: z.array(z.object({ sku: z.string(), qty: z.number().int() })),
});

export const reserve = lambda("ReserveStock", {
  entry: "./test-fixtures/order-handlers.ts",
  handler: () => import("../test-fixtures/order-handlers.ts").then((m) => m.reserve),
  errors: ["OutOfStock"] as const,
});

export const review = lambda("ReviewOrder", {
  entry: "./test-fixtures/order-handlers.ts",
  handler: () => import("../test-fixtures/order-handlers.ts").then((m) => m.review),
});

/** PlaceOrder: reserve every line, then route big orders to a manual review. */
export function placeOrder(queryLanguage: QueryLanguage) {
  const flow = workflow("PlaceOrder", { input: Order, queryLanguage });

  const reserveAll = flow.map("ReserveAll", {
    items: ($) => $.input.items,
    maxConcurrency: 5,
    processor: (item) =>
      item.task("Reserve", reserve, {
        arguments: ($) => ({ sku: $.input.sku, qty: $.input.qty }),
        output: ($) => $.result.reservationId,
        retry: [{ errors: ["Lambda.TooManyRequestsException"], maxAttempts: 2, backoffRate: 1.5 }],
      }),
    resultField: "reservations",
  }).catch({ errors: ["OutOfStock"], next: fail("SoldOut", { error: "OutOfStock", cause: "an item is out of stock" }) });

  const route = reserveAll
    .choice("BigOrder?")
    .when(
      ($) => $.input.total.gt(1000),
      (s) => s.task("ManualReview", review, { arguments: ($) => ({ orderId: $.input.orderId, total: $.input.total }) }).then(succeed("Reviewed")),
    )
    .otherwise(succeed("Done"));

  return flow.startWith(route);
}
