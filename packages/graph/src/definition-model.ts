// Turns an ASL definition (plain JSON, possibly invalid) into the small tree both renderers draw.
// It never trusts the input: anything it cannot draw becomes a warning instead of an exception,
// so `graph` still shows a half-written workflow.
import { describeChoiceRule } from "./choice-label.ts";

/** How a transition arises; renderers style each kind differently. */
export type EdgeKind = "next" | "default" | "choice" | "catch";

/** One arrow between two states of the same States block. */
export interface GraphEdge {
  readonly from: string;
  readonly to: string;
  readonly kind: EdgeKind;
  /** Short text for the arrow: the Choice rule, "Default", or the caught error names. */
  readonly label?: string;
}

/** A state as the renderers see it. */
export interface GraphState {
  readonly name: string;
  /** The `Type` field as written; unknown or missing types are kept so the picture shows them. */
  readonly type: string;
  /** True when the state ends its States block (End: true, Succeed, Fail). */
  readonly terminal: boolean;
  /** Parallel branches, or the single Map ItemProcessor/Iterator; empty for other types. */
  readonly children: readonly GraphBlock[];
}

/** One States object: the top level, a Parallel branch or a Map processor. */
export interface GraphBlock {
  /** A stable label: "" for the top level, "Branch 1", "Item processor". */
  readonly title: string;
  readonly startAt: string | undefined;
  readonly states: readonly GraphState[];
  readonly edges: readonly GraphEdge[];
}

/** The whole drawing input plus the problems found while reading the definition. */
export interface GraphModel {
  readonly root: GraphBlock;
  readonly warnings: readonly string[];
}

/** Thrown when the input is not shaped like a state machine at all (no States object). */
export class GraphInputError extends Error {
  override readonly name = "GraphInputError";
}

type JsonRecord = Readonly<Record<string, unknown>>;

const isRecord = (value: unknown): value is JsonRecord => typeof value === "object" && value !== null && !Array.isArray(value);

/** Reads a definition into a GraphModel; throws GraphInputError only when there is nothing to draw. */
export function buildGraphModel(definition: unknown): GraphModel {
  if (!isRecord(definition)) {
    throw new GraphInputError(`a state machine definition must be a JSON object, not ${describeJsonType(definition)}`);
  }
  if (!isRecord(definition["States"])) {
    throw new GraphInputError("the definition has no \"States\" object, so there is nothing to draw");
  }
  const warnings: string[] = [];
  const root = readBlock(definition, "", "", warnings);
  return { root, warnings };
}

function readBlock(source: JsonRecord, title: string, where: string, warnings: string[]): GraphBlock {
  const rawStates = isRecord(source["States"]) ? source["States"] : {};
  const startAt = typeof source["StartAt"] === "string" ? source["StartAt"] : undefined;
  const names = new Set(Object.keys(rawStates));
  const label = where === "" ? "the top level" : where;
  if (startAt === undefined) warnings.push(`${label}: StartAt is missing`);
  else if (!names.has(startAt)) warnings.push(`${label}: StartAt '${startAt}' is not a state here`);

  const states: GraphState[] = [];
  const edges: GraphEdge[] = [];
  for (const [name, raw] of Object.entries(rawStates)) {
    if (!isRecord(raw)) {
      warnings.push(`state '${name}' is not an object`);
      states.push({ name, type: "Unknown", terminal: false, children: [] });
      continue;
    }
    const type = typeof raw["Type"] === "string" ? raw["Type"] : "Unknown";
    const terminal = raw["End"] === true || type === "Succeed" || type === "Fail";
    states.push({ name, type, terminal, children: readChildren(name, type, raw, warnings) });
    for (const edge of readEdges(name, raw)) {
      if (names.has(edge.to)) edges.push(edge);
      else warnings.push(`state '${name}': ${edge.kind} target '${edge.to}' is not a state in the same States block`);
    }
  }
  return { title, startAt, states, edges };
}

function readChildren(name: string, type: string, raw: JsonRecord, warnings: string[]): GraphBlock[] {
  if (type === "Parallel") {
    const branches = Array.isArray(raw["Branches"]) ? raw["Branches"] : [];
    return branches.flatMap((branch: unknown, index) => {
      const title = `Branch ${index + 1}`;
      if (isRecord(branch)) return [readBlock(branch, title, `'${name}' ${title}`, warnings)];
      warnings.push(`state '${name}': ${title} is not an object`);
      return [];
    });
  }
  if (type === "Map") {
    const processor = raw["ItemProcessor"] ?? raw["Iterator"];
    if (isRecord(processor)) return [readBlock(processor, "Item processor", `'${name}' item processor`, warnings)];
    warnings.push(`state '${name}': Map has no ItemProcessor`);
  }
  return [];
}

function readEdges(name: string, raw: JsonRecord): GraphEdge[] {
  const edges: GraphEdge[] = [];
  if (typeof raw["Next"] === "string") edges.push({ from: name, to: raw["Next"], kind: "next" });
  if (Array.isArray(raw["Choices"])) {
    raw["Choices"].forEach((rule: unknown, index) => {
      if (isRecord(rule) && typeof rule["Next"] === "string") {
        edges.push({ from: name, to: rule["Next"], kind: "choice", label: describeChoiceRule(rule, index) });
      }
    });
  }
  if (typeof raw["Default"] === "string") edges.push({ from: name, to: raw["Default"], kind: "default", label: "Default" });
  if (Array.isArray(raw["Catch"])) {
    for (const catcher of raw["Catch"] as unknown[]) {
      if (!isRecord(catcher) || typeof catcher["Next"] !== "string") continue;
      const errors = Array.isArray(catcher["ErrorEquals"]) ? catcher["ErrorEquals"].filter((e) => typeof e === "string") : [];
      edges.push({ from: name, to: catcher["Next"], kind: "catch", label: errors.length > 0 ? errors.join(", ") : "catch" });
    }
  }
  return edges;
}

/** "an array", "a string", "null"… for error messages about the wrong JSON type. */
export function describeJsonType(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  const type = typeof value;
  return type === "object" ? "an object" : `a ${type}`;
}

/** Every state of the model, depth first in definition order (nested states after their parent). */
export function allStates(block: GraphBlock): GraphState[] {
  return block.states.flatMap((state) => [state, ...state.children.flatMap(allStates)]);
}
