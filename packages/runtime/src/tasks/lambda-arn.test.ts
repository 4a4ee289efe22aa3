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


describe("a function ARN whose partition, region and account are CloudFormation pseudo parameters", () => {
  // What @stepcraft/core writes for a function it knows only by name (JSONPath lambda() + resultField).
  const PSEUDO = "arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:function:charge";
  const machine = (resource: string, tasks: Record<string, (event: unknown) => unknown>) =>
    prepareStateMachine(
      { StartAt: "T", States: { T: { Type: "Task", Resource: resource, ResultPath: "$.receipt", End: true } } },
      { tasks, region: "eu-west-1", accountId: "111122223333" },
    );

  it("parses as the runtime's own region and account", () => {
    expect(isLambdaFunctionArn(PSEUDO)).toBe(true);
    expect(parseLambdaFunction(`${PSEUDO}:live`)).toEqual({ region: undefined, accountId: undefined, name: "charge", qualifier: "live" });
    expect(parseLambdaFunction("arn:${AWS::Partition}:lambda:${AWS::Region}:123456789012:function:charge")).toMatchObject({ accountId: "123456789012" });
  });

  it("calls the function bound by its name or its ARN in this region and account, with Lambda's events and errors", async () => {
    const byName = machine(PSEUDO, { charge: (event) => ({ paid: (event as { total: number }).total }) }).start({ total: 3 });
    expect((await byName.result).output).toEqual({ total: 3, receipt: { paid: 3 } });
    expect(byName.history.map((e) => e.type)).toContain("LambdaFunctionScheduled");
    const byArn = await machine(PSEUDO, { "arn:aws:lambda:eu-west-1:111122223333:function:charge": () => "ok" }).run({});
    expect(byArn.output).toEqual({ receipt: "ok" });
    class Declined extends Error {
      override name = "Declined";
    }
    const failed = await machine(PSEUDO, {
      charge: () => {
        throw new Declined("no funds");
      },
    }).run({});
    expect(failed.error).toBe("Declined");
  });

  it("fails an unbound function with the ARN it resolved to", async () => {
    const r = await machine(PSEUDO, { other: () => 1 }).run({});
    expect(r.error).toBe("Lambda.ResourceNotFoundException");
    expect(r.cause).toMatch(/^Function not found: arn:aws:lambda:eu-west-1:111122223333:function:charge:\$LATEST /);
  });
});
