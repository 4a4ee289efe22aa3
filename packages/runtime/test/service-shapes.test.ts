import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { SERVICE_SHAPES_FILE, serviceShapesText } from "../scripts/generate-service-shapes.ts";

describe("service-shapes.json", () => {
  it("is what the generator writes from the installed AWS SDK clients (run scripts/generate-service-shapes.ts after upgrading them)", () => {
    expect(readFileSync(SERVICE_SHAPES_FILE, "utf8") === serviceShapesText()).toBe(true);
  });
});
