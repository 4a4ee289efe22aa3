import type { StateDefinition } from "../states/context.ts";
import { TestStateRequestError } from "./types.ts";
import { isJsonObject } from "../data/json-values.ts";

/** The name a lone state definition runs under (`$$.State.Name`). */
export const LONE_STATE_NAME = "TestState";

/** How long AWS lets one TestState run take. */
export const TEST_STATE_TIMEOUT_SECONDS = 300;

/** Where the tested state was found. */
export interface FoundState {
  readonly name: string;
  readonly def: StateDefinition;
  /** The query language it runs in when its own `QueryLanguage` says nothing. */
  readonly machineLanguage: "JSONPath" | "JSONata";
  /** A whole machine was given (validated as such), not a lone state. */
  readonly fromMachine: boolean;
  /** The state is inside a Map's item processor (TestState then fills `$$.Map.Item`). */
  readonly insideMap: boolean;
}

/** The tested state's query language: its own, else the machine's. */
export function languageOf(found: FoundState): unknown {
  return found.def["QueryLanguage"] ?? found.machineLanguage;
}


/** Picks the tested state out of a lone state definition or a whole machine (nested blocks included). */
export function findTestedState(definition: Record<string, unknown>, stateName: string | undefined): FoundState {
  const machineLanguage = definition["QueryLanguage"] === "JSONata" ? "JSONata" : "JSONPath";
  if (!isJsonObject(definition["States"])) {
    if (stateName !== undefined) {
      throw new TestStateRequestError("ValidationException", `stateName '${stateName}' needs a whole state machine definition (StartAt and States); the definition is a single state.`);
    }
    if (typeof definition["Type"] !== "string") {
      throw new TestStateRequestError("InvalidDefinition", "The definition is neither a state (no 'Type') nor a state machine (no 'States').");
    }
    return { name: LONE_STATE_NAME, def: definition, machineLanguage: "JSONPath", fromMachine: false, insideMap: false };
  }
  const name = stateName ?? (typeof definition["StartAt"] === "string" ? definition["StartAt"] : undefined);
  if (name === undefined) throw new TestStateRequestError("ValidationException", "Say which state to test: stateName.");
  const found = findIn(definition, name);
  if (found === undefined) {
    const names = Object.keys(definition["States"]);
    throw new TestStateRequestError("ValidationException", `stateName '${name}' names no state of the definition. Its top-level states: ${names.map((n) => `'${n}'`).join(", ")}.`);
  }
  return { name, def: found.def, machineLanguage, fromMachine: true, insideMap: found.insideMap };
}

