import { isJsonObject } from "../data/json-values.ts";
import type { InspectionDataRequest, InspectionDataResponse } from "./types.ts";

// TRACE inspection of an HTTP Task (arn:aws:states:::http:invoke): the HTTP request AWS would
// send for the state's effective input (ApiEndpoint, Method, Headers, QueryParameters,
// RequestBody, Transform, Authentication.ConnectionArn) and the response its result stands for
// ({Headers, ResponseBody, StatusCode, StatusText}, mocked or from a bound handler). The shapes
// and formats are those of AWS's TestState (headers as `[name: value, …]`, status code as text).

/**
 * What an EventBridge connection adds to the requests of the HTTP Tasks that name it. AWS counts
 * all of it as secret: TestState shows it only with `revealSecrets: true`.
 */
export interface HttpConnection {
  /** The `Authorization` (or API key) header the connection sends. */
  readonly authorization?:
    | { readonly type: "BASIC"; readonly username: string; readonly password: string }
    | { readonly type: "API_KEY"; readonly name: string; readonly value: string }
    | { readonly type: "BEARER"; readonly token: string };
  /** Invocation HTTP parameters: headers, query string parameters and body parameters. */
  readonly headers?: Readonly<Record<string, string>>;
  readonly queryParameters?: Readonly<Record<string, string>>;
  readonly bodyParameters?: Readonly<Record<string, unknown>>;
}

export interface HttpTraceOptions {
  readonly revealSecrets: boolean;
  readonly region: string;
  /** Connection ARN → what it adds; a connection not listed adds nothing. */
  readonly connections: Readonly<Record<string, HttpConnection>> | undefined;
}

/** Whether a Task resource is the HTTP Task. */
export function isHttpTask(resource: unknown): boolean {
  return typeof resource === "string" && /^arn:aws[\w-]*:states:::http:invoke$/.test(resource);
}

/** The request and (when the Task has a result) the response, as TestState's TRACE level shows them. */
export function httpTrace(effectiveInput: unknown, result: unknown, options: HttpTraceOptions): { request?: InspectionDataRequest; response?: InspectionDataResponse } {
  if (!isJsonObject(effectiveInput)) return {};
  const request = httpRequest(effectiveInput, options);
  const response = isJsonObject(result) ? httpResponse(result, request.protocol) : undefined;
  return response === undefined ? { request } : { request, response };
}

function httpRequest(params: Readonly<Record<string, unknown>>, options: HttpTraceOptions): InspectionDataRequest {
  const connection = options.revealSecrets ? connectionOf(params, options.connections) : undefined;
  const endpoint = typeof params["ApiEndpoint"] === "string" ? params["ApiEndpoint"] : "";
  const query = new URLSearchParams();
  appendAll(query, params["QueryParameters"]);
  appendAll(query, connection?.queryParameters);
  const queryText = query.toString();
  const url = queryText === "" ? endpoint : `${endpoint}${endpoint.includes("?") ? "&" : "?"}${queryText}`;

  const headers: [string, string][] = entriesOf(params["Headers"]);
  const auth = connection?.authorization;
  if (auth !== undefined) headers.push(authorizationHeader(auth));
  headers.push(...entriesOf(connection?.headers));
  headers.push(["User-Agent", `Amazon|StepFunctions|HttpInvoke|${options.region}`], ["Range", "bytes=0-262144"]);

  const out: InspectionDataRequest = { method: typeof params["Method"] === "string" ? params["Method"] : "" };
  const protocol = protocolOf(endpoint);
  if (protocol !== undefined) out.protocol = protocol;
  out.url = url;
  out.headers = headerText(headers);
  const body = requestBody(params, connection?.bodyParameters);
  if (body !== undefined) out.body = body;
  return out;
}

