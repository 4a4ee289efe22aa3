import { describe, expect, it } from "vitest";
import { prepareStateMachine } from "../engine/machine.ts";
import { isLambdaFunctionArn, parseLambdaFunction } from "./lambda-arn.ts";

describe("Lambda function references", () => {
  it("parses full ARNs, partial ARNs and names, with qualifiers", () => {
    expect(parseLambdaFunction("arn:aws:lambda:eu-west-1:111122223333:function:f:prod")).toEqual({
      region: "eu-west-1",
      accountId: "111122223333",
      name: "f",
      qualifier: "prod",
    });
    expect(parseLambdaFunction("111122223333:function:f")).toMatchObject({ name: "f", accountId: "111122223333" });
    expect(parseLambdaFunction("my-fn:$LATEST")).toMatchObject({ name: "my-fn", qualifier: "$LATEST" });
    expect(parseLambdaFunction("not a function")).toBeUndefined();
  });

  it("recognises a bare function ARN as a Task resource", () => {
    expect(isLambdaFunctionArn("arn:aws:lambda:us-east-1:123456789012:function:f")).toBe(true);
    expect(isLambdaFunctionArn("arn:aws:states:::lambda:invoke")).toBe(false);
  });
});

describe("qualified Lambda ARNs as a Task Resource", () => {
  const FN = "arn:aws:lambda:us-east-1:123456789012:function:charge";
  const machine = (resource: string, tasks: Record<string, (event: unknown) => unknown>) =>
    prepareStateMachine({ StartAt: "T", States: { T: { Type: "Task", Resource: resource, End: true } } }, { tasks, region: "us-east-1", accountId: "123456789012" });

  it("a version, an alias or $LATEST calls the function bound by its unqualified ARN or its name", async () => {
    for (const qualifier of ["$LATEST", "7", "live"]) {
      expect((await machine(`${FN}:${qualifier}`, { [FN]: () => qualifier }).run({})).output).toBe(qualifier);
      expect((await machine(`${FN}:${qualifier}`, { charge: () => qualifier }).run({})).output).toBe(qualifier);
    }
  });

  it("a binding for the qualified ARN itself wins", async () => {
    const r = await machine(`${FN}:live`, { [FN]: () => "any", [`${FN}:live`]: () => "live only" }).run({});
    expect(r.output).toBe("live only");
  });

  it("an unbound qualified function fails naming the qualifier, as Lambda does", async () => {
    const r = await machine(`${FN}:live`, { other: () => 1 }).run({});
    expect(r.error).toBe("Lambda.ResourceNotFoundException");
    expect(r.cause).toMatch(/^Function not found: arn:aws:lambda:us-east-1:123456789012:function:charge:live /);
  });
});

