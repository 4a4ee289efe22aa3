// POST /console/check-input: the console asks whether an input fits the input schema of the
// workflow a state machine was built from (`stepcraft serve --workflows`), before it starts an
// execution through StartExecution. AWS keeps no such schema, so the API itself never checks it.
import type { IncomingMessage, ServerResponse } from "node:http";

/** A Standard Schema (zod 4, valibot, arktype…): only `~standard.validate` is used. */
export interface InputSchema {
  readonly "~standard": { readonly validate: (value: unknown) => unknown };
}

/** One problem with the input: where (`$.items[0].qty`) and what. */
export interface InputIssue {
  readonly path: string;
  readonly message: string;
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

function issuePath(path: unknown): string {
  let text = "$";
  for (const segment of Array.isArray(path) ? (path as unknown[]) : []) {
    const key = typeof segment === "object" && segment !== null && "key" in segment ? (segment as { key: unknown }).key : segment;
    if (typeof key === "number") text += `[${key}]`;
    else if (typeof key === "string" && IDENTIFIER.test(key)) text += `.${key}`;
    else text += `[${JSON.stringify(String(key))}]`;
  }
  return text;
}

/** The issues `schema` finds in `input` (JSON text); none for a valid input. */
export async function checkInput(schema: InputSchema, input: string): Promise<InputIssue[]> {
  let value: unknown;
  try {
    value = JSON.parse(input);
  } catch (error) {
    return [{ path: "$", message: `not JSON: ${error instanceof Error ? error.message : String(error)}` }];
  }
  const result = (await schema["~standard"].validate(value)) as { readonly issues?: readonly { readonly message?: unknown; readonly path?: unknown }[] } | null;
  return (result?.issues ?? []).map((issue) => ({ path: issuePath(issue.path), message: String(issue.message) }));
}

/** The machine name of a state machine ARN (version, alias and `#TestCase` qualifiers dropped). */
function machineName(stateMachineArn: string): string {
  return (stateMachineArn.split(":")[6] ?? "").split("#")[0] ?? "";
}

function reply(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(text) });
  res.end(text);
}

/** Answers `{ issues, schema: true|false }`, or 400 with `{ message }` for a malformed request. */
export async function handleInputCheck(body: string, res: ServerResponse, schemas: Readonly<Record<string, InputSchema>>): Promise<void> {
  let request: { stateMachineArn?: unknown; input?: unknown };
  try {
    request = JSON.parse(body) as typeof request;
  } catch {
    return reply(res, 400, { message: "POST /console/check-input takes JSON: { stateMachineArn, input }" });
  }
  if (typeof request.stateMachineArn !== "string" || typeof request.input !== "string") {
    return reply(res, 400, { message: "POST /console/check-input needs stateMachineArn and input (the input as JSON text), both strings" });
  }
  const schema = Object.hasOwn(schemas, machineName(request.stateMachineArn)) ? schemas[machineName(request.stateMachineArn)] : undefined;
  if (schema === undefined) return reply(res, 200, { schema: false, issues: [] });
  return reply(res, 200, { schema: true, issues: await checkInput(schema, request.input) });
}

/** True for the console's input check request. */
export function isInputCheck(req: IncomingMessage): boolean {
  return req.method === "POST" && (req.url ?? "").split("?")[0] === "/console/check-input";
}
