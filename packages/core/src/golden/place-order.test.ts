import { describe, expect, it } from "vitest";
import { placeOrder } from "./place-order.ts";

describe("PlaceOrder golden", () => {
  it("JSONata", () => {
    const asl = placeOrder("JSONata").toAsl();
    console.log(JSON.stringify(asl, null, 2));
  });
  it("JSONPath", () => {
    const r = placeOrder("JSONPath").compile();
    console.log(JSON.stringify(r, null, 2));
  });
});
