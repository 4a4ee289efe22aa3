// Fuzzing the runtime's reliability promise (issue #21): over generated definitions × inputs ×
// handler behaviours, the process survives, every execution ends within a bounded time in a
// result whose error is a name (or the promise rejects with a StatesError for what AWS would
// refuse up front), the event loop is never held past a bound, and nothing outside the
// execution changes. Bounded to run in a few seconds in CI.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isStatesError, runExecution, type TaskHandler } from "../src/index.ts";

type StateDef = Record<string, unknown>;
const FN = "arn:aws:lambda:us-east-1:123456789012:function:fuzz";

/** What a generated Task's handler does. */
const behaviours: Record<string, TaskHandler> = {
  echo: (event) => event,
  asyncEcho: async (event) => event,
  throwsError: () => {
    throw new TypeError("bad");
  },
  throwsString: () => {
    throw "plain";
  },
  throwsNull: () => Promise.reject(null),
  bigint: () => ({ n: 1n }),
  circular: () => {
    const o: Record<string, unknown> = {};
    o["o"] = o;
    return o;
  },
  throwingToJson: () => ({ toJSON: () => { throw new Error("no"); } }),
  huge: () => ({ s: "x".repeat(300 * 1024) }),
  deep: () => {
    let v: unknown = 1;
    for (let i = 0; i < 5_000; i++) v = [v];
    return v;
  },
  neverSettles: () => new Promise(() => undefined),
  mutatesEvent: (event) => {
    (event as Record<string, unknown>)["changed"] = true;
    return event;
  },
};

/** JSONata expressions, benign and hostile (their size driven by the input). */
const expressions = [
  "$states.input",
  "$pad('x', $states.input.n)",
  "$join($map([1..($states.input.n > 1000 ? 1000 : 10)], function($v) { $string($v) }))",
  "( $f := function($s, $k) { $k = 0 ? $s : $f($s & $s, $k - 1) }; $f('ab', 40) )",
  "( $f := function($a, $k) { $k = 0 ? $count($a) : $f($append($a, $a), $k - 1) }; $f([1], 30) )",
  "$replace($pad('', 1000, 'a'), 'a', $pad('', 1000, 'b'))",
  "[1..$states.input.n]",
  "$string($states.input)",
  `${"(".repeat(150)}1${")".repeat(150)}`,
  "$parse($states.input.text)",
  "$contains($pad('', 40, 'a') & '!', /^(a+)+$/)",
];

const jsonPaths = ["$", "$.a", "$.items[0]", "$.missing", `$${"[?(@.a".repeat(200)}${")]".repeat(200)}`, "$.items[?(@.a > 1)]", "$.items[?(@.s =~ /(a+)+b/)]"];

function stateArb(i: number, size: number, jsonata: boolean): fc.Arbitrary<StateDef> {
  // Any state may go to any other (loops included): the history limit ends endless ones.
  const target = fc.integer({ min: 0, max: size - 1 }).map((t) => `S${t}`);
  const next = fc.oneof(target.map((Next) => ({ Next })), fc.constant({ End: true }));
  const pass = fc.tuple(next, fc.constantFrom(...(jsonata ? expressions : jsonPaths))).map(([n, e]) =>
    jsonata ? { Type: "Pass", Output: `{% ${e} %}`, ...n } : { Type: "Pass", Parameters: { "v.$": e }, ...n },
  );
  const task = fc.tuple(next, fc.constantFrom(...Object.keys(behaviours)), fc.boolean()).map(([n, b, caught]) => ({
    Type: "Task",
    Resource: `${FN}-${b}`,
    TimeoutSeconds: 5,
    ...(caught ? { Catch: [{ ErrorEquals: ["States.ALL"], Next: `S${(i + 1) % size}` }] } : {}),
    ...n,
  }));
  const choice = fc.tuple(target, target).map(([a, b]) =>
    jsonata
      ? { Type: "Choice", Choices: [{ Condition: "{% $states.input.n > 3 %}", Next: a }], Default: b }
      : { Type: "Choice", Choices: [{ Variable: "$.n", NumericGreaterThan: 3, Next: a }], Default: b },
  );
  const wait = next.map((n) => ({ Type: "Wait", Seconds: 30, ...n }));
  const end = fc.constantFrom<StateDef>({ Type: "Succeed" }, { Type: "Fail", Error: "Fuzz.Failed", Cause: "generated" });
  return fc.oneof(pass, task, choice, wait, end);
}

