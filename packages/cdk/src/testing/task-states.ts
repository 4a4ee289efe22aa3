// The Task states of a definition, nested ones included, with the constructs each one names.
import type { ConstructInfo } from "./stack-model.ts";

/** A Task state and the constructs its Resource, Parameters or Arguments name. */
export interface TaskStateUse {
  readonly stateName: string;
  readonly resource: string;
  readonly constructs: readonly ConstructInfo[];
}

/** Every Task state in `definition` (inside Parallel branches and Map processors too). */
export function taskStates(definition: unknown, byValue: ReadonlyMap<string, ConstructInfo>): TaskStateUse[] {
  const found: TaskStateUse[] = [];
  const visit = (machine: unknown): void => {
    const states = (machine as { States?: unknown } | null)?.States;
    if (typeof states !== "object" || states === null) return;
    for (const [stateName, state] of Object.entries(states as Record<string, Record<string, unknown>>)) {
      if (state["Type"] === "Task" && typeof state["Resource"] === "string") {
        const named = new Set<ConstructInfo>();
        collectConstructs([state["Resource"], state["Parameters"], state["Arguments"]], byValue, named);
        found.push({ stateName, resource: state["Resource"], constructs: [...named] });
      }
      for (const branch of Array.isArray(state["Branches"]) ? state["Branches"] : []) visit(branch);
      visit(state["ItemProcessor"]);
      visit(state["Iterator"]);
    }
  };
  visit(definition);
  return found;
}

/** A qualified Lambda ARN (`…:function:name:alias`) names the same construct as the bare one. */
export function constructOfText(text: string, byValue: ReadonlyMap<string, ConstructInfo>): ConstructInfo | undefined {
  return byValue.get(text) ?? (text.startsWith("arn:") ? byValue.get(text.replace(/(:function:[^:]+):[^:]+$/, "$1")) : undefined);
}

function collectConstructs(value: unknown, byValue: ReadonlyMap<string, ConstructInfo>, into: Set<ConstructInfo>): void {
  if (typeof value === "string") {
    const info = constructOfText(value, byValue);
    if (info !== undefined) into.add(info);
  } else if (Array.isArray(value)) {
    for (const item of value) collectConstructs(item, byValue, into);
  } else if (typeof value === "object" && value !== null) {
    for (const item of Object.values(value)) collectConstructs(item, byValue, into);
  }
}
