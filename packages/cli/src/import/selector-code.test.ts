import { describe, expect, it } from "vitest";
import { simplePath } from "./selector-code.ts";

describe("simplePath", () => {
  it("reads plain names and indexes", () => {
    expect(simplePath("$.order.items[0]")).toEqual(["order", "items", 0]);
  });

  it("leaves a path through a name the reference proxy answers as a method raw, the narrowing methods included", () => {
    for (const name of ["eq", "isPresent", "elementAt", "ifPresent", "orElse", "assertPresent"]) expect(simplePath(`$.order.${name}.x`)).toBeUndefined();
  });
});
