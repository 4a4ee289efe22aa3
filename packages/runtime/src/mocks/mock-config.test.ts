import { describe, expect, test } from "vitest";
import { prepareStateMachine, runExecution } from "../engine/machine.ts";
import { createTaskResolver } from "../tasks/resolve.ts";
import { loadMockConfig, MockConfigError, mockResolverFor } from "./mock-config.ts";
import type { MockConfig } from "./mock-config.ts";

/** The example of AWS's "Configuration file for mocked service integrations" page, as a file would hold it. */
const AWS_EXAMPLE = `{
  "StateMachines": {
    "LambdaSQSIntegration": {
      "TestCases": {
        "HappyPath": { "LambdaState": "MockedLambdaSuccess", "SQSState": "MockedSQSSuccess" },
        "RetryPath": { "LambdaState": "MockedLambdaRetry", "SQSState": "MockedSQSSuccess" },
        "HybridPath": { "LambdaState": "MockedLambdaSuccess" }
      }
    }
  },
  "MockedResponses": {
    "MockedLambdaSuccess": { "0": { "Return": { "StatusCode": 200, "Payload": { "StatusCode": 200, "body": "Hello from Lambda!" } } } },
    "LambdaMockedResourceNotReady": { "0": { "Throw": { "Error": "Lambda.ResourceNotReadyException", "Cause": "Lambda resource is not ready." } } },
    "MockedSQSSuccess": { "0": { "Return": { "MD5OfMessageBody": "3bcb6e8e-7h85-4375-b0bc-1a59812c6e51", "MessageId": "3bcb6e8e-8b51-4375-b0bc-1a59812c6e51" } } },
    "MockedLambdaRetry": {
      "0": { "Throw": { "Error": "Lambda.ResourceNotReadyException", "Cause": "Lambda resource is not ready." } },
      "1-2": { "Throw": { "Error": "Lambda.TimeoutException", "Cause": "Lambda timed out." } },
      "3": { "Return": { "StatusCode": 200, "Payload": { "StatusCode": 200, "body": "Hello from Lambda!" } } }
    }
  }
}`;

const machine = {
  StartAt: "LambdaState",
  States: {
    LambdaState: {
      Type: "Task",
      Resource: "arn:aws:states:::lambda:invoke",
      Parameters: { FunctionName: "HelloWorld", "Payload.$": "$" },
      Retry: [{ ErrorEquals: ["States.ALL"], IntervalSeconds: 2, MaxAttempts: 3, BackoffRate: 2 }],
      ResultSelector: { "body.$": "$.Payload.body" },
      Next: "SQSState",
    },
    SQSState: {
      Type: "Task",
      Resource: "arn:aws:states:::sqs:sendMessage",
      Parameters: { QueueUrl: "https://sqs.us-east-1.amazonaws.com/123456789012/q", "MessageBody.$": "$.body" },
      End: true,
    },
  },
};

const config = loadMockConfig(AWS_EXAMPLE);
const prepare = (testCase: string, fallback?: Parameters<typeof mockResolverFor>[3]) =>
  prepareStateMachine(machine, { name: "LambdaSQSIntegration", resolveTask: mockResolverFor(config, "LambdaSQSIntegration", testCase, fallback) });

