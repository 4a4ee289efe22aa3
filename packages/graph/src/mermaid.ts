// Mermaid `flowchart TD` text for READMEs and pull requests (GitHub renders it inline).
import { buildGraphModel, type GraphBlock, type GraphEdge, type GraphState } from "./definition-model.ts";
import { MermaidIds, mermaidLabel } from "./mermaid-text.ts";

const SHAPES: Readonly<Record<string, readonly [string, string]>> = {
  Task: ["[", "]"],
  Pass: ["(", ")"],
  Wait: ["{{", "}}"],
  Choice: ["{", "}"],
  Succeed: ["([", "])"],
  Fail: ["([", "])"],
};

// One colour per state type, matching the HTML page's legend.
const CLASS_STYLES: Readonly<Record<string, string>> = {
  choice: "fill:#f3e8fd,stroke:#8430ce,color:#1a1a1a",
  fail: "fill:#fce8e6,stroke:#c5221f,color:#1a1a1a",
  map: "fill:#fdfbff,stroke:#8430ce,stroke-dasharray:4 2",
  marker: "fill:#3c4043,stroke:#3c4043,color:#ffffff",
  parallel: "fill:#fbfbfd,stroke:#3367d6",
  pass: "fill:#f1f3f4,stroke:#5f6368,color:#1a1a1a",
  succeed: "fill:#e6f4ea,stroke:#188038,color:#1a1a1a",
  task: "fill:#e8f0fe,stroke:#3367d6,color:#1a1a1a",
  unknown: "fill:#ffffff,stroke:#9aa0a6,color:#1a1a1a",
  wait: "fill:#fff8e1,stroke:#b08000,color:#1a1a1a",
};

const KNOWN_CLASSES = new Set(["task", "pass", "wait", "choice", "succeed", "fail", "parallel", "map"]);

/** Renders an ASL definition as a deterministic Mermaid flowchart (same input, same text). */
export function toMermaid(definition: unknown): string {
  const { root } = buildGraphModel(definition);
  const ids = new MermaidIds();
  const stateIds = new Map<string, string>();
  const lines: string[] = ["flowchart TD"];
  const classes = new Map<string, string[]>();
  const edges: string[] = [];

  const addClass = (cls: string, id: string): void => {
    const list = classes.get(cls) ?? [];
    list.push(id);
    classes.set(cls, list);
  };

  // Ids first, in definition order, so a state's id never depends on where an edge mentions it.
  const assignIds = (block: GraphBlock): void => {
    for (const state of block.states) {
      if (!stateIds.has(state.name)) stateIds.set(state.name, ids.create(state.name));
      state.children.forEach(assignIds);
    }
  };
  assignIds(root);
  const idOf = (name: string): string => stateIds.get(name) ?? ids.create(name);

  const writeBlock = (block: GraphBlock, indent: string): void => {
    for (const state of block.states) writeState(state, indent);
    for (const edge of block.edges) edges.push(formatEdge(edge, idOf));
  };

  const writeState = (state: GraphState, indent: string): void => {
    const id = idOf(state.name);
    const cls = KNOWN_CLASSES.has(state.type.toLowerCase()) ? state.type.toLowerCase() : "unknown";
    addClass(cls, id);
    if (state.type !== "Parallel" && state.type !== "Map") {
      const [open, close] = SHAPES[state.type] ?? ["[", "]"];
      lines.push(`${indent}${id}${open}"${mermaidLabel(state.name)}"${close}`);
      return;
    }
    lines.push(`${indent}subgraph ${id}["${mermaidLabel(`${state.name} (${state.type})`)}"]`);
    if (state.type === "Map") {
      // A Map has one processor; a subgraph inside a subgraph would only add a box.
      for (const processor of state.children) writeBlock(processor, `${indent}  `);
    } else {
      state.children.forEach((branch, index) => {
        const branchId = ids.create(`${id}_b${index + 1}`, "");
        lines.push(`${indent}  subgraph ${branchId}["${mermaidLabel(branch.title)}"]`);
        writeBlock(branch, `${indent}    `);
        lines.push(`${indent}  end`);
      });
    }
    lines.push(`${indent}end`);
  };

  lines.push('  sc_start(("Start"))');
  addClass("marker", "sc_start");
  writeBlock(root, "  ");
  const terminals = root.states.filter((s) => s.terminal);
  if (terminals.length > 0) {
    lines.push('  sc_end((("End")))');
    addClass("marker", "sc_end");
  }
  if (root.startAt !== undefined && stateIds.has(root.startAt)) edges.unshift(`sc_start --> ${idOf(root.startAt)}`);
  for (const state of terminals) edges.push(`${idOf(state.name)} --> sc_end`);

  lines.push(...edges.map((e) => `  ${e}`));
  // Only the classes in use, sorted, so diffs between two versions of a workflow stay small.
  for (const [cls, members] of [...classes].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    lines.push(`  classDef ${cls} ${CLASS_STYLES[cls] ?? ""}`, `  class ${members.join(",")} ${cls}`);
  }
  return `${lines.join("\n")}\n`;
}

function formatEdge(edge: GraphEdge, idOf: (name: string) => string): string {
  const arrow = edge.kind === "catch" ? "-.->" : "-->";
  const label = edge.label === undefined ? "" : `|"${mermaidLabel(edge.label)}"|`;
  return `${idOf(edge.from)} ${arrow}${label} ${idOf(edge.to)}`;
}
