import { describe, expect, it } from "vitest";
import { resolveIntrinsics, resolveString } from "./intrinsics.ts";
import type { IntrinsicScope } from "./intrinsics.ts";
import { resourceValues } from "./placeholder-names.ts";
import { CdkTestingError } from "./template.ts";

const place = { stackName: "Shop", region: "eu-west-1", accountId: "111111111111", partition: "aws" };
const resources = { Fn: { Type: "AWS::Lambda::Function", Properties: { FunctionName: "charge" } }, Queue: { Type: "AWS::SQS::Queue" } };
const scope: IntrinsicScope = {
  place,
  parameters: { Stage: "prod" },
  resource: (id) => (Object.hasOwn(resources, id) ? resourceValues(id, resources[id as keyof typeof resources], place) : undefined),
};

describe("resolveIntrinsics", () => {
  it("joins strings, pseudo parameters, Refs and GetAtts", () => {
    const value = { "Fn::Join": ["", ["arn:", { Ref: "AWS::Partition" }, ":states:::lambda:invoke ", { "Fn::GetAtt": ["Fn", "Arn"] }, " ", { Ref: "Queue" }]] };
    expect(resolveString(value, scope, "X")).toMatch(
      /^arn:aws:states:::lambda:invoke arn:aws:lambda:eu-west-1:111111111111:function:charge https:\/\/sqs\.eu-west-1\.amazonaws\.com\/111111111111\/Shop-Queue-[0-9A-F]{12}$/,
    );
  });

  it("evaluates Fn::Sub (with variables and ${!literal}), Fn::Select and Fn::Split, inside objects and arrays", () => {
    const value = { a: [{ "Fn::Sub": ["${AWS::Region}/${Stage}/${Fn.Arn}/${x}/${!kept}", { x: { Ref: "AWS::AccountId" } }] }], b: { "Fn::Select": [1, { "Fn::Split": [",", "p,q,r"] }] } };
    expect(resolveIntrinsics(value, scope, "X")).toEqual({ a: ["eu-west-1/prod/arn:aws:lambda:eu-west-1:111111111111:function:charge/111111111111/${kept}"], b: "q" });
  });

  it("names the property and what to do for what it cannot resolve", () => {
    expect(() => resolveIntrinsics({ "Fn::ImportValue": "Other-Export" }, scope, "Checkout DefinitionString")).toThrow(
      new CdkTestingError("Checkout DefinitionString → Fn::ImportValue: Fn::ImportValue is not resolved locally (supported: Ref, Fn::GetAtt, Fn::Join, Fn::Sub, Fn::Select, Fn::Split). Make the value a literal in the stack, or test the definition with fromTemplate after replacing it."),
    );
    expect(() => resolveIntrinsics({ Ref: "Missing" }, scope, "D")).toThrow("D → Ref: 'Missing' is no resource, parameter or pseudo parameter of the template");
    expect(() => resolveIntrinsics({ "Fn::GetAtt": ["Fn", "Nope"] }, scope, "D")).toThrow("D → Fn::GetAtt: attribute 'Nope' of 'Fn' is not resolved locally (known: Arn).");
    expect(() => resolveIntrinsics({ "Fn::Join": ["", "not a list"] }, scope, "D")).toThrow('D → Fn::Join: expected [separator, [values…]], got ["","not a list"].');
    expect(() => resolveIntrinsics({ "Fn::Select": [5, ["a"]] }, scope, "D")).toThrow("D → Fn::Select: expected [index, list] with the index inside the list");
    expect(() => resolveString({ "Fn::Split": [",", "a,b"] }, scope, "D")).toThrow('D resolves to ["a","b"], where a string is needed.');
  });

  it("leaves objects that merely have one key alone", () => {
    expect(resolveIntrinsics({ Type: "Pass", End: true }, scope, "D")).toEqual({ Type: "Pass", End: true });
    expect(resolveIntrinsics({ Reference: "x" }, scope, "D")).toEqual({ Reference: "x" });
  });
});

describe("placeholder values", () => {
  it("are AWS-shaped per resource type, stable, and use explicit names", () => {
    const table = resourceValues("Orders", { Type: "AWS::DynamoDB::Table" }, place);
    expect(table.ref).toMatch(/^Shop-Orders-[0-9A-F]{12}$/);
    expect(table.arn).toBe(`arn:aws:dynamodb:eu-west-1:111111111111:table/${table.ref}`);
    expect(resourceValues("Orders", { Type: "AWS::DynamoDB::Table" }, place)).toEqual(table);
    expect(resourceValues("M", { Type: "AWS::StepFunctions::StateMachine", Properties: { StateMachineName: "Checkout" } }, place).ref).toBe("arn:aws:states:eu-west-1:111111111111:stateMachine:Checkout");
    expect(resourceValues("T", { Type: "AWS::SNS::Topic" }, place).attributes["TopicName"]).toMatch(/^Shop-T-/);
    expect(resourceValues("B", { Type: "AWS::S3::Bucket" }, place).arn).toMatch(/^arn:aws:s3:::shop-b-[0-9a-f]{12}$/);
    const long = resourceValues("F".repeat(80), { Type: "AWS::Lambda::Function" }, place);
    expect(long.ref.length).toBe(64);
  });
});
