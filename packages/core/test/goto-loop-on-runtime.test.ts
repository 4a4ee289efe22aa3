// The loop of src/builder/goto-refined.test.ts executed: a Catcher that jumps back to its own task
// (a goto taken before `.catch()`) reaches the refined state, Catcher included.
import { runExecution } from "@stepcraft/runtime";
import { describe, expect, it } from "vitest";
import { goto, resource, states, succeed, typeOnly, workflow } from "../src/index.ts";
import type { ErrorOutput } from "../src/index.ts";

interface Job {
  readonly jobId: string;
}
const check = resource<Job, { readonly done: boolean }, readonly ["Busy"]>("arn:aws:lambda:us-east-1:111122223333:function:Check", { errors: ["Busy"] });

describe("goto to a task refined later by .catch(), on the runtime", () => {
  it("the loop runs on the runtime: caught twice, then done", async () => {
    const f = workflow("Poll", { input: typeOnly<Job>() });
    const poll = f.task("Check", check, { arguments: ($) => ({ jobId: $.input.jobId }), resultField: "status" });
    const backOff = states<ErrorOutput>().wait("BackOff", { seconds: 5, output: () => ({ jobId: "again" }) }).then(goto(poll));
    const flow = f.startWith(poll.catch({ errors: ["Busy"], next: backOff }).then(succeed("Done")));
    let calls = 0;
    const busy = Object.assign(new Error("busy"), { name: "Busy" });
    const result = await runExecution(flow.toAsl(), { jobId: "j-1" }, {
      tasks: {
        Check: () => {
          calls += 1;
          if (calls < 3) throw busy;
          return { done: true };
        },
      },
    });
    expect([result.status, result.error, result.cause]).toEqual(["SUCCEEDED", undefined, undefined]);
    expect(calls).toBe(3);
    expect(result.output).toEqual({ jobId: "again", status: { done: true } });
  });

});
