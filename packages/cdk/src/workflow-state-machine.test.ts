import { fileURLToPath } from "node:url";
import { App, Duration, RemovalPolicy, Stack } from "aws-cdk-lib";
import { Annotations, Match, type Template } from "aws-cdk-lib/assertions";
import { PolicyStatement, Role, ServicePrincipal } from "aws-cdk-lib/aws-iam";
import { Code, Function as LambdaFunction, Runtime } from "aws-cdk-lib/aws-lambda";
import { LogGroup } from "aws-cdk-lib/aws-logs";
import { LogLevel, StateMachineType } from "aws-cdk-lib/aws-stepfunctions";
import { lambda, typeOnly, workflow } from "@stepcraft/core";
import { describe, expect, it } from "vitest";
import { WorkflowStateMachine } from "./index.ts";
import type { WorkflowStateMachineProps } from "./index.ts";
import { placeOrder, reserve, review } from "./test-fixtures/order-workflow.ts";
import { ACCOUNT, REGION, flatten, logicalId, renderDefinition, roleStatements, synthesize } from "./test-fixtures/synth.ts";

const RESERVE_ARN = `arn:aws:lambda:${REGION}:${ACCOUNT}:function:reserve-stock`;
const REVIEW_ARN = `arn:aws:lambda:${REGION}:${ACCOUNT}:function:order-review`;

/** The compiled ASL with each task's FunctionName replaced as the template will after substitution. */
function withFunctionNames(asl: unknown, names: Readonly<Record<string, string>>): unknown {
  return JSON.parse(JSON.stringify(asl), (key, value: unknown) => (key === "FunctionName" && typeof value === "string" ? (names[value] ?? value) : value));
}

/** The directory the fixtures' `entry` paths are relative to. */
const SRC = fileURLToPath(new URL(".", import.meta.url));

/** esbuild runs once per bundled function; on a loaded machine that outlasts vitest's 10 s default. */
const BUNDLING_TIMEOUT = 60_000;

/** Runs `build` with Docker made unusable, so bundling must use the local esbuild. */
function withLocalBundling<T>(build: () => T): T {
  const before = process.env["CDK_DOCKER"];
  process.env["CDK_DOCKER"] = "/nonexistent/docker";
  try {
    return build();
  } finally {
    if (before === undefined) delete process.env["CDK_DOCKER"];
    else process.env["CDK_DOCKER"] = before;
  }
}

const passOnly = { StartAt: "Done", States: { Done: { Type: "Succeed" } } };

