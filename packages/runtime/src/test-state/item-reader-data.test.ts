import { describe, expect, it } from "vitest";
import { testState, TestStateRequestError } from "../testing/index.ts";

/** A Distributed Map over an s3:getObject ItemReader, each item passed through a Pass. */
function distributedMap(readerConfig: Record<string, unknown>, language: "JSONPath" | "JSONata" = "JSONPath"): string {
  const args = language === "JSONPath" ? { Parameters: { Bucket: "data", Key: "orders.csv" } } : { Arguments: { Bucket: "data", Key: "orders.csv" } };
  return JSON.stringify({
    Type: "Map",
    ...(language === "JSONata" ? { QueryLanguage: "JSONata" } : {}),
    ItemReader: { Resource: "arn:aws:states:::s3:getObject", ReaderConfig: readerConfig, ...args },
    ItemProcessor: { ProcessorConfig: { Mode: "DISTRIBUTED", ExecutionType: "STANDARD" }, StartAt: "Echo", States: { Echo: { Type: "Pass", End: true } } },
    End: true,
  });
}

describe("testState: stateConfiguration.mapItemReaderData", () => {
  it("a Map reads CSV text in place of its object, parsed by its own ReaderConfig", async () => {
    const out = await testState({
      definition: distributedMap({ InputType: "CSV", CSVHeaderLocation: "FIRST_ROW" }),
      input: "{}",
      stateConfiguration: { mapItemReaderData: "id,qty\no-1,2\no-2,5\n" },
    });
    expect(out.status).toBe("SUCCEEDED");
    expect(JSON.parse(out.output ?? "")).toEqual([
      { id: "o-1", qty: "2" },
      { id: "o-2", qty: "5" },
    ]);
  });

  it("reads JSON too, in a JSONata Map, and the typed form takes a value", async () => {
    const out = await testState({
      definition: distributedMap({ InputType: "JSON" }, "JSONata"),
      input: "{}",
      stateConfiguration: { mapItemReaderData: '[{"id":"o-1"},{"id":"o-2"}]' },
    });
    expect(JSON.parse(out.output ?? "")).toEqual([{ id: "o-1" }, { id: "o-2" }]);
    const workflow = { toAsl: () => ({ StartAt: "Orders", States: { Orders: JSON.parse(distributedMap({ InputType: "JSON" })) as object } }) };
    const typed = await testState(workflow, "Orders", { input: {}, stateConfiguration: { mapItemReaderData: [{ id: "o-3" }] } });
    expect(typed.parsedOutput).toEqual([{ id: "o-3" }]);
  });

  it("data the ReaderConfig cannot parse fails as the object would: States.ItemReaderFailed", async () => {
    const out = await testState({ definition: distributedMap({ InputType: "JSON" }), input: "{}", stateConfiguration: { mapItemReaderData: "not json" } });
    expect(out).toMatchObject({ status: "FAILED", error: "States.ItemReaderFailed" });
  });

  it("is refused for a state without an ItemReader, a listObjectsV2 reader, or a value that is not text", async () => {
    const refused = (definition: string, data: unknown) =>
      testState({ definition, input: "{}", stateConfiguration: { mapItemReaderData: data as string } });
    await expect(refused(JSON.stringify({ Type: "Pass", End: true }), "x")).rejects.toThrow(
      new TestStateRequestError("ValidationException", "stateConfiguration.mapItemReaderData is for a Map state with an ItemReader: the tested state has none."),
    );
    const listing = distributedMap({}).replace("s3:getObject", "s3:listObjectsV2");
    await expect(refused(listing, "x")).rejects.toThrow(/stands in for an s3:getObject ItemReader here; this one reads 'arn:aws:states:::s3:listObjectsV2'/);
    await expect(refused(distributedMap({ InputType: "JSON" }), 42)).rejects.toThrow(/must be the text the ItemReader would read/);
  });
});
