import { describe, expect, it } from "vitest";
import { jsonNestingDepth, parseRequestBody } from "./json-body.ts";
import { requestContext } from "./request-context.ts";
import { AwsError } from "./aws-error.ts";

describe("the AWS JSON 1.0 request body", () => {
  it("measures nesting without recursion, ignoring brackets in strings", () => {
    expect(jsonNestingDepth('{"a":[1,{"b":"[[[["}]}')).toBe(3);
    expect(jsonNestingDepth("[".repeat(1_000_000))).toBe(1_000_000);
    expect(jsonNestingDepth('"\\"[["')).toBe(0);
  });

  it("parses objects and refuses anything else with AWS's errors", () => {
    expect(parseRequestBody("")).toEqual({});
    expect(parseRequestBody('{"a":1}')).toEqual({ a: 1 });
    const codeOf = (text: string): string => {
      try {
        parseRequestBody(text);
      } catch (e) {
        return e instanceof AwsError ? e.code : "not an AwsError";
      }
      return "no error";
    };
    expect(codeOf("{")).toBe("SerializationException");
    expect(codeOf("[1]")).toBe("SerializationException");
    expect(codeOf("null")).toBe("SerializationException");
    expect(codeOf("[".repeat(100_000))).toBe("ValidationException");
  });
});

describe("the request's region", () => {
  it("comes from the SigV4 credential scope, else us-east-1", () => {
    expect(requestContext("AWS4-HMAC-SHA256 Credential=AKID/20260101/eu-west-1/states/aws4_request, SignedHeaders=host, Signature=x").region).toBe("eu-west-1");
    expect(requestContext(undefined)).toEqual({ region: "us-east-1", accountId: "123456789012" });
    expect(requestContext("garbage").region).toBe("us-east-1");
  });
});
