import { describe, expect, test } from "vitest";
import { prepareStateMachine } from "../engine/machine.ts";
import { InMemoryObjectStore } from "../object-store/memory-object-store.ts";

const DISTRIBUTED = { Mode: "DISTRIBUTED", ExecutionType: "STANDARD" };
const MAP_RUN_ARN = /^arn:aws:states:us-east-1:123456789012:mapRun:Orders\/Rows:[0-9a-f-]{36}$/;

const csv = "id,qty\n1,2\n2,0\n3,5\n4,1\n";
const jsonl = '{"id":"a","n":1}\n{"id":"b","n":2}\n{"id":"c","n":3}\n';

function store(): InMemoryObjectStore {
  return new InMemoryObjectStore({ objects: { "in-bucket": { "orders.csv": csv, "events.jsonl": jsonl } } });
}

async function text(s: InMemoryObjectStore, bucket: string, key: string): Promise<string> {
  return new TextDecoder().decode(await s.getObject(bucket, key));
}

describe("Distributed Map with ItemReader and ResultWriter", () => {
  test("CSV items in batches, one failure tolerated, results written to the store", async () => {
    const objects = store();
    const def = {
      StartAt: "Rows",
      States: {
        Rows: {
          Type: "Map",
          Label: "Rows",
          ItemReader: { Resource: "arn:aws:states:::s3:getObject", ReaderConfig: { InputType: "CSV", CSVHeaderLocation: "FIRST_ROW" }, Parameters: { "Bucket.$": "$.bucket", Key: "orders.csv" } },
          ItemBatcher: { MaxItemsPerBatch: 2 },
          // The failing batch holds two items, and a failed batch counts all of them.
          ToleratedFailureCount: 2,
          ItemProcessor: {
            ProcessorConfig: DISTRIBUTED,
            StartAt: "Check",
            States: {
              Check: { Type: "Choice", Choices: [{ Variable: "$.Items[1].qty", StringEquals: "0", Next: "Empty" }], Default: "Ok" },
              Empty: { Type: "Fail", Error: "Order.Empty", Cause: "quantity 0" },
              Ok: { Type: "Pass", Parameters: { "count.$": "States.ArrayLength($.Items)" }, End: true },
            },
          },
          ResultWriter: { Resource: "arn:aws:states:::s3:putObject", Parameters: { Bucket: "out-bucket", Prefix: "runs" } },
          ResultPath: "$.written",
          End: true,
        },
      },
    };
    const exec = prepareStateMachine(def, { name: "Orders", objectStore: objects }).start({ bucket: "in-bucket" });
    const result = await exec.result;
    expect(result.status).toBe("SUCCEEDED");
    const written = (result.output as { written: { MapRunArn: string; ResultWriterDetails: { Bucket: string; Key: string } } }).written;
    expect(written.MapRunArn).toMatch(MAP_RUN_ARN);
    const runId = written.MapRunArn.slice(written.MapRunArn.lastIndexOf(":") + 1);
    expect(written.ResultWriterDetails).toEqual({ Bucket: "out-bucket", Key: `runs/${runId}/manifest.json` });
    expect(exec.history.find((e) => e.type === "MapRunStarted")).toMatchObject({ mapRunStartedEventDetails: { mapRunArn: written.MapRunArn } });

    const manifest = JSON.parse(await text(objects, "out-bucket", written.ResultWriterDetails.Key)) as { ResultFiles: Record<string, { Key: string }[]> };
    expect(manifest.ResultFiles["SUCCEEDED"]).toHaveLength(1);
    expect(manifest.ResultFiles["FAILED"]).toHaveLength(1);
    const succeeded = JSON.parse(await text(objects, "out-bucket", manifest.ResultFiles["SUCCEEDED"]![0]!.Key)) as { Input: string; Output: string; Status: string }[];
    expect(succeeded.map((r) => [JSON.parse(r.Input), JSON.parse(r.Output), r.Status])).toEqual([
      [{ Items: [{ id: "3", qty: "5" }, { id: "4", qty: "1" }] }, { count: 2 }, "SUCCEEDED"],
    ]);
    const failed = JSON.parse(await text(objects, "out-bucket", manifest.ResultFiles["FAILED"]![0]!.Key)) as { Input: string; Error: string; Cause: string; Status: string }[];
    expect(failed).toMatchObject([{ Error: "Order.Empty", Cause: "quantity 0", Status: "FAILED" }]);
    expect(JSON.parse(failed[0]!.Input)).toEqual({ Items: [{ id: "1", qty: "2" }, { id: "2", qty: "0" }] });
  });

  test("JSON Lines items, MaxItemsPath, $$.Map.Item.Source; WriterConfig alone transforms the results in place", async () => {
    const def = {
      StartAt: "Events",
      States: {
        Events: {
          Type: "Map",
          ItemReader: {
            Resource: "arn:aws:states:::s3:getObject",
            ReaderConfig: { InputType: "JSONL", "MaxItemsPath": "$.limit" },
            Parameters: { Bucket: "in-bucket", Key: "events.jsonl" },
          },
          ItemSelector: { "id.$": "$$.Map.Item.Value.id", "from.$": "$$.Map.Item.Source", "index.$": "$$.Map.Item.Index" },
          ItemProcessor: { ProcessorConfig: DISTRIBUTED, StartAt: "Echo", States: { Echo: { Type: "Pass", End: true } } },
          ResultWriter: { WriterConfig: { Transformation: "COMPACT", OutputType: "JSON" } },
          End: true,
        },
      },
    };
    const run = await prepareStateMachine(def, { objectStore: store() }).run({ limit: 2 });
    expect(run).toEqual({
      status: "SUCCEEDED",
      output: [
        { id: "a", from: "s3://in-bucket/events.jsonl", index: 0 },
        { id: "b", from: "s3://in-bucket/events.jsonl", index: 1 },
      ],
    });
  });

  test("a missing object fails with States.ItemReaderFailed, which Catch sees", async () => {
    const def = {
      StartAt: "Read",
      States: {
        Read: {
          Type: "Map",
          ItemReader: { Resource: "arn:aws:states:::s3:getObject", ReaderConfig: { InputType: "JSON" }, Parameters: { Bucket: "in-bucket", Key: "nope.json" } },
          ItemProcessor: { ProcessorConfig: DISTRIBUTED, StartAt: "P", States: { P: { Type: "Pass", End: true } } },
          Catch: [{ ErrorEquals: ["States.ItemReaderFailed"], Next: "Handled" }],
          End: true,
        },
        Handled: { Type: "Pass", End: true },
      },
    };
    const run = await prepareStateMachine(def, { objectStore: store() }).run({});
    expect(run).toMatchObject({ status: "SUCCEEDED", output: { Error: "States.ItemReaderFailed" } });
  });

  test("without an objectStore option the Map fails saying how to give one", async () => {
    const def = {
      StartAt: "Read",
      States: {
        Read: {
          Type: "Map",
          ItemReader: { Resource: "arn:aws:states:::s3:getObject", ReaderConfig: { InputType: "JSON" }, Parameters: { Bucket: "in-bucket", Key: "x.json" } },
          ItemProcessor: { ProcessorConfig: DISTRIBUTED, StartAt: "P", States: { P: { Type: "Pass", End: true } } },
          End: true,
        },
      },
    };
    const run = await prepareStateMachine(def).run({});
    expect(run.status).toBe("FAILED");
    expect(run.error).toBe("States.Runtime");
    expect(run.cause).toMatch(/The Map state 'Read' has an ItemReader, which needs an object store: .*objectStore/);
  });

  test("a ResultWriter that cannot write fails the Map Run with States.ResultWriterFailed", async () => {
    const def = {
      StartAt: "M",
      States: {
        M: {
          Type: "Map",
          ItemProcessor: { ProcessorConfig: DISTRIBUTED, StartAt: "P", States: { P: { Type: "Pass", End: true } } },
          ResultWriter: { Resource: "arn:aws:states:::s3:putObject", Parameters: { Prefix: "no-bucket" } },
          End: true,
        },
      },
    };
    const exec = prepareStateMachine(def, { objectStore: store() }).start([1, 2]);
    expect(await exec.result).toMatchObject({ status: "FAILED", error: "States.ResultWriterFailed" });
    expect(exec.history.map((e) => e.type)).toContain("MapRunFailed");
  });
});

