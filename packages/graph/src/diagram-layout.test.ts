import { describe, expect, it } from "vitest";
import { buildGraphModel } from "./definition-model.ts";
import { layoutDiagram, METRICS, type DiagramBlock } from "./diagram-layout.ts";
import { textWidth } from "./text-measure.ts";

const layout = (definition: unknown): DiagramBlock => layoutDiagram(buildGraphModel(definition));

describe("layoutDiagram", () => {
  it("adds Start and End markers to the top level, with the End at the bottom", () => {
    const root = layout({ StartAt: "A", States: { A: { Type: "Pass", Next: "B" }, B: { Type: "Succeed" } } });
    expect(root.nodes.map((n) => [n.kind, n.name])).toEqual([
      ["start", "Start"],
      ["state", "A"],
      ["state", "B"],
      ["end", "End"],
    ]);
    const ys = root.nodes.map((n) => n.y);
    expect([...ys].sort((a, b) => a - b)).toEqual(ys);
    expect(root.edges.map((e) => [e.kind, e.from, e.to])).toEqual([
      ["start", "Start", "A"],
      ["next", "A", "B"],
      ["end", "B", "End"],
    ]);
  });

  it("sizes a node to fit its wrapped name, and wraps long names", () => {
    const name = "Send the monthly invoice to every customer who asked for one";
    const root = layout({ StartAt: name, States: { [name]: { Type: "Task", Resource: "x", End: true } } });
    const node = root.nodes[1]!;
    expect(node.lines.length).toBeGreaterThan(1);
    for (const line of node.lines) expect(textWidth(line, METRICS.nameFont) + 2 * METRICS.nodePadX).toBeLessThanOrEqual(node.width);
    expect(node.height).toBe(2 * METRICS.nodePadY + METRICS.captionLine + node.lines.length * METRICS.nameLine);
  });

  it("places Parallel branches side by side inside their container, without markers", () => {
    const root = layout({
      StartAt: "P",
      States: {
        P: {
          Type: "Parallel",
          Branches: [
            { StartAt: "A", States: { A: { Type: "Pass", Next: "A2" }, A2: { Type: "Pass", End: true } } },
            { StartAt: "B", States: { B: { Type: "Pass", End: true } } },
          ],
          End: true,
        },
      },
    });
    const container = root.nodes.find((n) => n.name === "P")!;
    const [left, right] = container.blocks;
    expect(left && right).toBeTruthy();
    expect(left!.x + left!.width).toBeLessThanOrEqual(right!.x);
    for (const block of container.blocks) {
      expect(block.y).toBeGreaterThanOrEqual(METRICS.containerHeader);
      expect(block.x + block.width).toBeLessThanOrEqual(container.width);
      expect(block.y + block.height).toBeLessThanOrEqual(container.height);
      expect(block.nodes.every((n) => n.kind === "state")).toBe(true);
    }
    expect(left!.edges.map((e) => [e.from, e.to])).toEqual([["A", "A2"]]);
  });

  it("gives labelled edges a label box between the two states", () => {
    const root = layout({
      StartAt: "C",
      States: { C: { Type: "Choice", Choices: [{ Variable: "$.total", NumericGreaterThan: 1000, Next: "Big" }], Default: "Big" }, Big: { Type: "Succeed" } },
    });
    const rule = root.edges.find((e) => e.kind === "choice")!;
    expect(rule.labelLines).toEqual(["$.total > 1000"]);
    const c = root.nodes.find((n) => n.name === "C")!;
    const big = root.nodes.find((n) => n.name === "Big")!;
    expect(rule.labelBox!.y).toBeGreaterThanOrEqual(c.y + c.height);
    expect(rule.labelBox!.y + rule.labelBox!.height).toBeLessThanOrEqual(big.y);
  });

  it("lays out a definition with no states as an empty block", () => {
    const root = layout({ StartAt: "A", States: {} });
    expect(root.nodes.map((n) => n.kind)).toEqual(["start"]);
    expect(root.edges).toEqual([]);
  });
});
