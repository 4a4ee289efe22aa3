import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { CliIo } from "../io.ts";
import { main } from "../main.ts";

function capture(cwd: string): CliIo & { stdout: () => string; stderr: () => string } {
  let out = "";
  let err = "";
  return { cwd, out: (s) => void (out += s), err: (s) => void (err += s), stdout: () => out, stderr: () => err };
}

const dir = mkdtempSync(join(tmpdir(), "stepcraft-import-cmd-"));
const loop = {
  Comment: "poll until done",
  StartAt: "Check",
  States: {
    Check: {
      Type: "Task",
      Resource: "arn:aws:lambda:us-east-1:123456789012:function:check",
      InputPath: "$.job",
      ResultPath: "$.status",
      Retry: [{ ErrorEquals: ["States.Timeout"], MaxAttempts: 2 }],
      Catch: [{ ErrorEquals: ["States.ALL"], ResultPath: "$.error", Next: "Failed" }],
      Next: "Done?",
    },
    "Done?": {
      Type: "Choice",
      Choices: [{ Variable: "$.status.done", BooleanEquals: true, Next: "Finished" }],
      Default: "Wait",
    },
    Wait: { Type: "Wait", Seconds: 30, Next: "Check" },
    Finished: { Type: "Succeed", OutputPath: "$.status" },
    Failed: { Type: "Fail", Error: "JobFailed", Cause: "the job failed" },
  },
};
writeFileSync(join(dir, "poll.asl.json"), JSON.stringify(loop, null, 2));
writeFileSync(join(dir, "not-json.asl.json"), "{ StartAt: ");
writeFileSync(join(dir, "invalid.asl.json"), JSON.stringify({ StartAt: "Nowhere", States: { A: { Type: "Pass", End: true } } }));