/** The state `name` in this block or any Parallel branch / Map processor below it. */
function findIn(block: Record<string, unknown>, name: string, insideMap = false): { def: StateDefinition; insideMap: boolean } | undefined {
  const states = block["States"];
  if (!isJsonObject(states)) return undefined;
  const own = states[name];
  if (isJsonObject(own)) return { def: own, insideMap };
  for (const state of Object.values(states)) {
    if (!isJsonObject(state)) continue;
    for (const inner of innerBlocks(state)) {
      const found = findIn(inner, name, insideMap || state["Type"] === "Map");
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

/** A Parallel's branches, a Map's ItemProcessor (or legacy Iterator). */
export function innerBlocks(state: StateDefinition): Record<string, unknown>[] {
  const blocks: unknown[] = [];
  if (Array.isArray(state["Branches"])) blocks.push(...(state["Branches"] as unknown[]));
  blocks.push(state["ItemProcessor"], state["Iterator"]);
  return blocks.filter(isJsonObject);
}

/** Names of every state in a state's inner blocks, at any depth. */
export function innerStateNames(state: StateDefinition): string[] {
  return innerBlocks(state).flatMap((block) =>
    isJsonObject(block["States"]) ? Object.entries(block["States"]).flatMap(([name, inner]) => [name, ...(isJsonObject(inner) ? innerStateNames(inner) : [])]) : [],
  );
}

/** A one-state machine around the tested state, and how to read its transitions back. */
export interface IsolatedMachine {
  readonly definition: Record<string, unknown>;
  /** Placeholder state name → the transition target it stands for. */
  readonly targets: ReadonlyMap<string, string>;
}

/**
 * The Comment of the Succeed states standing for the tested state's transition targets: they are
 * entered right after it (that is how its next state is read), but are no part of the workflow.
 * Whatever records state visits (coverage) should not count states carrying it.
 */
export const PLACEHOLDER_COMMENT = "stepcraft testState: stands for a transition target";

/** Fields a mocked Map or Parallel keeps when it stands as a Task (its result is the mock). */
const MOCKED_GROUP_FIELDS = ["QueryLanguage", "Comment", "InputPath", "OutputPath", "ResultPath", "ResultSelector", "Output", "Assign", "Catch", "Next", "End"];

/** The resource a mocked Map or Parallel is bound under while it stands as a Task. */
export function mockedGroupResource(type: string): string {
  return `arn:aws:states:::stepcraft:mocked${type}`;
}

/**
 * Builds the machine testState runs: the tested state alone, without its Retry (TestState runs
 * one attempt and reports whether a retry would follow), every transition target replaced by a
 * Succeed state, so the execution stops right after the tested state has chosen where to go. A
 * mocked Map or Parallel becomes a Task with the same data fields, since its iterations or
 * branches do not run (their result is the mock).
 */
export function isolate(found: FoundState, mockedGroup: boolean): IsolatedMachine {
  let state: Record<string, unknown> = { ...found.def };
  delete state["Retry"];
  if (mockedGroup) {
    const task: Record<string, unknown> = { Type: "Task", Resource: mockedGroupResource(String(found.def["Type"])) };
    // A Parallel's Parameters/Arguments are evaluated as a Task's would be (its branches' input).
    const fields = found.def["Type"] === "Parallel" ? [...MOCKED_GROUP_FIELDS, "Parameters", "Arguments"] : MOCKED_GROUP_FIELDS;
    for (const field of fields) if (Object.hasOwn(state, field)) task[field] = state[field];
    state = task;
  }
  const targets = new Map<string, string>();
  const placeholder = (target: unknown): string => {
    const name = String(target);
    // A state may go back to itself: its placeholder needs a name of its own.
    const stand = name === found.name ? `${name} (next)` : name;
    targets.set(stand, name);
    return stand;
  };
  if (typeof state["Next"] === "string") state["Next"] = placeholder(state["Next"]);
  if (typeof state["Default"] === "string") state["Default"] = placeholder(state["Default"]);
  if (Array.isArray(state["Choices"])) {
    state["Choices"] = (state["Choices"] as unknown[]).map((rule) => (isJsonObject(rule) && typeof rule["Next"] === "string" ? { ...rule, Next: placeholder(rule["Next"]) } : rule));
  }
  if (Array.isArray(state["Catch"])) {
    state["Catch"] = (state["Catch"] as unknown[]).map((c) => (isJsonObject(c) && typeof c["Next"] === "string" ? { ...c, Next: placeholder(c["Next"]) } : c));
  }
  const states: Record<string, unknown> = { [found.name]: state };
  for (const stand of targets.keys()) states[stand] = { Type: "Succeed", Comment: PLACEHOLDER_COMMENT };
  const definition: Record<string, unknown> = { StartAt: found.name, States: states };
  // AWS stops a TestState run after five minutes (States.Timeout). In virtual time this is what
  // ends a state waiting for something that never comes, e.g. a callback inside an unmocked Map;
  // a Wait state itself is tested without waiting, so it is not held to it.
  if (found.def["Type"] !== "Wait") definition["TimeoutSeconds"] = TEST_STATE_TIMEOUT_SECONDS;
  if (found.fromMachine && found.machineLanguage === "JSONata") definition["QueryLanguage"] = "JSONata";
  return { definition, targets };
}
