import { describe, expect, it } from "vitest";
import { runExecution } from "../engine/machine.ts";

const distributed = (batcher: Record<string, unknown>, language?: string) => ({
  ...(language === undefined ? {} : { QueryLanguage: language }),
  StartAt: "M",
  States: {
    M: {
      Type: "Map",
      ItemBatcher: batcher,
      ItemProcessor: {
        ProcessorConfig: { Mode: "DISTRIBUTED", ExecutionType: "STANDARD" },
        StartAt: "P",
        States: { P: { Type: "Pass", End: true } },
      },
      End: true,
    },
  },
});

describe("ItemBatcher", () => {
  it("groups items by count, with BatchInput in every batch", async () => {
    const r = await runExecution(distributed({ MaxItemsPerBatch: 2, BatchInput: { "tag.$": "$[0]" } }), [1, 2, 3]);
    expect(r.output).toEqual([
      { BatchInput: { tag: 1 }, Items: [1, 2] },
      { BatchInput: { tag: 1 }, Items: [3] },
    ]);
  });

  it("groups items by JSON size, never leaving an item out", async () => {
    const r = await runExecution(distributed({ MaxInputBytesPerBatch: 7 }), ["aa", "bb", "cccccccccc"]);
    expect(r.output).toEqual([{ Items: ["aa"] }, { Items: ["bb"] }, { Items: ["cccccccccc"] }]);
    const two = await runExecution(distributed({ MaxInputBytesPerBatch: 8 }), ["aa", "bb"]);
    expect(two.output).toEqual([{ Items: ["aa", "bb"] }]);
  });

  it("reads its limits from a path, or from JSONata", async () => {
    const path = await runExecution(distributed({ MaxItemsPerBatchPath: "$[0]" }), [3, 2, 1]);
    expect(path.output).toEqual([{ Items: [3, 2, 1] }]);
    const jsonata = await runExecution(distributed({ MaxItemsPerBatch: "{% 1 %}" }, "JSONata"), [1, 2]);
    expect(jsonata.output).toEqual([{ Items: [1] }, { Items: [2] }]);
  });
});
