// A `goto` taken before `.retry()`/`.catch()` refine a Task, Map or Parallel still leads to that
// state: refinements keep the state's identity (they used to mint a new one, so the goto pointed at
// a stale copy outside the graph and compiled to MISSING_TRANSITION_TARGET).
import { describe, expect, it } from "vitest";
import { goto, resource, states, succeed, typeOnly, workflow } from "../index.ts";
import type { ErrorOutput } from "../index.ts";

interface Job {
  readonly jobId: string;
}
const check = resource<Job, { readonly done: boolean }, readonly ["Busy"]>("arn:aws:lambda:us-east-1:111122223333:function:Check", { errors: ["Busy"] });

describe("goto to a state refined later by .retry()/.catch()", () => {
  it("a Catcher loops back to its own task (through a Wait)", () => {
    const f = workflow("Poll", { input: typeOnly<Job>() });
    const poll = f.task("Check", check, { arguments: ($) => ({ jobId: $.input.jobId }), resultField: "status" });
    // The catch target jumps to `poll`, taken before `.catch()` exists.
    const backOff = states<ErrorOutput>().wait("BackOff", { seconds: 5, output: ($) => ({ jobId: "again" }) }).then(goto(poll));
    const looped = poll.retry({ errors: ["States.Timeout"], maxAttempts: 2 }).catch({ errors: ["Busy"], next: backOff });
    const { asl, diagnostics } = f.startWith(looped.then(succeed("Done"))).compile();
    expect(diagnostics).toEqual([]);
    expect(asl.StartAt).toBe("Check");
    expect(asl.States["Check"]).toMatchObject({
      Retry: [{ ErrorEquals: ["States.Timeout"], MaxAttempts: 2 }],
      Catch: [{ ErrorEquals: ["Busy"], Next: "BackOff" }],
      Next: "Done",
    });
    expect(asl.States["BackOff"]).toMatchObject({ Type: "Wait", Next: "Check" });
    expect(Object.keys(asl.States)).toEqual(["Check", "Done", "BackOff"]);
  });

  it("a later state loops back to a task refined afterwards, in JSONPath too", () => {
    const f = workflow("Poll", { input: typeOnly<Job>(), queryLanguage: "JSONPath" });
    const poll = f.task("Check", check, { arguments: ($) => ({ jobId: $.input.jobId }), resultField: "status" });
    const failed = states<ErrorOutput>().succeed("GaveUp");
    const refined = poll.catch({ errors: ["States.ALL"], next: failed });
    const loop = refined.choice("Done?").when(($) => $.input.status.done.eq(true), succeed("Finished")).otherwise((s) => s.wait("Later", { seconds: 1 }).then(goto(poll)));
    const { asl, diagnostics } = f.startWith(loop).compile();
    expect(diagnostics).toEqual([]);
    expect(asl.States["Later"]).toMatchObject({ Next: "Check" });
    expect(asl.States["Check"]).toMatchObject({ Catch: [{ ErrorEquals: ["States.ALL"], Next: "GaveUp" }] });
  });

  it("joining the state both before and after .catch() is reported, not silently merged", () => {
    const f = workflow("Twice", { input: typeOnly<Job>() });
    const echo = resource<Job, Job>("arn:aws:lambda:us-east-1:111122223333:function:Echo");
    const plain = f.task("Echo", echo);
    const caught = plain.catch({ errors: ["States.ALL"], next: succeed("Caught") });
    const { diagnostics: joined } = f.startWith(caught.then(plain)).compile();
    expect(joined.map((d) => [d.code, d.path])).toEqual([["STATE_VERSIONS_JOINED", "/States/Echo"]]);
    expect(joined[0]?.message).toContain("both before and after a .retry()/.catch()");
    // In two blocks, the versions are one state used in two graphs.
    const split = f.parallel("Both", { branches: [() => caught] }).pass("Again", { output: () => ({ jobId: "x" }) }).then(plain);
    expect(f.startWith(split).compile().diagnostics.map((d) => d.code)).toContain("STATE_REUSED");
  });
});
