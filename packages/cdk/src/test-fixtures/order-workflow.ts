// The workflow the construct's tests deploy: a Map over the order's lines calling one bundled
// handler, then a Choice routing big orders to a second one.
import { lambda, succeed, typeOnly, workflow } from "@stepcraft/core";

export interface Order {
  readonly orderId: string;
  readonly total: number;
  readonly items: readonly { readonly sku: string; readonly qty: number }[];
}

export const reserve = lambda("ReserveStock", {
  entry: "./test-fixtures/reserve-handler.ts",
  handler: () => import("./reserve-handler.ts").then((m) => m.handler),
  errors: ["OutOfStock"] as const,
});

export const review = lambda("ReviewOrder", {
  entry: "./test-fixtures/review-handler.ts",
  handler: () => import("./review-handler.ts").then((m) => m.review),
  functionName: "order-review",
});

/** PlaceOrder, in either query language. */
export function placeOrder(queryLanguage: "JSONata" | "JSONPath") {
  const flow = workflow("PlaceOrder", { input: typeOnly<Order>(), queryLanguage, timeoutSeconds: 300 });
  const reserveAll = flow.map("ReserveAll", {
    items: ($) => $.input.items,
    maxConcurrency: 5,
    processor: (item) => item.task("Reserve", reserve, { arguments: ($) => ({ sku: $.input.sku, qty: $.input.qty }) }),
    resultField: "reservations",
  });
  const route = reserveAll
    .choice("BigOrder?")
    .when(
      ($) => $.input.total.gt(1000),
      (s) => s.task("ManualReview", review, { arguments: ($) => ({ orderId: $.input.orderId, total: $.input.total }) }).then(succeed("Reviewed")),
    )
    .otherwise(succeed("Done"));
  return flow.startWith(route);
}
