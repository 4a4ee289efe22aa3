import { expect, it } from "vitest";
import { testExecution } from "../../../testing/test-execution.ts";
import { definition } from "./machine.ts";

it("goes right", async () => {
  expect((await testExecution(definition, { side: "right" }, { name: "Sides" })).status).toBe("SUCCEEDED");
});
