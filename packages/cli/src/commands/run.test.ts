import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { CliIo } from "../io.ts";
import { main } from "../main.ts";

function capture(cwd: string): CliIo & { stdout: () => string; stderr: () => string } {
  let out = "";
  let err = "";
  return { cwd, out: (s) => void (out += s), err: (s) => void (err += s), stdout: () => out, stderr: () => err };
}

const fixtures = new URL("../compile/fixtures/", import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), "stepcraft-run-"));
const write = (name: string, value: unknown): void => writeFileSync(join(dir, name), typeof value === "string" ? value : JSON.stringify(value, null, 2));

write("wait.asl.json", {
  StartAt: "Greet",
  States: {
    Greet: { Type: "Pass", Parameters: { "greeting.$": "States.Format('hello {}', $.name)" }, Next: "Nap" },
    Nap: { Type: "Wait", Seconds: 3600, Next: "Done" },
    Done: { Type: "Succeed" },
  },
});
write("retry.asl.json", {
  StartAt: "Flaky",
  States: {
    Flaky: { Type: "Fail", Error: "Flaky.Error", Cause: "always fails" },
  },
});
write("unbound.asl.json", {
  StartAt: "Charge",
  States: {
    Charge: {
      Type: "Task",
      Resource: "arn:aws:lambda:us-east-1:123456789012:function:charge",
      Retry: [{ ErrorEquals: ["States.ALL"], MaxAttempts: 2, IntervalSeconds: 5 }],
      End: true,
    },
  },
});
write("invalid.asl.json", { StartAt: "Missing", States: { A: { Type: "Pass", End: true } } });
write("input.json", { name: "Ada" });
write("not-json.txt", "{ name: ");