function httpResponse(result: Readonly<Record<string, unknown>>, protocol: string | undefined): InspectionDataResponse {
  const out: InspectionDataResponse = {};
  if (protocol !== undefined) out.protocol = protocol;
  if (result["StatusCode"] !== undefined) out.statusCode = String(result["StatusCode"]);
  if (typeof result["StatusText"] === "string") out.statusMessage = result["StatusText"];
  out.headers = headerText(entriesOf(result["Headers"]));
  const body = result["ResponseBody"];
  if (body !== undefined) out.body = typeof body === "string" ? body : JSON.stringify(body);
  return out;
}

function connectionOf(params: Readonly<Record<string, unknown>>, connections: HttpTraceOptions["connections"]): HttpConnection | undefined {
  const auth = params["Authentication"];
  const arn = isJsonObject(auth) ? auth["ConnectionArn"] : undefined;
  return typeof arn === "string" && connections !== undefined && Object.hasOwn(connections, arn) ? connections[arn] : undefined;
}

function authorizationHeader(auth: NonNullable<HttpConnection["authorization"]>): [string, string] {
  switch (auth.type) {
    case "BASIC":
      return ["Authorization", `Basic ${Buffer.from(`${auth.username}:${auth.password}`).toString("base64")}`];
    case "API_KEY":
      return [auth.name, auth.value];
    case "BEARER":
      return ["Authorization", `Bearer ${auth.token}`];
  }
}

/** `https` from `https://host/path`; undefined when the endpoint is no URL. */
function protocolOf(endpoint: string): string | undefined {
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\//.exec(endpoint);
  return scheme === null ? undefined : scheme[1]!.toLowerCase();
}

/** A header or parameter map as name/value pairs: arrays (response headers) joined, objects as JSON. */
function entriesOf(map: unknown): [string, string][] {
  if (!isJsonObject(map)) return [];
  return Object.entries(map).map(([name, value]) => [name, Array.isArray(value) ? value.map(text).join(", ") : text(value)]);
}

function text(value: unknown): string {
  return typeof value === "string" ? value : JSON.stringify(value);
}

function appendAll(query: URLSearchParams, map: unknown): void {
  for (const [name, value] of entriesOf(map)) query.append(name, value);
}

function headerText(headers: readonly [string, string][]): string {
  return `[${headers.map(([name, value]) => `${name}: ${value}`).join(", ")}]`;
}

/**
 * The body sent: RequestBody with the connection's body parameters added (objects only), as
 * JSON, or form-encoded when `Transform.RequestBodyEncoding` is `URL_ENCODED`; text as it is.
 */
function requestBody(params: Readonly<Record<string, unknown>>, extra: Readonly<Record<string, unknown>> | undefined): string | undefined {
  const given = params["RequestBody"];
  if (typeof given === "string") return given;
  if (given === undefined && extra === undefined) return undefined;
  const body: unknown = isJsonObject(given) || given === undefined ? { ...(given as Record<string, unknown> | undefined), ...extra } : given;
  const transform = params["Transform"];
  if (isJsonObject(transform) && transform["RequestBodyEncoding"] === "URL_ENCODED" && isJsonObject(body)) {
    const options = transform["RequestEncodingOptions"];
    const format = isJsonObject(options) && typeof options["ArrayFormat"] === "string" ? options["ArrayFormat"] : "INDICES";
    return formEncoded(body, format);
  }
  return JSON.stringify(body);
}

/** A form body; arrays as `Transform.RequestEncodingOptions.ArrayFormat` says (AWS's default: INDICES). */
function formEncoded(body: Readonly<Record<string, unknown>>, arrayFormat: string): string {
  const form = new URLSearchParams();
  for (const [name, value] of Object.entries(body)) {
    if (!Array.isArray(value)) {
      form.append(name, text(value));
      continue;
    }
    const items = value.map(text);
    if (arrayFormat === "COMMAS") form.append(name, items.join(","));
    else items.forEach((item, i) => form.append(arrayFormat === "BRACKETS" ? `${name}[]` : arrayFormat === "REPEAT" ? name : `${name}[${i}]`, item));
  }
  return form.toString();
}