describe("WorkflowStateMachine: the deployed definition", () => {
  for (const queryLanguage of ["JSONata", "JSONPath"] as const) {
    it(`equals the compiled ${queryLanguage} workflow once CloudFormation substitutes the functions`, () => {
      const flow = placeOrder(queryLanguage);
      const { template } = synthesize((stack) => {
        new WorkflowStateMachine(stack, "PlaceOrder", {
          definition: flow,
          functions: { ReserveStock: RESERVE_ARN, "order-review": LambdaFunction.fromFunctionArn(stack, "Review", REVIEW_ARN) },
        });
      });
      expect(renderDefinition(template)).toEqual(withFunctionNames(flow.toAsl(), { ReserveStock: RESERVE_ARN, "order-review": REVIEW_ARN }));
      // Everything a token stands for lives in DefinitionSubstitutions; the definition itself is one plain string.
      template.hasResourceProperties("AWS::StepFunctions::StateMachine", {
        DefinitionString: Match.stringLikeRegexp('"FunctionName":"\\$\\{fn_ReserveStock\\}"'),
        DefinitionSubstitutions: { fn_ReserveStock: RESERVE_ARN, fn_order_review: REVIEW_ARN },
      });
    });
  }

  it("deploys a raw ASL object and the same ASL as JSON text unchanged", () => {
    const asl = {
      Comment: "raw",
      StartAt: "Notify",
      States: { Notify: { Type: "Task", Resource: "arn:aws:states:::sns:publish", Parameters: { TopicArn: `arn:aws:sns:${REGION}:${ACCOUNT}:orders`, "Message.$": "$" }, End: true } },
    };
    for (const definition of [asl, JSON.stringify(asl)]) {
      const { template } = synthesize((stack) => new WorkflowStateMachine(stack, "Raw", { definition }));
      expect(renderDefinition(template)).toEqual(asl);
    }
  });

  it("replaces the definition's TimeoutSeconds with the timeout option", () => {
    const { template } = synthesize((stack) => new WorkflowStateMachine(stack, "M", { definition: { ...passOnly, TimeoutSeconds: 30 }, timeout: Duration.minutes(2) }));
    expect(renderDefinition(template)).toEqual({ ...passOnly, TimeoutSeconds: 120 });
  });

  it("keeps the caller's own substitutions (tokens included) next to the wired functions", () => {
    const asl = { StartAt: "Put", States: { Put: { Type: "Task", Resource: "arn:aws:states:::dynamodb:putItem", Parameters: { TableName: "${Table}", Item: {} }, End: true } } };
    const { template, stack } = synthesize((stack) => {
      const table = new LogGroup(stack, "StandIn"); // any resource with a token attribute
      new WorkflowStateMachine(stack, "M", { definition: asl, definitionSubstitutions: { Table: table.logGroupName }, logging: false });
    });
    const standIn = stack.node.findChild("StandIn") as LogGroup;
    expect(renderDefinition(template)).toEqual({ ...asl, States: { Put: { ...asl.States.Put, Parameters: { TableName: `\${${logicalId(standIn)}}`, Item: {} } } } });
  });
});