describe("running a test case", () => {
  test("HappyPath: Return values are the Task results as written (lambda:invoke's wrapper included)", async () => {
    const exec = prepare("HappyPath").start({});
    expect(await exec.result).toEqual({
      status: "SUCCEEDED",
      output: { MD5OfMessageBody: "3bcb6e8e-7h85-4375-b0bc-1a59812c6e51", MessageId: "3bcb6e8e-8b51-4375-b0bc-1a59812c6e51" },
    });
    const lambda = exec.history.find((e) => e.type === "TaskSucceeded");
    expect(JSON.parse(String((lambda?.["taskSucceededEventDetails"] as { output: string }).output))).toEqual({
      StatusCode: 200,
      Payload: { StatusCode: 200, body: "Hello from Lambda!" },
    });
  });

  test("RetryPath: invocation 0 and 1-2 throw, 3 returns; Retry's back-off runs on the virtual clock", async () => {
    const exec = prepare("RetryPath").start({});
    const result = await exec.result;
    expect(result.status).toBe("SUCCEEDED");
    const failures = exec.history.filter((e) => e.type === "TaskFailed").map((e) => (e["taskFailedEventDetails"] as { error: string }).error);
    expect(failures).toEqual(["Lambda.ResourceNotReadyException", "Lambda.TimeoutException", "Lambda.TimeoutException"]);
    const scheduled = exec.history.filter((e) => e.type === "TaskScheduled").map((e) => e.timestamp.getTime());
    // Four Lambda attempts 2 s, 4 s, 8 s apart, then the SQS call.
    expect(scheduled.map((t) => (t - scheduled[0]!) / 1000)).toEqual([0, 2, 6, 14, 14]);
  });

  test("HybridPath: a state the test case does not list goes to the fallback's real binding", async () => {
    const fallback = createTaskResolver({
      tasks: { "arn:aws:states:::sqs:sendMessage": (input) => ({ sent: input }) },
      lambdaErrorFormat: "nodejs",
      region: "us-east-1",
      accountId: "123456789012",
    });
    const result = await prepare("HybridPath", fallback).run({});
    expect(result.output).toEqual({ sent: { QueueUrl: "https://sqs.us-east-1.amazonaws.com/123456789012/q", MessageBody: "Hello from Lambda!" } });
    const withOptions = await prepare("HybridPath", { fallback }).run({});
    expect(withOptions.output).toEqual(result.output);
  });

  test("HybridPath without a fallback: the unlisted state fails as unbound, naming it", async () => {
    const result = await prepare("HybridPath").run({});
    expect(result).toMatchObject({ status: "FAILED", error: "States.Runtime" });
    expect(result.cause).toContain("'SQSState'");
  });

  test("a state invoked more often than its response defines fails the execution (as Step Functions Local does)", async () => {
    const retryForever = { ...machine, States: { ...machine.States, LambdaState: { ...machine.States.LambdaState, Retry: [{ ErrorEquals: ["States.ALL"], MaxAttempts: 5 }] } } };
    const tight = loadMockConfig({
      StateMachines: { M: { TestCases: { T: { LambdaState: "Flaky" } } } },
      MockedResponses: { Flaky: { "0-1": { Throw: { Error: "Lambda.TimeoutException", Cause: "slow" } } } },
    });
    const result = await runExecution(retryForever, {}, { resolveTask: mockResolverFor(tight, "M", "T") });
    expect(result.status).toBe("FAILED");
    expect(result.error).toBe("States.Runtime");
    expect(result.cause).toContain("invocation 2");
    expect(result.cause).toContain("the mocked response 'Flaky' (test case 'T') defines responses for invocations 0-1 only");
  });

  test("a gap in the invocation numbers fails at the missing invocation", async () => {
    const gap = loadMockConfig({
      StateMachines: { M: { TestCases: { T: { LambdaState: "Gap" } } } },
      MockedResponses: { Gap: { "0": { Throw: { Error: "E", Cause: "" } }, "2": { Return: {} } } },
    });
    const result = await runExecution(machine, {}, { resolveTask: mockResolverFor(gap, "M", "T") });
    expect(result.cause).toContain("invocations 0, 2 only");
    expect(result.cause).toContain("invocation 1");
  });

  test("counting restarts with each execution of the same prepared machine", async () => {
    const prepared = prepare("RetryPath");
    expect((await prepared.run({})).status).toBe("SUCCEEDED");
    expect((await prepared.run({})).status).toBe("SUCCEEDED");
  });

  test("Return may be any JSON value, and a state may be mocked with a Throw on every invocation", async () => {
    const any = loadMockConfig({
      StateMachines: { M: { TestCases: { T: { LambdaState: "Text", SQSState: "Denied" } } } },
      MockedResponses: { Text: { "0": { Return: "plain" } }, Denied: { "0": { Throw: { Error: "SQS.AccessDeniedException", Cause: "no" } } } },
    });
    const noSelector = {
      ...machine,
      States: {
        LambdaState: { ...machine.States.LambdaState, ResultSelector: undefined, ResultPath: "$.text" },
        SQSState: { ...machine.States.SQSState, Parameters: { QueueUrl: "q", "MessageBody.$": "$.text" } },
      },
    };
    const exec = prepareStateMachine(JSON.parse(JSON.stringify(noSelector)) as object, { resolveTask: mockResolverFor(any, "M", "T") }).start({});
    expect(await exec.result).toEqual({ status: "FAILED", error: "SQS.AccessDeniedException", cause: "no" });
    const sqs = exec.history.find((e) => e.type === "TaskScheduled" && (e["taskScheduledEventDetails"] as { resourceType: string }).resourceType === "sqs");
    expect(JSON.parse(String((sqs?.["taskScheduledEventDetails"] as { parameters: string }).parameters))).toEqual({ QueueUrl: "q", MessageBody: "plain" });
  });

  test("unusedMocks reports listed states never invoked", async () => {
    const resolver = mockResolverFor(
      loadMockConfig({
        StateMachines: { M: { TestCases: { T: { LambdaState: "Ok", Elsewhere: "Ok" } } } },
        MockedResponses: { Ok: { "0": { Return: { Payload: { body: "b" } } } } },
      }),
      "M",
      "T",
      { fallback: createTaskResolver({ tasks: { "arn:aws:states:::sqs:sendMessage": () => ({}) }, lambdaErrorFormat: "nodejs", region: "us-east-1", accountId: "123456789012" }) },
    );
    await runExecution(machine, {}, { resolveTask: resolver });
    expect(resolver.unusedMocks()).toEqual(["Elsewhere"]);
    expect(resolver.unknownStates()).toEqual(["Elsewhere"]);
  });
});

