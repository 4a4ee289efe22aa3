import { describe, expect, it } from "vitest";
import { packagesLoadedBy } from "../../../scripts/testing/loaded-packages.ts";

const jsonPathRun = `
const { prepareStateMachine } = await import("@stepcraft/runtime");
const machine = prepareStateMachine({ StartAt: "P", States: { P: { Type: "Pass", Parameters: { "n.$": "$.n" }, End: true } } });
const result = await machine.start({ n: 1 }).result;
if (result.status !== "SUCCEEDED") throw new Error(result.status);
`;

describe("dependencies loaded on first use", () => {
  it("importing the runtime and running a JSONPath workflow loads neither jsonata nor zod", () => {
    const loaded = packagesLoadedBy(jsonPathRun);
    expect(loaded).not.toContain("jsonata");
    expect(loaded).not.toContain("zod");
  });

  it("loads jsonata for a JSONata expression and zod for a mock config, when they are first used", () => {
    const loaded = packagesLoadedBy(`
${jsonPathRun}
const { loadMockConfig } = await import("@stepcraft/runtime");
loadMockConfig({ StateMachines: {}, MockedResponses: {} });
const jsonata = prepareStateMachine({ QueryLanguage: "JSONata", StartAt: "P", States: { P: { Type: "Pass", Output: "{% $sum($states.input.n) %}", End: true } } });
const sum = await jsonata.start({ n: [1, 2] }).result;
if (sum.output !== 3) throw new Error(JSON.stringify(sum));
`);
    expect(loaded).toContain("jsonata");
    expect(loaded).toContain("zod");
  });
});
