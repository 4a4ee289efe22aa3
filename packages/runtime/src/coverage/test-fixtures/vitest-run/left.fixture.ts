import { expect, it } from "vitest";
import { testExecution } from "../../../testing/test-execution.ts";
import { definition } from "./machine.ts";

it("goes left", async () => {
  expect((await testExecution(definition, { side: "left" }, { name: "Sides" })).status).toBe("SUCCEEDED");
});
