import { describe, expect, it } from "vitest";
import { prepareStateMachine } from "../engine/machine.ts";
import { StateMachineRegistry } from "../integrations/index.ts";
import { testExecution } from "../testing/test-execution.ts";
import { mergeCoverage } from "./coverage-data.ts";
import { summarizeMachine } from "./coverage-summary.ts";
import type { CoverageItem } from "./coverage-summary.ts";
import { activeCoverageRecorder, CoverageRecorder, definitionHash, startCoverageRecording, stopCoverageRecording } from "./recorder.ts";

const WORK = "arn:aws:lambda:us-east-1:123456789012:function:work";

/** Every kind of thing coverage counts: rules and a Default, two Retriers, two Catchers, Parallel, Map, Succeed, Fail. */
const definition = {
  StartAt: "Route",
  States: {
    Route: {
      Type: "Choice",
      Choices: [
        { Variable: "$.kind", StringEquals: "a", Next: "Work" },
        { Variable: "$.kind", StringEquals: "b", Next: "Both" },
      ],
      Default: "Reject",
    },
    Work: {
      Type: "Task",
      Resource: WORK,
      Retry: [
        { ErrorEquals: ["Flaky"], MaxAttempts: 2, IntervalSeconds: 1 },
        { ErrorEquals: ["Never"] },
      ],
      Catch: [
        { ErrorEquals: ["Broken"], Next: "Recover" },
        { ErrorEquals: ["States.ALL"], Next: "Reject" },
      ],
      Next: "Done",
    },
    Both: { Type: "Parallel", Branches: [{ StartAt: "B1", States: { B1: { Type: "Pass", End: true } } }], ResultPath: null, Next: "Each" },
    Each: { Type: "Map", ItemsPath: "$.items", ItemProcessor: { StartAt: "Item", States: { Item: { Type: "Pass", End: true } } }, ResultPath: null, Next: "Done" },
    Recover: { Type: "Pass", Next: "Done" },
    Done: { Type: "Succeed" },
    Reject: { Type: "Fail", Error: "Rejected" },
  },
};

function byLabel(items: readonly CoverageItem[]): Record<string, number> {
  return Object.fromEntries(items.map((i) => [`${i.metric}: ${i.label}`, i.hits]));
}

/** A Choice state `name` with these rules and Default, and a Succeed state for each target. */
function choiceTo(name: string, rules: ReadonlyArray<{ readonly Next: string }>, defaultTarget: string): Record<string, unknown> {
  const targets = [...rules.map((rule) => rule.Next), defaultTarget];
  return { [name]: { Type: "Choice", Choices: rules, Default: defaultTarget }, ...Object.fromEntries(targets.map((target) => [target, { Type: "Succeed" }])) };
}

async function runCases(recorder: CoverageRecorder): Promise<void> {
  const options = { name: "Covered", coverage: recorder } as const;
  // kind a: Work fails once with Flaky (Retry[0]), then succeeds → Done.
  await testExecution(definition, { kind: "a" }, { ...options, mocks: { Work: [{ error: "Flaky", cause: "once" }, { result: { ok: true } }] } });
  // kind b: Parallel branch, then two Map iterations → Done.
  await testExecution(definition, { kind: "b", items: [1, 2] }, options);
}

