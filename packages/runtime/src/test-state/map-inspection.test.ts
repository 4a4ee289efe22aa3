import { describe, expect, it } from "vitest";
import "../testing/vitest.ts";
import { testState } from "../testing/index.ts";

const processor = (mode: "INLINE" | "DISTRIBUTED") => ({
  ProcessorConfig: mode === "INLINE" ? { Mode: "INLINE" } : { Mode: "DISTRIBUTED", ExecutionType: "STANDARD" },
  StartAt: "Work",
  States: { Work: { Type: "Pass", End: true } },
});

describe("testState: a Map's inspection data", () => {
  it("JSONPath, mocked: afterItemsPath, afterItemSelector (with $$.Map.Item) and afterItemBatcher, and its settings", async () => {
    const map = {
      Type: "Map",
      InputPath: "$.order",
      ItemsPath: "$.lines",
      ItemSelector: { "sku.$": "$$.Map.Item.Value.sku", "index.$": "$$.Map.Item.Index", "orderId.$": "$.id" },
      ItemBatcher: { MaxItemsPerBatch: 2, BatchInput: { "orderId.$": "$.id" } },
      MaxConcurrency: 4,
      ToleratedFailurePercentage: 10,
      ItemProcessor: processor("DISTRIBUTED"),
      End: true,
    };
    const input = { order: { id: "o-1", lines: [{ sku: "a" }, { sku: "b" }, { sku: "c" }] } };
    const out = await testState({ definition: JSON.stringify(map), input: JSON.stringify(input), inspectionLevel: "DEBUG", mock: { result: "[1, 2]" } });
    expect(out.status).toBe("SUCCEEDED");
    const selected = [
      { sku: "a", index: 0, orderId: "o-1" },
      { sku: "b", index: 1, orderId: "o-1" },
      { sku: "c", index: 2, orderId: "o-1" },
    ];
    expect(out).toHaveInspection({
      afterInputPath: input.order,
      afterItemsPath: input.order.lines,
      afterItemSelector: selected,
      afterItemBatcher: [
        { BatchInput: { orderId: "o-1" }, Items: selected.slice(0, 2) },
        { BatchInput: { orderId: "o-1" }, Items: selected.slice(2) },
      ],
      maxConcurrency: 4,
      toleratedFailurePercentage: 10,
    });
  });

  it("JSONata, run: afterItemSelector and afterItemBatcher from Items, no afterItemsPath; the iterations get the batches", async () => {
    const map = {
      Type: "Map",
      QueryLanguage: "JSONata",
      Items: "{% $states.input.n %}",
      ItemSelector: { double: "{% $states.context.Map.Item.Value * 2 %}" },
      ItemBatcher: { MaxItemsPerBatch: 2 },
      ItemProcessor: processor("DISTRIBUTED"),
      End: true,
    };
    const out = await testState({ definition: JSON.stringify(map), input: '{"n": [1, 2, 3]}', inspectionLevel: "TRACE" });
    expect(out.status).toBe("SUCCEEDED");
    const batches = [{ Items: [{ double: 2 }, { double: 4 }] }, { Items: [{ double: 6 }] }];
    expect(JSON.parse(out.output!)).toEqual(batches);
    expect(out).toHaveInspection({ afterItemSelector: [{ double: 2 }, { double: 4 }, { double: 6 }], afterItemBatcher: batches });
    expect(out.inspectionData?.afterItemsPath).toBeUndefined();
  });

  it("a Map over an object's values gives ItemSelector each key; JSONPath's legacy Parameters counts as ItemSelector", async () => {
    const map = { Type: "Map", ItemsPath: "$.prices", Parameters: { "key.$": "$$.Map.Item.Key", "price.$": "$$.Map.Item.Value" }, ItemProcessor: processor("INLINE"), End: true };
    const out = await testState({ definition: JSON.stringify(map), input: '{"prices": {"a": 1, "b": 2}}', inspectionLevel: "DEBUG" });
    expect(out).toHaveInspection({ afterItemSelector: [{ key: "a", price: 1 }, { key: "b", price: 2 }] });
  });

  it("afterItemsPointer: the items a JSON ItemReader's ItemsPointer selects from mapItemReaderData, in both languages", async () => {
    for (const language of ["JSONPath", "JSONata"] as const) {
      const map = {
        Type: "Map",
        QueryLanguage: language,
        ItemReader: { Resource: "arn:aws:states:::s3:getObject", ReaderConfig: { InputType: "JSON", ItemsPointer: "/data/orders" }, [language === "JSONata" ? "Arguments" : "Parameters"]: { Bucket: "b", Key: "k.json" } },
        ItemProcessor: processor("DISTRIBUTED"),
        End: true,
      };
      const data = JSON.stringify({ data: { orders: [{ id: 1 }, { id: 2 }] }, other: true });
      const out = await testState({ definition: JSON.stringify(map), input: "{}", inspectionLevel: "DEBUG", stateConfiguration: { mapItemReaderData: data } });
      expect(out.status, language).toBe("SUCCEEDED");
      expect(out, language).toHaveInspection({ afterItemsPointer: [{ id: 1 }, { id: 2 }] });
      const wrong = await testState({ definition: JSON.stringify(map), input: "{}", inspectionLevel: "DEBUG", stateConfiguration: { mapItemReaderData: '{"data": 1}' } });
      expect(wrong, language).toMatchObject({ status: "FAILED", error: "States.ItemReaderFailed" });
      expect(wrong.inspectionData?.afterItemsPointer, language).toBeUndefined();
    }
  });

  it("shows no item stages where AWS shows none: no ItemSelector or ItemBatcher, INFO, or items that fail the Map", async () => {
    const plain = { Type: "Map", ItemProcessor: processor("INLINE"), End: true };
    const out = await testState({ definition: JSON.stringify(plain), input: "[1, 2]", inspectionLevel: "DEBUG", mock: { result: "[1, 2]" } });
    // As recorded on AWS for a mocked JSONPath Map (no result, no afterParameters either).
    expect(out.inspectionData).toEqual({ input: "[1,2]", afterInputPath: "[1,2]", afterItemsPath: "[1,2]", afterResultSelector: "[1,2]", afterResultPath: "[1,2]", maxConcurrency: 0 });
    const selecting = { ...plain, ItemSelector: { "v.$": "$$.Map.Item.Value" } };
    expect((await testState({ definition: JSON.stringify(selecting), input: "[1]" })).inspectionData).toBeUndefined();
    const failed = await testState({ definition: JSON.stringify(selecting), input: '"not an array"', inspectionLevel: "DEBUG" });
    expect(failed).toMatchObject({ status: "FAILED", error: "States.Runtime" });
    expect(failed.inspectionData?.afterItemSelector).toBeUndefined();
  });
});
