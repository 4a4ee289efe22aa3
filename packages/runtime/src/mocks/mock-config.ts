import type * as z from "zod";
import { deepFreeze } from "../tasks/freeze.ts";
import type { TaskResolver } from "../tasks/types.ts";
import { closest, mockConfigSchema, rangeOf } from "./config-schema.ts";
import { resolverFromPlans } from "./mock-resolver.ts";
import type { MockResolver, MockResolverOptions } from "./mock-resolver.ts";
import type { MockPlan, Outcome } from "./plan.ts";

/** A response of Step Functions Local's mock config: the Task's result verbatim, or its error. */
export type MockedResponseStep =
  | { readonly Return: unknown }
  | { readonly Throw: { readonly Error: string; readonly Cause: string } };

/** AWS Step Functions Local's `MockConfigFile.json`, validated. */
export interface MockConfig {
  /** State machine name → test case name → Task state name → MockedResponses name. */
  readonly StateMachines: Readonly<Record<string, { readonly TestCases: Readonly<Record<string, Readonly<Record<string, string>>>> }>>;
  /** Name → invocation key (`"0"`, `"1-2"`) → response. */
  readonly MockedResponses: Readonly<Record<string, Readonly<Record<string, MockedResponseStep>>>>;
}

/** One problem in a mock config: where (a JSON path) and what is wrong. */
export interface MockConfigIssue {
  readonly path: readonly (string | number)[];
  readonly message: string;
}

/** A mock config that cannot be used; `issues` lists every problem found. */
export class MockConfigError extends Error {
  override readonly name = "MockConfigError";
  constructor(
    readonly issues: readonly MockConfigIssue[],
    headline = "Invalid Step Functions Local mock config",
  ) {
    super(`${headline}${issues.length === 0 ? "" : `:\n${issues.map((i) => `  - ${formatPath(i.path)}: ${i.message}`).join("\n")}`}`);
  }
}

/**
 * Reads a Step Functions Local mock config (`MockConfigFile.json`) as text or parsed JSON, and
 * checks it the way Step Functions Local would use it; throws MockConfigError listing every problem.
 * @example
 * const config = loadMockConfig(readFileSync("MockConfigFile.json", "utf8"));
 * const resolveTask = mockResolverFor(config, "LambdaSQSIntegration", "RetryPath");
 */
export function loadMockConfig(jsonOrText: unknown): MockConfig {
  let data = jsonOrText;
  if (typeof jsonOrText === "string") {
    try {
      data = JSON.parse(jsonOrText) as unknown;
    } catch (e) {
      throw new MockConfigError([{ path: [], message: `not valid JSON (${e instanceof Error ? e.message : String(e)})` }]);
    }
  }
  const parsed = mockConfigSchema().safeParse(data, { reportInput: true });
  if (!parsed.success) throw new MockConfigError(parsed.error.issues.flatMap(toIssues));
  // A private frozen copy: responses are handed to states as they are, and must stay as loaded.
  return deepFreeze(JSON.parse(JSON.stringify(parsed.data)) as MockConfig);
}

/**
 * A TaskResolver for one test case of a mock config: each listed Task state answers from its
 * mocked response, per invocation (counted per execution from 0, retries included); every other
 * Task goes to the fallback. A state invoked more often than its response defines fails the
 * execution, as in Step Functions Local.
 */
export function mockResolverFor(
  config: MockConfig,
  stateMachineName: string,
  testCaseName: string,
  fallback?: TaskResolver | MockResolverOptions,
): MockResolver {
  const machine = config.StateMachines[stateMachineName];
  if (machine === undefined) {
    const names = Object.keys(config.StateMachines);
    throw new MockConfigError(
      [{ path: ["StateMachines"], message: `has no state machine '${stateMachineName}'${suggest(stateMachineName, names)}. The name is the one the machine is prepared with: prepareStateMachine(definition, { name: '${stateMachineName}' }).` }],
      "Unknown state machine in mock config",
    );
  }
  const testCase = machine.TestCases[testCaseName];
  if (testCase === undefined) {
    throw new MockConfigError(
      [{ path: ["StateMachines", stateMachineName, "TestCases"], message: `has no test case '${testCaseName}'${suggest(testCaseName, Object.keys(machine.TestCases))}` }],
      "Unknown test case in mock config",
    );
  }
  const states = new Map<string, MockPlan>();
  for (const [state, responseName] of Object.entries(testCase)) {
    const steps = config.MockedResponses[responseName];
    // loadMockConfig checked every reference; a hand-built config may still be wrong.
    if (steps === undefined) {
      throw new MockConfigError([{ path: ["StateMachines", stateMachineName, "TestCases", testCaseName, state], message: `names the mocked response '${responseName}', which MockedResponses does not define` }]);
    }
    states.set(state, planOfSteps(responseName, steps, testCaseName));
  }
  const options: MockResolverOptions = typeof fallback === "function" ? { fallback } : (fallback ?? {});
  return resolverFromPlans(states, new Map(), options);
}