/** What synth throws for a machine built from `definition` (empty when it does not throw). */
function synthError(definition: WorkflowStateMachineProps["definition"], stateMachineType: "STANDARD" | "EXPRESS" = "STANDARD"): string {
  const app = new App();
  new WorkflowStateMachine(new Stack(app, "Test"), "M", { definition, stateMachineType, logging: false });
  try {
    app.synth();
    return "";
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

describe("WorkflowStateMachine: diagnostics at synth", () => {
  it("fails synth on an invalid definition, naming the construct's path and the diagnostic code", () => {
    const app = new App();
    const stack = new Stack(app, "Test");
    new WorkflowStateMachine(stack, "Broken", { definition: { StartAt: "A", States: { A: { Type: "Pass", Next: "Nowhere" } } } });
    expect(() => app.synth()).toThrow(/Test\/Broken[\s\S]*MISSING_TRANSITION_TARGET at \/States\/A\/Next/);
  });

  it("validates for the machine type: `.sync` fails an Express machine and passes a Standard one", () => {
    const definition = {
      StartAt: "Child",
      States: { Child: { Type: "Task", Resource: "arn:aws:states:::states:startExecution.sync:2", Parameters: { StateMachineArn: `arn:aws:states:${REGION}:${ACCOUNT}:stateMachine:Child` }, End: true } },
    };
    const express = new App();
    new WorkflowStateMachine(new Stack(express, "Test"), "Fast", { definition, stateMachineType: "EXPRESS" });
    expect(() => express.synth()).toThrow(/Test\/Fast[\s\S]*SCHEMA_VALIDATION_FAILED at \/States\/Child\/Resource: Express state machine does not support '\.sync'/);
    expect(() => synthesize((stack) => new WorkflowStateMachine(stack, "Slow", { definition }))).not.toThrow();
  });

  it("fails synth with the builder's diagnostics when a workflow does not compile", () => {
    const flow = workflow("Loop", { input: typeOnly<{ readonly a: number }>(), queryLanguage: "JSONata" });
    const first = flow.pass("Same");
    const broken = flow.startWith(first.then(flow.pass("Same")).then(flow.succeed("End")));
    expect(broken.compile().diagnostics.some((d) => d.severity === "error")).toBe(true);
    const app = new App();
    new WorkflowStateMachine(new Stack(app, "Test"), "Loop", { definition: broken });
    expect(() => app.synth()).toThrow(/Test\/Loop[\s\S]*DUPLICATE_STATE_NAME/);
  });

  it("reports only the real diagnostics of JSON text that is an invalid definition", () => {
    const text = JSON.stringify({ StartAt: "A", States: { A: { Type: "Pass", Next: "Nowhere" } } });
    const message = synthError(text);
    expect(message).toMatch(/Test\/M[\s\S]*MISSING_TRANSITION_TARGET at \/States\/A\/Next/);
    // The construct once validated an empty stand-in too, adding this finding about fields the text has.
    expect(message).not.toMatch(/These fields are required|SCHEMA_VALIDATION_FAILED at \//);
  });

  it("validates JSON text for the machine type, once", () => {
    const text = JSON.stringify({
      StartAt: "Child",
      States: { Child: { Type: "Task", Resource: "arn:aws:states:::states:startExecution.sync:2", Parameters: { StateMachineArn: `arn:aws:states:${REGION}:${ACCOUNT}:stateMachine:Child` }, End: true } },
    });
    const message = synthError(text, "EXPRESS");
    expect(message.match(/Express state machine does not support '\.sync'/g)).toHaveLength(1);
  });

  it("reports only the syntax error of text that is not JSON, and only what a throwing toAsl() says", () => {
    const notJson = synthError('{ "StartAt": ');
    expect(notJson).toMatch(/INVALID_JSON_DESCRIPTION at \/: Invalid JSON at line 1/);
    expect(notJson).not.toMatch(/SCHEMA_VALIDATION_FAILED/);
    const throwing = synthError({ toAsl: (): never => { throw new Error("no ASL today"); } });
    expect(throwing).toMatch(/COMPILE_FAILED at \/: no ASL today/);
    expect(throwing).not.toMatch(/SCHEMA_VALIDATION_FAILED/);
  });

  it("fails synth on JSON text that is not a definition", () => {
    const app = new App();
    new WorkflowStateMachine(new Stack(app, "Test"), "Text", { definition: "{ not json" });
    expect(() => app.synth()).toThrow(/Test\/Text[\s\S]*INVALID_JSON_DESCRIPTION/);
  });

  it("turns warnings into annotations on the construct instead of failing", () => {
    const definition = { StartAt: "Call", States: { Call: { Type: "Task", Resource: "arn:aws:states:::lambda:invoke", Parameters: { FunctionName: RESERVE_ARN, Payload: "$.order" }, End: true } } };
    const { stack } = synthesize((stack) => new WorkflowStateMachine(stack, "M", { definition }));
    Annotations.fromStack(stack).hasWarning("/Test/M", Match.stringLikeRegexp("NO_DOLLAR at /States/Call/Parameters/Payload"));
  });

  it("warns about a placeholder no substitution fills", () => {
    const definition = { StartAt: "Put", States: { Put: { Type: "Task", Resource: "arn:aws:states:::sqs:sendMessage", Parameters: { QueueUrl: "${QueueUrl}", MessageBody: "x" }, End: true } } };
    const { stack } = synthesize((stack) => new WorkflowStateMachine(stack, "M", { definition }));
    Annotations.fromStack(stack).hasWarning("/Test/M", Match.stringLikeRegexp("placeholder \\$\\{QueueUrl\\}, but no definition substitution is named QueueUrl"));
  });

  it("warns about a function name nothing wires, and about a mapping nothing calls", () => {
    const definition = { StartAt: "Call", States: { Call: { Type: "Task", Resource: "arn:aws:states:::lambda:invoke", Parameters: { FunctionName: "Unknown", "Payload.$": "$" }, End: true } } };
    const { stack } = synthesize((stack) => new WorkflowStateMachine(stack, "M", { definition, functions: { Unused: RESERVE_ARN } }));
    const annotations = Annotations.fromStack(stack);
    annotations.hasWarning("/Test/M", Match.stringLikeRegexp('/States/Call calls the function "Unknown"'));
    annotations.hasWarning("/Test/M", Match.stringLikeRegexp('function "Unused" is given but no task of the definition calls it'));
  });
});

describe("WorkflowStateMachine: type, logging, tracing", () => {
  it("creates an Express machine that logs everything to a vended-logs group by default", () => {
    const { template } = synthesize((stack) => new WorkflowStateMachine(stack, "Fast", { definition: passOnly, stateMachineType: "EXPRESS" }));
    template.hasResourceProperties("AWS::Logs::LogGroup", { LogGroupName: Match.stringLikeRegexp("^/aws/vendedlogs/states/"), RetentionInDays: 30 });
    const [logGroupId] = Object.keys(template.findResources("AWS::Logs::LogGroup"));
    template.hasResourceProperties("AWS::StepFunctions::StateMachine", {
      StateMachineType: "EXPRESS",
      LoggingConfiguration: { Level: "ALL", IncludeExecutionData: false, Destinations: [{ CloudWatchLogsLogGroup: { LogGroupArn: { "Fn::GetAtt": [logGroupId, "Arn"] } } }] },
      TracingConfiguration: { Enabled: false },
    });
  });

  it("creates a Standard machine logging errors by default", () => {
    const { template } = synthesize((stack) => new WorkflowStateMachine(stack, "Slow", { definition: passOnly }));
    template.hasResourceProperties("AWS::StepFunctions::StateMachine", { StateMachineType: "STANDARD", LoggingConfiguration: { Level: "ERROR", IncludeExecutionData: false } });
  });

  it("logs to a given group at a given level with execution data, and traces with X-Ray", () => {
    const { template, stack } = synthesize((stack) => {
      const destination = new LogGroup(stack, "Mine");
      new WorkflowStateMachine(stack, "M", { definition: passOnly, logging: { destination, level: LogLevel.ALL, includeExecutionData: true }, tracing: true, stateMachineName: "orders" });
    });
    template.resourceCountIs("AWS::Logs::LogGroup", 1);
    template.hasResourceProperties("AWS::StepFunctions::StateMachine", {
      StateMachineName: "orders",
      LoggingConfiguration: { Level: "ALL", IncludeExecutionData: true, Destinations: [{ CloudWatchLogsLogGroup: { LogGroupArn: { "Fn::GetAtt": [logicalId(stack.node.findChild("Mine")), "Arn"] } } }] },
      TracingConfiguration: { Enabled: true },
    });
    template.hasResourceProperties("AWS::IAM::Policy", {
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Action: ["xray:PutTraceSegments", "xray:PutTelemetryRecords", "xray:GetSamplingRules", "xray:GetSamplingTargets"] })]) },
    });
  });

  it("accepts the L2's StateMachineType enum, and applies the removal policy to the log group it creates", () => {
    const { template } = synthesize((stack) => new WorkflowStateMachine(stack, "M", { definition: passOnly, stateMachineType: StateMachineType.EXPRESS, removalPolicy: RemovalPolicy.DESTROY }));
    template.hasResourceProperties("AWS::StepFunctions::StateMachine", { StateMachineType: "EXPRESS" });
    template.hasResource("AWS::Logs::LogGroup", { DeletionPolicy: "Delete" });
  });

  it("turns logging off with `logging: false`", () => {
    const { template } = synthesize((stack) => new WorkflowStateMachine(stack, "M", { definition: passOnly, logging: false }));
    template.resourceCountIs("AWS::Logs::LogGroup", 0);
    template.hasResourceProperties("AWS::StepFunctions::StateMachine", { LoggingConfiguration: Match.absent() });
  });
});