describe("stepcraft run", () => {
  // main() imports a command's module when it first runs; load it here so that the virtual-time
  // check below times the run, not the import.
  beforeAll(async () => {
    await import("./run.ts");
  });

  it("runs an ASL file in virtual time: trace, output, cost; exit 0", async () => {
    const io = capture(dir);
    const started = Date.now();
    expect(await main(["run", "wait.asl.json", "--input", '{"name":"Ada"}'], io)).toBe(0);
    expect(Date.now() - started).toBeLessThan(5000);
    const text = io.stdout();
    expect(text).toMatch(/\+0s +Greet \(Pass\)\n\+0s +Nap \(Wait\)  took 1h 00m\n\+1h 00m +Done \(Succeed\)\n\+1h 00m +execution SUCCEEDED/);
    expect(text).toContain("SUCCEEDED after 1h 00m");
    expect(text).toContain('"greeting": "hello Ada"');
    expect(text).toContain("Standard: 3 state transitions = $0.0000750");
    expect(text).toMatch(/Express: {2}1 request \+ 1h 00m at 64 MB = \$0\.00375/);
  });

  it("reads --input @file and prints { status, output, error, cause, history, cost } with --json", async () => {
    const io = capture(dir);
    expect(await main(["run", "wait.asl.json", "--input", "@input.json", "--json"], io)).toBe(0);
    const result = JSON.parse(io.stdout()) as { status: string; output: unknown; history: { type: string }[]; cost: { standard: { stateTransitions: number } } };
    expect(result.status).toBe("SUCCEEDED");
    expect(result.output).toEqual({ greeting: "hello Ada" });
    expect(result.history[0]?.type).toBe("ExecutionStarted");
    expect(result.cost.standard.stateTransitions).toBe(3);
  });

  it("exits 1 for a failed execution, printing the error and cause", async () => {
    const io = capture(dir);
    expect(await main(["run", "retry.asl.json"], io)).toBe(1);
    expect(io.stdout()).toContain("FAILED after 0s: Flaky.Error");
    expect(io.stdout()).toContain("cause: always fails");
  });

  it("fails an unbound Task with the runtime's error (States.Runtime is not retried, as on AWS)", async () => {
    const io = capture(dir);
    expect(await main(["run", "unbound.asl.json", "--json"], io)).toBe(1);
    const result = JSON.parse(io.stdout()) as { status: string; error: string; cause: string; cost: { standard: { stateTransitions: number; retries: number } } };
    expect(result.status).toBe("FAILED");
    expect(result.cause).toContain("not bound to a local handler");
    expect(result.error).toBe("States.Runtime");
    expect(result.cost.standard).toMatchObject({ stateTransitions: 1, retries: 0 });
  });

  it("a callback task nothing answers waits until its TimeoutSeconds, and the report says why", async () => {
    write("callback.asl.json", {
      StartAt: "Ask",
      States: { Ask: { Type: "Task", Resource: "arn:aws:states:::sqs:sendMessage.waitForTaskToken", Parameters: { QueueUrl: "q", "MessageBody.$": "$$.Task.Token" }, TimeoutSeconds: 3600, End: true } },
    });
    const io = capture(dir);
    expect(await main(["run", "callback.asl.json"], io)).toBe(1);
    expect(io.stdout()).toContain("FAILED after 1h 00m: States.Timeout");
    expect(io.stdout()).toContain("note: 'Ask' waited for a callback (.waitForTaskToken) nothing answered");
  });

  it("runs one workflow of a TypeScript module chosen with --workflow", async () => {
    const io = capture(fixtures);
    expect(await main(["run", "two-workflows.ts", "--workflow", "Greet"], io)).toBe(0);
    expect(io.stdout()).toContain("two-workflows.ts (Greet)");
    const several = capture(fixtures);
    expect(await main(["run", "two-workflows.ts"], several)).toBe(2);
    expect(several.stderr()).toContain("choose one with --workflow");
  });

  it("refuses an --input the workflow's input schema rejects, before running, exit 2", async () => {
    const io = capture(fixtures);
    expect(await main(["run", "schema-input.ts", "--input", '{"name":""}'], io)).toBe(2);
    expect(io.stderr()).toMatch(/--input does not match the workflow's input schema: .*Greeting[\s\S]*name/);
    expect(io.stdout()).toBe("");
    const json = capture(fixtures);
    expect(await main(["run", "schema-input.ts", "--json", "--input", "{}"], json)).toBe(2);
    expect(JSON.parse(json.stdout())).toMatchObject({ error: { type: "UsageError" } });
    const ok = capture(fixtures);
    expect(await main(["run", "schema-input.ts", "--json", "--input", '{"name":"Ada"}'], ok)).toBe(0);
    expect(JSON.parse(ok.stdout())).toMatchObject({ status: "SUCCEEDED", output: { hello: "Ada" } });
  });

  it("exits 1 without running an invalid definition, saying why", async () => {
    const io = capture(dir);
    expect(await main(["run", "invalid.asl.json"], io)).toBe(1);
    expect(io.stdout()).toContain("not run, the definition is invalid");
    expect(io.stdout()).toContain("MISSING_TRANSITION_TARGET");
  });

  it("exits 1 with one line (no stack trace) for an input StartExecution refuses: over 256 KiB, nested too deep", async () => {
    write("big-input.json", { s: "x".repeat(300 * 1024) });
    write("deep-input.json", `${"[".repeat(5000)}${"]".repeat(5000)}`);
    for (const [file, error] of [["big-input.json", "States.DataLimitExceeded"], ["deep-input.json", "InvalidExecutionInput"]] as const) {
      const io = capture(dir);
      expect(await main(["run", "wait.asl.json", "--input", `@${file}`], io)).toBe(1);
      expect(io.stdout()).toMatch(new RegExp(`^wait\\.asl\\.json: not run, the input was refused: ${error.replace(".", "\\.")}: .+\n$`));
      expect(io.stderr()).toBe("");
      const json = capture(dir);
      expect(await main(["run", "wait.asl.json", "--json", "--input", `@${file}`], json)).toBe(1);
      expect(JSON.parse(json.stdout())).toMatchObject({ status: "INVALID_INPUT", error });
    }
  });

  it("exits 2 for a missing file, bad --input JSON, a missing input file and a module without workflows", async () => {
    const cases: [string[], string][] = [
      [["run", "gone.asl.json"], "cannot read 'gone.asl.json'"],
      [["run", "wait.asl.json", "--input", "{nope"], "--input is not valid JSON"],
      [["run", "wait.asl.json", "--input", "@missing.json"], "cannot read input file 'missing.json'"],
      [["run", "wait.asl.json", "--input", "@not-json.txt"], "input file 'not-json.txt' is not valid JSON"],
      [["run", "wait.asl.json", "--test-case", "Happy"], "--mock-config and --test-case go together"],
    ];
    for (const [argv, message] of cases) {
      const io = capture(dir);
      expect(await main(argv, io)).toBe(2);
      expect(io.stderr()).toContain(message);
    }
    const none = capture(fixtures);
    expect(await main(["run", "no-workflow.ts"], none)).toBe(2);
    expect(none.stderr()).toContain("exports no workflow");
  });

  it("binds Tasks with --mock-config and --test-case (AWS Step Functions Local format)", async () => {
    write("mocks.json", {
      StateMachines: { unbound: { TestCases: { Happy: { Charge: "ChargeOk" }, Declined: { Charge: "ChargeFails" } } } },
      MockedResponses: {
        ChargeOk: { "0": { Return: { charged: true } } },
        ChargeFails: { "0-2": { Throw: { Error: "Card.Declined", Cause: "insufficient funds" } } },
      },
    });
    const happy = capture(dir);
    expect(await main(["run", "unbound.asl.json", "--mock-config", "mocks.json", "--test-case", "Happy", "--json"], happy)).toBe(0);
    expect((JSON.parse(happy.stdout()) as { output: unknown }).output).toEqual({ charged: true });

    const declined = capture(dir);
    expect(await main(["run", "unbound.asl.json", "--mock-config", "mocks.json", "--test-case", "Declined"], declined)).toBe(1);
    expect(declined.stdout()).toContain("FAILED after 15s: Card.Declined");
    expect(declined.stdout()).toMatch(/Charge \(Task\)  took 15s  FAILED Card\.Declined: insufficient funds\n\s+attempt 1 failed: Card\.Declined: insufficient funds\n\s+retry #1 after 5s\n[\s\S]*retry #2 after 10s\n\s+attempt 3 failed: Card\.Declined/);
  });

  it("exits 2 for a mock config that is missing, has no such test case, or names another state machine", async () => {
    const missing = capture(dir);
    expect(await main(["run", "unbound.asl.json", "--mock-config", "nope.json", "--test-case", "Happy"], missing)).toBe(2);
    expect(missing.stderr()).toContain("cannot read mock config 'nope.json'");

    const unknownCase = capture(dir);
    expect(await main(["run", "unbound.asl.json", "--mock-config", "mocks.json", "--test-case", "Sad"], unknownCase)).toBe(2);
    expect(unknownCase.stderr()).toMatch(/mock config 'mocks\.json': .*test case 'Sad'/s);

    const otherMachine = capture(dir);
    expect(await main(["run", "unbound.asl.json", "--mock-config", "mocks.json", "--test-case", "Happy", "--state-machine", "Orders"], otherMachine)).toBe(2);
    expect(otherMachine.stderr()).toContain("--state-machine <name>");
  });

  it("has --help", async () => {
    const io = capture(dir);
    expect(await main(["run", "--help"], io)).toBe(0);
    expect(io.stdout()).toContain("--mock-config");
  });
});

describe("stepcraft run: retries", () => {
  it("shows a retried state in the trace and bills each retry as a state transition", async () => {
    write("retried.asl.json", {
      StartAt: "Try",
      States: {
        Try: {
          Type: "Parallel",
          Branches: [{ StartAt: "Boom", States: { Boom: { Type: "Fail", Error: "Boom" } } }],
          Retry: [{ ErrorEquals: ["Boom"], MaxAttempts: 2, IntervalSeconds: 10 }],
          End: true,
        },
      },
    });
    const io = capture(dir);
    expect(await main(["run", "retried.asl.json"], io)).toBe(1);
    // The runtime's trace: each attempt of the retried Parallel ended (none is left "running"), each names its error.
    expect(io.stdout()).toMatch(/Try \(Parallel\)  took 30s  FAILED Boom\n\s+attempt 1 failed\n\s+retry #1 after 10s\n\s+attempt 2 failed\n\s+retry #2 after 20s\n\s+attempt 3 failed\n\+0s +\(branch 0\) Boom \(Fail\)  FAILED Boom\n\+10s +\(branch 0\) Boom \(Fail\)  FAILED Boom/);
    expect(io.stdout()).not.toContain("no error name");
    // Try entered once + 2 retries, Boom entered three times.
    expect(io.stdout()).toContain("Standard: 6 state transitions (2 for retries)");
    expect(io.stdout()).toMatch(/FAILED after 30s: Boom/);
  });
});

describe("stepcraft run --real-time", () => {
  it("really waits in a Wait state", async () => {
    write("short-wait.asl.json", { StartAt: "W", States: { W: { Type: "Wait", Seconds: 1, End: true } } });
    const io = capture(dir);
    const started = Date.now();
    expect(await main(["run", "short-wait.asl.json", "--real-time"], io)).toBe(0);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(io.stdout()).toContain("real time");
  });
});
