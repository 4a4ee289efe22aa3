// `resultField` as a path of fields (JSONPath `ResultPath: "$.a.b"`, JSONata nested `$merge`) and
// on Pass states, executed: both languages keep the other fields on the way and create a missing one.
import { runExecution } from "@stepcraft/runtime";
import { describe, expect, it } from "vitest";
import { resource, typeOnly, workflow } from "../src/index.ts";
import type { QueryLanguage } from "../src/index.ts";

interface Job {
  readonly id: string;
  readonly results: { readonly first: number };
}
const lookup = resource<{ readonly id: string }, { readonly status: string }>("arn:aws:lambda:us-east-1:111122223333:function:Lookup");

describe.each<QueryLanguage>(["JSONPath", "JSONata"])("on the runtime (%s)", (queryLanguage) => {
  it("a Task and a Pass put their results at nested paths, keeping the fields beside them", async () => {
    const flow = workflow("Paths", { input: typeOnly<Job>(), queryLanguage });
    const wf = flow.startWith(
      flow
        .task("Lookup", lookup, { arguments: ($) => ({ id: $.input.id }), resultField: ["results", "lookup"] })
        .pass("Mark", { result: { done: true }, resultField: ["audit", "mark"] })
        .pass("Copy", { output: ($) => ({ id: $.input.id }), resultField: "copy" })
        .pass("Whole", { resultField: ["snapshot", "of", "input"] })
        .pass("Pick", { output: ($) => ({ id: $.input.id, lookup: $.input.results.lookup.status, first: $.input.results.first, done: $.input.audit.mark.done, copy: $.input.copy.id, snap: $.input.snapshot.of.input.id }) }),
    );
    const result = await runExecution(wf.toAsl(), { id: "j-1", results: { first: 1 } }, { tasks: { Lookup: () => ({ status: "OK" }) } });
    expect(result.status).toBe("SUCCEEDED");
    expect(result.output).toEqual({ id: "j-1", lookup: "OK", first: 1, done: true, copy: "j-1", snap: "j-1" });
  });
});