describe("choosing a machine and test case", () => {
  test("an unknown state machine name is refused with the close match", () => {
    expect(() => mockResolverFor(config, "LambdaSqsIntegration", "HappyPath")).toThrow(MockConfigError);
    expect(() => mockResolverFor(config, "LambdaSqsIntegration", "HappyPath")).toThrow(/no state machine 'LambdaSqsIntegration'; did you mean 'LambdaSQSIntegration'\?/);
    expect(() => mockResolverFor(config, "Other", "HappyPath")).toThrow(/known: 'LambdaSQSIntegration'.*prepareStateMachine\(definition, \{ name: 'Other' \}\)/);
  });

  test("an unknown test case is refused with the known ones", () => {
    expect(() => mockResolverFor(config, "LambdaSQSIntegration", "happypath")).toThrow(/no test case 'happypath'; did you mean 'HappyPath'\?/);
    expect(() => mockResolverFor(config, "LambdaSQSIntegration", "Sad")).toThrow(/known: 'HappyPath', 'RetryPath', 'HybridPath'/);
  });

  test("a hand-built config naming a missing response is refused", () => {
    const handMade: MockConfig = { StateMachines: { M: { TestCases: { T: { S: "Nope" } } } }, MockedResponses: {} };
    expect(() => mockResolverFor(handMade, "M", "T")).toThrow(/StateMachines\.M\.TestCases\.T\.S: names the mocked response 'Nope'/);
  });
});

