import { describe, expect, it } from "vitest";
import { testState } from "../testing/index.ts";
import type { HttpConnection } from "../testing/index.ts";

const CONNECTION = "arn:aws:events:us-east-1:123456789012:connection/shop/0000";
const connections: Record<string, HttpConnection> = {
  [CONNECTION]: {
    authorization: { type: "BASIC", username: "user", password: "pass" },
    headers: { CustomHeader1: "CustomHeaderValue1" },
    queryParameters: { QueryParam1: "QueryParamValue1" },
    bodyParameters: { BodyKey1: "BodyValue1" },
  },
};

/** The HTTP Task of AWS's TRACE example: a GET with a header, a query parameter and a body. */
const httpTask = JSON.stringify({
  Type: "Task",
  Resource: "arn:aws:states:::http:invoke",
  Parameters: {
    Method: "GET",
    Authentication: { ConnectionArn: CONNECTION },
    ApiEndpoint: "https://httpbin.org/get",
    Headers: { definitionHeader: "h1" },
    RequestBody: { message: "Hello from Step Functions!" },
    QueryParameters: { queryParam: "q1" },
  },
  End: true,
});
const httpResult = {
  Headers: { date: ["Tue, 21 Nov 2023 00:06:17 GMT"], "content-type": ["application/json"] },
  ResponseBody: { args: { queryParam: "q1" } },
  StatusCode: 200,
  StatusText: "OK",
};

describe("testState TRACE: an HTTP Task's request and response", () => {
  it("shows the request from the effective parameters and the response from the mocked result, without the connection's secrets", async () => {
    const out = await testState({ definition: httpTask, inspectionLevel: "TRACE", mock: { result: JSON.stringify(httpResult) } }, { connections, region: "eu-west-1" });
    expect(out.status).toBe("SUCCEEDED");
    expect(out.inspectionData?.request).toEqual({
      protocol: "https",
      method: "GET",
      url: "https://httpbin.org/get?queryParam=q1",
      headers: "[definitionHeader: h1, User-Agent: Amazon|StepFunctions|HttpInvoke|eu-west-1, Range: bytes=0-262144]",
      body: '{"message":"Hello from Step Functions!"}',
    });
    expect(out.inspectionData?.response).toEqual({
      protocol: "https",
      statusCode: "200",
      statusMessage: "OK",
      headers: "[date: Tue, 21 Nov 2023 00:06:17 GMT, content-type: application/json]",
      body: '{"args":{"queryParam":"q1"}}',
    });
  });

  it("revealSecrets adds what the connection sends: its Authorization, headers, query and body parameters", async () => {
    const out = await testState({ definition: httpTask, inspectionLevel: "TRACE", revealSecrets: true, mock: { result: JSON.stringify(httpResult) } }, { connections });
    expect(out.inspectionData?.request).toEqual({
      protocol: "https",
      method: "GET",
      url: "https://httpbin.org/get?queryParam=q1&QueryParam1=QueryParamValue1",
      headers: `[definitionHeader: h1, Authorization: Basic ${Buffer.from("user:pass").toString("base64")}, CustomHeader1: CustomHeaderValue1, User-Agent: Amazon|StepFunctions|HttpInvoke|us-east-1, Range: bytes=0-262144]`,
      body: '{"message":"Hello from Step Functions!","BodyKey1":"BodyValue1"}',
    });
  });

  it("JSONata: the request from Arguments, the response from a bound handler; a form-encoded body with its array format", async () => {
    const definition = JSON.stringify({
      Type: "Task",
      QueryLanguage: "JSONata",
      Resource: "arn:aws:states:::http:invoke",
      Arguments: {
        Method: "POST",
        ApiEndpoint: "{% 'https://api.example.com/orders/' & $states.input.id %}",
        Authentication: { ConnectionArn: CONNECTION },
        RequestBody: { ids: [1, 2], note: "{% $states.input.note %}" },
        Transform: { RequestBodyEncoding: "URL_ENCODED", RequestEncodingOptions: { ArrayFormat: "BRACKETS" } },
      },
      End: true,
    });
    const tasks = { "arn:aws:states:::http:invoke": () => ({ Headers: {}, ResponseBody: "created", StatusCode: 201, StatusText: "Created" }) };
    const out = await testState({ definition, input: '{"id": 7, "note": "a b"}', inspectionLevel: "TRACE" }, { tasks });
    expect(out.status).toBe("SUCCEEDED");
    expect(out.inspectionData?.request).toMatchObject({ method: "POST", url: "https://api.example.com/orders/7", body: "ids%5B%5D=1&ids%5B%5D=2&note=a+b" });
    expect(out.inspectionData?.response).toEqual({ protocol: "https", statusCode: "201", statusMessage: "Created", headers: "[]", body: "created" });
  });

  it("a failed HTTP Task shows its request and no response; DEBUG and other Tasks show neither", async () => {
    const failed = await testState({ definition: httpTask, inspectionLevel: "TRACE", mock: { errorOutput: { error: "States.Http.StatusCode.404", cause: "Not Found" } } });
    expect(failed).toMatchObject({ status: "FAILED", error: "States.Http.StatusCode.404" });
    expect(failed.inspectionData?.request?.url).toBe("https://httpbin.org/get?queryParam=q1");
    expect(failed.inspectionData?.response).toBeUndefined();

    const debug = await testState({ definition: httpTask, inspectionLevel: "DEBUG", mock: { result: JSON.stringify(httpResult) } });
    expect(debug.inspectionData).toBeDefined();
    expect(debug.inspectionData?.request).toBeUndefined();
    const lambda = JSON.stringify({ Type: "Task", Resource: "arn:aws:states:::lambda:invoke", Parameters: { FunctionName: "f" }, End: true });
    const other = await testState({ definition: lambda, inspectionLevel: "TRACE", mock: { result: '{"StatusCode": 200}', fieldValidationMode: "PRESENT" } });
    expect(other.inspectionData?.request).toBeUndefined();
    expect(other.inspectionData?.response).toBeUndefined();
  });
});
