import { describe, expect, it } from "vitest";
import "../testing/vitest.ts";
import { testState, TestStateRequestError } from "../testing/index.ts";
import type { TestStateInput, TestStateOutput } from "../testing/index.ts";
import type { TaskCallContext } from "../tasks/types.ts";

const lone = (state: object): string => JSON.stringify(state);
const machine = (states: Record<string, object>, extra: object = {}): string =>
  JSON.stringify({ StartAt: Object.keys(states)[0], States: states, ...extra });

async function rejection(request: TestStateInput): Promise<TestStateRequestError> {
  const e: unknown = await testState(request).then(
    () => undefined,
    (error: unknown) => error,
  );
  if (!(e instanceof TestStateRequestError)) throw new Error(`expected a TestStateRequestError, got ${String(e)}`);
  return e;
}

describe("testState: Pass", () => {
  it("JSONPath: every stage at DEBUG, and the next state", async () => {
    const out = await testState({
      definition: machine({
        Shape: { Type: "Pass", InputPath: "$.order", Parameters: { "id.$": "$.id", fixed: 1 }, ResultPath: "$.shaped", OutputPath: "$.shaped", Next: "Ship" },
        Ship: { Type: "Succeed" },
      }),
      stateName: "Shape",
      input: JSON.stringify({ order: { id: 7 }, other: true }),
      inspectionLevel: "DEBUG",
    });
    expect(out.status).toBe("SUCCEEDED");
    expect(out).toHaveNextState("Ship");
    expect(JSON.parse(out.output!)).toEqual({ id: 7, fixed: 1 });
    expect(out).toHaveInspection({
      input: { order: { id: 7 }, other: true },
      afterInputPath: { id: 7 },
      afterParameters: { id: 7, fixed: 1 },
      // ResultPath places the result into the state's raw input, not the InputPath selection.
      afterResultPath: { order: { id: 7 }, other: true, shaped: { id: 7, fixed: 1 } },
    });
  });

  it("JSONata: Output and Assign, with the variables in scope given and shown afterwards", async () => {
    const out = await testState({
      definition: lone({ Type: "Pass", QueryLanguage: "JSONata", Output: "{% $states.input.n + $base %}", Assign: { seen: "{% $states.input.n %}" }, End: true }),
      input: '{"n": 2}',
      variables: '{"base": 40}',
      inspectionLevel: "TRACE",
    });
    expect(out).toMatchObject({ status: "SUCCEEDED", output: "42" });
    expect(out.nextState).toBeUndefined();
    expect(out).toHaveInspection({ input: { n: 2 }, variables: { base: 40, seen: 2 } });
  });

  it("shows the stages AWS shows: no `result` for a Pass without Result; input and afterInputPath for a Fail", async () => {
    const plain = await testState({ definition: lone({ Type: "Pass", End: true }), input: '{"Value": "HelloWorld"}', inspectionLevel: "DEBUG" });
    const value = JSON.stringify({ Value: "HelloWorld" });
    expect(plain.inspectionData).toEqual({ input: value, afterInputPath: value, afterParameters: value, afterResultSelector: value, afterResultPath: value });
    const withResult = await testState({ definition: lone({ Type: "Pass", Result: { resultKey: "result value" }, End: true }), input: '{"Value": "HelloWorld"}', inspectionLevel: "DEBUG" });
    const result = JSON.stringify({ resultKey: "result value" });
    expect(withResult.inspectionData).toEqual({ input: value, result, afterResultSelector: result, afterResultPath: result });
    const failed = await testState({ definition: lone({ Type: "Fail", Error: "SomeFailure" }), input: '{"Value": "HelloWorld"}', inspectionLevel: "DEBUG" });
    expect(failed.inspectionData).toEqual({ input: value, afterInputPath: value });
  });

  it("INFO has no inspection data, and the matcher says how to get it", async () => {
    const out = await testState({ definition: lone({ Type: "Pass", End: true }) });
    expect(out).toEqual({ status: "SUCCEEDED", output: "{}" });
    expect(() => expect(out).toHaveInspection({ input: {} })).toThrow(/inspectionLevel: "DEBUG"/);
  });

  it("a state going back to itself names itself as the next state", async () => {
    const definition = machine({ Loop: { Type: "Choice", Choices: [{ Variable: "$.more", BooleanEquals: true, Next: "Loop" }], Default: "Done" }, Done: { Type: "Succeed" } });
    expect(await testState({ definition, stateName: "Loop", input: '{"more": true}' })).toMatchObject({ status: "SUCCEEDED", nextState: "Loop" });
    expect(await testState({ definition, stateName: "Loop", input: '{"more": false}' })).toMatchObject({ status: "SUCCEEDED", nextState: "Done" });
  });
});