describe("WorkflowStateMachine: grants", () => {
  it("delegates every grant to the state machine, scoped to its ARN and executions", () => {
    let machine: WorkflowStateMachine | undefined;
    const { template, stack } = synthesize((stack) => {
      machine = new WorkflowStateMachine(stack, "M", { definition: passOnly, logging: false, stateMachineName: "orders" });
      const caller = new Role(stack, "Caller", { assumedBy: new ServicePrincipal("lambda.amazonaws.com") });
      machine.grantStartExecution(caller);
      machine.grantStartSyncExecution(caller);
      machine.grantRead(caller);
      machine.grantTaskResponse(caller);
      machine.grantExecution(caller, "states:StopExecution");
      machine.grant(caller, "states:DescribeStateMachine");
    });
    const statements = Object.values(roleStatements(template, logicalId(stack.node.findChild("Caller")))).flat();
    const self = `\${${logicalId(machine?.stateMachine ?? stack)}}`;
    // The L2 takes the name out of the ARN token (stateMachineName is only known after deployment).
    const executions = `arn:aws:states:${REGION}:${ACCOUNT}:execution:\${select(6, \${split(:, ${self})})}:*`;
    expect(statements).toEqual(
      expect.arrayContaining([
        { Action: "states:StartExecution", Effect: "Allow", Resource: self },
        { Action: "states:StartSyncExecution", Effect: "Allow", Resource: self },
        { Action: ["states:SendTaskSuccess", "states:SendTaskFailure", "states:SendTaskHeartbeat"], Effect: "Allow", Resource: self },
        { Action: "states:StopExecution", Effect: "Allow", Resource: executions },
        { Action: "states:DescribeStateMachine", Effect: "Allow", Resource: self },
        expect.objectContaining({ Action: expect.arrayContaining(["states:ListExecutions", "states:ListStateMachines"]) }),
        expect.objectContaining({ Action: expect.arrayContaining(["states:DescribeExecution", "states:GetExecutionHistory"]), Resource: executions }),
      ]),
    );
  });

  it("exposes the L2 machine, its ARN, name and role", () => {
    const { stack } = synthesize((stack) => new WorkflowStateMachine(stack, "M", { definition: passOnly }));
    const machine = stack.node.findChild("M") as WorkflowStateMachine;
    expect(machine.node.defaultChild).toBe(machine.stateMachine);
    expect(stack.resolve(machine.stateMachineArn)).toEqual({ Ref: logicalId(machine.stateMachine) });
    expect(stack.resolve(machine.role.roleArn)).toEqual({ "Fn::GetAtt": [expect.stringMatching(/^MRole/), "Arn"] });
    expect(flatten(stack.resolve(machine.stateMachineName))).toEqual(`\${${logicalId(machine.stateMachine)}.Name}`);
  });
});

