// Builds GetExecutionHistory-shaped event lists (checklist §13) for tests and examples, with ids
// and previousEventId links filled in the way AWS writes them for a sequential execution.
import type { ExecutionEvent } from "../execution-status.ts";

/** Appends events in order; each event's previousEventId is the one before it unless given. */
export class HistoryBuilder {
  readonly events: ExecutionEvent[] = [];
  private clock = Date.parse("2026-01-01T00:00:00Z");

  constructor() {
    this.add("ExecutionStarted", { executionStartedEventDetails: { input: "{}", roleArn: "arn:aws:iam::123456789012:role/x" } });
  }

  /** Adds one event and returns its id. */
  add(type: string, fields: Readonly<Record<string, unknown>> = {}, previousEventId?: number): number {
    const id = this.events.length + 1;
    this.clock += 100;
    this.events.push({ id, previousEventId: previousEventId ?? id - 1, timestamp: new Date(this.clock).toISOString(), type, ...fields });
    return id;
  }

  /** `<type>StateEntered` for a state. */
  enter(type: string, name: string, previousEventId?: number): number {
    return this.add(`${type}StateEntered`, { stateEnteredEventDetails: { name, input: "{}" } }, previousEventId);
  }

  /** `<type>StateExited` for a state. */
  exit(type: string, name: string, previousEventId?: number): number {
    return this.add(`${type}StateExited`, { stateExitedEventDetails: { name, output: "{}" } }, previousEventId);
  }

  /** Entered then Exited: a Pass, Choice, Wait or Succeed state. */
  step(type: string, name: string): this {
    this.enter(type, name);
    this.exit(type, name);
    return this;
  }

  /**
   * A Task state whose first `failures` attempts fail with `error`; it ends in success after the
   * retries unless `outcome` says the last failure was caught (exits) or uncaught (stays open).
   */
  task(name: string, failures = 0, outcome: "succeeded" | "caught" | "uncaught" = "succeeded", error = "Lambda.ServiceException"): this {
    this.enter("Task", name);
    const attempts = outcome === "succeeded" ? failures + 1 : failures;
    for (let attempt = 1; attempt <= attempts; attempt++) {
      this.add("TaskScheduled", { taskScheduledEventDetails: { resourceType: "lambda", resource: "invoke", region: "us-east-1", parameters: "{}" } });
      this.add("TaskStarted", { taskStartedEventDetails: { resourceType: "lambda", resource: "invoke" } });
      if (attempt <= failures) {
        this.add("TaskFailed", { taskFailedEventDetails: { resourceType: "lambda", resource: "invoke", error, cause: `attempt ${attempt} failed` } });
      } else {
        this.add("TaskSucceeded", { taskSucceededEventDetails: { resourceType: "lambda", resource: "invoke", output: "{}" } });
      }
    }
    if (outcome !== "uncaught") this.exit("Task", name);
    return this;
  }

  /** ExecutionSucceeded. */
  succeed(): this {
    this.add("ExecutionSucceeded", { executionSucceededEventDetails: { output: "{}" } });
    return this;
  }

  /** ExecutionFailed with an error and cause. */
  fail(error: string, cause: string): this {
    this.add("ExecutionFailed", { executionFailedEventDetails: { error, cause } });
    return this;
  }
}
