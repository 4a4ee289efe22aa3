import { isJsonObject } from "../data/json-values.ts";
import { parseJsonMember } from "./parse-request.ts";
import type { FoundState } from "./isolate.ts";
import { TestStateRequestError } from "./types.ts";

// TestState's `context`: the whole context object (`$$`, `$states.context`) the tested state
// sees. AWS (recorded December 2025) uses it as given, adding nothing: `{}` makes `$$` `{}`, and
// `{"State": {}}` leaves `$$.State.Name` unset. It checks the members against the context
// object's own: unknown fields, wrong types, `Map` and a `Task` on a state that has no task
// token are refused, with the messages below.

type FieldType = "string" | "integer" | "any";

/** The members a context object has, section by section, and their types. */
const SECTIONS: Readonly<Record<string, Readonly<Record<string, FieldType>>>> = {
  Execution: { Id: "string", Input: "any", Name: "string", RoleArn: "string", StartTime: "string", RedriveCount: "integer", RedriveTime: "string" },
  State: { EnteredTime: "string", Name: "string", RetryCount: "integer" },
  StateMachine: { Id: "string", Name: "string" },
  Task: { Token: "string" },
};

/** Members holding timestamps: checked to be ISO 8601, as the runtime's own are. */
const TIMESTAMPS = new Set(["Execution.StartTime", "Execution.RedriveTime", "State.EnteredTime"]);

function invalid(problem: string): TestStateRequestError {
  return new TestStateRequestError("ValidationException", `Invalid Context object provided: ${problem}`);
}

/** The request's `context`, checked as AWS checks it; undefined when none is given. */
export function parseContextObject(text: string | undefined, found: FoundState): Readonly<Record<string, unknown>> | undefined {
  const context = parseJsonMember(text, "context", undefined);
  if (context === undefined) return undefined;
  if (!isJsonObject(context)) throw new TestStateRequestError("ValidationException", `'context' must be the JSON text of an object, e.g. '{"Execution": {"Name": "my-execution"}}'.`);
  for (const [section, members] of Object.entries(context)) {
    if (section === "Map") throw invalid("'Map' field is not supported when mocking a Context object");
    const fields = Object.hasOwn(SECTIONS, section) ? SECTIONS[section] : undefined;
    if (fields === undefined) throw invalid(`Field '${section}' is not allowed`);
    if (!isJsonObject(members)) throw invalid(`${section} must be an object`);
    for (const [field, value] of Object.entries(members)) checkField(section, field, value, fields);
  }
  if (Object.hasOwn(context, "Task") && !hasTaskToken(found)) {
    throw invalid("Context object contains 'Task' when state is not a Task state with a '.sync' or '.waitForTaskToken' service integration pattern");
  }
  return context;
}

function checkField(section: string, field: string, value: unknown, fields: Readonly<Record<string, FieldType>>): void {
  const type = Object.hasOwn(fields, field) ? fields[field] : undefined;
  if (type === undefined) throw invalid(`Field '${field}' is not allowed`);
  const path = `${section}.${field}`;
  if (type === "string" && typeof value !== "string") throw invalid(`${path} must be a string`);
  if (type === "integer" && !Number.isInteger(value)) throw invalid(`${path} must be an integer`);
  if (TIMESTAMPS.has(path) && Number.isNaN(Date.parse(value as string))) {
    throw invalid(`${path} must be an ISO 8601 timestamp such as '2025-01-15T10:30:00.000Z', not '${String(value)}'`);
  }
}

/** A Task whose `$$.Task.Token` exists: `.waitForTaskToken` and `.sync` integrations. */
function hasTaskToken(found: FoundState): boolean {
  const resource = found.def["Type"] === "Task" ? found.def["Resource"] : undefined;
  return typeof resource === "string" && (resource.endsWith(".waitForTaskToken") || /\.sync(:2)?$/.test(resource));
}