describe("testState: Task", () => {
  const charge = {
    Type: "Task",
    Resource: "arn:aws:states:::lambda:invoke",
    Parameters: { FunctionName: "charge", "Payload.$": "$.amount", "attempt.$": "$$.State.RetryCount" },
    ResultSelector: { "charged.$": "$.Payload" },
    ResultPath: "$.charge",
    Retry: [
      { ErrorEquals: ["Lambda.TooManyRequestsException"], IntervalSeconds: 2, BackoffRate: 3, MaxAttempts: 2 },
      { ErrorEquals: ["Flaky"], MaxAttempts: 1 },
    ],
    Catch: [
      { ErrorEquals: ["Declined"], ResultPath: "$.declined", Next: "Refund" },
      { ErrorEquals: ["States.ALL"], ResultPath: "$.error", Next: "Alert" },
    ],
    Next: "Ship",
  };
  const definition = machine({ Charge: charge, Ship: { Type: "Succeed" }, Refund: { Type: "Succeed" }, Alert: { Type: "Fail" } });
  /** Charge at DEBUG with a mocked throttling error, after `retries` retries. */
  const throttled = (retries: number): Promise<TestStateOutput> =>
    testState({
      definition,
      stateName: "Charge",
      input: '{"amount": 5}',
      inspectionLevel: "DEBUG",
      mock: { errorOutput: { error: "Lambda.TooManyRequestsException", cause: "Rate exceeded" } },
      stateConfiguration: { retrierRetryCount: retries },
    });

  it("JSONPath with a mocked result: result, afterResultSelector, afterResultPath", async () => {
    const out = await testState({
      definition,
      stateName: "Charge",
      input: '{"amount": 5}',
      inspectionLevel: "DEBUG",
      mock: { result: JSON.stringify({ StatusCode: 200, Payload: "ok" }) },
    });
    expect(out.status).toBe("SUCCEEDED");
    expect(out).toHaveNextState("Ship");
    expect(out).toHaveInspection({
      afterParameters: { FunctionName: "charge", Payload: 5, attempt: 0 },
      result: { StatusCode: 200, Payload: "ok" },
      afterResultSelector: { charged: "ok" },
      afterResultPath: { amount: 5, charge: { charged: "ok" } },
    });
    expect(() => expect(out).toHaveNextState("Refund")).toThrow("expected the tested state to go to 'Refund', but it goes to 'Ship' (status SUCCEEDED)");
  });

  it("Retry: RETRIABLE with the retrier's index and back-off, and $$.State.RetryCount set from retrierRetryCount", async () => {
    const out = await throttled(1);
    expect(out).toMatchObject({ status: "RETRIABLE", error: "Lambda.TooManyRequestsException", cause: "Rate exceeded" });
    expect(out.output).toBeUndefined();
    expect(out.nextState).toBeUndefined();
    expect(out).toHaveInspection({ errorDetails: { retryIndex: 0, retryBackoffIntervalSeconds: 6 }, afterParameters: { FunctionName: "charge", Payload: 5, attempt: 1 } });
  });

  it("reports a fractional back-off in whole seconds, capped by MaxDelaySeconds", async () => {
    const state = (retry: object): string => lone({ Type: "Task", Resource: "arn:aws:states:::sns:publish", Retry: [{ ErrorEquals: ["States.ALL"], ...retry }], End: true });
    const mock = { errorOutput: { error: "SNS.Throttled" } };
    const fractional = await testState({ definition: state({ IntervalSeconds: 3, BackoffRate: 1.5, MaxAttempts: 5 }), mock, stateConfiguration: { retrierRetryCount: 1 }, inspectionLevel: "DEBUG" });
    expect(fractional).toHaveInspection({ errorDetails: { retryIndex: 0, retryBackoffIntervalSeconds: 4 } });
    const capped = await testState({ definition: state({ IntervalSeconds: 10, MaxAttempts: 9, MaxDelaySeconds: 30 }), mock, stateConfiguration: { retrierRetryCount: 4 }, inspectionLevel: "DEBUG" });
    expect(capped).toHaveInspection({ errorDetails: { retryIndex: 0, retryBackoffIntervalSeconds: 30 } });
  });

  it("Retry exhausted: the Catch takes over (CAUGHT_ERROR, the Catcher's next state and output)", async () => {
    const out = await throttled(2);
    expect(out).toMatchObject({ status: "CAUGHT_ERROR", error: "Lambda.TooManyRequestsException", nextState: "Alert" });
    expect(JSON.parse(out.output!)).toEqual({ amount: 5, error: { Error: "Lambda.TooManyRequestsException", Cause: "Rate exceeded" } });
    expect(out).toHaveInspection({ errorDetails: { catchIndex: 1 } });
  });

  it("Catch: the first matching Catcher", async () => {
    const out = await testState({ definition, stateName: "Charge", input: '{"amount": 5}', mock: { errorOutput: { error: "Declined", cause: "card" } } });
    expect(out).toMatchObject({ status: "CAUGHT_ERROR", nextState: "Refund", error: "Declined", cause: "card" });
    expect(JSON.parse(out.output!)).toEqual({ amount: 5, declined: { Error: "Declined", Cause: "card" } });
  });

  it("FAILED when neither a Retrier nor a Catcher handles the error", async () => {
    const out = await testState({ definition: lone({ Type: "Task", Resource: "arn:aws:states:::sqs:sendMessage", Parameters: { QueueUrl: "q", MessageBody: "m" }, End: true }), mock: { errorOutput: { error: "SQS.Boom", cause: "down" } }, inspectionLevel: "DEBUG" });
    expect(out).toMatchObject({ status: "FAILED", error: "SQS.Boom", cause: "down" });
  });

  it("JSONata: Arguments and Output with $states.result, and a Catcher's Output", async () => {
    const state = {
      Type: "Task",
      QueryLanguage: "JSONata",
      Resource: "arn:aws:states:::dynamodb:getItem",
      Arguments: { TableName: "orders", Key: { id: { S: "{% $states.input.id %}" } } },
      Output: "{% $states.result.Item.status.S %}",
      Catch: [{ ErrorEquals: ["States.ALL"], Output: "{% $states.errorOutput.Error %}", Next: "Missing" }],
      Next: "Done",
    };
    const definition = machine({ Read: state, Done: { Type: "Succeed" }, Missing: { Type: "Succeed" } });
    const ok = await testState({ definition, stateName: "Read", input: '{"id": "o-1"}', inspectionLevel: "DEBUG", mock: { result: JSON.stringify({ Item: { status: { S: "paid" } } }) } });
    expect(ok).toMatchObject({ status: "SUCCEEDED", output: '"paid"', nextState: "Done" });
    expect(ok).toHaveInspection({ afterArguments: { TableName: "orders", Key: { id: { S: "o-1" } } }, result: { Item: { status: { S: "paid" } } } });
    const caught = await testState({ definition, stateName: "Read", input: '{"id": "o-1"}', mock: { errorOutput: { error: "DynamoDB.ResourceNotFoundException" } } });
    expect(caught).toMatchObject({ status: "CAUGHT_ERROR", output: '"DynamoDB.ResourceNotFoundException"', nextState: "Missing" });
  });

  it("an unmocked Task runs the handler bound in options.tasks", async () => {
    const out = await testState(
      { definition: lone({ Type: "Task", Resource: "arn:aws:lambda:us-east-1:123456789012:function:double", End: true }), input: "3" },
      { tasks: { double: (n) => (n as number) * 2 } },
    );
    expect(out).toMatchObject({ status: "SUCCEEDED", output: "6" });
  });
});

