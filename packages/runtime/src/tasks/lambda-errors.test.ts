import { describe, expect, it } from "vitest";
import { lambdaErrorCause, lambdaErrorPayload } from "./lambda-errors.ts";

describe("Lambda error payloads", () => {
  it("uses the Python runtime's fields, with json.dumps spacing for the legacy resource", () => {
    const payload = lambdaErrorPayload("Exception", "boom", undefined, "python");
    expect(Object.keys(payload)).toEqual(["errorMessage", "errorType", "requestId", "stackTrace"]);
    expect(lambdaErrorCause(payload, true)).toMatch(/^\{"errorMessage": "boom", "errorType": "Exception", "requestId": "/);
    expect(lambdaErrorCause(payload, false)).toMatch(/^\{"errorMessage":"boom","errorType":"Exception","requestId":"/);
  });

  it("uses the Node.js runtime's fields", () => {
    const payload = lambdaErrorPayload("TypeError", "x", "TypeError: x\n    at f", "nodejs");
    expect(payload).toEqual({ errorType: "TypeError", errorMessage: "x", trace: ["TypeError: x", "    at f"] });
  });
});
