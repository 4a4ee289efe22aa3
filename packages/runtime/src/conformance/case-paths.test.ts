import { describe, expect, it } from "vitest";
import { deleteAtPath, getAtPath, parseCasePath } from "./case-paths.ts";

describe("case paths", () => {
  it("parses members and indexes", () => {
    expect(parseCasePath("$.output[1].Cause")).toEqual(["output", 1, "Cause"]);
    expect(parseCasePath("$")).toEqual([]);
    expect(() => parseCasePath("output")).toThrow();
    expect(() => parseCasePath("$..x")).toThrow();
  });

  it("reads and deletes values", () => {
    const doc = { output: [{ a: 1 }, { a: 2, b: 3 }] };
    expect(getAtPath(doc, "$.output[1].b")).toBe(3);
    expect(getAtPath(doc, "$.output[5].b")).toBeUndefined();
    deleteAtPath(doc, "$.output[1].b");
    deleteAtPath(doc, "$.output[0]");
    deleteAtPath(doc, "$.missing.x");
    expect(doc).toEqual({ output: [null, { a: 2 }] });
  });
});