describe("Map over a JSON object", () => {
  test("iterates the values with $$.Map.Item.Key (JSONPath)", async () => {
    const def = {
      StartAt: "Each",
      States: {
        Each: {
          Type: "Map",
          ItemsPath: "$.prices",
          ItemSelector: { "sku.$": "$$.Map.Item.Key", "price.$": "$$.Map.Item.Value", "i.$": "$$.Map.Item.Index" },
          ItemProcessor: { StartAt: "P", States: { P: { Type: "Pass", End: true } } },
          End: true,
        },
      },
    };
    const run = await prepareStateMachine(def).run({ prices: { apple: 3, pear: 5 } });
    expect(run.output).toEqual([
      { sku: "apple", price: 3, i: 0 },
      { sku: "pear", price: 5, i: 1 },
    ]);
  });

  test("an array still has no Key, and a string still fails", async () => {
    const def = {
      StartAt: "Each",
      States: {
        Each: { Type: "Map", ItemSelector: { "ctx.$": "$$.Map.Item" }, ItemProcessor: { StartAt: "P", States: { P: { Type: "Pass", End: true } } }, End: true },
      },
    };
    const machine = prepareStateMachine(def);
    expect((await machine.run(["x"])).output).toEqual([{ ctx: { Index: 0, Value: "x" } }]);
    expect(await machine.run("text")).toMatchObject({ status: "FAILED", error: "States.Runtime" });
  });
});

