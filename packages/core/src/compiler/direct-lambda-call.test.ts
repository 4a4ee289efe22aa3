// A JSONPath lambda() Task with resultField and no output calls its function by ARN, so that
// ResultPath places the handler's payload itself (issue #14, item 8).
import { describe, expect, it } from "vitest";
import { lambda, typeOnly, workflow, type QueryLanguage } from "../index.ts";
import { lambdaFunctionResource } from "./direct-lambda-call.ts";

interface Claim {
  readonly id: string;
  readonly amount: number;
}

const score = lambda("Score", {
  entry: "./score.ts",
  handler: async () => async (event: { readonly id: string }) => ({ risk: event.id.length, band: "low" as const }),
  errors: ["Unscorable"] as const,
});

const flow = (queryLanguage: QueryLanguage) => workflow("Claims", { input: typeOnly<Claim>(), queryLanguage });

describe("JSONPath lambda() with resultField and no output", () => {
  it("calls the function by ARN and puts its payload under the field with ResultPath", () => {
    const built = flow("JSONPath").startWith(flow("JSONPath").task("Score", score, { arguments: ($) => ({ id: $.input.id }), resultField: "score" }));
    const { asl, diagnostics } = built.compile();
    expect(diagnostics).toEqual([]);
    expect(asl.States["Score"]).toEqual({
      Type: "Task",
      Resource: "arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:function:Score",
      Parameters: { "id.$": "$.id" },
      ResultPath: "$.score",
      End: true,
    });
  });

  it("sends the whole input without Parameters", () => {
    const whole = flow("JSONPath").task("Score", score, { resultField: ["audit", "score"] });
    expect(flow("JSONPath").startWith(whole).toAsl().States["Score"]).toEqual({
      Type: "Task",
      Resource: "arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:function:Score",
      ResultPath: "$.audit.score",
      End: true,
    });
  });

  it("reads Assign from the payload itself, keeps Retry, Catch and timeouts", () => {
    const f = flow("JSONPath");
    const chain = f.task("Score", score, {
      arguments: ($) => ({ id: $.input.id }),
      resultField: "score",
      assign: ($) => ({ risk: $.result.risk }),
      timeoutSeconds: 30,
      retry: [{ errors: ["Unscorable"], maxAttempts: 2 }],
      catch: [{ errors: ["States.ALL"], next: (s) => s.succeed("Gave up") }],
    });
    expect(f.startWith(chain).toAsl().States["Score"]).toEqual({
      Type: "Task",
      Resource: "arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:function:Score",
      Parameters: { "id.$": "$.id" },
      TimeoutSeconds: 30,
      ResultPath: "$.score",
      Assign: { "risk.$": "$.risk" },
      Retry: [{ ErrorEquals: ["Unscorable"], MaxAttempts: 2 }],
      Catch: [{ ErrorEquals: ["States.ALL"], Next: "Gave up" }],
      End: true,
    });
  });

  it("keeps lambda:invoke with a ResultSelector when an object output is given, and everywhere without resultField", () => {
    const f = flow("JSONPath");
    const selected = f.task("Score", score, { arguments: ($) => ({ id: $.input.id }), output: ($) => ({ risk: $.result.risk }), resultField: "score" });
    expect(f.startWith(selected).toAsl().States["Score"]).toMatchObject({
      Resource: "arn:aws:states:::lambda:invoke",
      ResultSelector: { "risk.$": "$.Payload.risk" },
      ResultPath: "$.score",
    });
    const replaced = f.task("Score", score, { arguments: ($) => ({ id: $.input.id }) });
    expect(f.startWith(replaced).toAsl().States["Score"]).toMatchObject({ Resource: "arn:aws:states:::lambda:invoke", OutputPath: "$.Payload" });
  });

  it("leaves a callback function on lambda:invoke.waitForTaskToken", () => {
    const ask = lambda("Ask", {
      entry: "./ask.ts",
      handler: async () => async (_event: { readonly token: string }) => ({}),
      pattern: "waitForTaskToken",
      callbackOutput: typeOnly<{ readonly ok: boolean }>(),
    });
    const f = flow("JSONPath");
    const chain = f.task("Ask", ask, { arguments: ($) => ({ token: $.context.Task.Token }), resultField: "answer" });
    expect(f.startWith(chain).toAsl().States["Ask"]).toMatchObject({ Resource: "arn:aws:states:::lambda:invoke.waitForTaskToken", ResultPath: "$.answer" });
  });

  it("leaves JSONata unchanged: lambda:invoke and $states.result.Payload", () => {
    const f = flow("JSONata");
    const chain = f.task("Score", score, { arguments: ($) => ({ id: $.input.id }), resultField: "score" });
    expect(f.startWith(chain).toAsl().States["Score"]).toEqual({
      Type: "Task",
      Resource: "arn:aws:states:::lambda:invoke",
      Arguments: { FunctionName: "Score", Payload: { id: "{% $states.input.id %}" } },
      Output: '{% $merge([$states.input, {"score": $states.result.Payload}]) %}',
      End: true,
    });
  });

  it("decides per state: a JSONata state of a JSONPath workflow keeps lambda:invoke", () => {
    const f = flow("JSONPath");
    const chain = f.task("Score", score, { arguments: ($) => ({ id: $.input.id }), resultField: "score", queryLanguage: "JSONata" });
    expect(f.startWith(chain).toAsl().States["Score"]).toMatchObject({
      QueryLanguage: "JSONata",
      Resource: "arn:aws:states:::lambda:invoke",
      Output: '{% $merge([$states.input, {"score": $states.result.Payload}]) %}',
    });
  });
});

describe("lambdaFunctionResource", () => {
  it("keeps a full ARN (qualified or not) and a substitution as they are", () => {
    expect(lambdaFunctionResource("arn:aws:lambda:eu-west-1:123456789012:function:score")).toBe("arn:aws:lambda:eu-west-1:123456789012:function:score");
    expect(lambdaFunctionResource("arn:aws-cn:lambda:cn-north-1:123456789012:function:score:live")).toBe("arn:aws-cn:lambda:cn-north-1:123456789012:function:score:live");
    expect(lambdaFunctionResource("${ScoreArn}")).toBe("${ScoreArn}");
  });

  it("leaves what a name or partial ARN does not say to the deployment's pseudo parameters", () => {
    expect(lambdaFunctionResource("score:live")).toBe("arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:function:score:live");
    expect(lambdaFunctionResource("123456789012:function:score")).toBe("arn:${AWS::Partition}:lambda:${AWS::Region}:123456789012:function:score");
  });
});