/** The plan of one MockedResponses entry: ranges searched per invocation (ranges may be huge). */
function planOfSteps(name: string, steps: Readonly<Record<string, MockedResponseStep>>, testCase: string): MockPlan {
  const ranges = Object.entries(steps)
    .map(([key, step]) => ({ key, ...rangeOf(key), outcome: outcomeOfStep(step) }))
    .sort((a, b) => a.from - b.from);
  return {
    label: `the mocked response '${name}' (test case '${testCase}')`,
    defined: ranges.map((r) => r.key).join(", "),
    at: (n) => ranges.find((r) => r.from <= n && n <= r.to)?.outcome,
  };
}

function outcomeOfStep(step: MockedResponseStep): Outcome {
  if ("Throw" in step) return { kind: "fail", error: step.Throw.Error, cause: step.Throw.Cause };
  return { kind: "verbatim", value: step.Return === undefined ? null : step.Return };
}

/** Zod's issues in the file's terms (unknown keys get a "did you mean"). */
function toIssues(issue: z.core.$ZodIssue): MockConfigIssue[] {
  const path = issue.path.map((p) => (typeof p === "symbol" ? String(p) : p));
  switch (issue.code) {
    case "unrecognized_keys":
      return issue.keys.map((key) => ({
        path: [...path, key],
        message: `unknown key${suggest(key, expectedKeys(path))}`,
      }));
    case "invalid_key": {
      const inner = issue.issues[0];
      return [{ path, message: `${inner?.message ?? "invalid key"}; got ${JSON.stringify(path[path.length - 1] ?? "")}` }];
    }
    case "invalid_type": {
      const input = (issue as { input?: unknown }).input;
      if (issue.message.startsWith("Invalid input")) {
        return [{ path, message: input === undefined ? `is missing (expected ${issue.expected})` : `expected ${issue.expected}, got ${typeName(input)}` }];
      }
      return [{ path, message: input === undefined || issue.message.includes("missing") ? issue.message : `${issue.message}, got ${typeName(input)}` }];
    }
    default:
      return [{ path, message: issue.message }];
  }
}

/** The keys allowed where an unknown key was found. */
function expectedKeys(path: readonly (string | number)[]): readonly string[] {
  if (path.length === 0) return ["StateMachines", "MockedResponses"];
  if (path[0] === "StateMachines" && path.length === 2) return ["TestCases"];
  if (path[0] === "MockedResponses" && path.length === 3) return ["Return", "Throw"];
  if (path[0] === "MockedResponses" && path.length === 4) return ["Error", "Cause"];
  return [];
}

function suggest(name: string, known: readonly string[]): string {
  const near = closest(name, known);
  if (near !== undefined) return `; did you mean '${near}'?`;
  return known.length === 0 ? "" : ` (known: ${known.map((k) => `'${k}'`).join(", ")})`;
}

function typeName(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return typeof value === "object" ? "an object" : `${typeof value} ${JSON.stringify(value)}`;
}

/** `MockedResponses.MockedLambdaRetry["1-2"].Throw.Error` */
export function formatPath(path: readonly (string | number)[]): string {
  if (path.length === 0) return "(top level)";
  return path
    .map((p, i) => (typeof p === "number" ? `[${p}]` : /^[A-Za-z_$][\w$]*$/.test(p) ? `${i === 0 ? "" : "."}${p}` : `[${JSON.stringify(p)}]`))
    .join("");
}
