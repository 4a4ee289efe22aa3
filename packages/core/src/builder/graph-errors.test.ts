import { describe, expect, it } from "vitest";
import { goto, states, succeed, typeOnly, workflow, WorkflowCompileError } from "../index.ts";

const flow = () => workflow("Errors", { input: typeOnly<{ readonly n: number }>() });

/** The line of the caller, to compare with the call site named in messages. */
function lineHere(): number {
  const frame = new Error().stack?.split("\n")[2] ?? "";
  return Number(/:(\d+):\d+\)?$/.exec(frame)?.[1]);
}

const SELF = "packages/core/src/builder/graph-errors.test.ts";

describe("graph errors name the builder call site", () => {
  it("duplicate state names", () => {
    const f = flow();
    const firstLine = lineHere() + 1;
    const first = f.pass("Same");
    const secondLine = lineHere() + 1;
    const second = first.pass("Same");
    const { diagnostics } = f.startWith(second).compile();
    expect(diagnostics).toEqual([
      {
        code: "DUPLICATE_STATE_NAME",
        path: "/States/Same",
        message: `state name "Same" is used twice: at ${SELF}:${firstLine} and at ${SELF}:${secondLine}`,
        severity: "error",
      },
    ]);
  });

  it("duplicate names across nested graphs (names are global in ASL)", () => {
    const f = flow();
    const line = lineHere() + 1;
    const inner = f.parallel("P", { branches: [(b) => b.pass("Twin")] });
    const { diagnostics } = f.startWith(inner.pass("Twin")).compile();
    expect(diagnostics.map((d) => d.code)).toEqual(["DUPLICATE_STATE_NAME"]);
    expect(diagnostics[0]?.message).toContain(`${SELF}:${line}`);
  });

  it("a state reused in two graphs", () => {
    const f = flow();
    const shared = states<{ readonly n: number }>();
    const line = lineHere() + 1;
    const audit = shared.pass("Audit");
    const par = f.parallel("P", { branches: [() => audit] });
    const { diagnostics } = f.startWith(audit.then(par)).compile();
    const reused = diagnostics.find((d) => d.code === "STATE_REUSED");
    expect(reused?.path).toBe("/States/P/Branches/0/States/Audit");
    expect(reused?.message).toBe(`state "Audit" (${SELF}:${line}) is used in two graphs (/ and /States/P/Branches/0); create a separate state for each`);
  });

  it("a transition to a state outside the graph", () => {
    const f = flow();
    const elsewhereLine = lineHere() + 1;
    const elsewhere = f.pass("Elsewhere");
    const line = lineHere() + 1;
    const jump = f.pass("Start").then(goto(elsewhere));
    const { diagnostics } = f.startWith(jump).compile();
    expect(diagnostics).toEqual([
      {
        code: "MISSING_TRANSITION_TARGET",
        path: "/States/Start",
        message: `"Start" transitions to "Elsewhere" (${SELF}:${elsewhereLine}), which is not in the same graph (${SELF}:${line})`,
        severity: "error",
      },
    ]);
  });

  it("a dead end: a loop that can never finish", () => {
    const f = flow();
    const pollLine = lineHere() + 1;
    const poll = f.wait("Poll", { seconds: 10 });
    const checkLine = lineHere() + 1;
    const loop = poll.choice("Done?").when(($) => $.input.n.gt(0), goto(poll)).otherwise(goto(poll));
    const { diagnostics } = f.startWith(loop).compile();
    expect(diagnostics.map((d) => [d.code, d.path])).toEqual([
      ["DEAD_END", "/States/Poll"],
      ["DEAD_END", "/States/Done?"],
    ]);
    expect(diagnostics[0]?.message).toBe(`state "Poll" (${SELF}:${pollLine}) can never reach an end: every path from it loops without Succeed, Fail or End`);
    expect(diagnostics[1]?.message).toContain(`${SELF}:${checkLine}`);
  });

  it("a loop with an exit compiles (goto is a back edge, not a copy)", () => {
    const f = flow();
    const poll = f.wait("Poll", { seconds: 10 });
    const loop = poll.choice("Done?").when(($) => $.input.n.gt(0), succeed("Finished")).otherwise(goto(poll));
    expect(f.startWith(loop).toAsl().States["Done?"]).toEqual({
      Type: "Choice",
      Choices: [{ Condition: "{% $states.input.n > 0 %}", Next: "Finished" }],
      Default: "Poll",
    });
  });

  it("toAsl throws one error listing every diagnostic", () => {
    const f = flow();
    const a = f.pass("A");
    const broken = a.pass("A").pass("B").pass("B");
    let thrown: unknown;
    try {
      f.startWith(broken).toAsl();
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(WorkflowCompileError);
    const error = thrown as WorkflowCompileError;
    expect(error.diagnostics.map((d) => d.code)).toEqual(["DUPLICATE_STATE_NAME", "DUPLICATE_STATE_NAME"]);
    expect(error.message.split("\n")).toHaveLength(3);
    expect(error.message).toContain('workflow "Errors" does not compile');
  });
});