describe("WorkflowStateMachine: declared lambdas", () => {
  it("maps a declaration's name to the function core's functionName option calls", () => {
    const { template } = synthesize((stack) => {
      new WorkflowStateMachine(stack, "M", {
        definition: placeOrder("JSONata"),
        // Given functions win over declarations: nothing is bundled here.
        lambdas: [reserve, review],
        functions: { ReserveStock: RESERVE_ARN, "order-review": REVIEW_ARN },
      });
    });
    template.resourceCountIs("AWS::Lambda::Function", 0);
    template.hasResourceProperties("AWS::StepFunctions::StateMachine", { DefinitionSubstitutions: { fn_ReserveStock: RESERVE_ARN, fn_order_review: REVIEW_ARN } });
  });

  it("also accepts a mapping by the declaration's lambda name when core's functionName differs", () => {
    const { template } = synthesize((stack) => {
      new WorkflowStateMachine(stack, "M", { definition: placeOrder("JSONPath"), lambdas: [reserve, review], functions: { ReserveStock: RESERVE_ARN, ReviewOrder: REVIEW_ARN } });
    });
    template.resourceCountIs("AWS::Lambda::Function", 0);
    template.hasResourceProperties("AWS::StepFunctions::StateMachine", { DefinitionSubstitutions: { fn_ReserveStock: RESERVE_ARN, fn_order_review: REVIEW_ARN } });
  });

  it("bundles the workflow's own lambdas (workflow.lambdas) when `lambdas` is not given", () => {
    const flow = placeOrder("JSONata");
    const { template, stack } = withLocalBundling(() =>
      synthesize((stack) => new WorkflowStateMachine(stack, "M", { definition: flow, entryRoot: SRC, logging: false })),
    );
    const machine = stack.node.findChild("M") as WorkflowStateMachine;
    expect([...machine.functions.keys()]).toEqual(["ReserveStock", "order-review"]);
    template.resourceCountIs("AWS::Lambda::Function", 2);
    expect(Annotations.fromStack(stack).findWarning("*", Match.stringLikeRegexp("UNWIRED_FUNCTION"))).toEqual([]);
  }, BUNDLING_TIMEOUT);

  it("bundles only the workflow's lambdas that `functions` does not give", () => {
    const { template, stack } = withLocalBundling(() =>
      synthesize((stack) => new WorkflowStateMachine(stack, "M", { definition: placeOrder("JSONPath"), functions: { ReserveStock: RESERVE_ARN }, entryRoot: SRC, logging: false })),
    );
    const machine = stack.node.findChild("M") as WorkflowStateMachine;
    expect([...machine.functions.keys()]).toEqual(["order-review"]);
    template.resourceCountIs("AWS::Lambda::Function", 1);
    template.hasResourceProperties("AWS::StepFunctions::StateMachine", { DefinitionSubstitutions: Match.objectLike({ fn_ReserveStock: RESERVE_ARN }) });
  }, BUNDLING_TIMEOUT);

  it("keeps an explicit `lambdas` in charge: an empty list deploys none of the workflow's", () => {
    const { template, stack } = synthesize((stack) => new WorkflowStateMachine(stack, "M", { definition: placeOrder("JSONata"), lambdas: [], logging: false }));
    template.resourceCountIs("AWS::Lambda::Function", 0);
    const warnings = Annotations.fromStack(stack).findWarning("/Test/M", Match.stringLikeRegexp("UNWIRED_FUNCTION"));
    expect(warnings).toHaveLength(2);
  });

  it("uses extra policy statements, and none of its own when automatic grants are off", () => {
    const { template, stack } = synthesize((stack) => {
      new WorkflowStateMachine(stack, "M", {
        definition: placeOrder("JSONata"),
        functions: { ReserveStock: RESERVE_ARN, "order-review": REVIEW_ARN },
        logging: false,
        grantTaskPermissions: false,
        policyStatements: [new PolicyStatement({ actions: ["lambda:InvokeFunction"], resources: [RESERVE_ARN] })],
      });
    });
    const machine = stack.node.findChild("M") as WorkflowStateMachine;
    expect(roleStatements(template, logicalId(machine.role))).toEqual({
      [Object.keys(template.findResources("AWS::IAM::Policy"))[0] ?? ""]: [{ Action: "lambda:InvokeFunction", Effect: "Allow", Resource: RESERVE_ARN }],
    });
  });
});

