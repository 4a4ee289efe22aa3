/**
 * Writes one block (the workflow, a Parallel branch, a Map processor) as builder code: variable
 * declarations for shared states, then the chain expression starting at StartAt.
 */
import { planBlock } from "./block-plan.ts";
import type { ImportSet } from "./condition-code.ts";
import { stateCall, type StateCall, type StateContext } from "./state-code.ts";

export type Language = "JSONPath" | "JSONata";

/** Identifiers already used in the module (closures nest, so names are unique module-wide). */
export class NameRegistry {
  private readonly used = new Set<string>(["flow", "goto", "resource", "workflow", "typeOnly", "untyped", "jsonPath", "jsonata", "jsonPathRule", "jsonataCondition", "and", "or", "not", "timestamp"]);

  /** A fresh camelCase identifier from a state name. */
  fresh(base: string): string {
    const words = base.replace(/[^A-Za-z0-9]+/g, " ").trim().split(" ").filter((w) => w.length > 0);
    let name = words.map((w, i) => (i === 0 ? w.charAt(0).toLowerCase() + w.slice(1) : w.charAt(0).toUpperCase() + w.slice(1))).join("");
    if (name === "" || /^\d/.test(name)) name = `state${name}`;
    if (RESERVED.has(name)) name = `${name}State`;
    let candidate = name;
    for (let i = 2; this.used.has(candidate); i++) candidate = `${name}${i}`;
    this.used.add(candidate);
    return candidate;
  }
}

const RESERVED = new Set(
  "break case catch class const continue debugger default delete do else enum export extends false finally for function if import in instanceof new null return super switch this throw true try typeof var void while with yield let static implements interface package private protected public await async of undefined".split(" "),
);

export interface ModuleWriter {
  readonly imports: ImportSet;
  readonly names: NameRegistry;
  readonly workflowLanguage: Language;
}

/** The code of a block: statements to put before, and the chain expression. */
export interface BlockCode {
  readonly statements: readonly string[];
  readonly expression: string;
}

/** Generates the block with `factories` (the workflow's `flow`, or a branch's parameter). */
export function blockCode(block: Record<string, unknown>, factories: string, language: Language, writer: ModuleWriter): BlockCode {
  const plan = planBlock(block);
  const statements: string[] = [];
  const fullVar = new Map<string, string>();

  const languageOf = (state: Record<string, unknown>): Language =>
    state["QueryLanguage"] === "JSONata" || state["QueryLanguage"] === "JSONPath" ? state["QueryLanguage"] : language;

  const declare = (base: string, expression: string): string => {
    const name = writer.names.fresh(base);
    statements.push(`const ${name} = ${expression};`);
    return name;
  };

  const isTreeEdge = (from: string, slot: string, to: string): boolean => plan.treeEdge.get(to) === `${from}|${slot}`;

  /** A transition from `from`'s `slot` to `to`, as a chain expression. */
  const target = (from: string, slot: string, to: string): string => {
    if (!isTreeEdge(from, slot, to)) {
      writer.imports.add("goto");
      return `goto(${ensureHead(to)})`;
    }
    if (plan.shared.has(to)) return ensureFull(to);
    return chain(to, { kind: "start" });
  };

  const context = (name: string, state: Record<string, unknown>, declaredFirst: boolean): StateContext => ({
    imports: writer.imports,
    language: languageOf(state),
    workflowLanguage: writer.workflowLanguage,
    target: (slot, to) => target(name, slot, to),
    declaredFirst,
    block: (nested, hint) => nestedBlock(nested, hint, languageOf(state), writer),
  });

  /**
   * An `End` inside a Catch target would be joined to what follows the catching state: `.end()`
   * keeps it an end (Succeed and Fail end by themselves).
   */
  const endsInCatchTarget = (name: string, state: Record<string, unknown>): boolean =>
    state["End"] === true && plan.captured.has(name) && state["Type"] !== "Succeed" && state["Type"] !== "Fail";

  const call = (name: string, declaredFirst: boolean): StateCall => {
    const state = plan.states[name] ?? {};
    return stateCall(name, state, context(name, state, declaredFirst));
  };

  // A shared state is declared before anything that leads to it is written: its own call writes
  // no target (its Choice rules and Catchers come in `edges`), so a loop back to it is a `goto`.
  const headVar = new Map<string, string>();
  const pendingEdges = new Map<string, () => string>();

  function ensureHead(name: string): string {
    const known = headVar.get(name);
    if (known !== undefined) return known;
    const c = call(name, true);
    const variable = declare(name, `${factories}.${c.call}`);
    headVar.set(name, variable);
    pendingEdges.set(name, c.edges);
    return variable;
  }

  function ensureFull(name: string): string {
    const known = fullVar.get(name);
    if (known !== undefined) return known;
    const head = ensureHead(name);
    const expression = continuation(name, head, pendingEdges.get(name) ?? (() => ""));
    const variable = expression === head ? head : declare(`${name}Flow`, expression);
    fullVar.set(name, variable);
    return variable;
  }

  /** What follows a state's own call: its edges (Choice rules, Retriers, Catchers), then the chain from its Next. */
  function continuation(name: string, head: string, edges: () => string): string {
    const state = plan.states[name] ?? {};
    const lead = `${head}${edges()}${endsInCatchTarget(name, state) ? "\n.end()" : ""}`;
    const next = state["Next"];
    if (state["Type"] === "Choice" || typeof next !== "string") return lead;
    if (isTreeEdge(name, "next", next) && !plan.shared.has(next)) return chain(next, { kind: "continue", expression: lead });
    return `${lead}\n.then(${target(name, "next", next)})`;
  }

  /** The chain from `name` on, either starting fresh or continuing `lead` fluently. */
  function chain(name: string, lead: { kind: "start" } | { kind: "continue"; expression: string }): string {
    if (plan.shared.has(name)) {
      const full = ensureFull(name);
      return lead.kind === "start" ? full : `${lead.expression}\n.then(${full})`;
    }
    const c = call(name, false);
    const head = lead.kind === "start" ? `${factories}.${c.call}` : `${lead.expression}\n.${c.call}`;
    return continuation(name, head, c.edges);
  }

  const expression = plan.startAt in plan.states ? chain(plan.startAt, { kind: "start" }) : `${factories}.succeed("Empty")`;
  return { statements, expression };
}

/** A nested block as a function of fresh factories: `(b) => b.pass(…)` or a body with declarations. */
function nestedBlock(block: Record<string, unknown>, hint: string, language: Language, writer: ModuleWriter): string {
  const parameter = writer.names.fresh(hint);
  const code = blockCode(block, parameter, language, writer);
  if (code.statements.length === 0) return `(${parameter}) => ${code.expression}`;
  return `(${parameter}) => {\n${code.statements.join("\n")}\nreturn ${code.expression};\n}`;
}
