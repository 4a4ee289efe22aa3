import type { VariableReader } from "../data/scope.ts";
import { AWS_VARIABLE_LIMITS, VariableBudget, type VariableLimits } from "./limits.ts";

/** A stored variable: its value and the byte size of its JSON text (for the limits). */
export interface StoredVariable {
  readonly value: unknown;
  readonly bytes: number;
}

/** Options of {@link VariableScope.child}. */
export interface ChildScopeOptions {
  /**
   * A Distributed Map child workflow: it cannot read outer variables and, being an execution of
   * its own, has its own 10 MiB budget.
   */
  readonly isolated?: boolean;
}

/**
 * The variables of one `States` block: the top level of the machine, or one Parallel branch or
 * Map iteration. Reads fall back to the enclosing scope (except for isolated scopes); writes
 * always stay in this scope, so a branch's or iteration's variables vanish with it and are never
 * seen by its siblings. A Map/Parallel Catcher's Assign writes the outer scope: the interpreter
 * passes that scope to `assignVariables`.
 */
export class VariableScope implements VariableReader {
  private readonly values = new Map<string, StoredVariable>();
  private disposed = false;

  private constructor(
    private readonly parent: VariableScope | undefined,
    /** The execution-wide byte budget this scope draws from. */
    readonly budget: VariableBudget,
  ) {}

  /** The top-level scope of a new execution. */
  static root(limits: VariableLimits = AWS_VARIABLE_LIMITS): VariableScope {
    return new VariableScope(undefined, new VariableBudget(limits));
  }

  /** A scope for one Parallel branch or Map iteration. */
  child(options: ChildScopeOptions = {}): VariableScope {
    return options.isolated === true
      ? new VariableScope(undefined, new VariableBudget(this.budget.limits))
      : new VariableScope(this, this.budget);
  }

  /** The variable's value from this scope or an enclosing one; `undefined` when unassigned. */
  read(name: string): unknown {
    const own = this.values.get(name);
    return own !== undefined ? own.value : this.parent?.read(name);
  }

  /** The variable as stored in this scope only (not enclosing ones). */
  own(name: string): StoredVariable | undefined {
    return this.values.get(name);
  }

  /** Names assigned in this scope only. */
  ownNames(): string[] {
    return [...this.values.keys()];
  }

  /**
   * Stores already-validated values. Used by `assignVariables`, which checks names and limits
   * first so that an Assign is all-or-nothing.
   */
  store(entries: ReadonlyArray<readonly [string, StoredVariable]>): void {
    if (this.disposed) throw new Error("VariableScope: cannot assign in a scope whose branch or iteration has ended");
    for (const [name, stored] of entries) {
      this.budget.adjust(stored.bytes - (this.values.get(name)?.bytes ?? 0));
      this.values.set(name, stored);
    }
  }

  /** Ends a branch or iteration: its variables vanish and stop counting against the budget. */
  dispose(): void {
    if (this.disposed) return;
    for (const stored of this.values.values()) this.budget.adjust(-stored.bytes);
    this.values.clear();
    this.disposed = true;
  }
}
