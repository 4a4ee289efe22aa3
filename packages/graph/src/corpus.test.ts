// Every real-world definition in the shared corpus must draw: Mermaid and HTML, every state named,
// and no two boxes of the HTML layout on top of each other.
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { allStates, buildGraphModel } from "./definition-model.ts";
import { layoutDiagram, type DiagramBlock } from "./diagram-layout.ts";
import { escapeXml } from "./svg.ts";
import { toHtml } from "./html.ts";
import { mermaidLabel } from "./mermaid-text.ts";
import { toMermaid } from "./mermaid.ts";

const CORPUS = resolve(import.meta.dirname, "../../../testdata/corpus/realworld");
const files = readdirSync(CORPUS).filter((f) => f.endsWith(".asl.json")).sort();
const load = (file: string): unknown => JSON.parse(readFileSync(join(CORPUS, file), "utf8"));

interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}
const overlaps = (a: Box, b: Box): boolean => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** Problems in one block and, recursively, in the blocks nested in its containers. */
function layoutProblems(block: DiagramBlock, where: string): string[] {
  const problems: string[] = [];
  const boxes: [string, Box][] = [
    ...block.nodes.map((n): [string, Box] => [n.name, n]),
    ...block.edges.flatMap((e): [string, Box][] => (e.labelBox && !e.selfLoop ? [[`label ${e.from}->${e.to}`, e.labelBox]] : [])),
  ];
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const [a, boxA] = boxes[i]!;
      const [b, boxB] = boxes[j]!;
      if (overlaps(boxA, boxB)) problems.push(`${where}: '${a}' overlaps '${b}'`);
    }
  }
  for (const node of block.nodes) {
    for (const child of node.blocks) {
      if (child.x < 0 || child.y < 0 || child.x + child.width > node.width + 0.5 || child.y + child.height > node.height + 0.5) {
        problems.push(`${where}: block '${child.title}' sticks out of '${node.name}'`);
      }
      problems.push(...layoutProblems(child, `${where}/${node.name}`));
    }
  }
  return problems;
}

describe("graph over the real-world corpus", () => {
  it("has definitions to test", () => {
    expect(files.length).toBeGreaterThan(100);
  });

  it.each(files)("%s renders as Mermaid and HTML, naming every state, without overlapping boxes", (file) => {
    const definition = load(file);
    const names = allStates(buildGraphModel(definition).root).map((s) => s.name);
    expect(names.length).toBeGreaterThan(0);

    const mermaid = toMermaid(definition);
    expect(mermaid.startsWith("flowchart TD\n")).toBe(true);
    for (const name of names) expect(mermaid).toContain(`"${mermaidLabel(name)}`);

    const html = toHtml(definition);
    for (const name of names) expect(html).toContain(`data-state="${escapeXml(name)}"`);
    expect(html).not.toMatch(/\b(src|href)="https?:/);

    expect(layoutProblems(layoutDiagram(buildGraphModel(definition)), "")).toEqual([]);
  });
});