describe("Distributed Map children are executions of their own", () => {
  test("$$.Execution and $$.StateMachine name the child under the Map Run; ResultWriter records the same name", async () => {
    const objects = store();
    const def = {
      StartAt: "Fan",
      States: {
        Fan: {
          Type: "Map",
          Label: "Rows",
          ItemProcessor: {
            ProcessorConfig: DISTRIBUTED,
            StartAt: "Who",
            States: { Who: { Type: "Pass", Parameters: { "id.$": "$$.Execution.Id", "name.$": "$$.Execution.Name", "input.$": "$$.Execution.Input", "machine.$": "$$.StateMachine" }, End: true } },
          },
          ResultWriter: { Resource: "arn:aws:states:::s3:putObject", Parameters: { Bucket: "out-bucket", Prefix: "p" } },
          ResultPath: null,
          Next: "Parent",
        },
        Parent: { Type: "Pass", Parameters: { "name.$": "$$.Execution.Name" }, End: true },
      },
    };
    const exec = prepareStateMachine(def, { name: "Orders", objectStore: objects }).start([{ n: 1 }], { name: "parent-1" });
    const result = await exec.result;
    expect(result.output).toEqual({ name: "parent-1" });
    const runArn = String((exec.history.find((e) => e.type === "MapRunStarted")?.["mapRunStartedEventDetails"] as { mapRunArn: string }).mapRunArn);
    const runId = runArn.slice(runArn.lastIndexOf(":") + 1);
    const manifest = JSON.parse(await text(objects, "out-bucket", `p/${runId}/manifest.json`)) as { ResultFiles: Record<string, { Key: string }[]> };
    const [record] = JSON.parse(await text(objects, "out-bucket", manifest.ResultFiles["SUCCEEDED"]![0]!.Key)) as { Name: string; ExecutionArn: string; Output: string }[];
    const output = JSON.parse(record!.Output) as { id: string; name: string; input: unknown; machine: unknown };
    expect(output.name).toBe(record!.Name);
    expect(output.id).toBe(record!.ExecutionArn);
    expect(output.id).toBe(`arn:aws:states:us-east-1:123456789012:execution:Orders/Rows:${output.name}`);
    expect(output.input).toEqual({ n: 1 });
    expect(output.machine).toEqual({ Id: "arn:aws:states:us-east-1:123456789012:stateMachine:Orders/Rows", Name: "Orders/Rows" });
  });
});

describe("ResultWriter when the Map Run fails", () => {
  test("the children's results are still exported; the run fails with the threshold error", async () => {
    const objects = store();
    const def = {
      StartAt: "M",
      States: {
        M: {
          Type: "Map",
          ToleratedFailureCount: 0,
          ItemProcessor: {
            ProcessorConfig: DISTRIBUTED,
            StartAt: "Check",
            States: {
              Check: { Type: "Choice", Choices: [{ Variable: "$.ok", BooleanEquals: true, Next: "Fine" }], Default: "Bad" },
              Fine: { Type: "Pass", End: true },
              Bad: { Type: "Fail", Error: "Item.Bad", Cause: "not ok" },
            },
          },
          MaxConcurrency: 1,
          ResultWriter: { Resource: "arn:aws:states:::s3:putObject", Parameters: { Bucket: "out-bucket", Prefix: "failed-run" } },
          End: true,
        },
      },
    };
    const exec = prepareStateMachine(def, { objectStore: objects }).start([{ ok: true }, { ok: false }]);
    expect(await exec.result).toMatchObject({ status: "FAILED", error: "States.ExceedToleratedFailureThreshold" });
    const listed = await objects.listObjectsV2("out-bucket", "failed-run/");
    const keys = listed.map((o) => o.Key.slice(o.Key.lastIndexOf("/") + 1)).sort();
    expect(keys).toEqual(["FAILED_0.json", "SUCCEEDED_0.json", "manifest.json"]);
    const failedKey = listed.find((o) => o.Key.endsWith("FAILED_0.json"))!.Key;
    expect(JSON.parse(await text(objects, "out-bucket", failedKey))).toMatchObject([{ Error: "Item.Bad", Cause: "not ok", Status: "FAILED" }]);
  });
});

