/** Size limits on workflow variables, in UTF-8 bytes of their JSON text. */
export interface VariableLimits {
  /** One variable's value. */
  readonly maxVariableBytes: number;
  /** All values of one Assign together. */
  readonly maxAssignBytes: number;
  /** All variables stored at once in one execution, across every scope. */
  readonly maxExecutionBytes: number;
}

/** AWS's limits: 256 KiB per variable and per Assign, 10 MiB per execution. */
export const AWS_VARIABLE_LIMITS: VariableLimits = {
  maxVariableBytes: 256 * 1024,
  maxAssignBytes: 256 * 1024,
  maxExecutionBytes: 10 * 1024 * 1024,
};

/** The execution-wide account of stored bytes, shared by a root scope and its inner scopes. */
export class VariableBudget {
  private used = 0;

  constructor(readonly limits: VariableLimits = AWS_VARIABLE_LIMITS) {}

  /** Bytes currently stored in all scopes of the execution. */
  get usedBytes(): number {
    return this.used;
  }

  /** Applies a change of `delta` bytes (negative when values shrink or vanish). */
  adjust(delta: number): void {
    this.used += delta;
  }
}