describe("testState: mock validation (fieldValidationMode)", () => {
  const start = lone({ Type: "Task", Resource: "arn:aws:states:::states:startExecution", Parameters: { StateMachineArn: "arn:aws:states:us-east-1:123456789012:stateMachine:child" }, End: true });

  it("STRICT (the default) rejects a mocked result missing a required field", async () => {
    const e = await rejection({ definition: start, mock: { result: JSON.stringify({ StartDate: "2025-01-01T00:00:00Z" }) } });
    expect(e.code).toBe("ValidationException");
    expect(e.message).toBe("Mock result schema validation error: Required field 'ExecutionArn' is missing");
  });

  it("PRESENT checks only the fields given; NONE nothing", async () => {
    expect(await testState({ definition: start, mock: { result: "{}", fieldValidationMode: "PRESENT" } })).toMatchObject({ status: "SUCCEEDED" });
    const wrongType = await rejection({ definition: start, mock: { result: '{"ExecutionArn": 1}', fieldValidationMode: "PRESENT" } });
    expect(wrongType.message).toBe("Mock result schema validation error: Field 'ExecutionArn' must be a string");
    expect(await testState({ definition: start, mock: { result: '{"ExecutionArn": 1}', fieldValidationMode: "NONE" } })).toMatchObject({ status: "SUCCEEDED", output: '{"ExecutionArn":1}' });
  });

  it("refuses a mock for a state type that cannot have one, a mock with both or neither answer, and mock JSON that does not parse", async () => {
    expect((await rejection({ definition: lone({ Type: "Pass", End: true }), mock: { result: "{}" } })).message).toBe("State type 'Pass' is not supported when a mock is specified");
    expect((await rejection({ definition: start, mock: { result: "{}", errorOutput: { error: "E" } } })).message).toMatch(/exactly one of 'result' and 'errorOutput'/);
    expect((await rejection({ definition: start, mock: {} })).message).toMatch(/exactly one/);
    expect((await rejection({ definition: start, mock: { result: "{nope" } })).message).toMatch(/'mock.result' is not valid JSON/);
    expect((await rejection({ definition: start, mock: { result: {} as never } })).message).toBe("'mock.result' must be JSON text (a string), not object.");
    expect((await rejection({ definition: start, mock: "x" as never })).message).toMatch(/'mock' must be an object/);
    expect((await rejection({ definition: start, mock: { errorOutput: { cause: "no name" } } })).message).toMatch(/mock.errorOutput.error must be a non-empty string/);
    expect((await rejection({ definition: start, mock: { errorOutput: { error: "E", cause: 5 as never } } })).message).toBe("mock.errorOutput.cause must be a string.");
  });
});