describe("WorkflowStateMachine: a JSONPath lambda() task with resultField (the function called by ARN)", () => {
  // core compiles it to `"Resource": "arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:function:ReserveStock"`.
  const flow = workflow("ReserveOne", { input: typeOnly<{ readonly sku: string; readonly qty: number }>(), queryLanguage: "JSONPath" });
  const reserving = flow.startWith(flow.task("Reserve", reserve, { arguments: ($) => ({ sku: $.input.sku, qty: $.input.qty }), resultField: "reservation" }));
  const machineStatements = (template: Template, stack: Stack) => Object.values(roleStatements(template, logicalId((stack.node.findChild("M") as WorkflowStateMachine).role))).flat();

  it("substitutes the given function's ARN for the whole Resource and grants invoking it", () => {
    let fnId = "";
    const { template, stack } = synthesize((stack) => {
      const fn = new LambdaFunction(stack, "Fn", { runtime: Runtime.NODEJS_22_X, handler: "index.handler", code: Code.fromInline("exports.handler = async () => ({})") });
      fnId = logicalId(fn);
      new WorkflowStateMachine(stack, "M", { definition: reserving, functions: { ReserveStock: fn }, logging: false });
    });
    template.hasResourceProperties("AWS::StepFunctions::StateMachine", {
      DefinitionString: Match.stringLikeRegexp('"Resource":"\\$\\{fn_ReserveStock\\}"'),
      DefinitionSubstitutions: { fn_ReserveStock: { "Fn::GetAtt": [fnId, "Arn"] } },
    });
    const arn = `\${${fnId}.Arn}`;
    expect(renderDefinition(template)).toEqual({ ...reserving.toAsl(), States: { Reserve: { ...reserving.toAsl().States["Reserve"], Resource: arn } } });
    expect(machineStatements(template, stack)).toEqual([{ Action: "lambda:InvokeFunction", Effect: "Allow", Resource: [arn, `${arn}:*`] }]);
  });

  it("substitutes a function given by ARN", () => {
    const { template, stack } = synthesize((stack) => new WorkflowStateMachine(stack, "M", { definition: reserving, functions: { ReserveStock: RESERVE_ARN }, logging: false }));
    expect(renderDefinition(template)).toMatchObject({ States: { Reserve: { Resource: RESERVE_ARN, ResultPath: "$.reservation" } } });
    expect(machineStatements(template, stack)).toEqual([{ Action: "lambda:InvokeFunction", Effect: "Allow", Resource: [RESERVE_ARN, `${RESERVE_ARN}:*`] }]);
  });

  it("calls a function nothing wires by its name in the stack's own partition, account and region, with a warning", () => {
    const { template, stack } = synthesize((stack) => new WorkflowStateMachine(stack, "M", { definition: reserving, lambdas: [], logging: false }));
    const named = `arn:aws:lambda:${REGION}:${ACCOUNT}:function:ReserveStock`;
    expect(renderDefinition(template)).toMatchObject({ States: { Reserve: { Resource: named } } });
    expect(JSON.stringify(template.toJSON())).not.toContain("AWS::Region}");
    expect(machineStatements(template, stack)).toEqual([{ Action: "lambda:InvokeFunction", Effect: "Allow", Resource: [named, `${named}:*`] }]);
    expect(Annotations.fromStack(stack).findWarning("/Test/M", Match.stringLikeRegexp("UNWIRED_FUNCTION"))).toHaveLength(1);
  });

  it("keeps the version or alias of a function nothing wires", () => {
    const live = lambda("Live", { entry: "./live.ts", handler: async () => async (_event: { readonly sku: string }) => ({ ok: true }), functionName: "reserve:live" });
    const calling = flow.startWith(flow.task("Reserve", live, { arguments: ($) => ({ sku: $.input.sku }), resultField: "reservation" }));
    const { template, stack } = synthesize((stack) => new WorkflowStateMachine(stack, "M", { definition: calling, lambdas: [], logging: false }));
    const named = `arn:aws:lambda:${REGION}:${ACCOUNT}:function:reserve`;
    expect(renderDefinition(template)).toMatchObject({ States: { Reserve: { Resource: `${named}:live` } } });
    expect(machineStatements(template, stack)).toEqual([{ Action: "lambda:InvokeFunction", Effect: "Allow", Resource: [named, `${named}:*`] }]);
  });
});

describe("WorkflowStateMachine: the template passes CloudFormation validation", () => {
  it("synthesizes a template that only holds the expected resource types", () => {
    const { template } = synthesize((stack) => new WorkflowStateMachine(stack, "M", { definition: passOnly }));
    expect(Object.values(template.toJSON()["Resources"] as Record<string, { Type: string }>).map((r) => r.Type).sort()).toEqual(
      ["AWS::IAM::Policy", "AWS::IAM::Role", "AWS::Logs::LogGroup", "AWS::StepFunctions::StateMachine"],
    );
  });
});