describe("loadMockConfig validates the file and says what to fix", () => {
  const valid = JSON.parse(AWS_EXAMPLE) as Record<string, unknown>;
  const problems = (input: unknown): string[] => {
    try {
      loadMockConfig(input);
    } catch (e) {
      expect(e).toBeInstanceOf(MockConfigError);
      return (e as MockConfigError).issues.map((i) => `${i.path.join("/")}: ${i.message}`);
    }
    throw new Error("expected loadMockConfig to throw");
  };

  test("accepts text and parsed JSON alike, returning a frozen private copy", () => {
    const fromObject = loadMockConfig(valid);
    expect(fromObject).toEqual(loadMockConfig(AWS_EXAMPLE));
    expect(Object.isFrozen(fromObject.MockedResponses["MockedLambdaRetry"])).toBe(true);
    expect(Object.isFrozen(valid)).toBe(false);
  });

  test.each<[string, unknown, string[]]>([
    ["text that is not JSON", "{ StateMachines", [": not valid JSON"]],
    ["an array", [], [": a mock config must be a JSON object with 'StateMachines' and 'MockedResponses', got an array"]],
    ["missing sections", {}, ["StateMachines: 'StateMachines' is missing", "MockedResponses: 'MockedResponses' is missing"]],
    ["a misspelt section", { StateMachines: {}, MockedResponse: {} }, ["MockedResponses: 'MockedResponses' is missing", "MockedResponse: unknown key; did you mean 'MockedResponses'?"]],
    ["TestCases misspelt", { StateMachines: { M: { Testcases: {} } }, MockedResponses: {} }, ["StateMachines/M/TestCases: 'TestCases' is missing", "StateMachines/M/Testcases: unknown key; did you mean 'TestCases'?"]],
    ["a state machine that is not an object", { StateMachines: { M: [] }, MockedResponses: {} }, ["StateMachines/M: a state machine entry must be an object"]],
    ["a test case mapping to a non-string", { StateMachines: { M: { TestCases: { T: { S: 1 } } } }, MockedResponses: {} }, ["StateMachines/M/TestCases/T/S: a test case maps a Task state name to the name of a MockedResponses entry (a string), got number 1"]],
    ["a bad invocation key", { StateMachines: {}, MockedResponses: { R: { first: { Return: 1 } } } }, ['MockedResponses/R/first: invocation keys are 0-based invocation numbers ("0") or inclusive ranges ("1-2"); got "first"']],
    ["a negative-looking key", { StateMachines: {}, MockedResponses: { R: { "-1": { Return: 1 } } } }, ['MockedResponses/R/-1: invocation keys are 0-based']],
    ["a response with both Return and Throw", { StateMachines: {}, MockedResponses: { R: { "0": { Return: 1, Throw: { Error: "E", Cause: "C" } } } } }, ["MockedResponses/R/0: a response has either 'Return' or 'Throw', not both"]],
    ["a response with neither", { StateMachines: {}, MockedResponses: { R: { "0": {} } } }, ["MockedResponses/R/0: a response needs a 'Return' or a 'Throw' field"]],
    ["a misspelt Return", { StateMachines: {}, MockedResponses: { R: { "0": { Retrun: 1 } } } }, ["MockedResponses/R/0/Retrun: unknown key; did you mean 'Return'?", "MockedResponses/R/0: a response needs a 'Return' or a 'Throw' field"]],
    ["a Throw without Cause", { StateMachines: {}, MockedResponses: { R: { "0": { Throw: { Error: "E" } } } } }, ["MockedResponses/R/0/Throw/Cause: 'Cause' is missing: Step Functions Local requires it; use \"\" for none"]],
    ["a Throw with a numeric Error", { StateMachines: {}, MockedResponses: { R: { "0": { Throw: { Error: 500, Cause: "" } } } } }, ["MockedResponses/R/0/Throw/Error: 'Error' must be a string (an error name), got number 500"]],
    ["a Throw with an unknown key", { StateMachines: {}, MockedResponses: { R: { "0": { Throw: { Error: "E", Cause: "", Message: "m" } } } } }, ["MockedResponses/R/0/Throw/Message: unknown key (known: 'Error', 'Cause')"]],
    ["a response that is not an object", { StateMachines: {}, MockedResponses: { R: { "0": "ok" } } }, ["MockedResponses/R/0: a response must be an object"]],
    ["a mocked response that is not an object", { StateMachines: {}, MockedResponses: { R: [] } }, ["MockedResponses/R: a mocked response must be an object keyed by invocation number"]],
    ["a reference to a missing response", { StateMachines: { M: { TestCases: { T: { S: "MockedLambdaSucess" } } } }, MockedResponses: { MockedLambdaSuccess: { "0": { Return: 1 } } } }, ["StateMachines/M/TestCases/T/S: names the mocked response 'MockedLambdaSucess', which MockedResponses does not define; did you mean 'MockedLambdaSuccess'?"]],
    ["a reference with nothing close", { StateMachines: { M: { TestCases: { T: { S: "Zzz" } } } }, MockedResponses: { Ok: { "0": { Return: 1 } } } }, ["StateMachines/M/TestCases/T/S: names the mocked response 'Zzz', which MockedResponses does not define (it defines 'Ok')"]],
    ["a reversed range", { StateMachines: {}, MockedResponses: { R: { "3-1": { Return: 1 } } } }, ['MockedResponses/R/3-1: the range starts after it ends; write "1-3"']],
    ["overlapping ranges", { StateMachines: {}, MockedResponses: { R: { "0-2": { Return: 1 }, "2": { Return: 2 } } } }, ['MockedResponses/R/2: overlaps "0-2" (invocation 2 would have two responses); each invocation number may appear once']],
  ])("%s", (_name, input, expected) => {
    const found = problems(input);
    expect(found).toHaveLength(expected.length);
    expected.forEach((fragment, i) => expect(found[i]).toContain(fragment));
  });

  test("the error message lists every problem with a readable path", () => {
    expect(() => loadMockConfig({ StateMachines: {}, MockedResponses: { R: { "1-2": { Throw: { Error: 1, Cause: "" } } } } })).toThrow(
      'Invalid Step Functions Local mock config:\n  - MockedResponses.R["1-2"].Throw.Error: \'Error\' must be a string (an error name), got number 1',
    );
  });
});
