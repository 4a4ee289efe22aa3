import { describe, expect, it } from "vitest";
import { toMermaid } from "./mermaid.ts";

const orders = {
  Comment: "Orders",
  StartAt: "Check total",
  States: {
    "Check total": {
      Type: "Choice",
      Choices: [{ Variable: "$.total", NumericGreaterThan: 1000, Next: "Needs approval" }],
      Default: "Charge card",
    },
    "Needs approval": { Type: "Task", Resource: "arn:aws:states:::lambda:invoke", Next: "Charge card" },
    "Charge card": {
      Type: "Task",
      Resource: "arn:aws:states:::lambda:invoke",
      Catch: [{ ErrorEquals: ["Card.Declined", "States.Timeout"], Next: "Declined" }],
      End: true,
    },
    Declined: { Type: "Fail", Error: "Declined" },
  },
};

describe("toMermaid", () => {
  it("draws a Choice with rule labels, Default, a dashed Catch and start/end markers (golden)", () => {
    expect(toMermaid(orders)).toBe(`flowchart TD
  sc_start(("Start"))
  st_Check_total{"Check total"}
  st_Needs_approval["Needs approval"]
  st_Charge_card["Charge card"]
  st_Declined(["Declined"])
  sc_end((("End")))
  sc_start --> st_Check_total
  st_Check_total -->|"$.total #gt; 1000"| st_Needs_approval
  st_Check_total -->|"Default"| st_Charge_card
  st_Needs_approval --> st_Charge_card
  st_Charge_card -.->|"Card.Declined, States.Timeout"| st_Declined
  st_Charge_card --> sc_end
  st_Declined --> sc_end
  classDef choice fill:#f3e8fd,stroke:#8430ce,color:#1a1a1a
  class st_Check_total choice
  classDef fail fill:#fce8e6,stroke:#c5221f,color:#1a1a1a
  class st_Declined fail
  classDef marker fill:#3c4043,stroke:#3c4043,color:#ffffff
  class sc_start,sc_end marker
  classDef task fill:#e8f0fe,stroke:#3367d6,color:#1a1a1a
  class st_Needs_approval,st_Charge_card task
`);
  });

  it("draws Parallel branches and a Map processor as nested subgraphs (golden)", () => {
    const definition = {
      StartAt: "Fan out",
      States: {
        "Fan out": {
          Type: "Parallel",
          Branches: [
            { StartAt: "A", States: { A: { Type: "Pass", End: true } } },
            { StartAt: "B", States: { B: { Type: "Wait", Seconds: 1, End: true } } },
          ],
          Next: "Each item",
        },
        "Each item": {
          Type: "Map",
          Iterator: { StartAt: "Work", States: { Work: { Type: "Task", Resource: "x", Next: "Work done" }, "Work done": { Type: "Succeed" } } },
          Next: "Done",
        },
        Done: { Type: "Succeed" },
      },
    };
    expect(toMermaid(definition)).toBe(`flowchart TD
  sc_start(("Start"))
  subgraph st_Fan_out["Fan out (Parallel)"]
    subgraph st_Fan_out_b1["Branch 1"]
      st_A("A")
    end
    subgraph st_Fan_out_b2["Branch 2"]
      st_B{{"B"}}
    end
  end
  subgraph st_Each_item["Each item (Map)"]
    st_Work["Work"]
    st_Work_done(["Work done"])
  end
  st_Done(["Done"])
  sc_end((("End")))
  sc_start --> st_Fan_out
  st_Work --> st_Work_done
  st_Fan_out --> st_Each_item
  st_Each_item --> st_Done
  st_Done --> sc_end
  classDef map fill:#fdfbff,stroke:#8430ce,stroke-dasharray:4 2
  class st_Each_item map
  classDef marker fill:#3c4043,stroke:#3c4043,color:#ffffff
  class sc_start,sc_end marker
  classDef parallel fill:#fbfbfd,stroke:#3367d6
  class st_Fan_out parallel
  classDef pass fill:#f1f3f4,stroke:#5f6368,color:#1a1a1a
  class st_A pass
  classDef succeed fill:#e6f4ea,stroke:#188038,color:#1a1a1a
  class st_Work_done,st_Done succeed
  classDef task fill:#e8f0fe,stroke:#3367d6,color:#1a1a1a
  class st_Work task
  classDef wait fill:#fff8e1,stroke:#b08000,color:#1a1a1a
  class st_B wait
`);
  });

  it("sanitises ids and escapes labels for names with spaces, quotes, brackets, pipes and unicode", () => {
    const definition = {
      StartAt: 'Say "hi" [now]',
      States: {
        'Say "hi" [now]': { Type: "Pass", Next: "end" },
        end: { Type: "Pass", Next: "Ünïcødé ✓ <b>|x|" },
        "Ünïcødé ✓ <b>|x|": { Type: "Pass", Next: "Say-hi-now" },
        "Say-hi-now": { Type: "Succeed" },
      },
    };
    const text = toMermaid(definition);
    expect(text).toContain('st_Say_hi_now("Say #quot;hi#quot; [now]")');
    // "end" is a Mermaid keyword; every state id carries the st_ prefix so it can never clash.
    expect(text).toContain('st_end("end")');
    expect(text).toContain('st_Unic_de_b_x("Ünïcødé ✓ #lt;b#gt;#124;x#124;")');
    // Two names that sanitise to the same id get distinct ids.
    expect(text).toContain('st_Say_hi_now_2(["Say-hi-now"])');
    expect(text).toContain("st_Say_hi_now --> st_end");
    const ids = [...text.matchAll(/^\s+(st_\w+)[[({]/gm)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(4);
    for (const line of text.split("\n")) expect(line).toMatch(/^[\x20-\x7e\u00a0-\uffff]*$/);
  });

  it("is deterministic: the same definition gives byte-identical text", () => {
    expect(toMermaid(structuredClone(orders))).toBe(toMermaid(orders));
  });

  it("skips edges to missing states instead of inventing nodes", () => {
    const text = toMermaid({ StartAt: "A", States: { A: { Type: "Pass", Next: "Nowhere" } } });
    expect(text).not.toContain("Nowhere");
    expect(text).not.toContain("sc_end");
  });

  it("throws a clear error for input that is not a state machine", () => {
    expect(() => toMermaid([1, 2])).toThrow(/must be a JSON object, not an array/);
    expect(() => toMermaid({ StartAt: "A" })).toThrow(/no "States" object/);
    expect(() => toMermaid(null)).toThrow(/not null/);
  });
});