describe("stepcraft import", () => {
  it("prints idiomatic builder code for one file: state names kept, readable selectors, goto for the loop", async () => {
    const io = capture(dir);
    expect(await main(["import", "poll.asl.json"], io)).toBe(0);
    const code = io.stdout();
    expect(code).toContain('import { goto, jsonPath, resource, untyped, workflow } from "@stepcraft/core"');
    // The ASL carries no types: the input and the task's result are untyped JSON, so every path reads.
    expect(code).toContain("input: untyped()");
    expect(code).toContain('flow.task("Check", resource("arn:aws:lambda:us-east-1:123456789012:function:check", { output: untyped() })');
    // Under noUncheckedIndexedAccess the field names read are declared, so none is "possibly undefined".
    expect(code).toMatch(/declare module "@stepcraft\/core" \{\s*interface JsonFields \{\s*readonly done: true;\s*readonly job: true;\s*readonly status: true;\s*\}/);
    expect(code).toContain("arguments: ($) => $.input.job");
    expect(code).toContain('resultField: "status"');
    expect(code).toContain(".when(($) => $.input.status.done.eq(true)");
    expect(code).toContain('.wait("Wait", { seconds: 30 })');
    expect(code).toContain("goto(check)");
    expect(code).not.toContain("raw:");
  });

  it("writes <name>.ts with -o", async () => {
    const out = mkdtempSync(join(tmpdir(), "stepcraft-import-out-"));
    const io = capture(dir);
    expect(await main(["import", "poll.asl.json", "-o", out], io)).toBe(0);
    expect(readFileSync(join(out, "poll.ts"), "utf8")).toContain('workflow("poll"');
    expect(io.stdout()).toContain("wrote");
  });

  it("--check-roundtrip --json prints [{ file, ok, states, rawStates, rawShare }] and exits 0 when equivalent", async () => {
    const io = capture(dir);
    expect(await main(["import", "--check-roundtrip", "--json", "poll.asl.json"], io)).toBe(0);
    expect(JSON.parse(io.stdout())).toEqual([{ file: "poll.asl.json", ok: true, states: 5, rawStates: [], rawShare: 0 }]);
  });

  it("imports an End state inside a Catch target as its own kind, ended with .end()", async () => {
    const caught = {
      StartAt: "Work",
      States: {
        Work: { Type: "Task", Resource: "arn:aws:lambda:us-east-1:123456789012:function:work", Catch: [{ ErrorEquals: ["States.ALL"], Next: "Report" }], Next: "Done" },
        Report: { Type: "Task", Resource: "arn:aws:lambda:us-east-1:123456789012:function:report", End: true },
        Done: { Type: "Succeed" },
      },
    };
    writeFileSync(join(dir, "caught.asl.json"), JSON.stringify(caught));
    const io = capture(dir);
    expect(await main(["import", "--json", "caught.asl.json"], io)).toBe(0);
    const [report] = JSON.parse(io.stdout()) as { source: string; rawStates: string[] }[];
    expect(report?.source).toMatch(/flow\.task\("Report", resource\("arn:aws:lambda:us-east-1:123456789012:function:report", \{ output: untyped\(\) \}\)\)\s*\.end\(\)/);
    expect(report?.source).not.toContain('Type: "Task"');
    expect(report?.rawStates).toEqual([]);
    const check = capture(dir);
    expect(await main(["import", "--check-roundtrip", "caught.asl.json"], check)).toBe(0);
  });

  it("keeps each state's kind when a Catcher or a Choice rule loops back to a state still being declared", async () => {
    const loops = {
      StartAt: "Acquire",
      States: {
        Acquire: {
          Type: "Task",
          Resource: "arn:aws:states:::dynamodb:updateItem",
          Catch: [{ ErrorEquals: ["States.ALL"], ResultPath: null, Next: "Init" }],
          Next: "More?",
        },
        Init: { Type: "Task", Resource: "arn:aws:states:::dynamodb:putItem", Catch: [{ ErrorEquals: ["States.ALL"], ResultPath: null, Next: "Acquire" }], ResultPath: null, Next: "Acquire" },
        "More?": { Type: "Choice", Choices: [{ Variable: "$.next", IsPresent: true, Next: "Page" }], Default: "Done" },
        Page: { Type: "Task", Resource: "arn:aws:states:::aws-sdk:sfn:listExecutions", ResultPath: "$.page", Next: "More?" },
        Done: { Type: "Succeed" },
      },
    };
    writeFileSync(join(dir, "loops.asl.json"), JSON.stringify(loops));
    const io = capture(dir);
    expect(await main(["import", "--json", "loops.asl.json"], io)).toBe(0);
    const [report] = JSON.parse(io.stdout()) as { source: string; rawStates: string[] }[];
    // Declared first, the looped-to states are reached by goto; their Catchers are .catch() methods.
    expect(report?.source).toMatch(/const acquire = flow\.task\("Acquire"/);
    expect(report?.source).toMatch(/\.catch\(\{\s*errors: \["States\.ALL"\],\s*output: \(\$\) => \$\.input,\s*next: flow\.task\("Init"/);
    expect(report?.source).toMatch(/flow\.task\("Page"[\s\S]*\.then\(goto\(more\)\)/);
    expect(report?.source).not.toContain("Type:");
    expect(report?.rawStates).toEqual([]);
    const check = capture(dir);
    expect(await main(["import", "--check-roundtrip", "loops.asl.json"], check)).toBe(0);
  });

  it("imports JSONata Arguments, Output, Assign, Items and rule options, and a distributed Map's reader, batcher, writer and label, as typed options", async () => {
    const jsonata = {
      QueryLanguage: "JSONata",
      StartAt: "Get",
      States: {
        Get: {
          Type: "Task",
          Resource: "arn:aws:states:::aws-sdk:s3:listObjectsV2",
          Arguments: { Bucket: "{% $states.input.bucket %}", MaxKeys: 10 },
          Output: { keys: "{% $states.result.Contents.Key %}" },
          Assign: { count: "{%$count($states.result.Contents)%}" },
          TimeoutSeconds: "{% $states.input.timeout %}",
          Next: "Any?",
        },
        "Any?": { Type: "Choice", Choices: [{ Condition: "{% $count($states.input.keys) > 0 %}", Output: { keys: "{% $states.input.keys %}" }, Next: "Each" }], Default: "None" },
        None: { Type: "Succeed", Output: { none: true } },
        Each: {
          Type: "Map",
          Items: "{% $states.input.keys %}",
          ItemProcessor: { StartAt: "Show", States: { Show: { Type: "Pass", End: true } } },
          Next: "Files",
        },
        Files: {
          Type: "Map",
          ItemReader: { Resource: "arn:aws:states:::s3:getObject", ReaderConfig: { InputType: "CSV", CSVHeaderLocation: "FIRST_ROW" }, Arguments: { Bucket: "b", Key: "{% $states.input.key %}" } },
          ItemBatcher: { MaxItemsPerBatch: 10, BatchInput: { run: "r1" } },
          ItemProcessor: { ProcessorConfig: { Mode: "DISTRIBUTED", ExecutionType: "EXPRESS" }, StartAt: "Row", States: { Row: { Type: "Pass", End: true } } },
          ResultWriter: { Resource: "arn:aws:states:::s3:putObject", Arguments: { Bucket: "out", Prefix: "runs" } },
          ToleratedFailurePercentage: 5,
          Label: "Files",
          End: true,
        },
      },
    };
    writeFileSync(join(dir, "jsonata.asl.json"), JSON.stringify(jsonata));
    const io = capture(dir);
    expect(await main(["import", "--json", "jsonata.asl.json"], io)).toBe(0);
    const [report] = JSON.parse(io.stdout()) as { source: string; rawStates: string[] }[];
    const source = report?.source ?? "";
    expect(source).toMatch(/arguments: \(\$\) => \(\{ Bucket: \$\.input\.bucket, MaxKeys: 10 \}\)/);
    expect(source).toContain('assign: () => ({ count: jsonata("$count($states.result.Contents)") })');
    expect(source).toContain("timeoutSeconds: ($) => $.input.timeout");
    expect(source).toMatch(/\{ output: \(\$\) => \(\{ keys: \$\.input\.keys \}\) \}/);
    expect(source).toContain("items: ($) => $.input.keys");
    expect(source).toMatch(/itemReader: \{\s*resource: "arn:aws:states:::s3:getObject",\s*arguments: \(\$\) => \(\{ Bucket: "b", Key: \$\.input\.key \}\),\s*readerConfig: \{ inputType: "CSV", csvHeaderLocation: "FIRST_ROW" \}/);
    expect(source).toContain('itemBatcher: { maxItemsPerBatch: 10, batchInput: { run: "r1" } }');
    expect(source).toMatch(/resultWriter: \{\s*resource: "arn:aws:states:::s3:putObject",\s*arguments: \{ Bucket: "out", Prefix: "runs" \}/);
    expect(source).toContain('label: "Files"');
    expect(report?.rawStates).toEqual([]);
    const check = capture(dir);
    expect(await main(["import", "--check-roundtrip", "jsonata.asl.json"], check)).toBe(0);
  });

  it("--json names the states kept under raw and their share", async () => {
    // An index in a ResultPath has no option; a path of field names has (resultField: ["x", "y"]).
    const odd = { StartAt: "Deep", States: { Deep: { Type: "Pass", Result: { a: 1 }, ResultPath: "$.x[0]", Next: "Done" }, Done: { Type: "Succeed" } } };
    writeFileSync(join(dir, "odd.asl.json"), JSON.stringify(odd));
    const io = capture(dir);
    expect(await main(["import", "--check-roundtrip", "--json", "odd.asl.json"], io)).toBe(0);
    expect(JSON.parse(io.stdout())).toEqual([{ file: "odd.asl.json", ok: true, states: 2, rawStates: ["Deep"], rawShare: 0.5 }]);
  });

  it("imports a ResultPath of field names as resultField, on Pass and Task states, and round-trips it", async () => {
    const paths = {
      StartAt: "Mark",
      States: {
        Mark: { Type: "Pass", Result: { a: 1 }, ResultPath: "$.x.y", Next: "Copy" },
        Copy: { Type: "Pass", InputPath: "$.x", ResultPath: "$.copy", Next: "Call" },
        Call: { Type: "Task", Resource: "arn:aws:states:::aws-sdk:sfn:listExecutions", ResultPath: "$.calls.list", End: true },
      },
    };
    writeFileSync(join(dir, "paths.asl.json"), JSON.stringify(paths));
    const io = capture(dir);
    expect(await main(["import", "--json", "paths.asl.json"], io)).toBe(0);
    const [report] = JSON.parse(io.stdout()) as { source: string; rawStates: string[] }[];
    expect(report?.source).toContain('flow.pass("Mark", { result: { a: 1 }, resultField: ["x", "y"] })');
    expect(report?.source).toContain('.pass("Copy", { output: ($) => $.input.x, resultField: "copy" })');
    expect(report?.source).toContain('resultField: ["calls", "list"]');
    expect(report?.rawStates).toEqual([]);
    const check = capture(dir);
    expect(await main(["import", "--check-roundtrip", "paths.asl.json"], check)).toBe(0);
  });

  it("exits 1 for a definition that is not valid ASL, saying why", async () => {
    const io = capture(dir);
    expect(await main(["import", "--check-roundtrip", "invalid.asl.json"], io)).toBe(1);
    expect(io.stdout()).toMatch(/invalid\.asl\.json: round trip differs[\s\S]*not valid ASL/);
  });

  it("exits 2 for a missing file, text that is not JSON, and several files without -o", async () => {
    const missing = capture(dir);
    expect(await main(["import", "gone.asl.json"], missing)).toBe(2);
    expect(missing.stderr()).toContain("cannot read 'gone.asl.json'");

    const notJson = capture(dir);
    expect(await main(["import", "not-json.asl.json"], notJson)).toBe(2);
    expect(notJson.stderr()).toMatch(/not-json\.asl\.json(:\d+:\d+)?' is not valid JSON/);

    const several = capture(dir);
    expect(await main(["import", "poll.asl.json", "poll.asl.json"], several)).toBe(2);
    expect(several.stderr()).toContain("-o <dir>");
  });

  it("has --help", async () => {
    const io = capture(dir);
    expect(await main(["import", "--help"], io)).toBe(0);
    expect(io.stdout()).toContain("--check-roundtrip");
  });
});

describe("stepcraft import --json", () => {
  it("includes the generated source when it is neither written nor checked", async () => {
    const io = capture(dir);
    expect(await main(["import", "--json", "poll.asl.json"], io)).toBe(0);
    const [report] = JSON.parse(io.stdout()) as { file: string; ok: boolean; source?: string }[];
    expect(report?.ok).toBe(true);
    expect(report?.source).toContain('export const poll = flow.startWith(');
  });

  it("declares error names the Retriers and Catchers use on the resource", async () => {
    writeFileSync(
      join(dir, "errors.asl.json"),
      JSON.stringify({ StartAt: "T", States: { T: { Type: "Task", Resource: "arn:aws:states:::sqs:sendMessage", Retry: [{ ErrorEquals: ["SQS.Throttled", "States.Timeout"] }], End: true } } }),
    );
    const io = capture(dir);
    expect(await main(["import", "errors.asl.json"], io)).toBe(0);
    expect(io.stdout()).toContain('resource("arn:aws:states:::sqs:sendMessage", { output: untyped(), errors: ["SQS.Throttled"] })');
  });

  it("declares on a Parallel the error names its Catchers use that are not ASL's own, and catches with .catch()", async () => {
    writeFileSync(
      join(dir, "parallel-errors.asl.json"),
      JSON.stringify({
        StartAt: "P",
        States: {
          P: {
            Type: "Parallel",
            Branches: [{ StartAt: "F", States: { F: { Type: "Fail", Error: "States.Custom" } } }],
            Catch: [{ ErrorEquals: ["States.Custom"], Next: "Caught" }],
            End: true,
          },
          Caught: { Type: "Succeed" },
        },
      }),
    );
    const io = capture(dir);
    expect(await main(["import", "parallel-errors.asl.json"], io)).toBe(0);
    // "States.Custom" is not one of ASL's names, so the state declares it for its Catcher.
    expect(io.stdout()).toContain('errors: ["States.Custom"]');
    expect(io.stdout()).toMatch(/\}\)\s*\.catch\(\{\s*errors: \["States.Custom"\]/);
    const check = capture(dir);
    expect(await main(["import", "--check-roundtrip", "parallel-errors.asl.json"], check)).toBe(0);
  });

  it("imports Parameters and ItemSelector that are arrays or scalars (AWS accepts any JSON there) and round-trips them", async () => {
    writeFileSync(
      join(dir, "array-templates.asl.json"),
      JSON.stringify({
        StartAt: "P",
        States: {
          P: { Type: "Pass", Parameters: [{ "a.$": "$.x" }, 1], Next: "T" },
          T: { Type: "Task", Resource: "arn:aws:lambda:us-east-1:123456789012:function:f", Parameters: [{ "id.$": "$.id" }], Next: "M" },
          M: { Type: "Map", ItemSelector: [{ "v.$": "$$.Map.Item.Value" }], ItemProcessor: { StartAt: "Q", States: { Q: { Type: "Pass", End: true } } }, Next: "S" },
          S: { Type: "Pass", Parameters: "hello", End: true },
        },
      }),
    );
    const io = capture(dir);
    expect(await main(["import", "array-templates.asl.json"], io)).toBe(0);
    // The builder's raw escape hatch carries them as written.
    expect(io.stdout()).toContain('raw: { Parameters: [{ "a.$": "$.x" }, 1] }');
    expect(io.stdout()).toContain('raw: { ItemSelector: [{ "v.$": "$$.Map.Item.Value" }] }');
    const check = capture(dir);
    expect(await main(["import", "--check-roundtrip", "array-templates.asl.json"], check)).toBe(0);
  });
});