describe("ItemReader and ResultWriter inputs", () => {
  const processor = { ProcessorConfig: DISTRIBUTED, StartAt: "P", States: { P: { Type: "Pass", End: true } } };

  test("JSONata: Arguments and a MaxItems expression", async () => {
    const def = {
      QueryLanguage: "JSONata",
      StartAt: "Read",
      States: {
        Read: {
          Type: "Map",
          ItemReader: {
            Resource: "arn:aws:states:::s3:getObject",
            ReaderConfig: { InputType: "JSONL", MaxItems: "{% $states.input.limit %}" },
            Arguments: { Bucket: "{% $states.input.bucket %}", Key: "events.jsonl" },
          },
          ItemSelector: "{% $states.context.Map.Item.Value.id %}",
          ItemProcessor: processor,
          End: true,
        },
      },
    };
    const machine = prepareStateMachine(def, { objectStore: store() });
    expect(await machine.run({ bucket: "in-bucket", limit: 1 })).toEqual({ status: "SUCCEEDED", output: ["a"] });
    expect(await machine.run({ bucket: "in-bucket", limit: 0 })).toMatchObject({ status: "FAILED" });
  });

  test("a MaxItemsPath that is not an integer fails with States.Runtime", async () => {
    const def = {
      StartAt: "Read",
      States: {
        Read: {
          Type: "Map",
          ItemReader: { Resource: "arn:aws:states:::s3:getObject", ReaderConfig: { InputType: "JSONL", MaxItemsPath: "$.limit" }, Parameters: { Bucket: "in-bucket", Key: "events.jsonl" } },
          ItemProcessor: processor,
          End: true,
        },
      },
    };
    const run = await prepareStateMachine(def, { objectStore: store() }).run({ limit: "many" });
    expect(run).toMatchObject({ status: "FAILED", error: "States.Runtime" });
    expect(run.cause).toContain('The MaxItemsPath field refers to value "many" which is not a valid integer');
  });

  test("a ResultWriter with a Resource needs an object store", async () => {
    const def = {
      StartAt: "M",
      States: { M: { Type: "Map", ItemProcessor: processor, ResultWriter: { Resource: "arn:aws:states:::s3:putObject", Parameters: { Bucket: "out-bucket" } }, End: true } },
    };
    const run = await prepareStateMachine(def).run([1]);
    expect(run).toMatchObject({ status: "FAILED", error: "States.Runtime" });
    expect(run.cause).toMatch(/has a ResultWriter, which needs an object store/);
  });
});

describe("tolerated failures with ItemBatcher", () => {
  const def = (percentage: number) => ({
    StartAt: "M",
    States: {
      M: {
        Type: "Map",
        ItemBatcher: { MaxItemsPerBatch: 10 },
        ToleratedFailurePercentage: percentage,
        ItemProcessor: {
          ProcessorConfig: DISTRIBUTED,
          StartAt: "Check",
          States: {
            Check: { Type: "Choice", Choices: [{ Variable: "$.Items[0]", NumericLessThan: 10, Next: "Bad" }], Default: "Fine" },
            Bad: { Type: "Fail", Error: "Batch.Bad" },
            Fine: { Type: "Pass", Result: "ok", End: true },
          },
        },
        End: true,
      },
    },
  });
  const items = Array.from({ length: 100 }, (_, i) => i);

  test("a failed batch counts as all of its items (10 of 100 items = 10%), as AWS counts", async () => {
    expect(await prepareStateMachine(def(10)).run(items)).toMatchObject({ status: "SUCCEEDED" });
    expect(await prepareStateMachine(def(9)).run(items)).toMatchObject({ status: "FAILED", error: "States.ExceedToleratedFailureThreshold" });
  });
});