describe("workflow coverage recording", () => {
  it("counts every state, rule, Default, Retrier, Catcher and edge exactly (hand-checked)", async () => {
    const recorder = new CoverageRecorder();
    await runCases(recorder);
    const [machine] = recorder.snapshot().machines;
    expect(machine?.name).toBe("Covered");
    expect(machine?.hash).toBe(definitionHash(definition));
    const summary = summarizeMachine(machine!);
    expect(byLabel(summary.items)).toEqual({
      "states: Route": 2,
      "branches: Route → Work (rule 1)": 1,
      "edges: Route → Work (rule 1)": 1,
      "branches: Route → Both (rule 2)": 1,
      "edges: Route → Both (rule 2)": 1,
      "branches: Route → Reject (Default)": 0,
      "edges: Route → Reject (Default)": 0,
      "states: Work": 1,
      "retriers: Work Retry[0] Flaky": 1,
      "retriers: Work Retry[1] Never": 0,
      "catchers: Work Catch[0] Broken → Recover": 0,
      "edges: Work → Recover (Catch[0])": 0,
      "catchers: Work Catch[1] States.ALL → Reject": 0,
      "edges: Work → Reject (Catch[1])": 0,
      "edges: Work → Done": 1,
      "states: Both": 1,
      "edges: Both → Each": 1,
      "states: B1": 1,
      "states: Each": 1,
      "edges: Each → Done": 1,
      "states: Item": 2,
      "states: Recover": 0,
      "edges: Recover → Done": 0,
      "states: Done": 2,
      "states: Reject": 0,
    });
    expect(summary.metrics).toEqual({
      states: { covered: 7, total: 9, percent: 77.7 },
      branches: { covered: 2, total: 3, percent: 66.6 },
      catchers: { covered: 0, total: 2, percent: 0 },
      retriers: { covered: 1, total: 2, percent: 50 },
      edges: { covered: 5, total: 9, percent: 55.5 },
    });
  });

  it("tells a caught visit from a Next: the Catch edge is covered, the Next edge is not", async () => {
    const recorder = new CoverageRecorder();
    await testExecution(definition, { kind: "a" }, { name: "Covered", coverage: recorder, mocks: { Work: { error: "Broken", cause: "down" } } });
    await testExecution(definition, { kind: "z" }, { name: "Covered", coverage: recorder });
    const hits = byLabel(summarizeMachine(recorder.snapshot().machines[0]!).items);
    expect(hits["catchers: Work Catch[0] Broken → Recover"]).toBe(1);
    expect(hits["edges: Work → Recover (Catch[0])"]).toBe(1);
    expect(hits["edges: Work → Done"]).toBe(0);
    expect(hits["edges: Recover → Done"]).toBe(1);
    expect(hits["branches: Route → Reject (Default)"]).toBe(1);
    expect(hits["states: Reject"]).toBe(1);
  });

  it("keeps machines apart by name and by definition, and adds up runs of the same one", async () => {
    const recorder = new CoverageRecorder();
    const pass = { StartAt: "P", States: { P: { Type: "Pass", End: true } } };
    await prepareStateMachine(pass, { name: "One", coverage: recorder }).run({});
    await prepareStateMachine(pass, { name: "One", coverage: recorder }).run({});
    await prepareStateMachine(pass, { name: "Two", coverage: recorder }).run({});
    await prepareStateMachine({ ...pass, Comment: "changed" }, { name: "Two", coverage: recorder }).run({});
    const machines = recorder.snapshot().machines;
    expect(machines.map((m) => [m.name, m.states["P"]?.entered])).toEqual([
      ["One", 2],
      ["Two", 1],
      ["Two", 1],
    ]);
  });

  it("tells a definition changed in place from its earlier self, validated or not, and finds the earlier one again", async () => {
    for (const validate of [true, false]) {
      const recorder = new CoverageRecorder();
      const options = { name: "Mutable", coverage: recorder, validate };
      const def: { StartAt: string; States: Record<string, Record<string, unknown>> } = { StartAt: "P", States: { P: { Type: "Pass", End: true } } };
      const before = JSON.stringify(def);
      await prepareStateMachine(def, options).run({});
      def.States["P"]!["Result"] = "changed";
      await prepareStateMachine(def, options).run({});
      await prepareStateMachine(def, options).run({});
      // Back to the first definition (the same text, from a string this time): its machine again.
      await prepareStateMachine(before, options).run({});
      const machines = recorder.snapshot().machines;
      expect(machines.map((m) => [m.hash, m.states["P"]?.entered])).toEqual([
        [definitionHash(JSON.parse(before)), 2],
        [definitionHash(def), 2],
      ]);
    }
  });

  it("hashes the definition's JSON: equal definitions share a hash, any change makes another", () => {
    expect(definitionHash({ a: 1, b: [1, { c: 2 }] })).toBe(definitionHash(JSON.parse('{"a":1,"b":[1,{"c":2}]}')));
    expect(definitionHash({ a: 1 })).not.toBe(definitionHash({ a: 2 }));
    expect(definitionHash({ a: 1 })).toMatch(/^[0-9a-f]{16}$/);
  });

  it("zeroes the counters on a resetting snapshot, so successive snapshots never count a run twice", async () => {
    const recorder = new CoverageRecorder();
    const machine = prepareStateMachine({ StartAt: "P", States: { P: { Type: "Pass", End: true } } }, { coverage: recorder });
    await machine.run({});
    expect(recorder.snapshot({ reset: true }).machines[0]?.states["P"]?.entered).toBe(1);
    expect(recorder.snapshot().machines[0]?.states["P"]?.entered).toBe(0);
    await machine.run({});
    expect(recorder.snapshot().machines[0]?.states["P"]?.entered).toBe(1);
  });

  it("records nothing unless a recorder is on, and `coverage: false` opts a machine out", async () => {
    const wasOn = activeCoverageRecorder() !== undefined;
    const def = { StartAt: "Quiet", States: { Quiet: { Type: "Pass", End: true } } };
    const recorder = startCoverageRecording();
    try {
      await prepareStateMachine(def, { name: "OptedOut", coverage: false }).run({});
      await prepareStateMachine(def, { name: "OptedIn" }).run({});
      const names = recorder.snapshot().machines.map((m) => m.name);
      expect(names).toContain("OptedIn");
      expect(names).not.toContain("OptedOut");
    } finally {
      // Under the coverage reporter recording is on for the whole file: leave it on.
      if (!wasOn) stopCoverageRecording();
    }
    if (!wasOn) expect(activeCoverageRecorder()).toBeUndefined();
  });

  it("takes the builder's call sites from a workflow's stateSites()", async () => {
    const recorder = new CoverageRecorder();
    const workflowLike = {
      name: "Sited",
      toAsl: () => ({ StartAt: "P", States: { P: { Type: "Pass", End: true } } }),
      stateSites: () => ({ P: "src/flow.ts:12" }),
    };
    await testExecution(workflowLike, {}, { coverage: recorder });
    expect(recorder.snapshot().machines[0]?.sites).toEqual({ P: "src/flow.ts:12" });
  });

  it("counts a nested machine on its own, under its own name", async () => {
    const recorder = new CoverageRecorder();
    const childArn = "arn:aws:states:us-east-1:123456789012:stateMachine:Doubler";
    const machines = new StateMachineRegistry({ defaults: { coverage: recorder } });
    machines.register(childArn, { StartAt: "Double", States: { Double: { Type: "Pass", End: true } } });
    const parent = {
      StartAt: "RunChild",
      States: { RunChild: { Type: "Task", Resource: "arn:aws:states:::states:startExecution.sync:2", Parameters: { StateMachineArn: childArn, Input: {} }, End: true } },
    };
    const run = await testExecution(parent, {}, { name: "Parent", coverage: recorder, resolveTask: machines.resolver() });
    expect(run.status).toBe("SUCCEEDED");
    const counted = recorder.snapshot().machines.map((m) => [m.name, Object.fromEntries(Object.entries(m.states).map(([k, v]) => [k, v.entered]))]);
    expect(counted).toEqual([
      ["Doubler", { Double: 1 }],
      ["Parent", { RunChild: 1 }],
    ]);
  });

  it("counts JSONata Choice conditions and the Default the same way", async () => {
    const recorder = new CoverageRecorder();
    const rules = [
      { Condition: "{% $states.input.n > 10 %}", Next: "Big" },
      { Condition: "{% $states.input.n > 5 %}", Next: "Medium" },
    ];
    const jsonata = { QueryLanguage: "JSONata", StartAt: "Size", States: choiceTo("Size", rules, "Small") };
    for (const n of [20, 1, 2]) await testExecution(jsonata, { n }, { name: "Sizes", coverage: recorder });
    const hits = byLabel(summarizeMachine(recorder.snapshot().machines[0]!).items);
    expect(hits["branches: Size → Big (rule 1)"]).toBe(1);
    expect(hits["branches: Size → Medium (rule 2)"]).toBe(0);
    expect(hits["branches: Size → Small (Default)"]).toBe(2);
    expect(hits["states: Medium"]).toBe(0);
  });

  it("counts the branch each Choice took when Choices finish asynchronously and interleave (Map iterations)", async () => {
    const recorder = new CoverageRecorder();
    // Regular expressions and `$reduce` are left to the jsonata evaluator: conditions and Outputs
    // settle later, rule 1's Output many steps later, while the other iterations' Choices run.
    const rules = [
      { Condition: "{% $contains($states.input, /a$/) %}", Output: "{% $reduce([1..20], function($sum, $n) { $sum + $n }) %}", Next: "A" },
      { Condition: "{% $contains($states.input, /b$/) %}", Next: "B" },
    ];
    const definition = {
      QueryLanguage: "JSONata",
      StartAt: "Each",
      States: {
        Each: {
          Type: "Map",
          Items: "{% $states.input.paths %}",
          ItemProcessor: { StartAt: "Route", States: choiceTo("Route", rules, "Other") },
          End: true,
        },
      },
    };
    const run = await testExecution(definition, { paths: ["x/a", "x/b", "x/c", "x/a", "x/b", "x/b", "x/c", "x/b"] }, { name: "Interleaved", coverage: recorder });
    expect(run.status).toBe("SUCCEEDED");
    const hits = byLabel(summarizeMachine(recorder.snapshot().machines[0]!).items);
    expect([hits["branches: Route → A (rule 1)"], hits["branches: Route → B (rule 2)"], hits["branches: Route → Other (Default)"]]).toEqual([2, 4, 2]);
    expect([hits["states: A"], hits["states: B"], hits["states: Other"]]).toEqual([2, 4, 2]);
  });

  it("counts a rule, Default or Catcher only when its transition happens: not when the state's Output or Assign then fails", async () => {
    const recorder = new CoverageRecorder();
    // `$missing.x` fails (States.QueryEvaluationError) where the chosen path needs it.
    const late = {
      QueryLanguage: "JSONata",
      StartAt: "Route",
      States: {
        Route: {
          Type: "Choice",
          Choices: [
            { Condition: "{% $states.input.n = 1 %}", Output: "{% $states.input.missing.x %}", Next: "Work" },
            { Condition: "{% $states.input.n = 2 %}", Assign: { a: "{% $states.input.missing.x %}" }, Next: "Work" },
          ],
          Default: "Work",
          Output: "{% $states.input.missing.x %}",
        },
        Work: {
          Type: "Task",
          Resource: WORK,
          Catch: [
            { ErrorEquals: ["OutputFails"], Output: "{% $states.errorOutput.missing.x %}", Next: "Done" },
            { ErrorEquals: ["AssignFails"], Assign: { a: "{% $states.errorOutput.missing.x %}" }, Next: "Done" },
            { ErrorEquals: ["States.ALL"], Next: "Done" },
          ],
          End: true,
        },
        Done: { Type: "Succeed" },
      },
    };
    for (const n of [1, 2, 3]) {
      const run = await testExecution(late, { n }, { name: "Late", coverage: recorder });
      expect(run.error, `n = ${n}`).toBe("States.QueryEvaluationError");
    }
    // A JSONPath Choice whose OutputPath finds nothing fails the same way.
    const jsonPath = { StartAt: "Pick", States: { Pick: { Type: "Choice", Choices: [{ Variable: "$.n", NumericEquals: 1, Next: "End" }], Default: "End", OutputPath: "$.missing" }, End: { Type: "Succeed" } } };
    for (const n of [1, 2]) expect((await testExecution(jsonPath, { n }, { name: "LatePath", coverage: recorder })).error).toBe("States.Runtime");
    for (const error of ["OutputFails", "AssignFails"]) {
      const direct = { QueryLanguage: "JSONata", StartAt: "Work", States: { Work: late.States.Work, Done: late.States.Done } };
      const run = await testExecution(direct, {}, { name: "LateCatch", coverage: recorder, mocks: { Work: { error, cause: "x" } } });
      expect(run.error, error).toBe("States.QueryEvaluationError");
    }
    const [lateMachine, pathMachine, direct] = recorder.snapshot().machines;
    const routed = byLabel(summarizeMachine(lateMachine!).items);
    expect(routed["states: Route"]).toBe(3);
    expect(routed["branches: Route → Work (rule 1)"]).toBe(0);
    expect(routed["branches: Route → Work (rule 2)"]).toBe(0);
    expect(routed["branches: Route → Work (Default)"]).toBe(0);
    expect(routed["edges: Route → Work (rule 1)"]).toBe(0);
    expect(routed["states: Work"]).toBe(0);
    const picked = byLabel(summarizeMachine(pathMachine!).items);
    expect([picked["branches: Pick → End (rule 1)"], picked["branches: Pick → End (Default)"], picked["states: End"]]).toEqual([0, 0, 0]);
    const caught = byLabel(summarizeMachine(direct!).items);
    expect(caught["states: Work"]).toBe(2);
    expect(caught["catchers: Work Catch[0] OutputFails → Done"]).toBe(0);
    expect(caught["catchers: Work Catch[1] AssignFails → Done"]).toBe(0);
    expect(caught["edges: Work → Done (Catch[0])"]).toBe(0);
    expect(caught["edges: Work → Done (Catch[1])"]).toBe(0);
    expect(caught["states: Done"]).toBe(0);
  });

  describe("visits that are pending, halted or failed (exits are derived from entries, failures and pending visits)", () => {
    /** Work waits for an answer the test gives; Done follows it. */
    const waiting = { StartAt: "Work", States: { Work: { Type: "Task", Resource: WORK, Next: "Done" }, Done: { Type: "Succeed" } } };

    function controlledWork(recorder: CoverageRecorder) {
      const answers: Array<{ resolve: (value: unknown) => void; reject: (error: unknown) => void }> = [];
      const handler = () => new Promise((resolve, reject) => answers.push({ resolve, reject }));
      const machine = prepareStateMachine(waiting, { name: "Waiting", coverage: recorder, tasks: { [WORK]: handler } });
      return { machine, answers };
    }

    const turn = () => new Promise((resolve) => setImmediate(resolve));

    it("counts a visit still pending at a snapshot as entered and not exited, and its exit in the snapshot after it settles", async () => {
      const recorder = new CoverageRecorder();
      const { machine, answers } = controlledWork(recorder);
      const execution = machine.start({});
      await turn();
      expect(answers).toHaveLength(1);
      const during = recorder.snapshot({ reset: true });
      expect(during.machines[0]?.states["Work"]).toMatchObject({ entered: 1, exited: 0 });
      expect(byLabel(summarizeMachine(during.machines[0]!).items)["edges: Work → Done"]).toBe(0);
      answers[0]!.resolve({ ok: true });
      expect((await execution.result).status).toBe("SUCCEEDED");
      const after = recorder.snapshot({ reset: true });
      // The visit began before the resetting snapshot: this one has its exit, not its entry.
      expect(after.machines[0]?.states["Work"]).toMatchObject({ entered: 0, exited: 1 });
      expect(after.machines[0]?.states["Done"]).toMatchObject({ entered: 1 });
      const whole = byLabel(summarizeMachine(mergeCoverage([during, after]).machines[0]!).items);
      expect([whole["states: Work"], whole["edges: Work → Done"], whole["states: Done"]]).toEqual([1, 1, 1]);
    });

    it("counts interleaved visits of one state exactly while some are pending and others settle", async () => {
      const recorder = new CoverageRecorder();
      const { machine, answers } = controlledWork(recorder);
      const executions = [machine.start({}), machine.start({}), machine.start({})];
      await turn();
      answers[1]!.resolve({});
      answers[2]!.reject(new Error("down"));
      await Promise.all([executions[1]!.result, executions[2]!.result]);
      expect(recorder.snapshot().machines[0]?.states["Work"]).toMatchObject({ entered: 3, exited: 1 });
      answers[0]!.resolve({});
      await executions[0]!.result;
      const hits = byLabel(summarizeMachine(recorder.snapshot().machines[0]!).items);
      expect([hits["states: Work"], hits["edges: Work → Done"], hits["states: Done"]]).toEqual([3, 2, 2]);
    });

    it("does not count an exit for a visit halted while pending (the execution aborted)", async () => {
      const recorder = new CoverageRecorder();
      const { machine } = controlledWork(recorder);
      const execution = machine.start({});
      await turn();
      execution.abort();
      expect((await execution.result).status).toBe("ABORTED");
      await turn();
      const hits = byLabel(summarizeMachine(recorder.snapshot().machines[0]!).items);
      expect([hits["states: Work"], hits["edges: Work → Done"], hits["states: Done"]]).toEqual([1, 0, 0]);
    });

    it("does not count an exit for a visit that failed, synchronously or asynchronously", async () => {
      const recorder = new CoverageRecorder();
      const { machine, answers } = controlledWork(recorder);
      const execution = machine.start({});
      await turn();
      answers[0]!.reject(new Error("down"));
      expect((await execution.result).status).toBe("FAILED");
      const failing = { StartAt: "Shape", States: { Shape: { Type: "Pass", Parameters: { "x.$": "$.missing" }, Next: "Done" }, Done: { Type: "Succeed" } } };
      expect((await testExecution(failing, {}, { name: "Failing", coverage: recorder })).error).toBe("States.Runtime");
      const [asynchronous, synchronous] = recorder.snapshot().machines.map((m) => byLabel(summarizeMachine(m).items));
      expect([asynchronous!["states: Work"], asynchronous!["edges: Work → Done"], asynchronous!["states: Done"]]).toEqual([1, 0, 0]);
      expect([synchronous!["states: Shape"], synchronous!["edges: Shape → Done"], synchronous!["states: Done"]]).toEqual([1, 0, 0]);
    });

    it("counts a Choice visit that took no branch (no rule matched, no Default) as a visit and nothing else", async () => {
      const recorder = new CoverageRecorder();
      // No rule matches n = 3 and there is no Default: States.NoChoiceMatched.
      const routing = {
        QueryLanguage: "JSONata",
        StartAt: "Route",
        States: {
          Route: { Type: "Choice", Choices: [{ Condition: "{% $states.input.n = 1 %}", Next: "One" }, { Condition: "{% $states.input.n = 2 %}", Next: "Two" }] },
          One: { Type: "Succeed" },
          Two: { Type: "Succeed" },
        },
      };
      for (const n of [1, 2, 2, 3]) await testExecution(routing, { n }, { name: "Routing", coverage: recorder });
      const hits = byLabel(summarizeMachine(recorder.snapshot().machines[0]!).items);
      expect([hits["states: Route"], hits["branches: Route → One (rule 1)"], hits["branches: Route → Two (rule 2)"], hits["states: One"], hits["states: Two"]]).toEqual([4, 1, 2, 1, 2]);
    });
  });
});
