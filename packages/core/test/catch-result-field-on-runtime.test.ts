// Catcher `resultField` and Fail `cause` from an optional field, executed: the Catcher keeps the
// input beside the error, and a Fail whose cause path is missing at run time fails with a run-time
// error of its own (ASL: a CausePath/ErrorPath, or a JSONata expression, that selects nothing).
import { runExecution } from "@stepcraft/runtime";
import { describe, expect, it } from "vitest";
import { resource, states, typeOnly, workflow } from "../src/index.ts";
import type { ErrorOutput, QueryLanguage } from "../src/index.ts";

interface Order {
  readonly orderId: string;
  readonly note?: string;
}
const charge = resource<{ readonly orderId: string }, { readonly chargeId: string }, readonly ["Declined"]>("arn:aws:lambda:us-east-1:111122223333:function:Charge", {
  errors: ["Declined"],
});
const declined = () => {
  throw Object.assign(new Error("card declined"), { name: "Declined" });
};

describe.each<QueryLanguage>(["JSONPath", "JSONata"])("on the runtime (%s)", (queryLanguage) => {
  it("a resultField Catcher hands the input with the error under the field; Fail reads it", async () => {
    const flow = workflow("Charge", { input: typeOnly<{ readonly orderId: string }>(), queryLanguage });
    const failed = states<{ readonly orderId: string; readonly failure: ErrorOutput }>()
      .pass("Keep", { output: ($) => ({ orderId: $.input.orderId, error: $.input.failure.Error }) })
      .succeed("Recorded");
    const wf = flow.startWith(flow.task("Charge", charge, { arguments: ($) => ({ orderId: $.input.orderId }) }).catch({ errors: ["Declined"], resultField: "failure", next: failed }));
    const result = await runExecution(wf.toAsl(), { orderId: "o-1" }, { tasks: { Charge: declined } });
    expect(result.status).toBe("SUCCEEDED");
    expect(result.output).toEqual({ orderId: "o-1", error: "Declined" });
  });

  it("a Fail cause read from a missing optional field is a run-time error, not the declared failure", async () => {
    const flow = workflow("Cause", { input: typeOnly<Order>(), queryLanguage });
    const wf = flow.startWith(flow.fail("Stop", { error: "Stopped", cause: ($) => $.input.note }));
    const present = await runExecution(wf.toAsl(), { orderId: "o-1", note: "by hand" });
    expect([present.status, present.error, present.cause]).toEqual(["FAILED", "Stopped", "by hand"]);
    const missing = await runExecution(wf.toAsl(), { orderId: "o-1" });
    // As on AWS: JSONPath reports the CausePath that selects nothing, JSONata the expression that returns nothing.
    expect([missing.status, missing.error]).toEqual(["FAILED", queryLanguage === "JSONPath" ? "States.Runtime" : "States.QueryEvaluationError"]);
    expect(missing.cause).toContain(queryLanguage === "JSONPath" ? "CausePath" : "returned nothing");
  });
});