describe("testState: Choice, Wait, Succeed, Fail", () => {
  it("Choice picks its target in JSONPath and JSONata, Default otherwise", async () => {
    const jsonPath = machine({
      Route: { Type: "Choice", Choices: [{ Variable: "$.total", NumericGreaterThan: 100, Next: "Review" }], Default: "Ship" },
      Review: { Type: "Succeed" },
      Ship: { Type: "Succeed" },
    });
    expect(await testState({ definition: jsonPath, stateName: "Route", input: '{"total": 500}' })).toHaveNextState("Review");
    expect(await testState({ definition: jsonPath, stateName: "Route", input: '{"total": 5}' })).toHaveNextState("Ship");
    const jsonata = machine(
      { Route: { Type: "Choice", Choices: [{ Condition: "{% $states.input.total > 100 %}", Output: "{% $states.input.total %}", Next: "Review" }], Default: "Ship" }, Review: { Type: "Succeed" }, Ship: { Type: "Succeed" } },
      { QueryLanguage: "JSONata" },
    );
    const out = await testState({ definition: jsonata, stateName: "Route", input: '{"total": 500}' });
    expect(out).toMatchObject({ status: "SUCCEEDED", nextState: "Review", output: "500" });
  });

  it("Wait takes no real time, in both languages", async () => {
    const started = Date.now();
    const jsonPath = await testState({ definition: machine({ Pause: { Type: "Wait", Seconds: 86400, Next: "Go" }, Go: { Type: "Succeed" } }), stateName: "Pause", input: '{"a": 1}' });
    const jsonata = await testState({ definition: lone({ Type: "Wait", QueryLanguage: "JSONata", Seconds: "{% $states.input.s %}", End: true }), input: '{"s": 3600}' });
    expect(jsonPath).toMatchObject({ status: "SUCCEEDED", nextState: "Go", output: '{"a":1}' });
    expect(jsonata).toMatchObject({ status: "SUCCEEDED", output: '{"s":3600}' });
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it("Succeed ends with no next state; Fail gives its error and cause", async () => {
    expect(await testState({ definition: lone({ Type: "Succeed", OutputPath: "$.a" }), input: '{"a": [1]}' })).toEqual({ status: "SUCCEEDED", output: "[1]" });
    expect(await testState({ definition: lone({ Type: "Succeed", QueryLanguage: "JSONata", Output: "{% $states.input.a %}" }), input: '{"a": 2}' })).toEqual({ status: "SUCCEEDED", output: "2" });
    expect(await testState({ definition: lone({ Type: "Fail", Error: "Out.Of.Stock", CausePath: "$.why" }), input: '{"why": "none left"}' })).toEqual({ status: "FAILED", error: "Out.Of.Stock", cause: "none left" });
    expect(await testState({ definition: lone({ Type: "Fail", QueryLanguage: "JSONata", Error: "{% 'E' & $states.input.n %}" }), input: '{"n": 1}' })).toMatchObject({ status: "FAILED", error: "E1" });
  });
});

describe("testState: Map and Parallel", () => {
  const mapState = {
    Type: "Map",
    ItemsPath: "$.items",
    ToleratedFailureCount: 1,
    ItemProcessor: { ProcessorConfig: { Mode: "INLINE" }, StartAt: "Work", States: { Work: { Type: "Task", Resource: "arn:aws:states:::lambda:invoke", End: true } } },
    ResultPath: "$.results",
    Catch: [{ ErrorEquals: ["States.ExceedToleratedFailureThreshold"], Next: "TooMany" }],
    Next: "Done",
  };
  const mapMachine = machine({ Fan: mapState, Done: { Type: "Succeed" }, TooMany: { Type: "Succeed" } });

  it("a mocked Map within its tolerated failures succeeds with the mocked results", async () => {
    const out = await testState({ definition: mapMachine, stateName: "Fan", input: '{"items": [1, 2, 3]}', inspectionLevel: "DEBUG", mock: { result: "[10, 20, 30]" }, stateConfiguration: { mapIterationFailureCount: 1 } });
    expect(out).toMatchObject({ status: "SUCCEEDED", nextState: "Done" });
    expect(JSON.parse(out.output!)).toEqual({ items: [1, 2, 3], results: [10, 20, 30] });
    expect(out).toHaveInspection({ afterInputPath: { items: [1, 2, 3] }, afterItemsPath: [1, 2, 3], maxConcurrency: 0, toleratedFailureCount: 1, afterResultSelector: [10, 20, 30] });
    // Recorded on AWS: a Map shows no `result`.
    expect(out.inspectionData?.result).toBeUndefined();
  });

  it("mapIterationFailureCount above the tolerance fails the Map with States.ExceedToleratedFailureThreshold, which its Catch handles", async () => {
    const out = await testState({ definition: mapMachine, stateName: "Fan", input: '{"items": [1, 2, 3]}', mock: { result: "[10, 20, 30]" }, stateConfiguration: { mapIterationFailureCount: 2 } });
    expect(out).toMatchObject({ status: "CAUGHT_ERROR", error: "States.ExceedToleratedFailureThreshold", cause: "The specified tolerated failure threshold was exceeded", nextState: "TooMany" });
  });

  it("refuses more failed iterations than there are", async () => {
    const e = await rejection({ definition: mapMachine, stateName: "Fan", mock: { result: "[1, 2]" }, stateConfiguration: { mapIterationFailureCount: 3 } });
    expect(e.message).toBe("stateConfiguration.mapIterationFailureCount (3) cannot exceed the number of iterations (2, the mocked results).");
  });

  it("JSONata Map: a mocked result through Output; a percentage tolerance", async () => {
    const state = { Type: "Map", QueryLanguage: "JSONata", Items: "{% $states.input.items %}", ToleratedFailurePercentage: 50, ItemProcessor: { StartAt: "W", States: { W: { Type: "Pass", End: true } } }, Output: "{% $count($states.result) %}", End: true };
    expect(await testState({ definition: lone(state), input: '{"items": [1, 2]}', mock: { result: "[1, 2]" }, stateConfiguration: { mapIterationFailureCount: 1 } })).toEqual({ status: "SUCCEEDED", output: "2" });
    const inspected = await testState({ definition: lone({ ...state, MaxConcurrency: 1 }), input: '{"items": [1, 2]}', mock: { result: "[1, 2]" }, inspectionLevel: "DEBUG" });
    // As recorded on AWS: the input and the Map's settings, no result.
    expect(inspected.inspectionData).toEqual({ input: '{"items":[1,2]}', maxConcurrency: 1, toleratedFailurePercentage: 50 });
    expect(await testState({ definition: lone(state), input: '{"items": [1, 2]}', mock: { result: "[1, 2]" }, stateConfiguration: { mapIterationFailureCount: 2 } })).toMatchObject({ status: "FAILED", error: "States.ExceedToleratedFailureThreshold" });
  });

  it("an unmocked Map runs its iterations; a state inside it can be tested by name", async () => {
    const state = { Type: "Map", ItemsPath: "$.items", ItemProcessor: { StartAt: "Double", States: { Double: { Type: "Pass", Parameters: { "v.$": "States.MathAdd($, $)" }, End: true } } }, End: true };
    expect(await testState({ definition: machine({ Fan: state }), stateName: "Fan", input: '{"items": [1, 2]}' })).toEqual({ status: "SUCCEEDED", output: '[{"v":2},{"v":4}]' });
    expect(await testState({ definition: machine({ Fan: state }), stateName: "Double", input: "5" })).toEqual({ status: "SUCCEEDED", output: '{"v":10}' });
  });

  it("Parallel: mocked (one result per branch, checked) and run, in both languages", async () => {
    const parallel = { Type: "Parallel", Branches: [{ StartAt: "A", States: { A: { Type: "Pass", Result: "a", End: true } } }, { StartAt: "B", States: { B: { Type: "Pass", Result: "b", End: true } } }], Next: "After" };
    const definition = machine({ Both: parallel, After: { Type: "Succeed" } });
    expect(await testState({ definition, stateName: "Both" })).toEqual({ status: "SUCCEEDED", output: '["a","b"]', nextState: "After" });
    expect(await testState({ definition, stateName: "Both", mock: { result: '["x", "y"]' } })).toEqual({ status: "SUCCEEDED", output: '["x","y"]', nextState: "After" });
    expect((await rejection({ definition, stateName: "Both", mock: { result: '["x"]' } })).message).toBe("The mocked result of the Parallel state has 1 entries; it has 2 branches.");
    const withParameters = machine({ Both: { ...parallel, Parameters: { "n.$": "$.n" } }, After: { Type: "Succeed" } });
    const inspected = await testState({ definition: withParameters, stateName: "Both", input: '{"n": 1, "x": 2}', mock: { result: '["x", "y"]' }, inspectionLevel: "DEBUG" });
    expect(inspected).toHaveInspection({ afterParameters: { n: 1 }, result: ["x", "y"] });
    const jsonata = { ...parallel, QueryLanguage: "JSONata", Branches: [{ StartAt: "A", States: { A: { Type: "Pass", QueryLanguage: "JSONata", Output: "{% $states.input.n %}", End: true } } }], Output: "{% $states.result[0] + 1 %}" };
    expect(await testState({ definition: machine({ Both: jsonata, After: { Type: "Succeed" } }), stateName: "Both", input: '{"n": 1}' })).toMatchObject({ status: "SUCCEEDED", output: "2" });
  });

  it("a mocked Map's result is an array, or the ResultWriter's object when it has one", async () => {
    const e = await rejection({ definition: mapMachine, stateName: "Fan", mock: { result: '{"a": 1}' } });
    expect(e.message).toBe("The mocked result of a Map state must be a JSON array (its iterations' outputs).");
    const writer = { ...mapState, ResultWriter: { Resource: "arn:aws:states:::s3:putObject", Parameters: { Bucket: "b", Prefix: "p" } } };
    const written = { MapRunArn: "arn:aws:states:us-east-1:123456789012:mapRun:m/r:1", ResultWriterDetails: { Bucket: "b", Key: "p/manifest.json" } };
    const out = await testState({ definition: machine({ Fan: { ...writer, Next: "Done" }, Done: { Type: "Succeed" }, TooMany: { Type: "Succeed" } }), stateName: "Fan", input: '{"items": [1]}', mock: { result: JSON.stringify(written) } });
    expect(JSON.parse(out.output!)).toEqual({ items: [1], results: written });
  });

  it("errorCausedByState must name a state inside the mocked Map or Parallel", async () => {
    const out = await testState({ definition: mapMachine, stateName: "Fan", input: '{"items": []}', mock: { errorOutput: { error: "Boom", cause: "c" } }, stateConfiguration: { errorCausedByState: "Work" } });
    expect(out).toMatchObject({ status: "FAILED", error: "Boom", cause: "c" });
    const e = await rejection({ definition: mapMachine, stateName: "Fan", mock: { errorOutput: { error: "Boom" } }, stateConfiguration: { errorCausedByState: "Wrok" } });
    expect(e.message).toBe("stateConfiguration.errorCausedByState 'Wrok' names no state inside 'Fan'. Its states: 'Work'.");
  });
});

describe("testState: states that wait for someone else", () => {
  it("refuses callback, .sync and activity Tasks without a mock, as AWS does, saying how to mock them", async () => {
    for (const resource of ["arn:aws:states:::sqs:sendMessage.waitForTaskToken", "arn:aws:states:::states:startExecution.sync:2", "arn:aws:states:us-east-1:123456789012:activity:approve"]) {
      const e = await rejection({ definition: lone({ Type: "Task", Resource: resource, End: true }) });
      expect(e.message, resource).toMatch(/only with a mock: add mock: \{ result: … \}/);
    }
    const mocked = await testState({ definition: lone({ Type: "Task", Resource: "arn:aws:states:::sqs:sendMessage.waitForTaskToken", End: true }), mock: { result: '{"approved": true}' } });
    expect(mocked).toEqual({ status: "SUCCEEDED", output: '{"approved":true}' });
  });

  it("fails an unmocked callback inside a Map at once when nothing is bound to it", async () => {
    const map = { Type: "Map", ItemProcessor: { StartAt: "Ask", States: { Ask: { Type: "Task", Resource: "arn:aws:states:::sqs:sendMessage.waitForTaskToken", End: true } } }, End: true };
    const out = await testState({ definition: lone(map), input: "[1]" });
    expect(out).toMatchObject({ status: "FAILED", error: "States.Runtime" });
    expect(out.cause).toMatch(/not bound to a local handler/);
  });

  it("ends a state still waiting after AWS's five minutes with States.Timeout, at once in virtual time, never retried", async () => {
    const map = {
      Type: "Map",
      ItemsPath: "$.items",
      ItemProcessor: { StartAt: "Ask", States: { Ask: { Type: "Task", Resource: "arn:aws:states:::sqs:sendMessage.waitForTaskToken", Parameters: { QueueUrl: "q", "MessageBody.$": "$$.Task.Token" }, End: true } } },
      Retry: [{ ErrorEquals: ["States.ALL"] }],
      End: true,
    };
    const started = Date.now();
    // A bound handler that waits for an answer from outside that never comes.
    const neverAnswered = (_input: unknown, ctx: TaskCallContext): Promise<unknown> => {
      ctx.awaitingExternal?.();
      return new Promise(() => undefined);
    };
    const out = await testState({ definition: lone(map), input: '{"items": [1]}' }, { tasks: { "arn:aws:states:::sqs:sendMessage.waitForTaskToken": neverAnswered } });
    expect(out).toMatchObject({ status: "FAILED", error: "States.Timeout" });
    expect(Date.now() - started).toBeLessThan(5000);
  });
});

describe("testState: the request and the context", () => {
  it("context is the whole context object the state sees, as given (AWS adds nothing); without it, roleArn sets $$.Execution.RoleArn", async () => {
    const given = {
      Execution: { Id: "arn:aws:states:us-east-1:123456789012:execution:M:e-1", Input: { values: [1, 2] }, Name: "e-1", RoleArn: "arn:aws:iam::123456789012:role/r", StartTime: "2025-01-15T10:30:00.000Z" },
      State: { EnteredTime: "2025-01-15T10:30:01.500Z", Name: "MyTaskState", RetryCount: 0 },
      StateMachine: { Id: "arn:aws:states:us-east-1:123456789012:stateMachine:M", Name: "M" },
    };
    const whole = await testState({
      definition: lone({ Type: "Pass", Parameters: { "all.$": "$$", "values.$": "$$.Execution.Input.values" }, End: true }),
      context: JSON.stringify(given),
    });
    expect(JSON.parse(whole.output!)).toEqual({ all: given, values: [1, 2] });
    const empty = await testState({ definition: lone({ Type: "Pass", Parameters: { "all.$": "$$" }, End: true }), context: "{}" });
    expect(JSON.parse(empty.output!)).toEqual({ all: {} });
    const sections = await testState({ definition: lone({ Type: "Pass", QueryLanguage: "JSONata", Output: "{% $states.context %}", End: true }), context: '{"Execution": {}, "State": {}, "StateMachine": {}}' });
    expect(JSON.parse(sections.output!)).toEqual({ Execution: {}, State: {}, StateMachine: {} });
    // An unset member is missing, not defaulted.
    const missing = await testState({ definition: lone({ Type: "Pass", Parameters: { "name.$": "$$.State.Name" }, End: true }), context: '{"State": {}}' });
    expect(missing).toMatchObject({ status: "FAILED", error: "States.Runtime" });

    const role = await testState({ definition: lone({ Type: "Pass", Parameters: { "role.$": "$$.Execution.RoleArn", "state.$": "$$.State.Name" }, End: true }), roleArn: "arn:aws:iam::123456789012:role/tester" });
    expect(JSON.parse(role.output!)).toEqual({ role: "arn:aws:iam::123456789012:role/tester", state: "TestState" });
  });

  it("context.Task.Token is the token of a .waitForTaskToken Task", async () => {
    const out = await testState({
      definition: lone({ Type: "Task", Resource: "arn:aws:states:::sqs:sendMessage.waitForTaskToken", Parameters: { QueueUrl: "q", MessageBody: { "TaskToken.$": "$$.Task.Token" } }, End: true }),
      context: '{"Task": {"Token": "abcd123"}}',
      mock: { result: '{"ok": true}' },
      inspectionLevel: "DEBUG",
    });
    expect(out).toHaveInspection({ afterParameters: { QueueUrl: "q", MessageBody: { TaskToken: "abcd123" } } });
  });

  it("$$.Map.Item: the first iteration for a state inside a Map tested without a context; a context cannot set it, as on AWS", async () => {
    const definition = machine({
      Fan: { Type: "Map", ItemProcessor: { StartAt: "Each", States: { Each: { Type: "Pass", Parameters: { "index.$": "$$.Map.Item.Index", "value.$": "$$.Map.Item.Value" }, End: true } } }, End: true },
    });
    expect(await testState({ definition, stateName: "Each", input: '"a"' })).toEqual({ status: "SUCCEEDED", output: '{"index":0,"value":"a"}' });
    expect((await rejection({ definition, stateName: "Each", context: '{"Map": {"Item": {"Index": 3, "Value": "d"}}}' })).message).toBe(
      "Invalid Context object provided: 'Map' field is not supported when mocking a Context object",
    );
  });

  it("a Map evaluating its ItemSelector with a context sees the context and its Map.Item", async () => {
    const out = await testState({
      definition: lone({ Type: "Map", ItemSelector: { "name.$": "$$.Execution.Name", "item.$": "$$.Map.Item.Value" }, ItemProcessor: { StartAt: "P", States: { P: { Type: "Pass", End: true } } }, End: true }),
      input: '["x"]',
      context: '{"Execution": {"Name": "e-9"}}',
    });
    expect(JSON.parse(out.output!)).toEqual([{ name: "e-9", item: "x" }]);
  });

  it("refuses a context AWS refuses, with AWS's messages", async () => {
    const pass = lone({ Type: "Pass", End: true });
    const cases: [string, string][] = [
      ['{"Execution": {"Id": 1}}', "Invalid Context object provided: Execution.Id must be a string"],
      ['{"Execution": {"pokemon": "squirtle"}}', "Invalid Context object provided: Field 'pokemon' is not allowed"],
      ['{"Pokedex": {}}', "Invalid Context object provided: Field 'Pokedex' is not allowed"],
      ['{"Map": {}}', "Invalid Context object provided: 'Map' field is not supported when mocking a Context object"],
      ['{"State": {"RetryCount": 1.5}}', "Invalid Context object provided: State.RetryCount must be an integer"],
      ['{"StateMachine": []}', "Invalid Context object provided: StateMachine must be an object"],
      ['{"Task": {"Token": "t"}}', "Invalid Context object provided: Context object contains 'Task' when state is not a Task state with a '.sync' or '.waitForTaskToken' service integration pattern"],
    ];
    for (const [context, message] of cases) {
      const e = await rejection({ definition: pass, context });
      expect([e.code, e.message], context).toEqual(["ValidationException", message]);
    }
  });

  it("refuses bad requests with AWS's error codes and a message saying what to fix", async () => {
    const pass = lone({ Type: "Pass", End: true });
    const cases: [TestStateInput, TestStateRequestError["code"], RegExp][] = [
      [{ definition: "{not json" }, "InvalidDefinition", /'definition' is not valid JSON/],
      [{ definition: "[]" }, "InvalidDefinition", /JSON text of a state or of a state machine/],
      [{ definition: undefined }, "InvalidDefinition", /JSON text of a state/],
      [{ definition: '{"Comment": "x"}' }, "InvalidDefinition", /neither a state/],
      [{ definition: lone({ Type: "Pass", Next: 3 }) }, "InvalidDefinition", /Invalid State Machine Definition/],
      [{ definition: machine({ A: { Type: "Pass", Next: "Nowhere" } }), stateName: "A" }, "InvalidDefinition", /Nowhere/],
      [{ definition: pass, stateName: "A" }, "ValidationException", /needs a whole state machine definition/],
      [{ definition: machine({ A: { Type: "Pass", End: true } }), stateName: "B" }, "ValidationException", /'B' names no state of the definition. Its top-level states: 'A'/],
      [{ definition: pass, input: "{oops" }, "InvalidExecutionInput", /'input' is not valid JSON/],
      [{ definition: pass, variables: "[1]" }, "ValidationException", /'variables' must be the JSON text of an object/],
      [{ definition: pass, variables: '{"no-dashes": 1}' }, "ValidationException", /'variables': .*no-dashes/],
      [{ definition: pass, inspectionLevel: "LOUD" as "INFO" }, "ValidationException", /inspectionLevel must be INFO, DEBUG or TRACE/],
      [{ definition: pass, stateConfiguration: { retrierRetryCount: -1 } }, "ValidationException", /retrierRetryCount must be a whole number/],
      [{ definition: pass, context: '{"Execution": {"StartTime": "yesterday"}}' }, "ValidationException", /Execution.StartTime must be an ISO 8601 timestamp/],
      [{ definition: pass, context: "5" }, "ValidationException", /'context' must be the JSON text of an object/],
      [{ definition: pass, stateName: 5 as never }, "ValidationException", /stateName must be a string/],
      [{ definition: pass, stateConfiguration: "x" as never }, "ValidationException", /stateConfiguration must be an object/],
      [null as never, "ValidationException", /must be an object with at least 'definition'/],
    ];
    for (const [request, code, message] of cases) {
      const e = await rejection(request);
      expect(e.code, JSON.stringify(request)).toBe(code);
      expect(e.message, JSON.stringify(request)).toMatch(message);
    }
  });

  it("a machine without stateName tests its StartAt state", async () => {
    expect(await testState({ definition: machine({ First: { Type: "Pass", Result: 1, Next: "Second" }, Second: { Type: "Succeed" } }) })).toEqual({ status: "SUCCEEDED", output: "1", nextState: "Second" });
  });
});
