import { describe, expect, it } from "vitest";
import type { Expr } from "../ir/expr-node.ts";
import { deepFreeze } from "../ir/freeze.ts";
import type { QueryLanguage, WorkflowNode } from "../ir/state-node.ts";
import { renderWorkflow } from "./asl-compiler.ts";

const input = (...segments: string[]): Expr => ({ kind: "path", root: "input", segments });
const result = (...segments: string[]): Expr => ({ kind: "path", root: "result", segments });

function charge(queryLanguage: QueryLanguage): WorkflowNode {
  return deepFreeze<WorkflowNode>({
    kind: "workflow",
    name: "Charge",
    queryLanguage,
    body: {
      kind: "block",
      startAt: "Charge",
      states: [
        {
          kind: "task",
          name: "Charge",
          site: "test:1",
          resource: "arn:aws:states:::lambda:invoke",
          arguments: { kind: "object", entries: [["FunctionName", { kind: "literal", value: "charge" }], ["Payload", { kind: "object", entries: [["amount", input("total")]] }]] },
          output: { kind: "object", entries: [["receipt", result("Payload", "id")]] },
          assign: { kind: "object", entries: [["chargedAt", { kind: "path", root: "context", segments: ["State", "EnteredTime"] }]] },
          retry: [{ errors: ["States.Timeout"], maxAttempts: 2 }],
          catch: [],
          transition: { kind: "next", target: "Done" },
        },
        { kind: "succeed", name: "Done", site: "test:2" },
      ],
    },
  });
}

describe("renderWorkflow", () => {
  it("renders a JSONata task from its pieces, omitting empty lists", () => {
    const { asl, diagnostics } = renderWorkflow(charge("JSONata"));
    expect(diagnostics).toEqual([]);
    expect(asl).toEqual({
      QueryLanguage: "JSONata",
      StartAt: "Charge",
      States: {
        Charge: {
          Type: "Task",
          Resource: "arn:aws:states:::lambda:invoke",
          Arguments: { FunctionName: "charge", Payload: { amount: "{% $states.input.total %}" } },
          Output: { receipt: "{% $states.result.Payload.id %}" },
          Assign: { chargedAt: "{% $states.context.State.EnteredTime %}" },
          Retry: [{ ErrorEquals: ["States.Timeout"], MaxAttempts: 2 }],
          Next: "Done",
        },
        Done: { Type: "Succeed" },
      },
    });
  });

  it("renders the same IR in JSONPath with .$ keys and ResultSelector", () => {
    const { asl, diagnostics } = renderWorkflow(charge("JSONPath"));
    expect(diagnostics).toEqual([]);
    expect(asl.States["Charge"]).toEqual({
      Type: "Task",
      Resource: "arn:aws:states:::lambda:invoke",
      Parameters: { FunctionName: "charge", Payload: { "amount.$": "$.total" } },
      ResultSelector: { "receipt.$": "$.Payload.id" },
      Assign: { "chargedAt.$": "$$.State.EnteredTime" },
      Retry: [{ ErrorEquals: ["States.Timeout"], MaxAttempts: 2 }],
      Next: "Done",
    });
  });

  it("is deterministic: the same IR gives byte-identical JSON", () => {
    expect(JSON.stringify(renderWorkflow(charge("JSONata")).asl)).toBe(JSON.stringify(renderWorkflow(charge("JSONata")).asl));
    expect(JSON.stringify(renderWorkflow(charge("JSONata")).asl.States["Charge"])).toBe(
      '{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Arguments":{"FunctionName":"charge","Payload":{"amount":"{% $states.input.total %}"}},"Output":{"receipt":"{% $states.result.Payload.id %}"},"Assign":{"chargedAt":"{% $states.context.State.EnteredTime %}"},"Retry":[{"ErrorEquals":["States.Timeout"],"MaxAttempts":2}],"Next":"Done"}',
    );
  });

  it("reports what JSONPath cannot express instead of emitting wrong ASL", () => {
    const node = charge("JSONPath");
    const mixed: WorkflowNode = {
      ...node,
      body: {
        ...node.body,
        states: node.body.states.map((s) => (s.kind === "task" ? { ...s, output: { kind: "object", entries: [["a", input("x")], ["b", result("y")]] } } : s)),
      },
    };
    const { diagnostics } = renderWorkflow(mixed);
    expect(diagnostics.map((d) => [d.code, d.path])).toEqual([["NOT_EXPRESSIBLE", "/States/Charge"]]);
    expect(diagnostics[0]?.message).toContain("test:1");
  });

  it("reads a JSONPath Pass's Assign from its result: input paths are refused once Parameters or Result is given", () => {
    const pass = (output: Expr | undefined, assigned: Expr): WorkflowNode =>
      deepFreeze<WorkflowNode>({
        kind: "workflow",
        name: "Remember",
        queryLanguage: "JSONPath",
        body: {
          kind: "block",
          startAt: "Remember",
          states: [
            {
              kind: "pass",
              name: "Remember",
              site: "test:7",
              ...(output === undefined ? {} : { output }),
              assign: { kind: "object", entries: [["carrier", assigned]] },
              transition: { kind: "end" },
            },
          ],
        },
      });
    // No Parameters: the Pass result is its input, so the input path is what AWS reads.
    const plain = renderWorkflow(pass(undefined, input("carrier")));
    expect(plain.diagnostics).toEqual([]);
    expect(plain.asl.States["Remember"]).toMatchObject({ Assign: { "carrier.$": "$.carrier" } });
    // An OutputPath applies after Assign: still the input.
    expect(renderWorkflow(pass(input("parcel"), input("carrier"))).diagnostics).toEqual([]);
    const built = renderWorkflow(pass({ kind: "object", entries: [["id", input("id")]] }, input("carrier")));
    expect(built.diagnostics.map((d) => [d.code, d.path])).toEqual([["NOT_EXPRESSIBLE", "/States/Remember"]]);
    expect(built.diagnostics[0]?.message).toContain("only its result");
  });
});