const definitionArb = fc.tuple(fc.integer({ min: 1, max: 5 }), fc.boolean()).chain(([size, jsonata]) =>
  fc.tuple(...Array.from({ length: size }, (_, i) => stateArb(i, size, jsonata))).map((states) => ({
    ...(jsonata ? { QueryLanguage: "JSONata" } : {}),
    StartAt: "S0",
    States: Object.fromEntries(states.map((s, i) => [`S${i}`, s])),
  })),
);

const inputArb = fc.oneof(
  fc.record({ n: fc.oneof(fc.integer({ min: -5, max: 10 }), fc.constantFrom(1e8, 1e15, -1e9, 0.5)), a: fc.integer(), items: fc.array(fc.record({ a: fc.integer(), s: fc.constantFrom("ab", `${"a".repeat(40)}!`) }), { maxLength: 3 }), text: fc.constantFrom("{}", "[1", '{"__proto__": {"polluted": 1}}') }),
  fc.jsonValue({ maxDepth: 3 }),
  fc.constant((() => {
    let v: unknown = 1;
    for (let i = 0; i < 3_000; i++) v = { a: v };
    return v;
  })()),
  fc.constant({ s: "y".repeat(300 * 1024) }),
);

/** Largest gap between two turns of the event loop while `work` runs. */
async function maxLoopGap<T>(work: () => Promise<T>): Promise<{ value: T; gapMs: number }> {
  let last = performance.now();
  let gapMs = 0;
  let running = true;
  const tick = (): void => {
    const now = performance.now();
    gapMs = Math.max(gapMs, now - last);
    last = now;
    if (running) setImmediate(tick);
  };
  setImmediate(tick);
  try {
    return { value: await work(), gapMs };
  } finally {
    running = false;
  }
}

const tasks = Object.fromEntries(Object.entries(behaviours).map(([name, handler]) => [`${FN}-${name}`, handler]));

describe("reliability fuzz: no definition, input or handler can crash, freeze or fool the runtime", () => {
  it("every execution ends, with a named error or a clear rejection, without holding the event loop or touching its caller's data", async () => {
    await fc.assert(
      fc.asyncProperty(definitionArb, inputArb, fc.boolean(), async (definition, input, validate) => {
        const definitionBefore = JSON.stringify(definition);
        const inputBefore = JSON.stringify(input);
        const started = performance.now();
        const { value: outcome, gapMs } = await maxLoopGap(() =>
          runExecution(definition, input, { tasks, validate, maxHistoryEvents: 2_000 }).then(
            (result) => ({ result, rejected: undefined }),
            (rejected: unknown) => ({ result: undefined, rejected }),
          ),
        );
        // Ends within a bounded time, never holding the event loop long.
        expect(performance.now() - started).toBeLessThan(8_000);
        expect(gapMs).toBeLessThan(1_500);
        if (outcome.result === undefined) {
          // Refused up front (invalid definition, input over 256 KiB or too deep): a StatesError.
          expect(isStatesError(outcome.rejected), String(outcome.rejected)).toBe(true);
        } else {
          const { result } = outcome;
          expect(["SUCCEEDED", "FAILED", "TIMED_OUT"]).toContain(result.status);
          if (result.status === "SUCCEEDED") expect(JSON.parse(JSON.stringify(result.output))).toEqual(result.output);
          else expect(result.error).toMatch(/^[A-Za-z][\w.]*$/);
          expect(Object.isFrozen(result)).toBe(true);
        }
        // Nothing outside the execution changed: the caller's definition and input, the prototypes.
        expect(JSON.stringify(definition)).toBe(definitionBefore);
        expect(JSON.stringify(input)).toBe(inputBefore);
        expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
        expect(Object.keys(Object.prototype)).toEqual([]);
      }),
      { numRuns: 80, endOnFailure: true },
    );
  }, 60_000);
});
